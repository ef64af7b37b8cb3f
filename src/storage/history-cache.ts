import type { BoardHistory } from '../domain/forecast/model';
import type { KeyValueStore } from './key-value-store';
import { KVS_VALUE_LIMIT_BYTES } from './config-repository';

/** A board's history changes slowly: read from Jira at most every six hours per person and board. */
export const HISTORY_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const LAYOUT = 1;
/** Room for the record around the history within Forge KVS's value limit. */
const MAX_BYTES = KVS_VALUE_LIMIT_BYTES - 8 * 1024;

export interface CachedHistory {
  readAt: string;
  history: BoardHistory;
  startedAt: [string, string][];
}

/**
 * Who asks and what for. The history is read as the user, so it is cached per person: one user must never see
 * what was derived from issues only another may read. The configuration's fingerprint is in the key because the
 * lanes issues fall in come from it.
 */
export interface HistoryCacheKey {
  accountId: string;
  boardId: number;
  windowDays: number;
  /** The day the history ends (YYYY-MM-DD). */
  asOfDay: string;
  configFingerprint: string;
}

/** Derived board histories in the app's storage, so a panel refresh does not read months of changelogs again. */
export class HistoryCache {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: HistoryCacheKey): Promise<CachedHistory | null> {
    const stored = await this.store.get(storageKey(key));
    if (!isCachedRecord(stored)) return null;
    if (this.now() - Date.parse(stored.readAt) > HISTORY_MAX_AGE_MS) return null;
    return { readAt: stored.readAt, history: stored.history, startedAt: stored.startedAt };
  }

  /** False when the history is too big for one stored value: it is then read afresh each time. */
  async set(key: HistoryCacheKey, value: CachedHistory): Promise<boolean> {
    const record = { layout: LAYOUT, ...value };
    if (new TextEncoder().encode(JSON.stringify(record)).length > MAX_BYTES) return false;
    await this.store.set(storageKey(key), record);
    return true;
  }
}

function storageKey(key: HistoryCacheKey): string {
  const account = key.accountId.replace(/[^a-zA-Z0-9:._-]/g, '_');
  return `history:${account}:${key.boardId}:${key.windowDays}:${key.asOfDay}:${key.configFingerprint}`;
}

/** Stored data is checked before use: a record of another layout, or damaged, is a cache miss. */
function isCachedRecord(value: unknown): value is CachedHistory & { layout: number } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const history = record.history as Record<string, unknown> | null | undefined;
  return (
    record.layout === LAYOUT &&
    typeof record.readAt === 'string' &&
    Array.isArray(record.startedAt) &&
    typeof history === 'object' &&
    history !== null &&
    Array.isArray(history.issues) &&
    Array.isArray(history.closedSprints) &&
    typeof history.timeZone === 'string'
  );
}

/** A short, stable fingerprint of a JSON value (FNV-1a over its text): not for security, only to tell configs apart. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
