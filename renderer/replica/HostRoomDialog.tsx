// "Host this room" (handover): this host serves its replica as the room on an interface and port
// the user picks, like the share panel, and hands back new links. The old room is left: everyone
// else re-joins with the new link and their copies merge (same incident id), so nothing is lost.
import { useEffect, useState, type FormEvent } from 'react';
import type { MethodResult, NetworkInterfaceInfo } from '../../shared/protocol/api';
import { Dialog } from '../app/Dialog';
import { FieldError } from '../app/FieldError';
import { useHost } from '../app/session';
import { initialDraft, startArgsFromDraft } from '../sharing/shareDraft';
import { CopyField } from '../sharing/CopyField';
import { ListenAddressFields } from '../sharing/ListenAddressFields';

type Hosted = MethodResult<'hostRoom'>;

export function HostRoomDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { rpc } = useHost();
  const [interfaces, setInterfaces] = useState<NetworkInterfaceInfo[] | null>(null);
  const [hostname, setHostname] = useState('');
  const [port, setPort] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [hosted, setHosted] = useState<Hosted | null>(null);

  useEffect(() => {
    let live = true;
    rpc.shareStatus({}).then(
      (status) => {
        if (!live) return;
        const draft = initialDraft(status.interfaces);
        setInterfaces(status.interfaces);
        setHostname(status.listening?.hostname ?? draft.hostname);
        setPort(String(status.listening?.port ?? draft.port));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [rpc]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = startArgsFromDraft({ hostname, port, tlsCertPath: '', tlsKeyPath: '' });
    if (!parsed.ok) return setError(parsed.message);
    setBusy(true);
    try {
      setHosted(await rpc.hostRoom({ incidentId, hostname: parsed.args.hostname, port: parsed.args.port }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Host this room" onCancel={onClose}>
      <div className="stack host-room">
        {hosted ? (
          <div className="stack" role="group" aria-label="New room links">
            <p role="status">
              You are hosting this room on port {hosted.port}. <strong>Send this to everyone; they re-join with it.</strong> Their copies merge into
              yours, including what they wrote while the old room was gone.
            </p>
            <CopyField label="Join link" value={hosted.link} />
            <CopyField label="Join code" value={hosted.code} />
            <CopyField label="Observer join link" value={hosted.observerLink} />
            <CopyField label="Observer browser URL" value={hosted.browserUrl} />
          </div>
        ) : (
          <form className="stack" aria-label="Choose where to host" onSubmit={(e) => void start(e)}>
            <p className="field-hint">
              Use this when the room&apos;s host is gone. This app serves its own copy of the incident as the new room; the old room is left.
            </p>
            {interfaces === null ? (
              !error && <p className="muted">Loading…</p>
            ) : (
              <ListenAddressFields interfaces={interfaces} hostname={hostname} port={port} onHostname={setHostname} onPort={setPort} />
            )}
            <FieldError message={error} />
            <div className="row end">
              <button type="submit" className="primary" disabled={busy || interfaces === null}>
                Host this room
              </button>
            </div>
          </form>
        )}
        <div className="row end">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
