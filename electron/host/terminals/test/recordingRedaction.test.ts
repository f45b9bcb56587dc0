// A private key keeps out of the recording however it reaches the terminal: printed in one
// command's output and finished in the next command's echo, split across pty chunks, or never
// finished at all. Real bash in a real pty for the session; real .cast files for the property.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAsciicast } from '../../../../shared/terminal/asciicast';
import { compileRedaction, KEY_BLOCK_CUT_MARKER } from '../../../../shared/terminal/redact';
import { DEFAULT_REDACTION_RULES } from '../../../../shared/terminal/redactionRules';
import { tempDir, waitFor } from '../../test/helpers';
import { RecordingWriter } from '../recordingWriter';
import { OPEN, startHarness, TermClient, type TermHarness } from './termHarness';

function castOutput(file: string): string {
  return parseAsciicast(readFileSync(file, 'utf8'))
    .events.filter((e) => e[1] === 'o')
    .map((e) => e[2])
    .join('');
}

describe('a key block in a real shell', () => {
  let h: TermHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('is not closed by an END in the next command: both halves stay out of the .cast, and recording resumes after the limit', async () => {
    const c = await TermClient.open(h.url, OPEN);
    const ready = await c.waitForFrame('ready');
    c.type("printf -- '-----BEGIN RSA PRIVATE KEY-----\\nMIIEpartOne\\n'\r");
    await c.waitForOutput(/MIIEpartOne\r\n[^']/);
    c.type("printf -- 'MIIEpartTwo\\n-----END RSA PRIVATE KEY-----\\n'\r");
    await c.waitForOutput(/MIIEpartTwo\r\n-----END/);
    // More than the key block limit, so what follows is recorded again.
    c.type('seq 1 6000; echo recording-$((6*7))\r');
    await c.waitForOutput('recording-42');
    c.type('exit\r');
    await c.waitForFrame('exit');
    const file = h.service.recordingPath('INC1', ready.info.recordingId as string) as string;
    await waitFor(() => castOutput(file).includes('recording-42'), 5000, 'the recording to be flushed');
    const cast = castOutput(file);
    expect(cast).not.toContain('MIIEpartOne');
    expect(cast).not.toContain('MIIEpartTwo');
    expect(cast).toContain(KEY_BLOCK_CUT_MARKER);
    c.close();
  });
});

const KEY_LABELS = ['RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED ', ''] as const;
/** Body lines are base64 in upper case and digits, so no filler (lower case) can contain a piece of one. */
const bodyLine = fc.stringMatching(/^MII[A-Z0-9+/]{13,61}$/);
const filler = fc.string({ unit: fc.constantFrom('l', 's', 'o', 'k', ' ', '\r\n', '\n', '.', '\x1b[0m'), maxLength: 40 });
/** Where a piece of the key goes: typed at a prompt (its echo), printed by a command, or both (typed as printf's argument, then printed). */
const where = fc.constantFrom('echo', 'output', 'both');

interface Segment {
  text: string;
}

describe('property: a key spread across output chunks, echoes and commands', () => {
  it('never reaches the .cast', async () => {
    const compiled = compileRedaction(DEFAULT_REDACTION_RULES);
    const dir = tempDir('warroom-cast-');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KEY_LABELS),
        fc.array(bodyLine, { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ lines: fc.integer({ min: 1, max: 3 }), where, before: filler, after: filler }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        async (label, body, placements, chunkCuts, hasEnd) => {
          const keyLines = [`-----BEGIN ${label}PRIVATE KEY-----`, ...body, ...(hasEnd ? [`-----END ${label}PRIVATE KEY-----`] : [])];
          // Deal the key's lines out, in order, to successive prompts and command outputs.
          const segments: Segment[] = [];
          let next = 0;
          for (const p of placements) {
            if (next >= keyLines.length) break;
            const lines = keyLines.slice(next, next + p.lines);
            next += lines.length;
            const typed = `$ printf -- '${lines.join('\\n')}\\n'\r\n`;
            const printed = `${lines.join('\r\n')}\r\n`;
            segments.push({ text: p.where === 'output' ? '$ cat part\r\n' : `${p.before}${typed}` });
            if (p.where !== 'echo') segments.push({ text: `${p.before}${printed}${p.after}` });
          }
          if (next < keyLines.length) segments.push({ text: `${keyLines.slice(next).join('\r\n')}\r\n` });
          segments.push({ text: '$ ' });
          const text = segments.map((s) => s.text).join('');
          const ends: number[] = [];
          let at = 0;
          for (const s of segments.slice(0, -1)) ends.push((at += s.text.length));
          // Cut the whole stream into pty-sized chunks at random places, each carrying its stream ends.
          const cuts = [...new Set(chunkCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const bounds = [0, ...cuts, text.length];
          const file = path.join(dir, `${run++}.cast`);
          const writer = new RecordingWriter({ file, cols: 80, rows: 24, title: 't', term: 'xterm-256color', shell: '/bin/bash' }, compiled, () => {}, () => {});
          for (let i = 0; i + 1 < bounds.length; i++) {
            const [from, to] = [bounds[i] as number, bounds[i + 1] as number];
            writer.output(
              text.slice(from, to),
              ends.filter((e) => e > from && e <= to).map((e) => e - from),
            );
          }
          await writer.close();
          const cast = castOutput(file);
          for (const line of body) {
            for (let i = 0; i + 8 <= line.length; i++) expect(cast).not.toContain(line.slice(i, i + 8));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
