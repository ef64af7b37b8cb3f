import type { Probability } from '../../contract/forecast-view';
import type { FinishForecast, SprintForecast } from './monte-carlo';
import type { TrialOutcomes } from './simulate-trial';

/*
 * From the trials' finish days to what people read: dates at percentiles (nearest rank), probabilities with their
 * standard error, which lane finished last, the finish-day distribution.
 */

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Dates of simulated working days, asked for once each and checked. */
export class Calendar {
  private readonly dates: string[] = [];

  constructor(
    private readonly dateOfWorkingDay: (n: number) => string,
    private readonly horizon: number,
  ) {}

  date(day: number): string {
    let date = this.dates[day];
    if (date === undefined) {
      date = this.dateOfWorkingDay(day);
      if (!DAY.test(date))
        throw new RangeError(`working day ${day} after asOf came back as "${date}", not YYYY-MM-DD`);
      this.dates[day] = date;
    }
    return date;
  }

  /** How many simulated working days fall on or before `day` (0: the sprint ends before the first one). */
  lastDayOnOrBefore(day: string): number {
    let n = 0;
    while (n < this.horizon && this.date(n + 1) <= day) n++;
    return n;
  }
}

/** Nearest rank: the smallest value at least a share p of the sorted values are at or below. */
function percentile(sorted: Int32Array, p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function probability(hits: number, trials: number): Probability {
  const value = hits / trials;
  return { value, standardError: Math.sqrt((value * (1 - value)) / trials) };
}

/** Per-trial finish days (horizon + 1: not finished) as dates at P50/P85/P95 and the chance of the sprint's end. */
export function summarise(
  days: Int32Array,
  horizon: number,
  endDay: number | null,
  calendar: Calendar,
): FinishForecast {
  const sorted = Int32Array.from(days).sort();
  const dateAt = (p: number): string | null => {
    const day = percentile(sorted, p);
    return day > horizon ? null : calendar.date(day);
  };
  let notFinished = 0;
  let byEnd = 0;
  for (const day of sorted) {
    if (day > horizon) notFinished++;
    else if (endDay !== null && day <= endDay) byEnd++;
  }
  return {
    p50: dateAt(0.5),
    p85: dateAt(0.85),
    p95: dateAt(0.95),
    doneBySprintEnd: endDay === null ? null : probability(byEnd, sorted.length),
    notFinished: notFinished / sorted.length,
  };
}

/** Per simulated lane, the share of trials in which it finished on the day the whole work did. */
export function lastLaneShares(outcomes: TrialOutcomes, laneCount: number): number[] {
  const { trials, finish, laneFinish } = outcomes;
  const counts = new Array<number>(laneCount).fill(0);
  for (let lane = 0; lane < laneCount; lane++) {
    for (let trial = 0; trial < trials; trial++) {
      if (laneFinish[lane * trials + trial] === finish[trial]) counts[lane]!++;
    }
  }
  return counts.map((count) => count / trials);
}

/** Finish day → share of trials, in date order; unfinished trials are left out (their share is `notFinished`). */
export function distribution(
  days: Int32Array,
  horizon: number,
  calendar: Calendar,
): SprintForecast['distribution'] {
  const counts = new Int32Array(horizon + 2);
  for (const day of days) counts[day]!++;
  const shares: SprintForecast['distribution'] = [];
  for (let day = 1; day <= horizon; day++) {
    if (counts[day]! > 0) shares.push({ date: calendar.date(day), share: counts[day]! / days.length });
  }
  return shares;
}
