/**
 * `npm run bench`: figures, not a test. Synthetic sprints on the Jira simulator, planned by a separate process.
 * Per size: Jira requests made vs the minimum possible, wall time at 0 and 100 ms latency per request,
 * engine compute time, peak memory and JSON size, against the targets in the brief.
 */
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
import type { ResolvedWorkspace } from '../src/simulator';
import { runPatternBench } from './patterns';
import { runUiBench } from './ui';

const run = promisify(execFile);
const AUTH = { email: 'bench@example.com', apiToken: 'bench' };
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000,20000').split(',').map(Number);
const WORKER = join(__dirname, 'plan-worker.js');

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

async function measure(
  workspace: ResolvedWorkspace,
  latencyMs: number,
): Promise<Measured & { served: number }> {
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: AUTH }, latencyMs });
  try {
    const { stdout } = await run(
      process.execPath,
      [WORKER, simulator.url, String(SYNTHETIC_BOARD_ID), AUTH.email, AUTH.apiToken],
      { maxBuffer: 1024 * 1024 },
    );
    return { ...(JSON.parse(stdout) as Measured), served: simulator.stats().requests };
  } finally {
    await simulator.close();
  }
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main(): Promise<void> {
  console.log(`ML Lanes bench · node ${process.version} · ${new Date().toISOString()}`);
  console.log(
    'Synthetic sprints with ~1.5 Blocks links per issue on the Jira simulator; the planner runs in its own process.\n',
  );
  console.log(
    `${pad('issues', 7)} ${pad('requests', 9)} ${pad('minimum', 8)} ${pad('wall@0ms', 9)} ${pad('wall@100ms', 11)} ` +
      `${pad('engine', 8)} ${pad('engine 1st', 11)} ${pad('peak RSS', 9)} ${pad('JSON', 9)}`,
  );
  const verdicts: string[] = [];
  for (const size of SIZES) {
    const workspace = parseWorkspace(syntheticWorkspace({ issues: size }));
    const minimum = minimumRequests(workspace);
    const fast = await measure(workspace, 0);
    const slow = await measure(workspace, 100);
    console.log(
      `${pad(size, 7)} ${pad(fast.served, 9)} ${pad(minimum, 8)} ${pad(`${fast.wallMs.toFixed(0)} ms`, 9)} ` +
        `${pad(`${slow.wallMs.toFixed(0)} ms`, 11)} ${pad(`${fast.engineMs.toFixed(0)} ms`, 8)} ` +
        `${pad(`${fast.engineFirstMs.toFixed(0)} ms`, 11)} ${pad(`${fast.peakRssMb.toFixed(0)} MB`, 9)} ` +
        `${pad(`${(fast.jsonBytes / 1024).toFixed(0)} KB`, 9)}`,
    );
    verdicts.push(
      `${size}: requests ${fast.served} ≤ minimum ${minimum} + 5: ${mark(fast.served <= minimum + 5)}`,
    );
    if (size === 5000)
      verdicts.push(
        `5000: whole plan at 100 ms latency ${slow.wallMs.toFixed(0)} ms < 3000 ms: ${mark(slow.wallMs < 3000)}`,
      );
    if (size === 20000) {
      verdicts.push(`20000: engine ${fast.engineMs.toFixed(0)} ms < 300 ms: ${mark(fast.engineMs < 300)}`);
      verdicts.push(
        `20000: peak memory ${fast.peakRssMb.toFixed(0)} MB < 256 MB: ${mark(fast.peakRssMb < 256)}` +
          ` (${fast.fetchedRssMb.toFixed(0)} MB once Jira was read)`,
      );
    }
  }
  console.log('\nTargets');
  for (const verdict of verdicts) console.log(`  ${verdict}`);
  runPatternBench();
  await runUiBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
