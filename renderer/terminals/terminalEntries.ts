// What the Terminals panel writes to, and shows beside, the timeline: a pinned excerpt
// (redacted with the user's rules before it is stored anywhere) and a command history row.
import type { Instant } from '../../shared/model/types';
import { compileRedaction, redactText } from '../../shared/terminal/redact';
import type { RedactionRule } from '../../shared/terminal/redactionRules';
import type { CommandRecord } from '../../shared/terminal/protocol';
import { pinEntryText, shortDuration } from '../../shared/terminal/entryText';
import { formatTime } from '../../shared/time/format';
import { instantMillis } from '../../shared/time/instant';

export interface PinInput {
  terminalName: string;
  selection: string;
  rules: readonly RedactionRule[];
  /** When the selection's first line appeared. */
  occurredAt: Instant;
}

/** The timeline entry for a pinned selection; throws a readable Error when a rule is broken. */
export function pinEntry(input: PinInput): { kind: 'terminal'; text: string; occurredAt: Instant } {
  const excerpt = redactText(input.selection, compileRedaction(input.rules));
  return { kind: 'terminal', text: pinEntryText({ terminalName: input.terminalName, excerpt }), occurredAt: input.occurredAt };
}

export type CommandOutcome = 'running' | 'ok' | 'failed' | 'unknown';

export interface CommandRow {
  key: string;
  line: string;
  started: string;
  duration: string;
  outcome: CommandOutcome;
  /** "exit 0", "exit 127", "running", "exit unknown". */
  exitLabel: string;
}

function outcomeOf(command: CommandRecord): CommandOutcome {
  if (command.endedAt === null) return 'running';
  if (command.exitCode === null) return 'unknown';
  return command.exitCode === 0 ? 'ok' : 'failed';
}

const EXIT_LABELS: Record<Exclude<CommandOutcome, 'ok' | 'failed'>, string> = { running: 'running', unknown: 'exit unknown' };

const MS_PER_SECOND = 1_000;
/** Most commands take under a second; the narrow History column gets a short spelling. */
const UNDER_A_SECOND = '<1 s';

function tookText(ms: number): string {
  return ms < MS_PER_SECOND ? UNDER_A_SECOND : shortDuration(ms);
}

/** One row of a terminal's History, times on the incident's wall clock. */
export function commandRow(command: CommandRecord, zone: string): CommandRow {
  const outcome = outcomeOf(command);
  return {
    key: String(command.seq),
    line: command.line,
    started: formatTime(command.startedAt, zone),
    duration: command.endedAt === null ? '' : tookText(instantMillis(command.endedAt) - instantMillis(command.startedAt)),
    outcome,
    exitLabel: outcome === 'ok' || outcome === 'failed' ? `exit ${command.exitCode}` : EXIT_LABELS[outcome],
  };
}

/** History with `command` added, or replacing the record with the same seq (its end arrived). */
export function withCommand(history: readonly CommandRecord[], command: CommandRecord): CommandRecord[] {
  const index = history.findIndex((c) => c.seq === command.seq);
  if (index === -1) return [...history, command].sort((a, b) => a.seq - b.seq);
  const next = [...history];
  next[index] = command;
  return next;
}
