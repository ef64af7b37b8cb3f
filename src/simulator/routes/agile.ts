import { renderBoard, renderBoardConfiguration, renderSprint } from '../render/agile';
import { jiraError, ok, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import type { WorkspaceBoard } from '../workspace';

/** Jira Software: board, board configuration, board sprints (offset paging), sprint. */

const BOARD_NOT_FOUND = 'Board does not exist or you do not have permission to see it.';
const STATES = ['closed', 'active', 'future'] as const;

function findBoard(ctx: RequestContext): WorkspaceBoard | undefined {
  const id = ctx.params.boardId ?? '';
  return /^\d+$/.test(id) ? ctx.site.boards.get(Number(id)) : undefined;
}

/** GET /rest/agile/1.0/board: boards the user can see, optionally of one project; offset paging. */
export function listBoards(ctx: RequestContext): Reply {
  const project = ctx.query.get('projectKeyOrId');
  const startAt = intParam(ctx.query.get('startAt'), 0);
  const maxResults = intParam(ctx.query.get('maxResults'), 50);
  if (startAt === undefined || maxResults === undefined) {
    return jiraError(400, ['startAt and maxResults must be non-negative integers.']);
  }
  const projectKey =
    project === null ? null : ctx.site.ws.projects.find((p) => p.key === project || p.id === project)?.key;
  if (project !== null && !projectKey)
    return jiraError(400, [`No project could be found with key or id '${project}'.`]);
  const boards = [...ctx.site.boards.values()].filter(
    (board) => projectKey == null || board.projectKey === projectKey,
  );
  const pageSize = Math.min(Math.max(maxResults, 1), 50);
  const values = boards.slice(startAt, startAt + pageSize);
  return ok({
    maxResults: pageSize,
    startAt,
    total: boards.length,
    isLast: startAt + pageSize >= boards.length,
    values: values.map((board) => renderBoard(ctx.site, ctx.base, board)),
  });
}

export function getBoard(ctx: RequestContext): Reply {
  const board = findBoard(ctx);
  return board ? ok(renderBoard(ctx.site, ctx.base, board)) : jiraError(404, [BOARD_NOT_FOUND]);
}

export function getBoardConfiguration(ctx: RequestContext): Reply {
  const board = findBoard(ctx);
  return board ? ok(renderBoardConfiguration(ctx.site, ctx.base, board)) : jiraError(404, [BOARD_NOT_FOUND]);
}

export function getBoardSprints(ctx: RequestContext): Reply {
  const board = findBoard(ctx);
  if (!board) return jiraError(404, [BOARD_NOT_FOUND]);
  if (board.type !== 'scrum') return jiraError(400, ['The board does not support sprints']);
  const stateParam = ctx.query.get('state');
  const states = stateParam === null ? [...STATES] : stateParam.split(',').map((s) => s.trim().toLowerCase());
  const badState = states.find((s) => !(STATES as readonly string[]).includes(s));
  if (badState !== undefined) return jiraError(400, [`The sprint state '${badState}' is not valid.`]);
  const startAt = intParam(ctx.query.get('startAt'), 0);
  const maxResults = intParam(ctx.query.get('maxResults'), 50);
  if (startAt === undefined || maxResults === undefined) {
    return jiraError(400, ['startAt and maxResults must be non-negative integers.']);
  }
  // Jira orders sprints by state (closed, active, future), then by their position on the board.
  const sprints = STATES.flatMap((state) =>
    states.includes(state)
      ? ctx.site.ws.sprints.filter((s) => s.boardId === board.id && s.state === state)
      : [],
  );
  const pageSize = Math.min(Math.max(maxResults, 1), ctx.limits.maxSprintPageSize);
  const values = sprints.slice(startAt, startAt + pageSize);
  return ok({
    maxResults: pageSize,
    startAt,
    isLast: startAt + pageSize >= sprints.length,
    values: values.map((s) => renderSprint(ctx.base, s)),
  });
}

export function getSprint(ctx: RequestContext): Reply {
  const id = ctx.params.sprintId ?? '';
  const sprint = /^\d+$/.test(id) ? ctx.site.sprints.get(Number(id)) : undefined;
  if (!sprint)
    return jiraError(404, [`Sprint with id ${id} does not exist or you do not have permission to see it.`]);
  return ok(renderSprint(ctx.base, sprint));
}

function intParam(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}
