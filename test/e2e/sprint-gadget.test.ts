/**
 * The sprint gadget in the playground, in a 420 px dashboard column: unconfigured it asks for a board, its edit
 * screen saves a board and sprint (the host plays Jira keeping the configuration), then the gadget shows the demo
 * sprint with the blocked handoffs first and the lane strip, in light and dark.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { CV_BOARD_ID, demoSite } from '../../src/simulator';
import { openPlayground, SCREENSHOTS, startStage, until, type Stage } from './support';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage(demoSite());
}, 60_000);
afterAll(() => stage?.close());

/** The gadget's frame once it has (re)loaded in the wanted mode and shows `selector`. */
async function gadgetFrame(page: Page, edit: boolean, selector: string): Promise<Frame> {
  const frame = await until(
    async () =>
      page
        .frames()
        .find(
          (candidate) =>
            candidate.url().includes('/module/sprint-gadget/') &&
            candidate.url().includes('entryPoint=edit') === edit,
        ) ?? null,
    (found) => found !== null,
    `the gadget's ${edit ? 'edit' : 'view'} frame`,
  );
  if (!frame) throw new Error('no gadget frame');
  await frame.waitForSelector(selector, { timeout: 30_000 });
  return frame;
}

describe('the sprint gadget', () => {
  it('is configured in its edit screen, then shows blocked handoffs first and the lanes, light and dark', async () => {
    const { page, frame, problems } = await openPlayground(
      stage,
      '?module=dashboard-gadget',
      '[data-testid="choose-board"]',
    );
    expect(await frame.locator('[data-testid="choose-board"]').innerText()).toMatch(/Choose a board/);

    // Jira's "Edit" on the gadget: its configuration screen lists the boards.
    await page.locator('[data-testid="host-gadget-edit"]').click();
    const edit = await gadgetFrame(page, true, '[data-testid="gadget-edit"]');
    await edit.locator('[data-testid="gadget-board"]').selectOption(String(CV_BOARD_ID));
    await edit.locator('[data-testid="gadget-sprint"]').selectOption('active');
    await page.screenshot({ path: join(SCREENSHOTS, 'sprint-gadget-edit.png') });
    await edit.locator('[data-testid="gadget-save"]').click();

    // Saved: the gadget shows the board's active sprint from its configuration.
    const view = await gadgetFrame(page, false, '[data-testid="sprint-gadget"]');
    expect(page.url()).toContain(encodeURIComponent(`"boardId":${CV_BOARD_ID}`));
    expect(await view.locator('[data-testid="sprint-name"]').innerText()).toMatch(/CV Sprint 14/);
    expect(await view.locator('[data-testid="sprint-dates"]').innerText()).toMatch(/2026/);
    const handoffs = view.locator('[data-testid="handoff-item"]');
    expect(await handoffs.count()).toBe(3);
    expect(await handoffs.first().innerText()).toMatch(/waits on/);
    expect(await view.locator('[data-testid="more-handoffs"]').innerText()).toBe(
      'and 7 more in the planning panel',
    );
    expect(await view.locator('[data-testid="lane-strip-item"]').count()).toBeGreaterThanOrEqual(5);
    // Blocked handoffs first: the list sits above the lane strip.
    const list = await view.locator('[data-testid="blocked-handoffs"]').boundingBox();
    const strip = await view.locator('[data-testid="lane-strip"]').boundingBox();
    expect(list && strip && strip.y - (list.y + list.height)).toBeGreaterThan(0);

    // A dashboard column: 420 px wide, and nothing wider than it.
    const frameBox = await page.locator('[data-testid="module-frame"]').boundingBox();
    expect(frameBox?.width).toBeGreaterThan(400);
    expect(frameBox?.width).toBeLessThanOrEqual(420);
    const overflow = await view.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const column = page.locator('.frame');
    await column.screenshot({ path: join(SCREENSHOTS, 'sprint-gadget-light.png') });
    await page.locator('[data-testid="host-dark"]').check();
    await until(
      () => view.locator('html').getAttribute('data-color-mode'),
      (mode) => mode === 'dark',
      'dark mode in the gadget',
    );
    await column.screenshot({ path: join(SCREENSHOTS, 'sprint-gadget-dark.png') });

    // "and 7 more" opens the planning panel: the app's project page of the board's project.
    await view.locator('[data-testid="more-handoffs"]').click();
    const log = await until(
      () => page.locator('[data-testid="navigation-log"]').innerText(),
      (text) => /ml-lanes-project-page/.test(text),
      'the panel opened',
    );
    expect(log).toMatch(/Jira would open the app's ml-lanes-project-page page of project CV in a new tab/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
