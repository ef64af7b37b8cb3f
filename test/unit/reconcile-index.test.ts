import { reconcileIndex, type IndexJob } from '../../src/app/index-events';
import type { JiraRequest } from '../../src/jira/seam';
import { BoardIndexStore } from '../../src/storage/board-index-store';
import { MemoryStore } from '../../src/storage/key-value-store';

/** A search of open sprints whose every page hands back the same next-page token: paging stops, incomplete. */
const loopingSearch: JiraRequest = async () => {
  const body = JSON.stringify({ issues: [{ id: '10001' }], nextPageToken: 'same' });
  return { status: 200, ok: true, headers: { get: () => null }, text: async () => body };
};

describe('reconcileIndex', () => {
  it('does not call a re-index full when Jira’s search stopped early, and says so in the status', async () => {
    const jobs: IndexJob[] = [];
    const index = new BoardIndexStore(new MemoryStore());
    const result = await reconcileIndex({
      jira: loopingSearch,
      queue: { push: async (pushed) => void jobs.push(...pushed) },
      index,
      now: () => Date.parse('2026-11-30T10:00:00Z'),
    });

    expect(result).toMatchObject({ issues: 1, complete: false });
    expect(jobs.flatMap((job) => job.issueIds)).toEqual(['10001']);
    const status = await index.status();
    expect(status.lastFullReindexAt).toBeNull();
    expect(status.lastErrors[0]).toMatch(/queued 1 issues.*stopped paging early/);
  });
});
