import type { PanelPlan } from '../contract/panel-plan';
import { buildPlan } from '../domain/plan';
import { getBoard, getSprint, type SprintSelector } from '../jira/agile';
import { loadPlanSnapshot } from '../jira/load-plan-snapshot';
import { jiraClientFor, type ResolverDeps } from './deps';
import { getPlanPayloadSchema, type ForgeContext } from './request';
import { toPanelPlan } from './to-panel-plan';
import { BadRequestError } from '../errors';

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
  const client = jiraClientFor(deps, context);
  // A sprint opened without its board: the sprint's own board, as Jira reports it.
  const boardId =
    request.boardId ??
    context.extension.board?.id ??
    (typeof sprint === 'number' ? (await getSprint(client, sprint)).originBoardId : undefined);
  if (boardId === undefined) {
    throw new BadRequestError('Open ML Lanes from a board or a sprint, or pick a board: no board was given.');
  }
  const board = await getBoard(client, boardId);
  // The board's project (as Jira says, not the browser) decides whether a project configuration applies.
  const { config } = await deps.configs.load({ projectKey: board.location?.projectKey });
  const snapshot = await loadPlanSnapshot(client, {
    site: context.siteUrl ?? '',
    boardId,
    sprint,
    config,
    board,
  });
  return toPanelPlan(buildPlan(snapshot, config));
}
