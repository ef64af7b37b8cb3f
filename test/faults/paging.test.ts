/** Paging that makes no progress ends, and says so, whatever Jira's search hands back. */
import { JiraClient } from '../../src/jira/client';
import { searchIssueIds } from '../../src/jira/issues';
import type { JiraRequest } from '../../src/jira/seam';

/** A search endpoint that answers pages from a list, then repeats the last one for ever. */
function searchAnswering(pages: { ids: string[]; next?: string }[]): {
  seam: JiraRequest;
  calls: () => number;
} {
  let calls = 0;
  const seam: JiraRequest = async () => {
    const page = pages[Math.min(calls, pages.length - 1)]!;
    calls += 1;
    const body = {
      issues: page.ids.map((id) => ({ id })),
      ...(page.next ? { nextPageToken: page.next } : {}),
    };
    return { status: 200, ok: true, headers: { get: () => null }, text: async () => JSON.stringify(body) };
  };
  return { seam, calls: () => calls };
}

describe('searchIssueIds', () => {
  it('follows page tokens to the last page', async () => {
    const { seam } = searchAnswering([{ ids: ['1', '2'], next: 'a' }, { ids: ['3'] }]);
    await expect(searchIssueIds(new JiraClient(seam), 'sprint = 1')).resolves.toEqual({
      ids: ['1', '2', '3'],
      complete: true,
    });
  });

  it('stops at a page token it was given before', async () => {
    const { seam, calls } = searchAnswering([
      { ids: ['1'], next: 'a' },
      { ids: ['2'], next: 'b' },
      { ids: ['3'], next: 'a' },
    ]);
    await expect(searchIssueIds(new JiraClient(seam), 'sprint = 1')).resolves.toEqual({
      ids: ['1', '2', '3'],
      complete: false,
    });
    expect(calls()).toBe(3);
  });

  it('stops at a page that brings no new ids, even under a new token', async () => {
    let token = 0;
    const seam: JiraRequest = async () => {
      token += 1;
      const body = { issues: [{ id: '1' }, { id: '2' }], nextPageToken: `t${token}` };
      return { status: 200, ok: true, headers: { get: () => null }, text: async () => JSON.stringify(body) };
    };
    await expect(searchIssueIds(new JiraClient(seam), 'sprint = 1')).resolves.toEqual({
      ids: ['1', '2'],
      complete: false,
    });
    expect(token).toBe(2);
  });
});
