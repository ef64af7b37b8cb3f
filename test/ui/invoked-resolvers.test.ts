import './support/fake-bridge';
import { RESOLVER_KEYS } from '../../src/contract/resolver-api';
import { createResolverFunctions, type ResolverDeps } from '../../src/resolvers';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { INVOKED_RESOLVERS } from '../../static/planning-panel/src/api';

describe('the planning panel invokes only resolvers the server defines', () => {
  const deps: ResolverDeps = {
    jiraAsUser: () => {
      throw new Error('not called');
    },
    configs: new ConfigRepository(new MemoryStore()),
  };
  const functions = createResolverFunctions(deps) as Record<string, unknown>;

  it.each([...INVOKED_RESOLVERS])('%s is in the contract and defined by the resolvers', (key) => {
    expect(RESOLVER_KEYS).toContain(key);
    expect(typeof functions[key]).toBe('function');
  });
});
