import { z } from 'zod';
import { JiraClient, type RetryNotice } from '../../src/jira/client';
import type { JiraRequest, JiraResponse } from '../../src/jira/seam';
import { JiraError } from '../../src/errors';

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

/** A fetch-style answer whose body arrives only through `readBody` (to stall or break it). */
function answerWithBody(status: number, readBody: () => Promise<string>): JiraResponse {
  return { status, ok: status >= 200 && status < 300, headers: { get: () => null }, text: readBody };
}

/** What undici throws when the connection closes under a body being read. */
function terminated(): TypeError {
  const socketError = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  return new TypeError('terminated', { cause: socketError });
}

/** A promise that settles only when `signal` aborts, as fetch does with a stalled server. */
function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
}

describe('JiraClient on a flaky network', () => {
  it('gives up on a request whose headers never come, and aborts it', async () => {
    const signals: AbortSignal[] = [];
    const client = new JiraClient(
      (_method, _path, _body, init) => {
        if (init?.signal) signals.push(init.signal);
        return untilAborted(init?.signal);
      },
      { requestTimeoutMs: 50 },
    );
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'timeout',
      message: 'Jira did not answer within 0.1 s (GET /x)',
    });
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
  });

  it('counts reading the body inside the time limit: a stalled body is a timeout, not a hang', async () => {
    const client = new JiraClient(
      async (_method, _path, _body, init) => answerWithBody(200, () => untilAborted(init?.signal)),
      { requestTimeoutMs: 50 },
    );
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'timeout',
      message: "Jira's answer did not arrive in full within 0.1 s (GET /x)",
    });
  });

  it('stops waiting for a seam that ignores the abort signal', async () => {
    const client = new JiraClient(async () => answerWithBody(200, () => new Promise(() => undefined)), {
      requestTimeoutMs: 50,
    });
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({ code: 'timeout' });
  });

  it('retries one connection reset mid-body like a 503 and says so', async () => {
    const bodies = [() => Promise.reject(terminated()), async () => '{"ok":true}'];
    const notices: RetryNotice[] = [];
    const client = new JiraClient(async () => answerWithBody(200, bodies.shift()!), {
      sleep: noWait,
      onRetry: (notice) => notices.push(notice),
    });
    await expect(client.call('GET /x', 'GET', '/x', anything)).resolves.toEqual({ ok: true });
    expect(notices).toMatchObject([{ reason: 'connection-reset', status: null, endpoint: 'GET /x' }]);
    expect(client.requestsSent).toBe(2);
  });

  it('turns a second reset into one typed error naming the endpoint, not a TypeError', async () => {
    const client = new JiraClient(async () => answerWithBody(200, () => Promise.reject(terminated())), {
      sleep: noWait,
    });
    const error = await client.call('GET /x', 'GET', '/x', anything).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect(error).toMatchObject({
      code: 'unreachable',
      message: 'the connection to Jira broke while reading its answer (GET /x): other side closed',
    });
    expect(client.requestsSent).toBe(2);
  });

  it('does not retry a refused connection', async () => {
    let calls = 0;
    const client = new JiraClient(
      async () => {
        calls += 1;
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
      },
      { sleep: noWait },
    );
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({ code: 'unreachable' });
    expect(calls).toBe(1);
  });

  it('tells a 503 (unavailable) from a 429 (rate-limiting) in its retry notices', async () => {
    const answers = [response(503, 'down'), response(429, {}), response(200, {})];
    const notices: RetryNotice[] = [];
    const client = new JiraClient(async () => answers.shift()!, {
      sleep: noWait,
      onRetry: (notice) => notices.push(notice),
    });
    await client.call('GET /x', 'GET', '/x', anything);
    expect(notices.map(({ reason, status }) => ({ reason, status }))).toEqual([
      { reason: 'unavailable', status: 503 },
      { reason: 'rate-limited', status: 429 },
    ]);
  });

  it('says "unavailable", not "rate-limiting", when a 503 asks for a longer wait than it ever waits', async () => {
    const client = new JiraClient(async () => response(503, {}, { 'retry-after': '120' }));
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'server-error',
      message: 'Jira is unavailable (503); it asks to wait 120 s (GET /x)',
    });
  });

  it('names a web page answered with 200 for what it is', async () => {
    const client = new JiraClient(async () =>
      response(200, '<!DOCTYPE html><html><body>Log in to continue</body></html>', {
        'content-type': 'text/html; charset=utf-8',
      }),
    );
    await expect(client.call('GET /x', 'GET', '/x', anything)).rejects.toMatchObject({
      code: 'bad-response',
      message: 'GET /x answered with a web page instead of JSON (is a proxy or a login page in the way?)',
    });
  });
});

describe('JiraClient after a fatal answer', () => {
  it('sends nothing more: queued calls fail without asking Jira, the one in flight is aborted', async () => {
    const sent: string[] = [];
    const signals = new Map<string, AbortSignal | undefined>();
    const client = new JiraClient(
      async (_method, path, _body, init) => {
        sent.push(path);
        signals.set(path, init?.signal);
        return path === '/1' ? response(401, 'Unauthorized') : untilAborted(init?.signal);
      },
      { maxInFlight: 2 },
    );
    const calls = ['/0', '/1', '/2', '/3', '/4', '/5'].map((path) =>
      client.call(`GET ${path}`, 'GET', path, anything).catch((e: unknown) => e),
    );
    const errors = await Promise.all(calls);
    expect(sent).toEqual(['/0', '/1']);
    expect(signals.get('/0')?.aborted).toBe(true);
    expect(errors.every((error) => error instanceof JiraError && error.code === 'unauthorized')).toBe(true);
    expect(client.stoppedBy).toMatchObject({ code: 'unauthorized' });
  });

  it('ends a retry wait at once and prints no retry notice after the fatal answer', async () => {
    const notices: string[] = [];
    let callsToB = 0;
    const client = new JiraClient(
      async (_method, path) => {
        if (path === '/a') return response(429, {}, { 'retry-after': '30' });
        callsToB += 1;
        // B fails only once A is asleep, waiting out its 30 s.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return response(401, 'Unauthorized');
      },
      { onRetry: (notice) => notices.push(notice.endpoint) },
    );
    const a = client.call('GET /a', 'GET', '/a', anything).catch((e: unknown) => e);
    const b = client.call('GET /b', 'GET', '/b', anything).catch((e: unknown) => e);
    // Jest's 30 s test timeout is shorter than A's wait: this only passes if the wait ends early.
    await expect(a).resolves.toMatchObject({ code: 'unauthorized' });
    await expect(b).resolves.toMatchObject({ code: 'unauthorized' });
    expect(notices).toEqual(['GET /a']);
    expect(callsToB).toBe(1);
  });

  it('keeps working after a not-found: callers handle that one (a property never set)', async () => {
    const client = new JiraClient(async (_method, path) =>
      path === '/missing' ? response(404, { errorMessages: ['gone'] }) : response(200, { ok: true }),
    );
    await expect(client.call('GET /m', 'GET', '/missing', anything)).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(client.call('GET /x', 'GET', '/x', anything)).resolves.toEqual({ ok: true });
    expect(client.stoppedBy).toBeNull();
  });
});
