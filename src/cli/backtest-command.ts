/** What `ml-lanes backtest` does: replays the forecast over the board's recent closed sprints. */
import { backtestBoard } from '../app/backtest-board';
import type { BacktestReport } from '../contract/forecast-view';
import type { CliCommand } from './args';
import { runJiraCommand } from './commands';
import { md } from './markdown';
import type { CliIo } from './run';

export function backtest(command: Extract<CliCommand, { kind: 'backtest' }>, io: CliIo): Promise<void> {
  return runJiraCommand(
    command,
    io,
    (deps) =>
      backtestBoard(deps, {
        site: command.site,
        boardId: command.boardId,
        sprints: command.sprints,
        historyDays: command.historyDays,
        trials: command.trials,
        seed: command.seed ?? command.boardId,
        ...(command.asOf === null ? {} : { asOf: command.asOf }),
      }),
    renderBacktestMarkdown,
  );
}

function renderBacktestMarkdown(report: BacktestReport): string {
  const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);
  const lines = [
    `# ${md(report.boardName)} — ML Lanes backtest`,
    '',
    `Board ${report.boardId} · each sprint forecast at its start from the ${report.historyDays} days before it · ` +
      `${report.trials.toLocaleString('en')} trials, seed ${report.seed}`,
    '',
    report.score
      ? `**${md(report.score.sentence)}** (Brier score ${report.score.brierScore.toFixed(2)}: 0 is perfect, 0.25 a coin toss).`
      : '**No sprint had enough history before it to forecast.**',
    '',
    '| sprint | last day | forecast 85% date | done by the end (forecast) | finished on |',
    '| --- | --- | --- | ---: | --- |',
    ...report.sprints.map(
      (sprint) =>
        `| ${md(sprint.sprintName)} | ${sprint.sprintEnd} | ${sprint.p85 ?? 'n/a'} | ${percent(sprint.doneBySprintEnd)} | ` +
        `${sprint.finishedOn ?? 'work left over'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
