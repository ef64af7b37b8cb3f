import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { evidenceToolSchema, type EvidenceTool } from '../domain/evidence/evidence-event';

/**
 * The web trigger's secrets, one per tool route. Generated here (32 random bytes, base64url: 43 characters),
 * kept in Forge's secret storage (`kvs.setSecret`, src/forge/), returned ONCE by create/rotate and never again:
 * the admin page sees only whether a secret is set and since when. The verifier reads it through `secretFor`.
 */

/** Forge's secret storage, or a stand-in: the same three calls as `kvs.getSecret/setSecret/deleteSecret`. */
export interface SecretStore {
  getSecret(key: string): Promise<unknown>;
  setSecret(key: string, value: unknown): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}

const storedSecretSchema = z.strictObject({
  secret: z.string().min(32).max(200),
  createdAt: z.string(),
});
type StoredSecret = z.infer<typeof storedSecretSchema>;

/** What the admin page may know about a route's secret. */
export interface SecretStatus {
  tool: EvidenceTool;
  configured: boolean;
  createdAt: string | null;
}

/** A new secret, to show the admin once. */
export interface IssuedSecret {
  tool: EvidenceTool;
  secret: string;
  createdAt: string;
}

const SECRET_BYTES = 32;
const keyOf = (tool: EvidenceTool) => `webhook-secret:${tool}`;

export class WebhookSecrets {
  constructor(
    private readonly store: SecretStore,
    private readonly now: () => Date = () => new Date(),
    private readonly random: (bytes: number) => Buffer = randomBytes,
  ) {}

  /** Creates the route's secret, replacing any earlier one (which stops working at once): create and rotate alike. */
  async rotate(tool: EvidenceTool): Promise<IssuedSecret> {
    evidenceToolSchema.parse(tool);
    const issued: StoredSecret = {
      secret: this.random(SECRET_BYTES).toString('base64url'),
      createdAt: this.now().toISOString(),
    };
    await this.store.setSecret(keyOf(tool), issued);
    return { tool, ...issued };
  }

  /** Removes the route's secret: the route then answers as not set up. */
  async revoke(tool: EvidenceTool): Promise<void> {
    evidenceToolSchema.parse(tool);
    await this.store.deleteSecret(keyOf(tool));
  }

  async status(tool: EvidenceTool): Promise<SecretStatus> {
    const stored = await this.read(tool);
    return { tool, configured: stored !== null, createdAt: stored?.createdAt ?? null };
  }

  /**
   * The secret to verify a delivery with; null when none is set or what is stored is unusable (too short or
   * damaged): an empty or missing secret means the route is not set up, never "accept anything".
   */
  async secretFor(tool: EvidenceTool): Promise<string | null> {
    return (await this.read(tool))?.secret ?? null;
  }

  private async read(tool: EvidenceTool): Promise<StoredSecret | null> {
    evidenceToolSchema.parse(tool);
    const parsed = storedSecretSchema.safeParse(await this.store.getSecret(keyOf(tool)));
    return parsed.success ? parsed.data : null;
  }
}

/** For tests. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async getSecret(key: string): Promise<unknown> {
    const text = this.values.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  async setSecret(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.stringify(value));
  }

  async deleteSecret(key: string): Promise<void> {
    this.values.delete(key);
  }
}

/** The playground's secret storage: one JSON file readable by its owner only (mode 0600), written atomically. */
export class FileSecretStore implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async getSecret(key: string): Promise<unknown> {
    return (await this.read())[key];
  }

  setSecret(key: string, value: unknown): Promise<void> {
    return this.update((all) => {
      all[key] = value;
    });
  }

  deleteSecret(key: string): Promise<void> {
    return this.update((all) => {
      delete all[key];
    });
  }

  private async read(): Promise<Record<string, unknown>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private update(change: (all: Record<string, unknown>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const all = Object.assign(Object.create(null) as Record<string, unknown>, await this.read());
      change(all);
      await mkdir(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.tmp`;
      await writeFile(temporary, JSON.stringify(all), { mode: 0o600 });
      await chmod(temporary, 0o600);
      await rename(temporary, this.file);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
