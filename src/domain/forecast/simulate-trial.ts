import type { SeededRandom } from './rng';

/*
 * The Monte Carlo hot loop, on one integer-indexed typed array prepared once per run (`monte-carlo.ts` builds the
 * plan). A trial allocates nothing: it resets that memory and replays the sprint day by day. 10,000 trials over a
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
 * The numbering a run of trials works in: a slot per item. Throughput items take their bit in the ready bitmap as
 * their slot: each lane gets whole summary words of its own (blocks of 1,024 bits, padding is cheap), its items in
 * rank order, so a lane's highest-ranked ready item is its lowest set bit, and a summary bit per word of 32 items
 * says which words have any. Cycle-time items come after the bitmap. With the bit as the slot, a done item's
 * downstream work is found without a lookup table in between.
 */
interface SlotLayout {
  /** Per lane, its first summary word; the lane's first bit is 1,024 times that. */
  firstSummary: Int32Array;
  /** Bits in the ready bitmap: slots below this are throughput items (or padding), the rest cycle-time items. */
  bitmapSlots: number;
  slots: number;
  slotOf: Int32Array;
}

function slotLayout(plan: SimulationPlan): SlotLayout {
  const { laneCount, laneItemStart, laneKind, itemLane, itemCount } = plan;
  const firstSummary = new Int32Array(laneCount + 1);
  for (let lane = 0; lane < laneCount; lane++) {
    const items = laneKind[lane] === LANE_THROUGHPUT ? laneItemStart[lane + 1]! - laneItemStart[lane]! : 0;
    firstSummary[lane + 1] = firstSummary[lane]! + ((items + 1023) >>> 10);
  }
  const bitmapSlots = firstSummary[laneCount]! << 10;
  const slotOf = new Int32Array(itemCount);
  let nextCycleTimeSlot = bitmapSlots;
  for (let item = 0; item < itemCount; item++) {
    const lane = itemLane[item]!;
    slotOf[item] =
      laneKind[lane] === LANE_THROUGHPUT
        ? (firstSummary[lane]! << 10) + item - laneItemStart[lane]!
        : nextCycleTimeSlot++;
  }
  return { firstSummary, bitmapSlots, slots: nextCycleTimeSlot, slotOf };
}

export function runTrials(plan: SimulationPlan, random: SeededRandom, trials: number): TrialOutcomes {
  const runner = new TrialRunner(plan, random, trials);
  // One call per trial: V8 optimises a hot function as a whole, with feedback from every path it has taken.
  for (let trial = 0; trial < trials; trial++) runner.run(trial);
  return { trials, finish: runner.finish, chainFinish: runner.chainFinish, laneFinish: runner.laneFinish };
}

/**
 * Where each array of a run lives in its one Int32Array (`memory`), as offsets. V8 re-checks a typed array's map,
 * length and base address at every access in a loop, once per array per iteration: with everything the day loop
 * touches in one array, an edge costs one such check instead of four.
 */
interface Regions {
  /** Per slot: upstream items not yet finished. First, so a slot is its own index. */
  upstreamLeft: number;
  /** Per bitmap word: ready throughput items; per summary word (32 bitmap words): which words have any. */
  ready: number;
  summary: number;
  /** Per bitmap word: its items with downstream work (they need a look once done), and those on the chain. */
  hasDownstream: number;
  onChain: number;
  /**
   * Slots whose last upstream item finished today, as a bitmap over all slots with a summary bit per word: they
   * become ready tomorrow (finish-to-start), and are set without a branch per edge.
   */
  readyTomorrow: number;
  readyTomorrowSummary: number;
  readyTomorrowSummaryWords: number;
  /** Downstream slots of slot s: `memory[memory[downstreamStart + s] .. memory[downstreamStart + s + 1])`. */
  downstreamStart: number;
  downstream: number;
  slotLane: number;
  slotInChain: number;
  /** Cycle-time items, by the day they finish: singly linked lists through `nextInDay`. */
  dayHead: number;
  nextInDay: number;
  laneLeft: number;
  firstSummary: number;
  laneKind: number;
  cycleTimeStart: number;
  size: number;
}

function regions(plan: SimulationPlan, layout: SlotLayout): Regions {
  const { laneCount, horizon } = plan;
  const { slots, bitmapSlots } = layout;
  const words = bitmapSlots >>> 5;
  const slotWords = (slots + 31) >>> 5;
  const readyTomorrowSummaryWords = (slotWords + 31) >>> 5;
  let size = 0;
  const take = (length: number): number => {
    const at = size;
    size += length;
    return at;
  };
  return {
    upstreamLeft: take(slots),
    ready: take(words),
    summary: take(words >>> 5),
    hasDownstream: take(words),
    onChain: take(words),
    readyTomorrow: take(slotWords),
    readyTomorrowSummary: take(readyTomorrowSummaryWords),
    readyTomorrowSummaryWords,
    downstreamStart: take(slots + 1),
    downstream: take(plan.downstream.length),
    slotLane: take(slots),
    slotInChain: take(slots),
    dayHead: take(horizon + 2),
    nextInDay: take(slots),
    laneLeft: take(laneCount),
    firstSummary: take(laneCount + 1),
    laneKind: take(laneCount),
    cycleTimeStart: take(laneCount + 1),
    size,
  };
}

/**
 * The memory one run of trials works in, allocated once and indexed by slot; `run` replays one trial in it.
 * Loops over a done item's downstream work are do-while (it has some): V8 compiles a short inner `for` with an
 * unpredictable trip count several times slower (measured with `npm run bench`).
 */
class TrialRunner {
  readonly finish: Int32Array;
  readonly chainFinish: Int32Array;
  readonly laneFinish: Int32Array;
  private readonly memory: Int32Array;
  private readonly at: Regions;
  private readonly bitmapSlots: number;
  /** What a trial starts from: `memory`'s first `initial.length` numbers (upstream counts, day 1's ready bits). */
  private readonly initial: Int32Array;
  private readonly initialCycleTimeSlots: Int32Array;
  private readonly laneSize: Int32Array;
  private readonly anyThroughputLane: boolean;
  private readonly anyCycleTimeLane: boolean;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly random: SeededRandom,
    private readonly trials: number,
  ) {
    const { itemCount, laneCount, laneItemStart, laneKind, itemLane, inChain } = plan;
    const layout = slotLayout(plan);
    const { firstSummary, bitmapSlots, slots, slotOf } = layout;
    const at = regions(plan, layout);
    this.at = at;
    this.bitmapSlots = bitmapSlots;
    const memory = new Int32Array(at.size);
    this.memory = memory;

    for (let item = 0; item < itemCount; item++) {
      const slot = slotOf[item]!;
      memory[at.slotLane + slot] = itemLane[item]!;
      memory[at.slotInChain + slot] = inChain[item]!;
      memory[at.upstreamLeft + slot] = plan.upstreamCount[item]!;
      memory[at.downstreamStart + slot + 1] = plan.downstreamStart[item + 1]! - plan.downstreamStart[item]!;
    }
    // Where in `memory` each slot's downstream slots start: the loop reads them with no offset to add.
    memory[at.downstreamStart] = at.downstream;
    for (let slot = 0; slot < slots; slot++) {
      memory[at.downstreamStart + slot + 1]! += memory[at.downstreamStart + slot]!;
    }
    for (let item = 0; item < itemCount; item++) {
      let edge = memory[at.downstreamStart + slotOf[item]!]!;
      for (let from = plan.downstreamStart[item]!; from < plan.downstreamStart[item + 1]!; from++) {
        memory[edge++] = slotOf[plan.downstream[from]!]!;
      }
    }

    const initialCycleTime: number[] = [];
    for (let item = 0; item < itemCount; item++) {
      const slot = slotOf[item]!;
      if (slot >= bitmapSlots) {
        if (plan.upstreamCount[item] === 0) initialCycleTime.push(slot);
        continue;
      }
      const word = slot >>> 5;
      const bit = 1 << (slot & 31);
      if (plan.downstreamStart[item + 1]! > plan.downstreamStart[item]!) {
        memory[at.hasDownstream + word]! |= bit;
      }
      if (inChain[item] === 1) memory[at.onChain + word]! |= bit;
      if (plan.upstreamCount[item] !== 0) continue;
      // Day 1 is the same in every trial: its ready bits are copied in, not rebuilt item by item.
      memory[at.ready + word]! |= bit;
      memory[at.summary + (word >>> 5)]! |= 1 << (word & 31);
    }
    this.initialCycleTimeSlots = Int32Array.from(initialCycleTime);
    this.initial = memory.slice(0, at.hasDownstream);

    this.laneSize = new Int32Array(laneCount);
    let anyThroughputLane = false;
    let anyCycleTimeLane = false;
    for (let lane = 0; lane < laneCount; lane++) {
      this.laneSize[lane] = laneItemStart[lane + 1]! - laneItemStart[lane]!;
      memory[at.laneKind + lane] = laneKind[lane]!;
      if (laneKind[lane] === LANE_THROUGHPUT) anyThroughputLane = true;
      else anyCycleTimeLane = true;
    }
    memory.set(firstSummary, at.firstSummary);
    memory.set(plan.cycleTimeStart, at.cycleTimeStart);
    this.anyThroughputLane = anyThroughputLane;
    this.anyCycleTimeLane = anyCycleTimeLane;
    this.finish = new Int32Array(trials);
    this.chainFinish = new Int32Array(trials);
    this.laneFinish = new Int32Array(laneCount * trials);
  }

  run(trial: number): void {
    const { itemCount, laneCount, horizon, historyDays, throughput, cycleTimes, chainCount } = this.plan;
    const { random, trials, memory, bitmapSlots, laneSize, laneFinish, chainFinish } = this;
    const { anyThroughputLane, anyCycleTimeLane } = this;
    const { ready, summary, hasDownstream, onChain, readyTomorrow, readyTomorrowSummary } = this.at;
    const { readyTomorrowSummaryWords, downstreamStart, slotLane, slotInChain } = this.at;
    const { dayHead, nextInDay, laneLeft, firstSummary, laneKind, cycleTimeStart } = this.at;
    const notFinished = horizon + 1;

    // Upstream counts and day 1's ready bits; readyTomorrow is all zero between trials.
    memory.set(this.initial);
    if (anyCycleTimeLane) memory.fill(-1, dayHead, dayHead + horizon + 2);
    memory.set(laneSize, laneLeft);
    for (let lane = 0; lane < laneCount; lane++) {
      laneFinish[lane * trials + trial] = laneSize[lane] === 0 ? 0 : notFinished;
    }
    let remaining = itemCount;
    let chainLeft = chainCount;
    chainFinish[trial] = chainCount === 0 ? 0 : notFinished;

    // Cycle-time work with no unfinished upstream starts on day 1 and takes a cycle time drawn from its lane.
    const initialCycleTimeSlots = this.initialCycleTimeSlots;
    for (let k = 0; k < initialCycleTimeSlots.length; k++) {
      const slot = initialCycleTimeSlots[k]!;
      const lane = memory[slotLane + slot]!;
      const start = memory[cycleTimeStart + lane]!;
      const days = cycleTimes[start + random.below(memory[cycleTimeStart + lane + 1]! - start)]!;
      const day = max(1, random.round(days));
      if (day <= horizon) {
        memory[nextInDay + slot] = memory[dayHead + day]!;
        memory[dayHead + day] = slot;
      }
    }

    let day = 1;
    for (; day <= horizon && remaining > 0; day++) {
      // One historical day for all lanes together, so lanes that slowed down together stay correlated.
      if (anyThroughputLane) {
        const past = random.below(historyDays);
        for (let lane = 0; lane < laneCount; lane++) {
          if (memory[laneKind + lane] !== LANE_THROUGHPUT || memory[laneLeft + lane] === 0) continue;
          const scaled = throughput[past * laneCount + lane]!;
          let capacity = floor(scaled);
          if (scaled > capacity && random.unit() < scaled - capacity) capacity++;
          // The highest-ranked ready items: lowest summary bit → its word → that word's lowest bits.
          const summaryTo = memory[firstSummary + lane + 1]!;
          let taken = 0;
          for (let scan = memory[firstSummary + lane]!; capacity > 0 && scan < summaryTo;) {
            const words = memory[summary + scan]!;
            if (words === 0) {
              scan++;
              continue;
            }
            const wordBit = lowestBit(words);
            const word = (scan << 5) + wordBit;
            // A whole word's worth at once; only items with downstream work are visited one by one.
            let bits = memory[ready + word]!;
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
            memory[ready + word] = bits;
            if (bits === 0) memory[summary + scan] = words & ~(1 << wordBit);
            const chainBits = took & memory[onChain + word]!;
            if (chainBits !== 0) {
              chainLeft -= bitCount(chainBits);
              if (chainLeft === 0) chainFinish[trial] = day;
            }
            let visit = took & memory[hasDownstream + word]!;
            while (visit !== 0) {
              const slot = (word << 5) + lowestBit(visit);
              visit &= visit - 1;
              const last = memory[downstreamStart + slot + 1]!;
              let edge = memory[downstreamStart + slot]!;
              do {
                // upstreamLeft is at offset 0: a slot is its own index.
                const next = memory[edge]!;
                const left = (memory[next]! - 1) | 0;
                memory[next] = left;
                // Branch-free: flagged only when nothing upstream is left ((0 − 1) >>> 31 is 1, (n − 1) >>> 31 is 0).
                const readied = (left - 1) >>> 31;
                const nextWord = next >>> 5;
                memory[readyTomorrow + nextWord]! |= readied << (next & 31);
                memory[readyTomorrowSummary + (nextWord >>> 5)]! |= readied << (nextWord & 31);
                edge = (edge + 1) | 0;
              } while (edge < last);
            }
          }
          remaining -= taken;
          memory[laneLeft + lane]! -= taken;
          if (taken > 0 && memory[laneLeft + lane] === 0) laneFinish[lane * trials + trial] = day;
        }
      }
      for (
        let slot = anyCycleTimeLane ? memory[dayHead + day]! : -1;
        slot !== -1;
        slot = memory[nextInDay + slot]!
      ) {
        const lane = memory[slotLane + slot]!;
        remaining--;
        memory[laneLeft + lane]! -= 1;
        if (memory[laneLeft + lane] === 0) laneFinish[lane * trials + trial] = day;
        if (memory[slotInChain + slot] === 1 && --chainLeft === 0) chainFinish[trial] = day;
        const last = memory[downstreamStart + slot + 1]!;
        for (let edge = memory[downstreamStart + slot]!; edge < last; edge++) {
          const next = memory[edge]!;
          const left = memory[next]! - 1;
          memory[next] = left;
          const readied = (left - 1) >>> 31;
          const nextWord = next >>> 5;
          memory[readyTomorrow + nextWord]! |= readied << (next & 31);
          memory[readyTomorrowSummary + (nextWord >>> 5)]! |= readied << (nextWord & 31);
        }
      }

      // Finish-to-start: work whose upstream finished today can start the next working day at the earliest.
      for (let summaryWord = 0; summaryWord < readyTomorrowSummaryWords; summaryWord++) {
        let dirty = memory[readyTomorrowSummary + summaryWord]!;
        if (dirty === 0) continue;
        memory[readyTomorrowSummary + summaryWord] = 0;
        do {
          const word = (summaryWord << 5) + lowestBit(dirty);
          dirty &= dirty - 1;
          let slots = memory[readyTomorrow + word]!;
          memory[readyTomorrow + word] = 0;
          if (word << 5 < bitmapSlots) {
            memory[ready + word]! |= slots;
            memory[summary + (word >>> 5)]! |= 1 << (word & 31);
          } else {
            while (slots !== 0) {
              const slot = (word << 5) + lowestBit(slots);
              slots &= slots - 1;
              const lane = memory[slotLane + slot]!;
              const start = memory[cycleTimeStart + lane]!;
              const days = cycleTimes[start + random.below(memory[cycleTimeStart + lane + 1]! - start)]!;
              const end = day + max(1, random.round(days));
              if (end <= horizon) {
                memory[nextInDay + slot] = memory[dayHead + end]!;
                memory[dayHead + end] = slot;
              }
            }
          }
        } while (dirty !== 0);
      }
    }
    this.finish[trial] = remaining === 0 ? day - 1 : notFinished;
  }
}
