/** What `ml-lanes forecast` does: the planning panel's forecast, headless. Loaded only when it runs. */
import { forecastSprint } from '../app/forecast-sprint';
import { defaultConfig } from '../config/defaults';
import type { ForecastView } from '../contract/forecast-view';
import { JiraError } from '../errors';
import { JiraClient } from '../jira/client';
import type { CliCommand } from './args';
import { credentials, describeRetry, loadConfigFile } from './commands';
import { CliFailure, EXIT_JIRA } from './failure';
import { renderForecastMarkdown } from './forecast-markdown';
import { createNodeHttpSeam } from './http-seam';
import { explainJiraError, oneLine } from './messages';
import { writeJson } from './plan-json';
import type { CliIo } from './run';

export async function forecast(command: Extract<CliCommand, { kind: 'forecast' }>, io: CliIo): Promise<void> {
  const config = command.configFile ? await loadConfigFile(command.configFile, '--config') : defaultConfig();
  const client = new JiraClient(createNodeHttpSeam({ site: command.site, ...credentials(io.env) }), {
    requestTimeoutMs: command.timeoutMs,
    deadline: Date.now() + command.deadlineMs,
    onRetry: (notice) => io.stderr(`ml-lanes: ${describeRetry(notice)}\n`),
  });
  let view: ForecastView;
  try {
    view = await forecastSprint(
      { client, config },
      {
        site: command.site,
        boardId: command.boardId,
        sprint: command.sprint,
        historyDays: command.historyDays,
        trials: command.trials,
        ...(command.seed === null ? {} : { seed: command.seed }),
        ...(command.asOf === null ? {} : { asOf: command.asOf }),
      },
    );
  } catch (error) {
    // The error line must be the last word: nothing queued or in flight may run (or print) after it.
    client.abort(error instanceof Error ? error : new Error(String(error)));
    if (error instanceof JiraError) throw new CliFailure(explainJiraError(error, command), EXIT_JIRA);
    throw error;
  }
  for (const warning of view.warnings) io.stderr(`ml-lanes: warning: ${oneLine(warning)}\n`);
  if (command.format === 'json') {
    writeJson(view, io.stdout);
    io.stdout('\n');
  } else {
    io.stdout(renderForecastMarkdown(view));
  }
}
