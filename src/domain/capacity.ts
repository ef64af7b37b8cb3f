import type { MlLanesConfig } from '../config/schema';
import type { IssueView, LaneView } from '../contract/plan-view';

/** What a lane's load counts of each issue. */
type LoadedIssue = Pick<IssueView, 'inScope' | 'lane' | 'storyPoints' | 'statusCategory' | 'dod'>;

/**
 * Each configured lane's load in the sprint (in-scope issues only) against its capacity and WIP limit, and its
 * Definition-of-Done readiness.
 */
export function laneLoads(config: MlLanesConfig, issues: readonly LoadedIssue[]): LaneView[] {
  const lanes = new Map(
    config.lanes.map((lane) => {
      const limits = config.capacity[lane.id];
      const capacity = limits?.storyPoints ?? null;
      const wipLimit = limits?.wipLimit ?? null;
      const view: LaneView = {
        id: lane.id,
        name: lane.name,
        color: lane.color ?? null,
        issues: 0,
        storyPoints: 0,
        inProgress: 0,
        capacity,
        wipLimit,
        overCapacity: false,
        overWipLimit: false,
        dodMet: 0,
        dodTotal: 0,
      };
      return [lane.id, view];
    }),
  );
  for (const issue of issues) {
    const lane = issue.inScope && issue.lane !== null ? lanes.get(issue.lane) : undefined;
    if (!lane) continue;
    lane.issues++;
    lane.storyPoints += issue.storyPoints ?? 0;
    if (issue.statusCategory === 'indeterminate') lane.inProgress++;
    lane.dodMet += issue.dod.met;
    lane.dodTotal += issue.dod.total;
  }
  for (const lane of lanes.values()) {
    lane.overCapacity = lane.capacity !== null && lane.storyPoints > lane.capacity;
    lane.overWipLimit = lane.wipLimit !== null && lane.inProgress > lane.wipLimit;
  }
  return [...lanes.values()];
}
