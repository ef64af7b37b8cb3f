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
    // CV-101 carries Label Studio's counters in the demo: the report counts it in items.
    expect(run.stdout).toMatch(/^## Labeling in items\n\nCV-101 was forecast from items labeled per day\.$/m);
    expect(run.stdout).toMatch(
      /^- CV-101 .*: 812 \/ 1,000 items · \d+ items\/day · ~\d+ days left \(85%: \d+\)$/m,
    );
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

describe('ml-lanes backtest', () => {
  const backtest = (...extra: string[]) =>
    mlLanes([
      'backtest',
      '--site',
      simulator.url,
      '--board',
      String(CV_BOARD_ID),
      '--as-of',
      AS_OF,
      ...extra,
    ]);

  it('replays the last closed sprints from the history before each, and scores them', async () => {
    const run = await backtest('--sprints', '3', '--trials', '1000');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      sprints: { sprintName: string; sprintEnd: string; p85: string | null; finishedOn: string | null }[];
      score: { sprints: number; withinP85: number; brierScore: number; sentence: string } | null;
    };
    expect(report.sprints.map((sprint) => sprint.sprintName)).toEqual([
      'CV Sprint 11',
      'CV Sprint 12',
      'CV Sprint 13',
    ]);
    expect(report.sprints.every((sprint) => sprint.sprintEnd < AS_OF)).toBe(true);
    expect(report.score?.sprints).toBe(3);
    const within = report.sprints.filter(
      (sprint) => sprint.finishedOn !== null && (sprint.p85 === null || sprint.finishedOn <= sprint.p85),
    ).length;
    expect(report.score?.withinP85).toBe(within);
    expect(report.score?.sentence).toBe(
      `on this board, ${within} of the last 3 sprints finished within the 85% date`,
    );
    expect(run.stderr).toMatch(/^ml-lanes: warning: a past sprint's work is what is done now/m);
  });

  it('refuses --sprint (it replays closed sprints) in one line, exit 2', async () => {
    const run = await backtest('--sprint', '102');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ml-lanes: backtest replays closed sprints; pass --sprints N (how many), not --sprint\n',
    );
  });

  it('explains itself with --help', async () => {
    const run = await mlLanes(['backtest', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: ml-lanes backtest --site URL --board ID/);
  });
});
