import { forecastSprint } from '../../../src/domain/forecast/monte-carlo';
import { SeededRandom } from '../../../src/domain/forecast/rng';
import { dateOfWorkingDay, history, input, item, work } from './monte-carlo-fixtures';

/*
 * Calibration: histories are generated from a known daily process per lane, the forecast learns from them, and its
 * probability of finishing by a given day is compared with the true one, which is computed exactly by dynamic
 * programming over the known process — no Monte Carlo and none of the engine's code.
 *
 * The sprint: data items D1–D4, model items M1 (after D1 and D2) and M2 (after D3 and D4), test item T1 (after
 * M1 and M2). Each lane completes up to its day's capacity of ready items, highest rank first; an item is ready
 * the working day after its last upstream item is done.
 */

/** One kind of day: its probability and the capacity of data, model and test. */
type Outcome = [probability: number, data: number, model: number, test: number];

function binomial(n: number, p: number): [count: number, probability: number][] {
  const choose = (k: number): number => (k === 0 ? 1 : (choose(k - 1) * (n - k + 1)) / k);
  return Array.from({ length: n + 1 }, (_, k) => [k, choose(k) * p ** k * (1 - p) ** (n - k)]);
}

/** Independent lanes: the joint day is the product of the three. */
function independent(
  data: [number, number][],
  model: [number, number][],
  test: [number, number][],
  weight = 1,
): Outcome[] {
  return data.flatMap(([d, pd]) =>
    model.flatMap(([m, pm]) => test.map(([t, pt]): Outcome => [weight * pd * pm * pt, d, m, t])),
  );
}

/** Lanes that work independently of each other. Every probability is a multiple of 1/20,000. */
const steady = independent(binomial(2, 1 / 2), binomial(1, 2 / 5), binomial(3, 3 / 10));
/** Lanes that stop together: on half the days nothing moves anywhere (an outage); otherwise data 2, model 1, test 2. */
const outages = [
  ...independent([[0, 1]], [[0, 1]], [[0, 1]], 1 / 2),
  ...independent([[2, 1]], [[1, 1]], [[2, 1]], 1 / 2),
];

/** Each lane's share of days per capacity, as if the lanes were independent: what a per-lane draw would see. */
function marginals(process: Outcome[]): Outcome[] {
  const lane = (at: 1 | 2 | 3): [number, number][] => {
    const shares = new Map<number, number>();
    for (const outcome of process) shares.set(outcome[at], (shares.get(outcome[at]) ?? 0) + outcome[0]);
    return [...shares];
  };
  return independent(lane(1), lane(2), lane(3));
}

/** P(T1 done by day `days`), exactly: a distribution over (data done, model done, test done) at each day's end. */
function trueProbability(process: Outcome[], days: number): number {
  // State index: data 0–4, model 0–2, test 0–1.
  const index = (d: number, m: number, t: number) => (d * 3 + m) * 2 + t;
  let state = new Float64Array(30);
  state[index(0, 0, 0)] = 1;
  for (let day = 0; day < days; day++) {
    const next = new Float64Array(30);
    for (let d = 0; d <= 4; d++) {
      for (let m = 0; m <= 2; m++) {
        for (let t = 0; t <= 1; t++) {
          const p = state[index(d, m, t)]!;
          if (p === 0) continue;
          // Ready at the day's start: M1 once D1 and D2 are done, M2 once all four; T1 once both M are.
          const modelReady = (d >= 2 ? 1 : 0) + (d >= 4 ? 1 : 0) - m;
          const testReady = m === 2 ? 1 - t : 0;
          for (const [q, cd, cm, ct] of process) {
            const to = index(Math.min(4, d + cd), m + Math.min(cm, modelReady), t + Math.min(ct, testReady));
            next[to] = next[to]! + p * q;
          }
        }
      }
    }
    state = next;
  }
  let done = 0;
  for (let d = 0; d <= 4; d++) for (let m = 0; m <= 2; m++) done += state[index(d, m, 1)]!;
  return done;
}

function historyOf(rows: { data: number[]; model: number[]; test: number[] }) {
  return history({
    data: { throughput: rows.data },
    model: { throughput: rows.model },
    test: { throughput: rows.test },
  });
}

/** `days` past working days drawn from the process, seeded. */
function sampledHistory(process: Outcome[], days: number, seed: number) {
  const random = new SeededRandom(seed);
  const rows = { data: [] as number[], model: [] as number[], test: [] as number[] };
  for (let day = 0; day < days; day++) {
    let u = random.unit();
    const [, d, m, t] = process.find(([q]) => (u -= q) < 0) ?? process[process.length - 1]!;
    rows.data.push(d);
    rows.model.push(m);
    rows.test.push(t);
  }
  return historyOf(rows);
}

/** `days` past days holding each kind of day exactly as often as the process has it (no sampling error). */
function exactHistory(process: Outcome[], days: number) {
  const rows = { data: [] as number[], model: [] as number[], test: [] as number[] };
  for (const [q, d, m, t] of process) {
    const count = Math.round(q * days);
    if (Math.abs(count - q * days) > 1e-6) throw new Error(`${q} is not a multiple of 1/${days}`);
    for (let k = 0; k < count; k++) {
      rows.data.push(d);
      rows.model.push(m);
      rows.test.push(t);
    }
  }
  if (rows.data.length !== days)
    throw new Error(`the process's probabilities add up to ${rows.data.length / days}`);
  return historyOf(rows);
}

const sprint = work(
  [
    item('D1', 'data'),
    item('D2', 'data'),
    item('D3', 'data'),
    item('D4', 'data'),
    item('M1', 'model'),
    item('M2', 'model'),
    item('T1', 'test'),
  ],
  [
    ['D1', 'M1'],
    ['D2', 'M1'],
    ['D3', 'M2'],
    ['D4', 'M2'],
    ['M1', 'T1'],
    ['M2', 'T1'],
  ],
);

const chanceBy = (end: number, overrides: Omit<Parameters<typeof input>[0], 'work'>) =>
  forecastSprint(input({ work: sprint, sprintEnd: dateOfWorkingDay(end), ...overrides })).forecast!.finish
    .doneBySprintEnd!.value;

describe('calibration against a known process', () => {
  it.each([
    ['independent lanes', steady, 20_000],
    ['lanes with shared outages', outages, 20],
  ])(
    '%s, learnt from a history that is exactly the process: within 4 standard errors',
    (_, process, days) => {
      const trials = 40_000;
      for (const end of [6, 8, 10]) {
        const truth = trueProbability(process, end);
        const forecast = chanceBy(end, { history: exactHistory(process, days), trials, seed: end });
        // 4 standard errors of a 40,000-trial estimate: at most one point.
        expect(Math.abs(forecast - truth)).toBeLessThan(4 * Math.sqrt((truth * (1 - truth)) / trials));
      }
    },
  );

  it.each([
    ['independent lanes', steady],
    ['lanes with shared outages', outages],
  ])('%s, learnt from 5,000 seeded days of history: within 3 points', (_, process) => {
    for (const end of [6, 8, 10]) {
      const truth = trueProbability(process, end);
      const forecast = chanceBy(end, { history: sampledHistory(process, 5000, 100 + end), seed: end });
      expect(Math.abs(forecast - truth)).toBeLessThan(0.03);
    }
  });

  it('uses a process where drawing each lane’s day separately would be off by more than 5 points', () => {
    // So the checks above would catch a forecast that lost the correlation between lanes.
    for (const end of [6, 8, 10]) {
      expect(
        Math.abs(trueProbability(marginals(outages), end) - trueProbability(outages, end)),
      ).toBeGreaterThan(0.05);
    }
  });

  it('computes the truth as a distribution: the states’ probabilities add up to 1', () => {
    // Done for sure after enough days; never done before the chain's three hops (D1+D2 → M1 … T1) could happen.
    expect(trueProbability(steady, 400)).toBeCloseTo(1, 9);
    expect(trueProbability(steady, 3)).toBe(0);
  });
});
