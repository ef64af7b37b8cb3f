import type { BoardChoice } from '../contract/resolver-api';
import { listBoards as listJiraBoards, listOpenSprints } from '../jira/agile';
import { jiraClientFor, type ResolverDeps } from './deps';
import { listBoardsPayloadSchema, type ForgeContext } from './request';

/** Boards for the project page's pickers, each scrum board with its active and future sprints. */
export async function listBoards(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<BoardChoice[]> {
  const request = listBoardsPayloadSchema.parse(payload);
  const client = jiraClientFor(deps, context);
  const projectKey = request.projectKey ?? context.extension.project?.key;
  const boards = await listJiraBoards(client, projectKey);
  return Promise.all(
    boards.map(async (board) => ({
      id: board.id,
      name: board.name,
      type: board.type,
      projectKey: board.location?.projectKey ?? null,
      sprints:
        board.type === 'scrum'
          ? (await listOpenSprints(client, board.id)).map(({ id, name, state }) => ({ id, name, state }))
          : [],
    })),
  );
}
