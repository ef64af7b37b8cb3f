/**
 * Whole-process figures: `node <bin/ml-lanes's flags> dist/src/cli/main.js plan …` exactly as a user runs it
 * (start-up, Jira, engine, JSON on stdout), and the minimal sequential client beside it, each timed from spawn
 * to exit.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliNodeFlags } from './node-flags';
import { RSS_MARK } from './report-rss';

const CLI = join(__dirname, '../src/cli/main.js');
const FLOOR = join(__dirname, 'floor-client.js');
const REPORT_RSS = join(__dirname, 'report-rss.js');

export interface ProcessRun {
  wallMs: number;
  peakRssMb: number;
  stdoutBytes: number;
}

function timed(args: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, '--require', REPORT_RSS, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdoutBytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const rss = new RegExp(`${RSS_MARK} ([\\d.]+)`).exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      else resolve({ wallMs, peakRssMb: Number(rss[1]), stdoutBytes });
    });
  });
}

/** The CLI planning the board's default sprint as JSON, with the Node flags bin/ml-lanes gives it. */
export function runCli(site: string, board: number, auth: { email: string; apiToken: string }) {
  return timed(
    [CLI, 'plan', '--site', site, '--board', String(board)],
    { PATH: process.env.PATH ?? '', JIRA_EMAIL: auth.email, JIRA_API_TOKEN: auth.apiToken },
    cliNodeFlags(),
  );
}

export function runFloor(site: string, board: number, auth: { email: string; apiToken: string }) {
  return timed([FLOOR, site, String(board), auth.email, auth.apiToken], { PATH: process.env.PATH ?? '' });
}

/** The run with the median wall time. */
export async function median(runs: number, measure: () => Promise<ProcessRun>): Promise<ProcessRun> {
  const results: ProcessRun[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure());
  results.sort((a, b) => a.wallMs - b.wallMs);
  return results[Math.floor(results.length / 2)]!;
}
