import type {
  BoardSetupQuery,
  BoardSetupView,
  IndexStatusView,
  JqlVerdict,
  ReindexResult,
} from '../contract/board-setup-api';
import { boardSetup, setupQueries, type BoardQuery } from '../domain/board-setup';
import { JiraError, NotFoundError } from '../errors';
import { getBoard } from '../jira/agile';
import { resolveAppFields } from '../jira/app-fields';
import type { JiraClient } from '../jira/client';
import { checkJqlQueries, type JqlCheck } from '../jira/jql-parse';
import { isJiraAdmin } from '../jira/permissions';
import type { JiraRequest } from '../jira/seam';
import type { BoardIndexStore, IndexStatus } from '../storage/board-index-store';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';
import { requireJiraAdmin } from './admin-guard';
import { reconcileIndex, type IndexQueue } from './index-events';

/** What "re-index now" needs: the index's store, its queue, and Jira as the app (the index reads as the app). */
export interface BoardIndexAccess {
  index: BoardIndexStore;
  queue: IndexQueue;
  jiraAsApp: () => JiraRequest;
}

export interface BoardSetupDeps {
  /** Jira as the person looking: the board, /jql/parse and the fields are what they can see. */
  client: JiraClient;
  configs: ConfigRepository;
  boardIndex?: BoardIndexAccess;
}

/**
 * A board's setup: the JQL for its project's lanes, each query as Jira judges it for this person, the app's fields
 * on the site, and the index's status. A part Jira could not answer is left unchecked and named, never guessed.
 */
export async function readBoardSetup(deps: BoardSetupDeps, boardId: number): Promise<BoardSetupView> {
  const { client } = deps;
  const board = await getBoard(client, boardId);
  const projectKey = board.location?.projectKey ?? null;
  const loaded = await deps.configs.load(scopeOf(projectKey ?? undefined));
  const setup = boardSetup(loaded.config.lanes);
  const [checks, fields, canReindex, status] = await Promise.all([
    answerOrReason(() => checkJqlQueries(client, setupQueries(setup))),
    answerOrReason(() => resolveAppFields(client)),
    deps.boardIndex
      ? answerOrReason(() => isJiraAdmin(client)).then((answer) => answer.ok && answer.value)
      : false,
    deps.boardIndex?.index.status() ?? null,
  ]);
  const verdicts = new Map<string, JqlCheck>(
    checks.ok ? checks.value.map((check) => [check.query, check]) : [],
  );
  const withVerdict = (query: BoardQuery): BoardSetupQuery => ({
    ...query,
    verdict: verdictOf(verdicts, query),
  });
  const lookup = fields.ok ? fields.value : null;
  return {
    board: { id: board.id, name: board.name, type: board.type, projectKey },
    lanesFrom:
      loaded.source === 'saved' && projectKey
        ? `the ${projectKey} configuration`
        : loaded.source === 'defaults'
          ? 'the built-in lanes (nothing is saved yet)'
          : 'the site configuration',
    swimlanes: setup.swimlanes.map(withVerdict),
    quickFilters: setup.quickFilters.map(withVerdict),
    cardColours: setup.cardColours.map((colour) => ({ ...colour, verdict: verdictOf(verdicts, colour) })),
    cardFields: setup.cardFields.map((field) => ({
      ...field,
      state: !lookup
        ? 'unknown'
        : lookup.ids[field.role]
          ? 'present'
          : lookup.missing.includes(field.role)
            ? 'missing'
            : 'ambiguous',
      fieldId: lookup?.ids[field.role] ?? null,
    })),
    jqlProblem: checks.ok ? null : `Jira did not check the queries: ${checks.reason}`,
    fieldProblems: lookup
      ? lookup.problems
      : [`The site's fields could not be read: ${fields.ok ? '' : fields.reason}`],
    index: status ? statusView(status) : null,
    canReindex,
  };
}

/**
 * "Re-index now": every issue in open sprints onto the index's queue, as the daily reconcile does. Jira admins only,
 * asked of Jira as the caller; the consumer does the work within its own time limit.
 */
export async function reindexNow(deps: {
  client: JiraClient;
  boardIndex?: BoardIndexAccess;
  now?: () => number;
}): Promise<ReindexResult> {
  await requireJiraAdmin(deps.client, 'Only Jira administrators can re-index the board index.');
  const access = deps.boardIndex;
  if (!access) throw new NotFoundError('This host keeps no board index to re-index.');
  const run = await reconcileIndex({
    jira: access.jiraAsApp(),
    queue: access.queue,
    index: access.index,
    ...(deps.now ? { now: deps.now } : {}),
  });
  return {
    issuesQueued: run.issues,
    jobs: run.jobs,
    complete: run.complete,
    index: statusView(await access.index.status()),
  };
}

function verdictOf(verdicts: ReadonlyMap<string, JqlCheck>, query: BoardQuery): JqlVerdict {
  const check = verdicts.get(query.jql);
  if (!check) return { status: 'unchecked' };
  return check.ok
    ? { status: 'valid', warnings: check.warnings }
    : { status: 'invalid', errors: check.errors, warnings: check.warnings };
}

function statusView(status: IndexStatus): IndexStatusView {
  return { ...status, lastErrors: [...status.lastErrors] };
}

type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Jira failing one part leaves the others standing, with the reason in words; anything else is a bug and throws. */
async function answerOrReason<T>(ask: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await ask() };
  } catch (error) {
    if (error instanceof JiraError) return { ok: false, reason: error.message };
    throw error;
  }
}
