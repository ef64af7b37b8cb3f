import type { RevisionSummary, SavedConfigView } from '../../contract/admin-api';
import { parseConfigText } from '../../config/parse';
import type { LoadedConfig } from '../../storage/config-repository';
import { InvalidConfigError } from '../../storage/config-repository';
import { isJiraAdmin } from '../../jira/permissions';
import { jiraClientFor, type ResolverDeps } from '../deps';
import type { ForgeContext } from '../request';
import { requireJiraAdmin } from './guard';
import { importPayload, resetPayload, restorePayload, savePayload, scopePayload } from './payloads';

/** Reading is open to every user of the app (the panels need it); only admins may change it. */
export async function getConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const scope = scopePayload.parse(payload);
  const [loaded, canEdit] = await Promise.all([
    deps.configs.load(scope),
    isJiraAdmin(jiraClientFor(deps, context)),
  ]);
  return view(scope, loaded, canEdit);
}

export async function saveConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = savePayload.parse(payload);
  await requireJiraAdmin(jiraClientFor(deps, context));
  const scope = { projectKey: request.projectKey };
  return view(
    scope,
    await deps.configs.save(scope, request.config, request.baseRevision, context.accountId ?? null),
    true,
  );
}

export async function importConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = importPayload.parse(payload);
  await requireJiraAdmin(jiraClientFor(deps, context));
  // Parsed (and migrated) here so that a syntax error or an old version is reported like any other problem.
  const parsed = parseConfigText(request.text);
  if (!parsed.ok) throw new InvalidConfigError(parsed.problems);
  const scope = { projectKey: request.projectKey };
  return view(
    scope,
    await deps.configs.save(scope, parsed.config, request.baseRevision, context.accountId ?? null),
    true,
  );
}

export async function listRevisions(deps: ResolverDeps, payload: unknown): Promise<RevisionSummary[]> {
  return deps.configs.revisions(scopePayload.parse(payload));
}

export async function restoreRevision(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = restorePayload.parse(payload);
  await requireJiraAdmin(jiraClientFor(deps, context));
  const scope = { projectKey: request.projectKey };
  const restored = await deps.configs.restore(
    scope,
    request.revision,
    request.baseRevision,
    context.accountId ?? null,
  );
  return view(scope, restored, true);
}

export async function resetProjectConfig(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<SavedConfigView> {
  const request = resetPayload.parse(payload);
  await requireJiraAdmin(jiraClientFor(deps, context));
  return view(
    { projectKey: request.projectKey },
    await deps.configs.resetProject(request.projectKey, request.baseRevision),
    true,
  );
}

function view(scope: { projectKey?: string }, loaded: LoadedConfig, canEdit: boolean): SavedConfigView {
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
