import { JiraClient } from '../../src/jira/client';
import {
  INDEX_ISSUES_PER_REQUEST,
  INDEX_PROPERTY_KEY,
  writeIndexStates,
  type IndexState,
  type IndexStateWrite,
} from '../../src/jira/index-property';
import type { JiraRequest, JiraResponse } from '../../src/jira/seam';

function response(status: number, body: unknown): JiraResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: () => null },
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  };
}

const STATE: IndexState = {
  v: 1,
  lane: 'Data',
  blocked: 'yes',
  handoff: 'blocked',
  waitingOn: 2,
  dodMet: 3,
  dodTotal: 5,
  dodComplete: 'no',
};

function task(status: string, message?: string) {
  return {
    self: 'https://example.atlassian.net/rest/api/3/task/1',
    id: '1',
    status,
    ...(message ? { message } : {}),
    submittedBy: 1,
    progress: 100,
    elapsedRuntime: 1,
    submitted: 1,
    lastUpdate: 1,
  };
}

function writes(count: number): IndexStateWrite[] {
  return Array.from({ length: count }, (_, n) => ({ issueId: String(10001 + n), state: STATE }));
}

interface MultiBody {
  issues: { issueID: number; properties: Record<string, unknown> }[];
}

describe('writing the ml-lanes-state index property', () => {
  it('writes 250 issues in 3 bulk requests, each issue once with its own value', async () => {
    const bodies: MultiBody[] = [];
    const seam: JiraRequest = async (_method, path, body) => {
      expect(path).toBe('/rest/api/3/issue/properties/multi');
      bodies.push(body as MultiBody);
      return response(200, task('COMPLETE'));
    };
    const result = await writeIndexStates(new JiraClient(seam), writes(250));
    expect(bodies.map((b) => b.issues.length)).toEqual([
      INDEX_ISSUES_PER_REQUEST,
      INDEX_ISSUES_PER_REQUEST,
      50,
    ]);
    const first = bodies[0]?.issues[0];
    expect(first).toEqual({ issueID: 10001, properties: { [INDEX_PROPERTY_KEY]: STATE } });
    expect(result.written).toHaveLength(250);
    expect(result.requests).toBe(3);
  });

  it('reports a batch pending when the seam hands back the 303 instead of following it', async () => {
    const seam: JiraRequest = async () => response(303, undefined);
    const result = await writeIndexStates(new JiraClient(seam), writes(3));
    expect(result).toEqual({
      written: [],
      pending: [{ issueIds: ['10001', '10002', '10003'], taskId: null }],
      failed: [],
      requests: 1,
    });
  });

  it("reports Jira's words when the task failed or Jira refused the request", async () => {
    const failedTask = await writeIndexStates(
      new JiraClient(async () => response(200, task('FAILED', 'Issue 10001 is locked'))),
      writes(1),
    );
    expect(failedTask.failed).toEqual([
      {
        issueId: '10001',
        code: 'task-failed',
        reason: "Jira's task 1 ended FAILED: Issue 10001 is locked",
        retryAfterMs: null,
      },
    ]);
    const busy = await writeIndexStates(
      new JiraClient(async () =>
        response(409, { errorMessages: ['Another bulk update on these issues is in progress.'], errors: {} }),
      ),
      writes(1),
    );
    expect(busy.failed[0]?.reason).toBe(
      'POST /rest/api/3/issue/properties/multi answered 409: Another bulk update on these issues is in progress.',
    );
  });

  it('refuses a state that is not the documented shape, naming the issue and the field', async () => {
    const client = new JiraClient(async () => response(200, task('COMPLETE')));
    await expect(
      writeIndexStates(client, [
        { issueId: '10001', state: { ...STATE, blocked: true as unknown as 'yes' } },
      ]),
    ).rejects.toThrow('index write 0 (issue 10001): `blocked`');
    await expect(
      writeIndexStates(client, [{ issueId: '10001', state: { ...STATE, dodMet: 6 } }]),
    ).rejects.toThrow('dodMet is more than dodTotal');
  });
});
