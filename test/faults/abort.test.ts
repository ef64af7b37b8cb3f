/**
 * After a fatal answer the client aborts what is in flight, and the abort reaches the wire: the connection of a
 * request still waiting for Jira is closed, through the fetch seam (CLI, playground) and through @forge/api's
 * `requestJira` (Forge), so nothing runs on in the background.
 */
import { createForgeHandler } from '../../src/forge/handler';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { installForgeRuntime } from '../../src/playground/forge-runtime';
import { createResolverFunctions } from '../../src/resolvers';
import type { ResolverResult } from '../../src/contract/envelope';
import type { RunningSimulator } from '../../src/simulator';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import type { FaultProxy, RecordedRequest } from './proxy';
import { AUTH, closeProxies, proxyTo, ROUTES, syntheticSimulator } from './support';

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await syntheticSimulator(2000);
});
afterEach(closeProxies);
afterAll(() => simulator.close());

const boardAction = { type: 'jira:boardAction', board: { id: 1 } };

/** The first bulkfetch stalls; the second is a 401 that ends the run. */
const stallThenRefuse = () =>
  proxyTo(
    simulator,
    { route: ROUTES.bulkfetch, nth: 1, fault: { kind: 'stall-headers' } },
    { route: ROUTES.bulkfetch, nth: 2, fault: { kind: 'status', status: 401 } },
  );

/** Polls until the client closes the stalled request's connection, for 10 s at most. */
async function abandonedStall(proxy: FaultProxy): Promise<RecordedRequest | undefined> {
  const stalled = () => proxy.requests().find((request) => request.fault === 'stall-headers');
  for (let waited = 0; waited < 10_000 && !stalled()?.abandonedAt; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return stalled();
}

it('through the fetch seam: the stalled request is aborted once the 401 arrives', async () => {
  const proxy = await stallThenRefuse();
  const functions = createResolverFunctions({
    jiraAsUser: () => createBasicAuthSeam({ site: proxy.url, ...AUTH }),
    configs: new ConfigRepository(new MemoryStore()),
  });
  const result = await functions.getPlan({ payload: {}, context: { extension: boardAction } });
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const stalled = await abandonedStall(proxy);
  const refused = proxy.requests().find((request) => request.status === 401);
  expect(stalled?.abandonedAt).toBeGreaterThan(refused?.startedAt ?? Infinity);
});

it('through @forge/api requestJira: the stalled request is aborted once the 401 arrives', async () => {
  const proxy = await stallThenRefuse();
  installForgeRuntime({ jiraUrl: proxy.url, ...AUTH });
  const handler = createForgeHandler(new ConfigRepository(new MemoryStore()));
  const result = (await handler(
    {
      call: { functionKey: 'getPlan', payload: {} },
      context: { extension: boardAction, siteUrl: proxy.url },
    },
    { principal: { accountId: 'user-1' } },
  )) as ResolverResult<unknown>;
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const stalled = await abandonedStall(proxy);
  const refused = proxy.requests().find((request) => request.status === 401);
  expect(stalled?.abandonedAt).toBeGreaterThan(refused?.startedAt ?? Infinity);
});
