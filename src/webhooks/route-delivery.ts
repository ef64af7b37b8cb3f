import type { Connections } from '../config/connections-schema';
import { EVIDENCE_TOOLS, type EvidenceEvent, type EvidenceTool } from '../domain/evidence/evidence-event';
import { normalizeDelivery } from '../domain/evidence/normalize';
import { projectKeyOf } from '../domain/issue-key';
import type { DeliveryReport } from '../storage/delivery-log';
import type { KeyValueStore } from '../storage/key-value-store';
import { verifyDelivery } from './verify';
import { answer, type WebhookRequest, type WebhookResponse } from './webhook-request';

/*
 * One delivery through the web trigger, cheapest checks first, and nothing costly before verification:
 * route (404) → size (413) → method (405) → secret set (404) → signature (401) → tool on (404) → JSON (400) →
 * normalize (422, or 200 "ignored" for events the app does not read) → allow-list (403) → seen before (200) →
 * queue (202). No Jira call and no queue push happens here before all of that passed; the consumer does the rest.
 * Answers never echo the request, and the delivery log gets our own short reason, never the body or a header.
 */

/**
 * 256 KiB: MLflow, Databricks, W&B and CI payloads are a few KB; Label Studio's annotation events carry the
 * project's labeling config and the annotation's result (tens of KB). Bulk task imports (TASKS_CREATED with
 * thousands of tasks) can be larger: subscribe Label Studio to annotation events only.
 */
export const MAX_BODY_BYTES = 256 * 1024;
/** A delivery id is remembered this long (Forge KVS TTL): replays of a tool without timestamps within it are ignored. */
export const SEEN_TTL_SECONDS = 7 * 24 * 3600;

export interface EvidenceQueue {
  push(event: EvidenceEvent): Promise<void>;
}

export interface DeliveryDeps {
  secrets: { secretFor(tool: EvidenceTool): Promise<string | null> };
  connections: { load(): Promise<{ connections: Connections }> };
  queue: EvidenceQueue;
  log: { record(report: DeliveryReport): Promise<void> };
  /** For "seen before" (setIfAbsent with a TTL). */
  store: KeyValueStore;
  now?: () => Date;
}

export const seenKey = (tool: EvidenceTool, deliveryId: string) => `evidence-seen:${tool}:${deliveryId}`;

/** The tool a path names: its last segment (`/mlflow`, `/x1/<id>/mlflow/`), or null. */
export function toolOfPath(path: string): EvidenceTool | null {
  const segment = path.split('?')[0]?.split('/').filter(Boolean).pop() ?? '';
  return (EVIDENCE_TOOLS as readonly string[]).includes(segment) ? (segment as EvidenceTool) : null;
}

export async function routeDelivery(request: WebhookRequest, deps: DeliveryDeps): Promise<WebhookResponse> {
  const now = (deps.now ?? (() => new Date()))();
  const tool = toolOfPath(request.path);
  if (tool === null) return answer(404, { error: 'unknown route' });
  const reject = async (statusCode: number, reason: string, extra: Partial<DeliveryReport> = {}) => {
    await deps.log.record({ tool, outcome: 'rejected', reason, ...extra });
    return answer(statusCode, { error: reason });
  };

  if (Buffer.byteLength(request.body ?? '', 'utf8') > MAX_BODY_BYTES) {
    return reject(413, `body over ${MAX_BODY_BYTES / 1024} KiB`);
  }
  if (request.method !== 'POST') return reject(405, 'only POST is accepted');
  const secret = await deps.secrets.secretFor(tool);
  if (!secret) return reject(404, 'route not set up');
  const verified = verifyDelivery(tool, request, secret, now);
  if (!verified.ok) return reject(401, verified.reason);

  const { connections } = await deps.connections.load();
  const settings = connections.tools[tool];
  if (!settings.enabled) return reject(404, 'route not set up');
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return reject(400, 'the body is not JSON', { deliveryId: verified.deliveryId });
  }
  const normalized = normalizeDelivery(tool, body, {
    deliveryId: verified.deliveryId,
    receivedAt: now,
    settings,
    ...(verified.signedAt ? { signedAt: verified.signedAt } : {}),
  });
  if (!normalized.ok) {
    if ('ignored' in normalized) {
      await deps.log.record({
        tool,
        outcome: 'ignored',
        reason: normalized.reason,
        deliveryId: verified.deliveryId,
      });
      return answer(200, { ignored: normalized.reason });
    }
    return reject(422, normalized.reason, { deliveryId: verified.deliveryId });
  }
  const event = normalized.event;
  const reported = { deliveryId: event.deliveryId, issueKey: event.issueKey };
  const project = projectKeyOf(event.issueKey);
  if (!connections.allowedProjects.includes(project)) {
    return reject(403, `project ${project} is not on the allow-list`, reported);
  }
  const key = seenKey(tool, event.deliveryId);
  if (!(await deps.store.setIfAbsent(key, now.toISOString(), SEEN_TTL_SECONDS))) {
    await deps.log.record({ tool, outcome: 'ignored', reason: 'delivery already received', ...reported });
    return answer(200, { duplicate: event.deliveryId });
  }
  try {
    await deps.queue.push(event);
  } catch (error) {
    // Not seen after all: the tool's retry must get through.
    await deps.store.delete(key).catch(() => undefined);
    console.error(
      `ML Lanes could not queue a ${tool} delivery: ${error instanceof Error ? error.name : 'error'}`,
    );
    return reject(503, 'could not queue the delivery; try again', reported);
  }
  await deps.log.record({ tool, outcome: 'accepted', reason: 'queued', ...reported });
  return answer(202, { accepted: event.deliveryId });
}
