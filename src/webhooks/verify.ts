import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DELIVERY_ID_PATTERN, type EvidenceTool } from '../domain/evidence/evidence-event';
import { header, type WebhookRequest } from './webhook-request';

/*
 * Each tool's authentication, checked over the RAW body before anything parses it. Comparisons are constant-time
 * (`timingSafeEqual` over equal-length digests), headers are read case-insensitively, and an empty secret never
 * verifies anything (the caller treats it as "route not set up" before it gets here).
 *
 * - MLflow (mlflow/webhooks/delivery.py): `X-MLflow-Signature: v1,<base64 HMAC-SHA256(secret, "{id}.{ts}.{body}")>`
 *   with `X-MLflow-Delivery-Id` and `X-MLflow-Timestamp` (Unix seconds), the timestamp within ±5 minutes.
 * - Databricks: `X-Databricks-Signature: <hex HMAC-SHA256(secret, body)>`; no timestamp header (the body's
 *   event_timestamp is checked after parsing, and the body hash is the delivery id for deduplication).
 * - W&B: `Authorization: Bearer <secret>`; an `X-Wandb-Signature` (base64 HMAC of the body), when sent, must match.
 * - Label Studio cannot sign: the secret in the custom header `X-ML-Lanes-Token`.
 * - CI (ours): `X-ML-Lanes-Signature: v1,<hex HMAC-SHA256(secret, "{id}.{ts}.{body}")>` with
 *   `X-ML-Lanes-Delivery-Id` and `X-ML-Lanes-Timestamp` (Unix seconds), ±5 minutes, like MLflow.
 */

export const TIMESTAMP_TOLERANCE_S = 5 * 60;
export const LABEL_STUDIO_TOKEN_HEADER = 'X-ML-Lanes-Token';
export const CI_HEADERS = {
  signature: 'X-ML-Lanes-Signature',
  timestamp: 'X-ML-Lanes-Timestamp',
  deliveryId: 'X-ML-Lanes-Delivery-Id',
} as const;

export type Verified = { ok: true; deliveryId: string; signedAt?: Date } | { ok: false; reason: string };

const hmac = (secret: string, content: string) =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update(content, 'utf8').digest();
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The sha256 hex of the raw body: the delivery id of tools that send none. */
export function bodyDigest(body: string): string {
  return sha256(body).toString('hex');
}

/** Equal-length buffers compared in constant time; different lengths are simply unequal. */
function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** Two secrets (texts of any length) compared through their digests, so the comparison leaks no length. */
function sameSecret(given: string, secret: string): boolean {
  return secret !== '' && timingSafeEqual(sha256(given), sha256(secret));
}

/** Strict base64 / hex decoding: anything else is no signature. */
function decode(text: string, encoding: 'base64' | 'hex'): Buffer | null {
  const pattern = encoding === 'hex' ? /^[0-9a-fA-F]{64}$/ : /^[A-Za-z0-9+/]{43}=$/;
  return pattern.test(text) ? Buffer.from(text, encoding) : null;
}

function checkTimestamp(text: string | undefined, now: Date): Date | string {
  if (text === undefined || !/^\d{1,12}$/.test(text)) return 'missing or malformed timestamp';
  const seconds = Number(text);
  if (Math.abs(now.getTime() / 1000 - seconds) > TIMESTAMP_TOLERANCE_S) {
    return 'timestamp outside the 5-minute window';
  }
  return new Date(seconds * 1000);
}

/** The `v1,<sig>` form; several space-separated signatures (Standard Webhooks) are each tried. */
function versionedSignatures(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .slice(0, 5)
    .map((part) => part.slice(3));
}

function verifyTimestamped(
  request: WebhookRequest,
  secret: string,
  now: Date,
  names: { signature: string; timestamp: string; deliveryId: string },
  encoding: 'base64' | 'hex',
): Verified {
  const signatures = versionedSignatures(header(request, names.signature));
  if (signatures.length === 0) return { ok: false, reason: 'unsigned' };
  const deliveryId = header(request, names.deliveryId);
  if (deliveryId === undefined || !DELIVERY_ID_PATTERN.test(deliveryId)) {
    return { ok: false, reason: 'missing or malformed delivery id' };
  }
  const timestampText = header(request, names.timestamp);
  const signedAt = checkTimestamp(timestampText, now);
  if (typeof signedAt === 'string') return { ok: false, reason: signedAt };
  const expected = hmac(secret, `${deliveryId}.${timestampText ?? ''}.${request.body}`);
  const matches = signatures.some((signature) => {
    const given = decode(signature, encoding);
    return given !== null && sameBytes(given, expected);
  });
  return matches ? { ok: true, deliveryId, signedAt } : { ok: false, reason: 'signature does not match' };
}

export function verifyDelivery(
  tool: EvidenceTool,
  request: WebhookRequest,
  secret: string,
  now: Date,
): Verified {
  if (secret === '') return { ok: false, reason: 'route not set up' };
  switch (tool) {
    case 'mlflow':
      return verifyTimestamped(
        request,
        secret,
        now,
        {
          signature: 'X-MLflow-Signature',
          timestamp: 'X-MLflow-Timestamp',
          deliveryId: 'X-MLflow-Delivery-Id',
        },
        'base64',
      );
    case 'ci':
      return verifyTimestamped(request, secret, now, CI_HEADERS, 'hex');
    case 'databricks': {
      const given = header(request, 'X-Databricks-Signature');
      if (given === undefined) return { ok: false, reason: 'unsigned' };
      const decoded = decode(given.trim(), 'hex');
      return decoded !== null && sameBytes(decoded, hmac(secret, request.body))
        ? { ok: true, deliveryId: bodyDigest(request.body) }
        : { ok: false, reason: 'signature does not match' };
    }
    case 'wandb': {
      const authorization = header(request, 'Authorization');
      const token = /^Bearer (\S{1,512})$/.exec(authorization?.trim() ?? '')?.[1];
      if (token === undefined) return { ok: false, reason: 'unsigned' };
      if (!sameSecret(token, secret)) return { ok: false, reason: 'wrong bearer secret' };
      const signature = header(request, 'X-Wandb-Signature');
      if (signature !== undefined) {
        const decoded = decode(signature.trim(), 'base64');
        if (decoded === null || !sameBytes(decoded, hmac(secret, request.body))) {
          return { ok: false, reason: 'signature does not match' };
        }
      }
      return { ok: true, deliveryId: bodyDigest(request.body) };
    }
    case 'labelstudio': {
      const token = header(request, LABEL_STUDIO_TOKEN_HEADER);
      if (token === undefined) return { ok: false, reason: 'unsigned' };
      return sameSecret(token.trim(), secret)
        ? { ok: true, deliveryId: bodyDigest(request.body) }
        : { ok: false, reason: `wrong ${LABEL_STUDIO_TOKEN_HEADER}` };
    }
  }
}

/** What a sender computes (tests, the playground's "Send a test delivery", the CLI): the headers of a signed delivery. */
export function signDelivery(
  tool: EvidenceTool,
  body: string,
  secret: string,
  options: { deliveryId: string; timestampSeconds: number },
): Record<string, string> {
  const ts = String(options.timestampSeconds);
  const signed = `${options.deliveryId}.${ts}.${body}`;
  switch (tool) {
    case 'mlflow':
      return {
        'Content-Type': 'application/json',
        'X-MLflow-Delivery-Id': options.deliveryId,
        'X-MLflow-Timestamp': ts,
        'X-MLflow-Signature': `v1,${hmac(secret, signed).toString('base64')}`,
      };
    case 'ci':
      return {
        'Content-Type': 'application/json',
        [CI_HEADERS.deliveryId]: options.deliveryId,
        [CI_HEADERS.timestamp]: ts,
        [CI_HEADERS.signature]: `v1,${hmac(secret, signed).toString('hex')}`,
      };
    case 'databricks':
      return {
        'Content-Type': 'application/json',
        'X-Databricks-Signature': hmac(secret, body).toString('hex'),
      };
    case 'wandb':
      return { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` };
    case 'labelstudio':
      return { 'Content-Type': 'application/json', [LABEL_STUDIO_TOKEN_HEADER]: secret };
  }
}
