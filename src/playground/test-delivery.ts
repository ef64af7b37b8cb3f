import { randomUUID } from 'node:crypto';
import type { ConnectionsAccess } from '../app/connections-admin';
import { demoDelivery, DEMO_EVIDENCE_PROJECT, withEvidenceDod } from '../demo/evidence-demo';
import {
  EVIDENCE_FIELD_SPECS,
  EVIDENCE_TOOL_NAMES,
  type EvidenceTool,
} from '../domain/evidence/evidence-event';
import type { ConfigRepository } from '../storage/config-repository';
import type { DeliveryLogEntry } from '../storage/delivery-log';
import { signedDelivery } from '../webhooks/sign-delivery';
import type { TestDeliveryLogLine, TestDeliveryResult } from '../../static/playground/src/test-delivery-api';

/** How long the post to the web trigger may take, and how long the consumer may take to write after it. */
const POST_DEADLINE_MS = 10_000;
const WRITE_DEADLINE_MS = 15_000;
const POLL_MS = 100;
const SAVED_BY = 'playground test delivery';

export interface TestDeliveryDeps {
  access: ConnectionsAccess;
  configs: ConfigRepository;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * "Send a test delivery": sets the demo up where it is not (the tool on, the demo project allowed, a secret, the
 * DoD items), signs a sample payload with the playground's stored secret as the tool would, posts it to the
 * playground's own web trigger URL over HTTP, and reports the answer and the delivery-log lines it produced; a
 * signed one is followed until the consumer wrote it (or the deadline passed).
 */
export async function sendTestDelivery(
  deps: TestDeliveryDeps,
  tool: EvidenceTool,
  tamper: boolean,
): Promise<TestDeliveryResult> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const name = EVIDENCE_TOOL_NAMES[tool];
  const setUp: string[] = [];

  const loaded = await deps.access.settings.load();
  const connections = structuredClone(loaded.connections);
  if (!connections.tools[tool].enabled) {
    connections.tools[tool].enabled = true;
    setUp.push(`Turned ${name} on in Connections.`);
  }
  if (!connections.allowedProjects.includes(DEMO_EVIDENCE_PROJECT)) {
    connections.allowedProjects.push(DEMO_EVIDENCE_PROJECT);
    setUp.push(`Allowed project ${DEMO_EVIDENCE_PROJECT} to receive evidence.`);
  }
  if (setUp.length > 0) await deps.access.settings.save(connections, loaded.revision, SAVED_BY);

  let secret = await deps.access.secrets.secretFor(tool);
  if (secret === null) {
    secret = (await deps.access.secrets.rotate(tool)).secret;
    setUp.push(
      `${name} had no secret: created one for the demo (rotate it in Connections to see a new one).`,
    );
  }

  const config = await deps.configs.load({});
  const withDod = withEvidenceDod(config.config);
  if (withDod) {
    await deps.configs.save({}, withDod.config, config.revision, SAVED_BY);
    setUp.push(`Added ${withDod.added.join(', ')} to the Definition of Done.`);
  }

  const sample = demoDelivery(tool, connections.tools[tool], now());
  const field = EVIDENCE_FIELD_SPECS[sample.field].name;
  // The configuration as saved now: the one with the demo items added holds every item the old one had.
  const dodItem =
    (withDod?.config ?? config.config).dod[sample.lane]?.items.find(
      (item) => item.kind === 'auto' && item.field === field,
    )?.label ?? field;
  const delivery = signedDelivery(tool, sample.body, secret, {
    deliveryId: randomUUID(),
    timestampSeconds: Math.floor(now().getTime() / 1000),
    tamper,
  });
  const before = (await deps.access.log.list(tool))[0];
  const url = `${await deps.access.webTrigger.current()}/${tool}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
    signal: AbortSignal.timeout(POST_DEADLINE_MS),
  });
  const answer = await response.text();

  const lines = async () => newLines(await deps.access.log.list(tool), before, delivery.deliveryId);
  let log = await lines();
  const accepted = response.status === 202;
  // The consumer writes a moment later: follow the delivery until its "written" (or a refusal) line appears.
  for (let waited = 0; accepted && !log.some(settled) && waited < WRITE_DEADLINE_MS; waited += POLL_MS) {
    await sleep(POLL_MS);
    log = await lines();
  }
  return {
    tool,
    url,
    issueKey: sample.issueKey,
    dodItem,
    tampered: delivery.tampered,
    status: response.status,
    answer,
    log: log.map(toLine),
    written: log.some((entry) => entry.outcome === 'written'),
    setUp,
  };
}

const settled = (entry: DeliveryLogEntry) => entry.outcome !== 'accepted';

/**
 * The log entries this delivery produced, oldest first: those with its id, or (a refusal before the id is known)
 * the newest entry when it is not the one seen before sending — a coalesced rejection counts as new when its
 * count or time moved.
 */
function newLines(
  entries: DeliveryLogEntry[],
  before: DeliveryLogEntry | undefined,
  deliveryId: string,
): DeliveryLogEntry[] {
  const own = entries.filter((entry) => entry.deliveryId === deliveryId);
  if (own.length > 0) return own.reverse();
  const newest = entries[0];
  if (!newest) return [];
  const same =
    before && newest.at === before.at && newest.count === before.count && newest.reason === before.reason;
  return same ? [] : [newest];
}

function toLine(entry: DeliveryLogEntry): TestDeliveryLogLine {
  return {
    at: entry.at,
    outcome: entry.outcome,
    reason: entry.reason,
    count: entry.count,
    ...(entry.issueKey ? { issueKey: entry.issueKey } : {}),
  };
}
