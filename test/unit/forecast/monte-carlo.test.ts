import { forecastSprint, toFinishPercentiles } from '../../../src/domain/forecast/monte-carlo';
import type { MonteCarloResult, SprintForecast } from '../../../src/domain/forecast/monte-carlo';
import { always, bernoulliRow, dateOfWorkingDay, history, input, item, work } from './monte-carlo-fixtures';

function forecastOf(result: MonteCarloResult): SprintForecast {
  if (result.forecast === null) throw new Error(`expected a forecast, got: ${result.noForecastReason}`);
  return result.forecast;
}

const lane = (forecast: SprintForecast, id: string) => forecast.lanes.find((each) => each.lane === id)!;

/** data → model → test, one item each: the chain the brief is about. */
const chain = work(
  [item('CV-1', 'data'), item('CV-2', 'model'), item('CV-3', 'test')],
  [
    ['CV-1', 'CV-2'],
    ['CV-2', 'CV-3'],
  ],
  ['CV-1', 'CV-2', 'CV-3'],
);

describe('a seeded forecast', () => {
  const rows = history({
    data: { throughput: bernoulliRow(12, 18) },
    model: { throughput: bernoulliRow(15, 15) },
    test: { throughput: bernoulliRow(20, 10) },
  });

  it('gives the same answer for the same sprint, history and seed', () => {
    const first = forecastSprint(input({ work: chain, history: rows, seed: 9 }));
    const again = forecastSprint(input({ work: chain, history: rows, seed: 9 }));
    expect(again).toEqual(first);
  });

  it('runs different trials for a different seed', () => {
    const first = forecastOf(forecastSprint(input({ work: chain, history: rows, seed: 9 })));
    const other = forecastOf(forecastSprint(input({ work: chain, history: rows, seed: 10 })));
    expect(other.distribution).not.toEqual(first.distribution);
    expect(other.seed).toBe(10);
  });

  it('matches the golden percentiles of a three-item chain', () => {
    // Every lane completes 1 item on 20 of 50 past days and 0 on the rest. Only one item of the chain is ready
    // at a time, so each takes a Geometric(0.4) number of days from the day it is ready, and the chain's finish
    // day T is a sum of three of them: P(T = t) = C(t−1, 2)·0.4³·0.6^(t−3). Cumulated: P(T ≤ 6) = 0.456,
    // P(T ≤ 7) = 0.580 → P50 is day 7; P(T ≤ 10) = 0.833, P(T ≤ 11) = 0.881 → P85 is day 11;
    // P(T ≤ 13) = 0.942, P(T ≤ 14) = 0.960 → P95 is day 14. Day 7 is 2026-11-11, 10 is 11-16, 11 is 11-17,
    // 14 is 11-20. With 10,000 trials each boundary is at least 3.6 standard errors away.
    const row = bernoulliRow(20, 30);
    const result = forecastSprint(
      input({
        work: chain,
        history: history({
          data: { throughput: row },
          model: { throughput: row },
          test: { throughput: row },
        }),
        seed: 2026,
        sprintEnd: '2026-11-16',
      }),
    );
    const forecast = forecastOf(result);
    expect(forecast.finish).toMatchObject({ p50: '2026-11-11', p85: '2026-11-17', p95: '2026-11-20' });
    expect(forecast.criticalChain?.finish).toEqual(forecast.finish);
    const done = forecast.finish.doneBySprintEnd!;
    expect(Math.abs(done.value - 0.8327)).toBeLessThan(0.015); // P(T ≤ 10); 4 standard errors is 0.015
    expect(done.standardError).toBeCloseTo(Math.sqrt((done.value * (1 - done.value)) / 10_000), 10);
    expect(forecast.lanes.map((each) => [each.lane, each.method, each.finishedLast])).toEqual([
      ['data', 'throughput', 0],
      ['model', 'throughput', 0],
      ['test', 'throughput', 1],
    ]);
    expect(forecast.mostOftenLast).toEqual({ lane: 'test', share: 1 });
    expect(result.warnings).toEqual([]);
  });
});

describe('finish-to-start dependencies', () => {
  const everyDayOne = history({
    data: { throughput: always(1) },
    model: { throughput: always(1) },
    test: { throughput: always(1) },
  });

  it('a chain of three items, each lane finishing one item a day, is done on day 3 and no earlier', () => {
    const forecast = forecastOf(forecastSprint(input({ work: chain, history: everyDayOne })));
    expect(forecast.distribution).toEqual([{ date: dateOfWorkingDay(3), share: 1 }]);
    expect(toFinishPercentiles(forecast.finish)).toEqual({
      p50: '2026-11-05',
      p85: '2026-11-05',
      p95: '2026-11-05',
    });
    expect(lane(forecast, 'data').finish?.p95).toBe(dateOfWorkingDay(1));
    expect(lane(forecast, 'model').finish?.p50).toBe(dateOfWorkingDay(2));
  });

  it('does not wait for upstream work that is done, out of scope or outside the sprint', () => {
    const loose = work(
      [item('CV-1', 'data', 'done'), item('CV-2', 'model'), item('CV-3', 'test')],
      [
        ['CV-1', 'CV-2'],
        ['CV-9', 'CV-3'],
      ],
    );
    const forecast = forecastOf(forecastSprint(input({ work: loose, history: everyDayOne })));
    expect(forecast.remainingIssues).toBe(2);
    expect(forecast.distribution).toEqual([{ date: dateOfWorkingDay(1), share: 1 }]);
  });

  it('takes ready work in rank order', () => {
    // One item a day: the first-ranked is done on day 1, the third on day 3.
    const queue = (chain: string[]) =>
      work([item('CV-1', 'data'), item('CV-2', 'data'), item('CV-3', 'data')], [], chain);
    const first = forecastOf(forecastSprint(input({ work: queue(['CV-1']), history: everyDayOne })));
    const third = forecastOf(forecastSprint(input({ work: queue(['CV-3']), history: everyDayOne })));
    expect(first.criticalChain?.finish).toMatchObject({ p50: dateOfWorkingDay(1), p95: dateOfWorkingDay(1) });
    expect(third.criticalChain?.finish).toMatchObject({ p50: dateOfWorkingDay(3), p95: dateOfWorkingDay(3) });
    expect(first.finish.p50).toBe(dateOfWorkingDay(3));
  });

  it('keeps rank order in a lane of thousands of items, for work that became ready late', () => {
    // 2,500 data items, 100 done a day; the 5th waits for a model item done on day 1. Day 1 takes ranks 1–4 and
    // 6–101. On day 2 the 5th is ready and outranks everything left, so it is done then (taking the oldest-ready
    // first would leave it to the end), and from then on day n ends at rank 100n: the 2,001st is done on day 21.
    const big = Array.from({ length: 2500 }, (_, i) => item(`CV-${i + 1}`, 'data'));
    const rows = history({ data: { throughput: always(100) }, model: { throughput: always(1) } });
    const sprint = (chain: string[]) => work([...big, item('MD-1', 'model')], [['MD-1', 'CV-5']], chain);
    const fifth = forecastOf(forecastSprint(input({ work: sprint(['CV-5']), history: rows, trials: 100 })));
    expect(fifth.criticalChain?.finish).toMatchObject({ p50: dateOfWorkingDay(2), p95: dateOfWorkingDay(2) });
    const later = forecastOf(
      forecastSprint(input({ work: sprint(['CV-2001']), history: rows, trials: 100 })),
    );
    expect(later.criticalChain?.finish).toMatchObject({
      p50: dateOfWorkingDay(21),
      p95: dateOfWorkingDay(21),
    });
    expect(later.finish.p50).toBe(dateOfWorkingDay(25));
  });

  it('finishes later than the same work with its dependencies ignored', () => {
    // Toy sprint: 4 lanes, 3 items each, each item waiting on the item of the same rank in the lane before.
    const lanes = ['data', 'model', 'code', 'test'];
    const items = lanes.flatMap((id) => [1, 2, 3].map((n) => item(`${id}-${n}`, id)));
    const links = lanes
      .slice(1)
      .flatMap((id, at) => [1, 2, 3].map((n): [string, string] => [`${lanes[at]!}-${n}`, `${id}-${n}`]));
    const rows = history(Object.fromEntries(lanes.map((id) => [id, { throughput: bernoulliRow(15, 15) }])));
    const withLinks = forecastOf(forecastSprint(input({ work: work(items, links), history: rows })));
    const without = forecastOf(forecastSprint(input({ work: work(items), history: rows })));
    // All lanes share one history (1 item on every other day), so a day with work advances every lane at once.
    // Ignoring the links, each lane needs 3 such days: P(done by day 9) = P(Bin(9, ½) ≥ 3) = 1 − 46/512 = 0.910.
    // With them, work flows through 4 lanes one hop per such day: 3 + 4 − 1 = 6 of them, P = 130/512 = 0.254.
    expect(Math.abs(without.finish.doneBySprintEnd!.value - 0.91)).toBeLessThan(0.02);
    expect(Math.abs(withLinks.finish.doneBySprintEnd!.value - 0.254)).toBeLessThan(0.02);
    expect(withLinks.finish.p85! > without.finish.p85!).toBe(true);
  });

  it('does not hang on a dependency cycle, and reports it', () => {
    const looped = work(
      [item('CV-1', 'data'), item('CV-2', 'model'), item('CV-3', 'test')],
      [
        ['CV-1', 'CV-2'],
        ['CV-2', 'CV-1'],
        ['CV-2', 'CV-3'],
      ],
    );
    const result = forecastSprint(input({ work: looped, history: everyDayOne }));
    const forecast = forecastOf(result);
    expect(forecast.cycles).toEqual([['CV-1', 'CV-2']]);
    expect(result.warnings).toContain(
      'CV-1, CV-2 depend on each other in a cycle; those links are not treated as blocking.',
    );
    // The cycle's own links do not block; CV-3 still waits for CV-2.
    expect(forecast.distribution).toEqual([{ date: dateOfWorkingDay(2), share: 1 }]);
  });
});

describe('lanes that slow down together', () => {
  it('finish together when their history is zero on the same days (one past day is drawn for all lanes)', () => {
    // One item per lane, no links. Each lane did 1 item on half its past days. Drawn independently, the two
    // would finish on the same day with probability Σ (1/2)^t·(1/2)^t = 1/3; drawn jointly from aligned history,
    // always. finishedLast counts every lane that finished on the last day, so the two shares add up to 1 + P(same).
    const aligned = bernoulliRow(15, 15);
    const together = work([item('CV-1', 'data'), item('CV-2', 'model')]);
    const joint = forecastOf(
      forecastSprint(
        input({
          work: together,
          history: history({ data: { throughput: aligned }, model: { throughput: aligned } }),
        }),
      ),
    );
    const shifted = [...aligned.slice(1), aligned[0]!]; // same days with work, on other dates
    const apart = forecastOf(
      forecastSprint(
        input({
          work: together,
          history: history({ data: { throughput: aligned }, model: { throughput: shifted } }),
        }),
      ),
    );
    const sameDay = (forecast: SprintForecast) =>
      lane(forecast, 'data').finishedLast + lane(forecast, 'model').finishedLast - 1;
    expect(sameDay(joint)).toBe(1);
    expect(sameDay(apart)).toBeLessThan(1 / 3);
  });
});

describe('what-if', () => {
  const sprint = work(
    [
      item('CV-1', 'data'),
      item('CV-2', 'data'),
      item('CV-3', 'model'),
      item('CV-4', 'model'),
      item('CV-5', 'test'),
    ],
    [
      ['CV-1', 'CV-3'],
      ['CV-2', 'CV-4'],
      ['CV-3', 'CV-5'],
      ['CV-4', 'CV-5'],
    ],
    ['CV-2', 'CV-4', 'CV-5'],
  );
  const rows = history({
    data: { throughput: bernoulliRow(18, 12) },
    model: { throughput: bernoulliRow(18, 12) },
    test: { throughput: bernoulliRow(24, 6) },
  });
  const base = forecastOf(forecastSprint(input({ work: sprint, history: rows })));
  const chance = (forecast: SprintForecast) => forecast.finish.doneBySprintEnd!.value;

  it('halving a lane’s throughput lowers the chance of finishing by the sprint end', () => {
    const halved = forecastOf(
      forecastSprint(
        input({ work: sprint, history: rows, whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } } }),
      ),
    );
    expect(chance(halved)).toBeLessThan(chance(base) - 0.1);
    expect(lane(halved, 'data').finish!.doneBySprintEnd!.value).toBeLessThan(
      lane(base, 'data').finish!.doneBySprintEnd!.value,
    );
  });

  it('scales throughput without bias: a lane finishing 1 item every day at 50% finishes it on day 1 half the time', () => {
    const one = work([item('CV-1', 'data')]);
    const forecast = forecastOf(
      forecastSprint(
        input({
          work: one,
          history: history({ data: { throughput: always(1) } }),
          whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } },
        }),
      ),
    );
    expect(Math.abs(forecast.distribution[0]!.share - 0.5)).toBeLessThan(0.02);
    expect(forecast.distribution[0]!.date).toBe(dateOfWorkingDay(1));
  });

  it('taking an item of the critical chain out of scope raises the chance', () => {
    const without = forecastOf(
      forecastSprint(
        input({ work: sprint, history: rows, whatIf: { excludedKeys: ['CV-4'], laneThroughput: {} } }),
      ),
    );
    expect(chance(without)).toBeGreaterThan(chance(base) + 0.05);
    expect(without.remainingIssues).toBe(4);
    expect(without.criticalChain?.keys).toEqual(['CV-2', 'CV-5']);
  });

  it('a lane stopped altogether never finishes within the horizon, and says so', () => {
    const result = forecastSprint(
      input({
        work: sprint,
        history: rows,
        horizonDays: 40,
        whatIf: { excludedKeys: [], laneThroughput: { test: 0 } },
      }),
    );
    const forecast = forecastOf(result);
    expect(forecast.finish).toEqual({
      p50: null,
      p85: null,
      p95: null,
      doneBySprintEnd: { value: 0, standardError: 0 },
      notFinished: 1,
    });
    expect(toFinishPercentiles(forecast.finish)).toBeNull();
    expect(lane(forecast, 'data').finish?.notFinished).toBe(0);
    expect(result.warnings).toContain(
      '100.0% of trials had not finished after 40 working days (by 2026-12-28); they count as not done, and percentiles among them have no date.',
    );
  });
});

describe('thin or missing history', () => {
  it('gives no forecast, with the reason, when no lane has any history', () => {
    const result = forecastSprint(input({ work: chain, history: history({ data: {}, model: {} }) }));
    expect(result.forecast).toBeNull();
    expect(result.noForecastReason).toBe(
      'No forecast: none of the 3 remaining issues has a lane with history (no throughput or cycle times in the window), and a forecast without history would be made up.',
    );
  });

  it('gives no forecast when every past day was zero and there are no cycle times', () => {
    const result = forecastSprint(
      input({ work: chain, history: history({ data: { throughput: always(0) } }) }),
    );
    expect(result.forecast).toBeNull();
    expect(result.noForecastReason).toMatch(/^No forecast/);
  });

  it('falls back to bootstrapped cycle times below 20 days of throughput, and says so', () => {
    const short = history({
      data: { throughput: always(1, 10), cycleTimes: [2] },
      model: { throughput: always(1, 10), cycleTimes: [3] },
      test: { throughput: always(1, 10), cycleTimes: [1] },
    });
    const result = forecastSprint(input({ work: chain, history: short }));
    const forecast = forecastOf(result);
    expect(forecast.lanes.map((each) => each.method)).toEqual(['cycle-time', 'cycle-time', 'cycle-time']);
    // 2 days, then 3 from the day after, then 1: day 6.
    expect(forecast.distribution).toEqual([{ date: dateOfWorkingDay(6), share: 1 }]);
    expect(result.warnings).toContain(
      'Lane "data" is simulated from 1 bootstrapped cycle time: only 10 working days of throughput history (fewer than 20).',
    );
  });

  it('forecasts the lanes with history and names what it could not forecast', () => {
    const partial = history({ data: { throughput: always(1) }, model: {}, test: { throughput: always(1) } });
    const sprint = work(
      [item('CV-1', 'data'), item('CV-2', 'model'), item('CV-3', 'test'), item('CV-4', 'test')],
      [['CV-2', 'CV-3']],
      ['CV-2', 'CV-3'],
    );
    const result = forecastSprint(input({ work: sprint, history: partial }));
    const forecast = forecastOf(result);
    expect(forecast.simulatedIssues).toBe(2);
    expect(forecast.criticalChain).toBeNull();
    expect(lane(forecast, 'model')).toMatchObject({
      method: 'none',
      finish: null,
      reason: 'No throughput or cycle-time history for this lane in the window.',
    });
    expect(lane(forecast, 'test')).toMatchObject({ remainingIssues: 2, simulatedIssues: 1 });
    expect(result.warnings).toEqual([
      'No forecast for 1 issue in lane "model": no throughput or cycle-time history; nor for the 1 issue downstream of them.',
      'No forecast for the critical chain: part of it lies in a lane without history.',
    ]);
  });

  it('simulates unclassified items with cycle times pooled from all lanes, and says so', () => {
    const rows = history({
      data: { throughput: always(1), cycleTimes: [4, 4] },
      model: { throughput: always(1), cycleTimes: [4] },
    });
    const result = forecastSprint(
      input({ work: work([item('CV-1', 'data'), item('CV-2', null)]), history: rows }),
    );
    const forecast = forecastOf(result);
    expect(lane(forecast, '')).toMatchObject({ method: 'cycle-time', simulatedIssues: 1 });
    expect(forecast.distribution).toEqual([{ date: dateOfWorkingDay(4), share: 1 }]);
    expect(result.warnings).toContain(
      "1 unclassified issue simulated with cycle times pooled from all lanes (3 samples): no lane's throughput is theirs to share.",
    );
  });

  it('has nothing to forecast when all the work is done or out of scope', () => {
    const result = forecastSprint(
      input({
        work: work([item('CV-1', 'data', 'done'), item('CV-2', 'data')]),
        history: history({ data: { throughput: always(1) } }),
        whatIf: { excludedKeys: ['CV-2'], laneThroughput: {} },
      }),
    );
    expect(result).toEqual({
      forecast: null,
      noForecastReason: 'Nothing is left to forecast: all the work is done or out of scope.',
      warnings: [],
    });
  });
});

describe('bad input', () => {
  const rows = history({ data: { throughput: always(1) } });
  it.each([
    [{ seed: -1 }, 'the forecast seed must be a whole number from 0 to 4294967295, not -1'],
    [{ trials: 0 }, 'trials must be a whole number from 1 to 1000000, not 0'],
    [{ sprintEnd: '13/11/2026' }, 'the sprint end must be a day (YYYY-MM-DD), not "13/11/2026"'],
    [
      { whatIf: { excludedKeys: [], laneThroughput: { data: -0.5 } } },
      'the what-if throughput for lane "data" must be a share of 0 or more, not -0.5',
    ],
    [
      { history: { ...rows, days: rows.days.slice(1) } },
      'lane "data" has 30 throughput samples for 29 working days',
    ],
    [{ dateOfWorkingDay: () => 'soon' }, 'working day 1 after asOf came back as "soon", not YYYY-MM-DD'],
  ])('%j is refused with a clear error', (override, message) => {
    expect(() => forecastSprint({ ...input({ work: chain, history: rows }), ...override })).toThrow(message);
  });
});
