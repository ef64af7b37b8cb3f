/** What `ml-lanes forecast` does: the planning panel's forecast, headless. Loaded only when it runs. */
import { forecastSprint } from '../app/forecast-sprint';
import type { CliCommand } from './args';
import { runJiraCommand } from './commands';
import { renderForecastMarkdown } from './forecast-markdown';
import type { CliIo } from './run';

export function forecast(command: Extract<CliCommand, { kind: 'forecast' }>, io: CliIo): Promise<void> {
  return runJiraCommand(
    command,
    io,
    (deps) =>
      forecastSprint(deps, {
        site: command.site,
        boardId: command.boardId,
        sprint: command.sprint,
        historyDays: command.historyDays,
        trials: command.trials,
        ...(command.seed === null ? {} : { seed: command.seed }),
        ...(command.asOf === null ? {} : { asOf: command.asOf }),
      }),
    renderForecastMarkdown,
  );
}
