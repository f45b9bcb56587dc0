// A terminal's History: every command its shell reported (through shell integration), with
// when it started on the incident's clock, how long it took and how it ended.
import type { CommandRecord } from '../../shared/terminal/protocol';
import { commandRow } from './terminalEntries';

export function CommandHistory({ terminalName, history, capture, zone }: { terminalName: string; history: CommandRecord[]; capture: boolean; zone: string }) {
  const caption = `History of ${terminalName}`;
  if (history.length === 0) {
    return (
      <section className="terminal-history" aria-label={caption}>
        <h3>History</h3>
        <p className="muted">{capture ? 'Commands run in this terminal appear here.' : 'Command capture is not active for this shell (bash and zsh only).'}</p>
      </section>
    );
  }
  const rows = history.map((command) => commandRow(command, zone)).reverse();
  return (
    <section className="terminal-history" aria-label={caption}>
      <h3>History</h3>
      <div className="terminal-history-scroll">
        <table className="data-table terminal-history-table" aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">Command</th>
              <th scope="col">Started</th>
              <th scope="col">Took</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td className="mono" title={row.line}>
                  <span className="terminal-history-line">{row.line}</span>
                </td>
                <td className="mono">{row.started}</td>
                <td className="mono">{row.duration}</td>
                <td>
                  <span className={`terminal-exit exit-${row.outcome}`}>{row.exitLabel}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
