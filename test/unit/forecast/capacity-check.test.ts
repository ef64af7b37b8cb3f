import { xoroshiro128plus } from 'pure-rand';
import { checkCapacity } from '../../../src/domain/forecast/capacity-check';
import type { LaneCapacityConfig } from '../../../src/domain/forecast/capacity-check';
import type { LaneHistory, SprintCompletion } from '../../../src/domain/forecast/lane-history';
import type { ForecastItem, ForecastWork, WorkCategory } from '../../../src/domain/forecast/model';
import { sprint } from './lane-history-builder';

const MODEL: LaneCapacityConfig = { id: 'model', name: 'Model', capacity: 30, wipLimit: 3 };

/** A lane history in which the model lane finished `points` (and `issues`) in successive closed sprints. */
function pastSprints(
  points: readonly number[],
  issues: readonly number[] = points.map(() => 4),
): LaneHistory {
  const sprints = points.map((_, index) =>
    sprint(index + 1, `2026-0${index + 1}-01T09:00:00Z`, `2026-0${index + 1}-14T17:00:00Z`),
  );
  const completedPerSprint: SprintCompletion[] = points.map((each, index) => ({
    sprintId: index + 1,
    points: each,
    issues: issues[index] ?? 0,
    unestimated: 0,
  }));
  return {
    timeZone: 'Europe/Berlin',
    window: { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' },
    days: [],
    laneIds: ['model'],
    dailyDone: [],
    lanes: [
      {
        lane: 'model',
        doneIssues: 0,
        cycleTimes: [],
        cycleTimeP50: null,
        cycleTimeP85: null,
        blockedDays: 0,
        completedPerSprint,
      },
    ],
    sprints,
    warnings: [],
  };
}

function item(key: string, storyPoints: number | null, category: WorkCategory = 'new'): ForecastItem {
  return { key, lane: 'model', storyPoints, category, startedAt: null };
}

function work(items: readonly ForecastItem[]): ForecastWork {
  return {
    sprintId: 9,
    sprintName: 'Sprint 9',
    sprintState: 'future',
    startDate: null,
    endDate: null,
    items,
    dependencies: [],
    criticalChain: [],
  };
}

const committed34 = work([
  item('CV-1', 13),
  item('CV-2', 8, 'indeterminate'),
  item('CV-3', 8, 'indeterminate'),
  item('CV-4', 5),
  item('CV-5', null),
  item('CV-6', null),
  item('CV-7', null),
  { ...item('CV-8', 40), lane: 'data' },
]);

describe('capacity check', () => {
  it('says what the lane committed, what it finished in past sprints, and how many issues have no estimate', () => {
    const [model] = checkCapacity(
      pastSprints([20, 20, 20, 20, 20, 20]),
      committed34,
      [MODEL],
      xoroshiro128plus(1),
    );
    expect(model).toEqual({
      lane: 'model',
      laneName: 'Model',
      committedIssues: 7,
      committedPoints: 34,
      completedPointsP50: 20,
      completedPointsP85: 20,
      completedIssuesP50: 4,
      completedIssuesP85: 4,
      sprintsSampled: 6,
      capacity: 30,
      wipLimit: 3,
      inProgress: 2,
      sentence:
        'Model: 34 points committed; it finished 20 (median) – 20 (85%) in the last 6 sprints; 3 issues unestimated',
    });
  });

  it('bootstraps the typical sprint: the median near the average, the 85% above it by about one standard error', () => {
    // Mean 20, standard deviation 6.8, so the average of 6 sprints has a standard error of 2.8: its 85th percentile
    // is near 20 + 1.04 × 2.8 ≈ 22.9.
    const [model] = checkCapacity(
      pastSprints([10, 14, 18, 22, 26, 30]),
      committed34,
      [MODEL],
      xoroshiro128plus(7),
    );
    expect(model?.completedPointsP50).toBeGreaterThanOrEqual(19);
    expect(model?.completedPointsP50).toBeLessThanOrEqual(21);
    expect(model?.completedPointsP85).toBeGreaterThanOrEqual(22);
    expect(model?.completedPointsP85).toBeLessThanOrEqual(24);
    expect(model?.sentence).toMatch(
      /^Model: 34 points committed; it finished [\d.]+ \(median\) – [\d.]+ \(85%\) in the last 6 sprints; 3 issues unestimated$/,
    );
  });

  it('gives the same figures for the same seed, without advancing the caller’s generator', () => {
    const random = xoroshiro128plus(42);
    const before = random.getState();
    const history = pastSprints([3, 9, 27, 5, 12]);
    const first = checkCapacity(history, committed34, [MODEL], random);
    expect(random.getState()).toEqual(before);
    expect(checkCapacity(history, committed34, [MODEL], xoroshiro128plus(42))).toEqual(first);
  });

  it('counts issues when the lane has never used story points', () => {
    const unestimated = work([item('CV-1', null), item('CV-2', null), item('CV-3', null, 'indeterminate')]);
    const [model] = checkCapacity(
      pastSprints([0, 0, 0], [2, 2, 2]),
      unestimated,
      [MODEL],
      xoroshiro128plus(1),
    );
    expect(model?.sentence).toBe(
      'Model: 3 issues committed; it finished 2 (median) – 2 (85%) in the last 3 sprints',
    );
  });

  it('says there is nothing to compare with when the board has no closed sprint', () => {
    const [model] = checkCapacity(
      pastSprints([]),
      work([item('CV-1', 5), item('CV-2', null)]),
      [MODEL],
      xoroshiro128plus(1),
    );
    expect(model).toMatchObject({ completedPointsP50: null, completedPointsP85: null, sprintsSampled: 0 });
    expect(model?.sentence).toBe(
      'Model: 5 points committed; no closed sprints to compare with; 1 issue unestimated',
    );
  });
});
