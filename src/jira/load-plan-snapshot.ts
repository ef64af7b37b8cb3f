import type { MlLanesConfig } from '../config/schema';
import type { Dependency, IssueSnapshot, PlanSnapshot } from '../domain/snapshot';
import {
  getBoard,
  getBoardConfiguration,
  getSprint,
  listOpenSprints,
  resolveSprint,
  type SprintSelector,
} from './agile';
import type { JiraClient } from './client';
import type { JiraBoard, JiraIssue, JiraSprint } from './schemas';
import { buildFieldCatalog, listFields } from './fields';
import { BULK_FETCH_SIZE, bulkFetchIssues, searchIssueIds, type BulkFetchResult } from './issues';
import {
  ML_LANES_PROPERTIES,
  hiddenIssue,
  readDependencies,
  requestedFields,
  toIssueSnapshot,
} from './to-snapshot';
import { sprintWarnings } from './scope-warnings';

export interface PlanScopeRequest {
  /** The site's base URL, shown in the plan. */
  site: string;
  boardId: number;
  sprint: SprintSelector;
  config: MlLanesConfig;
  /** The board, when the caller has read it already (to pick its project's configuration). */
  board?: JiraBoard;
}

/**
 * Reads one sprint from Jira as the domain snapshot: the sprint's issues, plus every issue they reach through a
 * dependency link (one hop), all fetched in batches. Issues Jira lists in a link but will not return are kept
 * as hidden; issues Jira never showed this user never appear.
 *
 * Round trips are what a plan waits for at real latencies, so the sprint is looked up alongside the board, and
 * linked issues outside the sprint are fetched as soon as a batch of them is known, while the sprint's own
 * batches still arrive.
 */
export async function loadPlanSnapshot(client: JiraClient, request: PlanScopeRequest): Promise<PlanSnapshot> {
  const early = lookUpSprintEarly(client, request.boardId, request.sprint);
  const [board, boardConfiguration, fields] = await Promise.all([
    request.board ?? getBoard(client, request.boardId),
    getBoardConfiguration(client, request.boardId),
    listFields(client),
  ]);
  const sprint = await early(board);
  const estimation = boardConfiguration.estimation;
  const catalog = buildFieldCatalog(
    fields,
    request.config,
    estimation?.type === 'field' ? (estimation.field?.fieldId ?? null) : null,
  );
  const properties = ML_LANES_PROPERTIES;

  const search = await searchIssueIds(client, `sprint = ${sprint.id} ORDER BY Rank ASC`);
  const sprintIssueIds = search.ids;
  const sprintIds = new Set(sprintIssueIds);
  const outsideFetch = new OutsideFetch(
    client,
    { fields: requestedFields(catalog, true), properties },
    (issue) => toIssueSnapshot(issue, catalog, false),
  );
  const inScopeRequest = { fields: requestedFields(catalog, false), properties };
  const inScope = await bulkFetchIssues(
    client,
    sprintIssueIds,
    inScopeRequest,
    (issue) => {
      const item = {
        snapshot: toIssueSnapshot(issue, catalog, true),
        ...readDependencies(issue, request.config.dependencyLinkTypes),
      };
      for (const linked of item.linked) if (!sprintIds.has(linked.id)) outsideFetch.add(linked.id);
      return item;
    },
    { askAgainForMissing: true },
  );
  // Only after success: a failed fetch has stopped the client, and nothing more may be asked of Jira.
  outsideFetch.close();

  const warnings = sprintWarnings(sprintIssueIds.length, search.complete, inScope);
  const issues: IssueSnapshot[] = inScope.items.map((item) => item.snapshot);
  const knownKeys = new Set(issues.map((issue) => issue.key));
  // A sprint issue Jira did not hand over is unknown, not outside the sprint nor hidden: leave its handoffs out
  // (the warnings name it) rather than fetch it again as an "outside" issue.
  const notLoadedIds = new Set([...inScope.missingIds, ...inScope.unfetchedIds]);
  const notLoadedKeys = new Set<string>();
  // In the order the sprint's issues list them, whatever order their batches arrived in.
  const outsideById = new Map<string, string>();
  for (const linked of inScope.items.flatMap((item) => item.linked)) {
    if (notLoadedIds.has(linked.id)) notLoadedKeys.add(linked.key);
    else if (!sprintIds.has(linked.id) && !knownKeys.has(linked.key)) outsideById.set(linked.id, linked.key);
  }
  let dependencies: Dependency[] = inScope.items
    .flatMap((item) => item.dependencies)
    .filter(
      (dependency) => !notLoadedKeys.has(dependency.upstream) && !notLoadedKeys.has(dependency.downstream),
    );

  const outside = await outsideFetch.result();
  const rank = new Map([...outsideById.values()].map((key, index) => [key, index]));
  const outsideIssues = outside.items
    .filter((issue) => rank.has(issue.key))
    .sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  for (const issue of outsideIssues) {
    issues.push(issue);
    knownKeys.add(issue.key);
  }
  const missing = new Set(outside.missingIds);
  for (const [id, key] of outsideById) {
    if (missing.has(id) && !knownKeys.has(key)) {
      issues.push(hiddenIssue(key));
      knownKeys.add(key);
    }
  }
  const unfetched = outside.unfetchedIds.filter((id) => outsideById.has(id));
  if (unfetched.length > 0) {
    // Unknown is not hidden: leave these handoffs out and say so, rather than report them as blocked.
    const unfetchedKeys = new Set(unfetched.map((id) => outsideById.get(id)));
    dependencies = dependencies.filter(
      (dependency) => !unfetchedKeys.has(dependency.upstream) && !unfetchedKeys.has(dependency.downstream),
    );
    warnings.push(
      `${unfetched.length} linked issues outside the sprint could not be loaded in time; their handoffs are not shown`,
    );
  }

  return {
    site: request.site,
    board: { id: board.id, name: board.name },
    sprint: {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      goal: sprint.goal ?? null,
      startDate: sprint.startDate ?? null,
      endDate: sprint.endDate ?? null,
    },
    issues,
    dependencies,
    siteFields: catalog.siteFields,
    warnings,
  };
}

/**
 * Starts the sprint look-up in the same round trip as the board: a sprint id needs no board to be found, and the
 * list of open sprints is asked for at once and used only if the board turns out to be a scrum board (a kanban
 * board refuses the question; that answer is then ignored). One request either way, awaited or observed.
 */
function lookUpSprintEarly(
  client: JiraClient,
  boardId: number,
  selector: SprintSelector,
): (board: JiraBoard) => Promise<JiraSprint> {
  if (typeof selector === 'number') {
    const sprint = getSprint(client, selector);
    sprint.catch(() => undefined);
    return () => sprint;
  }
  const sprints = listOpenSprints(client, boardId);
  sprints.catch(() => undefined);
  return (board) => resolveSprint(client, board, selector, sprints);
}

/**
 * Linked issues outside the sprint, fetched in batches of 100 as their ids turn up while the sprint's own batches
 * arrive (rather than in one more round trip after them). Each id is asked for once.
 */
class OutsideFetch {
  private readonly seen = new Set<string>();
  private pending: string[] = [];
  private readonly batches: Promise<BulkFetchResult<IssueSnapshot>>[] = [];

  constructor(
    private readonly client: JiraClient,
    private readonly request: { fields: readonly string[]; properties: readonly string[] },
    private readonly read: (issue: JiraIssue) => IssueSnapshot,
  ) {}

  add(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.pending.push(id);
    if (this.pending.length >= BULK_FETCH_SIZE) this.flush();
  }

  /** No more ids: the last, partial batch goes out. */
  close(): void {
    this.flush();
  }

  async result(): Promise<BulkFetchResult<IssueSnapshot>> {
    const results = await Promise.all(this.batches);
    return {
      items: results.flatMap((each) => each.items),
      missingIds: results.flatMap((each) => each.missingIds),
      missingReasons: [...new Set(results.flatMap((each) => each.missingReasons))],
      unfetchedIds: results.flatMap((each) => each.unfetchedIds),
    };
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const batch = bulkFetchIssues(this.client, this.pending, this.request, this.read);
    // Observed now: if the sprint's own fetch fails first, nobody awaits this one.
    batch.catch(() => undefined);
    this.batches.push(batch);
    this.pending = [];
  }
}
