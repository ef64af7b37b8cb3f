import { defaultConfig } from '../config/defaults';
import { parseConfig, type ConfigProblem } from '../config/parse';
import type { MlLanesConfig } from '../config/schema';
import type { KeyValueStore } from './key-value-store';
import { ConflictError, InvalidConfigError, RevisionNotFoundError } from '../errors';

/**
 * The saved configuration: one document per scope (the site, or a project overriding it), versioned by a
 * revision number, with the last 20 revisions kept for restore. Every document is validated (after migrating
 * older versions) on save and on every load; an unreadable one never breaks planning: the newest valid
 * revision is used instead, and admins are told.
 *
 * Storage layout (Forge KVS has no transactions across keys, only "write if absent"):
 * - `config-history:<scope>:<10-digit revision>` holds each revision's record. A save or a project reset
 *   commits by creating the record of revision base + 1 with `setIfAbsent`, so of two changes made from the
 *   same revision exactly one is accepted, and revision numbers only grow.
 * - `config:<scope>` holds a copy of a committed record, written after the commit so that a load usually needs
 *   no history read. It is used only when no newer revision is in the history; a reset deletes it.
 * Every load takes the revision and the document from one record, so a reload between a save's commit and its
 * copy never pairs the new revision with the old document.
 */

export const HISTORY_LIMIT = 20;

/** Forge KVS refuses a value over 240 KiB; a record's own fields (revision, time, account id) need far less than 4. */
export const KVS_VALUE_LIMIT_BYTES = 240 * 1024;
export const MAX_CONFIG_BYTES = KVS_VALUE_LIMIT_BYTES - 4 * 1024;

export interface ConfigScope {
  projectKey?: string;
}

/** The scope a project key names: the project's own, or the site's when there is none. */
export function scopeOf(projectKey: string | undefined): ConfigScope {
  return projectKey ? { projectKey } : {};
}

/** A saved document plus who saved it and when. Records written before resets were recorded have no `kind`. */
interface SavedRecord {
  kind?: 'saved';
  revision: number;
  savedAt: string;
  savedBy: string | null;
  document: unknown;
}

/** A project reset: from this revision on the project follows the site. */
interface ResetRecord {
  kind: 'reset';
  revision: number;
  savedAt: string;
  savedBy: string | null;
}

type RevisionRecord = SavedRecord | ResetRecord;

/** The newest revision of a scope and what it says. */
type Head =
  | { revision: number; state: 'saved'; record: SavedRecord }
  /** Nothing of its own: never saved, or reset (a project then follows the site). */
  | { revision: number; state: 'none' }
  | { revision: number; state: 'damaged' };

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

// Forge KVS keys allow letters, digits and `:._-#`: hence `:` as the separator.
const scopeName = (scope: ConfigScope) => (scope.projectKey ? `project:${scope.projectKey}` : 'site');
const copyKey = (scope: ConfigScope) => `config:${scopeName(scope)}`;
const historyPrefix = (scope: ConfigScope) => `config-history:${scopeName(scope)}:`;
const historyKey = (scope: ConfigScope, revision: number) =>
  `${historyPrefix(scope)}${String(revision).padStart(10, '0')}`;

/** A load retries this often when the newest record vanished under it (pruned by many saves meanwhile). */
const HEAD_READ_ATTEMPTS = 3;

export class ConfigRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The configuration in force for a scope: its own, else the site's (for a project), else the defaults. */
  async load(scope: ConfigScope = {}): Promise<LoadedConfig> {
    const head = await this.head(scope);
    if (head.state === 'none') return this.inherited(scope, head.revision, null);
    if (head.state === 'damaged') {
      return this.fallBack(
        scope,
        head.revision,
        `revision ${head.revision || '?'} cannot be used: the stored record is damaged`,
      );
    }
    const checked = validate(head.record.document);
    if ('config' in checked) return this.toLoaded(head.record, checked.config, null, checked.migratedFrom);
    return this.fallBack(scope, head.revision, `revision ${head.revision} cannot be used: ${checked.reason}`);
  }

  /** Saves a new revision if `baseRevision` is still the newest; validates first, so nothing invalid is stored. */
  async save(
    scope: ConfigScope,
    document: unknown,
    baseRevision: number,
    savedBy: string | null,
  ): Promise<LoadedConfig> {
    refuseOversized(document);
    const parsed = parseConfig(document);
    if (!parsed.ok) throw new InvalidConfigError(parsed.problems);
    refuseOversized(parsed.config);
    const record: SavedRecord = {
      kind: 'saved',
      revision: baseRevision + 1,
      savedAt: this.now().toISOString(),
      savedBy,
      document: parsed.config,
    };
    await this.commit(scope, record, baseRevision);
    await this.tidyUp(scope, () => this.store.set(copyKey(scope), record));
    return this.toLoaded(record, parsed.config, null, null);
  }

  /** Newest first; a reset is listed too (restoring it resets the project again). */
  async revisions(scope: ConfigScope = {}): Promise<RevisionInfo[]> {
    const revisions = await this.historyRevisions(scope);
    const entries = await Promise.all(
      revisions.map((revision) => this.store.get(historyKey(scope, revision))),
    );
    return entries.filter(isRevisionRecord).map((entry) => ({
      revision: entry.revision,
      savedAt: entry.savedAt,
      savedBy: entry.savedBy ?? null,
      description:
        entry.kind === 'reset' ? 'reset: follows the site configuration' : describe(entry.document),
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
    if (isRevisionRecord(entry) && entry.kind === 'reset' && scope.projectKey) {
      return this.resetProject(scope.projectKey, baseRevision, savedBy);
    }
    if (!isSavedRecord(entry))
      throw new RevisionNotFoundError(`revision ${revision} is not in the last ${HISTORY_LIMIT} saves`);
    return this.save(scope, entry.document, baseRevision, savedBy);
  }

  /**
   * Makes a project follow the site again. The reset is a revision like a save, so a reset and a save made from
   * the same revision cannot both be accepted; the project's earlier revisions stay in its history.
   */
  async resetProject(
    projectKey: string,
    baseRevision: number,
    savedBy: string | null = null,
  ): Promise<LoadedConfig> {
    const scope = { projectKey };
    const record: ResetRecord = {
      kind: 'reset',
      revision: baseRevision + 1,
      savedAt: this.now().toISOString(),
      savedBy,
    };
    await this.commit(scope, record, baseRevision);
    await this.tidyUp(scope, () => this.store.delete(copyKey(scope)));
    return this.inherited(scope, record.revision, null);
  }

  /** Creates the record of revision base + 1: the one atomic step, so only one change per base gets through. */
  private async commit(scope: ConfigScope, record: RevisionRecord, baseRevision: number): Promise<void> {
    const current = await this.newestRevision(scope);
    // Checked first as well: a base older than the kept history could otherwise claim a pruned number.
    if (current !== baseRevision) throw new ConflictError(current);
    if (!(await this.store.setIfAbsent(historyKey(scope, record.revision), record))) {
      throw new ConflictError(await this.newestRevision(scope));
    }
  }

  /**
   * After a commit the change is saved whatever happens next: refreshing the copy and pruning the history are
   * tidying that the next change redoes, so their failure must not report the save as failed.
   */
  private async tidyUp(scope: ConfigScope, refreshCopy: () => Promise<void>): Promise<void> {
    try {
      await refreshCopy();
      await this.prune(scope);
    } catch (error) {
      console.error(`ML Lanes could not tidy the saved configuration of ${scopeName(scope)}`, error);
    }
  }

  /** Revision numbers in the history, newest first. */
  private async historyRevisions(scope: ConfigScope): Promise<number[]> {
    const prefix = historyPrefix(scope);
    return (await this.store.keys(prefix))
      .map((key) => Number(key.slice(prefix.length)))
      .filter((revision) => Number.isInteger(revision) && revision > 0)
      .sort((a, b) => b - a);
  }

  private async newestRevision(scope: ConfigScope): Promise<number> {
    const [revisions, copy] = await Promise.all([
      this.historyRevisions(scope),
      this.store.get(copyKey(scope)),
    ]);
    return Math.max(revisions[0] ?? 0, isRevisionRecord(copy) ? copy.revision : 0);
  }

  /** The newest record of a scope: the copy when no newer revision is in the history, else the history's. */
  private async head(scope: ConfigScope): Promise<Head> {
    for (let attempt = 1; ; attempt += 1) {
      const [revisions, copy] = await Promise.all([
        this.historyRevisions(scope),
        this.store.get(copyKey(scope)),
      ]);
      const newest = revisions[0] ?? 0;
      if (isRevisionRecord(copy) && copy.revision >= newest) return headOf(copy);
      // Neither a record nor history: an unreadable copy is damage, no copy is a scope never saved.
      if (newest === 0) return { revision: 0, state: copy === undefined ? 'none' : 'damaged' };
      const entry = await this.store.get(historyKey(scope, newest));
      if (entry === undefined && attempt < HEAD_READ_ATTEMPTS) continue;
      if (!isRevisionRecord(entry)) return { revision: newest, state: 'damaged' };
      // Before resets were recorded, resetting deleted the copy and left the history as it was.
      if (entry.kind === undefined && copy === undefined) return { revision: newest, state: 'none' };
      return headOf(entry);
    }
  }

  /** The newest revision older than `newestRevision` that still reads is used, and admins are told why. */
  private async fallBack(scope: ConfigScope, newestRevision: number, reason: string): Promise<LoadedConfig> {
    for (const revision of await this.historyRevisions(scope)) {
      if (revision >= newestRevision) continue;
      const entry = await this.store.get(historyKey(scope, revision));
      if (!isRevisionRecord(entry)) continue;
      if (entry.kind === 'reset') {
        return this.inherited(scope, newestRevision, { reason, revision: entry.revision });
      }
      const older = validate(entry.document);
      if ('config' in older) {
        return {
          ...this.toLoaded(entry, older.config, { reason, revision: entry.revision }, older.migratedFrom),
          // Editing goes on from the newest revision, whichever document is in force.
          revision: newestRevision,
        };
      }
    }
    const inUse = scope.projectKey ? 'the site configuration is' : 'the defaults are';
    return this.inherited(scope, newestRevision, {
      reason: `${reason}; no older revision reads either, so ${inUse} in use`,
      revision: 0,
    });
  }

  /** What a scope without a document of its own uses: the site's for a project, else the defaults. */
  private async inherited(
    scope: ConfigScope,
    revision: number,
    fallback: LoadedConfig['fallback'],
  ): Promise<LoadedConfig> {
    if (scope.projectKey) {
      const site = await this.load({});
      return {
        ...site,
        source: site.source === 'defaults' ? 'defaults' : 'site',
        revision,
        savedAt: null,
        savedBy: null,
        fallback: fallback ?? site.fallback,
      };
    }
    return {
      config: defaultConfig(),
      revision,
      savedAt: null,
      savedBy: null,
      source: 'defaults',
      fallback,
      migratedFrom: null,
    };
  }

  private toLoaded(
    record: SavedRecord,
    config: MlLanesConfig,
    fallback: LoadedConfig['fallback'],
    migratedFrom: number | null,
  ): LoadedConfig {
    return {
      config,
      revision: record.revision,
      savedAt: record.savedAt,
      savedBy: record.savedBy ?? null,
      source: 'saved',
      fallback,
      migratedFrom,
    };
  }

  /** Keeps the newest HISTORY_LIMIT records; the newest revision is always among them, so numbers only grow. */
  private async prune(scope: ConfigScope): Promise<void> {
    const revisions = await this.historyRevisions(scope);
    await Promise.all(
      revisions.slice(HISTORY_LIMIT).map((revision) => this.store.delete(historyKey(scope, revision))),
    );
  }
}

function headOf(record: RevisionRecord): Head {
  return record.kind === 'reset'
    ? { revision: record.revision, state: 'none' }
    : { revision: record.revision, state: 'saved', record };
}

/** Refuses, before anything is written, a document Forge's storage would refuse with an untyped error. */
function refuseOversized(document: unknown): void {
  const problem = storageProblem(document);
  if (problem) throw new InvalidConfigError([problem]);
}

/** Why Forge's storage could not hold this document, or null when it can. */
export function storageProblem(document: unknown): ConfigProblem | null {
  let bytes: number;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(document) ?? '').length;
  } catch {
    return { path: '(root)', message: 'the configuration is not plain JSON' };
  }
  if (bytes <= MAX_CONFIG_BYTES) return null;
  return {
    path: '(root)',
    message: `the configuration takes ${(bytes / 1024).toFixed(1)} KiB when stored; ML Lanes can store at most ${MAX_CONFIG_BYTES / 1024} KiB (Forge's storage refuses values over ${KVS_VALUE_LIMIT_BYTES / 1024} KiB)`,
  };
}

function validate(
  document: unknown,
): { config: MlLanesConfig; migratedFrom: number | null } | { reason: string } {
  const parsed = parseConfig(document);
  if (parsed.ok) return { config: parsed.config, migratedFrom: parsed.migratedFrom ?? null };
  const first = parsed.problems[0];
  return { reason: first ? `${first.path}: ${first.message}` : 'invalid' };
}

function isRevisionRecord(value: unknown): value is RevisionRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (!(Number.isInteger(record.revision) && (record.revision as number) > 0)) return false;
  if (typeof record.savedAt !== 'string') return false;
  if (record.kind === 'reset') return true;
  return (record.kind === undefined || record.kind === 'saved') && 'document' in record;
}

function isSavedRecord(value: unknown): value is SavedRecord {
  return isRevisionRecord(value) && value.kind !== 'reset';
}

function describe(document: unknown): string {
  const record = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >;
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return `${count(record.lanes)} lanes, ${count(record.rules)} rules, ${count(record.dependencyLinkTypes)} link types`;
}
