import type { MlLanesConfig } from '../config/schema';
import type { LaneView } from '../contract/plan-view';
import type { IssueSnapshot } from './snapshot';

/**
 * Each configured lane's load in the sprint (in-scope issues only) against its capacity and WIP limit, and its
 * Definition-of-Done readiness.
 */
export function laneLoads(
  config: MlLanesConfig,
  issues: readonly IssueSnapshot[],
  laneOf: (key: string) => string | null,
  dodOf: (key: string) => { met: number; total: number },
): LaneView[] {
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
    const lane = issue.inScope ? lanes.get(laneOf(issue.key) ?? '') : undefined;
    if (!lane) continue;
    lane.issues++;
    lane.storyPoints += issue.storyPoints ?? 0;
    if (issue.statusCategory === 'indeterminate') lane.inProgress++;
    const dod = dodOf(issue.key);
    lane.dodMet += dod.met;
    lane.dodTotal += dod.total;
  }
  for (const lane of lanes.values()) {
    lane.overCapacity = lane.capacity !== null && lane.storyPoints > lane.capacity;
    lane.overWipLimit = lane.wipLimit !== null && lane.inProgress > lane.wipLimit;
  }
  return [...lanes.values()];
}
