import type { BackgroundHistory } from '../app/background-history';
import { forecastOrReadInBackground } from '../app/forecast-sprint';
import type { ForecastAnswer } from '../contract/forecast-view';
import type { SprintSelector } from '../jira/agile';
import { jiraClientFor, type ResolverDeps } from './deps';
import { getForecastPayloadSchema, type ForgeContext } from './request';

/** The host may also hand large board histories to a background read (a Forge async event). */
export interface ForecastResolverDeps extends ResolverDeps {
  backgroundHistory?: BackgroundHistory;
}

/**
 * The planning panel's forecast of the sprint it plans, read as the user. The board's history is kept per person
 * for a few hours, so turning what-if controls does not read months of changelogs again. A history too large for
 * one resolver call is read in the background: the answer then says so, and the panel asks again.
 */
export async function getForecast(
  deps: ForecastResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ForecastAnswer> {
  const request = getForecastPayloadSchema.parse(payload);
  const sprint: SprintSelector = request.sprintId ?? context.extension.sprint?.id ?? 'default';
  const today = deps.today?.() ?? new Date();
  return forecastOrReadInBackground(
    {
      client: jiraClientFor(deps, context),
      configs: deps.configs,
      now: () => today,
      ...(deps.historyCache && context.accountId
        ? {
            history: {
              cache: deps.historyCache,
              accountId: context.accountId,
              ...(deps.backgroundHistory ? { background: deps.backgroundHistory } : {}),
            },
          }
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
