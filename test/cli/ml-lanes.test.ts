/** `./bin/ml-lanes` as a user runs it: a real process against the simulator, exit codes and output. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/defaults';
import {
  CV_BOARD_ID,
  CV_SPRINTS,
  demoSite,
  EDGE_BOARD_ID,
  REC_BOARD_ID,
  startSimulator,
  type RunningSimulator,
} from '../../src/simulator';
import { planViewSchema } from '../support/plan-view-schema';

const BIN = join(__dirname, '../../bin/ml-lanes');
const AUTH = { email: 'cli@example.com', apiToken: 'cli-token' };
const ENV = { PATH: process.env.PATH ?? '', JIRA_EMAIL: AUTH.email, JIRA_API_TOKEN: AUTH.apiToken };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mlLanes(args: string[], env: Record<string, string> = ENV): Promise<Run> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ workspace: { ...demoSite(), credentials: AUTH } });
});
afterAll(() => simulator.close());

const plan = (...extra: string[]) => ['plan', '--site', simulator.url, ...extra];

/** Expected failures: exactly one line on stderr naming the cause, no usage text, no stack. */
function expectOneLine(run: Run, code: number, message: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ml-lanes: /);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

describe('ml-lanes plan', () => {
  it('prints the PlanView contract as JSON for the active sprint', async () => {
    const run = await mlLanes(plan('--board', String(CV_BOARD_ID)));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const view = planViewSchema.parse(JSON.parse(run.stdout));
    expect(view.scope).toMatchObject({
      boardId: CV_BOARD_ID,
      sprintId: CV_SPRINTS.active,
      sprintState: 'active',
    });
    expect(view.lanes.map((lane) => lane.id)).toEqual(['data', 'model', 'code', 'test', 'deploy']);
    const label = view.issues.find((issue) => /Label 1,000 images/.test(issue.summary));
    const train = view.issues.find((issue) => /Train v1.1 model/.test(issue.summary));
    const validate = view.issues.find((issue) => /accuracy validation suite/.test(issue.summary));
    expect([label?.lane, train?.lane, validate?.lane]).toEqual(['data', 'model', 'test']);
    expect(view.handoffs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: label?.key, to: train?.key, blocked: true }),
        expect.objectContaining({ from: train?.key, to: validate?.key, blocked: true }),
      ]),
    );
    const inScope = view.issues.filter((issue) => issue.inScope);
    expect(view.summary.issues).toBe(inScope.length);
    expect(view.summary.blockedHandoffs).toBe(view.handoffs.filter((handoff) => handoff.blocked).length);
  });

  it('plans the next sprint on request', async () => {
    const run = await mlLanes(plan('--board', String(CV_BOARD_ID), '--sprint', 'next'));
    expect(run.code).toBe(0);
    expect(planViewSchema.parse(JSON.parse(run.stdout)).scope.sprintId).toBe(CV_SPRINTS.next);
  });

  it('prints a readable Markdown report, blocked handoffs first, summaries escaped', async () => {
    const run = await mlLanes(plan('--board', String(CV_BOARD_ID), '--format', 'markdown'));
    expect(run.code).toBe(0);
    const blocked = run.stdout.indexOf('## Blocked handoffs');
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(run.stdout.indexOf('## Lanes'));
    expect(run.stdout).toMatch(/waits on .*Label 1,000 images/);
    expect(run.stdout).not.toContain('<script>');
    expect(run.stdout).toContain('&lt;script&gt;');
  });

  it('reads lanes from --config', async () => {
    const config = defaultConfig();
    config.lanes.push({ id: 'research', name: 'Research' });
    config.rules.unshift({ kind: 'keywords', lane: 'research', in: ['summary'], keywords: ['spike'] });
    const file = join(mkdtempSync(join(tmpdir(), 'ml-lanes-')), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const run = await mlLanes(plan('--board', String(CV_BOARD_ID), '--config', file));
    expect(run.code).toBe(0);
    const view = planViewSchema.parse(JSON.parse(run.stdout));
    const spike = view.issues.find((issue) => issue.summary.startsWith('Spike:'));
    expect(spike).toMatchObject({
      lane: 'research',
      laneRule: 'summary word "Spike" matches keyword "spike"',
    });
  });
});

describe('exit codes', () => {
  it('2: bad arguments', async () => {
    expectOneLine(await mlLanes(plan()), 2, /--board is required/);
  });

  it('2: an invalid config, every problem listed by path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ml-lanes-')), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ ...defaultConfig(), version: 9, lanes: [{ id: 'Data', name: '' }] }),
    );
    const run = await mlLanes(plan('--board', '1', '--config', file));
    expectOneLine(run, 2, /invalid config .*bad\.json/);
    expect(run.stderr).toMatch(/version: /);
    expect(run.stderr).toMatch(/lanes\[0\]\.id: /);
    expect(run.stderr).toMatch(/lanes\[0\]\.name: a lane needs a name/);
  });

  it('2: missing credentials', async () => {
    expectOneLine(
      await mlLanes(plan('--board', '1'), { PATH: ENV.PATH }),
      2,
      /set JIRA_EMAIL and JIRA_API_TOKEN/,
    );
  });

  it('3: Jira unreachable', async () => {
    expectOneLine(
      await mlLanes(['plan', '--site', 'http://127.0.0.1:9', '--board', '1']),
      3,
      /cannot reach Jira/,
    );
  });

  it('3: authentication refused', async () => {
    const run = await mlLanes(plan('--board', '1'), { ...ENV, JIRA_API_TOKEN: 'revoked' });
    expectOneLine(run, 3, /401/);
  });

  it('3: board not found', async () => {
    expectOneLine(await mlLanes(plan('--board', '404')), 3, /board 404 not found/);
  });

  it('3: sprint not found', async () => {
    expectOneLine(
      await mlLanes(plan('--board', String(REC_BOARD_ID), '--sprint', '99999')),
      3,
      /sprint 99999 not found/,
    );
  });

  it('3: a kanban board has no sprint to plan', async () => {
    expectOneLine(
      await mlLanes(plan('--board', String(EDGE_BOARD_ID))),
      3,
      /kanban board: it has no sprints to plan/,
    );
  });
});

describe('ml-lanes config', () => {
  it('prints the defaults, which validate', async () => {
    const defaults = await mlLanes(['config', 'defaults']);
    expect(defaults.code).toBe(0);
    expect(JSON.parse(defaults.stdout)).toEqual(defaultConfig());
    const file = join(mkdtempSync(join(tmpdir(), 'ml-lanes-')), 'defaults.json');
    writeFileSync(file, defaults.stdout);
    expect(await mlLanes(['config', 'validate', file])).toMatchObject({ code: 0, stderr: '' });
  });
});
