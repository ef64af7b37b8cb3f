import type { BacktestView } from '../../contract/forecast-view';
import type { MonteCarloResult } from './monte-carlo';

/*
 * How accurate the forecast has been on this board: each recent closed sprint was forecast as of its start,
 * using only history before it; here that forecast is compared with what happened.
 */

/** One past sprint: what the forecast said at its start, and what happened. Days are YYYY-MM-DD. */
export interface BacktestSprint {
  /** The forecast at the sprint's start; null when it had no forecast (too little history then). */
  forecast: {
    /** The 85% finish date; null when it lay beyond the forecast's horizon. */
    p85: string | null;
    /** P(all the work done by the sprint's end). */
    doneBySprintEnd: number;
  } | null;
  /** The day the sprint's last piece of work was done; null when work was left over at its close. */
  finishedOn: string | null;
  sprintEnd: string;
}

/** What a replayed forecast said, in the backtest's terms; null when it gave no forecast or no sprint end. */
export function backtestForecast(result: MonteCarloResult): BacktestSprint['forecast'] {
  const finish = result.forecast?.finish;
  if (finish === undefined || finish.doneBySprintEnd === null) return null;
  return { p85: finish.p85, doneBySprintEnd: finish.doneBySprintEnd.value };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Counts the sprints that finished on or before their 85% date (left-over work never did; a beyond-horizon 85%
 * date is met by any finish) and the Brier score of "done by the end": the mean of (p − outcome)², outcome 1 when
 * the work was done on or before the sprint's last day. Null when no sprint had a forecast to score.
 */
export function scoreBacktest(sprints: readonly BacktestSprint[]): BacktestView | null {
  sprints.forEach(check);
  const scored = sprints.filter((sprint) => sprint.forecast !== null);
  if (scored.length === 0) return null;
  let withinP85 = 0;
  let squaredError = 0;
  for (const { forecast, finishedOn, sprintEnd } of scored) {
    if (finishedOn !== null && (forecast!.p85 === null || finishedOn <= forecast!.p85)) withinP85++;
    const outcome = finishedOn !== null && finishedOn <= sprintEnd ? 1 : 0;
    squaredError += (forecast!.doneBySprintEnd - outcome) ** 2;
  }
  const unforecast = sprints.length - scored.length;
  return {
    sprints: scored.length,
    withinP85,
    brierScore: squaredError / scored.length,
    sentence:
      (scored.length === 1
        ? `on this board, the last sprint ${withinP85 === 1 ? 'finished' : 'did not finish'} within the 85% date`
        : `on this board, ${withinP85} of the last ${scored.length} sprints finished within the 85% date`) +
      (unforecast > 0
        ? ` (${unforecast} more had too little history before ${unforecast === 1 ? 'it' : 'them'} to forecast)`
        : ''),
  };
}

function check(sprint: BacktestSprint, index: number): void {
  const days = [sprint.sprintEnd, sprint.finishedOn, sprint.forecast?.p85 ?? null];
  for (const day of days) {
    if (day !== null && !DAY.test(day))
      throw new RangeError(`backtest sprint ${index + 1}: "${day}" is not a day (YYYY-MM-DD)`);
  }
  const p = sprint.forecast?.doneBySprintEnd;
  if (p !== undefined && !(p >= 0 && p <= 1)) {
    throw new RangeError(
      `backtest sprint ${index + 1}: P(done by the end) must lie between 0 and 1, not ${p}`,
    );
  }
}
