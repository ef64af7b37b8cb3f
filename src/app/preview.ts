import type { ConfigPreview, PreviewRow } from '../contract/admin-api';
import { parseConfig } from '../config/parse';
import type { MlLanesConfig } from '../config/schema';
import { classifyIssues } from '../domain/lanes';
import type { IssueSnapshot, SiteField } from '../domain/snapshot';
import type { JiraClient } from '../jira/client';
import { loadIssuesByJql } from '../jira/load-issues';
import { loadPlanSnapshot } from '../jira/load-plan-snapshot';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';
import { BadRequestError, InvalidConfigError, JiraError } from '../errors';
import { checkProjectVisible, requireJiraAdmin } from './admin-guard';

/** A preview is for eyes, not for bulk work: a JQL query shows its first issues only. */
export const PREVIEW_LIMIT = 500;

export interface PreviewRequest {
  /** The edited, unsaved document. */
  document: unknown;
  /** The project whose saved configuration the edit is compared with; left out: the site's. */
  projectKey?: string | undefined;
  /** The issues to preview: a JQL query, else a board's sprint (its active one, else the next). */
  jql?: string | undefined;
  boardId?: number | undefined;
  sprintId?: number | undefined;
  /** The site's base URL, for the sprint's description. */
  site: string;
}

interface PreviewScope {
  issues: IssueSnapshot[];
  siteFields: SiteField[];
  description: string;
  warnings: string[];
}

/**
 * Each issue's lane under the saved configuration and under the edited one, with the rules that decided.
 * For Jira admins only, like every other use of an unsaved configuration: the admin page is read-only for others.
 */
export async function previewConfig(
  deps: { client: JiraClient; configs: ConfigRepository },
  request: PreviewRequest,
): Promise<ConfigPreview> {
  const { client } = deps;
  await requireJiraAdmin(client);
  const edited = parseConfig(request.document);
  if (!edited.ok) throw new InvalidConfigError(edited.problems);
  await checkProjectVisible(client, request.projectKey);
  const saved = (await deps.configs.load(scopeOf(request.projectKey))).config;
  // Read the fields both configurations' rules look at (the lanes of the saved rules need not exist in the edit).
  const reading: MlLanesConfig = { ...edited.config, rules: [...saved.rules, ...edited.config.rules] };
  const { issues, siteFields, description, warnings } = await readScope(client, request, reading);

  const before = classifyIssues(issues, saved, siteFields);
  const after = classifyIssues(issues, edited.config, siteFields);
  const rows: PreviewRow[] = issues.map((issue) => {
    const was = before.get(issue.key);
    const now = after.get(issue.key);
    return {
      key: issue.key,
      summary: issue.summary,
      laneBefore: was?.lane ?? null,
      ruleBefore: was?.laneRule ?? '',
      laneAfter: now?.lane ?? null,
      ruleAfter: now?.laneRule ?? '',
    };
  });
  return {
    scopeDescription: description,
    warnings,
    rows,
    moved: rows.filter((row) => row.laneBefore !== row.laneAfter).length,
    countsBefore: countByLane(rows.map((row) => row.laneBefore)),
    countsAfter: countByLane(rows.map((row) => row.laneAfter)),
  };
}

async function readScope(
  client: JiraClient,
  request: PreviewRequest,
  config: MlLanesConfig,
): Promise<PreviewScope> {
  if (request.jql !== undefined) {
    const { jql } = request;
    const found = await loadIssuesByJql(client, jql, config, PREVIEW_LIMIT).catch((error: unknown) => {
      throw queryRefused(error);
    });
    return {
      issues: found.issues,
      siteFields: found.siteFields,
      description: `JQL: ${jql}${found.truncated ? ` (first ${PREVIEW_LIMIT} issues)` : ''}`,
      warnings: found.missingIds.length === 0 ? [] : [notLoaded(found.missingIds)],
    };
  }
  if (request.boardId === undefined)
    throw new BadRequestError('Pick a board (and sprint) or type a JQL query.');
  const snapshot = await loadPlanSnapshot(client, {
    site: request.site,
    boardId: request.boardId,
    sprint: request.sprintId ?? 'default',
    config,
  });
  return {
    issues: snapshot.issues.filter((issue) => issue.inScope),
    siteFields: snapshot.siteFields,
    description: `${snapshot.sprint.name} on ${snapshot.board.name}`,
    warnings: snapshot.warnings,
  };
}

function notLoaded(ids: string[]): string {
  const shown = ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '');
  const count = ids.length === 1 ? '1 issue' : `${ids.length} issues`;
  return `${count} the query found could not be loaded and ${ids.length === 1 ? 'is' : 'are'} not shown (ids ${shown})`;
}

/** JQL the admin typed and Jira refused is their input to fix, not Jira being unavailable. */
function queryRefused(error: unknown): unknown {
  if (!(error instanceof JiraError) || error.code !== 'bad-request') return error;
  const jiraSays = error.message.replace(/^.*? answered \d+: /, '');
  return new BadRequestError(`Jira did not accept the query: ${jiraSays}`);
}

function countByLane(lanes: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const lane of lanes) counts[lane ?? ''] = (counts[lane ?? ''] ?? 0) + 1;
  return counts;
}
