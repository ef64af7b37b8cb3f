import type { SeededRandom } from './rng';

/*
 * The Monte Carlo hot loop, on integer-indexed typed arrays prepared once per run (`monte-carlo.ts` builds the
 * plan). A trial allocates nothing: it resets the arrays and replays the sprint day by day. 10,000 trials over a
 * 5,000-issue sprint are budgeted at 500 ms (see the bench), so there are no Maps, objects or closures in here, and
 * a day's work is done a 32-item word at a time where it can be.
 */

// Read once: under a sandboxed global (Jest's vm context) every `Math.x` in the loop would be a slow global lookup.
const { clz32, floor, imul, max } = Math;

export const LANE_THROUGHPUT = 1;
export const LANE_CYCLE_TIME = 2;

/**
 * A sprint's remaining work, numbered lane by lane: lane l's items are `laneItemStart[l] .. laneItemStart[l + 1]`,
 * in rank order.
 */
export interface SimulationPlan {
  itemCount: number;
  laneCount: number;
  /** Working days simulated at most; a trial not done by then counts as not finished (finish day horizon + 1). */
  horizon: number;
  itemLane: Int32Array;
  laneItemStart: Int32Array;
  /** Per lane: LANE_THROUGHPUT or LANE_CYCLE_TIME. */
  laneKind: Uint8Array;
  /** Downstream items of item i: `downstream[downstreamStart[i] .. downstreamStart[i + 1])`. */
  downstreamStart: Int32Array;
  downstream: Int32Array;
  /** Per item, the upstream items it waits for (finish-to-start). */
  upstreamCount: Int32Array;
  /** Historical days to draw from. */
  historyDays: number;
  /**
   * Per history day × lane (day-major, so one drawn day is one cache line): the items the lane completed that
   * day, times its what-if scale. A fraction is rounded up at random, so scaling stays unbiased (0.5 × 1 is 1
   * half the time).
   */
  throughput: Float64Array;
  /** Per lane, its cycle times in days (already divided by the lane's what-if scale; Infinity never ends). */
  cycleTimeStart: Int32Array;
  cycleTimes: Float64Array;
  /** Items of the critical chain (1) and how many there are. */
  inChain: Uint8Array;
  chainCount: number;
}

/** Per trial, the working day (1 = the first after asOf) on which the work was done; horizon + 1 = not finished. */
export interface TrialOutcomes {
  trials: number;
  finish: Int32Array;
  /** Of the critical chain; 0 when the plan has no chain items. */
  chainFinish: Int32Array;
  /** Lane-major: `laneFinish[l * trials + t]`; 0 for a lane without items. */
  laneFinish: Int32Array;
}

/** Lowest set bit's index of a 32-bit word (word ≠ 0). */
function lowestBit(word: number): number {
  return 31 - clz32(word & -word);
}

/** Set bits in a 32-bit word. */
function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return imul(x, 0x01010101) >>> 24;
}

/** The lowest `keep` of the `count` set bits of `word` (keep < count), peeling whichever end is shorter. */
function keepLowest(word: number, keep: number, count: number): number {
  let kept = 0;
  let bits = word;
  if (keep <= count - keep) {
    for (let k = 0; k < keep; k++) {
      const low = bits & -bits;
      kept |= low;
      bits ^= low;
    }
    return kept;
  }
  for (let k = keep; k < count; k++) bits ^= 1 << (31 - clz32(bits));
  return bits;
}

/**
 * Where each item lives in the ready bitmap of the throughput lanes. Each lane gets whole summary words of its own
 * (blocks of 1,024 bits, padding is cheap), its items in rank order, so a lane's highest-ranked ready item is its
 * lowest set bit, and a summary bit per word of 32 items says which words have any.
 */
interface BitLayout {
  /** Per lane, its first summary word; the lane's first bit is 1,024 times that. */
  firstSummary: Int32Array;
  /** Per item, its bit in the bitmap (word = bit >>> 5), or -1 for items of cycle-time lanes. */
  bitOf: Int32Array;
  words: number;
}

function bitLayout(plan: SimulationPlan): BitLayout {
  const { laneCount, laneItemStart, laneKind, itemLane, itemCount } = plan;
  const firstSummary = new Int32Array(laneCount + 1);
  for (let lane = 0; lane < laneCount; lane++) {
    const items = laneKind[lane] === LANE_THROUGHPUT ? laneItemStart[lane + 1]! - laneItemStart[lane]! : 0;
    firstSummary[lane + 1] = firstSummary[lane]! + ((items + 1023) >>> 10);
  }
  const bitOf = new Int32Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    const lane = itemLane[item]!;
    bitOf[item] =
      laneKind[lane] === LANE_THROUGHPUT ? (firstSummary[lane]! << 10) + item - laneItemStart[lane]! : -1;
  }
  return { firstSummary, bitOf, words: firstSummary[laneCount]! << 5 };
}

export function runTrials(plan: SimulationPlan, random: SeededRandom, trials: number): TrialOutcomes {
  const runner = new TrialRunner(plan, random, trials);
  // One call per trial: V8 optimises a hot function as a whole, with feedback from every path it has taken.
  for (let trial = 0; trial < trials; trial++) runner.run(trial);
  return { trials, finish: runner.finish, chainFinish: runner.chainFinish, laneFinish: runner.laneFinish };
}

/** The arrays one run of trials works in, allocated once; `run` replays one trial in them. */
class TrialRunner {
  readonly finish: Int32Array;
  readonly chainFinish: Int32Array;
  readonly laneFinish: Int32Array;
  private readonly firstSummary: Int32Array;
  private readonly bitOf: Int32Array;
  private readonly ready: Int32Array;
  private readonly summary: Int32Array;
  private readonly initialReady: Int32Array;
  private readonly initialSummary: Int32Array;
  /** Per bitmap word: its items with downstream work (they need a look once done), and those on the chain. */
  private readonly hasDownstream: Int32Array;
  private readonly onChain: Int32Array;
  private readonly initialCycleTimeItems: Int32Array;
  /** Cycle-time items, by the day they finish: singly linked lists through `nextInDay`. */
  private readonly dayHead: Int32Array;
  private readonly nextInDay: Int32Array;
  private readonly upstreamLeft: Int32Array;
  private readonly laneLeft: Int32Array;
  private readonly laneSize: Int32Array;
  /** Downstream items whose last upstream item finished today: they become ready tomorrow. */
  private readonly readyTomorrow: Int32Array;
  private readonly anyThroughputLane: boolean;
  private readonly anyCycleTimeLane: boolean;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly random: SeededRandom,
    private readonly trials: number,
  ) {
    const { itemCount, laneCount, laneItemStart, laneKind, downstreamStart, upstreamCount, inChain } = plan;
    const { firstSummary, bitOf, words } = bitLayout(plan);
    this.firstSummary = firstSummary;
    this.bitOf = bitOf;
    this.ready = new Int32Array(words);
    this.summary = new Int32Array(words >>> 5);

    // Day 1 is the same in every trial: its ready bits are copied in, not rebuilt item by item.
    this.initialReady = new Int32Array(words);
    this.initialSummary = new Int32Array(words >>> 5);
    this.hasDownstream = new Int32Array(words);
    this.onChain = new Int32Array(words);
    const initialCycleTime: number[] = [];
    for (let item = 0; item < itemCount; item++) {
      const at = bitOf[item]!;
      if (at === -1) {
        if (upstreamCount[item] === 0) initialCycleTime.push(item);
        continue;
      }
      const word = at >>> 5;
      const bit = 1 << (at & 31);
      if (downstreamStart[item + 1]! > downstreamStart[item]!) {
        this.hasDownstream[word] = this.hasDownstream[word]! | bit;
      }
      if (inChain[item] === 1) this.onChain[word] = this.onChain[word]! | bit;
      if (upstreamCount[item] !== 0) continue;
      this.initialReady[word] = this.initialReady[word]! | bit;
      this.initialSummary[word >>> 5] = this.initialSummary[word >>> 5]! | (1 << (word & 31));
    }
    this.initialCycleTimeItems = Int32Array.from(initialCycleTime);

    this.dayHead = new Int32Array(plan.horizon + 2);
    this.nextInDay = new Int32Array(itemCount);
    this.upstreamLeft = new Int32Array(itemCount);
    this.laneLeft = new Int32Array(laneCount);
    this.laneSize = new Int32Array(laneCount);
    let anyThroughputLane = false;
    let anyCycleTimeLane = false;
    for (let lane = 0; lane < laneCount; lane++) {
      this.laneSize[lane] = laneItemStart[lane + 1]! - laneItemStart[lane]!;
      if (laneKind[lane] === LANE_THROUGHPUT) anyThroughputLane = true;
      else anyCycleTimeLane = true;
    }
    this.anyThroughputLane = anyThroughputLane;
    this.anyCycleTimeLane = anyCycleTimeLane;
    this.readyTomorrow = new Int32Array(plan.downstream.length + 1);
    this.finish = new Int32Array(trials);
    this.chainFinish = new Int32Array(trials);
    this.laneFinish = new Int32Array(laneCount * trials);
  }

  run(trial: number): void {
    const { itemCount, laneCount, horizon, itemLane, laneItemStart, laneKind, downstreamStart, downstream } =
      this.plan;
    const { upstreamCount, historyDays, throughput, cycleTimeStart, cycleTimes, inChain, chainCount } =
      this.plan;
    const { random, trials, firstSummary, bitOf, ready, summary, hasDownstream, onChain } = this;
    const { dayHead, nextInDay, upstreamLeft, laneLeft, laneSize, readyTomorrow, laneFinish, chainFinish } =
      this;
    const { anyThroughputLane, anyCycleTimeLane } = this;
    const notFinished = horizon + 1;

    upstreamLeft.set(upstreamCount);
    ready.set(this.initialReady);
    summary.set(this.initialSummary);
    if (anyCycleTimeLane) dayHead.fill(-1);
    laneLeft.set(laneSize);
    for (let lane = 0; lane < laneCount; lane++) {
      laneFinish[lane * trials + trial] = laneSize[lane] === 0 ? 0 : notFinished;
    }
    let remaining = itemCount;
    let chainLeft = chainCount;
    chainFinish[trial] = chainCount === 0 ? 0 : notFinished;

    // Cycle-time work with no unfinished upstream starts on day 1 and takes a cycle time drawn from its lane.
    const initialCycleTimeItems = this.initialCycleTimeItems;
    for (let k = 0; k < initialCycleTimeItems.length; k++) {
      const item = initialCycleTimeItems[k]!;
      const lane = itemLane[item]!;
      const start = cycleTimeStart[lane]!;
      const days = cycleTimes[start + random.below(cycleTimeStart[lane + 1]! - start)]!;
      const day = max(1, random.round(days));
      if (day <= horizon) {
        nextInDay[item] = dayHead[day]!;
        dayHead[day] = item;
      }
    }

    let day = 1;
    for (; day <= horizon && remaining > 0; day++) {
      let readied = 0;
      // One historical day for all lanes together, so lanes that slowed down together stay correlated.
      if (anyThroughputLane) {
        const past = random.below(historyDays);
        for (let lane = 0; lane < laneCount; lane++) {
          if (laneKind[lane] !== LANE_THROUGHPUT || laneLeft[lane] === 0) continue;
          const scaled = throughput[past * laneCount + lane]!;
          let capacity = floor(scaled);
          if (scaled > capacity && random.unit() < scaled - capacity) capacity++;
          // The highest-ranked ready items: lowest summary bit → its word → that word's lowest bits.
          const summaryFrom = firstSummary[lane]!;
          const summaryTo = firstSummary[lane + 1]!;
          // Item number = bit − the lane's first bit + the lane's first item.
          const itemOffset = laneItemStart[lane]! - (summaryFrom << 10);
          let taken = 0;
          for (let scan = summaryFrom; capacity > 0 && scan < summaryTo;) {
            const words = summary[scan]!;
            if (words === 0) {
              scan++;
              continue;
            }
            const wordBit = lowestBit(words);
            const word = (scan << 5) + wordBit;
            // A whole word's worth at once; only items with downstream work are visited one by one.
            let bits = ready[word]!;
            const count = bitCount(bits);
            let took: number;
            if (count <= capacity) {
              took = bits;
              bits = 0;
              capacity -= count;
              taken += count;
            } else {
              took = keepLowest(bits, capacity, count);
              bits ^= took;
              taken += capacity;
              capacity = 0;
            }
            ready[word] = bits;
            if (bits === 0) summary[scan] = words & ~(1 << wordBit);
            const chainBits = took & onChain[word]!;
            if (chainBits !== 0) {
              chainLeft -= bitCount(chainBits);
              if (chainLeft === 0) chainFinish[trial] = day;
            }
            const base = itemOffset + (word << 5);
            for (let visit = took & hasDownstream[word]!; visit !== 0; visit &= visit - 1) {
              const item = base + lowestBit(visit);
              const last = downstreamStart[item + 1]!;
              for (let edge = downstreamStart[item]!; edge < last; edge++) {
                const next = downstream[edge]!;
                const left = upstreamLeft[next]! - 1;
                upstreamLeft[next] = left;
                // Branch-free: kept only when nothing upstream is left ((0 − 1) >>> 31 is 1, (n − 1) >>> 31 is 0).
                readyTomorrow[readied] = next;
                readied += (left - 1) >>> 31;
              }
            }
          }
          remaining -= taken;
          laneLeft[lane] = laneLeft[lane]! - taken;
          if (taken > 0 && laneLeft[lane] === 0) laneFinish[lane * trials + trial] = day;
        }
      }
      for (let item = anyCycleTimeLane ? dayHead[day]! : -1; item !== -1; item = nextInDay[item]!) {
        const lane = itemLane[item]!;
        remaining--;
        laneLeft[lane] = laneLeft[lane]! - 1;
        if (laneLeft[lane] === 0) laneFinish[lane * trials + trial] = day;
        if (inChain[item] === 1 && --chainLeft === 0) chainFinish[trial] = day;
        const last = downstreamStart[item + 1]!;
        for (let edge = downstreamStart[item]!; edge < last; edge++) {
          const next = downstream[edge]!;
          const left = upstreamLeft[next]! - 1;
          upstreamLeft[next] = left;
          readyTomorrow[readied] = next;
          readied += (left - 1) >>> 31;
        }
      }

      // Finish-to-start: work whose upstream finished today can start the next working day at the earliest.
      for (let k = 0; k < readied; k++) {
        const next = readyTomorrow[k]!;
        const at = bitOf[next]!;
        if (at >= 0) {
          const word = at >>> 5;
          ready[word] = ready[word]! | (1 << (at & 31));
          summary[word >>> 5] = summary[word >>> 5]! | (1 << (word & 31));
        } else {
          const nextLane = itemLane[next]!;
          const start = cycleTimeStart[nextLane]!;
          const days = cycleTimes[start + random.below(cycleTimeStart[nextLane + 1]! - start)]!;
          const end = day + max(1, random.round(days));
          if (end <= horizon) {
            nextInDay[next] = dayHead[end]!;
            dayHead[end] = next;
          }
        }
      }
    }
    this.finish[trial] = remaining === 0 ? day - 1 : notFinished;
  }
}
