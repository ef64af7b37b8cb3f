/**
 * `npm run bench`: figures, not a test. Synthetic sprints on the Jira simulator, planned by separate processes.
 * Per size: Jira requests made vs the minimum possible; the planner in its own process (in-process figures: wall
 * time at 0 and 100 ms latency per request, engine time, peak memory, JSON size); the CLI as a user runs it
 * (whole process, spawn to exit) beside a minimal sequential client (the floor); then the targets from the brief.
 */
import { benchBoardIndex } from './board-index';
import { benchForecastHistory } from './forecast-history';
import { benchForecastMonteCarlo } from './forecast-montecarlo';
import { benchForecastRead } from './forecast-read';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  parseWorkspace,
  startSimulator,
  SYNTHETIC_BOARD_ID,
  SYNTHETIC_SPRINTS,
  syntheticWorkspace,
} from '../src/simulator';
import type { ResolvedWorkspace, RunningSimulator } from '../src/simulator';
import { cliNodeFlags } from './node-flags';
import { runPatternBench } from './patterns';
import { runUiBench } from './ui';
import { median, runCli, runFloor, type ProcessRun } from './whole-process';

const run = promisify(execFile);
const AUTH = { email: 'bench@example.com', apiToken: 'bench' };
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000,20000').split(',').map(Number);
const WORKER = join(__dirname, 'plan-worker.js');
/** Whole-process runs per figure (the median is shown); fewer for the largest sprints, which take seconds. */
const runsFor = (size: number) => (size <= 5000 ? 3 : 1);

interface Measured {
  wallMs: number;
  engineFirstMs: number;
  engineMs: number;
  peakRssMb: number;
  fetchedRssMb: number;
  jsonBytes: number;
  requests: number;
  issues: number;
  linkedOutside: number;
}

/** Board, its configuration, fields, sprint list; then id pages of 5,000 and bulkfetch batches of 100. */
function minimumRequests(workspace: ResolvedWorkspace): number {
  const inSprint = workspace.issues.filter(
    (issue) => issue.visibleToUser && !issue.vanished && issue.sprintIds.includes(SYNTHETIC_SPRINTS.active),
  );
  const keys = new Set(inSprint.map((issue) => issue.key));
  const visible = new Set(workspace.issues.filter((issue) => issue.visibleToUser).map((issue) => issue.key));
  const outside = new Set<string>();
  for (const link of workspace.links) {
    if (link.type !== 'Blocks') continue;
    for (const [self, other] of [
      [link.outward, link.inward],
      [link.inward, link.outward],
    ] as const) {
      if (keys.has(self) && !keys.has(other) && visible.has(other)) outside.add(other);
    }
  }
  return (
    4 +
    Math.max(1, Math.ceil(inSprint.length / 5000)) +
    Math.ceil(inSprint.length / 100) +
    Math.ceil(outside.size / 100)
  );
}

async function withSimulator<T>(
  workspace: ResolvedWorkspace,
  latencyMs: number,
  work: (simulator: RunningSimulator) => Promise<T>,
): Promise<T> {
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: AUTH }, latencyMs });
  try {
    return await work(simulator);
  } finally {
    await simulator.close();
  }
}

async function inProcess(
  workspace: ResolvedWorkspace,
  latencyMs: number,
): Promise<Measured & { served: number }> {
  return withSimulator(workspace, latencyMs, async (simulator) => {
    // With the CLI's own Node flags: the young generation's size is part of the planner's peak memory.
    const { stdout } = await run(
      process.execPath,
      [...cliNodeFlags(), WORKER, simulator.url, String(SYNTHETIC_BOARD_ID), AUTH.email, AUTH.apiToken],
      { maxBuffer: 1024 * 1024 },
    );
    return { ...(JSON.parse(stdout) as Measured), served: simulator.stats().requests };
  });
}

function wholeProcess(
  workspace: ResolvedWorkspace,
  latencyMs: number,
  runs: number,
  measure: typeof runCli,
): Promise<ProcessRun> {
  return withSimulator(workspace, latencyMs, (simulator) =>
    median(runs, () => measure(simulator.url, SYNTHETIC_BOARD_ID, AUTH)),
  );
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  console.log(`ML Lanes bench · node ${process.version} · ${new Date().toISOString()}`);
  console.log(
    'Synthetic sprints with ~1.5 Blocks links per issue on the Jira simulator; each planner runs in its own process.\n',
  );
  const flags = cliNodeFlags().join(' ');
  console.log(
    `In-process: the planner alone (bench/plan-worker, run as \`node ${flags}\`, the flags bin/ml-lanes starts\n` +
      'the CLI with), timed from its first request to its JSON',
  );
  console.log(
    `${pad('issues', 7)} ${pad('requests', 9)} ${pad('minimum', 8)} ${pad('wall@0ms', 9)} ${pad('wall@100ms', 11)} ` +
      `${pad('engine', 8)} ${pad('engine 1st', 11)} ${pad('peak RSS', 9)} ${pad('JSON', 9)}`,
  );
  const verdicts: string[] = [];
  const wholeRows: string[] = [];
  for (const size of SIZES) {
    const workspace = parseWorkspace(syntheticWorkspace({ issues: size }));
    const minimum = minimumRequests(workspace);
    const fast = await inProcess(workspace, 0);
    const slow = await inProcess(workspace, 100);
    console.log(
      `${pad(size, 7)} ${pad(fast.served, 9)} ${pad(minimum, 8)} ${pad(ms(fast.wallMs), 9)} ` +
        `${pad(ms(slow.wallMs), 11)} ${pad(ms(fast.engineMs), 8)} ` +
        `${pad(ms(fast.engineFirstMs), 11)} ${pad(mb(fast.peakRssMb), 9)} ` +
        `${pad(`${(fast.jsonBytes / 1024).toFixed(0)} KB`, 9)}`,
    );
    const runs = runsFor(size);
    const cliFast = await wholeProcess(workspace, 0, runs, runCli);
    const cliSlow = await wholeProcess(workspace, 100, runs, runCli);
    const floor = await wholeProcess(workspace, 0, runs, runFloor);
    wholeRows.push(
      `${pad(size, 7)} ${pad(ms(cliFast.wallMs), 9)} ${pad(ms(cliSlow.wallMs), 11)} ${pad(mb(cliFast.peakRssMb), 9)} ` +
        `${pad(ms(floor.wallMs), 11)} ${pad(ms(cliFast.wallMs - floor.wallMs), 10)} ${pad(runs, 5)}`,
    );
    verdicts.push(
      `${size}: requests ${fast.served} ≤ minimum ${minimum} + 5: ${mark(fast.served <= minimum + 5)}`,
    );
    if (size === 5000) {
      verdicts.push(
        `5000: CLI, whole process, at 100 ms latency ${ms(cliSlow.wallMs)} < 3000 ms: ${mark(cliSlow.wallMs < 3000)}` +
          ` (in-process ${ms(slow.wallMs)})`,
      );
    }
    if (size === 20000) {
      verdicts.push(`20000: engine ${ms(fast.engineMs)} < 300 ms: ${mark(fast.engineMs < 300)}`);
      verdicts.push(
        `20000: peak memory ${mb(fast.peakRssMb)} < 200 MB: ${mark(fast.peakRssMb < 200)}` +
          ` (${mb(fast.fetchedRssMb)} once Jira was read; the CLI, JSON on stdout: ${mb(cliFast.peakRssMb)})`,
      );
    }
  }
  console.log(
    `\nWhole process: \`node ${flags} dist/src/cli/main.js plan\` as bin/ml-lanes runs it (start-up, Jira, engine,\n` +
      'JSON on stdout), beside a minimal sequential client that only fetches and parses (bench/floor-client); median\n' +
      'of the runs',
  );
  console.log(
    `${pad('issues', 7)} ${pad('CLI@0ms', 9)} ${pad('CLI@100ms', 11)} ${pad('CLI RSS', 9)} ${pad('floor@0ms', 11)} ` +
      `${pad('overhead', 10)} ${pad('runs', 5)}`,
  );
  for (const row of wholeRows) console.log(row);
  console.log('\nTargets');
  for (const verdict of verdicts) console.log(`  ${verdict}`);
  await runForecastBench();
  await runBoardIndexBench();
  runPatternBench();
  await runUiBench();
}

/** The forecast: reading a board's history, deriving each lane's, and the Monte Carlo trials. */
async function runForecastBench(): Promise<void> {
  console.log(
    '\nForecast: history read from the simulator (goal: ⌈done issues / 1,000⌉ changelog requests plus paging)',
  );
  for (const line of await benchForecastRead()) console.log(line);
  console.log("Forecast: each lane's history derived from 5,000 done issues");
  for (const line of await benchForecastHistory()) console.log(line);
  console.log(
    'Forecast: Monte Carlo (goals: 10,000 trials over a 5,000-issue sprint < 500 ms; a what-if on the demo sprint < 300 ms)',
  );
  for (const line of await benchForecastMonteCarlo()) console.log(line);
}

/** The board index: full re-indexes, one status change upstream, rate limits and a deadline. */
async function runBoardIndexBench(): Promise<void> {
  console.log(
    '\nBoard index on the simulator (goals: a full re-index in batches, no request per issue; nothing written when\n' +
      'nothing changed; a status change with 50 downstream issues in a handful of requests; 429s waited out)',
  );
  for (const line of await benchBoardIndex()) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
