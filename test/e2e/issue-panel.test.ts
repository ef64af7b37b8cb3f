/**
 * The issue panel in the playground: ticking the Definition of Done writes the issue property to the simulator,
 * the planning panel then counts it, and the host's "try the Done transition" asks the gate.
 */
import { join } from 'node:path';
import { CV_BOARD_ID, CV_SPRINTS, demoSite } from '../../src/simulator';
import { openPlayground, SCREENSHOTS, startStage, until, type Stage } from './support';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage(demoSite());
}, 60_000);
afterAll(() => stage?.close());

describe('the issue panel', () => {
  it('shows the lane, handoffs and checklist of an issue', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      '?module=issue-panel&issue=CV-101',
      '[data-testid="dod-progress"]',
    );
    expect(await frame.locator('[data-testid="lane-name"]').innerText()).toMatch(/Data/);
    expect(await frame.locator('[data-testid="upstream-item"]').first().innerText()).toMatch(/CV-104/);
    const iaa = frame.locator('[data-testid="dod-item"][data-id="iaa"]');
    expect(await iaa.innerText()).toMatch(/0\.97 — needs ≥ 0\.98/);
    // Jira's panel frame has no inset of its own: the content keeps Atlaskit's 16px from the frame's edge.
    const panel = await frame.locator('[data-testid="issue-panel"]').boundingBox();
    const frameBox = await page.locator('[data-testid="module-frame"]').boundingBox();
    expect(panel && frameBox && panel.x - frameBox.x).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: join(SCREENSHOTS, 'issue-panel.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ticking an item sticks, and the planning panel counts it', async () => {
    const { frame, page } = await openPlayground(
      stage,
      '?module=issue-panel&issue=CV-113',
      '[data-testid="dod-progress"]',
    );
    await frame.locator('[data-testid="dod-checkbox"][data-id="reviewed"]').check();
    await until(
      () => frame.locator('[data-testid="dod-item"][data-id="reviewed"]').getAttribute('data-met'),
      (met) => met === 'true',
      'ticked item',
    );
    await page.close();

    const panel = await openPlayground(
      stage,
      `?module=sprint-action&board=${CV_BOARD_ID}&sprint=${CV_SPRINTS.active}`,
    );
    const card = panel.frame.locator('[data-testid="issue-card"][data-key="CV-113"]');
    expect(await card.innerText()).toMatch(/DoD 1\/1/);
    await panel.page.close();
  });

  it('"try the Done transition" asks the gate and says what Jira would do', async () => {
    const { page } = await openPlayground(
      stage,
      '?module=issue-panel&issue=CV-101',
      '[data-testid="dod-progress"]',
    );
    await page.locator('[data-testid="try-done"]').click();
    const log = await until(
      () => page.locator('[data-testid="navigation-log"]').innerText(),
      (text) => /Jira would/.test(text),
      'gate answer',
    );
    // The demo's lanes do not enforce their Definition of Done, so Jira would allow it.
    expect(log).toMatch(/Jira would let CV-101 move to Done/);
    await page.close();
  });
});
