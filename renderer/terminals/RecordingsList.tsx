// The incident's session recordings, shown in the Terminals panel: when each started, how
// long it ran, its size, and buttons to replay it in the app or save it as a .cast file.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Instant } from '../../shared/model/types';
import type { RecordingInfo } from '../../shared/terminal/protocol';
import { formatDateTime } from '../../shared/time/format';
import { nowInstant } from '../../shared/time/instant';
import { FieldError } from '../app/FieldError';
import { useHost, useIncidentContext } from '../app/session';
import { useDisplayZone } from '../timeline/incidentMetaStore';
import { saveRecording } from './RecordingActions';
import { canReplay, formatBytes, recordingDurationText, recordingStartedText, tooLargeToReplayMessage } from './RecordingSummary';
import { ReplayDialog } from './ReplayDialog';
import './RecordingsList.css';

/** New recordings appear within this while the list is on screen (a shell opened elsewhere). */
const REFRESH_INTERVAL_MS = 10_000;
/** The host writes a new recording's header just after the shell starts: look again after this. */
const RECORDING_SETTLE_MS = 750;

/**
 * `sessions` changes whenever a terminal of this window starts, reconnects or exits: the list
 * refreshes then, so a recording shows while it runs and its final length as soon as it ends.
 */
export function RecordingsList({ sessions = '' }: { sessions?: string }) {
  const { rpc } = useHost();
  const { incidentId } = useIncidentContext();
  const zone = useDisplayZone();
  const [recordings, setRecordings] = useState<RecordingInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<RecordingInfo | null>(null);
  const sectionRef = useRef<HTMLElement>(null);

  const refresh = useCallback(
    () =>
      rpc.listRecordings({ incidentId }).then(
        (list) => {
          setRecordings(list);
          setError(null);
        },
        (e: unknown) => setError(`Could not list the recordings: ${(e as Error).message}`),
      ),
    [rpc, incidentId],
  );

  useEffect(() => {
    const section = sectionRef.current;
    if (!section) return;
    let live = true;
    const load = () => {
      if (live) void refresh();
    };
    // A closed <details> or a hidden tab keeps the list mounted: poll only while someone can
    // see it, and refresh the moment it comes into view (the panel opened or expanded).
    const onScreen = () => document.visibilityState === 'visible' && (section.checkVisibility?.() ?? true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    });
    observer.observe(section);
    const timer = setInterval(() => {
      if (onScreen()) load();
    }, REFRESH_INTERVAL_MS);
    return () => {
      live = false;
      observer.disconnect();
      clearInterval(timer);
    };
  }, [refresh]);

  useEffect(() => {
    if (sessions === '') return;
    void refresh();
    const timer = setTimeout(() => void refresh(), RECORDING_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [sessions, refresh]);

  const save = async (recording: RecordingInfo) => {
    setNotice(null);
    try {
      const message = await saveRecording(rpc, incidentId, recording);
      if (message) setNotice(message);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const replay = (recording: RecordingInfo) => {
    setNotice(null);
    if (!canReplay(recording)) return setError(tooLargeToReplayMessage(recording));
    setError(null);
    setReplaying(recording);
  };

  return (
    // The panel around it gives the visible heading; the region keeps a name of its own.
    <section className="recordings" aria-label="Recordings" ref={sectionRef}>
      <div className="row end">
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      <FieldError message={error} />
      {notice && (
        <p className="field-hint" role="status">
          {notice}
        </p>
      )}
      {recordings === null ? (
        <p className="muted">Loading recordings…</p>
      ) : recordings.length === 0 ? (
        <p className="muted">No recordings yet. Every terminal session is recorded as it runs.</p>
      ) : (
        <table className="data-table recordings-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {recordings.map((recording) => (
              <tr key={recording.id}>
                <td>
                  <div className="recording-title">{recording.title}</div>
                  <div className="recordings-actions">
                    <button type="button" aria-label={`Replay ${recording.title}`} onClick={() => replay(recording)}>
                      Replay
                    </button>
                    <button type="button" aria-label={`Save ${recording.title}`} onClick={() => void save(recording)}>
                      Save
                    </button>
                  </div>
                </td>
                <td className="mono nowrap">
                  <time dateTime={recording.startedAt} title={formatDateTime(recording.startedAt as Instant, zone)}>
                    {recordingStartedText(recording.startedAt as Instant, zone, nowInstant())}
                  </time>
                </td>
                <td>{recordingDurationText(recording)}</td>
                <td className="mono nowrap">{formatBytes(recording.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {replaying && (
        <ReplayDialog
          incidentId={incidentId}
          recording={replaying}
          onClose={() => setReplaying(null)}
          onSave={() => void save(replaying)}
        />
      )}
    </section>
  );
}
