/**
 * Runs the real Forge function code (src/index.ts with @forge/api) in Node: @forge/api reaches the platform only
 * through `globalThis.__forge_fetch__` and `__forge_runtime__`, so defining them points `asUser().requestJira`
 * at a Jira of our choosing (the simulator, or a real site with an API token).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface JiraCredentials {
  email: string;
  apiToken: string;
}

/**
 * Who is calling, for the duration of one invoke: the playground can act as different Jira users (an admin and
 * a member), as Forge's `asUser()` acts as whoever opened the app.
 */
export const invokingUser = new AsyncLocalStorage<JiraCredentials>();

export interface ForgeRuntimeTarget {
  /** Base URL of the Jira site the user's requests go to. */
  jiraUrl: string;
  /** Basic-auth credentials standing in for the user's Forge token. */
  email: string;
  apiToken: string;
}

interface ProductTarget {
  provider?: string;
  remote?: string;
}

const noMetric = { incr: () => undefined, measure: () => ({ stop: () => undefined }) };

export function installForgeRuntime(target: ForgeRuntimeTarget): void {
  const base = target.jiraUrl.replace(/\/+$/, '');
  const basic = ({ email, apiToken }: JiraCredentials) =>
    `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  const forgeGlobals = globalThis as typeof globalThis & Record<string, unknown>;
  forgeGlobals.__forge_runtime__ = {
    metrics: { counter: () => noMetric, timing: () => noMetric, gauge: () => noMetric },
    appContext: { appId: 'ml-lanes-playground', environmentType: 'DEVELOPMENT' },
    lambdaContext: {},
  };
  forgeGlobals.__forge_fetch__ = async (product: ProductTarget, path: string, init: RequestInit = {}) => {
    if (product.remote !== 'jira')
      throw new Error(`the playground only serves Jira, not ${String(product.remote)}`);
    const headers = new Headers(init.headers);
    headers.set('Authorization', basic(invokingUser.getStore() ?? target));
    return fetch(`${base}${path}`, { ...init, headers });
  };
}
