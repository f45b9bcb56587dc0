// Replays one recording in a read-only terminal: fetches the asciicast, checks it line by
// line, then hands it to ReplayView. A recording that cannot be replayed says why and
// offers Save instead.
import { useEffect, useState } from 'react';
import { AsciicastError, parseAsciicast, type AsciicastEvent, type AsciicastHeader } from '../../shared/terminal/asciicast';
import type { RecordingInfo } from '../../shared/terminal/protocol';
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useHost } from '../app/session';
import { recordingErrorMessage } from './RecordingActions';
import { ReplayView } from './ReplayView';
import './replay.css';

type Loaded = { state: 'loading' } | { state: 'ready'; header: AsciicastHeader; events: AsciicastEvent[] } | { state: 'failed'; message: string };

interface Props {
  incidentId: string;
  recording: RecordingInfo;
  onClose: () => void;
  onSave: () => void;
}

export function ReplayDialog({ incidentId, recording, onClose, onSave }: Props) {
  const { rpc } = useHost();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    rpc.readRecording({ incidentId, recordingId: recording.id }).then(
      ({ content }) => {
        if (!current) return;
        try {
          setLoaded({ state: 'ready', ...parseAsciicast(content) });
        } catch (error) {
          const why = error instanceof AsciicastError ? error.message : String(error);
          setLoaded({ state: 'failed', message: `This recording is damaged and cannot be replayed (${why}). Save it to inspect the file.` });
        }
      },
      (error: unknown) => current && setLoaded({ state: 'failed', message: recordingErrorMessage(recording, error) }),
    );
    return () => {
      current = false;
    };
  }, [rpc, incidentId, recording]);

  return (
    <Dialog title={`Replay: ${recording.title}`} onCancel={onClose}>
      <div className="replay stack">
        {loaded.state === 'loading' && <p className="muted">Loading the recording…</p>}
        {loaded.state === 'failed' && <FieldError message={loaded.message} />}
        {loaded.state === 'ready' && <ReplayView header={loaded.header} events={loaded.events} onClose={onClose} />}
        <div className="row end">
          {loaded.state === 'failed' && (
            <button type="button" onClick={onSave}>
              Save {recording.title}
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
