import type { KeyValueStore } from './key-value-store';
import { LockLostError, LockTimeoutError } from '../errors';

/**
 * Forge stops a resolver after 25 s, so a lock older than 30 s can only be left over from a crashed invocation:
 * a live holder never sees its lock expire under it.
 */
export const LOCK_EXPIRY_MS = 30_000;

export interface LockOptions {
  /** A lock older than this is taken to be left over from a crashed invocation. */
  staleAfterMs?: number;
  /** How long to keep trying before giving up. */
  waitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Handed to the work done under a lock. */
export interface LockLease {
  /** Throws `LockLostError` unless this holder still owns the lock: call it right before writing. */
  confirm(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding a lock in the key-value store. Jira's issue properties have no compare-and-set, so
 * read-merge-write on one property is serialised here: without it, two people ticking at once lose a tick.
 */
export async function withLock<T>(
  store: KeyValueStore,
  key: string,
  work: (lease: LockLease) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const staleAfterMs = options.staleAfterMs ?? LOCK_EXPIRY_MS;
  const giveUpAt = now() + (options.waitMs ?? 10_000);
  const token = `${now()}-${Math.random().toString(36).slice(2)}`;
  let acquiredAt = 0;
  for (let attempt = 0; ; attempt += 1) {
    acquiredAt = now();
    if (await store.setIfAbsent(key, { token, at: acquiredAt }, Math.ceil(staleAfterMs / 1000))) break;
    const holder = (await store.get(key)) as { at?: unknown } | undefined;
    if (holder && typeof holder.at === 'number' && now() - holder.at > staleAfterMs) {
      await store.delete(key);
      continue;
    }
    if (now() >= giveUpAt) throw new LockTimeoutError(`${key} stayed busy; try again in a moment`);
    // Jittered, growing waits so that many waiting writers do not retry in lockstep.
    await sleep(Math.min(200, 10 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
  }
  const lease: LockLease = {
    async confirm() {
      const holder = (await store.get(key)) as { token?: unknown } | undefined;
      // Past the expiry another writer may take the lock at any moment, even if nobody has yet.
      if (holder?.token !== token || now() - acquiredAt >= staleAfterMs) {
        throw new LockLostError(`${key} expired before the change could be written; nothing was written`);
      }
    },
  };
  try {
    return await work(lease);
  } finally {
    // Releasing must never hide the work's own error; a lock left behind expires after `staleAfterMs`.
    try {
      const holder = (await store.get(key)) as { token?: unknown } | undefined;
      if (holder?.token === token) await store.delete(key);
    } catch (error) {
      console.error(`ML Lanes could not release ${key}`, error);
    }
  }
}
