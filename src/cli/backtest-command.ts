/** What `ml-lanes backtest` does: replays the forecast over the board's recent closed sprints. */
import { backtestBoard } from '../app/backtest-board';
import { defaultConfig } from '../config/defaults';
import type { BacktestReport } from '../contract/forecast-view';
import { JiraError } from '../errors';
import { JiraClient } from '../jira/client';
import type { CliCommand } from './args';
import { credentials, describeRetry, loadConfigFile } from './commands';
import { CliFailure, EXIT_JIRA } from './failure';
import { createNodeHttpSeam } from './http-seam';
import { md } from './markdown';
import { explainJiraError, oneLine } from './messages';
import { writeJson } from './plan-json';
import type { CliIo } from './run';

export async function backtest(command: Extract<CliCommand, { kind: 'backtest' }>, io: CliIo): Promise<void> {
  const config = command.configFile ? await loadConfigFile(command.configFile, '--config') : defaultConfig();
  const client = new JiraClient(createNodeHttpSeam({ site: command.site, ...credentials(io.env) }), {
    requestTimeoutMs: command.timeoutMs,
    deadline: Date.now() + command.deadlineMs,
    onRetry: (notice) => io.stderr(`ml-lanes: ${describeRetry(notice)}\n`),
  });
  let report: BacktestReport;
  try {
    report = await backtestBoard(
      { client, config },
      {
        site: command.site,
        boardId: command.boardId,
        sprints: command.sprints,
        historyDays: command.historyDays,
        trials: command.trials,
        seed: command.seed ?? command.boardId,
        ...(command.asOf === null ? {} : { asOf: command.asOf }),
      },
    );
  } catch (error) {
    client.abort(error instanceof Error ? error : new Error(String(error)));
    if (error instanceof JiraError) throw new CliFailure(explainJiraError(error, command), EXIT_JIRA);
    throw error;
  }
  for (const warning of report.warnings) io.stderr(`ml-lanes: warning: ${oneLine(warning)}\n`);
  if (command.format === 'json') {
    writeJson(report, io.stdout);
    io.stdout('\n');
  } else {
    io.stdout(renderBacktestMarkdown(report));
  }
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
