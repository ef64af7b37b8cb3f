/**
 * `ml-lanes deliver`: posts a payload file to the web trigger as the tool would, signed with the tool's secret
 * (src/webhooks/verify.ts's signDelivery), to a local playground or a deployed app, and says what it answered.
 * The file's bytes are sent exactly as read: a signature is over the raw body, so nothing re-serializes it.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EVIDENCE_TOOL_NAMES } from '../domain/evidence/evidence-event';
import { MAX_BODY_BYTES } from '../webhooks/route-delivery';
import { signedDelivery } from '../webhooks/sign-delivery';
import type { CliCommand } from './args';
import { CliFailure, EXIT_BAD_INPUT, EXIT_JIRA } from './failure';
import { oneLine } from './messages';
import type { CliIo } from './run';

/** The answer's body is the web trigger's own short JSON; anything longer is cut in the message. */
const SHOWN_BODY = 300;

export async function deliver(command: Extract<CliCommand, { kind: 'deliver' }>, io: CliIo): Promise<void> {
  const secret = command.secret ?? io.env.ML_LANES_SECRET?.trim() ?? '';
  if (secret === '') {
    throw new CliFailure(
      `no secret for ${EVIDENCE_TOOL_NAMES[command.tool]}; set ML_LANES_SECRET (or pass --secret) to the secret the admin page showed`,
      EXIT_BAD_INPUT,
    );
  }
  const body = await readPayload(command.file);
  const delivery = signedDelivery(command.tool, body, secret, {
    deliveryId: command.deliveryId ?? randomUUID(),
    timestampSeconds: Math.floor(Date.now() / 1000),
    tamper: command.tamper,
  });
  if (delivery.tampered) {
    io.stderr(
      `ml-lanes: tampered: one byte of the ${delivery.tampered === 'body' ? 'body' : 'secret sent'} changed after signing\n`,
    );
  }
  let response: Response;
  try {
    response = await fetch(command.url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      redirect: 'error',
      signal: AbortSignal.timeout(command.timeoutMs),
    });
  } catch (error) {
    const why =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'did not answer in time'
        : 'could not be reached';
    throw new CliFailure(
      `the web trigger at ${command.url} ${why}; check --url and that the app runs`,
      EXIT_JIRA,
    );
  }
  const text = oneLine((await response.text()).slice(0, SHOWN_BODY));
  if (!response.ok) {
    throw new CliFailure(
      `the web trigger answered ${response.status}: ${text || response.statusText}; the admin page's delivery log says why`,
      EXIT_JIRA,
    );
  }
  io.stdout(`${response.status} ${text}\n`);
}

async function readPayload(file: string): Promise<string> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliFailure(
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); pass the payload's path with --file`,
      EXIT_BAD_INPUT,
    );
  }
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    throw new CliFailure(
      `${file} is ${Math.ceil(bytes / 1024)} KB; the web trigger accepts at most ${MAX_BODY_BYTES / 1024} KB`,
      EXIT_BAD_INPUT,
    );
  }
  try {
    JSON.parse(body);
  } catch {
    throw new CliFailure(`${file} is not JSON; the web trigger accepts JSON payloads only`, EXIT_BAD_INPUT);
  }
  return body;
}
