/**
 * Reading a board's history for the forecast: a board with 5,000 issues done in the window, read through the
 * adapter from the simulator. Prints the requests made per endpoint against the minimum (changelogs: ⌈5,000 / 1,000⌉
 * requests plus paging) and the time it took.
 */
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../src/config/defaults';
import { JiraClient } from '../src/jira/client';
import { createBasicAuthSeam } from '../src/jira/fetch-seam';
import { loadBoardHistory } from '../src/jira/load-board-history';
import { startSimulator, SYNTHETIC_BOARD_ID, syntheticHistoryWorkspace } from '../src/simulator';

const DONE_ISSUES = 5000;
const NOW = '2026-11-30T10:00:00.000Z';
const CREDENTIALS = { email: 'bench@example.com', apiToken: 'bench-token' };

export async function benchForecastRead(): Promise<string[]> {
  const workspace = syntheticHistoryWorkspace({ doneIssues: DONE_ISSUES, now: NOW });
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: CREDENTIALS } });
  try {
    const client = new JiraClient(createBasicAuthSeam({ site: simulator.url, ...CREDENTIALS }));
    const started = performance.now();
    const { history } = await loadBoardHistory(client, {
      boardId: SYNTHETIC_BOARD_ID,
      config: defaultConfig(),
      asOf: new Date(NOW),
      windowDays: 400,
    });
    const elapsed = performance.now() - started;
    const byRoute = simulator.stats().byRoute;
    const changelogs = byRoute['POST /rest/api/3/changelog/bulkfetch'] ?? 0;
    const minimum = Math.ceil(history.issues.length / 1000);
    return [
      `  ${history.issues.length} done issues read in ${Math.round(elapsed)} ms: ` +
        `${changelogs} changelog requests (minimum ⌈${history.issues.length}/1000⌉ = ${minimum}), ` +
        `${byRoute['POST /rest/api/3/issue/bulkfetch'] ?? 0} issue bulkfetches, ${byRoute['POST /rest/api/3/search/jql'] ?? 0} searches, ` +
        `${simulator.stats().requests} requests in all` +
        (changelogs <= minimum + 5 ? ' · ok' : ' · MISSED'),
    ];
  } finally {
    await simulator.close();
  }
}
