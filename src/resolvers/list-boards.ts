import { listBoardChoices } from '../app/list-boards';
import type { BoardChoice } from '../contract/resolver-api';
import { jiraClientFor, type ResolverDeps } from './deps';
import { listBoardsPayloadSchema, type ForgeContext } from './request';

/** Boards for the project page's pickers: the payload's project, else the page's own. */
export async function listBoards(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<BoardChoice[]> {
  const request = listBoardsPayloadSchema.parse(payload);
  const projectKey = request.projectKey ?? context.extension.project?.key;
  return listBoardChoices({ client: jiraClientFor(deps, context) }, projectKey);
}
