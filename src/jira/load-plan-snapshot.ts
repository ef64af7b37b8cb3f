import type { MlLanesConfig } from '../config/schema';
import type { Dependency, IssueSnapshot, PlanSnapshot } from '../domain/snapshot';
import { getBoard, getBoardConfiguration, resolveSprint, type SprintSelector } from './agile';
import type { JiraClient } from './client';
import type { JiraBoard } from './schemas';
import { buildFieldCatalog, listFields } from './fields';
import { bulkFetchIssues, searchIssueIds } from './issues';
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
 */
export async function loadPlanSnapshot(client: JiraClient, request: PlanScopeRequest): Promise<PlanSnapshot> {
  const [board, boardConfiguration, fields] = await Promise.all([
    request.board ?? getBoard(client, request.boardId),
    getBoardConfiguration(client, request.boardId),
    listFields(client),
  ]);
  const sprint = await resolveSprint(client, board, request.sprint);
  const estimation = boardConfiguration.estimation;
  const catalog = buildFieldCatalog(
    fields,
    request.config,
    estimation?.type === 'field' ? (estimation.field?.fieldId ?? null) : null,
  );
  const properties = ML_LANES_PROPERTIES;

  const search = await searchIssueIds(client, `sprint = ${sprint.id} ORDER BY Rank ASC`);
  const sprintIssueIds = search.ids;
  const inScopeRequest = { fields: requestedFields(catalog, false), properties };
  const inScope = await bulkFetchIssues(
    client,
    sprintIssueIds,
    inScopeRequest,
    (issue) => ({
      snapshot: toIssueSnapshot(issue, catalog, true),
      ...readDependencies(issue, request.config.dependencyLinkTypes),
    }),
    { askAgainForMissing: true },
  );

  const warnings = sprintWarnings(sprintIssueIds.length, search.complete, inScope);
  const issues: IssueSnapshot[] = inScope.items.map((item) => item.snapshot);
  const knownKeys = new Set(issues.map((issue) => issue.key));
  // A sprint issue Jira did not hand over is unknown, not outside the sprint nor hidden: leave its handoffs out
  // (the warnings name it) rather than fetch it again as an "outside" issue.
  const sprintIds = new Set(sprintIssueIds);
  const notLoadedIds = new Set([...inScope.missingIds, ...inScope.unfetchedIds]);
  const notLoadedKeys = new Set<string>();
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

  const outsideRequest = { fields: requestedFields(catalog, true), properties };
  const outside = await bulkFetchIssues(client, [...outsideById.keys()], outsideRequest, (issue) =>
    toIssueSnapshot(issue, catalog, false),
  );
  for (const issue of outside.items) {
    issues.push(issue);
    knownKeys.add(issue.key);
  }
  for (const id of outside.missingIds) {
    const key = outsideById.get(id);
    if (key && !knownKeys.has(key)) {
      issues.push(hiddenIssue(key));
      knownKeys.add(key);
    }
  }
  if (outside.unfetchedIds.length > 0) {
    // Unknown is not hidden: leave these handoffs out and say so, rather than report them as blocked.
    const unfetchedKeys = new Set(outside.unfetchedIds.map((id) => outsideById.get(id)));
    dependencies = dependencies.filter(
      (dependency) => !unfetchedKeys.has(dependency.upstream) && !unfetchedKeys.has(dependency.downstream),
    );
    warnings.push(
      `${outside.unfetchedIds.length} linked issues outside the sprint could not be loaded in time; their handoffs are not shown`,
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
