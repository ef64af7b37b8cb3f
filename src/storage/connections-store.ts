import { defaultConnections, parseConnections, type Connections } from '../config/connections-schema';
import { ConflictError } from '../errors';
import type { KeyValueStore } from './key-value-store';

/**
 * The saved Connections settings, versioned by revision like the configuration (config-repository.ts): a save
 * commits by creating the record of revision base + 1 with `setIfAbsent`, so of two saves made from the same
 * revision exactly one is accepted and the other is refused with ConflictError (never silently lost). The last
 * KEPT_REVISIONS records are kept; the newest valid one is in force, and a damaged one falls back to the previous.
 */

const PREFIX = 'connections-rev:';
const KEPT_REVISIONS = 5;
const keyOf = (revision: number) => `${PREFIX}${String(revision).padStart(10, '0')}`;

export interface LoadedConnections {
  connections: Connections;
  /** 0 when never saved (the defaults). */
  revision: number;
  savedAt: string | null;
  savedBy: string | null;
  /** Set when the newest record could not be used and an older one (or the defaults) is in force. */
  fallback: string | null;
}

interface ConnectionsRecord {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  document: unknown;
}

/** Thrown by save with every problem of the document, each naming its JSON path; nothing was saved. */
export class InvalidConnectionsError extends Error {
  override readonly name = 'InvalidConnectionsError';

  constructor(readonly problems: string[]) {
    super(`the Connections settings have ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

export class ConnectionsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(): Promise<LoadedConnections> {
    const revisions = await this.revisions();
    let fallback: string | null = null;
    for (const revision of revisions) {
      const record = (await this.store.get(keyOf(revision))) as Partial<ConnectionsRecord> | undefined;
      const parsed = parseConnections(record?.document);
      if (record && parsed.ok) {
        return {
          connections: parsed.connections,
          revision,
          savedAt: typeof record.savedAt === 'string' ? record.savedAt : null,
          savedBy: typeof record.savedBy === 'string' ? record.savedBy : null,
          fallback,
        };
      }
      fallback ??= `revision ${revision} of the Connections settings is damaged; an older one is in force`;
    }
    return {
      connections: defaultConnections(),
      revision: revisions[0] ?? 0,
      savedAt: null,
      savedBy: null,
      fallback,
    };
  }

  /** Saves when `baseRevision` is still the newest; validates first, so nothing invalid is stored. */
  async save(document: unknown, baseRevision: number, savedBy: string | null): Promise<LoadedConnections> {
    const parsed = parseConnections(document);
    if (!parsed.ok) throw new InvalidConnectionsError(parsed.problems);
    const newest = (await this.revisions())[0] ?? 0;
    if (newest !== baseRevision) throw new ConflictError(newest);
    const record: ConnectionsRecord = {
      revision: baseRevision + 1,
      savedAt: this.now().toISOString(),
      savedBy,
      document: parsed.connections,
    };
    if (!(await this.store.setIfAbsent(keyOf(record.revision), record))) {
      throw new ConflictError((await this.revisions())[0] ?? record.revision);
    }
    await this.prune();
    return {
      connections: parsed.connections,
      revision: record.revision,
      savedAt: record.savedAt,
      savedBy,
      fallback: null,
    };
  }

  /** Newest first. */
  private async revisions(): Promise<number[]> {
    return (await this.store.keys(PREFIX))
      .map((key) => Number(key.slice(PREFIX.length)))
      .filter((revision) => Number.isInteger(revision) && revision > 0)
      .sort((a, b) => b - a);
  }

  /** Tidying only: a failure leaves extra old records, never a lost save. */
  private async prune(): Promise<void> {
    try {
      const old = (await this.revisions()).slice(KEPT_REVISIONS);
      await Promise.all(old.map((revision) => this.store.delete(keyOf(revision))));
    } catch (error) {
      console.error('ML Lanes could not prune old Connections settings', error);
    }
  }
}
