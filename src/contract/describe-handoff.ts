import type { HandoffView, IssueView, LaneView } from './plan-view';

/** What a sentence needs of an issue: both PlanView's and the panel's issues have it. */
export type DescribedIssue = Pick<
  IssueView,
  'key' | 'summary' | 'hidden' | 'status' | 'inScope' | 'statusCategory' | 'sprintName'
>;
/** What a sentence needs of a lane. */
export type DescribedLane = Pick<LaneView, 'id' | 'name'>;

/**
 * One blocked handoff as a sentence a person reads in a second:
 * "CV-104 Train v1.1 model (Model) waits on CV-101 Label 1000 images (Data) — In Progress, in the next sprint".
 * Shared by the CLI report and the planning panel so both say the same thing.
 */
export function describeHandoff(
  handoff: HandoffView,
  issuesByKey: ReadonlyMap<string, DescribedIssue>,
  lanesById: ReadonlyMap<string, DescribedLane>,
): string {
  const downstream = issuesByKey.get(handoff.to);
  const upstream = issuesByKey.get(handoff.from);
  const verb = handoff.blocked ? 'waits on' : 'depends on';
  return `${describeIssue(handoff.to, downstream, handoff.toLane, lanesById)} ${verb} ${describeIssue(
    handoff.from,
    upstream,
    handoff.fromLane,
    lanesById,
  )} — ${describeUpstreamState(handoff, upstream)}`;
}

function describeIssue(
  key: string,
  issue: DescribedIssue | undefined,
  lane: string | null,
  lanesById: ReadonlyMap<string, DescribedLane>,
): string {
  if (!issue || issue.hidden) return `${key} (an issue you cannot see)`;
  const laneName = lane === null ? 'Unclassified' : (lanesById.get(lane)?.name ?? lane);
  return `${key} ${issue.summary} (${laneName})`;
}

function describeUpstreamState(handoff: HandoffView, upstream: DescribedIssue | undefined): string {
  if (!upstream || upstream.hidden) return 'hidden from you, so it may still be open';
  const parts = [upstream.status || 'unknown status'];
  if (!upstream.inScope && upstream.statusCategory !== 'done') {
    parts.push(upstream.sprintName ? `in ${upstream.sprintName}` : 'in the backlog');
  }
  if (handoff.reasons.includes('cycle')) parts.push('on a dependency cycle');
  return parts.join(', ');
}
