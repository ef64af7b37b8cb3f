import { type BacktestSprint, backtestForecast } from './backtest-score';
import { dayOfIsoDate, isoDate, SiteCalendar, windowBefore } from './days';
import { deriveLaneHistory } from './lane-history';
import type { BoardHistory, ClosedSprint, ForecastItem, ForecastWork } from './model';
import { forecastSprint } from './monte-carlo';
import { toSimulationHistory, workingDates } from './simulation-history';
import { issueTimeline } from './timeline';

export interface BacktestOptions {
  /** How many of the most recent closed sprints to replay. */
  sprints: number;
  windowDays: number;
  trials: number;
  seed: number;
}

/**
 * Replays the forecast at the start of each recent closed sprint, learning only from the history before that day,
 * and sets it beside what happened. A sprint's work is what the history knows of it: issues that were in the sprint
 * and are done now (work still open today is not in a done-work history, so a sprint that left such work over
 * reads as finished when its known work was; the forecast says so in its warnings).
 */
/** A replayed sprint, named. */
export interface ReplayedSprint extends BacktestSprint {
  sprintId: number;
  sprintName: string;
}

export function replaySprints(history: BoardHistory, options: BacktestOptions): ReplayedSprint[] {
  const calendar = new SiteCalendar(history.timeZone, history.workingDays);
  const windowStart = Date.parse(history.window.from);
  const sprints = [...history.closedSprints]
    .filter((sprint) => Date.parse(sprint.startDate) > windowStart)
    .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate))
    .slice(-options.sprints);
  return sprints.flatMap((sprint) => {
    const replayed = replaySprint(history, sprint, calendar, options);
    return replayed ? [replayed] : [];
  });
}

function replaySprint(
  history: BoardHistory,
  sprint: ClosedSprint,
  calendar: SiteCalendar,
  options: BacktestOptions,
): ReplayedSprint | null {
  const start = Date.parse(sprint.startDate);
  const closed = Date.parse(sprint.completeDate);
  const startDay = isoDate(calendar.dayOf(start));
  const sprintEnd = isoDate(calendar.dayOf(Date.parse(sprint.endDate)));
  const members = history.issues.filter((issue) => issue.sprintIds.includes(sprint.id));
  const items: ForecastItem[] = [];
  let finishedOn: string | null = startDay;
  for (const issue of members) {
    const atStart = issueTimeline(issue, start);
    const atClose = issueTimeline(issue, closed + 1);
    if (atStart.doneAt !== null) continue; // done before the sprint began: not its work
    const last = atStart.changes.at(-1)?.category ?? 'new';
    items.push({
      key: issue.key,
      lane: issue.lane,
      storyPoints: issue.storyPoints,
      category: last,
      startedAt: null,
    });
    if (atClose.doneAt === null) finishedOn = null;
    else if (finishedOn !== null) {
      const day = isoDate(calendar.dayOf(atClose.doneAt));
      if (day > finishedOn) finishedOn = day;
    }
  }
  if (items.length === 0) return null;
  const keys = new Set(items.map((item) => item.key));
  const work: ForecastWork = {
    sprintId: sprint.id,
    sprintName: sprint.name,
    sprintState: 'future',
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    items,
    dependencies: members.flatMap((issue) =>
      issue.upstreamKeys
        .filter((upstream) => keys.has(upstream) && keys.has(issue.key))
        .map((upstream) => ({ upstream, downstream: issue.key })),
    ),
    criticalChain: [],
  };
  const past = deriveLaneHistory({
    ...history,
    window: windowBefore(history.timeZone, startDay, options.windowDays),
  });
  const dates = workingDates(calendar, dayOfIsoDate(startDay), 400);
  if (dates.length === 0) return null;
  const result = forecastSprint({
    work,
    history: toSimulationHistory(past),
    seed: options.seed,
    trials: options.trials,
    dateOfWorkingDay: (n) => dates[n - 1] ?? dates[dates.length - 1]!,
    sprintEnd,
    horizonDays: dates.length,
  });
  return {
    sprintId: sprint.id,
    sprintName: sprint.name,
    forecast: backtestForecast(result),
    finishedOn,
    sprintEnd,
  };
}
