/**
 * ForecastViews for UI tests and the forecast screenshot, shaped like the demo sprint (CV Sprint 14, active,
 * 23 Nov – 4 Dec 2026, re-forecast on Mon 30 Nov): five lanes, labeling throughput halved over the last weeks,
 * two aging issues, a backtest. The numbers agree with each other (P(all done) ≤ P(critical chain done), the
 * distribution's cumulative shares give the percentiles) so that a screenshot reads like a real forecast.
 */
import type {
  ForecastView,
  LaneCapacityView,
  LaneForecastView,
  LaneHistoryView,
} from '../../../src/contract/forecast-view';

const TRIALS = 10_000;

/** The Monte Carlo standard error the engine reports: √(p(1−p)/trials). */
function probability(value: number) {
  return { value, standardError: Math.sqrt((value * (1 - value)) / TRIALS) };
}

/** When the fixture's history was read: 3 hours before DEMO_NOW. */
export const DEMO_READ_AT = '2026-11-30T06:10:00.000Z';
/** "Now" for tests that read the history's age. */
export const DEMO_NOW = Date.parse('2026-11-30T09:10:00.000Z');

function historyLane(
  lane: string,
  laneName: string,
  values: Partial<LaneHistoryView> & Pick<LaneHistoryView, 'doneIssues'>,
): LaneHistoryView {
  return {
    lane,
    laneName,
    throughputDays: 63,
    cycleTimeSamples: values.doneIssues,
    method: 'throughput',
    cycleTimeP50: null,
    cycleTimeP85: null,
    blockedDays: 0,
    ...values,
  };
}

function capacityLane(
  lane: string,
  laneName: string,
  values: Omit<LaneCapacityView, 'lane' | 'laneName' | 'sentence'>,
): LaneCapacityView {
  const points = (value: number) => `${value} point${value === 1 ? '' : 's'}`;
  const history =
    values.completedPointsP50 === null || values.completedPointsP85 === null
      ? 'no closed sprint to compare with'
      : `it finished ${values.completedPointsP50} (median) – ${values.completedPointsP85} (85%) in the last ${values.sprintsSampled} sprints`;
  return {
    lane,
    laneName,
    ...values,
    sentence: `${laneName}: ${points(values.committedPoints)} committed; ${history}`,
  };
}

function laneForecast(
  lane: string,
  laneName: string,
  remainingIssues: number,
  finish: [string, string, string],
  done: number,
  finishedLast: number,
): LaneForecastView {
  return {
    lane,
    laneName,
    remainingIssues,
    finish: { p50: finish[0], p85: finish[1], p95: finish[2] },
    doneBySprintEnd: probability(done),
    finishedLast,
  };
}

/** The demo sprint's forecast: 62% likely done by Fri 4 Dec, 85% by Tue 8 Dec. */
export function demoForecast(): ForecastView {
  return {
    scope: {
      site: 'https://cv-squad.atlassian.net',
      boardId: 1,
      boardName: 'CV board',
      sprintId: 102,
      sprintName: 'CV Sprint 14 — classifier v1.1',
      sprintState: 'active',
      startDate: '2026-11-23',
      endDate: '2026-12-04',
      asOf: '2026-11-30',
      timeZone: 'Europe/Lisbon',
    },
    trials: TRIALS,
    seed: 20261130,
    history: {
      from: '2026-09-01',
      to: '2026-11-29',
      readAt: DEMO_READ_AT,
      closedSprints: 6,
      lanes: [
        historyLane('data', 'Data', {
          doneIssues: 58,
          cycleTimeP50: 3,
          cycleTimeP85: 6,
          blockedDays: 9,
        }),
        historyLane('model', 'Model', { doneIssues: 21, cycleTimeP50: 4, cycleTimeP85: 9, blockedDays: 5 }),
        historyLane('code', 'Code', { doneIssues: 44, cycleTimeP50: 2, cycleTimeP85: 5, blockedDays: 2 }),
        historyLane('test', 'Test', { doneIssues: 27, cycleTimeP50: 2, cycleTimeP85: 4, blockedDays: 1 }),
        // The deploy lane was added three weeks ago: too few days of throughput, so cycle times stand in.
        historyLane('deploy', 'Deploy', {
          doneIssues: 6,
          throughputDays: 14,
          method: 'cycle-time',
          cycleTimeP50: 2,
          cycleTimeP85: 3,
        }),
      ],
    },
    capacity: [
      capacityLane('data', 'Data', {
        committedIssues: 6,
        committedPoints: 21,
        completedPointsP50: 16,
        completedPointsP85: 22,
        completedIssuesP50: 5,
        completedIssuesP85: 7,
        sprintsSampled: 6,
        capacity: 20,
        wipLimit: 3,
        inProgress: 3,
      }),
      capacityLane('model', 'Model', {
        committedIssues: 5,
        committedPoints: 34,
        completedPointsP50: 18,
        completedPointsP85: 25,
        completedIssuesP50: 3,
        completedIssuesP85: 4,
        sprintsSampled: 6,
        capacity: 24,
        wipLimit: 2,
        inProgress: 1,
      }),
      capacityLane('code', 'Code', {
        committedIssues: 4,
        committedPoints: 11,
        completedPointsP50: 12,
        completedPointsP85: 17,
        completedIssuesP50: 5,
        completedIssuesP85: 7,
        sprintsSampled: 6,
        capacity: 15,
        wipLimit: 3,
        inProgress: 2,
      }),
      capacityLane('test', 'Test', {
        committedIssues: 4,
        committedPoints: 9,
        completedPointsP50: 8,
        completedPointsP85: 11,
        completedIssuesP50: 4,
        completedIssuesP85: 5,
        sprintsSampled: 6,
        capacity: 10,
        wipLimit: 2,
        inProgress: 3,
      }),
      capacityLane('deploy', 'Deploy', {
        committedIssues: 3,
        committedPoints: 6,
        completedPointsP50: 3,
        completedPointsP85: 5,
        completedIssuesP50: 1,
        completedIssuesP85: 2,
        sprintsSampled: 2,
        capacity: null,
        wipLimit: null,
        inProgress: 1,
      }),
    ],
    whatIf: { excludedKeys: [], laneThroughput: {} },
    remainingWork: [
      {
        key: 'CV-104',
        summary: 'Labeling tool: polygon save lag halves labeling throughput',
        lane: 'code',
        laneName: 'Code',
      },
      {
        key: 'CV-101',
        summary: "Label 1,000 images for class 'cracked lens'",
        lane: 'data',
        laneName: 'Data',
      },
      {
        key: 'CV-105',
        summary: 'Train v1.1 model with focal loss and rebalanced sampler',
        lane: 'model',
        laneName: 'Model',
      },
      {
        key: 'CV-106',
        summary: 'Execute accuracy validation suite on the holdout set',
        lane: 'test',
        laneName: 'Test',
      },
      { key: 'CV-108', summary: 'Release v1.1 to production canary', lane: 'deploy', laneName: 'Deploy' },
      { key: 'CV-118', summary: 'Set up prediction-drift alerting', lane: 'deploy', laneName: 'Deploy' },
      {
        key: 'CV-121',
        summary: 'Refactor the image loader to stream from object storage',
        lane: 'code',
        laneName: 'Code',
      },
    ],
    forecast: {
      remainingIssues: 17,
      finish: { p50: '2026-12-04', p85: '2026-12-08', p95: '2026-12-10' },
      doneBySprintEnd: probability(0.62),
      criticalChain: {
        keys: ['CV-104', 'CV-101', 'CV-105', 'CV-106', 'CV-108'],
        finish: { p50: '2026-12-03', p85: '2026-12-08', p95: '2026-12-10' },
        doneBySprintEnd: probability(0.66),
      },
      lanes: [
        laneForecast('data', 'Data', 4, ['2026-12-02', '2026-12-04', '2026-12-07'], 0.86, 0.05),
        laneForecast('model', 'Model', 5, ['2026-12-03', '2026-12-07', '2026-12-09'], 0.7, 0.17),
        laneForecast('code', 'Code', 3, ['2026-12-01', '2026-12-03', '2026-12-04'], 0.93, 0.03),
        laneForecast('test', 'Test', 3, ['2026-12-04', '2026-12-08', '2026-12-10'], 0.64, 0.27),
        laneForecast('deploy', 'Deploy', 2, ['2026-12-04', '2026-12-08', '2026-12-10'], 0.63, 0.48),
      ],
      mostOftenLast: { lane: 'deploy', laneName: 'Deploy', share: 0.48 },
      // Cumulative: 0.28 by Thu 3 Dec, 0.62 by Fri 4 Dec (P50), 0.87 by Tue 8 Dec (P85), 0.97 by Thu 10 Dec (P95).
      distribution: [
        { date: '2026-12-01', share: 0.01 },
        { date: '2026-12-02', share: 0.06 },
        { date: '2026-12-03', share: 0.21 },
        { date: '2026-12-04', share: 0.34 },
        { date: '2026-12-07', share: 0.15 },
        { date: '2026-12-08', share: 0.1 },
        { date: '2026-12-09', share: 0.06 },
        { date: '2026-12-10', share: 0.04 },
        { date: '2026-12-11', share: 0.02 },
        { date: '2026-12-14', share: 0.01 },
      ],
    },
    noForecastReason: null,
    indicators: {
      // The labeling tool's polygon-save bug (CV-104) halved the data lane's output over the last three weeks.
      labelingThroughput: {
        lane: 'data',
        perDay: 58 / 63,
        weeks: [
          { weekStart: '2026-08-31', done: 5 },
          { weekStart: '2026-09-07', done: 5 },
          { weekStart: '2026-09-14', done: 6 },
          { weekStart: '2026-09-21', done: 5 },
          { weekStart: '2026-09-28', done: 5 },
          { weekStart: '2026-10-05', done: 4 },
          { weekStart: '2026-10-12', done: 6 },
          { weekStart: '2026-10-19', done: 5 },
          { weekStart: '2026-10-26', done: 5 },
          { weekStart: '2026-11-02', done: 5 },
          { weekStart: '2026-11-09', done: 3 },
          { weekStart: '2026-11-16', done: 2 },
          { weekStart: '2026-11-23', done: 2 },
        ],
        trend: 0.43,
      },
      agingWork: [
        {
          key: 'CV-101',
          summary: "Label 1,000 images for class 'cracked lens'",
          lane: 'data',
          ageDays: 15,
          laneCycleTimeP85: 6,
        },
        {
          key: 'CV-118',
          summary: 'Set up prediction-drift alerting',
          lane: 'deploy',
          ageDays: 7,
          laneCycleTimeP85: 3,
        },
      ],
      defectEscapeRate: { defects: 3, doneIssues: 156, rate: 3 / 156 },
    },
    backtest: {
      sprints: 6,
      withinP85: 5,
      brierScore: 0.14,
      sentence: 'on this board, 5 of the last 6 sprints finished within the 85% date',
    },
    warnings: ['CV-110 is in no lane (no rule matched it), so the forecast leaves it out.'],
  };
}

/** The same sprint on a board with no history: no forecast, the reason instead, and no number made up. */
export function noHistoryForecast(): ForecastView {
  const demo = demoForecast();
  return {
    ...demo,
    history: {
      ...demo.history,
      closedSprints: 0,
      lanes: demo.history.lanes.map((lane) => ({
        ...lane,
        doneIssues: 0,
        throughputDays: 0,
        cycleTimeSamples: 0,
        method: 'none',
        cycleTimeP50: null,
        cycleTimeP85: null,
        blockedDays: 0,
      })),
    },
    capacity: demo.capacity.map((lane) =>
      capacityLane(lane.lane, lane.laneName, {
        ...lane,
        completedPointsP50: null,
        completedPointsP85: null,
        completedIssuesP50: null,
        completedIssuesP85: null,
        sprintsSampled: 0,
      }),
    ),
    forecast: null,
    noForecastReason:
      'The CV board has no closed sprint and no issue was done in the last 90 days, so there is no history to forecast from.',
    indicators: { labelingThroughput: null, agingWork: [], defectEscapeRate: null },
    backtest: null,
    warnings: [],
  };
}
