// A hit's snippet: the index's words as text, matched ones in <mark>. Never HTML from the index.
import type { SnippetSegment } from '../../shared/protocol/search';

export function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <span className="search-snippet">
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
