import { forecastSprint } from '../app/forecast-sprint';
import type { ForecastView } from '../contract/forecast-view';
import type { SprintSelector } from '../jira/agile';
import { jiraClientFor, type ResolverDeps } from './deps';
import { getForecastPayloadSchema, type ForgeContext } from './request';

/**
 * The planning panel's forecast of the sprint it plans, read as the user. The board's history is kept per person
 * for a few hours, so turning what-if controls does not read months of changelogs again.
 */
export async function getForecast(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ForecastView> {
  const request = getForecastPayloadSchema.parse(payload);
  const sprint: SprintSelector = request.sprintId ?? context.extension.sprint?.id ?? 'default';
  const today = deps.today?.() ?? new Date();
  return forecastSprint(
    {
      client: jiraClientFor(deps, context),
      configs: deps.configs,
      now: () => today,
      ...(deps.historyCache && context.accountId
        ? { history: { cache: deps.historyCache, accountId: context.accountId } }
        : {}),
    },
    {
      site: context.siteUrl ?? '',
      boardId: request.boardId ?? context.extension.board?.id,
      sprint,
      ...(request.whatIf ? { whatIf: request.whatIf } : {}),
      ...(request.refreshHistory ? { refreshHistory: true } : {}),
    },
  );
}
