/**
 * `ml-lanes deliver` as a user runs it (a real process) against the playground's web trigger route (the manifest's
 * handler, its in-process queue and consumer, the simulator behind them): the secret from ML_LANES_SECRET,
 * the value landing in Jira, a wrong secret and a tampered byte refused, plain http elsewhere refused before sending.
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

describe('ml-lanes deliver against the playground', () => {
  it('signs the file as CI signs it with the secret from ML_LANES_SECRET: 202, exit 0, the value lands', async () => {
    const run = await mlLanes(['deliver', '--tool', 'ci', '--file', payload, '--url', trigger], {
      ML_LANES_SECRET: secret,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^202 \{"accepted":"[0-9a-f-]{36}"\}\n$/);
    for (let waited = 0; (await holdout()) !== 0.94 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await holdout()).toBe(0.94);
  });

  it('exits 3 with the status and reason when the secret is wrong, and nothing lands', async () => {
    const before = await holdout();
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
    expect(run).toEqual({
      code: 3,
      stdout: '',
      stderr:
        'ml-lanes: the web trigger answered 401: {"error":"signature does not match"}; the admin page\'s delivery log says why\n',
    });
    expect(await holdout()).toBe(before);
  });

  it('is refused when one byte is tampered with after signing, even with the right secret', async () => {
    const run = await mlLanes(
      ['deliver', '--tool', 'ci', '--file', payload, '--url', `${trigger}/ci`, '--tamper'],
      {
        ML_LANES_SECRET: secret,
      },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^ml-lanes: tampered: one byte of the body changed after signing\n/);
    expect(run.stderr).toMatch(/answered 401: \{"error":"signature does not match"\}/);
  });

  it('names a missing file and a plain-http URL elsewhere, exit 2, before posting anything', async () => {
    const missing = await mlLanes(
      ['deliver', '--tool', 'ci', '--file', join(dir, 'nope.json'), '--url', trigger],
      {
        ML_LANES_SECRET: secret,
      },
    );
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: `ml-lanes: cannot read ${join(dir, 'nope.json')} (ENOENT); pass the payload's path with --file\n`,
    });
    const clear = await mlLanes(
      ['deliver', '--tool', 'ci', '--file', payload, '--url', 'http://example.com/x'],
      {
        ML_LANES_SECRET: secret,
      },
    );
    expect(clear).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ml-lanes: --url "http://example.com/x" is plain http to another machine; the secret or its signature would travel in the clear, so pass the https URL (http only to localhost)\n',
    });
  });
});
