// `warroom join LINK`: a headless participant. Starts the same host as `serve` (loopback UI, its own
// store), joins the room through the host's own RPC (exactly what the app's Join does), prints the
// room's state, and keeps the replica syncing until stopped. The joined room is remembered, so a
// later `warroom serve` on the same data dir resumes it too.
import type { Command, Option } from 'commander';
import WebSocket from 'ws';
import type { ResultFrame } from '../../../shared/protocol/api';
import { HostError } from '../hostError';
import type { HostOptions, RunningHost } from '../host';

export interface JoinCommandDeps {
  dataDirOption(): Option;
  resolveDataDir(dir: string | undefined): string;
  startHost(opts: HostOptions): Promise<RunningHost>;
}

/** One call on the host's own /rpc, as the renderer makes it. */
async function callHost(host: RunningHost, method: string, args: unknown): Promise<unknown> {
  const ws = new WebSocket(`${host.url.replace(/^http/, 'ws')}/rpc?token=${encodeURIComponent(host.token)}`);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const frame = await new Promise<ResultFrame>((resolve) => {
      ws.on('message', (data) => {
        const parsed = JSON.parse(data.toString()) as ResultFrame | { t: 'event' };
        if (parsed.t === 'result') resolve(parsed);
      });
      ws.send(JSON.stringify({ t: 'call', id: 1, method, args }));
    });
    if (!frame.ok) throw new HostError(frame.error.code, frame.error.message, frame.error.field);
    return frame.value;
  } finally {
    ws.close();
  }
}

export function registerJoinCommand(program: Command, deps: JoinCommandDeps): void {
  program
    .command('join')
    .description('join a shared room and keep a local replica of it in sync (a headless participant)')
    .argument('<link>', 'warroom://join link, room URL, or "HOST:PORT ROOM CODE" (quoted)')
    .option('--name <name>', 'your name in the room', 'warroom join')
    .option('--port <n>', 'loopback port for the local UI (0 = any free port)', (v: string) => Number(v), 0)
    .addOption(deps.dataDirOption())
    .action(async (link: string, opts: { name: string; port: number; dataDir?: string }) => {
      const host = await deps.startHost({ dataDir: deps.resolveDataDir(opts.dataDir), port: opts.port });
      try {
        const status = (await callHost(host, 'joinRoom', { link, name: opts.name })) as { incidentId: string; role: string; remote: string; state: string };
        process.stdout.write(`Joined room ${status.incidentId} at ${status.remote} as ${status.role} (${status.state})\n`);
        process.stdout.write(`War Room is serving at ${host.openUrl}\n`);
      } catch (err) {
        await host.close();
        throw err;
      }
      const stop = () => void host.close().then(() => process.exit(0), () => process.exit(1));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
