import type {
  FinishPercentiles,
  ForecastView,
  LabelingIssueView,
  Probability,
} from '../contract/forecast-view';
import { md } from './markdown';

const percent = (value: number) => (value > 0 && value < 0.005 ? '<1%' : `${Math.round(value * 100)}%`);
const chance = (probability: Probability | null) => (probability ? percent(probability.value) : 'n/a');
const dates = (finish: FinishPercentiles | null) =>
  finish ? `${finish.p50} / ${finish.p85} / ${finish.p95}` : 'no forecast';

const count = (value: number) => value.toLocaleString('en');
/** Whole items a day once there are ten or more; below that one decimal says more than a rounded 0 or 1. */
const perDay = (value: number) => (value >= 10 ? count(Math.round(value)) : value.toFixed(1));

/** "CV-101 Label 1,000 images: 812 / 1,000 items · 61.7 items/day · ~4 days left", or why it is not in items. */
function labelingLine(issue: LabelingIssueView): string {
  const target = issue.target === null ? '?' : count(issue.target);
  const parts = [`${issue.key} ${md(issue.summary)}: ${count(issue.finished)} / ${target} items`];
  if (issue.itemsPerDay !== null) parts.push(`${perDay(issue.itemsPerDay)} items/day`);
  if (issue.daysLeft) parts.push(`~${issue.daysLeft.p50} days left (85%: ${issue.daysLeft.p85})`);
  // Forecast in items, yet no days left: the horizon passed first, which the panel says too.
  else if (issue.method === 'items-per-day') parts.push('not done within two years at this rate');
  if (issue.reason) parts.push(`forecast from the lane's history: ${md(issue.reason)}`);
  return parts.join(' · ');
}

/** The forecast as a report: the answer first, then the lanes, the indicators and how accurate it has been. */
export function renderForecastMarkdown(view: ForecastView): string {
  const { scope, forecast } = view;
  const lines: string[] = [`# ${md(scope.sprintName)} — ML Lanes forecast`, ''];
  lines.push(
    `Board ${scope.boardId} (${md(scope.boardName)}) · sprint ${scope.sprintId}, ${scope.sprintState} · ` +
      `${scope.startDate ?? '?'} → ${scope.endDate ?? '?'} · as of ${scope.asOf} (${scope.timeZone})`,
  );
  lines.push(
    `History: ${view.history.from} → ${view.history.to}, ${view.history.closedSprints} closed sprints · ` +
      `${view.trials.toLocaleString('en')} trials, seed ${view.seed}`,
    '',
  );
  if (view.warnings.length > 0) {
    lines.push('> **This forecast may be incomplete:**');
    for (const warning of view.warnings) lines.push(`> - ${md(warning)}`);
    lines.push('');
  }
  if (!forecast) {
    lines.push(`**No forecast:** ${md(view.noForecastReason ?? 'no history to forecast from')}.`, '');
  } else {
    const end = scope.endDate ? ` by the sprint's end (${scope.endDate})` : '';
    lines.push(
      `**${chance(forecast.doneBySprintEnd)} likely done${end}.** ` +
        `Finish dates at 50% / 85% / 95%: ${dates(forecast.finish)} (${forecast.remainingIssues} issues remaining).`,
      '',
    );
    if (forecast.criticalChain.keys.length > 0) {
      lines.push(
        `Critical chain ${forecast.criticalChain.keys.join(' → ')}: ${chance(forecast.criticalChain.doneBySprintEnd)} ` +
          `likely done by the end; ${dates(forecast.criticalChain.finish)}.`,
      );
    }
    if (forecast.mostOftenLast) {
      lines.push(
        `${md(forecast.mostOftenLast.laneName)} most often finishes last (${percent(forecast.mostOftenLast.share)} of trials).`,
      );
    }
    lines.push('', '| lane | remaining | done by the end | 50% / 85% / 95% |', '| --- | ---: | ---: | --- |');
    for (const lane of forecast.lanes) {
      lines.push(
        `| ${md(lane.laneName)} | ${lane.remainingIssues} | ${chance(lane.doneBySprintEnd)} | ${dates(lane.finish)} |`,
      );
    }
    lines.push('');
  }
  if (view.labeling) {
    lines.push('## Labeling in items', '', md(view.labeling.note), '');
    for (const issue of view.labeling.issues) lines.push(`- ${labelingLine(issue)}`);
    lines.push('');
  }
  lines.push('## Capacity check', '');
  for (const lane of view.capacity) lines.push(`- ${md(lane.sentence)}`);
  lines.push('', '## Leading indicators', '');
  const labeling = view.indicators.labelingThroughput;
  if (labeling) {
    const trend = labeling.trend === null ? '' : `; last full week at ${percent(labeling.trend)} of that`;
    lines.push(`- Labeling throughput: ${labeling.perDay} done a working day${trend}.`);
  }
  const laneNames = new Map(view.capacity.map((lane) => [lane.lane, lane.laneName]));
  for (const issue of view.indicators.agingWork) {
    lines.push(
      `- Aging: ${issue.key} ${md(issue.summary)} — ${issue.ageDays} days in progress (${md(laneNames.get(issue.lane) ?? issue.lane)}: 85% of its work is done within ${issue.laneCycleTimeP85} days)`,
    );
  }
  const defects = view.indicators.defectEscapeRate;
  if (defects) lines.push(`- Defect escape: ${defects.defects} bugs on ${defects.doneIssues} done issues.`);
  if (view.backtest)
    lines.push(
      '',
      `Accuracy: ${md(view.backtest.sentence)} (Brier score ${view.backtest.brierScore.toFixed(2)}).`,
    );
  return `${lines.join('\n')}\n`;
}
