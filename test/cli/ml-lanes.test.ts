/** `./bin/ml-lanes` as a user runs it: a real process against the simulator, exit codes and output. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/defaults';
import { CONFIG_VERSION } from '../../src/config/schema';
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

/**
 * Expected failures: exactly one line on stderr, no usage text, no stack. Every line has one style:
 * lower-case after "ml-lanes:" (or a name: Jira, a flag), the cause, then "; " and what to do (a config's version
 * problem keeps its own words, "...: update ML Lanes to use it").
 */
function expectOneLine(run: Run, code: number, message: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ml-lanes: (?:[a-z]|Jira |--)/);
  expect(lines[0]).toMatch(/\S[;:] [a-z]/);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
}

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ml-lanes-')), name);
  writeFileSync(file, content);
  return file;
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
    const file = tempFile(
      'bad.json',
      JSON.stringify({ ...defaultConfig(), lanes: [{ id: 'Data', name: '' }] }),
    );
    const run = await mlLanes(plan('--board', '1', '--config', file));
    expectOneLine(run, 2, /^ml-lanes: invalid configuration .*bad\.json \(\d+ problems\): /);
    expect(run.stderr).toMatch(/lanes\[0\]\.id: /);
    expect(run.stderr).toMatch(/lanes\[0\]\.name: a lane needs a name/);
    expect(run.stderr).toMatch(/; fix them \(ml-lanes config defaults prints a valid configuration\)$/m);
  });

  it('2: a config file that is not there', async () => {
    const run = await mlLanes(plan('--board', '1', '--config', '/nonexistent/lanes.json'));
    expectOneLine(
      run,
      2,
      /^ml-lanes: cannot read \/nonexistent\/lanes\.json \(no such file\); check --config$/,
    );
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
      /cannot reach Jira .*; check --site http:\/\/127\.0\.0\.1:9 and your network$/,
    );
  });

  it('3: authentication refused', async () => {
    const run = await mlLanes(plan('--board', '1'), { ...ENV, JIRA_API_TOKEN: 'revoked' });
    expectOneLine(
      run,
      3,
      /^ml-lanes: Jira refused the credentials \(.*401.*\); check JIRA_EMAIL and JIRA_API_TOKEN/,
    );
  });

  it('3: board not found', async () => {
    expectOneLine(
      await mlLanes(plan('--board', '404')),
      3,
      /board 404 not found .*; check --board: the number in the board's URL/,
    );
  });

  it('3: sprint not found', async () => {
    expectOneLine(
      await mlLanes(plan('--board', String(REC_BOARD_ID), '--sprint', '99999')),
      3,
      /sprint 99999 not found .*; check --sprint, or leave it out/,
    );
  });

  it('3: a kanban board has no sprint to plan', async () => {
    expectOneLine(
      await mlLanes(plan('--board', String(EDGE_BOARD_ID))),
      3,
      /kanban board: it has no sprints to plan; plan a scrum board/,
    );
  });

  it('3: a --site that is not Jira (a web server answering 404 with a page) is named, not "board not found"', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><h1>Not Found</h1></body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const run = await mlLanes(['plan', '--site', site, '--board', '12']);
      expectOneLine(
        run,
        3,
        new RegExp(
          `^ml-lanes: ${site.replace(/\./g, '\\.')} is not a Jira Cloud site\\? GET /rest/\\S+ answered 404 with a web page; check --site`,
        ),
      );
      expect(run.stderr).not.toMatch(/not found/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('help and version', () => {
  it.each([
    [['plan', '--help'], /^Usage: ml-lanes plan --site URL --board ID/, /--timeout SECONDS/],
    [['config', '--help'], /^Usage:\n {2}ml-lanes config validate FILE/, /ml-lanes config defaults/],
    [['--help'], /^Usage: ml-lanes <command>/, /-v, --version/],
  ])('%j prints its usage on stdout and exits 0', async (args, start, option) => {
    const run = await mlLanes(args, { PATH: ENV.PATH });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(start);
    expect(run.stdout).toMatch(option);
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(await mlLanes(['--version'], { PATH: ENV.PATH })).toEqual({
      code: 0,
      stdout: `ml-lanes ${version}\n`,
      stderr: '',
    });
  });

  it('an unknown command says so, and where the commands are listed', async () => {
    expectOneLine(
      await mlLanes(['deploy']),
      2,
      /^ml-lanes: unknown command "deploy"; the commands are plan, forecast, backtest, config and deliver \(ml-lanes --help\)$/,
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

  it('validate: a document from a newer ML Lanes gets the version problem alone', async () => {
    const newer = CONFIG_VERSION + 1;
    const file = tempFile(
      'newer.json',
      JSON.stringify({ ...defaultConfig(), version: newer, lanes: 'by team', rules: [{ kind: 'ai' }] }),
    );
    expectOneLine(
      await mlLanes(['config', 'validate', file]),
      2,
      new RegExp(
        `^ml-lanes: cannot use \\S+newer\\.json: version ${newer} was written by a newer ML Lanes ` +
          `\\(this one reads versions up to ${CONFIG_VERSION}\\): update ML Lanes to use it$`,
      ),
    );
  });
});
