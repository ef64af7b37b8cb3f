/**
 * The integration suites' common ground: the Jira simulator's lifetime, the app's resolvers over a memory store
 * reading Jira as one account or another, and unwrapping their answers.
 */
import type { ResolverResult } from '../../../src/contract/envelope';
import { createBasicAuthSeam } from '../../../src/jira/fetch-seam';
import { createResolverFunctions, type ResolverDeps, type ResolverFunctions } from '../../../src/resolvers';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src/simulator';
import { ConfigRepository } from '../../../src/storage/config-repository';
import { MemoryStore } from '../../../src/storage/key-value-store';

/** Someone the simulator knows, by the credentials the app would use on their behalf. */
export interface Account {
  email: string;
  apiToken: string;
}

/**
 * A simulator for the suite, started before its tests and closed after them; with `fresh`, one per test (for
 * suites whose tests write to Jira). Call the returned function inside tests and hooks.
 */
export function useSimulator(options: SimulatorOptions, { fresh = false } = {}): () => RunningSimulator {
  let simulator: RunningSimulator | undefined;
  const start = async () => {
    simulator = await startSimulator(options);
  };
  const stop = async () => {
    await simulator?.close();
    simulator = undefined;
  };
  if (fresh) {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  return () => {
    if (!simulator) throw new Error('the simulator runs only inside tests and hooks');
    return simulator;
  };
}

/** For tests that start simulators of their own: each one started is closed after the test. */
export function simulatorsPerTest(): (options: SimulatorOptions) => Promise<RunningSimulator> {
  const running: RunningSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((simulator) => simulator.close()));
  });
  return async (options) => {
    const simulator = await startSimulator(options);
    running.push(simulator);
    return simulator;
  };
}

export interface App {
  /** Where the configuration is stored (nothing else is: locks live apart). */
  store: MemoryStore;
  configs: ConfigRepository;
  /** The resolvers as `account` invokes them: Jira answers as that account. */
  as(account: Account): ResolverFunctions;
}

/** The app over a fresh memory store, against `simulator`; `deps` overrides the host's choices. */
export function appOn(simulator: RunningSimulator, deps: Partial<ResolverDeps> = {}): App {
  const store = new MemoryStore();
  const configs = new ConfigRepository(store);
  const locks = new MemoryStore();
  return {
    store,
    configs,
    as: (account) =>
      createResolverFunctions({
        jiraAsUser: () => createBasicAuthSeam({ site: simulator.url, ...account }),
        configs,
        locks,
        ...deps,
      }),
  };
}

/** The data of a successful answer; a failed one fails the test with its message. */
export function ok<T>(result: ResolverResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Basic auth as `account`, for reading or writing Jira directly (as any script of theirs could), not through the app. */
export function authorization(account: Account): { Authorization: string } {
  return { Authorization: `Basic ${Buffer.from(`${account.email}:${account.apiToken}`).toString('base64')}` };
}
