/**
 * `ml-lanes deliver`: posts a payload file to ML Lanes's web trigger signed as the ML tool signs it (the same
 * signing code the web trigger's own tests use), prints the answer, and fails with exit 4 on a refusal.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { signedDelivery } from '../webhooks/sign-delivery';
import { SECRET_ENV, type CliCommand } from './args';
import { CliFailure, EXIT_BAD_INPUT, EXIT_JIRA, EXIT_REFUSED } from './failure';
import { explainRefusal, explainUnreadableFile, oneLine } from './messages';
import type { CliIo } from './run';

type DeliverCommand = Extract<CliCommand, { kind: 'deliver' }>;

/** The tool's route: the trigger's URL plus the tool's path, unless the URL already ends with it. */
export function routeUrl(url: string, tool: string): string {
  return new URL(url).pathname.replace(/\/+$/, '').endsWith(`/${tool}`) ? url : `${url}/${tool}`;
}

export async function deliver(command: DeliverCommand, io: CliIo): Promise<void> {
  if (command.secret === null) {
    throw new CliFailure(
      `no secret; set ${SECRET_ENV} (or pass --secret) to ${command.tool}'s secret from the admin page's Connections`,
      EXIT_BAD_INPUT,
    );
  }
  let body: string;
  try {
    // The bytes as they are: the signature is over exactly what is posted.
    body = await readFile(command.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliFailure(explainUnreadableFile(command.file, code, 'the --file path'), EXIT_BAD_INPUT);
  }
  const delivery = signedDelivery(command.tool, body, command.secret, {
    deliveryId: randomUUID(),
    timestampSeconds: Math.floor(Date.now() / 1000),
    tamper: command.tamper,
  });
  const url = routeUrl(command.url, command.tool);
  let status: number;
  let answer: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
      redirect: 'error',
      signal: AbortSignal.timeout(command.timeoutMs),
    });
    status = response.status;
    answer = await response.text();
  } catch (error) {
    const cause =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${command.timeoutMs / 1000} s`
        : oneLine(((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
    throw new CliFailure(
      `cannot reach the web trigger at ${url} (${cause}); check --url (is the playground running?)`,
      EXIT_JIRA,
    );
  }
  if (delivery.tampered) {
    io.stderr(
      `ml-lanes: tampered: one byte of the ${delivery.tampered === 'body' ? 'body changed after signing' : 'secret sent changed'}\n`,
    );
  }
  io.stdout(`HTTP ${status} from ${url}\n${answer.slice(0, 2000)}\n`);
  if (status >= 400) throw new CliFailure(explainRefusal(status, answer, command.tool), EXIT_REFUSED);
}
