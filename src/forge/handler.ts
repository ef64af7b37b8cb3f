import Resolver from '@forge/resolver';
import { RESOLVER_KEYS } from '../contract/resolver-api';
import { createResolverFunctions } from '../resolvers';
import type { ConfigRepository } from '../storage/config-repository';
import type { KeyValueStore } from '../storage/key-value-store';
import { forgeJiraAsUser } from './jira-as-user';

/**
 * The Forge function: every resolver, reading Jira as the user through `api.asUser()`. The configuration store
 * is the one thing chosen by the host: Forge KVS when deployed (src/index.ts), a file in the playground.
 */
export function createForgeHandler(configs: ConfigRepository, locks?: KeyValueStore) {
  const functions = createResolverFunctions({ jiraAsUser: forgeJiraAsUser, configs, locks });
  const resolver = new Resolver();
  for (const key of RESOLVER_KEYS) resolver.define(key, functions[key]);
  return resolver.getDefinitions();
}
