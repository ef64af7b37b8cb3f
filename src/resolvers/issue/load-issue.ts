import type { MlLanesConfig } from '../../config/schema';
import type { IssueView, PlanView } from '../../contract/plan-view';
import { buildPlan } from '../../domain/plan';
import type { Dependency, IssueSnapshot, PlanSnapshot, SiteField } from '../../domain/snapshot';
import type { JiraClient } from '../../jira/client';
import { buildFieldCatalog, listFields } from '../../jira/fields';
import { bulkFetchIssues } from '../../jira/issues';
import { DOD_PROPERTY_KEY } from '../../jira/dod-property';
import {
  hiddenIssue,
  ML_LANES_PROPERTIES,
  readDependencies,
  requestedFields,
  toIssueSnapshot,
} from '../../jira/to-snapshot';
import type { ConfigRepository } from '../../storage/config-repository';
import { NotFoundError } from '../../errors';

/** One issue with its direct dependencies, planned with its project's configuration. */
export interface IssueContext {
  config: MlLanesConfig;
  plan: PlanView;
  issue: IssueView;
  snapshot: IssueSnapshot;
  siteFields: SiteField[];
  /** The `ml-lanes-dod` property as stored (ticks, who, when). */
  dodProperty: unknown;
}

/**
 * Reads an issue and the issues it depends on or blocks (as the caller, so hidden ones stay hidden), and plans
 * them with the same engine as a sprint: lane, handoffs and Definition of Done mean the same everywhere.
 */
export async function loadIssueContext(
  client: JiraClient,
  configs: ConfigRepository,
  issueKey: string,
): Promise<IssueContext> {
  const projectKey = issueKey.replace(/-\d+$/, '');
  const [{ config }, fields] = await Promise.all([configs.load({ projectKey }), listFields(client)]);
  const catalog = buildFieldCatalog(fields, config, null);
  const request = { fields: requestedFields(catalog, true), properties: ML_LANES_PROPERTIES };

  const own = await bulkFetchIssues(client, [issueKey], request, (issue) => ({
    snapshot: toIssueSnapshot(issue, catalog, true),
    dodProperty: issue.properties?.[DOD_PROPERTY_KEY],
    ...readDependencies(issue, config.dependencyLinkTypes),
  }));
  const found = own.items[0];
  if (!found) throw new NotFoundError(`Issue ${issueKey} not found (or you cannot see it)`);

  const linkedById = new Map(found.linked.map((linked) => [linked.id, linked.key]));
  // No sprint here: the issue's neighbours count as in view, so no handoff reads "outside this sprint".
  const linked = await bulkFetchIssues(client, [...linkedById.keys()], request, (issue) =>
    toIssueSnapshot(issue, catalog, true),
  );
  const issues: IssueSnapshot[] = [found.snapshot, ...linked.items];
  for (const id of linked.missingIds) issues.push(hiddenIssue(linkedById.get(id) ?? id));

  const dependencies: Dependency[] = found.dependencies;
  const snapshot: PlanSnapshot = {
    site: '',
    board: { id: 0, name: '' },
    sprint: { id: 0, name: '', state: 'active', goal: null, startDate: null, endDate: null },
    issues,
    dependencies,
    siteFields: catalog.siteFields,
    warnings: [],
  };
  const plan = buildPlan(snapshot, config);
  const issue = plan.issues.find((each) => each.key === found.snapshot.key);
  if (!issue) throw new NotFoundError(`Issue ${issueKey} not found (or you cannot see it)`);
  return {
    config,
    plan,
    issue,
    snapshot: found.snapshot,
    siteFields: catalog.siteFields,
    dodProperty: found.dodProperty,
  };
}
