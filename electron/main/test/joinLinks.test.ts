// Runs against a FAKE electron module (fakeElectron.ts): the Electron binary cannot run here, so
// this checks the calls the module makes, not that the OS then routes links to us.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emitPreventable, fakeElectron, resetFakeElectron } from './fakeElectron';
import { JoinLinkInbox, joinLinkFromArgv, registerJoinLinks } from '../joinLinks';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

const LINK = 'warroom://join?host=10.0.0.5&port=7420&room=01JD0000000000000000000000&token=abc';

describe('warroom://join links (fake electron)', () => {
  beforeEach(resetFakeElectron);

  it('finds the link among the arguments, and nothing else', () => {
    expect(joinLinkFromArgv(['/usr/bin/warroom', '--no-sandbox', LINK])).toBe(LINK);
    expect(joinLinkFromArgv(['/usr/bin/warroom', 'warroom://share?x=1', 'https://example.com'])).toBeNull();
    expect(joinLinkFromArgv([`warroom://join?${'x'.repeat(5000)}`])).toBeNull();
  });

  it('holds a link that arrives before the window listens, then delivers each as it comes', () => {
    const inbox = new JoinLinkInbox();
    const delivered: string[] = [];
    inbox.receive(LINK);
    inbox.attach((link) => delivered.push(link));
    inbox.receive(`${LINK}2`);
    expect(delivered).toEqual([LINK, `${LINK}2`]);
    inbox.detach();
    inbox.receive(`${LINK}3`);
    expect(delivered).toHaveLength(2);
  });

  it('registers the scheme, takes this launch\'s argv, and takes open-url (macOS) with the window brought forward', () => {
    const inbox = new JoinLinkInbox();
    let focused = 0;
    registerJoinLinks(inbox, ['/opt/War Room/warroom', LINK], () => focused++);
    expect(fakeElectron.app.protocolClients[0]?.[0]).toBe('warroom');
    const delivered: string[] = [];
    inbox.attach((link) => delivered.push(link));
    expect(delivered).toEqual([LINK]);
    expect(emitPreventable(fakeElectron.app, 'open-url', `${LINK}&again=1`)).toBe(true);
    expect(delivered).toEqual([LINK, `${LINK}&again=1`]);
    expect(focused).toBe(1);
    emitPreventable(fakeElectron.app, 'open-url', 'warroom://elsewhere');
    expect(delivered).toHaveLength(2);
  });
});
