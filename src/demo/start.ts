/**
 * `npm run demo`: the main job on the built-in demo, without a browser. Starts the Jira simulator with the demo
 * site and prints the plan of the CV squad's active sprint exactly as `ml-lanes plan` prints it against a real
 * site; with --forecast, its forecast as `ml-lanes forecast` prints it, as of the demo site's own day.
 * With --keep-running the simulator stays up so the CLI can be pointed at it.
 */
import { runCli } from '../cli/run';
import { CV_BOARD_ID, DEMO_NOW, demoSite, startSimulator } from '../simulator';

const DEMO_CREDENTIALS = { email: 'demo@ml-lanes.example', apiToken: 'demo-token' };

async function main(): Promise<void> {
  const keepRunning = process.argv.includes('--keep-running');
  const format = process.argv.includes('--json') ? 'json' : 'markdown';
  const port = Number(process.env.PORT ?? 0);
  const simulator = await startSimulator({
    workspace: { ...demoSite(), credentials: DEMO_CREDENTIALS },
    port,
  });
  const env = { JIRA_EMAIL: DEMO_CREDENTIALS.email, JIRA_API_TOKEN: DEMO_CREDENTIALS.apiToken };
  const board = ['--site', simulator.url, '--board', String(CV_BOARD_ID), '--format', format];
  // The demo's history ends at its own clock: the forecast is made as of that day, whatever today is.
  const argv = process.argv.includes('--forecast')
    ? ['forecast', ...board, '--as-of', DEMO_NOW.slice(0, 10)]
    : ['plan', ...board];

  const exitCode = await runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env,
  });
  if (!keepRunning) {
    await simulator.close();
    process.exitCode = exitCode;
    return;
  }
  process.stderr.write(
    `\nThe Jira simulator is serving the demo site at ${simulator.url} (Ctrl-C stops it). Try:\n` +
      `  JIRA_EMAIL=${env.JIRA_EMAIL} JIRA_API_TOKEN=${env.JIRA_API_TOKEN} ./bin/ml-lanes plan --site ${simulator.url} --board 2 --format markdown\n`,
  );
}

void main();
