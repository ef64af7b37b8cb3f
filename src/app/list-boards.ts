import type { BoardChoice } from '../contract/resolver-api';
import { listBoards, listOpenSprints } from '../jira/agile';
import type { JiraClient } from '../jira/client';

/** Boards for the project page's pickers (one project's, when given), each scrum board with its open sprints. */
export async function listBoardChoices(
  deps: { client: JiraClient },
  projectKey: string | undefined,
): Promise<BoardChoice[]> {
  const { client } = deps;
  const boards = await listBoards(client, projectKey);
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
