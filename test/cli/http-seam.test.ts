/**
 * The CLI reads Jira through node:http (less work per answer than fetch). It must behave as the fetch seam does:
 * the same answers, and an abort that reaches the wire, before the headers and while the body arrives.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeHttpSeam } from '../../src/cli/http-seam';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import type { JiraRequest } from '../../src/jira/seam';
import { SYNTHETIC_SPRINTS, type RunningSimulator } from '../../src/simulator';
import { startFaultProxy, type FaultProxy, type RecordedRequest } from '../faults/proxy';
import { AUTH, idOf, ROUTES, syntheticSimulator } from '../faults/support';

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await syntheticSimulator(300);
});
afterAll(() => simulator.close());

const proxies: FaultProxy[] = [];
afterEach(() => Promise.all(proxies.splice(0).map((proxy) => proxy.close())));

async function answerOf(seam: JiraRequest, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await seam(method, path, body);
  return {
    status: response.status,
    ok: response.ok,
    type: response.headers.get('Content-Type'),
    text: await response.text(),
  };
}

/** Polls until the proxy saw the client close this request's connection, for 10 s at most. */
async function abandoned(
  proxy: FaultProxy,
  kind: RecordedRequest['fault'],
): Promise<RecordedRequest | undefined> {
  const find = () => proxy.requests().find((request) => request.fault === kind);
  for (let waited = 0; waited < 10_000 && !find()?.abandonedAt; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return find();
}

describe('the node:http seam', () => {
  it('gives the same answers as the fetch seam: a board, a bulkfetch page, a 404 and a 401', async () => {
    const site = { site: simulator.url, ...AUTH };
    const bulkfetch = { issueIdsOrKeys: [idOf('SYN-1'), idOf('SYN-2')], fields: ['summary', 'issuelinks'] };
    const requests: [JiraRequest, 'GET' | 'POST', string, unknown][] = [];
    for (const make of [createNodeHttpSeam, createBasicAuthSeam]) {
      const seam = make(site);
      requests.push(
        [seam, 'GET', '/rest/agile/1.0/board/1', undefined],
        [seam, 'POST', '/rest/api/3/issue/bulkfetch', bulkfetch],
        [seam, 'GET', '/rest/agile/1.0/board/404', undefined],
        [make({ ...site, apiToken: 'revoked' }), 'GET', '/rest/agile/1.0/board/1', undefined],
      );
    }
    const answers = await Promise.all(requests.map((each) => answerOf(...each)));
    expect(answers.slice(0, 4)).toEqual(answers.slice(4));
    expect(answers.slice(0, 4).map((each) => each.status)).toEqual([200, 200, 404, 401]);
    expect(JSON.parse(answers[1]!.text)).toMatchObject({ issues: [{ key: 'SYN-1' }, { key: 'SYN-2' }] });
  });

  it("sends the method, the path under the site's own path, Basic auth and the JSON body", async () => {
    const seen: {
      method: string | undefined;
      url: string | undefined;
      auth: string | undefined;
      type: string | undefined;
      body: string;
    }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization,
          type: req.headers['content-type'],
          body,
        });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":"✓"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const seam = createNodeHttpSeam({
        site: `http://127.0.0.1:${port}/jira/`,
        email: 'a@b.c',
        apiToken: 't',
      });
      const answer = await answerOf(seam, 'POST', '/rest/api/3/search/jql', { jql: 'sprint = 1' });
      expect(answer).toEqual({ status: 200, ok: true, type: 'application/json', text: '{"ok":"✓"}' });
      expect(seen).toEqual([
        {
          method: 'POST',
          url: '/jira/rest/api/3/search/jql',
          auth: `Basic ${Buffer.from('a@b.c:t').toString('base64')}`,
          type: 'application/json',
          body: '{"jql":"sprint = 1"}',
        },
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('closes the connection when aborted before Jira answers', async () => {
    const proxy = await startFaultProxy(simulator.url, [
      { route: ROUTES.board, fault: { kind: 'stall-headers' } },
    ]);
    proxies.push(proxy);
    const controller = new AbortController();
    const seam = createNodeHttpSeam({ site: proxy.url, ...AUTH });
    const pending = seam('GET', '/rest/agile/1.0/board/1', undefined, { signal: controller.signal });
    while (proxy.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow();
    expect((await abandoned(proxy, 'stall-headers'))?.abandonedAt).not.toBeNull();
  });

  it('closes the connection when aborted while the body arrives, and the body read fails', async () => {
    const proxy = await startFaultProxy(simulator.url, [
      { route: ROUTES.search, fault: { kind: 'stall-body' } },
    ]);
    proxies.push(proxy);
    const controller = new AbortController();
    const seam = createNodeHttpSeam({ site: proxy.url, ...AUTH });
    const response = await seam(
      'POST',
      '/rest/api/3/search/jql',
      { jql: `sprint = ${SYNTHETIC_SPRINTS.active}` },
      { signal: controller.signal },
    );
    expect(response.status).toBe(200);
    controller.abort(new Error('stop'));
    await expect(response.text()).rejects.toThrow();
    expect((await abandoned(proxy, 'stall-body'))?.abandonedAt).not.toBeNull();
  });
});
