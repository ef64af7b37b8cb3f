/**
 * `npm start`: the main job on the built-in demo. Starts the Jira simulator with the demo site and prints the
 * plan of the CV squad's active sprint exactly as `ml-lanes plan` prints it against a real site.
 * With --keep-running the simulator stays up so the CLI can be pointed at it.
 */
import { runCli } from '../cli/run';
import { CV_BOARD_ID, demoSite, startSimulator } from '../simulator';

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
  const argv = ['plan', '--site', simulator.url, '--board', String(CV_BOARD_ID), '--format', format];

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
