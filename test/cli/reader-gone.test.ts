/** `ml-lanes plan | head`: the CLI stops quietly when its reader goes away, as Unix tools do, with no stack. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CV_BOARD_ID, demoSite, startSimulator, type RunningSimulator } from '../../src/simulator';

const BIN = join(__dirname, '../../bin/ml-lanes');
const AUTH = { email: 'cli@example.com', apiToken: 'cli-token' };

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ workspace: { ...demoSite(), credentials: AUTH } });
});
afterAll(() => simulator.close());

it('exits 141 with nothing on stderr once the reader has closed the pipe', async () => {
  const child = spawn(BIN, ['plan', '--site', simulator.url, '--board', String(CV_BOARD_ID)], {
    env: { PATH: process.env.PATH ?? '', JIRA_EMAIL: AUTH.email, JIRA_API_TOKEN: AUTH.apiToken },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Like `| true`: the reader is gone before the plan is written.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(141);
});
