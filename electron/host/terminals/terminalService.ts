// The host's terminals: starts shells for /term sockets, keeps the running sessions by id (so a
// reloaded renderer can re-attach), lists and reads recordings, and ends whole process trees when
// a terminal, an incident or the host closes.
import { rmSync } from 'node:fs';
import { spawn, type IPty } from 'node-pty';
import type WebSocket from 'ws';
import { newId } from '../../../shared/model/ids';
import type { TerminalSettings } from '../../../shared/protocol/settings';
import { ORPHAN_GRACE_MS, type RecordingInfo, type TerminalInfo } from '../../../shared/terminal/protocol';
import { compileRedaction, type CompiledRedaction } from '../../../shared/terminal/redact';
import { serveTerminalSocket, type OpenRequest, type OpenResult } from './channel';
import { listRecordingsIn, readRecordingIn, recordingFile } from './recordings';
import { RecordingWriter } from './recordingWriter';
import { TerminalSession, type EntryWriter } from './session';
import { newNonce, nonceFileFor, removeNonceFile, withIntegration, writeIntegrationFiles, writeNonceFile, type IntegrationFiles } from './shellIntegration';
import { planSpawn, TERM_NAME, withFdHygiene } from './spawnPlan';

export interface TerminalServiceOptions {
  dataDir: string;
  settings: () => TerminalSettings;
  log: (line: string) => void;
  writeEntry: EntryWriter;
  hostToken: string;
  /** Test-only: how long a detached shell waits to be re-attached. */
  orphanGraceMs?: number;
}

export class TerminalService {
  private readonly sessions = new Map<string, TerminalSession>();
  private readonly integration: IntegrationFiles | null;
  private closing = false;

  constructor(private readonly opts: TerminalServiceOptions) {
    let files: IntegrationFiles | null = null;
    try {
      files = writeIntegrationFiles(opts.dataDir);
    } catch (err) {
      opts.log(`shell integration unavailable (command capture off): ${(err as Error).message}`);
    }
    this.integration = files;
  }

  /** A /term socket that passed the upgrade gate. */
  handleConnection(ws: WebSocket, query: URLSearchParams): void {
    serveTerminalSocket(
      ws,
      query,
      {
        find: (id) => this.sessions.get(id),
        open: (request) => (this.closing ? { ok: false, message: 'The host is shutting down.' } : this.open(request)),
      },
      this.opts.log,
    );
  }

  list(incidentId: string): TerminalInfo[] {
    return [...this.sessions.values()].filter((s) => s.incidentId === incidentId).map((s) => s.info());
  }

  /** What a terminal of the incident is running in its foreground; null when idle, exited or unknown. */
  runningCommand(incidentId: string, terminalId: string): string | null {
    const session = this.sessions.get(terminalId);
    return session && session.incidentId === incidentId ? session.runningCommand() : null;
  }

  listRecordings(incidentId: string): Promise<RecordingInfo[]> {
    return listRecordingsIn(this.opts.dataDir, incidentId);
  }

  readRecording(incidentId: string, recordingId: string): Promise<{ content: string; fileName: string }> {
    return readRecordingIn(this.opts.dataDir, incidentId, recordingId);
  }

  recordingPath(incidentId: string, recordingId: string): string | null {
    return recordingFile(this.opts.dataDir, incidentId, recordingId);
  }

  /** Shells still running (a session leaves the map when its shell is gone). */
  count(): number {
    return this.sessions.size;
  }

  async closeIncident(incidentId: string): Promise<void> {
    await Promise.all([...this.sessions.values()].filter((s) => s.incidentId === incidentId).map((s) => s.end()));
  }

  async closeAll(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.sessions.values()].map((s) => s.end()));
  }

  private open(request: OpenRequest): OpenResult {
    const settings = this.opts.settings();
    let redaction: CompiledRedaction;
    try {
      redaction = compileRedaction(settings.redactionRules);
    } catch (err) {
      return { ok: false, message: `Cannot start a terminal: ${(err as Error).message}` };
    }
    const planned = planSpawn(settings, this.opts.hostToken);
    if (!planned.ok) return planned;
    let plan = planned.plan;
    const id = newId();
    const file = recordingFile(this.opts.dataDir, request.incident, id);
    if (!file) return { ok: false, message: `"${request.incident}" is not a valid incident id.` };
    let nonce: string | null = null;
    let nonceFile: string | null = null;
    if (settings.shellIntegration && this.integration) {
      const candidate = newNonce();
      const candidateFile = nonceFileFor(this.integration, id);
      const integrated = withIntegration(plan, this.integration, candidateFile);
      if (integrated) {
        try {
          writeNonceFile(candidateFile, candidate);
          [plan, nonce, nonceFile] = [integrated, candidate, candidateFile];
        } catch (err) {
          this.opts.log(`terminal ${id}: command capture off, the nonce file cannot be written: ${(err as Error).message}`);
        }
      }
    }
    plan = withFdHygiene(plan);
    const forgetNonce = () => {
      if (nonceFile) removeNonceFile(nonceFile);
    };
    let session: TerminalSession | null = null;
    let recording: RecordingWriter;
    try {
      const start = { file, cols: request.cols, rows: request.rows, title: request.name, term: TERM_NAME, shell: plan.program };
      recording = new RecordingWriter(start, redaction, this.opts.log, () => session?.onRecordingDrain());
    } catch (err) {
      forgetNonce();
      return { ok: false, message: `Cannot start a terminal: the recording cannot be written (${(err as Error).message}).` };
    }
    let pty: IPty;
    try {
      // encoding null: Buffers, decoded by the session's one streaming decoder.
      pty = spawn(plan.file, plan.args, { name: TERM_NAME, cols: request.cols, rows: request.rows, cwd: plan.cwd, env: plan.env, encoding: null });
    } catch (err) {
      forgetNonce();
      void recording.close().then(() => rmSync(file, { force: true }));
      return { ok: false, message: `Cannot start "${plan.program}": ${(err as Error).message}` };
    }
    session = new TerminalSession(
      {
        id,
        incidentId: request.incident,
        name: request.name,
        author: request.author,
        shell: plan.program,
        cols: request.cols,
        rows: request.rows,
        recordingId: id,
        nonce,
        redaction,
        log: this.opts.log,
        writeEntry: this.opts.writeEntry,
        orphanGraceMs: this.opts.orphanGraceMs ?? ORPHAN_GRACE_MS,
        onGone: (s) => {
          // The script deletes it before the first prompt; this covers a shell that never got that far.
          forgetNonce();
          this.sessions.delete(s.id);
        },
      },
      pty,
      recording,
    );
    this.sessions.set(id, session);
    return { ok: true, session };
  }
}
