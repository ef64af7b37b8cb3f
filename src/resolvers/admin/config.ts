import type { ConfigProblemView, RevisionSummary, SavedConfigView } from '../../contract/admin-api';
import { parseConfig, parseConfigText } from '../../config/parse';
import { unknownFieldProblems } from '../../config/site-check';
import { listFields } from '../../jira/fields';
import type { JiraClient } from '../../jira/client';
import { isJiraAdmin } from '../../jira/permissions';
import { assertProjectVisible } from '../../jira/projects';
import { storageProblem, type ConfigScope, type LoadedConfig } from '../../storage/config-repository';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { requireJiraAdmin } from './guard';
import {
  importPayload,
  resetPayload,
  restorePayload,
  savePayload,
  scopePayload,
  validatePayload,
} from './payloads';
import { InvalidConfigError } from '../../errors';

/** A project's configuration is only for people Jira shows that project to. */
async function checkScope(client: JiraClient, scope: ConfigScope): Promise<void> {
  if (scope.projectKey) await assertProjectVisible(client, scope.projectKey);
}

/**
 * Every change goes through here: the caller must be a Jira admin (asked of Jira as the caller) and see the
 * project, before anything is written.
 */
async function asAdmin(
  deps: ResolverDeps,
  context: ForgeContext,
  scope: ConfigScope,
  change: () => Promise<LoadedConfig>,
): Promise<SavedConfigView> {
  const client = jiraClientFor(deps, context);
  await requireJiraAdmin(client);
  await checkScope(client, scope);
  return view(scope, await change(), true);
}

/** Reading is open to every user of the app (the panels need it); only admins may change it. */
export async function getConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const scope = scopePayload.parse(payload);
  const client = jiraClientFor(deps, context);
  await checkScope(client, scope);
  const [loaded, canEdit] = await Promise.all([deps.configs.load(scope), isJiraAdmin(client)]);
  return view(scope, loaded, canEdit);
}

export function saveConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = savePayload.parse(payload);
  const scope = { projectKey: request.projectKey };
  return asAdmin(deps, context, scope, async () => {
    await checkFieldsExist(jiraClientFor(deps, context), request.config);
    return deps.configs.save(scope, request.config, request.baseRevision, context.accountId ?? null);
  });
}

/** A document naming fields this site does not have is not saved: each such field is a problem at its path. */
async function checkFieldsExist(client: JiraClient, document: unknown): Promise<void> {
  const parsed = parseConfig(document);
  if (!parsed.ok) return; // the save reports the schema's own problems
  const problems = unknownFieldProblems(parsed.config, await listFields(client));
  if (problems.length > 0) throw new InvalidConfigError(problems);
}

/**
 * The admin page's live validation: every problem a save of this document would report, by path, without saving.
 * Open to every user of the app, like reading: it reads nothing but the site's field list, as the caller.
 */
export async function validateConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<ConfigProblemView[]> {
  const { config } = validatePayload.parse(payload);
  const tooLarge = storageProblem(config);
  if (tooLarge) return [tooLarge];
  const parsed = parseConfig(config);
  if (!parsed.ok) return parsed.problems;
  return unknownFieldProblems(parsed.config, await listFields(jiraClientFor(deps, context)));
}

export function importConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = importPayload.parse(payload);
  const scope = { projectKey: request.projectKey };
  return asAdmin(deps, context, scope, async () => {
    // Parsed (and migrated) here so that a syntax error or an old version is reported like any other problem.
    const parsed = parseConfigText(request.text);
    if (!parsed.ok) throw new InvalidConfigError(parsed.problems);
    await checkFieldsExist(jiraClientFor(deps, context), parsed.config);
    return deps.configs.save(scope, parsed.config, request.baseRevision, context.accountId ?? null);
  });
}

/** Who saved what and when is for admins. */
export async function listRevisions(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<RevisionSummary[]> {
  const scope = scopePayload.parse(payload);
  const client = jiraClientFor(deps, context);
  await requireJiraAdmin(client);
  await checkScope(client, scope);
  return deps.configs.revisions(scope);
}

export function restoreRevision(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = restorePayload.parse(payload);
  const scope = { projectKey: request.projectKey };
  return asAdmin(deps, context, scope, () =>
    deps.configs.restore(scope, request.revision, request.baseRevision, context.accountId ?? null),
  );
}

export function resetProjectConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = resetPayload.parse(payload);
  const scope = { projectKey: request.projectKey };
  return asAdmin(deps, context, scope, () =>
    deps.configs.resetProject(request.projectKey, request.baseRevision, context.accountId ?? null),
  );
}

function view(scope: ConfigScope, loaded: LoadedConfig, canEdit: boolean): SavedConfigView {
  return {
    scope: scope.projectKey ? { projectKey: scope.projectKey } : {},
    config: loaded.config,
    revision: loaded.revision,
    savedAt: loaded.savedAt,
    savedBy: loaded.savedBy,
    source: loaded.source,
    // Only admins can act on a damaged document, so only they are told about it.
    fallback: canEdit ? loaded.fallback : null,
    canEdit,
    migratedFrom: loaded.migratedFrom,
  };
}
