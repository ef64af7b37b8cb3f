import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { assertKvsKey, type KeyValueStore } from './key-value-store';

/** The playground's stand-in for Forge KVS: one JSON file, written atomically. */
export class FileStore implements KeyValueStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async get(key: string): Promise<unknown> {
    assertKvsKey(key);
    return (await this.read())[key];
  }

  async set(key: string, value: unknown): Promise<void> {
    assertKvsKey(key);
    await this.update((all) => {
      all[key] = value;
      return true;
    });
  }

  setIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertKvsKey(key);
    return this.update((all) => {
      if (key in all) return false;
      all[key] = value;
      return true;
    });
  }

  async delete(key: string): Promise<void> {
    assertKvsKey(key);
    await this.update((all) => {
      delete all[key];
      return true;
    });
  }

  async keys(prefix: string): Promise<string[]> {
    return Object.keys(await this.read()).filter((key) => key.startsWith(prefix));
  }

  private async read(): Promise<Record<string, unknown>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  /** Writes one at a time, through a temporary file, so a crash never leaves half a file. */
  private update(change: (all: Record<string, unknown>) => boolean): Promise<boolean> {
    const next = this.queue.then(async () => {
      const all = await this.read();
      if (!change(all)) return false;
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(`${this.file}.tmp`, JSON.stringify(all, null, 2));
      await rename(`${this.file}.tmp`, this.file);
      return true;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
