// Where a room listens: a network interface (loopback last, or all of them) and a port. Shared by
// the share panel and by "Host this room" on a joined incident.
import type { NetworkInterfaceInfo } from '../../shared/protocol/api';
import { ALL_INTERFACES, interfaceLabel } from './shareDraft';

interface Props {
  interfaces: readonly NetworkInterfaceInfo[];
  hostname: string;
  port: string;
  onHostname(hostname: string): void;
  onPort(port: string): void;
}

export function ListenAddressFields({ interfaces, hostname, port, onHostname, onPort }: Props) {
  return (
    <div className="row wrap">
      <label className="field grow">
        <span>Interface</span>
        <select value={hostname} onChange={(e) => onHostname(e.target.value)}>
          {interfaces.map((i) => (
            <option key={`${i.name}/${i.address}`} value={i.address}>
              {interfaceLabel(i)}
            </option>
          ))}
          <option value={ALL_INTERFACES}>All interfaces ({ALL_INTERFACES})</option>
        </select>
      </label>
      <label className="field share-port">
        <span>Port</span>
        <input inputMode="numeric" value={port} onChange={(e) => onPort(e.target.value)} maxLength={5} />
      </label>
    </div>
  );
}
