/**
 * The playground's board page (Jira's own board with ML Lanes's board setup pasted in) on the demo site, in
 * Chromium: the app's fields on the cards, swimlanes by the generated JQL, a quick filter narrowing the cards, and
 * moving an upstream issue to Done, whose event reaches the app's index and unblocks the downstream card. Light and
 * dark; screenshots land in test/output/screenshots (and the light one after the move in docs/).
 */
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { demoSite } from '../../src/simulator';
import { SCREENSHOTS, startStage, until, type Stage } from './support';

const DOCS = join(__dirname, '../../docs');
let stage: Stage;
beforeAll(async () => {
  stage = await startStage(demoSite(), { boardView: true });
}, 60_000);
afterAll(() => stage?.close());

interface BoardPage {
  page: Page;
  problems: string[];
}

/** Opens the board page and waits until its first read is drawn and the start-up indexing is done. */
async function openBoard(query: string): Promise<BoardPage> {
  const page = await stage.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  await page.goto(`${stage.playground.url}/board${query}`);
  await page.waitForSelector('body[data-ready="true"][data-index-state="current"]', { timeout: 60_000 });
  return { page, problems };
}

const card = (page: Page, key: string) => page.locator(`[data-testid="board-card"][data-key="${key}"]`);
const fieldOf = (page: Page, key: string, role: 'lane' | 'handoff' | 'dod') =>
  card(page, key).locator(`[data-testid="card-${role}"]`).innerText();
const cardKeys = (page: Page) =>
  page
    .locator('[data-testid="board-card"]')
    .evaluateAll((cards) => cards.map((each) => each.getAttribute('data-key')));

describe('the board page', () => {
  it("shows the app's lane, handoff and DoD progress on the cards, in swimlanes by lane", async () => {
    const { page, problems } = await openBoard('?theme=light');
    const columns = await page.locator('[data-testid="board-column"]').allTextContents();
    expect(columns.map((text) => text.replace(/\s+\d+$/, ''))).toEqual([
      'To Do',
      'In Progress',
      'In Review',
      'Done',
    ]);
    // CV-101 (labeling) waits on CV-104 (the labeling tool fix, in review).
    expect(await fieldOf(page, 'CV-101', 'lane')).toBe('Data');
    expect(await fieldOf(page, 'CV-101', 'handoff')).toMatch(/^Blocked · waits on 1/);
    expect(await fieldOf(page, 'CV-101', 'dod')).toMatch(/^DoD \d+\/\d+$/);
    // The card sits in its lane's swimlane, found by the generated JQL.
    expect(await page.locator('[data-testid="swimlane"][data-lane="data"] [data-key="CV-101"]').count()).toBe(
      1,
    );
    expect(await card(page, 'CV-101').getAttribute('data-colour')).toBe('blocked');
    await page.screenshot({ path: join(SCREENSHOTS, 'board-view-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(await page.locator('[data-testid="board-problems"]').isHidden()).toBe(true);
    await page.close();
  });

  it('narrows the cards to blocked handoffs with the quick filter, and back', async () => {
    const { page, problems } = await openBoard('?theme=light');
    const all = await cardKeys(page);
    await page.locator('[data-testid="quick-filter"][data-filter="blocked"]').click();
    const blocked = await until(
      () => cardKeys(page),
      (keys) => keys.length > 0 && keys.length < all.length,
      'the blocked cards',
    );
    expect(blocked).toContain('CV-101');
    const handoffs = await page.locator('[data-testid="card-handoff"]').allInnerTexts();
    expect(handoffs.every((text) => text.startsWith('Blocked'))).toBe(true);
    expect(await page.locator('[data-testid="board-count"]').innerText()).toBe(
      `${blocked.length} of ${all.length} issues`,
    );
    await page.locator('[data-testid="quick-filter"][data-filter="blocked"]').click();
    await until(
      () => cardKeys(page),
      (keys) => keys.length === all.length,
      'every card again',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('moves an upstream issue to Done, and its downstream card is no longer blocked (light and dark)', async () => {
    const { page, problems } = await openBoard('?theme=light');
    expect(await fieldOf(page, 'CV-101', 'handoff')).toMatch(/^Blocked/);
    await card(page, 'CV-104').locator('[data-testid="card-move-done"]').click();
    // Jira's event goes through the app's trigger and queue; the page re-reads the board until the index is done.
    await until(
      () => fieldOf(page, 'CV-101', 'handoff'),
      (text) => text === 'Ready',
      "CV-101's handoff",
    );
    expect(await card(page, 'CV-104').getAttribute('data-status')).toBe('Done');
    await page.waitForSelector('body[data-index-state="current"]');
    expect(await page.locator('[data-testid="board-status"]').innerText()).toMatch(/^CV-104 moved to Done/);
    // The click scrolled CV-104 into view: the picture shows the board from its top, with the status line.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(DOCS, 'playground-board.png') });

    const dark = await openBoard('?theme=dark');
    expect(await dark.page.evaluate('document.documentElement.dataset.colorMode')).toBe('dark');
    expect(await fieldOf(dark.page, 'CV-101', 'handoff')).toBe('Ready');
    await dark.page.screenshot({ path: join(SCREENSHOTS, 'board-view-dark.png'), fullPage: true });
    expect([...problems, ...dark.problems]).toEqual([]);
    await dark.page.close();
    await page.close();
  });
});
