import { SeededRandom } from '../../../src/domain/forecast/rng';
import { LANE_CYCLE_TIME, LANE_THROUGHPUT, runTrials } from '../../../src/domain/forecast/simulate-trial';
import type { SimulationPlan, TrialOutcomes } from '../../../src/domain/forecast/simulate-trial';

/*
 * The trial loop works on bitmaps and typed arrays for speed. This replays the same rules the plain way (arrays of
 * numbers, one item at a time) and asks for the same finish days, trial by trial, on random sprints: a lane takes
 * its highest-ranked ready items up to the day's capacity, work whose last upstream finished today is ready
 * tomorrow, and cycle-time items readied the same day draw their cycle times in item order.
 */
function referenceTrials(plan: SimulationPlan, random: SeededRandom, trials: number): TrialOutcomes {
  const { itemCount, laneCount, horizon, itemLane, laneItemStart, laneKind, historyDays, throughput } = plan;
  const notFinished = horizon + 1;
  const finish = new Int32Array(trials);
  const chainFinish = new Int32Array(trials);
  const laneFinish = new Int32Array(laneCount * trials);
  const drawCycleTime = (item: number): number => {
    const lane = itemLane[item]!;
    const start = plan.cycleTimeStart[lane]!;
    const days = plan.cycleTimes[start + random.below(plan.cycleTimeStart[lane + 1]! - start)]!;
    return Math.max(1, random.round(days));
  };

  for (let trial = 0; trial < trials; trial++) {
    const upstreamLeft = Array.from(plan.upstreamCount);
    const done = new Array<boolean>(itemCount).fill(false);
    const ready = new Array<boolean>(itemCount).fill(false);
    const cycleTimeEnd = new Array<number>(itemCount).fill(0);
    const laneLeft = Array.from(
      { length: laneCount },
      (_, lane) => laneItemStart[lane + 1]! - laneItemStart[lane]!,
    );
    for (let lane = 0; lane < laneCount; lane++) {
      laneFinish[lane * trials + trial] = laneLeft[lane] === 0 ? 0 : notFinished;
    }
    chainFinish[trial] = plan.chainCount === 0 ? 0 : notFinished;
    let chainLeft = plan.chainCount;
    let remaining = itemCount;
    for (let item = 0; item < itemCount; item++) {
      if (upstreamLeft[item] !== 0) continue;
      if (laneKind[itemLane[item]!] === LANE_THROUGHPUT) ready[item] = true;
      else cycleTimeEnd[item] = drawCycleTime(item);
    }

    let day = 1;
    for (; day <= horizon && remaining > 0; day++) {
      const finishedToday: number[] = [];
      if (laneKind.includes(LANE_THROUGHPUT)) {
        const past = random.below(historyDays);
        for (let lane = 0; lane < laneCount; lane++) {
          if (laneKind[lane] !== LANE_THROUGHPUT || laneLeft[lane] === 0) continue;
          const scaled = throughput[past * laneCount + lane]!;
          let capacity = Math.floor(scaled);
          if (scaled > capacity && random.unit() < scaled - capacity) capacity++;
          for (let item = laneItemStart[lane]!; item < laneItemStart[lane + 1]! && capacity > 0; item++) {
            if (!ready[item] || done[item]) continue;
            finishedToday.push(item);
            done[item] = true;
            capacity--;
          }
        }
      }
      for (let item = 0; item < itemCount; item++) {
        if (!done[item] && laneKind[itemLane[item]!] === LANE_CYCLE_TIME && cycleTimeEnd[item] === day) {
          finishedToday.push(item);
          done[item] = true;
        }
      }
      const readiedCycleTime: number[] = [];
      for (const item of finishedToday) {
        const lane = itemLane[item]!;
        remaining--;
        if (--laneLeft[lane]! === 0) laneFinish[lane * trials + trial] = day;
        if (plan.inChain[item] === 1 && --chainLeft === 0) chainFinish[trial] = day;
        for (let edge = plan.downstreamStart[item]!; edge < plan.downstreamStart[item + 1]!; edge++) {
          const next = plan.downstream[edge]!;
          if (--upstreamLeft[next]! !== 0) continue;
          if (laneKind[itemLane[next]!] === LANE_THROUGHPUT) ready[next] = true;
          else readiedCycleTime.push(next);
        }
      }
      for (const item of readiedCycleTime.sort((a, b) => a - b))
        cycleTimeEnd[item] = day + drawCycleTime(item);
    }
    finish[trial] = remaining === 0 ? day - 1 : notFinished;
  }
  return { trials, finish, chainFinish, laneFinish };
}

/** A random sprint: lanes of either kind, items in lane order, links only forward in item order (no cycles). */
function randomPlan(random: SeededRandom): SimulationPlan {
  const laneCount = 1 + random.below(4);
  const laneKind = Uint8Array.from({ length: laneCount }, () =>
    random.unit() < 0.7 ? LANE_THROUGHPUT : LANE_CYCLE_TIME,
  );
  const laneItemStart = new Int32Array(laneCount + 1);
  for (let lane = 0; lane < laneCount; lane++) {
    // Now and then more than one 1,024-item block, so a lane spans several summary words.
    const size = random.unit() < 0.1 ? 1000 + random.below(1500) : random.below(70);
    laneItemStart[lane + 1] = laneItemStart[lane]! + size;
  }
  const itemCount = laneItemStart[laneCount]!;
  const itemLane = new Int32Array(itemCount);
  for (let lane = 0; lane < laneCount; lane++)
    itemLane.fill(lane, laneItemStart[lane], laneItemStart[lane + 1]);
  // Each item points at a random node so that links cross lanes in both directions; a random rank decides the
  // direction, which keeps the graph acyclic.
  const rank = Array.from({ length: itemCount }, () => random.unit());
  const downstreamLists: number[][] = Array.from({ length: itemCount }, () => []);
  const upstreamCount = new Int32Array(itemCount);
  const links = itemCount === 0 ? 0 : random.below(itemCount * 2 + 1);
  for (let k = 0; k < links; k++) {
    const a = random.below(itemCount);
    const b = random.below(itemCount);
    if (a === b || rank[a] === rank[b]) continue;
    const [up, down] = rank[a]! < rank[b]! ? [a, b] : [b, a];
    downstreamLists[up]!.push(down);
    upstreamCount[down]!++;
  }
  const downstreamStart = new Int32Array(itemCount + 1);
  downstreamLists.forEach((list, item) => (downstreamStart[item + 1] = downstreamStart[item]! + list.length));

  const historyDays = 1 + random.below(30);
  const throughput = Float64Array.from({ length: historyDays * laneCount }, () =>
    // Whole and fractional capacities (a what-if scale), and days with nothing done.
    random.unit() < 0.2 ? 0 : random.below(40) * (random.unit() < 0.5 ? 1 : 0.37),
  );
  const cycleTimeStart = new Int32Array(laneCount + 1);
  const cycleTimes: number[] = [];
  for (let lane = 0; lane < laneCount; lane++) {
    if (laneKind[lane] === LANE_CYCLE_TIME) {
      for (let k = 0, n = 1 + random.below(10); k < n; k++) cycleTimes.push(0.5 + random.below(12) * 0.75);
    }
    cycleTimeStart[lane + 1] = cycleTimes.length;
  }
  const inChain = Uint8Array.from({ length: itemCount }, () => (random.unit() < 0.05 ? 1 : 0));
  return {
    itemCount,
    laneCount,
    horizon: 10 + random.below(80),
    itemLane,
    laneItemStart,
    laneKind,
    downstreamStart,
    downstream: Int32Array.from(downstreamLists.flat()),
    upstreamCount,
    historyDays,
    throughput,
    cycleTimeStart,
    cycleTimes: Float64Array.from(cycleTimes),
    inChain,
    chainCount: inChain.reduce((sum, flag) => sum + flag, 0),
  };
}

describe('the trial loop', () => {
  it('finishes every item, lane and the chain on the same day as a plain replay of the rules', () => {
    const sprints = new SeededRandom(42);
    for (let sprint = 0; sprint < 60; sprint++) {
      const plan = randomPlan(sprints);
      const seed = sprints.below(1_000_000);
      const fast = runTrials(plan, new SeededRandom(seed), 25);
      const plain = referenceTrials(plan, new SeededRandom(seed), 25);
      expect({ sprint, ...fast }).toEqual({ sprint, ...plain });
    }
  });
});
