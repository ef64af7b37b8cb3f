/** Shared by the fault-injection tests: a simulator per sprint size, the CLI as a real process, the proxy. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  startSimulator,
  SYNTHETIC_BOARD_ID,
  syntheticWorkspace,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator';
import { startFaultProxy, type FaultProxy, type FaultRule } from './proxy';

export const AUTH = { email: 'faults@example.com', apiToken: 'faults-token' };
export const BOARD = String(SYNTHETIC_BOARD_ID);

export const ROUTES = {
  board: 'GET /rest/agile/1.0/board/1',
  search: 'POST /rest/api/3/search/jql',
  bulkfetch: 'POST /rest/api/3/issue/bulkfetch',
} as const;

/** Synthetic issue SYN-k has id 100000 + k - 1. */
export const idOf = (key: string): string => String(100000 + Number(key.replace('SYN-', '')) - 1);

export async function syntheticSimulator(
  issues: number,
  options: Partial<SimulatorOptions> = {},
): Promise<RunningSimulator> {
  return startSimulator({ workspace: { ...syntheticWorkspace({ issues }), credentials: AUTH }, ...options });
}

/** Proxies started by a test, closed after it. */
const proxies: FaultProxy[] = [];
export async function proxyTo(simulator: RunningSimulator, ...rules: FaultRule[]): Promise<FaultProxy> {
  const proxy = await startFaultProxy(simulator.url, rules);
  proxies.push(proxy);
  return proxy;
}
export async function closeProxies(): Promise<void> {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Each stderr line with the moment it reached this process (`performance.now()`). */
  stderrLines: { text: string; at: number }[];
}

const MAIN = join(__dirname, '../../dist/src/cli/main.js');
/** Kills a CLI that would otherwise outlive a failing test. */
const KILL_AFTER_MS = 120_000;

/** The built CLI (`npm run build`) as a user runs it. */
export function mlLanes(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { PATH: process.env.PATH ?? '', JIRA_EMAIL: AUTH.email, JIRA_API_TOKEN: AUTH.apiToken },
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    const stderrLines: CliRun['stderrLines'] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const at = performance.now();
      stderr += chunk;
      const lines = stderr.split('\n');
      for (const text of lines.slice(stderrLines.length, -1)) stderrLines.push({ text, at });
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr, stderrLines });
    });
  });
}

export const plan = (proxy: FaultProxy, ...extra: string[]): string[] => [
  'plan',
  '--site',
  proxy.url,
  '--board',
  BOARD,
  ...extra,
];

const RETRY_LINE = /^ml-lanes: .*; retrying in \d+ s$/;

/**
 * The exit-code contract for a failure: exit 3, nothing on stdout, exactly one error line on stderr and it comes
 * last (retry notices may come before it, never after), no stack trace.
 */
export function expectJiraFailure(run: CliRun, message: RegExp): void {
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  const errors = lines.filter((line) => !RETRY_LINE.test(line));
  expect(errors).toEqual([expect.stringMatching(message)]);
  expect(lines.at(-1)).toMatch(/^ml-lanes: /);
  expect(lines.at(-1)).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(run.code).toBe(3);
}
