/**
 * `ml-lanes deliver` against a local web trigger (a real HTTP server handing each request to the app's own
 * route): each tool's recorded-shape payload, signed as that tool signs, is accepted and queued; a wrong secret,
 * a replayed delivery id, a missing secret and bad files are each said in one line with their exit code.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { defaultConnections } from '../../src/config/connections-schema';
import {
  EVIDENCE_TOOLS,
  type EvidenceEvent,
  type EvidenceTool,
} from '../../src/domain/evidence/evidence-event';
import { ConnectionsStore } from '../../src/storage/connections-store';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { MemoryStore } from '../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../src/storage/webhook-secrets';
import { routeDelivery } from '../../src/webhooks/route-delivery';

const FIXTURES = join(__dirname, '../fixtures/ml-tools');
const PAYLOADS: Record<EvidenceTool, string> = {
  mlflow: 'mlflow-model-version-created.json',
  databricks: 'databricks-model-version-transitioned-stage.json',
  wandb: 'wandb-add-artifact-alias.json',
  labelstudio: 'labelstudio-annotation-created.json',
  ci: 'ci-metrics.json',
};

let server: Server;
let trigger: string;
const secrets = new WebhookSecrets(new MemorySecretStore());
const issued = new Map<EvidenceTool, string>();
const events: EvidenceEvent[] = [];
const store = new MemoryStore();
const log = new DeliveryLog(store);

beforeAll(async () => {
  const connections = defaultConnections();
  connections.allowedProjects = ['ML', 'CV'];
  for (const tool of EVIDENCE_TOOLS) {
    connections.tools[tool].enabled = true;
    issued.set(tool, (await secrets.rotate(tool)).secret);
  }
  connections.tools.databricks.keySource = { place: 'model-name' };
  const settings = new ConnectionsStore(store);
  await settings.save(connections, 0, 'admin');
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string[]> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value : [value];
      }
      void routeDelivery(
        {
          method: request.method ?? 'GET',
          path: (request.url ?? '/').replace(/^\/webtrigger\/ml-lanes-evidence/, ''),
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        },
        {
          secrets,
          connections: settings,
          queue: { push: async (event) => void events.push(event) },
          log,
          store,
        },
      ).then((answer) => {
        response.writeHead(answer.statusCode, { 'Content-Type': 'application/json' });
        response.end(answer.body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  trigger = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webtrigger/ml-lanes-evidence`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
  });
  return { code, stdout, stderr };
}

describe('ml-lanes deliver', () => {
  it.each(EVIDENCE_TOOLS.map((tool) => [tool]))(
    'posts a %s payload signed as the tool signs it, and the route accepts it',
    async (tool) => {
      const before = events.length;
      const result = await cli(
        ['deliver', '--tool', tool, '--file', join(FIXTURES, PAYLOADS[tool]), '--url', trigger],
        { ML_LANES_SECRET: issued.get(tool) ?? '' },
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^202 \{"accepted":"[^"]+"\}\n$/);
      expect(events.slice(before).map((event) => event.tool)).toEqual([tool]);
    },
  );

  it('a wrong secret is refused by the route: exit 3, its status and words, nothing queued', async () => {
    const before = events.length;
    const result = await cli([
      'deliver',
      '--tool',
      'ci',
      '--file',
      join(FIXTURES, PAYLOADS.ci),
      '--url',
      `${trigger}/ci`,
      '--secret',
      'not-the-secret-not-the-secret-not-the-secret',
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'ml-lanes: the web trigger answered 401: {"error":"signature does not match"}; the admin page\'s delivery log says why\n',
    );
    expect(events.length).toBe(before);
  });

  it('the same delivery id twice is a replay: the second is not queued again', async () => {
    const args = ['deliver', '--tool', 'mlflow', '--file', join(FIXTURES, PAYLOADS.mlflow), '--url', trigger];
    const env = { ML_LANES_SECRET: issued.get('mlflow') ?? '' };
    const first = await cli([...args, '--delivery-id', 'replay-1'], env);
    const before = events.length;
    const second = await cli([...args, '--delivery-id', 'replay-1'], env);
    expect(first.code).toBe(0);
    expect(second).toMatchObject({ code: 0, stdout: '200 {"duplicate":"replay-1"}\n' });
    expect(events.length).toBe(before);
  });

  it('says what is missing or wrong before sending anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-lanes-deliver-'));
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"issue": ');
    const base = ['deliver', '--tool', 'ci', '--url', trigger];
    expect(await cli([...base, '--file', join(FIXTURES, PAYLOADS.ci)])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ml-lanes: no secret for CI pipeline; set ML_LANES_SECRET (or pass --secret) to the secret the admin page showed\n',
    });
    expect(await cli([...base, '--file', notJson, '--secret', 's'])).toMatchObject({
      code: 2,
      stderr: `ml-lanes: ${notJson} is not JSON; the web trigger accepts JSON payloads only\n`,
    });
    expect(await cli([...base, '--file', join(dir, 'missing.json'), '--secret', 's'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^ml-lanes: cannot read .*missing\.json \(ENOENT\)/),
    });
    expect(await cli(['deliver', '--tool', 'jenkins', '--file', notJson, '--url', trigger])).toMatchObject({
      code: 2,
      stderr:
        'ml-lanes: --tool "jenkins" is not a tool; pass one of mlflow, databricks, wandb, labelstudio, ci\n',
    });
    expect(await cli(['deliver', '--tool', 'ci', '--file', notJson, '--url', 'ftp://x'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^ml-lanes: --url "ftp:\/\/x" is not the web trigger's http\(s\) URL/),
    });
  });

  it('says when nothing answers at the URL', async () => {
    const result = await cli(
      ['deliver', '--tool', 'ci', '--file', join(FIXTURES, PAYLOADS.ci), '--url', 'http://127.0.0.1:9/t'],
      { ML_LANES_SECRET: 's' },
    );
    expect(result).toMatchObject({
      code: 3,
      stderr:
        'ml-lanes: the web trigger at http://127.0.0.1:9/t/ci could not be reached; check --url and that the app runs\n',
    });
  });

  it('has its own help', async () => {
    const result = await cli(['deliver', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ml-lanes deliver --tool TOOL --file PAYLOAD --url URL/);
  });
});
