import type { JiraClient } from './client';
import {
  boardConfigurationSchema,
  boardPageSchema,
  boardSchema,
  sprintPageSchema,
  sprintSchema,
  type JiraBoard,
  type JiraSprint,
} from './schemas';
import { JiraError, NoSprintError } from '../errors';

/** Which sprint to plan: an id, the active one, the next (first future) one, or active-else-next. */
export type SprintSelector = number | 'active' | 'next' | 'default';

export async function getBoard(client: JiraClient, boardId: number) {
  try {
    return await client.call(
      'GET /rest/agile/1.0/board/{boardId}',
      'GET',
      `/rest/agile/1.0/board/${boardId}`,
      boardSchema,
    );
  } catch (error) {
    throw renameNotFound(error, `board ${boardId} not found (or you cannot see it)`);
  }
}

/** Every board the user can see (of one project, when given), following offset paging. */
export async function listBoards(client: JiraClient, projectKey?: string): Promise<JiraBoard[]> {
  const boards: JiraBoard[] = [];
  const project = projectKey ? `&projectKeyOrId=${encodeURIComponent(projectKey)}` : '';
  for (;;) {
    const page = await client.call(
      'GET /rest/agile/1.0/board',
      'GET',
      `/rest/agile/1.0/board?startAt=${boards.length}&maxResults=50${project}`,
      boardPageSchema,
    );
    boards.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return boards;
  }
}

export function getBoardConfiguration(client: JiraClient, boardId: number) {
  return client.call(
    'GET /rest/agile/1.0/board/{boardId}/configuration',
    'GET',
    `/rest/agile/1.0/board/${boardId}/configuration`,
    boardConfigurationSchema,
  );
}

/** Every active and future sprint of a board, following Jira's offset paging to the end. */
export async function listOpenSprints(client: JiraClient, boardId: number): Promise<JiraSprint[]> {
  const sprints: JiraSprint[] = [];
  for (;;) {
    const page = await client.call(
      'GET /rest/agile/1.0/board/{boardId}/sprint',
      'GET',
      `/rest/agile/1.0/board/${boardId}/sprint?state=active,future&startAt=${sprints.length}&maxResults=50`,
      sprintPageSchema,
    );
    sprints.push(...page.values);
    // Never trust maxResults: stop only when Jira says this is the last page (or sends nothing more).
    if (page.isLast !== false || page.values.length === 0) return sprints;
  }
}

export async function getSprint(client: JiraClient, sprintId: number): Promise<JiraSprint> {
  try {
    return await client.call(
      'GET /rest/agile/1.0/sprint/{sprintId}',
      'GET',
      `/rest/agile/1.0/sprint/${sprintId}`,
      sprintSchema,
    );
  } catch (error) {
    throw renameNotFound(error, `sprint ${sprintId} not found (or you cannot see it)`);
  }
}

/**
 * Finds the sprint to plan on a scrum board; a kanban board or a board without open sprints is a clear error.
 * `openSprints` is the board's list of open sprints when the caller asked for it already.
 */
export async function resolveSprint(
  client: JiraClient,
  board: { id: number; name: string; type: string },
  selector: SprintSelector,
  openSprints?: Promise<JiraSprint[]>,
): Promise<JiraSprint> {
  if (typeof selector === 'number') return getSprint(client, selector);
  if (board.type !== 'scrum') {
    throw new NoSprintError(
      `board ${board.id} (${board.name}) is a ${board.type} board: it has no sprints to plan`,
    );
  }
  const sprints = await (openSprints ?? listOpenSprints(client, board.id));
  const active = sprints.find((sprint) => sprint.state === 'active');
  const next = sprints.find((sprint) => sprint.state === 'future');
  const chosen = selector === 'active' ? active : selector === 'next' ? next : (active ?? next);
  if (chosen) return chosen;
  const wanted =
    selector === 'active'
      ? 'active sprint'
      : selector === 'next'
        ? 'future sprint'
        : 'active or future sprint';
  throw new NoSprintError(`board ${board.id} (${board.name}) has no ${wanted}`);
}

function renameNotFound(error: unknown, message: string): unknown {
  if (error instanceof JiraError && error.code === 'not-found') {
    return new JiraError('not-found', message, error.status, error.endpoint);
  }
  return error;
}
