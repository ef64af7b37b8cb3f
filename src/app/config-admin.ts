/**
 * The admin page's use cases: reading the configuration, checking and saving a document, its history, and the
 * site's pickers. Reading is open to every user of the app (the panels need it); every change is for Jira admins,
 * asked of Jira as the caller, who must also see the project, before anything is written.
 */
import type { ConfigProblemView, RevisionSummary, SavedConfigView, SiteCatalog } from '../contract/admin-api';
import { parseConfig, parseConfigText } from '../config/parse';
import { unknownFieldProblems } from '../config/site-check';
import { readSiteCatalog } from '../jira/catalog';
import type { JiraClient } from '../jira/client';
import { listFields } from '../jira/fields';
import { isJiraAdmin } from '../jira/permissions';
import {
  storageProblem,
  type ConfigRepository,
  type ConfigScope,
  type LoadedConfig,
} from '../storage/config-repository';
import { InvalidConfigError } from '../errors';
import { checkProjectVisible, requireJiraAdmin } from './admin-guard';

export interface ConfigAdminDeps {
  /** Jira as the caller. */
  client: JiraClient;
  configs: ConfigRepository;
  /** Who is changing the configuration (their Atlassian account id), kept with each revision. */
  accountId: string | null;
}

/** What every change names: where it applies, and the revision the admin started from (else it is a conflict). */
interface Change {
  scope: ConfigScope;
  baseRevision: number;
}

export async function readConfig(deps: ConfigAdminDeps, scope: ConfigScope): Promise<SavedConfigView> {
  await checkProjectVisible(deps.client, scope.projectKey);
  const [loaded, canEdit] = await Promise.all([deps.configs.load(scope), isJiraAdmin(deps.client)]);
  return view(scope, loaded, canEdit);
}

export function saveConfig(
  deps: ConfigAdminDeps,
  change: Change & { document: unknown },
): Promise<SavedConfigView> {
  return asAdmin(deps, change.scope, async () => {
    await checkFieldsExist(deps.client, change.document);
    return deps.configs.save(change.scope, change.document, change.baseRevision, deps.accountId);
  });
}

/** An exported file: parsed (and migrated) here, so a syntax error or an old version is reported like any problem. */
export function importConfig(
  deps: ConfigAdminDeps,
  change: Change & { text: string },
): Promise<SavedConfigView> {
  return asAdmin(deps, change.scope, async () => {
    const parsed = parseConfigText(change.text);
    if (!parsed.ok) throw new InvalidConfigError(parsed.problems);
    await checkFieldsExist(deps.client, parsed.config);
    return deps.configs.save(change.scope, parsed.config, change.baseRevision, deps.accountId);
  });
}

/**
 * The admin page's live validation: every problem a save of this document would report, by path, without saving.
 * Open to every user of the app, like reading: it reads nothing but the site's field list, as the caller.
 */
export async function validateConfig(
  deps: Pick<ConfigAdminDeps, 'client'>,
  document: unknown,
): Promise<ConfigProblemView[]> {
  const tooLarge = storageProblem(document);
  if (tooLarge) return [tooLarge];
  const parsed = parseConfig(document);
  if (!parsed.ok) return parsed.problems;
  return unknownFieldProblems(parsed.config, await listFields(deps.client));
}

/** Who saved what and when is for admins. */
export async function listRevisions(deps: ConfigAdminDeps, scope: ConfigScope): Promise<RevisionSummary[]> {
  await requireJiraAdmin(deps.client);
  await checkProjectVisible(deps.client, scope.projectKey);
  return deps.configs.revisions(scope);
}

export function restoreRevision(
  deps: ConfigAdminDeps,
  change: Change & { revision: number },
): Promise<SavedConfigView> {
  return asAdmin(deps, change.scope, () =>
    deps.configs.restore(change.scope, change.revision, change.baseRevision, deps.accountId),
  );
}

/** A project stops having its own configuration and follows the site's again. */
export function resetProjectConfig(
  deps: ConfigAdminDeps,
  change: { projectKey: string; baseRevision: number },
): Promise<SavedConfigView> {
  return asAdmin(deps, { projectKey: change.projectKey }, () =>
    deps.configs.resetProject(change.projectKey, change.baseRevision, deps.accountId),
  );
}

/** The site's issue types, fields, projects, components, labels and link types, for the admin page's pickers. */
export function readCatalog(
  deps: Pick<ConfigAdminDeps, 'client'>,
  projectKey: string | undefined,
): Promise<SiteCatalog> {
  return readSiteCatalog(deps.client, projectKey);
}

/** Every change goes through here: the caller must be a Jira admin and see the project, before anything is written. */
async function asAdmin(
  deps: ConfigAdminDeps,
  scope: ConfigScope,
  change: () => Promise<LoadedConfig>,
): Promise<SavedConfigView> {
  await requireJiraAdmin(deps.client);
  await checkProjectVisible(deps.client, scope.projectKey);
  return view(scope, await change(), true);
}

/** A document naming fields this site does not have is not saved: each such field is a problem at its path. */
async function checkFieldsExist(client: JiraClient, document: unknown): Promise<void> {
  const parsed = parseConfig(document);
  if (!parsed.ok) return; // the save reports the schema's own problems
  const problems = unknownFieldProblems(parsed.config, await listFields(client));
  if (problems.length > 0) throw new InvalidConfigError(problems);
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
    reindex: null,
  };
}
