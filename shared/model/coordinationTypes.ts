// Plain views of the coordination around the timeline: decisions, checklists, action
// items, status updates with their cadence, roles and handoffs. Like types.ts,
// these are what readers produce; the Y.Doc stays the single source of truth.
import type { Instant, Severity } from './scalars';

// ---------- Decision log ----------
export const DECISION_STATUSES = ['proposed', 'decided', 'superseded', 'reversed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const REVERSIBILITIES = ['one-way', 'two-way'] as const;
export type Reversibility = (typeof REVERSIBILITIES)[number];
export const OUTCOME_VERDICTS = ['right', 'wrong', 'mixed'] as const;
export type OutcomeVerdict = (typeof OUTCOME_VERDICTS)[number];

export interface DecisionOption {
  id: string;
  title: string;
  pros: string;
  cons: string;
}

export interface DecisionOutcome {
  verdict: OutcomeVerdict;
  why: string;
  by: string;
  at: Instant;
}

/** One change to a decision, kept forever: who, when, and what it said. */
export interface DecisionChange {
  by: string;
  at: Instant;
  /** e.g. "status proposed → decided", "chose “Restore from backup”", "outcome: wrong". */
  change: string;
}

export interface Decision {
  id: string;
  /** The timeline entry (kind "decision") that records it. */
  entryId: string;
  question: string;
  context: string;
  options: DecisionOption[];
  chosenOptionId: string | null;
  rationale: string;
  decidedBy: string | null;
  decidedAt: Instant | null;
  reversibility: Reversibility;
  /** When to look at it again; the app shows a banner (and a desktop notification) when due. */
  revisitAt: Instant | null;
  status: DecisionStatus;
  /** The decision that superseded or reversed this one. */
  replacedBy: string | null;
  outcome: DecisionOutcome | null;
  createdBy: string;
  createdAt: Instant;
  history: DecisionChange[];
}

// ---------- Runbooks and checklists ----------
export const CHECKLIST_ITEM_STATES = ['todo', 'in-progress', 'done', 'skipped', 'blocked'] as const;
export type ChecklistItemState = (typeof CHECKLIST_ITEM_STATES)[number];

/** A parsed runbook template (Markdown: headings are sections, `- [ ]` lines are items). */
export interface RunbookTemplate {
  title: string;
  /** File name it came from, e.g. "database-failover.md". */
  source: string;
  sections: RunbookSection[];
}
export interface RunbookSection {
  heading: string;
  items: RunbookItem[];
}
export interface RunbookItem {
  text: string;
  /** Item ended in "(confirm)": done only after a second person confirms. */
  needsConfirm: boolean;
  /** "(owner: ROLE)", e.g. "operations lead"; null when unassigned. */
  ownerRole: string | null;
}

/** One action on a checklist item; every one stays in the item's history. */
export interface ChecklistItemEvent {
  by: string;
  at: Instant;
  action: 'state' | 'assign' | 'confirm';
  state?: ChecklistItemState;
  /** Required for skipped and blocked. */
  reason?: string;
  assignee?: string;
}

export interface ChecklistItem {
  id: string;
  section: string;
  text: string;
  needsConfirm: boolean;
  ownerRole: string | null;
  assignee: string | null;
  state: ChecklistItemState;
  /** Why it was skipped or blocked. */
  reason: string | null;
  /** Who marked it done (for a confirm item: the first person). */
  doneBy: string | null;
  /** The second person, for a confirm item; it is "done" only once this is set. */
  confirmedBy: string | null;
  history: ChecklistItemEvent[];
}

export interface Checklist {
  id: string;
  title: string;
  /** Template title it was created from; '' for an ad-hoc list. */
  template: string;
  createdBy: string;
  createdAt: Instant;
  items: ChecklistItem[];
}

// ---------- Action items ----------
export const ACTION_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export interface ActionItem {
  id: string;
  text: string;
  owner: string;
  dueAt: Instant | null;
  priority: ActionPriority;
  /** Not doing: closed on purpose, with `reason`; `doneBy`/`doneAt` then say who closed it and when. */
  status: 'open' | 'done' | 'not-doing';
  /** Why it is not being done; present only while status is not-doing. */
  reason?: string;
  /** Linked timeline entries and decisions. */
  entryIds: string[];
  decisionIds: string[];
  createdBy: string;
  createdAt: Instant;
  doneBy: string | null;
  doneAt: Instant | null;
}

// ---------- Status updates and cadence ----------
export const AUDIENCES = ['internal', 'customers'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface StatusUpdate {
  id: string;
  audience: Audience;
  /** The incident status the template was written for. */
  template: string;
  text: string;
  postedBy: string;
  postedAt: Instant;
  /** The timeline entry (kind "comms") that logs it. */
  entryId: string;
}

export interface CadenceSnooze {
  by: string;
  at: Instant;
  until: Instant;
  reason: string;
}

export interface StatusCadence {
  /** Minutes between updates per severity; null = no cadence. Defaults: SEV1 30, SEV2 60, SEV3 240, SEV4 null. */
  minutesBySeverity: Record<Severity, number | null>;
  snoozes: CadenceSnooze[];
}

// ---------- Roles and handoffs ----------
export const STANDARD_ROLES = ['commander', 'comms lead', 'scribe', 'operations lead'] as const;

export interface RoleAssignment {
  /** A standard role or a custom one. */
  role: string;
  person: string;
  assignedBy: string;
  assignedAt: Instant;
}

export interface Handoff {
  id: string;
  role: string;
  from: string;
  to: string;
  at: Instant;
  /** The Markdown briefing generated for the incoming person. */
  briefing: string;
}

/** Everything the coordination adds to an incident; part of IncidentSnapshot and of the archive (version 2 on). */
export interface CoordinationState {
  decisions: Decision[];
  checklists: Checklist[];
  actions: ActionItem[];
  statusUpdates: StatusUpdate[];
  cadence: StatusCadence;
  /** Every assignment in order; the current holder of a role is its last assignment. */
  roles: RoleAssignment[];
  handoffs: Handoff[];
}
