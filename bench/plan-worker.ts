/**
 * One plan, measured, in its own process so that its peak memory is the planner's alone (the simulator runs in
 * the parent), started with the Node flags bin/ml-lanes gives the CLI (bench/node-flags). Prints one JSON line:
 * wall time, engine time, peak RSS, JSON size, requests the client sent.
 */
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../src/config/defaults';
import type { MlLanesConfig } from '../src/config/schema';
import type { PlanSnapshot } from '../src/domain/snapshot';
import { writeJson } from '../src/cli/plan-json';
import { buildPlan } from '../src/domain/plan';
import { JiraClient } from '../src/jira/client';
import { createNodeHttpSeam } from '../src/cli/http-seam';
import { loadPlanSnapshot } from '../src/jira/load-plan-snapshot';

async function main(): Promise<void> {
  const [site, board, email, apiToken] = process.argv.slice(2);
  if (!site || !board || !email || !apiToken) throw new Error('usage: plan-worker SITE BOARD EMAIL TOKEN');
  const config = defaultConfig();
  const client = new JiraClient(createNodeHttpSeam({ site, email, apiToken }));
  const started = performance.now();
  const snapshot = await loadPlanSnapshot(client, {
    site,
    boardId: Number(board),
    sprint: 'default',
    config,
  });
  const fetched = performance.now();
  const fetchedRssMb = process.resourceUsage().maxRSS / 1024;
  const { jsonBytes, issues, linkedOutside } = planAndWrite(snapshot, config);
  const finished = performance.now();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  // Engine time in steady state: the median of a few more runs on the same snapshot.
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    buildPlan(snapshot, config);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);

  process.stdout.write(
    `${JSON.stringify({
      wallMs: finished - started,
      fetchMs: fetched - started,
      engineFirstMs: finished - fetched,
      engineMs: runs[Math.floor(runs.length / 2)],
      peakRssMb,
      fetchedRssMb,
      jsonBytes,
      requests: client.requestsSent,
      issues,
      linkedOutside,
    })}\n`,
  );
}

/**
 * The plan a user gets, written as the CLI writes it (piece by piece), counting bytes instead of printing them.
 * Only its figures outlive this call: the CLI exits after writing, so the steady-state runs below must not pay
 * for keeping a whole PlanView alive in the heap.
 */
function planAndWrite(
  snapshot: PlanSnapshot,
  config: MlLanesConfig,
): { jsonBytes: number; issues: number; linkedOutside: number } {
  const plan = buildPlan(snapshot, config);
  let jsonBytes = 0;
  writeJson(plan, (chunk) => {
    jsonBytes += Buffer.byteLength(chunk);
  });
  return { jsonBytes, issues: plan.summary.issues, linkedOutside: plan.issues.length - plan.summary.issues };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
