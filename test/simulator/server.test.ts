import { cvWorkspace, demoSite, startSimulator, type RunningSimulator } from '../../src/simulator';
import { arr, call, obj, searchJql } from './http';

/** Faults, auth, stats, latency, unknown routes. */

describe('faults', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ workspace: demoSite() });
  });
  afterAll(() => sim.close());

  test('429 with Retry-After and rate-limit headers, then success', async () => {
    sim.injectFaults({ status: 429, retryAfterSeconds: 2, times: 1, route: '/rest/api/3/search/jql' });
    const limited = await searchJql(sim, { jql: 'project = CV' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-nearlimit')).toBe('true');
    expect(limited.headers.get('ratelimit-reason')).toBeTruthy();
    expect(Number.isNaN(Date.parse(String(limited.headers.get('x-ratelimit-reset'))))).toBe(false);
    expect((await searchJql(sim, { jql: 'project = CV' })).status).toBe(200);
  });

  test('faults only hit matching routes, `times` times', async () => {
    sim.injectFaults({ status: 503, retryAfterSeconds: 1, times: 2, route: '/rest/agile/' });
    expect((await call(sim, 'GET', '/rest/api/3/myself')).status).toBe(200);
    expect((await call(sim, 'GET', '/rest/agile/1.0/board/1')).status).toBe(503);
    expect((await call(sim, 'GET', '/rest/agile/1.0/sprint/102')).status).toBe(503);
    expect((await call(sim, 'GET', '/rest/agile/1.0/board/1')).status).toBe(200);
  });

  test('500, and 502 in HTML like a gateway', async () => {
    sim.injectFaults({ status: 500, times: 1 }, { status: 502, times: 1 });
    expect((await call(sim, 'GET', '/rest/api/3/field')).status).toBe(500);
    const gateway = await call(sim, 'GET', '/rest/api/3/field');
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toMatch(/text\/html/);
  });

  test('malformed JSON with status 200', async () => {
    sim.injectFaults({ kind: 'malformed-json', times: 1 });
    const answer = await searchJql(sim, { jql: 'project = CV' });
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text) as unknown).toThrow();
  });

  test('a dropped connection', async () => {
    sim.injectFaults({ kind: 'drop-connection', times: 1 });
    await expect(call(sim, 'GET', '/rest/api/3/myself')).rejects.toThrow();
    expect((await call(sim, 'GET', '/rest/api/3/myself')).status).toBe(200);
  });
});

describe('auth', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({
      workspace: { ...cvWorkspace(), credentials: { email: 'priya@example.com', apiToken: 's3cret' } },
    });
  });
  afterAll(() => sim.close());

  const basic = (user: string, token: string) => ({
    Authorization: `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`,
  });

  test('401 in plain text without or with wrong credentials', async () => {
    for (const headers of [{}, basic('priya@example.com', 'wrong'), { Authorization: 'Bearer abc' }]) {
      const answer = await call(sim, 'GET', '/rest/api/3/myself', undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/text\/plain/);
      expect(answer.text).toBe('Client must be authenticated to access this resource.');
    }
  });

  test('200 with HTTP Basic email:apiToken', async () => {
    const answer = await call(
      sim,
      'GET',
      '/rest/api/3/myself',
      undefined,
      basic('priya@example.com', 's3cret'),
    );
    expect(answer.status).toBe(200);
  });
});

describe('stats, latency, unknown routes', () => {
  test('requests are counted by route template, and can be reset', async () => {
    const sim = await startSimulator({ workspace: demoSite() });
    try {
      await call(sim, 'GET', '/rest/agile/1.0/board/1');
      await call(sim, 'GET', '/rest/agile/1.0/board/2');
      await searchJql(sim, { jql: 'project = CV' });
      await call(sim, 'GET', '/rest/api/3/nothing-here');
      expect(sim.stats()).toEqual({
        requests: 4,
        byRoute: {
          'GET /rest/agile/1.0/board/{boardId}': 2,
          'POST /rest/api/3/search/jql': 1,
          'GET (unmatched)': 1,
        },
      });
      sim.resetStats();
      expect(sim.stats()).toEqual({ requests: 0, byRoute: {} });
    } finally {
      await sim.close();
    }
  });

  test('unknown routes 404 in JSON; wrong methods 405; bad JSON bodies 400', async () => {
    const sim = await startSimulator({ workspace: demoSite() });
    try {
      // The simulator serves single issues now; their comments it does not.
      const missing = await call(sim, 'GET', '/rest/api/3/issue/CV-1/comment');
      expect(missing.status).toBe(404);
      expect(arr(obj(missing.json).errorMessages)).toHaveLength(1);
      expect((await call(sim, 'GET', '/rest/api/3/changelog/bulkfetch')).status).toBe(405);
      const bad = await fetch(`${sim.url}/rest/api/3/search/jql`, {
        method: 'POST',
        body: '{"jql": ',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(bad.status).toBe(400);
    } finally {
      await sim.close();
    }
  });

  test('latencyMs delays every response', async () => {
    const sim = await startSimulator({ workspace: demoSite(), latencyMs: 120 });
    try {
      const started = Date.now();
      await call(sim, 'GET', '/rest/api/3/myself');
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    } finally {
      await sim.close();
    }
  });

  test('listens on loopback only, on the requested port', async () => {
    const probe = await startSimulator({ workspace: demoSite() });
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const sim = await startSimulator({ workspace: demoSite(), port });
    try {
      expect(sim.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await sim.close();
    }
  });
});
