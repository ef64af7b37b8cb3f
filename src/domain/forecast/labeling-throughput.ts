import { dayOfIsoDate, isoWeekday } from './days';
import { percentile, sortedAscending } from './percentile';
import type { SeededRandom } from './rng';

/*
 * The data lane's throughput in its own units: items labeled per working day, from Label Studio's project counters
 * as the evidence history keeps them (the day's newest counters, one entry per UTC day). Between two recorded days
 * the items finished are spread evenly over the working days in between, so each working day is one observed rate;
 * a labeling issue's remaining items are then labeled a drawn day at a time, which keeps the day-to-day variation
 * in the Monte Carlo instead of a single average.
 */

/** Remaining-days samples per labeling issue: the trials draw from these, so 2,000 keep the tails. */
export const LABELING_SAMPLES = 2_000;

export interface LabelingCount {
  /** UTC day (YYYY-MM-DD). */
  day: string;
  finishedTasks: number;
}

export interface LabelingRates {
  /** One rate per working day between the first and last recorded day, oldest first. */
  perDay: number[];
  /** Items per working day over all of them. */
  itemsPerDay: number;
  /** Recorded days the rates come from. */
  recordedDays: number;
}

/**
 * Items labeled per working day, or null with fewer than two recorded days. A day whose counter went down
 * (tasks deleted or re-imported) starts afresh from its value: going down is not negative labeling.
 */
export function labelingRates(
  counts: readonly LabelingCount[],
  workingDays: readonly number[],
): LabelingRates | null {
  const days = [...new Map(counts.map((count) => [count.day, count])).values()].sort((a, b) =>
    a.day.localeCompare(b.day),
  );
  if (days.length < 2) return null;
  const working = new Set(workingDays);
  const perDay: number[] = [];
  for (let index = 1; index < days.length; index++) {
    const before = days[index - 1]!;
    const after = days[index]!;
    const finished = after.finishedTasks - before.finishedTasks;
    if (finished < 0) continue;
    // Work reported on a weekend still counts once: at least one working day per interval.
    const span = Math.max(1, workingDaysAfter(dayOfIsoDate(before.day), dayOfIsoDate(after.day), working));
    for (let day = 0; day < span; day++) perDay.push(finished / span);
  }
  if (perDay.length === 0) return null;
  const itemsPerDay = perDay.reduce((sum, rate) => sum + rate, 0) / perDay.length;
  return { perDay, itemsPerDay, recordedDays: days.length };
}

/**
 * Working days needed to label `remaining` items, `samples` times: each simulated working day labels one rate
 * drawn from `perDay`. Infinity when the horizon passes first. Draws from `random`, so the seed fixes them.
 */
export function remainingDaysSamples(
  remaining: number,
  perDay: readonly number[],
  random: SeededRandom,
  horizon: number,
  samples = LABELING_SAMPLES,
): number[] {
  if (!(remaining >= 0) || perDay.length === 0) {
    throw new RangeError(`labeling: ${remaining} items left over ${perDay.length} observed days`);
  }
  const result = new Array<number>(samples);
  // Not even the fastest day every day gets there: no need to draw (up to the horizon per sample) to say so.
  if (remaining > Math.max(...perDay) * horizon) return result.fill(Infinity);
  for (let sample = 0; sample < samples; sample++) {
    let left = remaining;
    let days = 0;
    while (left > 0 && days < horizon) {
      left -= perDay[random.below(perDay.length)]!;
      days++;
    }
    result[sample] = left > 0 ? Infinity : days;
  }
  return result;
}

/** The median and 85th percentile of the samples (Infinity: not within the horizon). */
export function daysLeft(samples: readonly number[]): { p50: number; p85: number } {
  const sorted = sortedAscending(samples);
  return { p50: percentile(sorted, 50), p85: percentile(sorted, 85) };
}

function workingDaysAfter(from: number, to: number, working: ReadonlySet<number>): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (working.has(isoWeekday(day))) count++;
  return count;
}
