import {
  daysLeft,
  labelingRates,
  remainingDaysSamples,
} from '../../../src/domain/forecast/labeling-throughput';
import { labelingEstimates } from '../../../src/domain/forecast/labeling-work';
import { forecastSprint } from '../../../src/domain/forecast/monte-carlo';
import { SeededRandom } from '../../../src/domain/forecast/rng';
import type { EvidenceHistory, LabelingDay } from '../../../src/domain/evidence/evidence-history';
import { always, dateOfWorkingDay, history, input, item, work } from './monte-carlo-fixtures';

const WEEKDAYS = [1, 2, 3, 4, 5];

/** Label Studio's counters on each day (newest first, as the evidence history keeps them). */
function evidence(days: [day: string, finished: number][], total = 1000): EvidenceHistory {
  const labeling: LabelingDay[] = days
    .map(([day, finishedTasks]) => ({
      day,
      eventTime: `${day}T17:00:00.000Z`,
      finishedTasks,
      totalTasks: total,
      annotations: finishedTasks,
    }))
    .sort((a, b) => b.day.localeCompare(a.day));
  return { version: 1, fields: {}, latest: {}, deliveries: [], labeling };
}

describe('items labeled per working day', () => {
  it('is the day-to-day difference of the finished tasks', () => {
    const rates = labelingRates(
      [
        { day: '2026-11-02', finishedTasks: 100 },
        { day: '2026-11-03', finishedTasks: 140 },
        { day: '2026-11-04', finishedTasks: 200 },
      ],
      WEEKDAYS,
    );
    expect(rates).toEqual({ perDay: [40, 60], itemsPerDay: 50, recordedDays: 3 });
  });

  it('spreads a gap over its working days: Thursday to Monday is two (Friday and Monday), not four', () => {
    const rates = labelingRates(
      [
        { day: '2026-11-05', finishedTasks: 0 },
        { day: '2026-11-09', finishedTasks: 120 },
      ],
      WEEKDAYS,
    );
    expect(rates?.perDay).toEqual([60, 60]);
  });

  it('does not count a counter that went down (tasks deleted) as negative labeling', () => {
    const rates = labelingRates(
      [
        { day: '2026-11-02', finishedTasks: 300 },
        { day: '2026-11-03', finishedTasks: 100 },
        { day: '2026-11-04', finishedTasks: 150 },
      ],
      WEEKDAYS,
    );
    expect(rates?.perDay).toEqual([50]);
  });

  it('needs two recorded days', () => {
    expect(labelingRates([{ day: '2026-11-02', finishedTasks: 300 }], WEEKDAYS)).toBeNull();
    expect(labelingRates([], WEEKDAYS)).toBeNull();
  });
});

describe('working days to label what is left', () => {
  it('at a steady 50 items a day, 500 items take exactly 10 days in every sample', () => {
    const samples = remainingDaysSamples(500, [50], new SeededRandom(1), 500);
    expect(new Set(samples)).toEqual(new Set([10]));
  });

  it('with days of 40 and 60 items, 500 items centre on 10 days (median 10, 85% 11)', () => {
    const samples = remainingDaysSamples(500, [40, 60], new SeededRandom(7), 500);
    const mean = samples.reduce((sum, days) => sum + days, 0) / samples.length;
    expect(daysLeft(samples)).toEqual({ p50: 10, p85: 11 });
    expect(mean).toBeGreaterThan(9.7);
    expect(mean).toBeLessThan(10.5);
    // The variation is the days' own: never faster than all 60s, never slower than all 40s.
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(9);
    expect(Math.max(...samples)).toBeLessThanOrEqual(13);
  });

  it('draws the same samples for the same seed and others for another', () => {
    const draw = (seed: number) => remainingDaysSamples(500, [10, 40, 60, 90], new SeededRandom(seed), 500);
    expect(draw(3)).toEqual(draw(3));
    expect(draw(4)).not.toEqual(draw(3));
  });

  it('is Infinity when the horizon passes first', () => {
    expect(remainingDaysSamples(1000, [1], new SeededRandom(1), 20, 5)).toEqual(new Array(5).fill(Infinity));
  });
});

describe('which data-lane issues are forecast from items per day', () => {
  const options = { workingDays: WEEKDAYS, seed: 42, horizon: 500, asOf: '2026-11-04T09:00:00.000Z' };

  it('takes an issue with two days of counters and the summary’s target, and says how many days are left', () => {
    const result = labelingEstimates(
      [{ key: 'CV-101', summary: 'Label 1,000 images' }],
      new Map([
        [
          'CV-101',
          evidence(
            [
              ['2026-11-02', 700],
              ['2026-11-03', 750],
            ],
            5000,
          ),
        ],
      ]),
      options,
    );
    expect(result.view?.issues).toEqual([
      {
        key: 'CV-101',
        summary: 'Label 1,000 images',
        target: 1000,
        targetFrom: 'summary',
        finished: 750,
        countedOn: '2026-11-03',
        method: 'items-per-day',
        itemsPerDay: 50,
        recordedDays: 2,
        daysLeft: { p50: 5, p85: 5 },
        reason: null,
      },
    ]);
    expect(result.samples.get('CV-101')).toHaveLength(2000);
    expect(result.view?.note).toBe('CV-101 was forecast from items labeled per day.');
  });

  it('falls back to the lane’s history with one day of counters, and says so', () => {
    const result = labelingEstimates(
      [{ key: 'CV-101', summary: 'Label cats' }],
      new Map([['CV-101', evidence([['2026-11-03', 750]])]]),
      options,
    );
    expect(result.samples.size).toBe(0);
    expect(result.view?.issues[0]).toMatchObject({
      method: 'lane-history',
      target: 1000,
      targetFrom: 'label-studio',
      itemsPerDay: null,
      daysLeft: null,
      reason: 'only one day of Label Studio counters (2026-11-03); two are needed for items per day',
    });
    expect(result.view?.note).toMatch(/^CV-101 from the lane's usual sampling: only one day/);
  });

  it('does not see counters from after the forecast’s instant (an --as-of forecast)', () => {
    const twoDays = evidence([
      ['2026-11-02', 700],
      ['2026-11-03', 750],
    ]);
    const result = labelingEstimates(
      [{ key: 'CV-101', summary: 'Label 1,000 images' }],
      new Map([['CV-101', twoDays]]),
      {
        ...options,
        asOf: '2026-11-03T09:00:00.000Z',
      },
    );
    expect(result.view?.issues[0]).toMatchObject({
      finished: 700,
      countedOn: '2026-11-02',
      method: 'lane-history',
    });
  });

  it('takes the target from the ML items target field when the summary names none', () => {
    const history = evidence([
      ['2026-11-02', 700],
      ['2026-11-03', 750],
    ]);
    const withField: EvidenceHistory = {
      ...history,
      fields: {
        'items-target': {
          value: 800,
          eventTime: '2026-11-03T17:00:00.000Z',
          tool: 'labelstudio',
          deliveryId: 'd-1',
        },
      },
    };
    const result = labelingEstimates(
      [{ key: 'CV-101', summary: 'Label cats' }],
      new Map([['CV-101', withField]]),
      options,
    );
    expect(result.view?.issues[0]).toMatchObject({
      target: 800,
      targetFrom: 'evidence-field',
      daysLeft: { p50: 1, p85: 1 },
    });
  });

  it('lists nothing for issues without counters', () => {
    const result = labelingEstimates([{ key: 'CV-101', summary: 'Label 1,000 images' }], new Map(), options);
    expect(result).toEqual({ samples: new Map(), view: null });
  });
});

describe('the Monte Carlo with a labeling issue', () => {
  // The data lane's history says 1 issue a day; its labeling issue says 10 working days.
  const rows = history({ data: { throughput: always(1) }, model: { throughput: always(1) } });
  const sprint = work([item('CV-1', 'data'), item('CV-2', 'model')], [['CV-1', 'CV-2']]);

  it('finishes the labeling issue when its items are labeled, and its downstream work after it', () => {
    const plain = forecastSprint(input({ work: sprint, history: rows }));
    const labeled = forecastSprint(
      input({ work: sprint, history: rows, labeling: new Map([['CV-1', new Array(100).fill(10)]]) }),
    );
    const data = (result: typeof plain) => result.forecast!.lanes.find((lane) => lane.lane === 'data')!;
    expect(data(plain).finish?.p50).toBe(dateOfWorkingDay(1));
    expect(data(labeled).finish).toMatchObject({ p50: dateOfWorkingDay(10), p95: dateOfWorkingDay(10) });
    expect(labeled.forecast!.finish.p50).toBe(dateOfWorkingDay(11));
    expect(labeled.forecast!.lanes.map((lane) => lane.lane)).toEqual(['data', 'model']);
  });

  it('forecasts a labeling issue even in a data lane with no history of its own', () => {
    const thin = history({ model: { throughput: always(1) } });
    const result = forecastSprint(
      input({ work: sprint, history: thin, labeling: new Map([['CV-1', new Array(100).fill(3)]]) }),
    );
    expect(result.forecast?.finish.p50).toBe(dateOfWorkingDay(4));
    expect(result.warnings).not.toContainEqual(expect.stringMatching(/No forecast/));
  });

  it('halves with the data lane’s what-if: half the throughput, twice the days', () => {
    const result = forecastSprint(
      input({
        work: sprint,
        history: rows,
        labeling: new Map([['CV-1', new Array(100).fill(4)]]),
        whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } },
      }),
    );
    expect(result.forecast!.lanes[0]!.finish?.p50).toBe(dateOfWorkingDay(8));
  });
});
