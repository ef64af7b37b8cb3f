import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordEvidence, type RecordOutcome } from '../../../../src/app/record-evidence';
import { defaultConnections, type Connections } from '../../../../src/config/connections-schema';
import type { EvidenceEvent, EvidenceTool } from '../../../../src/domain/evidence/evidence-event';
import { ConnectionsStore } from '../../../../src/storage/connections-store';
import { DeliveryLog } from '../../../../src/storage/delivery-log';
import { MemoryStore } from '../../../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../../../src/storage/webhook-secrets';
import { routeDelivery } from '../../../../src/webhooks/route-delivery';
import { signDelivery } from '../../../../src/webhooks/verify';
import type { WebhookResponse } from '../../../../src/webhooks/webhook-request';
import { fakeJira, type FakeJira } from './fake-jira';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'ml-tools');
/** The raw body of a fixture, byte for byte (signatures are over it). */
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export const NOW = new Date('2026-11-30T06:05:00Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);

export const BODIES: Record<EvidenceTool, string> = {
  mlflow: fixture('mlflow-model-version-created.json'),
  databricks: fixture('databricks-model-version-transitioned-stage.json'),
  wandb: fixture('wandb-add-artifact-alias.json'),
  labelstudio: fixture('labelstudio-annotation-created.json'),
  ci: fixture('ci-metrics.json'),
};

export interface Harness {
  jira: FakeJira;
  store: MemoryStore;
  queued: EvidenceEvent[];
  secrets: Record<EvidenceTool, string>;
  secretStore: MemorySecretStore;
  connections: ConnectionsStore;
  /** Every line written to the console while the harness ran. */
  consoleLines: string[];
  /** Posts `body` to `/<route>` with `headers` (as Forge hands them: lists of values). */
  post(
    route: string,
    body: string,
    headers: Record<string, string>,
    method?: string,
  ): Promise<WebhookResponse>;
  /** A correctly signed delivery of `body` to the tool's own route. */
  deliver(
    tool: EvidenceTool,
    body?: string,
    options?: { deliveryId?: string; at?: number },
  ): Promise<WebhookResponse>;
  /** Runs the consumer over everything queued so far, as the Forge queue would. */
  drain(): Promise<RecordOutcome[]>;
  /** Everything stored in KVS except the secrets, plus the console: where a leak would show. */
  observable(): Promise<string>;
  restore(): void;
}

let counter = 0;

export async function harness(
  change: (connections: Connections) => void = () => undefined,
): Promise<Harness> {
  const store = new MemoryStore();
  const secretStore = new MemorySecretStore();
  const webhookSecrets = new WebhookSecrets(secretStore, () => NOW);
  const connections = new ConnectionsStore(store, () => NOW);
  const document = defaultConnections();
  document.allowedProjects = ['ML'];
  for (const tool of Object.values(document.tools)) tool.enabled = true;
  document.tools.mlflow.baseUrl = 'https://mlflow.acme.example';
  document.tools.ci.baseUrl = 'https://github.com';
  document.tools.labelstudio.baseUrl = 'https://label.acme.example';
  document.tools.databricks.keySource = { place: 'model-name' };
  change(document);
  await connections.save(document, 0, 'admin');
  const secrets = {} as Record<EvidenceTool, string>;
  for (const tool of ['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const) {
    secrets[tool] = (await webhookSecrets.rotate(tool)).secret;
  }
  const jira = fakeJira();
  const queued: EvidenceEvent[] = [];
  const consoleLines: string[] = [];
  const spies = (['error', 'warn', 'log', 'info'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(
        args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' '),
      );
    }),
  );
  const log = new DeliveryLog(store, () => NOW);
  const deps = {
    secrets: webhookSecrets,
    connections,
    queue: { push: async (event: EvidenceEvent) => void queued.push(event) },
    log,
    store,
    now: () => NOW,
  };
  const post: Harness['post'] = (route, body, headers, method = 'POST') =>
    routeDelivery(
      {
        method,
        path: `/${route}`,
        headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
        body,
      },
      deps,
    );
  return {
    jira,
    store,
    queued,
    secrets,
    secretStore,
    connections,
    consoleLines,
    post,
    deliver(tool, body = BODIES[tool], options = {}) {
      counter += 1;
      const headers = signDelivery(tool, body, secrets[tool], {
        deliveryId: options.deliveryId ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        timestampSeconds: options.at ?? NOW_S,
      });
      return post(tool, body, headers);
    },
    async drain() {
      const outcomes: RecordOutcome[] = [];
      // Consumed as the queue would: each event once, in order.
      for (let event = queued.shift(); event !== undefined; event = queued.shift()) {
        outcomes.push(
          await recordEvidence(
            {
              jira: jira.seam,
              connections,
              log,
              store,
              now: () => NOW.getTime(),
              sleep: async () => undefined,
            },
            JSON.parse(JSON.stringify(event)),
          ),
        );
      }
      return outcomes;
    },
    async observable() {
      const keys = await store.keys('');
      const values = await Promise.all(
        keys.map(async (key) => `${key}=${JSON.stringify(await store.get(key))}`),
      );
      return [...values, ...consoleLines].join('\n');
    },
    restore() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
