import type { MlLanesConfig } from '../config/schema';
import type { IssueView, PlanView } from '../contract/plan-view';
import { DOD_PROPERTY_KEY, readDodProperty, type DodProperty } from '../jira/dod-property';
import { projectKeyOf } from '../domain/issue-key';
import { buildPlan } from '../domain/plan';
import type { IssueSnapshot, PlanSnapshot } from '../domain/snapshot';
import type { JiraClient } from '../jira/client';
import { buildFieldCatalog, listFields } from '../jira/fields';
import { bulkFetchIssues } from '../jira/issues';
import {
  hiddenIssue,
  ML_LANES_PROPERTIES,
  readDependencies,
  requestedFields,
  toIssueSnapshot,
} from '../jira/to-snapshot';
import type { ConfigRepository } from '../storage/config-repository';
import { NotFoundError } from '../errors';

/** What reading one issue needs: Jira (as the user, or as the app for the Done gate) and the saved configuration. */
export interface IssueReadDeps {
  client: JiraClient;
  configs: ConfigRepository;
}

/** One issue with its direct dependencies, planned with its project's configuration. */
export interface IssueContext {
  config: MlLanesConfig;
  /** The issue and its neighbours as read: a change to the issue is planned again from here, without Jira. */
  neighbourhood: PlanSnapshot;
  plan: PlanView;
  /** The issue as planned: lane, rule, Definition of Done. */
  issue: IssueView;
  /** The issue as read (its override, its ticks). */
  snapshot: IssueSnapshot;
  /** The `ml-lanes-dod` property: which items are ticked, by whom and when. */
  dod: DodProperty;
}

/**
 * Reads an issue and the issues it depends on or blocks (as the caller, so hidden ones stay hidden), and plans
 * them with the same engine as a sprint: lane, handoffs and Definition of Done mean the same everywhere. A caller
 * that has read the project's configuration already passes it, so it is not read twice.
 */
export async function loadIssueContext(
  deps: IssueReadDeps,
  issueKey: string,
  loadedConfig?: MlLanesConfig,
): Promise<IssueContext> {
  const { client } = deps;
  const [config, fields] = await Promise.all([
    loadedConfig ?? deps.configs.load({ projectKey: projectKeyOf(issueKey) }).then((loaded) => loaded.config),
    listFields(client),
  ]);
  const catalog = buildFieldCatalog(fields, config, null);
  const request = { fields: requestedFields(catalog, true), properties: ML_LANES_PROPERTIES };

  const own = await bulkFetchIssues(client, [issueKey], request, (issue) => ({
    snapshot: toIssueSnapshot(issue, catalog, true),
    dodProperty: issue.properties?.[DOD_PROPERTY_KEY],
    ...readDependencies(issue, config.dependencyLinkTypes),
  }));
  const found = own.items[0];
  if (!found) throw notFound(issueKey);

  const linkedById = new Map(found.linked.map((linked) => [linked.id, linked.key]));
  // No sprint here: the issue's neighbours count as in view, so no handoff reads "outside this sprint".
  const linked = await bulkFetchIssues(client, [...linkedById.keys()], request, (issue) =>
    toIssueSnapshot(issue, catalog, true),
  );
  const issues: IssueSnapshot[] = [found.snapshot, ...linked.items];
  for (const id of linked.missingIds) issues.push(hiddenIssue(linkedById.get(id) ?? id));

  const neighbourhood: PlanSnapshot = {
    site: '',
    board: { id: 0, name: '' },
    sprint: { id: 0, name: '', state: 'active', goal: null, startDate: null, endDate: null },
    issues,
    dependencies: found.dependencies,
    siteFields: catalog.siteFields,
    warnings: [],
  };
  return planned(config, neighbourhood, found.snapshot, readDodProperty(found.dodProperty));
}

/** The context once the issue's lane is chosen by hand (null: the rules decide again), planned again. */
export function withLaneOverride(context: IssueContext, lane: string | null): IssueContext {
  return replanned(context, { ...context.snapshot, laneOverride: lane }, context.dod);
}

/** The context with the ticks as stored now (another person's ticks merged in), planned again. */
export function withDod(context: IssueContext, dod: DodProperty): IssueContext {
  return replanned(context, { ...context.snapshot, dodChecked: dod.checked }, dod);
}

function replanned(context: IssueContext, snapshot: IssueSnapshot, dod: DodProperty): IssueContext {
  const { neighbourhood } = context;
  const issues = neighbourhood.issues.map((each) => (each.key === snapshot.key ? snapshot : each));
  return planned(context.config, { ...neighbourhood, issues }, snapshot, dod);
}

function planned(
  config: MlLanesConfig,
  neighbourhood: PlanSnapshot,
  snapshot: IssueSnapshot,
  dod: DodProperty,
): IssueContext {
  const plan = buildPlan(neighbourhood, config);
  const issue = plan.issues.find((each) => each.key === snapshot.key);
  if (!issue) throw notFound(snapshot.key);
  return { config, neighbourhood, plan, issue, snapshot, dod };
}

function notFound(issueKey: string): NotFoundError {
  return new NotFoundError(`Issue ${issueKey} not found (or you cannot see it)`);
}
