import { planSprint } from '../app/plan-sprint';
import type { PanelPlan } from '../contract/panel-plan';
import type { SprintSelector } from '../jira/agile';
import { jiraClientFor, type ResolverDeps } from './deps';
import { getPlanPayloadSchema, type ForgeContext } from './request';
import { toPanelPlan } from './to-panel-plan';

/**
 * The planning panel's data for one sprint. The board and sprint come from the picker (payload) or from the
 * module the panel was opened in (sprint action, board action); either way Jira, asked as the user, decides
 * whether they exist and may be seen.
 */
export async function getPlan(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<PanelPlan> {
  const request = getPlanPayloadSchema.parse(payload);
  const sprint: SprintSelector = request.sprintId ?? context.extension.sprint?.id ?? 'default';
  const plan = await planSprint(
    { client: jiraClientFor(deps, context), configs: deps.configs },
    { site: context.siteUrl ?? '', boardId: request.boardId ?? context.extension.board?.id, sprint },
  );
  return toPanelPlan(plan);
}
