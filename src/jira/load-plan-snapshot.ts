import type { MlLanesConfig } from '../config/schema';
import type { Dependency, IssueSnapshot, PlanSnapshot } from '../domain/snapshot';
import { getBoard, getBoardConfiguration, resolveSprint, type SprintSelector } from './agile';
import type { JiraClient } from './client';
import { buildFieldCatalog, listFields } from './fields';
import { bulkFetchIssues, searchIssueIds } from './issues';
import {
  DOD_PROPERTY_KEY,
  hiddenIssue,
  readDependencies,
  requestedFields,
  toIssueSnapshot,
} from './to-snapshot';

export interface PlanScopeRequest {
  /** The site's base URL, shown in the plan. */
  site: string;
  boardId: number;
  sprint: SprintSelector;
  config: MlLanesConfig;
}

/**
 * Reads one sprint from Jira as the domain snapshot: the sprint's issues, plus every issue they reach through a
 * dependency link (one hop), all fetched in batches. Issues Jira lists in a link but will not return are kept
 * as hidden; issues Jira never showed this user never appear.
 */
export async function loadPlanSnapshot(client: JiraClient, request: PlanScopeRequest): Promise<PlanSnapshot> {
  const [board, boardConfiguration, fields] = await Promise.all([
    getBoard(client, request.boardId),
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
  const fieldIds = requestedFields(catalog);
  const properties = [DOD_PROPERTY_KEY];

  const sprintIssueIds = await searchIssueIds(client, `sprint = ${sprint.id} ORDER BY Rank ASC`);
  const inScope = await bulkFetchIssues(client, sprintIssueIds, fieldIds, properties);

  const issues: IssueSnapshot[] = inScope.issues.map((issue) => toIssueSnapshot(issue, catalog, true));
  const knownKeys = new Set(issues.map((issue) => issue.key));
  const dependencies: Dependency[] = [];
  const outsideById = new Map<string, string>();
  for (const issue of inScope.issues) {
    const read = readDependencies(issue, request.config.dependencyLinkTypes);
    dependencies.push(...read.dependencies);
    for (const linked of read.linked) {
      if (!knownKeys.has(linked.key)) outsideById.set(linked.id, linked.key);
    }
  }

  const outside = await bulkFetchIssues(client, [...outsideById.keys()], fieldIds, properties);
  for (const issue of outside.issues) {
    issues.push(toIssueSnapshot(issue, catalog, false));
    knownKeys.add(issue.key);
  }
  for (const id of outside.missingIds) {
    const key = outsideById.get(id);
    if (key && !knownKeys.has(key)) issues.push(hiddenIssue(key));
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
  };
}
