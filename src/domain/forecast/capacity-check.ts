import type { RandomGenerator } from 'pure-rand';
import type { LaneCapacityView } from '../../contract/forecast-view';
import { bootstrapSums } from './bootstrap';
import type { LaneHistory } from './lane-history';
import type { ForecastWork } from './model';
import { percentile } from './percentile';

/** A lane as the configuration describes it, for the capacity check. */
export interface LaneCapacityConfig {
  id: string;
  name: string;
  /** Story points per sprint, or null when not configured. */
  capacity: number | null;
  wipLimit: number | null;
}

const RESAMPLES = 1000;

/**
 * Each configured lane's committed work in the sprint against what it completed in the closed sprints of its
 * history, next to its configured capacity and WIP limit. `random` is cloned, not advanced: the same generator
 * state gives the same figures however often the panel asks.
 */
export function checkCapacity(
  laneHistory: LaneHistory,
  work: ForecastWork,
  lanes: readonly LaneCapacityConfig[],
  random: RandomGenerator,
): LaneCapacityView[] {
  const stream = random.clone();
  return lanes.map((lane) => {
    const items = work.items.filter((item) => item.lane === lane.id);
    const committedPoints = round(items.reduce((sum, item) => sum + (item.storyPoints ?? 0), 0));
    const unestimated = items.filter((item) => item.storyPoints === null).length;
    const sprints = laneHistory.lanes.find((each) => each.lane === lane.id)?.completedPerSprint ?? [];
    const points = typicalSprint(
      sprints.map((sprint) => sprint.points),
      stream,
    );
    const issues = typicalSprint(
      sprints.map((sprint) => sprint.issues),
      stream,
    );
    // Story points when the lane's past sprints finished some (or, with no past, when the sprint has some);
    // otherwise issues, which count every piece of work.
    const inPoints =
      sprints.length > 0
        ? sprints.some((sprint) => sprint.points > 0)
        : items.some((item) => item.storyPoints !== null);
    const committed = inPoints
      ? `${count(committedPoints, 'point')} committed`
      : `${count(items.length, 'issue')} committed`;
    const typical = inPoints ? points : issues;
    let comparison: string;
    if (typical !== null) {
      const last = sprints.length === 1 ? 'the last sprint' : `the last ${sprints.length} sprints`;
      comparison = `it finished ${typical.p50} (median) – ${typical.p85} (85%) in ${last}`;
    } else if (laneHistory.sprints.length === 0) {
      comparison = 'no closed sprints to compare with';
    } else {
      comparison = 'no history of this lane to compare with';
    }
    // Jira Plans counts an unestimated issue as zero points; say how many there are instead.
    const unestimatedNote = inPoints && unestimated > 0 ? `; ${count(unestimated, 'issue')} unestimated` : '';
    return {
      lane: lane.id,
      laneName: lane.name,
      committedIssues: items.length,
      committedPoints,
      completedPointsP50: points?.p50 ?? null,
      completedPointsP85: points?.p85 ?? null,
      completedIssuesP50: issues?.p50 ?? null,
      completedIssuesP85: issues?.p85 ?? null,
      sprintsSampled: sprints.length,
      capacity: lane.capacity,
      wipLimit: lane.wipLimit,
      inProgress: items.filter((item) => item.category === 'indeterminate').length,
      sentence: `${lane.name}: ${committed}; ${comparison}${unestimatedNote}`,
    };
  });
}

/**
 * What the lane finishes in a typical sprint, bootstrapped: resample its N past sprints with replacement 1,000
 * times and average each resample; the median of those averages is the typical sprint, their 85th percentile how
 * much better it plausibly is. With few sprints this is honest about the uncertainty of the average, not a range
 * of single sprints. Null when there are no sprints.
 */
function typicalSprint(
  perSprint: readonly number[],
  random: RandomGenerator,
): { p50: number; p85: number } | null {
  if (perSprint.length === 0) return null;
  const averages = bootstrapSums(perSprint, perSprint.length, RESAMPLES, random).map(
    (sum) => sum / perSprint.length,
  );
  return { p50: round(percentile(averages, 50)), p85: round(percentile(averages, 85)) };
}

/** One decimal at most: story points can be halves, averages anything. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
