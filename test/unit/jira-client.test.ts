import { z } from 'zod';
import { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import type { JiraRequest, JiraResponse } from '../../src/jira/seam';

function response(status: number, body: unknown, headers: Record<string, string> = {}): JiraResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    text: async () => (typeof body === 'string' ? body : JSON.stringify(body)),
  };
}

const anything = z.unknown();
const noWait = async () => undefined;

describe('JiraClient', () => {
  it('keeps at most 4 requests in flight however many are asked for at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const seam: JiraRequest = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return response(200, {});
    };
    const client = new JiraClient(seam);
    await Promise.all(Array.from({ length: 20 }, () => client.call('GET /x', 'GET', '/x', anything)));
    expect(peak).toBe(4);
    expect(client.requestsSent).toBe(20);
  });

  it('honours Retry-After on 429 and tells the caller how long it waits', async () => {
    const answers = [response(429, {}, { 'retry-after': '2' }), response(200, { ok: true })];
    const waits: number[] = [];
    const notices: number[] = [];
    const client = new JiraClient(async () => answers.shift()!, {
      sleep: async (ms) => void waits.push(ms),
      onRetry: (notice) => notices.push(notice.delayMs),
    });
    await expect(client.call('GET /x', 'GET', '/x', anything)).resolves.toEqual({ ok: true });
    expect(waits).toEqual([2000]);
    expect(notices).toEqual([2000]);
  });

  it('answers "rate-limited, retry in N s" at once when Jira asks for a longer wait than it ever waits', async () => {
    let calls = 0;
    const waits: number[] = [];
    const client = new JiraClient(
      async () => {
        calls += 1;
        return response(429, {}, { 'retry-after': '120' });
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'rate-limited',
      retryAfterMs: 120_000,
    });
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('stops waiting for an answer that would arrive after the deadline', async () => {
    const client = new JiraClient(() => new Promise(() => undefined), { deadline: Date.now() + 30 });
    await expect(client.call('GET /slow', 'GET', '/slow', anything)).rejects.toMatchObject({
      code: 'timeout',
      message: 'Jira did not answer in time (GET /slow)',
    });
  });

  it('gives up after the bounded retries with a typed rate-limited error', async () => {
    let calls = 0;
    const client = new JiraClient(
      async () => {
        calls += 1;
        return response(503, 'busy');
      },
      { sleep: noWait, retryPolicy: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10 } },
    );
    const error = await client.call('GET /x', 'GET', '/x', anything).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({ code: 'server-error', status: 503 });
    expect((error as Error).message).toMatch(/still unavailable \(503\) after 3 retries/);
    expect(calls).toBe(4);
  });

  it("does not retry a 404, and passes on Jira's own error message", async () => {
    let calls = 0;
    const client = new JiraClient(async () => {
      calls += 1;
      return response(404, {
        errorMessages: ['Board does not exist or you do not have permission to see it.'],
        errors: {},
      });
    });
    await expect(client.call('GET /board', 'GET', '/board', anything)).rejects.toMatchObject({
      code: 'not-found',
      message: 'GET /board answered 404: Board does not exist or you do not have permission to see it.',
    });
    expect(calls).toBe(1);
  });

  it('names the endpoint and the missing field when a response lacks what we need', async () => {
    const client = new JiraClient(async () => response(200, { id: 1 }));
    await expect(
      client.call(
        'GET /rest/agile/1.0/board/{boardId}',
        'GET',
        '/b',
        z.object({ id: z.number(), name: z.string() }),
      ),
    ).rejects.toMatchObject({
      code: 'bad-response',
      message: 'GET /rest/agile/1.0/board/{boardId} answered in an unexpected shape: field `name` is missing',
    });
  });

  it('reports malformed JSON as a bad response, not a crash', async () => {
    const client = new JiraClient(async () => response(200, '{"values": [1, 2'));
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'bad-response',
      message: 'GET /x answered with malformed JSON',
    });
  });

  it('reports a network failure as unreachable', async () => {
    const client = new JiraClient(async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    });
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'unreachable',
      message: 'cannot reach Jira (GET /x): connect ECONNREFUSED 127.0.0.1:9',
    });
  });
});
