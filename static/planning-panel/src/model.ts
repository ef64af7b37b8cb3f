/**
 * What the panel derives from a PanelPlan, computed once per plan (and once per filter change for the filtered
 * views): plain functions over the contract types, so they are easy to test and to memoize.
 */
import { describeHandoff } from '../../../src/contract/describe-handoff';
import type { PanelIssue, PanelPlan } from '../../../src/contract/panel-plan';
import type { HandoffReason, HandoffView, LaneView } from '../../../src/contract/plan-view';

/** The lane filter's value for issues that matched no lane rule. */
export const UNCLASSIFIED = 'unclassified';

export interface Filters {
  /** 'all', a lane id, or UNCLASSIFIED. */
  lane: string;
  blockedOnly: boolean;
  dodIncomplete: boolean;
}

export const NO_FILTERS: Filters = { lane: 'all', blockedOnly: false, dodIncomplete: false };

export interface Column {
  /** The lane id, or UNCLASSIFIED. */
  id: string;
  name: string;
  color: string | null;
  lane: LaneView | null;
  /** The cards shown (after filters). */
  issues: PanelIssue[];
  /** Every in-scope issue of the column, its blocked ones, and their story points, whatever the filters. */
  total: number;
  blocked: number;
  points: number;
}

/** A piece of a handoff sentence: plain text, or an issue key the person can open. */
export type SentencePart =
  | { kind: 'text'; text: string }
  /** `openable` is false for an issue Jira hides from the person: its key stays plain text. */
  | { kind: 'key'; key: string; openable: boolean };

export interface HandoffRow {
  id: string;
  handoff: HandoffView;
  sentence: string;
  parts: SentencePart[];
}

export interface MatrixCell {
  total: number;
  blocked: number;
}

export interface HandoffMatrix {
  /** Lanes on both axes, in plan order, then Unclassified when some handoff touches it. */
  axis: { id: string; name: string; color: string | null }[];
  cells: Map<string, MatrixCell>;
  maxTotal: number;
}

export interface PlanModel {
  plan: PanelPlan;
  issuesByKey: Map<string, PanelIssue>;
  lanesById: Map<string, LaneView>;
  /** The sprint's own issues: the lane cards. */
  scopeIssues: PanelIssue[];
  columns: Column[];
  blockedHandoffs: HandoffRow[];
  criticalChain: string[];
  criticalSet: Set<string>;
  matrix: HandoffMatrix;
  /** Upstream issues that live outside this sprint, named by some handoff. */
  outside: PanelIssue[];
}

export function matrixKey(fromLane: string, toLane: string): string {
  return `${fromLane}->${toLane}`;
}

export function laneIdOf(laneId: string | null): string {
  return laneId ?? UNCLASSIFIED;
}

export function buildModel(plan: PanelPlan): PlanModel {
  const issuesByKey = new Map(plan.issues.map((issue) => [issue.key, issue]));
  const lanesById = new Map(plan.lanes.map((lane) => [lane.id, lane]));
  const scopeIssues = plan.issues.filter((issue) => issue.inScope && !issue.hidden);

  const byLane = new Map<string, PanelIssue[]>();
  for (const issue of scopeIssues) {
    const id = issue.lane !== null && lanesById.has(issue.lane) ? issue.lane : UNCLASSIFIED;
    const list = byLane.get(id);
    if (list) list.push(issue);
    else byLane.set(id, [issue]);
  }
  const column = (id: string, name: string, color: string | null, lane: LaneView | null): Column => {
    const issues = byLane.get(id) ?? [];
    const points = issues.reduce((sum, issue) => sum + (issue.storyPoints ?? 0), 0);
    const blocked = issues.filter((issue) => issue.blocked).length;
    return { id, name, color, lane, issues, total: issues.length, blocked, points };
  };
  const columns = plan.lanes.map((lane) => column(lane.id, lane.name, lane.color, lane));
  columns.push(column(UNCLASSIFIED, 'Unclassified', null, null));

  const blockedHandoffs = plan.handoffs
    .filter((handoff) => handoff.blocked)
    .map((handoff, index) => toRow(handoff, index, issuesByKey, lanesById));

  const outsideKeys = new Set<string>();
  for (const handoff of plan.handoffs) {
    const upstream = issuesByKey.get(handoff.from);
    if (upstream && !upstream.inScope && !upstream.hidden) outsideKeys.add(upstream.key);
  }

  return {
    plan,
    issuesByKey,
    lanesById,
    scopeIssues,
    columns,
    blockedHandoffs,
    criticalChain: plan.criticalChain,
    criticalSet: new Set(plan.criticalChain),
    matrix: buildMatrix(plan),
    outside: [...outsideKeys].map((key) => issuesByKey.get(key)).filter((issue) => issue !== undefined),
  };
}

function toRow(
  handoff: HandoffView,
  index: number,
  issuesByKey: ReadonlyMap<string, PanelIssue>,
  lanesById: ReadonlyMap<string, LaneView>,
): HandoffRow {
  const sentence = describeHandoff(handoff, issuesByKey, lanesById);
  return {
    id: `${handoff.from}->${handoff.to}#${index}`,
    handoff,
    sentence,
    parts: splitSentence(sentence, handoff, issuesByKey),
  };
}

/**
 * Cuts the sentence around the two issue keys so they can be rendered as links, without changing its words:
 * the downstream key opens it, the upstream key follows the verb. Falls back to plain text when not found.
 */
export function splitSentence(
  sentence: string,
  handoff: HandoffView,
  issuesByKey: ReadonlyMap<string, PanelIssue>,
): SentencePart[] {
  const parts: SentencePart[] = [];
  let rest = sentence;
  const openable = (key: string) => {
    const issue = issuesByKey.get(key);
    return issue !== undefined && !issue.hidden;
  };
  if (!rest.startsWith(handoff.to)) return [{ kind: 'text', text: sentence }];
  parts.push({ kind: 'key', key: handoff.to, openable: openable(handoff.to) });
  rest = rest.slice(handoff.to.length);

  const downstream = issuesByKey.get(handoff.to);
  const skip = downstream && !downstream.hidden ? downstream.summary.length : 0;
  const verb = handoff.blocked ? ' waits on ' : ' depends on ';
  const at = rest.indexOf(`${verb}${handoff.from}`, skip);
  if (at < 0) {
    parts.push({ kind: 'text', text: rest });
    return parts;
  }
  parts.push({ kind: 'text', text: rest.slice(0, at + verb.length) });
  parts.push({ kind: 'key', key: handoff.from, openable: openable(handoff.from) });
  const tail = rest.slice(at + verb.length + handoff.from.length);
  if (tail) parts.push({ kind: 'text', text: tail });
  return parts;
}

function buildMatrix(plan: PanelPlan): HandoffMatrix {
  const cells = new Map<string, MatrixCell>();
  let touchesUnclassified = false;
  let maxTotal = 0;
  const known = new Set(plan.lanes.map((lane) => lane.id));
  for (const handoff of plan.handoffs) {
    const from = handoff.fromLane !== null && known.has(handoff.fromLane) ? handoff.fromLane : UNCLASSIFIED;
    const to = handoff.toLane !== null && known.has(handoff.toLane) ? handoff.toLane : UNCLASSIFIED;
    if (from === UNCLASSIFIED || to === UNCLASSIFIED) touchesUnclassified = true;
    const key = matrixKey(from, to);
    const cell = cells.get(key) ?? { total: 0, blocked: 0 };
    cell.total += 1;
    if (handoff.blocked) cell.blocked += 1;
    cells.set(key, cell);
    maxTotal = Math.max(maxTotal, cell.total);
  }
  const axis = plan.lanes.map((lane) => ({ id: lane.id, name: lane.name, color: lane.color }));
  // "No lane" rather than "Unclassified": short enough for the matrix headers.
  if (touchesUnclassified) axis.push({ id: UNCLASSIFIED, name: 'No lane', color: null });
  return { axis, cells, maxTotal };
}

export function isDodIncomplete(issue: PanelIssue): boolean {
  return issue.dodTotal > 0 && issue.dodMet < issue.dodTotal;
}

export function issueMatches(issue: PanelIssue, filters: Filters): boolean {
  if (filters.lane !== 'all' && laneIdOf(issue.lane) !== filters.lane) return false;
  if (filters.blockedOnly && !issue.blocked) return false;
  if (filters.dodIncomplete && !isDodIncomplete(issue)) return false;
  return true;
}

/** A blocked handoff stays listed when it touches the chosen lane and, for "DoD incomplete", one of its ends. */
export function handoffMatches(
  row: HandoffRow,
  filters: Filters,
  issuesByKey: ReadonlyMap<string, PanelIssue>,
): boolean {
  const { handoff } = row;
  if (
    filters.lane !== 'all' &&
    laneIdOf(handoff.fromLane) !== filters.lane &&
    laneIdOf(handoff.toLane) !== filters.lane
  ) {
    return false;
  }
  if (filters.dodIncomplete) {
    const ends = [issuesByKey.get(handoff.to), issuesByKey.get(handoff.from)];
    if (!ends.some((issue) => issue !== undefined && isDodIncomplete(issue))) return false;
  }
  return true;
}

export interface FilteredView {
  columns: Column[];
  handoffs: HandoffRow[];
  shown: number;
  total: number;
}

export function applyFilters(model: PlanModel, filters: Filters): FilteredView {
  const columns =
    filters.lane === 'all' ? model.columns : model.columns.filter((column) => column.id === filters.lane);
  const narrowing = filters.blockedOnly || filters.dodIncomplete;
  // Unfiltered columns are the model's own objects, so memoized columns skip re-rendering.
  const filtered = narrowing
    ? columns.map((column) => ({
        ...column,
        issues: column.issues.filter((issue) => issueMatches(issue, filters)),
      }))
    : columns;
  const handoffs =
    filters.lane === 'all' && !filters.dodIncomplete
      ? model.blockedHandoffs
      : model.blockedHandoffs.filter((row) => handoffMatches(row, filters, model.issuesByKey));
  return {
    columns: filtered,
    handoffs,
    shown: filtered.reduce((sum, column) => sum + column.issues.length, 0),
    total: model.scopeIssues.length,
  };
}

const REASON_WORDS: Record<HandoffReason, string> = {
  'upstream-not-done': 'Upstream not done',
  'upstream-not-started': 'Not started yet',
  'upstream-outside-sprint': 'Outside this sprint',
  'upstream-hidden': 'Hidden from you',
  cycle: 'Dependency cycle',
};

export function reasonWords(reason: HandoffReason): string {
  return REASON_WORDS[reason] ?? reason;
}
