/**
 * The setup the Connections page shows is pasted into real tools, so it is run here for real: the GitHub Actions
 * step and the GitLab CI job as bash (with DVC's `metrics show --json` output, jq, openssl and curl) against a
 * local HTTP server that hands each request to the web trigger's own route; the W&B template as W&B fills it in.
 * Each must be accepted (202) and carry its metric to the issue, which proves the snippets sign and shape their
 * deliveries exactly as the route verifies and normalizes them.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { snippetsFor } from '../../src/app/connection-snippets';
import { defaultConnections, type Connections } from '../../src/config/connections-schema';
import type { EvidenceEvent } from '../../src/domain/evidence/evidence-event';
import { ConnectionsStore } from '../../src/storage/connections-store';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { MemoryStore } from '../../src/storage/key-value-store';
import { MemorySecretStore, WebhookSecrets } from '../../src/storage/webhook-secrets';
import { routeDelivery } from '../../src/webhooks/route-delivery';

const run = promisify(execFile);

/** What `dvc metrics show --json` prints for a workspace with one metrics file. */
const DVC_METRICS = JSON.stringify({
  workspace: { data: { 'eval/metrics.json': { data: { accuracy: 0.91, agreement: 0.985, note: 'x' } } } },
});

interface Trigger {
  url: string;
  secret: string;
  events: EvidenceEvent[];
  statuses: number[];
  close: () => Promise<void>;
}

async function startTrigger(connections: Connections, tool: 'ci' | 'wandb'): Promise<Trigger> {
  const store = new MemoryStore();
  const secrets = new WebhookSecrets(new MemorySecretStore());
  const { secret } = await secrets.rotate(tool);
  const settings = new ConnectionsStore(store);
  await settings.save(connections, 0, 'admin');
  const events: EvidenceEvent[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((request, response) => {
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
          path: (request.url ?? '/').replace(/^\/webtrigger/, ''),
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        },
        {
          secrets,
          connections: settings,
          queue: { push: async (event: EvidenceEvent) => void events.push(event) },
          log: new DeliveryLog(store),
          store,
        },
      ).then((answer) => {
        statuses.push(answer.statusCode);
        response.writeHead(answer.statusCode, { 'Content-Type': 'application/json' });
        response.end(answer.body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webtrigger/${tool}`,
    secret,
    events,
    statuses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function ciConnections(): Connections {
  const connections = defaultConnections();
  connections.allowedProjects = ['CV'];
  connections.tools.ci.enabled = true;
  connections.tools.ci.baseUrl = 'https://github.com';
  return connections;
}

/** The shell lines of a YAML block scalar: those after `marker`, with their indentation removed. */
function blockAfter(yaml: string, marker: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trimEnd().endsWith(marker));
  const body = lines.slice(start + 1);
  const indent = /^\s*/.exec(body[0] ?? '')?.[0].length ?? 0;
  return body.map((line) => line.slice(indent)).join('\n');
}

/** Runs a CI script with `dvc` standing in for DVC and the job's variables set. */
async function runScript(script: string, env: Record<string, string>): Promise<void> {
  const dvc = `dvc() { printf '%s' '${DVC_METRICS}'; }\n`;
  await run('bash', ['-euo', 'pipefail', '-c', dvc + script], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    timeout: 20_000,
  });
}

describe('the CI snippets', () => {
  it('the GitHub Actions step posts a signed delivery the /ci route accepts, with the DVC metrics', async () => {
    const connections = ciConnections();
    const trigger = await startTrigger(connections, 'ci');
    try {
      const [github] = snippetsFor('ci', connections.tools.ci, trigger.url);
      expect(github?.id).toBe('ci-github');
      await runScript(blockAfter(github?.text ?? '', 'run: |'), {
        ML_LANES_URL: trigger.url,
        ML_LANES_SECRET: trigger.secret,
        ISSUE: 'CV-105',
        GITHUB_RUN_ID: '4242',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/vision',
      });
      expect(trigger.statuses).toEqual([202]);
      expect(trigger.events).toHaveLength(1);
      expect(trigger.events[0]).toMatchObject({
        tool: 'ci',
        issueKey: 'CV-105',
        deliveryId: 'gh-4242-1',
        link: { url: 'https://github.com/acme/vision/actions/runs/4242' },
      });
      expect(trigger.events[0]?.values).toEqual(
        expect.arrayContaining([
          { field: 'holdout-accuracy', value: 0.91 },
          { field: 'annotator-agreement', value: 0.985 },
        ]),
      );
    } finally {
      await trigger.close();
    }
  });

  it('the GitLab CI job does the same with the key in the field the admin named', async () => {
    const connections = ciConnections();
    connections.tools.ci.keySource = { place: 'payload-field', name: 'jira_issue' };
    const trigger = await startTrigger(connections, 'ci');
    try {
      const gitlab = snippetsFor('ci', connections.tools.ci, trigger.url)[1];
      expect(gitlab?.text).toContain('{jira_issue: $issue');
      await runScript(blockAfter(gitlab?.text ?? '', '- |'), {
        ML_LANES_URL: trigger.url,
        ML_LANES_SECRET: trigger.secret,
        ISSUE: 'CV-105',
        CI_PIPELINE_ID: '77',
        CI_JOB_ID: '9001',
        CI_PIPELINE_URL: 'https://github.com/acme/vision/-/pipelines/77',
      });
      expect(trigger.statuses).toEqual([202]);
      expect(trigger.events[0]).toMatchObject({ issueKey: 'CV-105', deliveryId: 'gl-77-9001' });
    } finally {
      await trigger.close();
    }
  });

  it('a field name with a hyphen (jq cannot take it bare) still gives a step the route accepts', async () => {
    const connections = ciConnections();
    connections.tools.ci.keySource = { place: 'payload-field', name: 'jira-key' };
    const trigger = await startTrigger(connections, 'ci');
    try {
      const [github] = snippetsFor('ci', connections.tools.ci, trigger.url);
      await runScript(blockAfter(github?.text ?? '', 'run: |'), {
        ML_LANES_URL: trigger.url,
        ML_LANES_SECRET: trigger.secret,
        ISSUE: 'CV-105',
        GITHUB_RUN_ID: '5',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/vision',
      });
      expect(trigger.statuses).toEqual([202]);
      expect(trigger.events[0]).toMatchObject({ issueKey: 'CV-105', deliveryId: 'gh-5-1' });
    } finally {
      await trigger.close();
    }
  });

  it('a tampered secret is refused by the route, so the snippet really signs', async () => {
    const connections = ciConnections();
    const trigger = await startTrigger(connections, 'ci');
    try {
      const [github] = snippetsFor('ci', connections.tools.ci, trigger.url);
      await expect(
        runScript(blockAfter(github?.text ?? '', 'run: |'), {
          ML_LANES_URL: trigger.url,
          ML_LANES_SECRET: `${trigger.secret}x`,
          ISSUE: 'CV-105',
          GITHUB_RUN_ID: '1',
          GITHUB_RUN_ATTEMPT: '1',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_REPOSITORY: 'acme/vision',
        }),
      ).rejects.toThrow();
      expect(trigger.statuses).toEqual([401]);
      expect(trigger.events).toEqual([]);
    } finally {
      await trigger.close();
    }
  });
});

describe('the W&B payload template', () => {
  it('once W&B fills in its variables, the /wandb route accepts it with the mapped metric', async () => {
    const connections = defaultConnections();
    connections.allowedProjects = ['CV'];
    connections.tools.wandb.enabled = true;
    const trigger = await startTrigger(connections, 'wandb');
    try {
      const template = snippetsFor('wandb', connections.tools.wandb, trigger.url).find(
        (snippet) => snippet.id === 'wandb-template',
      );
      const variables: Record<string, string> = {
        event_type: 'ADD_ARTIFACT_ALIAS',
        entity_name: 'acme',
        project_name: 'vision',
        artifact_version_string: 'acme/vision/model:v7',
        'artifact_metadata.jira_key': 'CV-105',
        'artifact_metadata.accuracy': '0.93',
      };
      const body = (template?.text ?? '').replace(
        /\$\{([^}]+)\}/g,
        (_, name: string) => variables[name] ?? '',
      );
      const response = await fetch(trigger.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${trigger.secret}` },
        body,
      });
      expect(response.status).toBe(202);
      expect(trigger.events[0]).toMatchObject({ tool: 'wandb', issueKey: 'CV-105' });
      expect(trigger.events[0]?.values).toContainEqual({ field: 'holdout-accuracy', value: 0.93 });
    } finally {
      await trigger.close();
    }
  });
});

describe('secrets in snippets', () => {
  it('no snippet of any tool ever holds a secret: each reads it from the tool’s own secret store', async () => {
    const secret = (await new WebhookSecrets(new MemorySecretStore()).rotate('ci')).secret;
    const connections = defaultConnections();
    for (const tool of ['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const) {
      const text = JSON.stringify(snippetsFor(tool, connections.tools[tool], 'https://x.example/t'));
      expect(text).not.toContain(secret);
      expect(text).toContain('https://x.example/t');
    }
  });
});
