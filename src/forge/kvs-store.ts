import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from '../storage/key-value-store';

/** Forge's key-value store (`storage:app`) behind the app's storage interface. */
export const forgeKvsStore: KeyValueStore = {
  get: (key) => kvs.get(key),
  set: (key, value) => kvs.set(key, value),
  async setIfAbsent(key, value, ttlSeconds) {
    try {
      await kvs.set(key, value, {
        keyPolicy: 'FAIL_IF_EXISTS',
        ...(ttlSeconds ? { ttl: { value: ttlSeconds, unit: 'SECONDS' as const } } : {}),
      });
      return true;
    } catch (error) {
      // KVS refuses an existing key under FAIL_IF_EXISTS; the exact error code is not documented, hence both.
      if (
        error instanceof ForgeKvsAPIError &&
        (error.responseDetails.status === 409 || /EXIST|CONFLICT/i.test(error.code))
      ) {
        return false;
      }
      throw error;
    }
  },
  delete: (key) => kvs.delete(key),
  async keys(prefix) {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      // KVS answers prefix queries 100 keys a page.
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<unknown>();
      keys.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
    } while (cursor);
    return keys;
  },
};
