import {
  parseWorkspace,
  startSimulator,
  SYNTHETIC_BOARD_ID,
  SYNTHETIC_FIELDS,
  syntheticHistoryWorkspace,
  type ResolvedWorkspace,
  type RunningSimulator,
} from '../../src/simulator';
import { allChangelogPages, allPages, arr, call, obj } from './http';

/**
 * A board with 5,000 done issues, read the way the forecast reads it: the closed sprints, the done issues'
 * ids in one search page, then their changelogs 1,000 ids a request, following the tokens.
 */

const CHANGELOG_ROUTE = 'POST /rest/api/3/changelog/bulkfetch';
const FIELDS = [
  'status',
  SYNTHETIC_FIELDS.flagged,
  SYNTHETIC_FIELDS.sprint,
  SYNTHETIC_FIELDS.storyPointEstimate,
];

let ws: ResolvedWorkspace;
let sim: RunningSimulator;
beforeAll(async () => {
  ws = parseWorkspace(syntheticHistoryWorkspace({ doneIssues: 5000, seed: 2 }));
  sim = await startSimulator({ workspace: ws });
});
afterAll(() => sim.close());

test('six closed sprints, then the 5,000 issues done in them in one id page of the search', async () => {
  const sprints = obj(
    (await call(sim, 'GET', `/rest/agile/1.0/board/${SYNTHETIC_BOARD_ID}/sprint?state=closed`)).json,
  );
  expect(arr(sprints.values)).toHaveLength(6);
  const pages = await allPages(sim, {
    jql: 'project = SYN AND statusCategory = Done AND resolved >= "2026-08-01" AND resolved < "2026-11-21"',
    maxResults: 5000,
  });
  expect(pages).toHaveLength(1);
  expect(arr(pages[0]?.issues)).toHaveLength(5000);
});

test('⌈5,000 / 1,000⌉ changelog requests plus paging return every history exactly once', async () => {
  const ids = (
    await allPages(sim, {
      jql: 'project = SYN AND statusCategory = Done AND resolved >= -120d',
      maxResults: 5000,
    })
  ).flatMap((page) => arr(page.issues).map((issue) => String(obj(issue).id)));
  sim.resetStats();
  const seen = new Map<string, string[]>();
  let pageCount = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const pages = await allChangelogPages(sim, {
      issueIdsOrKeys: ids.slice(i, i + 1000),
      fieldIds: FIELDS,
      maxResults: 1000,
    });
    pageCount += pages.length;
    for (const page of pages)
      for (const log of arr(page.issueChangeLogs).map(obj)) {
        const histories = seen.get(String(log.issueId)) ?? [];
        histories.push(...arr(log.changeHistories).map((h) => String(obj(h).id)));
        seen.set(String(log.issueId), histories);
      }
  }
  expect(sim.stats().byRoute[CHANGELOG_ROUTE]).toBe(pageCount);
  // Paging cuts at 1,000 histories, so a batch of 1,000 issues takes a few pages.
  expect(pageCount).toBeGreaterThan(5);
  // No issue dropped, none repeated, every history once, oldest first.
  expect([...seen.keys()].sort()).toEqual([...ids].sort());
  const byId = new Map(ws.issues.map((issue) => [issue.id, issue]));
  for (const [id, histories] of seen) {
    expect(histories).toHaveLength(byId.get(id)?.changelog.length ?? -1);
    expect(new Set(histories).size).toBe(histories.length);
    expect(histories.map(Number)).toEqual([...histories.map(Number)].sort((a, b) => a - b));
  }
});
