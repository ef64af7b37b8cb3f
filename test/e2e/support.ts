/**
 * Browser tests: the playground (real resolvers against the simulator, real UI bundle) in Debian's Chromium,
 * driven by playwright-core. Nothing downloads a browser.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../src/playground/chromium';
import { createIndexConsumer } from '../../src/forge/board-index-handlers';
import { createForgeHandler } from '../../src/forge/handler';
import { inProcessIndexQueue, type InProcessIndexQueue } from '../../src/playground/in-process-queue';
import { indexFreshSimulator, wireSimulatorEvents } from '../../src/playground/board-index';
import { boardViewSource } from '../../src/playground/board-view';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { forgeJiraAsIndexer } from '../../src/forge/jira-as-user';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { installForgeRuntime } from '../../src/playground/forge-runtime';
import { startPlayground, type RunningPlayground } from '../../src/playground/server';
import { DEMO_NOW, startSimulator, type RunningSimulator, type Workspace } from '../../src/simulator';

export const SCREENSHOTS = join(__dirname, '../output/screenshots');

/**
 * A busy 2-core CI machine renders slowly: every wait for the page gives up only after this, and each browser
 * test may take up to two minutes. Nothing here measures speed (`npm run bench` does).
 */
const POLL_CAP_MS = 30_000;
jest.setTimeout(120_000);
const AUTH = { email: 'e2e@example.com', apiToken: 'e2e-token' };
/** A second person on the site who is not a Jira admin. */
const MEMBER = {
  accountId: 'e2e-member',
  displayName: 'Sam Rivera',
  emailAddress: 'sam@example.com',
  timeZone: 'UTC',
  admin: false,
  apiToken: 'e2e-member-token',
};

export interface Stage {
  browser: Browser;
  playground: RunningPlayground;
  simulator: RunningSimulator;
  close(): Promise<void>;
}

/**
 * With `boardIndex`, "re-index now" runs the real index consumer in process, as in the playground. With `boardView`
 * too, the simulator's events reach the index trigger, the open sprints are indexed at start, and `/board` is served.
 */
export async function startStage(
  workspace: Workspace,
  options: { boardIndex?: boolean; boardView?: boolean } = {},
): Promise<Stage> {
  const simulator = await startSimulator({
    workspace: { ...workspace, credentials: AUTH, otherUsers: [MEMBER] },
  });
  installForgeRuntime({ jiraUrl: simulator.url, ...AUTH });
  const configs = new ConfigRepository(new MemoryStore());
  const store = new MemoryStore();
  const indexQueue: InProcessIndexQueue | undefined =
    options.boardIndex || options.boardView
      ? inProcessIndexQueue((event) => createIndexConsumer(configs, store, indexQueue)(event), 100)
      : undefined;
  if (indexQueue && options.boardView) {
    wireSimulatorEvents(simulator, indexQueue);
    await indexFreshSimulator({ jira: forgeJiraAsIndexer(), queue: indexQueue, store });
  }
  const playground = await startPlayground({
    handler: createForgeHandler(configs, {
      store,
      today: () => new Date(DEMO_NOW),
      ...(indexQueue ? { indexQueue } : {}),
    }),
    siteUrl: simulator.url,
    users: {
      admin: { ...AUTH, accountId: 'e2e-admin' },
      member: { email: MEMBER.emailAddress, apiToken: MEMBER.apiToken, accountId: MEMBER.accountId },
    },
    ...(indexQueue && options.boardView
      ? {
          board: boardViewSource({
            jira: () => createBasicAuthSeam({ site: simulator.url, ...AUTH }),
            configs,
            indexPending: () => indexQueue.pending(),
            allowMoves: true,
          }),
        }
      : {}),
  });
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    playground,
    simulator,
    close: async () => {
      await browser.close();
      await playground.close();
      await simulator.close();
    },
  };
}

export interface OpenedPage {
  page: Page;
  frame: Frame;
  /** Console errors and warnings, and CSP violations, seen so far in the host page and the app's frame. */
  problems: string[];
}

/** Opens the playground at `query` and waits for the app's frame to show its plan (or `waitFor`). */
export async function openPlayground(
  stage: Stage,
  query: string,
  waitFor = '[data-testid="plan-header"]',
): Promise<OpenedPage> {
  const page = await stage.browser.newPage({ viewport: { width: 1440, height: 960 } });
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') problems.push(`console ${type}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Runs in every frame: a CSP violation becomes a console error the test sees.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  await page.goto(`${stage.playground.url}/${query}`);
  const frame = await appFrame(page);
  await frame.waitForSelector(waitFor, { timeout: POLL_CAP_MS });
  return { page, frame, problems };
}

export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('[data-testid="module-frame"]', { timeout: POLL_CAP_MS });
  const frame = await until(
    () => handle.contentFrame(),
    (found) => found !== null && found.url().includes('/module/'),
    "the app's frame",
  );
  if (!frame) throw new Error("the app's frame never loaded");
  return frame;
}

/** Polls from Node until `read` satisfies `done` (the panels' CSP forbids waitForFunction's string predicates). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const giveUpAt = Date.now() + POLL_CAP_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > giveUpAt) throw new Error(`${what}: still ${describe(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
