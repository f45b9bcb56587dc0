// The postmortem as GitHub-flavoured Markdown, in the shape public postmortems take:
// facts, summary, impact, hypotheses (when there are any), detection, participants, timeline, terminal excerpts and recordings,
// the coordination (decisions, checklists, status updates, roles and handoffs), analysis,
// action items.
// Every piece of user text goes through escape.ts (single-line contexts) or prose.ts
// (user Markdown sections), so the output passes markdownlint's default rules.
import { compareEntries } from '../model/order';
import { incidentStart } from '../model/incidentStart';
import type { Incident, IncidentSnapshot, Instant, TimelineEntry } from '../model/types';
import type { RecordingInfo } from '../terminal/protocol';
import { durationWords, elapsedLabel, formatDateTime } from '../time/format';
import { nowInstant } from '../time/instant';
import { FALLBACK_ZONE, isValidZone } from '../time/zones';
import { renderChecklists } from './checklistsSection';
import { renderDecisions } from './decisionsSection';
import { escapeInline } from './escape';
import { renderHypotheses } from './hypothesesSection';
import { sanitizeProse } from './prose';
import { renderActionItems } from './actionsSection';
import { renderRolesAndHandoffs } from './rolesSection';
import { renderStatusUpdates } from './statusSection';
import { numberExcerpts, renderRecordings, renderTerminalExcerpts } from './terminalSection';
import { renderTimelineTable } from './timelineTable';

export interface PostmortemOptions {
  /** Display zone for every time in the document; default the incident's zone. */
  timeZone?: string;
  /** false: key events only, retracted entries left out. true: everything, retracted struck through. */
  all: boolean;
  /** "Now" for an ongoing incident's running duration; default the current time. */
  generatedAt?: Instant;
  /** The incident's terminal recordings, listed and linked under "Terminal recordings". */
  recordings?: readonly RecordingInfo[];
  /** The incident chart written beside the postmortem (an SVG), shown at the top of the timeline. */
  chartImage?: ChartImage;
}

export interface ChartImage {
  /** Relative link from the postmortem to the image, with forward slashes. */
  path: string;
  /** Text alternative: what the picture shows. */
  alt: string;
}

/** The image line; the link is percent-encoded per segment so spaces and brackets never break it. */
function chartImageLine(image: ChartImage): string {
  const link = image.path.split('/').map(encodeURIComponent).join('/');
  return `![${escapeInline(image.alt)}](${link})`;
}

/** The Detection section quotes the first few entries: how the incident came to light. */
const DETECTION_ENTRY_COUNT = 3;
const NOT_WRITTEN = '*Not written yet.*';
const NO_PARTICIPANTS = '*Nobody has written on the timeline yet.*';
const NO_ENTRIES = '*The timeline is empty.*';
const NO_KEY_EVENTS = '*No entry is marked as a key event yet.*';
const NO_ACTION_ITEMS = '*No action items recorded yet.*';
const NO_DECISIONS = '*No decisions were recorded.*';
const NO_CHECKLISTS = '*No checklists were used.*';
const NOT_SET = 'not set';
const NO_EXCERPTS = '*No terminal output was added to the timeline.*';
const NO_KEY_EXCERPTS = '*No key event holds terminal output.*';
const NO_RECORDINGS = '*No terminal sessions were recorded.*';


/**
 * Appends a `##` section to the document; an empty one still appears, with an italic
 * placeholder, so the document is complete. Lines are appended one by one (no join, no
 * spread) because the timeline can be 100k lines long.
 */
function appendSection(out: string[], title: string, body: string | readonly string[], placeholder = NOT_WRITTEN): void {
  out.push(`## ${title}`, '');
  const lines = typeof body === 'string' ? (body.trim() === '' ? [] : [body]) : body;
  if (lines.length === 0) out.push(placeholder);
  for (const line of lines) out.push(line);
  out.push('');
}

function inTimelineOrder(entries: readonly TimelineEntry[]): readonly TimelineEntry[] {
  for (let i = 1; i < entries.length; i++) {
    if (compareEntries(entries[i - 1] as TimelineEntry, entries[i] as TimelineEntry) > 0) return [...entries].sort(compareEntries);
  }
  return entries;
}

function facts(incident: Incident, zone: string, generatedAt: Instant): string[] {
  const at = (instant: Instant | null): string => (instant ? formatDateTime(instant, zone) : NOT_SET);
  const start = incidentStart(incident);
  const duration = incident.resolvedAt
    ? durationWords(start, incident.resolvedAt)
    : `ongoing — ${durationWords(start, generatedAt)} so far`;
  const rows: Array<[string, string]> = [
    ['Status', incident.status],
    ['Severity', incident.severity],
    ['Commander', incident.commander.trim() === '' ? NOT_SET : escapeInline(incident.commander)],
    ['Services', incident.services.length === 0 ? NOT_SET : escapeInline(incident.services.join(', '))],
    ['Tags', incident.tags.length === 0 ? NOT_SET : escapeInline(incident.tags.join(', '))],
    ['Impact started', at(incident.impactStartedAt)],
    ['Detected', at(incident.detectedAt)],
    ['Mitigated', at(incident.mitigatedAt)],
    ['Resolved', at(incident.resolvedAt)],
    ['Start', at(start)],
    ['End', incident.resolvedAt ? at(incident.resolvedAt) : 'ongoing'],
    ['Total duration', duration],
    ['Times shown in', zone],
  ];
  return [...rows.map(([name, value]) => `- **${name}:** ${value}`), ''];
}

function detection(incident: Incident, entries: readonly TimelineEntry[], zone: string): string[] {
  const lines: string[] = [];
  if (incident.detectedAt) {
    let when = `Detected at ${formatDateTime(incident.detectedAt, zone)}`;
    if (incident.impactStartedAt && incident.impactStartedAt < incident.detectedAt) {
      when += `, ${durationWords(incident.impactStartedAt, incident.detectedAt)} after impact started`;
    }
    lines.push(`${when}.`);
  }
  const first = entries.filter((entry) => !entry.retraction).slice(0, DETECTION_ENTRY_COUNT);
  if (first.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('The first entries on the timeline:', '');
    const start = incidentStart(incident);
    for (const entry of first) {
      const text = escapeInline(entry.text) || '(no text)';
      lines.push(`- ${formatDateTime(entry.occurredAt, zone)} (${elapsedLabel(start, entry.occurredAt)}), ${escapeInline(entry.author)}: ${text}`);
    }
  }
  return lines;
}

function participants(incident: Incident, entries: readonly TimelineEntry[]): string[] {
  const commander = incident.commander.trim();
  const authors = new Set<string>();
  for (const entry of entries) {
    const author = entry.author.trim();
    if (author !== '' && author !== commander) authors.add(author);
  }
  const lines = commander === '' ? [] : [`- ${escapeInline(commander)} (incident commander)`];
  for (const author of [...authors].sort()) lines.push(`- ${escapeInline(author)}`);
  return lines;
}

/** The entries the timeline shows: everything, or key events that are not retracted. */
function shownEntries(entries: readonly TimelineEntry[], all: boolean): readonly TimelineEntry[] {
  return all ? entries : entries.filter((entry) => entry.key && !entry.retraction);
}

function timeline(incident: Incident, shown: readonly TimelineEntry[], zone: string, all: boolean, excerptNumbers: ReadonlyMap<TimelineEntry, number>): string[] {
  const scope = all
    ? 'Every entry, in the order they happened; retracted entries are struck through.'
    : 'Key events only; the full timeline is in the incident archive.';
  if (shown.length === 0) return [];
  const table = renderTimelineTable(shown, { zone, elapsedFrom: incidentStart(incident), excerptNumbers });
  table.unshift(scope, '');
  return table;
}

/** The whole postmortem document, ending in a single newline. */
export function renderPostmortem(snapshot: IncidentSnapshot, opts: PostmortemOptions): string {
  const { incident } = snapshot;
  const requested = opts.timeZone ?? incident.timeZone;
  const zone = isValidZone(requested) ? requested : FALLBACK_ZONE;
  const entries = inTimelineOrder(snapshot.entries);
  const generatedAt = opts.generatedAt ?? nowInstant();
  const { postmortem } = incident;
  const title = escapeInline(incident.title) || 'Untitled incident';
  const lines: string[] = [`# ${title} — Postmortem`, '', ...facts(incident, zone, generatedAt)];
  appendSection(lines, 'Summary', sanitizeProse(incident.summary));
  appendSection(lines, 'Impact', sanitizeProse(incident.impact));
  // Only when the team named a hypothesis: most incidents have none, and a placeholder would say nothing.
  const hypotheses = renderHypotheses(snapshot.situation, zone);
  if (hypotheses.length > 0) appendSection(lines, 'Hypotheses', hypotheses);
  appendSection(lines, 'Detection', detection(incident, entries, zone));
  appendSection(lines, 'Participants', participants(incident, entries), NO_PARTICIPANTS);
  const shown = shownEntries(entries, opts.all);
  const excerptNumbers = numberExcerpts(shown);
  const timelineLines = timeline(incident, shown, zone, opts.all, excerptNumbers);
  if (opts.chartImage) timelineLines.unshift(chartImageLine(opts.chartImage), '');
  appendSection(lines, 'Timeline', timelineLines, opts.all ? NO_ENTRIES : NO_KEY_EVENTS);
  appendSection(lines, 'Terminal excerpts', renderTerminalExcerpts(excerptNumbers, zone), opts.all ? NO_EXCERPTS : NO_KEY_EXCERPTS);
  appendSection(lines, 'Terminal recordings', renderRecordings(opts.recordings ?? [], zone), NO_RECORDINGS);
  const { coordination } = snapshot;
  appendSection(lines, 'Decisions', renderDecisions(coordination.decisions, zone), NO_DECISIONS);
  appendSection(lines, 'Checklists', renderChecklists(coordination.checklists, zone), NO_CHECKLISTS);
  appendSection(lines, 'Status updates', renderStatusUpdates(coordination.statusUpdates, coordination.cadence, zone));
  appendSection(lines, 'Roles and handoffs', renderRolesAndHandoffs(coordination.roles, coordination.handoffs, zone));
  appendSection(lines, 'Root cause and trigger', sanitizeProse(postmortem.rootCause));
  appendSection(lines, 'What went well', sanitizeProse(postmortem.wentWell));
  appendSection(lines, 'What went wrong', sanitizeProse(postmortem.wentWrong));
  appendSection(lines, 'Where we got lucky', sanitizeProse(postmortem.gotLucky));
  appendSection(lines, 'Action items', renderActionItems(coordination.actions, zone), NO_ACTION_ITEMS);
  lines.pop();
  return `${lines.join('\n')}\n`;
}
