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

/** How many trials finished on each day: `counts[d]` for d from 0 to horizon + 1 (not finished). */
function dayCounts(days: Int32Array, horizon: number): Int32Array {
  const counts = new Int32Array(horizon + 2);
  for (let trial = 0; trial < days.length; trial++) {
    const day = days[trial]!;
    if (!(day >= 0 && day <= horizon + 1)) {
      throw new RangeError(`trial ${trial} finished on day ${day}, outside 0 to ${horizon + 1}`);
    }
    counts[day]!++;
  }
  return counts;
}

/**
 * Nearest rank: the smallest day at least a share p of the trials finished on or before. Read off the counts per
 * day, which is the sorted trials without sorting them.
 */
function percentile(counts: Int32Array, trials: number, p: number): number {
  const index = Math.max(0, Math.ceil(p * trials) - 1);
  let seen = 0;
  let day = 0;
  while ((seen += counts[day]!) <= index) day++;
  return day;
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
  const trials = days.length;
  const counts = dayCounts(days, horizon);
  const dateAt = (p: number): string | null => {
    const day = percentile(counts, trials, p);
    return day > horizon ? null : calendar.date(day);
  };
  let byEnd = 0;
  if (endDay !== null) for (let day = 0; day <= Math.min(endDay, horizon); day++) byEnd += counts[day]!;
  return {
    p50: dateAt(0.5),
    p85: dateAt(0.85),
    p95: dateAt(0.95),
    doneBySprintEnd: endDay === null ? null : probability(byEnd, trials),
    notFinished: counts[horizon + 1]! / trials,
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
  const counts = dayCounts(days, horizon);
  const shares: SprintForecast['distribution'] = [];
  for (let day = 1; day <= horizon; day++) {
    if (counts[day]! > 0) shares.push({ date: calendar.date(day), share: counts[day]! / days.length });
  }
  return shares;
}
