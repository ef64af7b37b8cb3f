/** Forge entry point: only wires handlers. Logic lives in src/resolvers and the core below it. */
import Resolver from '@forge/resolver';
import { RESOLVER_KEYS } from './contract/resolver-api';
import { loadSavedConfig } from './forge/config-store';
import { forgeJiraAsUser } from './forge/jira-as-user';
import { createResolverFunctions } from './resolvers';

const functions = createResolverFunctions({ jiraAsUser: forgeJiraAsUser, loadConfig: loadSavedConfig });
const resolver = new Resolver();
for (const key of RESOLVER_KEYS) resolver.define(key, functions[key]);

export const handler = resolver.getDefinitions();
