import type { ConfigPreview, PreviewRow } from '../../contract/admin-api';
import { parseConfig } from '../../config/parse';
import type { MlLanesConfig } from '../../config/schema';
import { classifyIssues } from '../../domain/lanes';
import type { IssueSnapshot, SiteField } from '../../domain/snapshot';
import { loadIssuesByJql } from '../../jira/load-issues';
import { loadPlanSnapshot } from '../../jira/load-plan-snapshot';
import { assertProjectVisible } from '../../jira/projects';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { requireJiraAdmin } from './guard';
import { previewPayload } from './payloads';
import { BadRequestError, InvalidConfigError, JiraError } from '../../errors';

/** A preview is for eyes, not for bulk work: a JQL query shows its first issues only. */
export const PREVIEW_LIMIT = 500;

/**
 * Each issue's lane under the saved configuration and under the edited one, with the rules that decided.
 * For Jira admins only, like every other use of an unsaved configuration: the admin page is read-only for others.
 */
export async function previewConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConfigPreview> {
  const request = previewPayload.parse(payload);
  const client = jiraClientFor(deps, context);
  await requireJiraAdmin(client);
  const edited = parseConfig(request.config);
  if (!edited.ok) throw new InvalidConfigError(edited.problems);
  if (request.projectKey) await assertProjectVisible(client, request.projectKey);
  const saved = (await deps.configs.load({ projectKey: request.projectKey })).config;
  // Read the fields both configurations' rules look at (the lanes of the saved rules need not exist in the edit).
  const reading: MlLanesConfig = { ...edited.config, rules: [...saved.rules, ...edited.config.rules] };

  let issues: IssueSnapshot[];
  let siteFields: SiteField[];
  let scopeDescription: string;
  let warnings: string[];
  if (request.jql !== undefined) {
    const found = await loadIssuesByJql(client, request.jql, reading, PREVIEW_LIMIT).catch(
      (error: unknown) => {
        throw queryRefused(error);
      },
    );
    issues = found.issues;
    siteFields = found.siteFields;
    scopeDescription = `JQL: ${request.jql}${found.truncated ? ` (first ${PREVIEW_LIMIT} issues)` : ''}`;
    warnings = found.missingIds.length === 0 ? [] : [notLoaded(found.missingIds)];
  } else {
    const snapshot = await loadPlanSnapshot(client, {
      site: context.siteUrl ?? '',
      boardId: request.boardId ?? 0,
      sprint: request.sprintId ?? 'default',
      config: reading,
    });
    issues = snapshot.issues.filter((issue) => issue.inScope);
    siteFields = snapshot.siteFields;
    scopeDescription = `${snapshot.sprint.name} on ${snapshot.board.name}`;
    warnings = snapshot.warnings;
  }

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
    scopeDescription,
    warnings,
    rows,
    moved: rows.filter((row) => row.laneBefore !== row.laneAfter).length,
    countsBefore: countByLane(rows.map((row) => row.laneBefore)),
    countsAfter: countByLane(rows.map((row) => row.laneAfter)),
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
