// The handoff briefing: what the incoming person must know, covering everything
// since the last handoff of the role. Pure and deterministic: it takes plain values (the
// caller gathers them from the doc) and returns Markdown that passes markdownlint's default
// rules (line length aside), so it can be pasted anywhere and recorded with the handoff.
import type { CoordinationState } from '../model/coordinationTypes';
import type { EntryKind, Incident, Instant, TimelineEntry } from '../model/types';
import { currentRoles } from '../model/roleRecords';
import { durationWords, formatDateTime } from '../time/format';
import { escapeInline } from '../export/escape';
import type { Situation } from '../model/situation';
import { actionLines, checklistLines, decisionLines } from './briefingSections';

export interface HandoffBriefingInput {
  incident: Incident;
  entries: TimelineEntry[];
  coordination: CoordinationState;
  /** The last handoff of this role; null = since the incident started. */
  since: Instant | null;
  now: Instant;
  zone: string;
  nextUpdateDue: Instant | null;
  role: string;
  from: string;
  to: string;
  /** The leading hypothesis and the ones ruled out, as the "Now" panel shows them; absent = none. */
  situation?: Pick<Situation, 'hypothesis' | 'ruledOut'>;
}

/** Besides entries marked key, these kinds are always worth a line: they change the state of the coordination. */
const NOTABLE_KINDS: ReadonlySet<EntryKind> = new Set<EntryKind>(['status', 'decision', 'handoff', 'comms']);
/** A briefing is read in a minute or two; older events stay on the timeline. */
export const MAX_BRIEFING_EVENTS = 40;

function isKeyEvent(entry: TimelineEntry, since: Instant | null): boolean {
  if (entry.retraction !== null) return false;
  if (since !== null && entry.occurredAt < since) return false;
  return entry.key || NOTABLE_KINDS.has(entry.kind);
}

function eventLines(entries: TimelineEntry[], since: Instant | null, zone: string): string[] {
  const events = entries.filter((e) => isKeyEvent(e, since));
  if (events.length === 0) return ['Nothing notable was logged in this period.'];
  const shown = events.slice(-MAX_BRIEFING_EVENTS);
  const lines = shown.map((e) => {
    const text = escapeInline(e.text) || '(no text)';
    return `- ${formatDateTime(e.occurredAt, zone)} — ${e.key ? '**Key:** ' : ''}${text}`;
  });
  const hidden = events.length - shown.length;
  if (hidden > 0) lines.push(`- … and ${hidden} earlier ${hidden === 1 ? 'event' : 'events'} on the timeline.`);
  return lines;
}

function statusUpdateLines(incident: Incident, due: Instant | null, now: Instant, zone: string, lastPosted: Instant | null): string[] {
  const last = lastPosted === null ? 'No status update has been posted yet.' : `Last update posted at ${formatDateTime(lastPosted, zone)}.`;
  if (incident.status === 'resolved') return [`${last} The incident is resolved; no further updates are due.`];
  if (due === null) return [`${last} No update cadence applies at ${incident.severity}.`];
  const at = formatDateTime(due, zone);
  if (due <= now) return [`**Overdue** by ${durationWords(due, now)}: the next update was due at ${at}. ${last}`];
  return [`Next update due at ${at} (in ${durationWords(now, due)}). ${last}`];
}

function roleLines(coordination: CoordinationState, role: string, to: string): string[] {
  const holders = currentRoles(coordination.roles);
  // The briefing is read after the handoff, so the incoming person already holds the role.
  holders.set(role, to);
  const lines: string[] = [];
  for (const [r, person] of holders) {
    const name = escapeInline(r);
    const holder = escapeInline(person);
    if (name !== '' && holder !== '') lines.push(`- ${name}: ${holder}`);
  }
  return lines.length > 0 ? lines : ['No roles assigned.'];
}

/** One line of prose for a list item: the panel's fields may hold several lines. */
function oneLine(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim());
}

/** What the "Now" panel says: the picture the incoming person starts from. Empty when nothing is written. */
function nowLines(incident: Incident, situation: HandoffBriefingInput['situation']): string[] {
  const lines: string[] = [];
  const field = (label: string, text: string) => {
    if (oneLine(text) !== '') lines.push(`- ${label}: ${oneLine(text)}`);
  };
  field('Summary', incident.summary);
  field('Customer impact', incident.impact);
  field('Leading hypothesis', situation?.hypothesis ?? '');
  for (const ruled of situation?.ruledOut ?? []) lines.push(`- Ruled out: ${oneLine(ruled.text)} (${oneLine(ruled.reason)})`);
  return lines;
}

function section(lines: string[], heading: string, body: string[]): void {
  lines.push('', `## ${heading}`, '', ...body);
}

/** The briefing as Markdown, ending in one newline. */
export function generateHandoffBriefing(input: HandoffBriefingInput): string {
  const { incident, coordination, since, now, zone, role, from, to } = input;
  const lines: string[] = [`# Handoff briefing: ${escapeInline(role) || 'role'}`, ''];
  lines.push(
    `${escapeInline(incident.title) || 'Untitled incident'}: ${incident.severity}, ${incident.status}.`,
    `${escapeInline(from) || 'Nobody'} hands ${escapeInline(role) || 'the role'} to ${escapeInline(to) || 'nobody'} at ${formatDateTime(now, zone)}.`,
    since === null ? 'This briefing covers the whole incident so far.' : `This briefing covers everything since the last handoff, at ${formatDateTime(since, zone)}.`,
  );
  const picture = nowLines(incident, input.situation);
  if (picture.length > 0) section(lines, 'Now', picture);
  const lastPosted = coordination.statusUpdates.reduce<Instant | null>((latest, u) => (latest === null || u.postedAt > latest ? u.postedAt : latest), null);
  section(lines, 'Next status update', statusUpdateLines(incident, input.nextUpdateDue, now, zone, lastPosted));
  section(lines, 'Key events', eventLines(input.entries, since, zone));
  section(lines, 'Open decisions', decisionLines(coordination.decisions, now, zone));
  section(lines, 'Checklists', checklistLines(coordination.checklists));
  section(lines, 'Open actions', actionLines(coordination.actions, now, zone));
  section(lines, 'Roles', roleLines(coordination, role, to));
  return `${lines.join('\n')}\n`;
}

/** The section the outgoing person writes by hand before posting. */
export const WORRY_HEADING = "## What I'm worried about";

/** The generated briefing as an editable draft: the worry section waits at the end. */
export function handoffBriefingDraft(generated: string): string {
  return `${generated.trimEnd()}\n\n${WORRY_HEADING}\n\n`;
}

/** The draft as posted: an empty worry section is left out rather than posted empty. */
export function finishedHandoffBriefing(draft: string): string {
  const text = draft.trimEnd();
  const bare = text.endsWith(WORRY_HEADING) ? text.slice(0, -WORRY_HEADING.length).trimEnd() : text;
  return `${bare}\n`;
}
