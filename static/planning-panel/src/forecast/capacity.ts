/**
 * A lane's capacity check as numbers on one scale: what it committed against what it finished in past sprints
 * (median and 85th percentile) and its configured capacity. Story points when the board estimates, else issues.
 */
import type { LaneCapacityView } from '../../../../src/contract/forecast-view';

export interface CapacityFigures {
  unit: 'points' | 'issues';
  committed: number;
  /** What the lane finished per past sprint: median and 85th percentile; null without closed sprints. */
  median: number | null;
  p85: number | null;
  /** The configured capacity, in story points per sprint (so only on the points scale). */
  configured: number | null;
}

/** fits: within its median; stretch: between median and 85%; over: beyond what it finished in 85% of sprints. */
export type CapacityTone = 'fits' | 'stretch' | 'over' | 'unknown';

export function capacityFigures(lane: LaneCapacityView): CapacityFigures {
  const estimates =
    lane.committedPoints > 0 || (lane.completedPointsP85 ?? 0) > 0 || lane.committedIssues === 0;
  return estimates
    ? {
        unit: 'points',
        committed: lane.committedPoints,
        median: lane.completedPointsP50,
        p85: lane.completedPointsP85,
        configured: lane.capacity,
      }
    : {
        unit: 'issues',
        committed: lane.committedIssues,
        median: lane.completedIssuesP50,
        p85: lane.completedIssuesP85,
        configured: null,
      };
}

export function capacityTone(figures: CapacityFigures): CapacityTone {
  if (figures.median === null || figures.p85 === null) return 'unknown';
  if (figures.committed <= figures.median) return 'fits';
  if (figures.committed <= figures.p85) return 'stretch';
  return 'over';
}
