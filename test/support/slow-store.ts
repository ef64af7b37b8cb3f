import { MemoryStore, type KeyValueStore } from '../../src/storage/key-value-store';

export interface SlowStoreOptions {
  /** Fewest and most milliseconds one operation takes, end to end (Forge KVS over the network: 5–40). */
  minMs?: number;
  maxMs?: number;
  /** Returns a number in [0, 1); Math.random unless given (a seeded one replays an interleaving). */
  random?: () => number;
}

/**
 * A store (a `MemoryStore` unless given one) behind a slow network, for race tests: every operation waits a
 * random 5–40 ms, part of it before it reaches the store and the rest before its answer comes back. So, as with
 * Forge KVS, a write can be visible to others before its caller hears it is done, and operations issued
 * together land in any order.
 */
export class SlowStore implements KeyValueStore {
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly random: () => number;

  constructor(
    readonly inner: KeyValueStore = new MemoryStore(),
    options: SlowStoreOptions = {},
  ) {
    this.minMs = options.minMs ?? 5;
    this.maxMs = options.maxMs ?? 40;
    this.random = options.random ?? Math.random;
    if (!(this.minMs >= 0 && this.maxMs >= this.minMs)) {
      throw new Error(`SlowStore needs 0 <= minMs <= maxMs, got ${this.minMs} and ${this.maxMs}`);
    }
  }

  get(key: string): Promise<unknown> {
    return this.slowly(() => this.inner.get(key));
  }

  set(key: string, value: unknown): Promise<void> {
    return this.slowly(() => this.inner.set(key, value));
  }

  setIfAbsent(key: string, value: unknown, ttlSeconds?: number): Promise<boolean> {
    return this.slowly(() => this.inner.setIfAbsent(key, value, ttlSeconds));
  }

  delete(key: string): Promise<void> {
    return this.slowly(() => this.inner.delete(key));
  }

  keys(prefix: string): Promise<string[]> {
    return this.slowly(() => this.inner.keys(prefix));
  }

  private async slowly<T>(operation: () => Promise<T>): Promise<T> {
    const total = this.minMs + this.random() * (this.maxMs - this.minMs);
    const there = total * this.random();
    await sleep(there);
    const result = await operation();
    await sleep(total - there);
    return result;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
