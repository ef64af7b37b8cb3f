import { defaultConfig } from '../config/defaults';
import { parseConfig, type ConfigProblem } from '../config/parse';
import type { MlLanesConfig } from '../config/schema';
import type { KeyValueStore } from './key-value-store';

/**
 * The saved configuration: one document per scope (the site, or a project overriding it), versioned by a
 * revision number, with the last 20 saved revisions kept for restore. Every document is validated (after
 * migrating older versions) on save and on every load; an unreadable one never breaks planning: the newest
 * valid revision is used instead, and admins are told.
 */

export const HISTORY_LIMIT = 20;

export interface ConfigScope {
  projectKey?: string;
}

/** What is stored under a key: the document plus who saved it and when. */
interface StoredRevision {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  document: unknown;
}

export interface LoadedConfig {
  config: MlLanesConfig;
  revision: number;
  savedAt: string | null;
  savedBy: string | null;
  source: 'saved' | 'site' | 'defaults';
  fallback: { reason: string; revision: number } | null;
  migratedFrom: number | null;
}

export interface RevisionInfo {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  description: string;
}

export class InvalidConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`the configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

export class ConflictError extends Error {
  constructor(readonly currentRevision: number) {
    super(`someone else saved revision ${currentRevision} meanwhile`);
  }
}

export class RevisionNotFoundError extends Error {}

// Forge KVS keys allow letters, digits and `:._-#`: hence `:` as the separator.
const scopeName = (scope: ConfigScope) => (scope.projectKey ? `project:${scope.projectKey}` : 'site');
const currentKey = (scope: ConfigScope) => `config:${scopeName(scope)}`;
const historyPrefix = (scope: ConfigScope) => `config-history:${scopeName(scope)}:`;
const historyKey = (scope: ConfigScope, revision: number) =>
  `${historyPrefix(scope)}${String(revision).padStart(10, '0')}`;

export class ConfigRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The configuration in force for a scope: its own, else the site's (for a project), else the defaults. */
  async load(scope: ConfigScope = {}): Promise<LoadedConfig> {
    const own = await this.loadOwn(scope);
    // The revision to edit from is always the scope's newest, whatever document is in force.
    const revision = await this.currentRevision(scope);
    if (own) return { ...own, revision };
    if (scope.projectKey) {
      const site = await this.load({});
      return {
        ...site,
        source: site.source === 'defaults' ? 'defaults' : 'site',
        revision,
        savedAt: null,
        savedBy: null,
      };
    }
    return {
      config: defaultConfig(),
      revision,
      savedAt: null,
      savedBy: null,
      source: 'defaults',
      fallback: null,
      migratedFrom: null,
    };
  }

  /** Saves a new revision if `baseRevision` is still the newest; validates first, so nothing invalid is stored. */
  async save(
    scope: ConfigScope,
    document: unknown,
    baseRevision: number,
    savedBy: string | null,
  ): Promise<LoadedConfig> {
    const parsed = parseConfig(document);
    if (!parsed.ok) throw new InvalidConfigError(parsed.problems);
    const current = await this.currentRevision(scope);
    if (current !== baseRevision) throw new ConflictError(current);
    const stored: StoredRevision = {
      revision: current + 1,
      savedAt: this.now().toISOString(),
      savedBy,
      document: parsed.config,
    };
    // Claiming the revision's history key is atomic: of two saves from the same base, only one gets it.
    if (!(await this.store.setIfAbsent(historyKey(scope, stored.revision), stored))) {
      throw new ConflictError(await this.currentRevision(scope));
    }
    await this.store.set(currentKey(scope), stored);
    await this.prune(scope);
    return this.toLoaded(stored, parsed.config, null, null);
  }

  async revisions(scope: ConfigScope = {}): Promise<RevisionInfo[]> {
    const keys = (await this.store.keys(historyPrefix(scope))).sort().reverse();
    const entries = await Promise.all(keys.map((key) => this.store.get(key)));
    return entries.filter(isStoredRevision).map((entry) => ({
      revision: entry.revision,
      savedAt: entry.savedAt,
      savedBy: entry.savedBy,
      description: describe(entry.document),
    }));
  }

  /** Saves an old revision again, as the newest. */
  async restore(
    scope: ConfigScope,
    revision: number,
    baseRevision: number,
    savedBy: string | null,
  ): Promise<LoadedConfig> {
    const entry = await this.store.get(historyKey(scope, revision));
    if (!isStoredRevision(entry))
      throw new RevisionNotFoundError(`revision ${revision} is not in the last ${HISTORY_LIMIT} saves`);
    return this.save(scope, entry.document, baseRevision, savedBy);
  }

  /** Drops a project's own configuration, so the project follows the site again (its history stays). */
  async resetProject(projectKey: string, baseRevision: number): Promise<LoadedConfig> {
    const scope = { projectKey };
    const current = await this.currentRevision(scope);
    if (current !== baseRevision) throw new ConflictError(current);
    await this.store.delete(currentKey(scope));
    return this.load(scope);
  }

  /** The newest revision number of a scope, whether or not its document is readable. */
  private async currentRevision(scope: ConfigScope): Promise<number> {
    const stored = await this.store.get(currentKey(scope));
    const history = await this.store.keys(historyPrefix(scope));
    return Math.max(
      isStoredRevision(stored) ? stored.revision : 0,
      ...history.map((key) => Number(key.slice(-10))).filter(Number.isFinite),
    );
  }

  private async loadOwn(scope: ConfigScope): Promise<LoadedConfig | null> {
    const stored = await this.store.get(currentKey(scope));
    if (stored === undefined) return null;
    const problem = isStoredRevision(stored)
      ? validate(stored.document)
      : { reason: 'the stored record is damaged' };
    if (isStoredRevision(stored) && 'config' in problem) {
      return this.toLoaded(stored, problem.config, null, problem.migratedFrom);
    }
    // Damaged: fall back to the newest revision that still reads, and say so.
    const reason = `revision ${isStoredRevision(stored) ? stored.revision : '?'} cannot be used: ${'reason' in problem ? problem.reason : ''}`;
    for (const key of (await this.store.keys(historyPrefix(scope))).sort().reverse()) {
      const entry = await this.store.get(key);
      if (!isStoredRevision(entry) || (isStoredRevision(stored) && entry.revision >= stored.revision))
        continue;
      const older = validate(entry.document);
      if ('config' in older)
        return this.toLoaded(entry, older.config, { reason, revision: entry.revision }, older.migratedFrom);
    }
    return {
      config: defaultConfig(),
      revision: isStoredRevision(stored) ? stored.revision : 0,
      savedAt: null,
      savedBy: null,
      source: 'defaults',
      fallback: {
        reason: `${reason}; no older revision reads either, so the defaults are in use`,
        revision: 0,
      },
      migratedFrom: null,
    };
  }

  private toLoaded(
    stored: StoredRevision,
    config: MlLanesConfig,
    fallback: LoadedConfig['fallback'],
    migratedFrom: number | null,
  ): LoadedConfig {
    return {
      config,
      revision: stored.revision,
      savedAt: stored.savedAt,
      savedBy: stored.savedBy,
      source: 'saved',
      fallback,
      migratedFrom,
    };
  }

  private async prune(scope: ConfigScope): Promise<void> {
    const keys = (await this.store.keys(historyPrefix(scope))).sort();
    await Promise.all(
      keys.slice(0, Math.max(0, keys.length - HISTORY_LIMIT)).map((key) => this.store.delete(key)),
    );
  }
}

function validate(
  document: unknown,
): { config: MlLanesConfig; migratedFrom: number | null } | { reason: string } {
  const parsed = parseConfig(document);
  if (parsed.ok) return { config: parsed.config, migratedFrom: parsed.migratedFrom ?? null };
  const first = parsed.problems[0];
  return { reason: first ? `${first.path}: ${first.message}` : 'invalid' };
}

function isStoredRevision(value: unknown): value is StoredRevision {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Number.isInteger(record.revision) && typeof record.savedAt === 'string' && 'document' in record;
}

function describe(document: unknown): string {
  const record = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >;
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return `${count(record.lanes)} lanes, ${count(record.rules)} rules, ${count(record.dependencyLinkTypes)} link types`;
}
