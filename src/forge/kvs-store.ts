import { kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from '../storage/key-value-store';

/** Forge's key-value store (`storage:app`) behind the app's storage interface. */
export const forgeKvsStore: KeyValueStore = {
  get: (key) => kvs.get(key),
  set: (key, value) => kvs.set(key, value),
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
