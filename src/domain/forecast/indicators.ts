import type { AgingIssueView, LeadingIndicatorsView, ThroughputWeekView } from '../../contract/forecast-view';
import { dayOfIsoDate, isoDate, parseInstant, SiteCalendar, weekStart } from './days';
import type { LaneHistory } from './lane-history';
import type { BoardHistory, ForecastWork, IssueHistory } from './model';
import { issueTimeline } from './timeline';

/**
 * The leading indicators a Scrum Master re-forecasts on: the data lane's labeling throughput and its trend, work in
 * progress older than its lane usually takes, and bugs found after work was done. `laneHistory` is
 * `deriveLaneHistory(history)`; `asOf` is the instant ages are measured at; `dataLaneId` the lane whose done
 * issues are labeling throughput (null: none).
 */
export function leadingIndicators(
  history: BoardHistory,
  laneHistory: LaneHistory,
  work: ForecastWork,
  asOf: string,
  dataLaneId: string | null,
  summaries: ReadonlyMap<string, string>,
): LeadingIndicatorsView {
  const calendar = new SiteCalendar(history.timeZone, history.workingDays);
  const from = parseInstant(history.window.from, "The history window's start");
  const to = parseInstant(history.window.to, "The history window's end");
  const lanes = new Set(laneHistory.laneIds);
  return {
    labelingThroughput:
      dataLaneId === null || !lanes.has(dataLaneId)
        ? null
        : labelingThroughput(
            issuesDoneIn(history.issues, (issue) => issue.lane === dataLaneId, from, to),
            dataLaneId,
            laneHistory,
            calendar,
            from,
            to,
          ),
    agingWork: agingWork(
      laneHistory,
      work,
      calendar.dayOf(parseInstant(asOf, 'The forecast date')),
      calendar,
      summaries,
    ),
    defectEscapeRate: defectEscapeRate(
      issuesDoneIn(
        history.issues,
        (issue) => issue.defects.length > 0 && lanes.has(issue.lane ?? ''),
        from,
        to,
      ),
      laneHistory.lanes.reduce((sum, lane) => sum + lane.doneIssues, 0),
      to,
    ),
  };
}

interface DoneIssue {
  issue: IssueHistory;
  doneAt: number;
}

/**
 * The issues `wanted` picks that are still done at the window's end and whose last move into done fell in the
 * window. An issue listed twice counts once, as its first listing (as in `deriveLaneHistory`).
 */
function issuesDoneIn(
  issues: readonly IssueHistory[],
  wanted: (issue: IssueHistory) => boolean,
  from: number,
  to: number,
): DoneIssue[] {
  const seen = new Set<string>();
  const done: DoneIssue[] = [];
  for (const issue of issues) {
    if (seen.has(issue.key)) continue;
    seen.add(issue.key);
    if (!wanted(issue)) continue;
    const { doneAt } = issueTimeline(issue, to);
    if (doneAt !== null && doneAt >= from) done.push({ issue, doneAt });
  }
  return done;
}

/**
 * The data lane's done issues per working day over the window, per ISO week (Monday start), and the trend: the last
 * full week's rate over the window's, both per working day (a week with a holiday is not a slow week).
 */
function labelingThroughput(
  doneInWindow: readonly DoneIssue[],
  lane: string,
  laneHistory: LaneHistory,
  calendar: SiteCalendar,
  from: number,
  to: number,
): NonNullable<LeadingIndicatorsView['labelingThroughput']> {
  const firstDay = calendar.dayOf(from);
  const lastDay = calendar.dayOf(to - 1);
  const doneByWeek = new Map<number, number>();
  for (let week = weekStart(firstDay); week <= lastDay; week += 7) doneByWeek.set(week, 0);
  let done = 0;
  for (const { doneAt } of doneInWindow) {
    const week = weekStart(calendar.dayOf(doneAt));
    doneByWeek.set(week, (doneByWeek.get(week) ?? 0) + 1);
    done++;
  }
  const workingDaysByWeek = new Map<number, number>();
  for (const day of laneHistory.days) {
    const week = weekStart(dayOfIsoDate(day));
    workingDaysByWeek.set(week, (workingDaysByWeek.get(week) ?? 0) + 1);
  }
  const workingDays = laneHistory.days.length;
  const perDay = workingDays > 0 ? done / workingDays : 0;
  const weeks: ThroughputWeekView[] = [...doneByWeek].map(([week, count]) => ({
    weekStart: isoDate(week),
    done: count,
  }));

  let trend: number | null = null;
  const lastFullWeek = [...doneByWeek.keys()].filter((week) => week >= firstDay && week + 6 <= lastDay).pop();
  const lastWeekDays = lastFullWeek === undefined ? 0 : (workingDaysByWeek.get(lastFullWeek) ?? 0);
  if (lastFullWeek !== undefined && lastWeekDays > 0 && perDay > 0) {
    trend = round((doneByWeek.get(lastFullWeek) ?? 0) / lastWeekDays / perDay, 2);
  }
  return { lane, perDay: round(perDay, 2), weeks, trend };
}

/** Issues in progress now that are older (in days, +1) than their lane's 85th-percentile cycle time; oldest first. */
function agingWork(
  laneHistory: LaneHistory,
  work: ForecastWork,
  today: number,
  calendar: SiteCalendar,
  summaries: ReadonlyMap<string, string>,
): AgingIssueView[] {
  const cycleTimeP85 = new Map(laneHistory.lanes.map((lane) => [lane.lane, lane.cycleTimeP85]));
  const aging: AgingIssueView[] = [];
  for (const item of work.items) {
    if (item.category !== 'indeterminate' || item.lane === null || item.startedAt === null) continue;
    const p85 = cycleTimeP85.get(item.lane);
    if (p85 === undefined || p85 === null) continue;
    const ageDays = today - calendar.dayOf(parseInstant(item.startedAt, `${item.key}: when it started`)) + 1;
    if (ageDays > p85) {
      aging.push({
        key: item.key,
        summary: summaries.get(item.key) ?? '',
        lane: item.lane,
        ageDays,
        laneCycleTimeP85: p85,
      });
    }
  }
  return aging.sort((a, b) => b.ageDays - a.ageDays || a.key.localeCompare(b.key, 'en', { numeric: true }));
}

/**
 * Bugs (each counted once) linked to or created under the lanes' work done in the window and created after that
 * work was done, before the window's end; per issue the lanes did in the window. Null when they did none.
 */
function defectEscapeRate(
  doneWithDefects: readonly DoneIssue[],
  doneIssues: number,
  to: number,
): LeadingIndicatorsView['defectEscapeRate'] {
  if (doneIssues === 0) return null;
  const escaped = new Set<string>();
  for (const { issue, doneAt } of doneWithDefects) {
    for (const defect of issue.defects) {
      const created = parseInstant(
        defect.created,
        `${defect.key} (a bug of ${issue.key}): when it was created`,
      );
      if (created > doneAt && created < to) escaped.add(defect.key);
    }
  }
  return { defects: escaped.size, doneIssues, rate: round(escaped.size / doneIssues, 3) };
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
