/**
 * The playground as `npm start` wires it for ML tool deliveries, on the demo site in the simulator (with the
 * evidence fields deployed): its web trigger route, the in-process evidence queue whose consumer writes as the
 * app, the Connections stores and "Send a test delivery". Shared by the integration, CLI and browser tests.
 */
import type { ConnectionsAccess } from '../../src/app/connections-admin';
import { createForgeHandler } from '../../src/forge/handler';
import { PLAYGROUND_WEBTRIGGER_PATH } from '../../src/playground/connections';
import { playgroundEvidence, type PlaygroundEvidence } from '../../src/playground/evidence';
import { installForgeRuntime } from '../../src/playground/forge-runtime';
import { startPlayground, type RunningPlayground } from '../../src/playground/server';
import { sendTestDelivery } from '../../src/playground/test-delivery';
import {
  DEMO_NOW,
  demoSite,
  SIM_APP_FIELD_MODULE_KEYS,
  SIM_EVIDENCE_FIELD_MODULE_KEYS,
  startSimulator,
  type RunningSimulator,
} from '../../src/simulator';
import { ConfigRepository } from '../../src/storage/config-repository';
import { ConnectionsStore } from '../../src/storage/connections-store';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { MemoryStore } from '../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../src/storage/webhook-secrets';

export const STAGE_ADMIN = { email: 'stage@example.com', apiToken: 'stage-token' };

export interface EvidenceStage {
  simulator: RunningSimulator;
  playground: RunningPlayground;
  access: ConnectionsAccess;
  configs: ConfigRepository;
  evidence: PlaygroundEvidence;
  /** The tool's route on the playground's web trigger. */
  routeOf(tool: string): string;
  /** An issue's fields and property as Jira answers them (Basic auth as the admin). */
  jira(path: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startEvidenceStage(): Promise<EvidenceStage> {
  const simulator = await startSimulator({
    workspace: { ...demoSite(), credentials: STAGE_ADMIN },
    appFields: [...SIM_APP_FIELD_MODULE_KEYS, ...SIM_EVIDENCE_FIELD_MODULE_KEYS],
  });
  installForgeRuntime({ jiraUrl: simulator.url, ...STAGE_ADMIN });
  const store = new MemoryStore();
  const secretStore = new MemorySecretStore();
  const configs = new ConfigRepository(store);
  let appUrl = '';
  const access: ConnectionsAccess = {
    settings: new ConnectionsStore(store),
    secrets: new WebhookSecrets(secretStore),
    log: new DeliveryLog(store),
    webTrigger: { current: async () => `${appUrl}${PLAYGROUND_WEBTRIGGER_PATH}` },
  };
  const evidence = playgroundEvidence(store, secretStore);
  const playground = await startPlayground({
    handler: createForgeHandler(configs, { store, today: () => new Date(DEMO_NOW), connections: access }),
    siteUrl: simulator.url,
    users: { admin: { ...STAGE_ADMIN, accountId: 'stage-admin' } },
    webTrigger: evidence.webTrigger,
    testDelivery: ({ tool, tamper }) => sendTestDelivery({ access, configs }, tool, tamper),
  });
  appUrl = playground.url;
  const auth = `Basic ${Buffer.from(`${STAGE_ADMIN.email}:${STAGE_ADMIN.apiToken}`).toString('base64')}`;
  return {
    simulator,
    playground,
    access,
    configs,
    evidence,
    routeOf: (tool) => `${playground.url}${PLAYGROUND_WEBTRIGGER_PATH}/${tool}`,
    async jira(path) {
      const response = await fetch(`${simulator.url}${path}`, { headers: { Authorization: auth } });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    close: async () => {
      await playground.close();
      await simulator.close();
    },
  };
}
