/** The storage ML Lanes needs: Forge's KVS in production, a file in the playground, memory in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes only if the key is new; false when it already exists. The one atomic step saves and locks rely on.
   * With `ttlSeconds` the store may expire the key by itself (Forge KVS does; the local stores leave it to the
   * lock's own staleness check).
   */
  setIfAbsent(key: string, value: unknown, ttlSeconds?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in any order. */
  keys(prefix: string): Promise<string[]>;
}

/** Forge KVS accepts these keys only (checked locally too, so a bad key fails in tests, not in production). */
const KVS_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;
const KVS_KEY_MAX = 500;

export function assertKvsKey(key: string): void {
  if (key.length > KVS_KEY_MAX || !KVS_KEY.test(key)) {
    throw new Error(
      `"${key}" is not a valid Forge KVS key (letters, digits, : . _ - # and spaces; at most 500)`,
    );
  }
}

export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    assertKvsKey(key);
    const text = this.values.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  async set(key: string, value: unknown): Promise<void> {
    assertKvsKey(key);
    // Stored as JSON, as KVS does: what goes in is what a later read sees, never a shared object.
    this.values.set(key, JSON.stringify(value));
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertKvsKey(key);
    if (this.values.has(key)) return false;
    this.values.set(key, JSON.stringify(value));
    return true;
  }

  async delete(key: string): Promise<void> {
    assertKvsKey(key);
    this.values.delete(key);
  }

  async keys(prefix: string): Promise<string[]> {
    return [...this.values.keys()].filter((key) => key.startsWith(prefix));
  }
}
