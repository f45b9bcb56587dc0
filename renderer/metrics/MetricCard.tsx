// One metric: its heading, a "?" that says exactly how it is measured (also read by screen readers
// as the button's description), the chart, and a button that saves the data behind it as CSV.
import { useId, useState, type ReactNode } from 'react';
import { saveTextFile } from '../client/saveFile';

interface Props {
  title: string;
  definition: string;
  csv: () => { fileName: string; content: string };
  children: ReactNode;
}

export function MetricCard({ title, definition, csv, children }: Props) {
  const definitionId = useId();
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    const { fileName, content } = csv();
    const outcome = await saveTextFile(fileName, content);
    setMessage(outcome.saved ? outcome.message : null);
  };
  return (
    <section className="card metric-card" aria-label={title}>
      <div className="metric-head">
        <h3>{title}</h3>
        <button
          type="button"
          className="metric-help"
          aria-label={`How “${title}” is measured`}
          aria-describedby={definitionId}
          aria-expanded={shown}
          onClick={() => setShown(!shown)}
        >
          ?
        </button>
        <button type="button" className="metric-csv" onClick={() => void save()}>
          Download CSV<span className="visually-hidden"> of {title}</span>
        </button>
      </div>
      <p id={definitionId} className={`metric-definition${shown ? ' shown' : ''}`}>
        {definition}
      </p>
      {children}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
