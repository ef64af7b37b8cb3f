/** `ml-lanes forecast` as a user runs it: a real process against the demo site's history. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { CV_BOARD_ID, DEMO_NOW, demoSite, startSimulator, type RunningSimulator } from '../../src/simulator';

const BIN = join(__dirname, '../../bin/ml-lanes');
const AUTH = { email: 'cli@example.com', apiToken: 'cli-token' };
const ENV = { PATH: process.env.PATH ?? '', JIRA_EMAIL: AUTH.email, JIRA_API_TOKEN: AUTH.apiToken };
const AS_OF = DEMO_NOW.slice(0, 10);

function mlLanes(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BIN, args, { env: ENV, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ workspace: { ...demoSite(), credentials: AUTH } });
});
afterAll(() => simulator.close());

const forecast = (...extra: string[]) =>
  mlLanes(['forecast', '--site', simulator.url, '--board', String(CV_BOARD_ID), '--as-of', AS_OF, ...extra]);

describe('ml-lanes forecast', () => {
  it('prints the ForecastView as JSON, the same for the same sprint, history and seed', async () => {
    const [first, again] = await Promise.all([forecast('--trials', '2000'), forecast('--trials', '2000')]);
    expect(first.code).toBe(0);
    const view = JSON.parse(first.stdout) as {
      scope: { asOf: string };
      trials: number;
      seed: number;
      forecast: unknown;
    };
    expect(view.scope.asOf).toBe(AS_OF);
    expect(view.trials).toBe(2000);
    expect(view.seed).toBe(102);
    expect(view.forecast).not.toBeNull();
    // Everything but when the history was read.
    const withoutReadAt = (text: string) => text.replace(/"readAt": "[^"]+"/, '');
    expect(withoutReadAt(again.stdout)).toBe(withoutReadAt(first.stdout));
    const other = await forecast('--trials', '2000', '--seed', '7');
    expect(JSON.parse(other.stdout)).toMatchObject({ seed: 7 });
    expect(other.stdout).not.toBe(first.stdout);
  });

  it('prints a Markdown report with the answer first and the warnings on stderr', async () => {
    const run = await forecast('--format', 'markdown', '--trials', '2000');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# CV Sprint 14 .* — ML Lanes forecast\n/);
    expect(run.stdout).toMatch(/\*\*(<1|\d+)% likely done by the sprint's end \(2026-12-04\)\.\*\*/);
    expect(run.stdout).toMatch(/^- Model: \d+ points committed; it finished/m);
    expect(run.stdout).toMatch(
      /^Accuracy: on this board, \d of the last \d sprints finished within the 85% date/m,
    );
    expect(
      run.stderr
        .split('\n')
        .filter(Boolean)
        .every((line) => line.startsWith('ml-lanes: warning: ')),
    ).toBe(true);
  });

  it('refuses bad options in one line, exit 2, before asking Jira', async () => {
    simulator.resetStats();
    const badDay = await forecast('--as-of', '2026-02-30');
    expect(badDay).toMatchObject({ code: 2 });
    expect(badDay.stderr).toBe(
      'ml-lanes: --as-of "2026-02-30" is not a day; pass one as YYYY-MM-DD, e.g. --as-of 2026-11-02\n',
    );
    const badTrials = await forecast('--trials', '0');
    expect(badTrials.code).toBe(2);
    expect(badTrials.stderr).toMatch(/^ml-lanes: --trials "0" is not a positive whole number/);
    expect(simulator.stats().requests).toBe(0);
  });

  it('explains itself with --help', async () => {
    const run = await mlLanes(['forecast', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: ml-lanes forecast --site URL --board ID/);
    expect(run.stdout).toContain('--as-of YYYY-MM-DD');
  });
});
