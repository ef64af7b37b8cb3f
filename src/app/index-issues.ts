import type { MlLanesConfig } from '../config/schema';
import { computeBoardIndex, indexProperty, type IssueIndexValues } from '../domain/board-index';
import { downstreamAfterRecompute } from '../domain/index-fanout';
import { projectKeyOf } from '../domain/issue-key';
import type { IssueSnapshot, Dependency } from '../domain/snapshot';
import { findAppFields } from '../jira/app-fields';
import { writeAppFieldValues, type AppFieldWrite } from '../jira/app-field-values';
import { JiraClient } from '../jira/client';
import { buildFieldCatalog, listFields, type FieldCatalog } from '../jira/fields';
import { INDEX_PROPERTY_VERSION, writeIndexStates, type IndexStateWrite } from '../jira/index-property';
import { bulkFetchIssues } from '../jira/issues';
import type { JiraIssue } from '../jira/schemas';
import type { JiraRequest } from '../jira/seam';
import {
  ML_LANES_PROPERTIES,
  readDependencies,
  requestedFields,
  toIssueSnapshot,
  type LinkedIssueRef,
} from '../jira/to-snapshot';
import { linkIndexOf, type BoardIndexStore, type IndexedIssue } from '../storage/board-index-store';
import { scopeOf, type ConfigRepository } from '../storage/config-repository';

/*
 * Recomputes the board index of some issues from Jira's current state and writes what changed: the three app
 * fields (lane, handoff, DoD progress) and the `ml-lanes-state` property JQL searches. Runs as the app (events have
 * no user), so the values name lanes and counts only, never another issue. Each project's issues are computed with
 * that project's configuration.
 */

export interface IndexIssuesDeps {
  /** Jira as the app. */
  jira: JiraRequest;
  configs: ConfigRepository;
  index: BoardIndexStore;
  /** How long Jira may take in all; a consumer has 900 s. */
  budgetMs?: number;
  now?: () => number;
}

export interface IndexRun {
  /** Issues whose values were computed (found in Jira). */
  recomputed: number;
  /** Issues whose values changed and were written. */
  written: number;
  unchanged: number;
  /** Issues Jira no longer has (deleted or hidden from the app): forgotten. */
  gone: string[];
  /** Issues to recompute next: downstream of an issue that changed how it looks as upstream work. */
  followUps: string[];
  /** What could not be written, in words (one line per cause). */
  failures: string[];
  /** Issues whose values were not (all) written: refused, rate-limited or out of time. Worth another try. */
  unwritten: string[];
}

export const DEFAULT_INDEX_BUDGET_MS = 780_000;

interface ReadIssue {
  id: string;
  snapshot: IssueSnapshot;
  dependencies: Dependency[];
  linked: LinkedIssueRef[];
}

export async function indexIssues(deps: IndexIssuesDeps, issueIds: readonly string[]): Promise<IndexRun> {
  const now = deps.now ?? Date.now;
  const run: IndexRun = {
    recomputed: 0,
    written: 0,
    unchanged: 0,
    gone: [],
    followUps: [],
    failures: [],
    unwritten: [],
  };
  const ids = [...new Set(issueIds)];
  if (ids.length === 0) return run;
  const client = new JiraClient(deps.jira, {
    deadline: now() + (deps.budgetMs ?? DEFAULT_INDEX_BUDGET_MS),
    now,
  });

  const fields = await listFields(client);
  // One read with the fields the site's configuration needs; a project whose own configuration reads more fields
  // has its issues read again with them (rare: most projects follow the site).
  const { config: siteConfig } = await deps.configs.load(scopeOf(undefined));
  const siteRequest = requestedFields(buildFieldCatalog(fields, siteConfig, null), false);
  const located = await bulkFetchIssues(
    client,
    ids,
    { fields: siteRequest, properties: ML_LANES_PROPERTIES },
    (issue) => issue,
  );
  const appFields = findAppFields(fields);
  run.failures.push(...appFields.problems);
  const stored = await deps.index.load(ids);
  const links = linkIndexOf(stored);
  // Which app fields exist is part of what was written: once a missing field is deployed, every value is new.
  const deployed = (['lane', 'handoff', 'dod'] as const).filter((role) => appFields.ids[role]).join(',');

  // Gone: its downstream issues lose an upstream dependency, and nothing of it is kept.
  for (const id of located.missingIds) {
    run.gone.push(id);
    run.followUps.push(...downstreamAfterRecompute(links, id, stored.get(id)?.asUpstream, undefined));
    await deps.index.forget(id);
  }

  // Not read before the time budget ran out: neither gone nor computed, so tried again later.
  run.unwritten.push(...located.unfetchedIds);

  const byProject = new Map<string, JiraIssue[]>();
  for (const issue of located.items) {
    const project = projectKeyOf(issue.key);
    const issues = byProject.get(project);
    if (issues) issues.push(issue);
    else byProject.set(project, [issue]);
  }
  for (const [project, issues] of byProject) {
    const { config } = await deps.configs.load(scopeOf(project));
    const catalog = buildFieldCatalog(fields, config, null);
    const request = requestedFields(catalog, false);
    const covered = request.every((field) => siteRequest.includes(field));
    let targets = issues;
    if (!covered) {
      const reread = await bulkFetchIssues(
        client,
        issues.map(({ id }) => id),
        { fields: request, properties: ML_LANES_PROPERTIES },
        (issue) => issue,
      );
      targets = reread.items;
      run.unwritten.push(...reread.unfetchedIds);
    }
    const result = await computeProject(client, config, catalog, request, targets);
    run.unwritten.push(...result.incomplete);
    const computed = result.computed.map((issue) => ({
      ...issue,
      record: { ...issue.record, fingerprint: `${issue.values.fingerprint}|${deployed}` },
    }));
    const changed = computed.filter(({ id, record }) => stored.get(id)?.fingerprint !== record.fingerprint);
    run.recomputed += computed.length;
    run.unchanged += computed.length - changed.length;
    const failedIds = await writeValues(client, changed, appFields.ids, run);
    for (const { id, values, record } of computed) {
      run.followUps.push(
        ...downstreamAfterRecompute(links, id, stored.get(id)?.asUpstream, values.asUpstream),
      );
      // A failed write is not remembered as written: the next recompute writes it again.
      if (!failedIds.has(id)) await deps.index.save(id, record);
    }
    run.written += changed.filter(({ id }) => !failedIds.has(id)).length;
    run.unwritten.push(...failedIds);
  }
  const asked = new Set(ids);
  run.followUps = [...new Set(run.followUps)].filter((id) => !asked.has(id));
  return run;
}

interface ComputedIssue {
  id: string;
  values: IssueIndexValues;
  record: IndexedIssue;
}

/** One project's issues (as Jira returned them) and the upstream work they wait on, computed with its configuration. */
async function computeProject(
  client: JiraClient,
  config: MlLanesConfig,
  catalog: FieldCatalog,
  fields: string[],
  issues: readonly JiraIssue[],
): Promise<{ computed: ComputedIssue[]; incomplete: string[] }> {
  const read = (inScope: boolean) => (issue: Parameters<typeof toIssueSnapshot>[0]) => ({
    id: issue.id,
    snapshot: toIssueSnapshot(issue, catalog, inScope),
    ...readDependencies(issue, config.dependencyLinkTypes),
  });
  const targets = { items: issues.map(read(true)) };
  const targetKeys = new Set(targets.items.map(({ snapshot }) => snapshot.key));
  const idOfKey = new Map<string, string>(targets.items.map(({ id, snapshot }) => [snapshot.key, id]));
  const outside = new Map<string, string>();
  for (const { linked } of targets.items) {
    for (const ref of linked) {
      idOfKey.set(ref.key, ref.id);
      if (!targetKeys.has(ref.key)) outside.set(ref.id, ref.key);
    }
  }
  // Linked issues outside the targets: their status and lane decide the targets' handoff state. One Jira does
  // not return counts as unfinished work of no lane (as in the plan).
  const linked = await bulkFetchIssues(
    client,
    [...outside.keys()],
    { fields, properties: ML_LANES_PROPERTIES },
    read(false),
  );
  const all: ReadIssue[] = [...targets.items, ...linked.items];
  const values = computeBoardIndex(
    {
      issues: all.map(({ snapshot }) => snapshot),
      // The targets' own links: every dependency that touches them is listed on them.
      dependencies: targets.items.flatMap(({ dependencies }) => dependencies),
      siteFields: catalog.siteFields,
    },
    config,
    // The project's own switch: count only upstream work in the issue's project (a viewer may not see others).
    { sameProjectOnly: config.boardIndex.sameProjectOnly },
  );
  // An upstream issue not read in time would count as unfinished: its downstream targets wait for another try
  // rather than be written as blocked when they may not be.
  const unread = new Set(linked.unfetchedIds);
  const incomplete: string[] = [];
  const computed = targets.items.flatMap(({ id, snapshot, dependencies }): ComputedIssue[] => {
    const mine = values.get(snapshot.key);
    if (!mine) return [];
    const idsOf = (keys: string[]) =>
      [...new Set(keys.flatMap((key) => (idOfKey.has(key) ? [idOfKey.get(key)!] : [])))].sort();
    return [
      {
        id,
        values: mine,
        record: {
          fingerprint: mine.fingerprint,
          asUpstream: mine.asUpstream,
          upstreamIds: idsOf(
            dependencies.filter((d) => d.downstream === snapshot.key).map((d) => d.upstream),
          ),
          downstreamIds: idsOf(
            dependencies.filter((d) => d.upstream === snapshot.key).map((d) => d.downstream),
          ),
        },
      },
    ];
  });
  const complete = computed.filter(({ id, record }) => {
    if (!record.upstreamIds.some((upstream) => unread.has(upstream))) return true;
    incomplete.push(id);
    return false;
  });
  return { computed: complete, incomplete };
}

/** Writes the changed issues' fields and property; the ids whose writes failed (their reasons go to `run`). */
async function writeValues(
  client: JiraClient,
  changed: readonly ComputedIssue[],
  fieldIds: Parameters<typeof writeAppFieldValues>[2],
  run: IndexRun,
): Promise<Set<string>> {
  const failed = new Set<string>();
  if (changed.length === 0) return failed;
  const fieldWrites: AppFieldWrite[] = changed.flatMap(({ id, values }) => [
    { field: 'lane' as const, issueId: id, value: values.texts.lane },
    { field: 'handoff' as const, issueId: id, value: values.texts.handoff },
    { field: 'dod' as const, issueId: id, value: values.texts.dod },
  ]);
  const states: IndexStateWrite[] = changed.map(({ id, values }) => {
    const property = indexProperty(values);
    return { issueId: id, state: { v: INDEX_PROPERTY_VERSION, ...property, lane: property.lane || null } };
  });
  const [fieldResult, stateResult] = await Promise.all([
    writeAppFieldValues(client, fieldWrites, fieldIds),
    writeIndexStates(client, states),
  ]);
  const reasons = new Set<string>();
  for (const failure of fieldResult.failed) {
    // A field missing from the site is said once (findAppFields) and does not stop the property's index.
    if (failure.code === 'field-missing') continue;
    failed.add(failure.issueId);
    reasons.add(failure.reason);
  }
  for (const failure of stateResult.failed) {
    failed.add(failure.issueId);
    reasons.add(failure.reason);
  }
  run.failures.push(...reasons);
  return failed;
}
