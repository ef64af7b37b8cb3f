/**
 * `npm start`: the local playground. Starts the Jira simulator with the demo site (or, with --site URL and
 * JIRA_EMAIL / JIRA_API_TOKEN, reads a real Jira Cloud site), points Forge's platform globals at it, and serves
 * the host page: the real resolvers and the real UI bundle, as Jira would run them.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { createForgeHandler } from '../forge/handler';
import { ConfigRepository } from '../storage/config-repository';
import { FileStore } from '../storage/file-store';
import { startSimulator, demoSite } from '../simulator';
import { installForgeRuntime } from './forge-runtime';
import { startPlayground, type PlaygroundUser } from './server';

const DEMO_CREDENTIALS = { email: 'demo@ml-lanes.example', apiToken: 'demo-token' };
/** A second person on the demo site, who is not a Jira admin: the admin page is read-only for them. */
const DEMO_MEMBER = {
  accountId: '712020:0b6f3c55-7d1e-4a2b-9c3d-1e2f3a4b5c6d',
  displayName: 'Sam Rivera',
  emailAddress: 'sam.rivera@example.com',
  timeZone: 'Europe/Lisbon',
  admin: false,
  apiToken: 'demo-token-sam',
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string' } }, strict: true });
  const port = Number(process.env.PORT ?? 8080);
  let jira: { url: string; email: string; apiToken: string };
  let users: Record<string, PlaygroundUser> | undefined;
  let stopSimulator = async (): Promise<void> => undefined;
  if (values.site) {
    const email = process.env.JIRA_EMAIL;
    const apiToken = process.env.JIRA_API_TOKEN;
    if (!email || !apiToken) {
      console.error('ml-lanes playground: set JIRA_EMAIL and JIRA_API_TOKEN to read a real Jira site');
      process.exitCode = 2;
      return;
    }
    jira = { url: values.site.replace(/\/+$/, ''), email, apiToken };
  } else {
    const site = demoSite();
    const simulator = await startSimulator({
      workspace: { ...site, credentials: DEMO_CREDENTIALS, otherUsers: [DEMO_MEMBER] },
    });
    jira = { url: simulator.url, ...DEMO_CREDENTIALS };
    users = {
      admin: { ...DEMO_CREDENTIALS, accountId: site.user?.accountId ?? 'demo-admin' },
      member: {
        email: DEMO_MEMBER.emailAddress,
        apiToken: DEMO_MEMBER.apiToken,
        accountId: DEMO_MEMBER.accountId,
      },
    };
    stopSimulator = () => simulator.close();
  }
  // @forge/api looks these platform globals up on every call, as inside Forge.
  installForgeRuntime({ jiraUrl: jira.url, email: jira.email, apiToken: jira.apiToken });
  // KVS stands in as a file, so saved configurations survive restarts of the playground.
  const store = new FileStore(process.env.ML_LANES_STORE ?? join(process.cwd(), '.playground', 'kvs.json'));
  const handler = createForgeHandler(new ConfigRepository(store));
  const playground = await startPlayground({ handler, siteUrl: jira.url, port, ...(users ? { users } : {}) });
  console.log(
    `ML Lanes playground: ${playground.url}  (Jira: ${values.site ? jira.url : `simulator at ${jira.url}`})`,
  );
  console.log('Ctrl-C stops it.');
  const stop = async () => {
    await playground.close();
    await stopSimulator();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
