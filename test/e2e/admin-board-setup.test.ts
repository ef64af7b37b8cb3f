/**
 * The admin page's Board setup tab in the playground (real resolvers, the demo site in the simulator, the real
 * index consumer in process), in Chromium, light and dark. Screenshots land in test/output/screenshots.
 */
import { join } from 'node:path';
import { CV_BOARD_ID, demoSite } from '../../src/simulator';
import { openPlayground, SCREENSHOTS, startStage, until, type Stage } from './support';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage(demoSite(), { boardIndex: true });
}, 60_000);
afterAll(() => stage?.close());

const adminPage = (theme: 'light' | 'dark') => `?module=admin-page&user=admin&theme=${theme}`;

/** Issue keys the simulator finds for `jql`, asked as the admin (what a quick filter would show). */
async function search(jql: string): Promise<string[]> {
  const response = await fetch(`${stage.simulator.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from('e2e@example.com:e2e-token').toString('base64')}`,
    },
    body: JSON.stringify({ jql, fields: ['summary'], maxResults: 100 }),
  });
  const body = (await response.json()) as { issues?: { key: string }[] };
  return (body.issues ?? []).map((issue) => issue.key);
}

describe('the board setup tab', () => {
  it('checks every query with Jira, copies one, re-indexes, and the quick filter then finds blocked work', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      adminPage('light'),
      '[data-testid="save-bar"]',
    );
    await frame.locator('[data-testid="nav-board"]').click();
    await frame.locator('[data-testid="board-setup"]').waitFor();
    expect(await frame.locator('[data-testid="board-setup-board"]').inputValue()).toBe(String(CV_BOARD_ID));
    const verdicts = await frame
      .locator('[data-testid="jql-verdict"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-verdict')));
    // 6 swimlanes, 3 quick filters, 3 card colours: the simulator's /jql/parse accepts them all.
    expect(verdicts).toEqual(Array.from({ length: 12 }, () => 'valid'));

    const copy = frame.locator(
      '[data-testid="setup-query"][data-query-id="data"] [data-testid="copy-button"]',
    );
    await copy.click();
    await until(
      () => copy.innerText(),
      (text) => text === 'Copied',
      'the copy button',
    );

    // Nothing is indexed yet: the quick filter finds nothing.
    const blocked = await frame
      .locator('[data-testid="setup-quick-filters"] [data-query-id="blocked"] [data-testid="setup-jql"]')
      .innerText();
    expect(await search(blocked)).toEqual([]);

    // Saving a quick filter as a Jira filter is offered, never done for the admin: Jira's own search opens on it.
    await frame
      .locator('[data-testid="setup-quick-filters"] [data-query-id="blocked"] [data-testid="open-in-search"]')
      .click();
    const calls = await frame.evaluate(
      () =>
        (globalThis as unknown as { __playground: { calls: { op: string; payload: unknown }[] } })
          .__playground.calls,
    );
    expect(calls).toContainEqual({
      op: 'navigate',
      payload: { url: `/issues/?jql=${encodeURIComponent(blocked)}`, type: 'new-tab' },
    });
    expect(
      await frame.locator('[data-testid="setup-swimlanes"] [data-testid="open-in-search"]').count(),
    ).toBe(0);

    await frame.locator('[data-testid="reindex-button"]').click();
    const queued = await frame.locator('[data-testid="reindex-result"]').innerText();
    expect(queued).toMatch(/^\d+ issues in open sprints queued for re-indexing/);

    // The consumer runs a moment later in process; "Check again" reads the status it recorded.
    await until(
      async () => {
        await frame.locator('[data-testid="refresh-setup"]').click();
        await frame.locator('[data-testid="index-status"]').waitFor();
        return frame.locator('[data-testid="index-status"] dd').nth(1).innerText();
      },
      (text) => Number(text.replace(/\D/g, '')) > 0,
      'issues indexed',
    );
    expect(await search(blocked)).toContain('CV-105');

    // A tall window, so the frame shows the whole tab: the card layout and the index status too.
    await page.setViewportSize({ width: 1440, height: 3000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-board-setup-light.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads in dark mode', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      adminPage('dark'),
      '[data-testid="save-bar"]',
    );
    await frame.locator('[data-testid="nav-board"]').click();
    await frame.locator('[data-testid="board-setup"]').waitFor();
    expect(await frame.evaluate('document.documentElement.dataset.colorMode')).toBe('dark');
    // A tall window, so the frame shows the whole tab: the card layout and the index status too.
    await page.setViewportSize({ width: 1440, height: 3000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-board-setup-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
