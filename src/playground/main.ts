/**
 * `npm start`: the local playground. Starts the Jira simulator with the demo site (or, with --site URL and
 * JIRA_EMAIL / JIRA_API_TOKEN, reads a real Jira Cloud site), points Forge's platform globals at it, and serves
 * the host page: the real resolvers and the real UI bundle, as Jira would run them.
 */
import { parseArgs } from 'node:util';
import { handler } from '../index';
import { startSimulator, demoSite } from '../simulator';
import { installForgeRuntime } from './forge-runtime';
import { startPlayground } from './server';

const DEMO_CREDENTIALS = { email: 'demo@ml-lanes.example', apiToken: 'demo-token' };

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string' } }, strict: true });
  const port = Number(process.env.PORT ?? 8080);
  let jira: { url: string; email: string; apiToken: string };
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
    const simulator = await startSimulator({ workspace: { ...demoSite(), credentials: DEMO_CREDENTIALS } });
    jira = { url: simulator.url, ...DEMO_CREDENTIALS };
    stopSimulator = () => simulator.close();
  }
  // @forge/api looks these platform globals up on every call, as inside Forge.
  installForgeRuntime({ jiraUrl: jira.url, email: jira.email, apiToken: jira.apiToken });
  const playground = await startPlayground({ handler, siteUrl: jira.url, port });
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
