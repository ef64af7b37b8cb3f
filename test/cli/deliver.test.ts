/**
 * `ml-lanes deliver` as a user runs it (a real process): a payload file signed as the tool signs it, posted to the
 * playground's web trigger route (the manifest's handler, its queue and consumer, the simulator behind them).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEvidenceStage, type EvidenceStage } from '../integration/playground-evidence-stage';

const BIN = join(__dirname, '../../bin/ml-lanes');
const HOLDOUT = 'customfield_10970';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mlLanes(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let stage: EvidenceStage;
let secret: string;
let trigger: string;
const dir = mkdtempSync(join(tmpdir(), 'ml-lanes-deliver-'));
const payload = join(dir, 'metrics.json');

beforeAll(async () => {
  stage = await startEvidenceStage();
  const loaded = await stage.access.settings.load();
  const connections = structuredClone(loaded.connections);
  connections.tools.ci.enabled = true;
  connections.allowedProjects = ['CV'];
  await stage.access.settings.save(connections, loaded.revision, 'test');
  secret = (await stage.access.secrets.rotate('ci')).secret;
  trigger = `${stage.playground.url}/webtrigger/ml-lanes-evidence`;
  // The shape of test/fixtures/ml-tools/ci-metrics.json, for a demo issue.
  writeFileSync(
    payload,
    '{\n  "issue": "CV-105",\n  "event": "ci.metrics",\n  "run": "github:4242",\n  "metrics": {"accuracy": 0.94}\n}\n',
  );
}, 60_000);
afterAll(() => stage?.close());

const holdout = async () =>
  (
    (await stage.jira(`/rest/api/3/issue/CV-105?fields=${HOLDOUT}`)).body as {
      fields: Record<string, unknown>;
    }
  ).fields[HOLDOUT];

describe('ml-lanes deliver', () => {
  it('signs the file as CI signs it with the secret from ML_LANES_WEBHOOK_SECRET: 202, exit 0, the value lands', async () => {
    const run = await mlLanes(['deliver', '--tool', 'ci', '--file', payload, '--url', trigger], {
      ML_LANES_WEBHOOK_SECRET: secret,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      new RegExp(`^HTTP 202 from ${trigger}/ci\\n\\{"accepted":"[0-9a-f-]{36}"\\}\\n$`),
    );
    for (let waited = 0; (await holdout()) !== 0.94 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await holdout()).toBe(0.94);
  });

  it('exits 4 with the reason and what to check when the secret is wrong', async () => {
    const run = await mlLanes([
      'deliver',
      '--tool',
      'ci',
      '--file',
      payload,
      '--url',
      trigger,
      '--secret',
      'nope',
    ]);
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/^HTTP 401 /);
    expect(run.stderr).toBe(
      "ml-lanes: the web trigger refused the delivery with HTTP 401 (signature does not match); check the secret is ci's current one (Connections shows it once when created or rotated)\n",
    );
  });

  it('is refused when one byte is tampered with after signing, even with the right secret', async () => {
    const run = await mlLanes(
      ['deliver', '--tool', 'ci', '--file', payload, '--url', `${trigger}/ci`, '--tamper'],
      {
        ML_LANES_WEBHOOK_SECRET: secret,
      },
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^ml-lanes: tampered: one byte of the body changed after signing\n/);
    expect(run.stderr).toMatch(/HTTP 401 \(signature does not match\)/);
  });

  it('names a missing file, a missing secret and a plain-http URL elsewhere, exit 2, before posting anything', async () => {
    const missing = await mlLanes(
      ['deliver', '--tool', 'ci', '--file', join(dir, 'nope.json'), '--url', trigger],
      {
        ML_LANES_WEBHOOK_SECRET: secret,
      },
    );
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: `ml-lanes: cannot read ${join(dir, 'nope.json')} (no such file); check the --file path\n`,
    });
    const noSecret = await mlLanes(['deliver', '--tool', 'ci', '--file', payload, '--url', trigger]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/^ml-lanes: no secret; set ML_LANES_WEBHOOK_SECRET \(or pass --secret\)/);
    const clear = await mlLanes(
      ['deliver', '--tool', 'ci', '--file', payload, '--url', 'http://example.com/x'],
      {
        ML_LANES_WEBHOOK_SECRET: secret,
      },
    );
    expect(clear.code).toBe(2);
    expect(clear.stderr).toMatch(/--url "http:\/\/example.com\/x" is not https/);
    const tool = await mlLanes(['deliver', '--tool', 'jenkins', '--file', payload]);
    expect(tool.stderr).toMatch(
      /^ml-lanes: --tool "jenkins" is not a tool ML Lanes takes deliveries from; pass one of mlflow, databricks, wandb, labelstudio, ci\n$/,
    );
  });
});
