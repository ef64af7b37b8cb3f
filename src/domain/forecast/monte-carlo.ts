import type { FinishPercentiles, Probability, WhatIf } from '../../contract/forecast-view';
import type { ForecastWork } from './model';
import { SeededRandom } from './rng';
import { LANE_CYCLE_TIME, LANE_THROUGHPUT, runTrials } from './simulate-trial';
import type { SimulationPlan, TrialOutcomes } from './simulate-trial';
import { Calendar, DAY, distribution, lastLaneShares, summarise } from './trial-summary';
import { workGraph } from './work-graph';
import type { WorkGraph } from './work-graph';

/*
 * Will the sprint make it? A seeded Monte Carlo over the sprint's remaining work and its real dependency graph.
 * Each simulated working day draws one day of the board's past for all lanes together; each lane then completes as
 * many of its ready items (all upstream finished on an earlier day) as it did that day, highest rank first. Lanes
 * with too little throughput history take a bootstrapped cycle time per item instead, and say so.
 */

export const DEFAULT_TRIALS = 10_000;
/** Working days a trial may run; work not done by then counts as not finished and is reported. */
export const DEFAULT_HORIZON_DAYS = 365;
/** Fewer throughput days than this and a lane's daily throughput is too thin to resample (see forecasting.md §4). */
export const MIN_THROUGHPUT_DAYS = 20;
/** The lane id results use for unclassified items (real lane ids are never empty). */
export const UNCLASSIFIED_LANE = '';
/** A labeling issue is simulated in a lane of its own, folded back into its real lane's results. */
const LABELING_LANE = '\u0000labeling:';
const MAX_TRIALS = 1_000_000;

/** What the simulation learns from. `LaneHistory` adapts to it; day i of every lane's throughput is the same day. */
export interface SimulationHistory {
  /** The window's working days, oldest first (zeros kept, holidays dropped). */
  days: readonly string[];
  lanes: readonly string[];
  /** Lane → items it completed on each of `days`. A lane without an entry has no throughput history. */
  throughput: Readonly<Record<string, readonly number[]>>;
  /** Lane → cycle times of its done issues, in days (date difference + 1). */
  cycleTimes: Readonly<Record<string, readonly number[]>>;
}

export interface MonteCarloInput {
  work: ForecastWork;
  history: SimulationHistory;
  seed: number;
  /** Default DEFAULT_TRIALS. */
  trials?: number;
  whatIf?: WhatIf;
  /** The date (YYYY-MM-DD, site time zone) of the n-th working day after asOf, n ≥ 1; ascending in n. */
  dateOfWorkingDay: (n: number) => string;
  /** The sprint's last day (YYYY-MM-DD, site time zone); null when it has no end date. */
  sprintEnd: string | null;
  /** Default DEFAULT_HORIZON_DAYS. */
  horizonDays?: number;
  /**
   * Issue key → working days its labeling takes, sampled (`labeling-throughput.ts`; Infinity: not within the
   * horizon). Such an issue takes one of these per trial instead of its lane's throughput or cycle times.
   */
  labeling?: ReadonlyMap<string, readonly number[]>;
}

export type LaneMethod = 'throughput' | 'cycle-time' | 'none';

/** Finish dates (nearest rank over the trials); a null date lies beyond the horizon: too few trials finished. */
export interface FinishForecast {
  p50: string | null;
  p85: string | null;
  p95: string | null;
  /** Null when the sprint has no end date. */
  doneBySprintEnd: Probability | null;
  /** Share of trials that had not finished within the horizon. */
  notFinished: number;
}

export interface LaneForecast {
  /** UNCLASSIFIED_LANE for items no rule classifies. */
  lane: string;
  method: LaneMethod;
  /** Unfinished, in-scope items of the lane, and how many of them were simulated. */
  remainingIssues: number;
  simulatedIssues: number;
  /** Null when none of the lane's items could be forecast; `reason` says why. */
  finish: FinishForecast | null;
  /** Share of trials in which this lane finished on the last day (lanes finishing that same day all count). */
  finishedLast: number;
  reason: string | null;
}

export interface SprintForecast {
  trials: number;
  seed: number;
  horizonDays: number;
  remainingIssues: number;
  simulatedIssues: number;
  /** All simulated work. */
  finish: FinishForecast;
  /** The critical chain's unfinished, in-scope keys; null when none are left or some cannot be forecast. */
  criticalChain: { keys: string[]; finish: FinishForecast } | null;
  lanes: LaneForecast[];
  mostOftenLast: { lane: string; share: number } | null;
  /** Finish day → share of trials, in date order (unfinished trials are not in it). */
  distribution: { date: string; share: number }[];
  /** Dependency cycles among the remaining work (keys in rank order); their links were not treated as blocking. */
  cycles: string[][];
}

export interface MonteCarloResult {
  forecast: SprintForecast | null;
  noForecastReason: string | null;
  /** Assumptions and what could not be forecast, in words: the forecast is partial when this is not empty. */
  warnings: string[];
}

/** Throughput when the lane has enough days and some work done on them; else its cycle times; else nothing. */
export function laneMethod(history: SimulationHistory, lane: string): LaneMethod {
  const throughput = own(history.throughput, lane);
  if (history.days.length >= MIN_THROUGHPUT_DAYS && throughput?.some((count) => count > 0) === true) {
    return 'throughput';
  }
  return (own(history.cycleTimes, lane)?.length ?? 0) > 0 ? 'cycle-time' : 'none';
}

/** The contract's percentiles, when all three dates lie within the horizon. */
export function toFinishPercentiles(finish: FinishForecast): FinishPercentiles | null {
  const { p50, p85, p95 } = finish;
  return p50 !== null && p85 !== null && p95 !== null ? { p50, p85, p95 } : null;
}

export function forecastSprint(input: MonteCarloInput): MonteCarloResult {
  const trials = input.trials ?? DEFAULT_TRIALS;
  const horizon = input.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new RangeError(`trials must be a whole number from 1 to ${MAX_TRIALS}, not ${trials}`);
  }
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 10_000) {
    throw new RangeError(`the forecast horizon must be 1 to 10000 working days, not ${horizon}`);
  }
  if (input.sprintEnd !== null && !DAY.test(input.sprintEnd)) {
    throw new RangeError(`the sprint end must be a day (YYYY-MM-DD), not "${input.sprintEnd}"`);
  }
  const random = new SeededRandom(input.seed);
  checkHistory(input.history);
  const scales = laneScales(input.whatIf);
  const warnings: string[] = [];

  const work = remainingWork(input.work, input.whatIf?.excludedKeys ?? []);
  if (work.keys.length === 0) {
    return {
      forecast: null,
      noForecastReason: 'Nothing is left to forecast: all the work is done or out of scope.',
      warnings,
    };
  }
  const { keys, laneOf } = work;
  const labeling = labelingSamples(input.labeling, keys);
  for (const lane of Object.keys(scales)) {
    if (!laneOf.includes(lane)) {
      warnings.push(`The what-if for lane "${lane}" changes nothing: it has no remaining work.`);
    }
  }
  const { lanes, methods, pooledCycleTimes } = laneMethods(input.history, laneOf);
  warnings.push(...methodWarnings(input.history, lanes, methods, laneOf, pooledCycleTimes));

  const graph = workGraph(keys, input.work.dependencies);
  const cycles = graph.cycles.map((members) => members.map((node) => keys[node]!));
  for (const cycle of cycles) {
    warnings.push(
      `${cycle.join(', ')} depend on each other in a cycle; those links are not treated as blocking.`,
    );
  }
  const unforecastable = withoutHistory(graph, laneOf, methods, lanes, labeling, warnings);
  const simulated = keys.map((_, node) => node).filter((node) => unforecastable[node] === 0);
  if (simulated.length === 0) {
    return {
      forecast: null,
      noForecastReason:
        `No forecast: none of the ${plural(keys.length, 'remaining issue')} has a lane with history ` +
        `(no throughput or cycle times in the window), and a forecast without history would be made up.`,
      warnings,
    };
  }

  const nodeOf = new Map(keys.map((key, node) => [key, node]));
  const chainKeys = input.work.criticalChain.filter((key) => nodeOf.has(key));
  const chainNodes = new Set(chainKeys.map((key) => nodeOf.get(key)!));
  const chainForecastable =
    chainKeys.length > 0 && [...chainNodes].every((node) => unforecastable[node] === 0);
  if (chainKeys.length > 0 && !chainForecastable) {
    warnings.push('No forecast for the critical chain: part of it lies in a lane without history.');
  }

  // Each labeling issue in a lane of its own (after the real ones, so plans without one are unchanged).
  const planLaneOf = laneOf.map((lane, node) => (labeling[node] ? LABELING_LANE + keys[node]! : lane));
  const labelingLanes = new Map<string, { lane: string; samples: readonly number[] }>();
  simulated.forEach((node) => {
    if (labeling[node])
      labelingLanes.set(planLaneOf[node]!, { lane: laneOf[node]!, samples: labeling[node] });
  });
  const simulatedLanes = lanes.filter(
    (lane) =>
      methods.get(lane) !== 'none' ||
      simulated.some((node) => laneOf[node] === lane && labeling[node] !== undefined),
  );
  // The plan's lanes, in its order: `foldLabelingLanes` reads the trials' lane finishes by this same index.
  const planLanes = [
    ...simulatedLanes.filter((lane) => methods.get(lane) !== 'none'),
    ...labelingLanes.keys(),
  ];
  const plan = buildPlan({
    simulated,
    laneOf: planLaneOf,
    graph,
    lanes: planLanes,
    methods,
    history: input.history,
    pooledCycleTimes,
    scales,
    chainNodes: chainForecastable ? chainNodes : new Set(),
    horizon,
    labelingLanes,
  });
  const outcomes = foldLabelingLanes(
    runTrials(plan, random, trials),
    planLanes,
    simulatedLanes,
    labelingLanes,
  );

  const calendar = new Calendar(input.dateOfWorkingDay, horizon);
  const endDay = input.sprintEnd === null ? null : calendar.lastDayOnOrBefore(input.sprintEnd);
  const finish = summarise(outcomes.finish, horizon, endDay, calendar);
  if (finish.notFinished > 0) {
    warnings.push(
      `${percent(finish.notFinished)} of trials had not finished after ${horizon} working days ` +
        `(by ${calendar.date(horizon)}); they count as not done, and percentiles among them have no date.`,
    );
  }
  const finishedLast = lastLaneShares(outcomes, simulatedLanes.length);
  const laneForecasts = lanes.map((lane): LaneForecast => {
    const slot = simulatedLanes.indexOf(lane);
    const remaining = laneOf.filter((each) => each === lane).length;
    const count = simulated.filter((node) => laneOf[node] === lane).length;
    const method = methods.get(lane)!;
    if (slot === -1 || count === 0) {
      return {
        lane,
        method,
        remainingIssues: remaining,
        simulatedIssues: 0,
        finish: null,
        finishedLast: 0,
        reason:
          method === 'none'
            ? 'No throughput or cycle-time history for this lane in the window.'
            : 'All its remaining issues wait on a lane without history.',
      };
    }
    return {
      lane,
      method,
      remainingIssues: remaining,
      simulatedIssues: count,
      finish: summarise(
        outcomes.laneFinish.subarray(slot * trials, (slot + 1) * trials),
        horizon,
        endDay,
        calendar,
      ),
      finishedLast: finishedLast[slot]!,
      reason:
        count < remaining ? 'Some of its issues wait on a lane without history and are not forecast.' : null,
    };
  });
  let mostOftenLast: SprintForecast['mostOftenLast'] = null;
  for (const lane of laneForecasts) {
    if (lane.finish !== null && (mostOftenLast === null || lane.finishedLast > mostOftenLast.share)) {
      mostOftenLast = { lane: lane.lane, share: lane.finishedLast };
    }
  }

  return {
    forecast: {
      trials,
      seed: input.seed,
      horizonDays: horizon,
      remainingIssues: keys.length,
      simulatedIssues: simulated.length,
      finish,
      criticalChain: chainForecastable
        ? { keys: chainKeys, finish: summarise(outcomes.chainFinish, horizon, endDay, calendar) }
        : null,
      lanes: laneForecasts,
      mostOftenLast,
      distribution: distribution(outcomes.finish, horizon, calendar),
      cycles,
    },
    noForecastReason: null,
    warnings,
  };
}

/** The sprint's unfinished items not taken out of scope, in rank order, with their lanes ('' unclassified). */
function remainingWork(
  work: ForecastWork,
  excludedKeys: readonly string[],
): { keys: string[]; laneOf: string[] } {
  const seen = new Set<string>();
  for (const item of work.items) {
    if (seen.has(item.key)) throw new RangeError(`the sprint lists ${item.key} twice`);
    seen.add(item.key);
  }
  const excluded = new Set(excludedKeys);
  const items = work.items.filter((item) => item.category !== 'done' && !excluded.has(item.key));
  return { keys: items.map((item) => item.key), laneOf: items.map((item) => item.lane ?? UNCLASSIFIED_LANE) };
}

/**
 * The lanes with remaining work, in result order (the history's, then lanes it does not know, unclassified last),
 * and how each is simulated. Unclassified items take cycle times pooled from every lane.
 */
function laneMethods(history: SimulationHistory, laneOf: readonly string[]) {
  const known = history.lanes.filter((lane) => laneOf.includes(lane));
  const unknown = [...new Set(laneOf)].filter(
    (lane) => lane !== UNCLASSIFIED_LANE && !history.lanes.includes(lane),
  );
  const lanes = [...known, ...unknown, ...(laneOf.includes(UNCLASSIFIED_LANE) ? [UNCLASSIFIED_LANE] : [])];
  const pooledCycleTimes = history.lanes.flatMap((lane) => own(history.cycleTimes, lane) ?? []);
  const methods = new Map(
    lanes.map((lane): [string, LaneMethod] => {
      if (lane === UNCLASSIFIED_LANE) return [lane, pooledCycleTimes.length > 0 ? 'cycle-time' : 'none'];
      return [lane, history.lanes.includes(lane) ? laneMethod(history, lane) : 'none'];
    }),
  );
  return { lanes, methods, pooledCycleTimes };
}

/** Says which lanes fall back to cycle times, and why. */
function methodWarnings(
  history: SimulationHistory,
  lanes: readonly string[],
  methods: ReadonlyMap<string, LaneMethod>,
  laneOf: readonly string[],
  pooledCycleTimes: readonly number[],
): string[] {
  return lanes
    .filter((lane) => methods.get(lane) === 'cycle-time')
    .map((lane) => {
      if (lane === UNCLASSIFIED_LANE) {
        const count = laneOf.filter((each) => each === lane).length;
        return (
          `${plural(count, 'unclassified issue')} simulated with cycle times pooled from all lanes ` +
          `(${pooledCycleTimes.length} samples): no lane's throughput is theirs to share.`
        );
      }
      const days = history.days.length;
      const why =
        days < MIN_THROUGHPUT_DAYS
          ? `only ${plural(days, 'working day')} of throughput history (fewer than ${MIN_THROUGHPUT_DAYS})`
          : `nothing done on any of its ${days} working days`;
      const samples = own(history.cycleTimes, lane)!.length;
      return `Lane "${lane}" is simulated from ${plural(samples, 'bootstrapped cycle time')}: ${why}.`;
    });
}

/**
 * Items of a lane with no history cannot be forecast, nor can anything waiting on them (1 in the result);
 * says so in `warnings`.
 */
function withoutHistory(
  graph: WorkGraph,
  laneOf: readonly string[],
  methods: ReadonlyMap<string, LaneMethod>,
  lanes: readonly string[],
  labeling: readonly (readonly number[] | undefined)[],
  warnings: string[],
): Uint8Array {
  const unforecastable = new Uint8Array(laneOf.length);
  const queue: number[] = [];
  laneOf.forEach((lane, node) => {
    if (methods.get(lane) === 'none' && labeling[node] === undefined) {
      unforecastable[node] = 1;
      queue.push(node);
    }
  });
  const directly = queue.length;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (let at = graph.downstreamStart[node]!; at < graph.downstreamStart[node + 1]!; at++) {
      const next = graph.downstream[at]!;
      if (unforecastable[next] === 0) {
        unforecastable[next] = 1;
        queue.push(next);
      }
    }
  }
  const noHistory = lanes.filter(
    (lane) =>
      methods.get(lane) === 'none' &&
      laneOf.some((each, node) => each === lane && labeling[node] === undefined),
  );
  if (noHistory.length > 0) {
    const waiting = queue.length - directly;
    warnings.push(
      `No forecast for ${plural(directly, 'issue')} in ${noHistory.map(laneLabel).join(', ')}: ` +
        `no throughput or cycle-time history` +
        (waiting > 0 ? `; nor for the ${plural(waiting, 'issue')} downstream of them.` : '.'),
    );
  }
  return unforecastable;
}

/** Per work node, its labeling samples (checked), or undefined. */
function labelingSamples(
  labeling: ReadonlyMap<string, readonly number[]> | undefined,
  keys: readonly string[],
): (readonly number[] | undefined)[] {
  return keys.map((key) => {
    const samples = labeling?.get(key);
    if (samples === undefined) return undefined;
    if (samples.length === 0) throw new RangeError(`labeling issue ${key} has no remaining-days samples`);
    for (const days of samples) {
      if (!(days >= 0)) throw new RangeError(`labeling issue ${key} has a sample of ${days} days`);
    }
    return samples;
  });
}

/**
 * The trials' lane finish days per result lane (`lanes`): a lane finishes when its own items and its labeling
 * issues (`planLanes` holds both, in the plan's order) have. A lane with no items finished on day 0, so max works.
 */
function foldLabelingLanes(
  outcomes: TrialOutcomes,
  planLanes: readonly string[],
  lanes: readonly string[],
  labelingLanes: ReadonlyMap<string, { lane: string }>,
): TrialOutcomes {
  if (labelingLanes.size === 0) return outcomes;
  const { trials } = outcomes;
  const laneFinish = new Int32Array(lanes.length * trials);
  planLanes.forEach((planLane, from) => {
    const to = lanes.indexOf(labelingLanes.get(planLane)?.lane ?? planLane);
    for (let trial = 0; trial < trials; trial++) {
      const day = outcomes.laneFinish[from * trials + trial]!;
      if (day > laneFinish[to * trials + trial]!) laneFinish[to * trials + trial] = day;
    }
  });
  return { ...outcomes, laneFinish };
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function laneLabel(lane: string): string {
  return lane === UNCLASSIFIED_LANE ? 'unclassified issues' : `lane "${lane}"`;
}

function checkHistory(history: SimulationHistory): void {
  const lanes = new Set<string>();
  for (const lane of history.lanes) {
    if (lane === UNCLASSIFIED_LANE || lanes.has(lane))
      throw new RangeError(`the history lists lane "${lane}" twice or empty`);
    lanes.add(lane);
    const throughput = own(history.throughput, lane);
    if (throughput !== undefined) {
      if (throughput.length !== history.days.length) {
        throw new RangeError(
          `lane "${lane}" has ${throughput.length} throughput samples for ${history.days.length} working days`,
        );
      }
      throughput.forEach((count, day) => {
        if (!Number.isFinite(count) || count < 0) {
          throw new RangeError(
            `lane "${lane}" completed ${count} items on ${history.days[day]}: not a count`,
          );
        }
      });
    }
    for (const days of own(history.cycleTimes, lane) ?? []) {
      if (!Number.isFinite(days) || days <= 0)
        throw new RangeError(`lane "${lane}" has a cycle time of ${days} days`);
    }
  }
}

/** What-if throughput shares, checked: 0.5 halves a lane's output, 0 stops it. */
function laneScales(whatIf: WhatIf | undefined): Record<string, number> {
  const scales: Record<string, number> = {};
  for (const [lane, share] of Object.entries(whatIf?.laneThroughput ?? {})) {
    if (!Number.isFinite(share) || share < 0) {
      throw new RangeError(
        `the what-if throughput for lane "${lane}" must be a share of 0 or more, not ${share}`,
      );
    }
    scales[lane] = share;
  }
  return scales;
}

interface PlanInput {
  /** Work nodes to simulate, in rank order. */
  simulated: readonly number[];
  laneOf: readonly string[];
  graph: WorkGraph;
  lanes: readonly string[];
  methods: ReadonlyMap<string, LaneMethod>;
  history: SimulationHistory;
  pooledCycleTimes: readonly number[];
  scales: Readonly<Record<string, number>>;
  chainNodes: ReadonlySet<number>;
  horizon: number;
  /** Plan lane → the labeling issue's real lane and its remaining-days samples. */
  labelingLanes: ReadonlyMap<string, { lane: string; samples: readonly number[] }>;
}

function buildPlan(input: PlanInput): SimulationPlan {
  const { simulated, laneOf, graph, lanes, methods, history, scales } = input;
  const itemCount = simulated.length;
  const laneCount = lanes.length;
  const laneIndex = new Map(lanes.map((lane, slot) => [lane, slot]));
  // Items numbered lane by lane, rank order kept within each lane (a stable sort).
  const order = [...simulated].sort((a, b) => laneIndex.get(laneOf[a]!)! - laneIndex.get(laneOf[b]!)!);
  const itemOf = new Int32Array(laneOf.length).fill(-1);
  order.forEach((node, item) => (itemOf[node] = item));
  const itemLane = Int32Array.from(order, (node) => laneIndex.get(laneOf[node]!)!);
  const laneItemStart = new Int32Array(laneCount + 1);
  for (const lane of itemLane) laneItemStart[lane + 1]!++;
  for (let lane = 0; lane < laneCount; lane++) laneItemStart[lane + 1]! += laneItemStart[lane]!;

  // Edges among simulated items only: unforecastable items are all downstream of what is dropped.
  const downstreamStart = new Int32Array(itemCount + 1);
  const targets: number[] = [];
  const upstreamCount = new Int32Array(itemCount);
  order.forEach((node, item) => {
    for (let at = graph.downstreamStart[node]!; at < graph.downstreamStart[node + 1]!; at++) {
      const next = itemOf[graph.downstream[at]!]!;
      if (next === -1) continue;
      targets.push(next);
      upstreamCount[next]!++;
    }
    downstreamStart[item + 1] = targets.length;
  });

  const historyDays = history.days.length;
  const laneKind = new Uint8Array(laneCount);
  const throughput = new Float64Array(historyDays * laneCount);
  const cycleTimeStart = new Int32Array(laneCount + 1);
  const cycleTimes: number[] = [];
  lanes.forEach((lane, slot) => {
    const labeling = input.labelingLanes.get(lane);
    const scale = own(scales, labeling?.lane ?? lane) ?? 1;
    if (labeling) {
      laneKind[slot] = LANE_CYCLE_TIME;
      for (const days of labeling.samples) cycleTimes.push(scale === 0 ? Infinity : days / scale);
    } else if (methods.get(lane) === 'throughput') {
      laneKind[slot] = LANE_THROUGHPUT;
      own(history.throughput, lane)!.forEach(
        (count, day) => (throughput[day * laneCount + slot] = count * scale),
      );
    } else {
      laneKind[slot] = LANE_CYCLE_TIME;
      const samples = lane === UNCLASSIFIED_LANE ? input.pooledCycleTimes : own(history.cycleTimes, lane)!;
      // Half the throughput, twice the time; no throughput at all never ends.
      for (const days of samples) cycleTimes.push(scale === 0 ? Infinity : days / scale);
    }
    cycleTimeStart[slot + 1] = cycleTimes.length;
  });

  const inChain = Uint8Array.from(order, (node) => (input.chainNodes.has(node) ? 1 : 0));
  return {
    itemCount,
    laneCount,
    horizon: input.horizon,
    itemLane,
    laneItemStart,
    laneKind,
    downstreamStart,
    downstream: Int32Array.from(targets),
    upstreamCount,
    historyDays,
    throughput,
    cycleTimeStart,
    cycleTimes: Float64Array.from(cycleTimes),
    inChain,
    chainCount: input.chainNodes.size,
  };
}
