/**
 * `npm start`: the local playground. Starts the Jira simulator with the demo site (or, with --site URL and
 * JIRA_EMAIL / JIRA_API_TOKEN, reads a real Jira Cloud site), points Forge's platform globals at it, and serves
 * the host page: the real resolvers and the real UI bundle, as Jira would run them. Each slow step says what it
 * does, on one line; a mistake or a busy port is one line too, never a stack.
 */
import { dirname, join } from 'node:path';
import { createIndexConsumer } from '../forge/board-index-handlers';
import { createForgeHandler } from '../forge/handler';
import { createHistoryConsumer } from '../forge/history-consumer';
import { ConfigRepository } from '../storage/config-repository';
import { FileStore } from '../storage/file-store';
import { forgeJiraAsIndexer } from '../forge/jira-as-user';
import { createBasicAuthSeam } from '../jira/fetch-seam';
import {
  DEMO_NOW,
  SIM_APP_FIELD_MODULE_KEYS,
  SIM_EVIDENCE_FIELD_MODULE_KEYS,
  startSimulator,
  demoSite,
  type RunningSimulator,
} from '../simulator';
import { FileSecretStore } from '../storage/webhook-secrets';
import { indexFreshSimulator, wireSimulatorEvents } from './board-index';
import { boardViewSource } from './board-view';
import { playgroundConnections, WEBHOOK_SECRETS_FILE } from './connections';
import { playgroundEvidence } from './evidence';
import { sendTestDelivery } from './test-delivery';
import { installForgeRuntime } from './forge-runtime';
import { inProcessIndexQueue, inProcessQueue, type InProcessIndexQueue } from './in-process-queue';
import { PlaygroundUsageError, readPlaygroundStart, type PlaygroundStart } from './options';
import { PortUnavailableError, startPlayground, type PlaygroundUser, type RunningPlayground } from './server';

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

/** Index jobs wait this long in the playground: long enough to see the board catch up, short enough not to bore. */
const INDEX_DELAY_MS = 1000;

const say = (text: string) => console.log(`ml-lanes playground: ${text}`);
const fail = (text: string, exitCode: number) => {
  console.error(`ml-lanes playground: ${text}`);
  process.exitCode = exitCode;
};

async function main(): Promise<void> {
  let start: PlaygroundStart;
  try {
    start = readPlaygroundStart(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof PlaygroundUsageError) return fail(error.message, 2);
    throw error;
  }
  let jira: { url: string; email: string; apiToken: string };
  let users: Record<string, PlaygroundUser> | undefined;
  let stopSimulator = async (): Promise<void> => undefined;
  let demo: RunningSimulator | undefined;
  // The demo site's history ends at its own clock: forecasts there are made as of that day, whatever today is.
  let today: (() => Date) | undefined;
  if (start.site) {
    const email = process.env.JIRA_EMAIL;
    const apiToken = process.env.JIRA_API_TOKEN;
    if (!email || !apiToken) {
      return fail('no credentials for --site; set JIRA_EMAIL and JIRA_API_TOKEN to read a real Jira site', 2);
    }
    jira = { url: start.site, email, apiToken };
  } else {
    say('starting the Jira simulator with the demo site…');
    const site = demoSite();
    const simulator = await startSimulator({
      workspace: { ...site, credentials: DEMO_CREDENTIALS, otherUsers: [DEMO_MEMBER] },
      // With the evidence fields ML tools feed, as on a site where ML Lanes is deployed.
      appFields: [...SIM_APP_FIELD_MODULE_KEYS, ...SIM_EVIDENCE_FIELD_MODULE_KEYS],
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
    demo = simulator;
    today = () => new Date(DEMO_NOW);
  }
  // @forge/api looks these platform globals up on every call, as inside Forge.
  installForgeRuntime({ jiraUrl: jira.url, email: jira.email, apiToken: jira.apiToken });
  // KVS stands in as a file, so saved configurations survive restarts of the playground.
  const storeFile = process.env.ML_LANES_STORE ?? join(process.cwd(), '.playground', 'kvs.json');
  const store = new FileStore(storeFile);
  const configs = new ConfigRepository(store);
  // "Re-index now" in the admin page, and the simulator's events: the board index's jobs run here a moment later, as
  // the app (the consumer's seam) against the same Jira, and its follow-ups go back on the same queue.
  const indexQueue: InProcessIndexQueue = inProcessIndexQueue(
    (event) => createIndexConsumer(configs, store, indexQueue)(event),
    INDEX_DELAY_MS,
  );
  // Jira's events reach the app's trigger, as on a site where ML Lanes is installed.
  if (demo) wireSimulatorEvents(demo, indexQueue);
  const connections = playgroundConnections(store, dirname(storeFile), () => playground.url);
  // The web trigger ML tools post to, and its queue's consumer writing to Jira as the app, in this process.
  const evidence = playgroundEvidence(
    store,
    new FileSecretStore(join(dirname(storeFile), WEBHOOK_SECRETS_FILE)),
  );
  const handler = createForgeHandler(configs, {
    store,
    indexQueue,
    connections,
    ...(today ? { today } : {}),
    // Every history goes through the background read, so the panel's "reading" state can be seen at work.
    ...(start.backgroundHistory
      ? { historyQueue: inProcessQueue(createHistoryConsumer(configs, store)), backgroundReadAbove: 0 }
      : {}),
  });
  if (start.backgroundHistory) say('forecast histories are read in the background (--background-history)');
  say(`serving the app on port ${start.port} (bundling the host page)…`);
  let playground: RunningPlayground;
  try {
    playground = await startPlayground({
      handler,
      siteUrl: jira.url,
      port: start.port,
      ...(users ? { users } : {}),
      webTrigger: evidence.webTrigger,
      // The samples name the demo site's issues: on a real site there is nothing for them to land on.
      ...(demo
        ? {
            testDelivery: ({ tool, tamper }) =>
              sendTestDelivery({ access: connections, configs }, tool, tamper),
          }
        : {}),
      board: boardViewSource({
        jira: () => createBasicAuthSeam({ site: jira.url, email: jira.email, apiToken: jira.apiToken }),
        configs,
        indexPending: () => indexQueue.pending(),
        allowMoves: demo !== undefined,
      }),
    });
  } catch (error) {
    await stopSimulator();
    if (!(error instanceof PortUnavailableError)) throw error;
    return fail(
      error.reason === 'in-use'
        ? `port ${error.port} is in use; set PORT or pass --port`
        : `port ${error.port} may not be used by this user; pass --port with a number above 1023`,
      1,
    );
  }
  if (demo) {
    // The board page starts with the app's fields written, as on a site where the app has run for a while.
    const queued = await indexFreshSimulator({ jira: forgeJiraAsIndexer(), queue: indexQueue, store });
    say(`indexing the ${queued.issues} demo issues in open sprints for the board page…`);
  }
  say(`ready at ${playground.url}  (Jira: ${start.site ? jira.url : `simulator at ${jira.url}`})`);
  say(`Jira's board with ML Lanes's fields: ${playground.url}/board`);
  say(`ML tools post evidence to ${await connections.webTrigger.current()}/<tool>`);
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
  // A bug, not a user mistake: show the stack so it can be reported.
  console.error(error);
  process.exitCode = 1;
});
