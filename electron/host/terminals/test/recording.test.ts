// Every session is an asciicast v2 file: valid line by line, "o" and "r" events only, secrets
// redacted before they reach the disk; listing and reading go through strict ids.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAsciicast } from '../../../../shared/terminal/asciicast';
import { MAX_REPLAY_BYTES } from '../../../../shared/terminal/protocol';
import { OPEN, startHarness, TermClient, type TermHarness } from './termHarness';

const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('recordings', () => {
  let h: TermHarness;
  let recordingId: string;
  let file: string;

  beforeAll(async () => {
    h = await startHarness();
    const c = await TermClient.open(h.url, OPEN);
    const ready = await c.waitForFrame('ready');
    recordingId = ready.info.recordingId as string;
    c.type('echo hello-$((3*3))\r');
    await c.waitForOutput('hello-9');
    c.send({ t: 'resize', cols: 100, rows: 40 });
    // The key is assembled by printf, so the echoed input never contains it: only output does.
    c.type("printf 'key=AKIA%s\\n' IOSFODNN7EXAMPLE\r");
    await c.waitForOutput(`key=${AWS_KEY}`);
    // A private key block split over two batches is still caught by the streaming redactor.
    c.type("printf -- '-----BEGIN RSA %s-----\\nMIIE%s\\n' 'PRIVATE KEY' secret; sleep 0.3; printf 'MIIE%s\\n-----END RSA %s-----\\n' more 'PRIVATE KEY'\r");
    await c.waitForOutput('MIIEmore');
    c.type('exit\r');
    await c.waitForFrame('exit');
    c.close();
    await c.waitForClose();
    file = h.service.recordingPath('INC1', recordingId) as string;
    await new Promise((r) => setTimeout(r, 200));
  });
  afterAll(async () => {
    await h.close();
  });

  it('writes valid asciicast v2, line by line', () => {
    expect(file).toBe(path.join(h.dataDir, 'recordings', 'INC1', `${recordingId}.cast`));
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter(Boolean);
    for (let i = 1; i <= lines.length; i++) expect(() => parseAsciicast(lines.slice(0, i).join('\n'))).not.toThrow();
    const { header, events } = parseAsciicast(text);
    expect(header).toMatchObject({ version: 2, width: 80, height: 24, title: 'ops shell', env: { TERM: 'xterm-256color', SHELL: '/bin/bash' } });
    expect(Math.abs(header.timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(new Set(events.map((e) => e[1]))).toEqual(new Set(['o', 'r']));
    expect(events.filter((e) => e[1] === 'r').map((e) => e[2])).toEqual(['100x40']);
    expect(events.map((e) => e[2]).join('')).toContain('hello-9');
  });

  it('redacts secrets before they reach the file', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(AWS_KEY);
    expect(text).toContain('[REDACTED: AWS access key id]');
    expect(text).not.toContain('MIIEsecret');
    expect(text).not.toContain('MIIEmore');
    expect(text).toContain('[REDACTED: Private key block]');
  });

  it('lists recordings with header facts and duration, and reads one back', async () => {
    const list = await h.service.listRecordings('INC1');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: recordingId, incidentId: 'INC1', title: 'ops shell', width: 80, height: 24, fileName: `${recordingId}.cast` });
    expect(list[0]?.durationSeconds).toBeGreaterThan(0.2);
    expect(list[0]?.bytes).toBe(readFileSync(file).length);
    const read = await h.service.readRecording('INC1', recordingId);
    expect(read).toEqual({ content: readFileSync(file, 'utf8'), fileName: `${recordingId}.cast` });
  });

  it('skips unreadable files and refuses unknown, unsafe and oversized ids', async () => {
    const dir = path.dirname(file);
    writeFileSync(path.join(dir, 'broken.cast'), 'not json\n');
    writeFileSync(path.join(dir, 'huge.cast'), '');
    truncateSync(path.join(dir, 'huge.cast'), MAX_REPLAY_BYTES + 1);
    expect((await h.service.listRecordings('INC1')).map((r) => r.id)).toEqual([recordingId]);
    expect(await h.service.listRecordings('../INC1')).toEqual([]);
    expect(await h.service.listRecordings('INC404')).toEqual([]);
    await expect(h.service.readRecording('INC1', 'nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(h.service.readRecording('INC1', '../../settings')).rejects.toMatchObject({ code: 'not-found' });
    await expect(h.service.readRecording('..', recordingId)).rejects.toMatchObject({ code: 'not-found' });
    await expect(h.service.readRecording('INC1', 'huge')).rejects.toMatchObject({ code: 'too-large' });
    expect(h.service.recordingPath('INC1', 'a/b')).toBeNull();
  });
});
