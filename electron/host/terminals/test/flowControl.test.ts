// Flow control under `yes` (pauses without acks, resumes with them, memory stays bounded) and
// UTF-8 split across pty reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WINDOW_CHARS } from '../../../../shared/terminal/flowWindow';
import { ACK_BLOCK_CHARS, HIGH_WATER_CHARS } from '../../../../shared/terminal/protocol';
import { waitFor } from '../../test/helpers';
import { OPEN, quietShellSettings, startHarness, TermClient, type TermHarness } from './termHarness';

const MB = 1024 * 1024;
/** One pty read (64 KiB) plus slack: what may already be batched when the pty is paused. */
const ONE_BATCH_SLACK = 200_000;
/** Slower than `yes` fills the fixed mark on any machine this runs on. */
const ACK_EVERY_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('flow control and decoding', () => {
  let h: TermHarness;
  beforeAll(async () => {
    h = await startHarness(quietShellSettings({ shell: '/bin/sh', args: [] }));
  });
  afterAll(async () => {
    await h.close();
  });

  it('pauses `yes` while output is unacknowledged, resumes on acks, and host memory stays bounded', async () => {
    const c = await TermClient.open(h.url, OPEN, { keepOutput: false });
    c.autoAck = false;
    await c.waitForFrame('ready');
    global.gc?.();
    const before = process.memoryUsage();
    c.type('yes\r');
    await waitFor(() => c.outputChars > HIGH_WATER_CHARS, 10_000, 'the high-water mark');
    await sleep(500);
    const stalled = c.outputChars;
    expect(stalled).toBeLessThanOrEqual(HIGH_WATER_CHARS + ONE_BATCH_SLACK);
    await sleep(1500);
    expect(c.outputChars).toBe(stalled);

    // Acknowledge in blocks as a renderer would: output flows again.
    let acked = 0;
    const ackAll = () => {
      while (acked + ACK_BLOCK_CHARS <= c.outputChars) {
        c.send({ t: 'ack', chars: ACK_BLOCK_CHARS });
        acked += ACK_BLOCK_CHARS;
      }
    };
    const timer = setInterval(ackAll, 5);
    await waitFor(() => c.outputChars > stalled + 5 * HIGH_WATER_CHARS, 10_000, 'output to resume');
    clearInterval(timer);
    // Without acks again for a few seconds: nothing piles up in the host.
    await sleep(3000);
    const after = process.memoryUsage();
    expect((after.heapUsed - before.heapUsed) / MB).toBeLessThan(50);
    expect((after.rss - before.rss) / MB).toBeLessThan(50);
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('gives a renderer that keeps draining a larger window, and still stops at it', async () => {
    const c = await TermClient.open(h.url, OPEN, { keepOutput: false });
    c.autoAck = false;
    await c.waitForFrame('ready');
    c.type('yes\r');
    // A renderer that acknowledges everything it has, every frame or so: between two acks `yes`
    // prints more than the fixed mark, so that mark alone would keep pausing it.
    let acked = 0;
    const timer = setInterval(() => {
      if (c.outputChars > acked) c.send({ t: 'ack', chars: c.outputChars - acked });
      acked = c.outputChars;
    }, ACK_EVERY_MS);
    await waitFor(() => c.outputChars > 20 * HIGH_WATER_CHARS, 20_000, 'output to flow while acknowledged');
    clearInterval(timer);
    const ackedAtStop = acked;
    // Without acks the host stops. A pause sends no frame of its own, so this is a bounded poll
    // (at most 10 s): stopped once the count no longer moves over half a second.
    let last = -1;
    for (let i = 0; i < 20 && c.outputChars !== last; i++) {
      last = c.outputChars;
      await sleep(500);
    }
    expect(c.outputChars).toBe(last);
    const inFlight = c.outputChars - ackedAtStop;
    expect(inFlight).toBeGreaterThan(HIGH_WATER_CHARS + ONE_BATCH_SLACK);
    expect(inFlight).toBeLessThanOrEqual(MAX_WINDOW_CHARS + ONE_BATCH_SLACK);
    c.send({ t: 'close' });
    await c.waitForClose();
  });

  it('never splits a multi-byte character across pty reads', async () => {
    const c = await TermClient.open(h.url, { ...OPEN, cols: 200 });
    await c.waitForFrame('ready');
    // 50k four-byte emoji (200 kB) cross many 64 KiB-ish pty reads at odd offsets.
    c.type("awk 'BEGIN { s = \"\"; for (i = 0; i < 50000; i++) s = s \"\\360\\237\\232\\222\"; print s; print \"DONE\" \"-UTF8\" }'\r");
    await c.waitForOutput('DONE-UTF8', 20_000);
    expect(c.output).not.toContain('\uFFFD');
    const count = (c.output.match(/\u{1F692}/gu) ?? []).length;
    expect(count).toBe(50_000);
    c.send({ t: 'close' });
    await c.waitForClose();
  });
});
