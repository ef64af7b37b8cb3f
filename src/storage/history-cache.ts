import type { BoardHistory } from '../domain/forecast/model';
import type { KeyValueStore } from './key-value-store';
import { KVS_VALUE_LIMIT_BYTES } from './config-repository';

/** A board's history changes slowly: read from Jira at most every six hours per person and board. */
export const HISTORY_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const LAYOUT = 1;
/** Room for the record around the history within Forge KVS's value limit. */
const MAX_BYTES = KVS_VALUE_LIMIT_BYTES - 8 * 1024;
/** A bigger history is stored in parts of this many characters (at most 4 bytes each in UTF-8: under the limit). */
const PART_CHARS = 56 * 1024;
/** Beyond this many parts (~14 MB of text) a history is not worth storing: it is read from Jira each time. */
const MAX_PARTS = 256;

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
    const base = storageKey(key);
    const head = await this.store.get(base);
    const stored = isPartsHead(head) ? await this.readParts(base, head) : head;
    if (!isCachedRecord(stored)) return null;
    if (this.now() - Date.parse(stored.readAt) > HISTORY_MAX_AGE_MS) return null;
    return { readAt: stored.readAt, history: stored.history, startedAt: stored.startedAt };
  }

  /**
   * Stores the history: in one value when it fits Forge KVS's limit, else in parts written before the head that
   * names them, under a name of their own, so a reader never mixes the parts of two writes. False when it is too
   * big even for that: it is then read afresh each time.
   */
  async set(key: HistoryCacheKey, value: CachedHistory): Promise<boolean> {
    const record = { layout: LAYOUT, ...value };
    const text = JSON.stringify(record);
    const base = storageKey(key);
    if (new TextEncoder().encode(text).length <= MAX_BYTES) {
      await this.store.set(base, record);
      return true;
    }
    const count = Math.ceil(text.length / PART_CHARS);
    if (count > MAX_PARTS) return false;
    const previous = await this.store.get(base);
    const write = `${this.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        this.store.set(partKey(base, write, index), text.slice(index * PART_CHARS, (index + 1) * PART_CHARS)),
      ),
    );
    await this.store.set(base, { layout: LAYOUT, write, parts: count } satisfies PartsHead);
    // The parts of the write this one replaced are no longer named by any head.
    if (isPartsHead(previous) && previous.write !== write) {
      await Promise.all(
        Array.from({ length: previous.parts }, (_, index) =>
          this.store.delete(partKey(base, previous.write, index)),
        ),
      );
    }
    return true;
  }

  private async readParts(base: string, head: PartsHead): Promise<unknown> {
    const parts = await Promise.all(
      Array.from({ length: head.parts }, (_, index) => this.store.get(partKey(base, head.write, index))),
    );
    if (!parts.every((part): part is string => typeof part === 'string')) return null;
    try {
      return JSON.parse(parts.join('')) as unknown;
    } catch {
      return null;
    }
  }
}

interface PartsHead {
  layout: number;
  write: string;
  parts: number;
}

function isPartsHead(value: unknown): value is PartsHead {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Record<string, unknown>;
  return (
    head.layout === LAYOUT &&
    typeof head.write === 'string' &&
    /^[a-z0-9]{1,32}$/.test(head.write) &&
    Number.isInteger(head.parts) &&
    (head.parts as number) >= 1 &&
    (head.parts as number) <= MAX_PARTS
  );
}

function partKey(base: string, write: string, index: number): string {
  return `${base}:${write}:part:${index}`;
}

/** The cache entry's key in the store; other records about the same history (a background read) build on it. */
export function storageKey(key: HistoryCacheKey): string {
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
