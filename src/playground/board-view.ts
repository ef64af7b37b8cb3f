import { z } from 'zod';
import { boardSetup, jqlString, type BoardQuery } from '../domain/board-setup';
import { getBoard, listBoards, listOpenSprints } from '../jira/agile';
import { findAppFields, type AppFieldIds } from '../jira/app-fields';
import { JiraClient } from '../jira/client';
import { listFields } from '../jira/fields';
import { searchIssueIds } from '../jira/issues';
import type { JiraRequest } from '../jira/seam';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';
import type {
  BoardCard,
  BoardColumn,
  BoardMoveRequest,
  BoardSwimlane,
  BoardView,
} from '../../static/playground/src/board-view-model';

/*
 * The playground's board page, read the way Jira draws a board configured with ML Lanes's board setup: the sprint's
 * issues in columns by status, swimlanes by the generated JQL (an issue sits in the first it matches), the quick
 * filters' JQL narrowing the cards, and the app's fields on each card. Every query runs on Jira's own search, so the
 * page shows what the index really wrote. A query Jira refuses is named in `problems`, never guessed.
 */

export interface BoardViewSource {
  read(options: { boardId?: number; quickFilters?: readonly string[] }): Promise<BoardView>;
  move(request: BoardMoveRequest): Promise<void>;
}

export interface BoardViewDeps {
  /** Jira as the person looking at the board. */
  jira: () => JiraRequest;
  configs: ConfigRepository;
  /** Index jobs not yet consumed, shown so the page knows when the fields have caught up. */
  indexPending?: () => number;
  /** Whether cards may be moved: on the simulator yes; on a real site the playground only reads. */
  allowMoves?: boolean;
}

/** Jira answers a board page within this, or the page says it timed out. */
const READ_BUDGET_MS = 20_000;
const CARDS_PER_FETCH = 100;
const MAX_CARDS = 500;

const columnConfigSchema = z.object({
  columnConfig: z.object({
    columns: z.array(z.object({ name: z.string(), statuses: z.array(z.object({ id: z.string() })) })),
  }),
});

const cardPageSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.looseObject({
        summary: z.string(),
        issuetype: z.object({ name: z.string() }).optional(),
        status: z.object({
          id: z.string(),
          name: z.string(),
          statusCategory: z.object({ key: z.string() }).optional(),
        }),
      }),
    }),
  ),
});

const transitionsSchema = z.object({
  transitions: z.array(z.object({ id: z.string(), name: z.string(), to: z.object({ name: z.string() }) })),
});

export function boardViewSource(deps: BoardViewDeps): BoardViewSource {
  const client = () => new JiraClient(deps.jira(), { deadline: Date.now() + READ_BUDGET_MS });
  return {
    read: (options) => readBoardView(client(), deps, options),
    move: (request) => {
      if (!deps.allowMoves) {
        return Promise.reject(
          new Error('The playground moves cards only on the Jira simulator, not on a real site.'),
        );
      }
      return moveIssue(client(), request);
    },
  };
}

async function readBoardView(
  client: JiraClient,
  deps: BoardViewDeps,
  options: { boardId?: number; quickFilters?: readonly string[] },
): Promise<BoardView> {
  const problems: string[] = [];
  const boardId = options.boardId ?? (await listBoards(client))[0]?.id;
  if (boardId === undefined) throw new Error('Jira has no board this user can see');
  const board = await getBoard(client, boardId);
  const projectKey = board.location?.projectKey ?? null;
  const [configuration, sprints, fields, loaded] = await Promise.all([
    client.call(
      'GET /rest/agile/1.0/board/{boardId}/configuration',
      'GET',
      `/rest/agile/1.0/board/${boardId}/configuration`,
      columnConfigSchema,
    ),
    board.type === 'scrum' ? listOpenSprints(client, boardId) : Promise.resolve([]),
    listFields(client),
    deps.configs.load(scopeOf(projectKey ?? undefined)),
  ]);
  const sprint = sprints.find((each) => each.state === 'active') ?? null;
  const boardJql = [
    ...(projectKey ? [`project = ${jqlString(projectKey)}`] : []),
    ...(sprint ? [`sprint = ${sprint.id}`] : []),
  ].join(' AND ');
  const lookup = findAppFields(fields);
  problems.push(...lookup.problems);
  const setup = boardSetup(loaded.config.lanes);
  const active = new Set(options.quickFilters ?? []);
  const unknownFilter = [...active].find((id) => !setup.quickFilters.some((filter) => filter.id === id));
  if (unknownFilter) problems.push(`There is no quick filter "${unknownFilter}"; it is left out.`);

  // Each query alone, then matched against the board's issues: the simulator's JQL has no parentheses to nest them.
  const matching = async (query: BoardQuery): Promise<Set<string> | null> => {
    try {
      const found = await searchIssueIds(client, query.jql);
      if (!found.complete)
        problems.push(`Jira's search for "${query.name}" stopped early; it may miss issues.`);
      return new Set(found.ids);
    } catch (error) {
      problems.push(`"${query.name}" (${query.jql}) could not be searched: ${(error as Error).message}`);
      return null;
    }
  };
  const filters = setup.quickFilters.filter((filter) => active.has(filter.id));
  const [onBoard, lanes, filtered, colours] = await Promise.all([
    searchIssueIds(client, boardJql || 'ORDER BY rank'),
    Promise.all(setup.swimlanes.map(matching)),
    Promise.all(filters.map(matching)),
    Promise.all(setup.cardColours.map(matching)),
  ]);
  if (!onBoard.complete) problems.push("Jira's search for the board's issues stopped early.");
  // A quick filter Jira could not search shows nothing, as Jira's board does with a broken filter.
  const shownIds = onBoard.ids.filter((id) => filtered.every((ids) => ids?.has(id) === true));
  if (shownIds.length > MAX_CARDS)
    problems.push(`Only the first ${MAX_CARDS} of ${shownIds.length} cards are shown.`);
  const cards = await fetchCards(client, shownIds.slice(0, MAX_CARDS), lookup.ids);

  const columns: BoardColumn[] = configuration.columnConfig.columns.map((column) => ({
    name: column.name,
    statusIds: column.statuses.map((status) => status.id),
  }));
  const columnOf = new Map(columns.flatMap((column, index) => column.statusIds.map((id) => [id, index])));
  const swimlanes: BoardSwimlane[] = setup.swimlanes.map((lane) => ({
    ...lane,
    cells: columns.map(() => []),
  }));
  const rest: BoardSwimlane = {
    id: 'everything-else',
    name: 'Everything else',
    jql: '',
    cells: columns.map(() => []),
  };
  for (const card of cards) {
    const column = columnOf.get(card.statusId);
    // A status mapped to no column is not on the board, as in Jira.
    if (column === undefined) continue;
    const colourAt = colours.findIndex((ids) => ids?.has(card.id) === true);
    const colour = setup.cardColours[colourAt];
    const laneAt = lanes.findIndex((ids) => ids?.has(card.id) === true);
    const swimlane = swimlanes[laneAt] ?? rest;
    swimlane.cells[column]?.push({
      ...card.card,
      colour: colour ? { id: colour.id, name: colour.name, colour: colour.colour } : null,
    });
  }
  if (rest.cells.some((cell) => cell.length > 0)) swimlanes.push(rest);
  return {
    board: { id: board.id, name: board.name, projectKey },
    sprint: sprint ? { id: sprint.id, name: sprint.name } : null,
    boardJql,
    columns,
    swimlanes,
    quickFilters: setup.quickFilters.map((filter) => ({ ...filter, active: active.has(filter.id) })),
    counts: { onBoard: onBoard.ids.length, shown: shownIds.length },
    indexPending: deps.indexPending?.() ?? 0,
    canMove: deps.allowMoves ?? false,
    problems,
  };
}

async function fetchCards(
  client: JiraClient,
  ids: readonly string[],
  fieldIds: AppFieldIds,
): Promise<{ id: string; statusId: string; card: Omit<BoardCard, 'colour'> }[]> {
  const appFields = [fieldIds.lane, fieldIds.handoff, fieldIds.dod].filter((id): id is string => !!id);
  const pages = [];
  for (let at = 0; at < ids.length; at += CARDS_PER_FETCH) {
    pages.push(
      client.call('POST /rest/api/3/issue/bulkfetch', 'POST', '/rest/api/3/issue/bulkfetch', cardPageSchema, {
        issueIdsOrKeys: ids.slice(at, at + CARDS_PER_FETCH),
        fields: ['summary', 'issuetype', 'status', ...appFields],
      }),
    );
  }
  const byId = new Map(
    (await Promise.all(pages)).flatMap((page) => page.issues).map((issue) => [issue.id, issue]),
  );
  const text = (fields: Record<string, unknown>, id: string | undefined) => {
    const value = id === undefined ? undefined : fields[id];
    return typeof value === 'string' && value.length > 0 ? value : null;
  };
  return ids.flatMap((id) => {
    const issue = byId.get(id);
    if (!issue) return [];
    const { fields } = issue;
    const category = fields.status.statusCategory?.key;
    return [
      {
        id,
        statusId: fields.status.id,
        card: {
          id,
          key: issue.key,
          summary: fields.summary,
          issueType: fields.issuetype?.name ?? 'Issue',
          status: fields.status.name,
          statusCategory:
            category === 'new' || category === 'indeterminate' || category === 'done'
              ? category
              : 'undefined',
          lane: text(fields, fieldIds.lane),
          handoff: text(fields, fieldIds.handoff),
          dod: text(fields, fieldIds.dod),
        },
      },
    ];
  });
}

/** Moves the issue through the workflow transition into `to`, as someone dragging the card in Jira does. */
async function moveIssue(client: JiraClient, request: BoardMoveRequest): Promise<void> {
  const key = encodeURIComponent(request.issueKey);
  const { transitions } = await client.call(
    'GET /rest/api/3/issue/{issueIdOrKey}/transitions',
    'GET',
    `/rest/api/3/issue/${key}/transitions`,
    transitionsSchema,
  );
  const transition = transitions.find((each) => each.to.name === request.to);
  if (!transition) {
    throw new Error(`${request.issueKey} has no transition to "${request.to}" (it may be there already)`);
  }
  await client.send(
    'POST /rest/api/3/issue/{issueIdOrKey}/transitions',
    'POST',
    `/rest/api/3/issue/${key}/transitions`,
    {
      transition: { id: transition.id },
    },
  );
}
