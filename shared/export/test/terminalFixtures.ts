// Terminal entries and recordings for the postmortem tests: pinned excerpts and logged
// commands built by the real entry-text functions, then the hostile text a user could edit in.
import type { IncidentSnapshot, TimelineEntry } from '../../model/types';
import { commandEntryText, pinEntryText } from '../../terminal/entryText';
import type { RecordingInfo } from '../../terminal/protocol';
import { hostileSnapshot } from './fixtures';

const AT = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 22, 0) + minute * 60_000).toISOString();

/** Terminal output a pin may hold: backticks, fences, tildes, controls, long lines, Markdown. */
export const HOSTILE_EXCERPTS = [
  'sending incremental file list\ndeleting data/base/16384/2619\ndeleting data/base/16384/2620',
  '```\nfenced | code\n```\n```` four ````',
  '~~~\ntilde fence\n~~~\n~~~~~',
  '\x1b[31mred\x1b[0m \x07bell \x00nul\tTAB\r\nprogress 10%\rprogress 100%',
  `${'a_very_long_line|'.repeat(80)}`,
  '# heading\n<script>alert(1)</script>\n[x](javascript:alert(1))\n- list\n1. one\n---\n***',
];

/** Entry text a user may have typed or edited into a terminal entry. */
export const HOSTILE_TERMINAL_TEXTS = [
  'no fence at all, just `$ ls`',
  '```\nunclosed fence from an edited entry',
  'Caption with | pipe and **bold**\n\n~~~\ninside\n~~~',
  '   ```js\nconsole.log(1)\n   ```\ntrailing paragraph',
];

function terminalEntry(index: number, text: string, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: `01TERM${String(index).padStart(3, '0')}`,
    occurredAt: AT(index * 7),
    recordedAt: AT(index * 7),
    author: index % 2 === 0 ? 'Ann | <ops>.' : 'bob_the_[dba]',
    kind: 'terminal',
    text,
    workstream: '',
    key: true,
    retraction: null,
    history: [],
    ...patch,
  };
}

export function terminalEntries(): TimelineEntry[] {
  const texts = [
    ...HOSTILE_EXCERPTS.map((excerpt, i) => pinEntryText({ terminalName: i % 2 === 0 ? 'db-1' : '`db` | **2**', excerpt })),
    commandEntryText({ terminalName: 'db-1', command: { seq: 1, line: 'rsync -av --delete /data/ standby:/data/', cwd: '/srv', startedAt: AT(1), endedAt: AT(3), exitCode: 0 } }),
    commandEntryText({ terminalName: 'db-1', command: { seq: 2, line: 'for f in *.wal\ndo cp "$f" /backup\ndone', cwd: null, startedAt: AT(4), endedAt: null, exitCode: null } }),
    ...HOSTILE_TERMINAL_TEXTS,
  ];
  return texts.map((text, i) =>
    terminalEntry(i, text, {
      key: i % 5 !== 4,
      retraction: i % 4 === 1 ? { by: 'Ann | x', at: AT(i * 7 + 1), reason: 'wrong host <b>x</b>.' } : null,
    }),
  );
}

export const HOSTILE_RECORDINGS: RecordingInfo[] = [
  { id: '01REC2', incidentId: '01HOSTILE', title: 'db-1', startedAt: AT(30), durationSeconds: 3725.5, width: 120, height: 40, bytes: 12_345, fileName: '01REC2.cast' },
  { id: '01REC1', incidentId: '01HOSTILE', title: '# `db` | [x](javascript:1) <b>', startedAt: AT(2), durationSeconds: 12, width: 80, height: 24, bytes: 99, fileName: 'we ird](x) <y>.cast' },
];

/** The hostile snapshot with the terminal entries merged into its timeline. */
export function terminalSnapshot(): IncidentSnapshot {
  const base = hostileSnapshot();
  return { ...base, entries: [...base.entries, ...terminalEntries()] };
}
