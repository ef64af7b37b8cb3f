/**
 * The issue panel's Evidence section in the playground, in Chromium, light and dark: CV-105's newest delivery
 * from MLflow, W&B and CI, each with its https link (opening in a new tab, without a referrer), the DoD item the
 * W&B holdout accuracy satisfies, and CI's older value marked as replaced. Screenshots land in
 * test/output/screenshots.
 */
import { join } from 'node:path';
import { EVIDENCE_ISSUE, evidenceConfig, evidenceSite } from '../integration/support/evidence-site';
import { startConnectionsStage, type ConnectionsStage } from './connections-stage';
import { openPlayground, SCREENSHOTS } from './support';

let stage: ConnectionsStage;
beforeAll(async () => {
  stage = await startConnectionsStage(evidenceSite(), evidenceConfig());
}, 60_000);
afterAll(() => stage?.close());

const issuePanel = (theme: 'light' | 'dark') => `?module=issue-panel&issue=${EVIDENCE_ISSUE}&theme=${theme}`;

describe('the Evidence section', () => {
  it('shows each tool’s newest delivery, its link and the DoD item it satisfies', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      issuePanel('light'),
      '[data-testid="evidence"]',
    );
    const tools = await frame
      .locator('[data-testid="evidence-delivery"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-tool')));
    expect(tools).toEqual(['mlflow', 'wandb', 'ci']);

    const wandb = frame.locator('[data-testid="evidence-delivery"][data-tool="wandb"]');
    const link = wandb.locator('[data-testid="evidence-link"]');
    expect(await link.getAttribute('href')).toBe('https://wandb.ai/acme/vision');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    const value = wandb.locator('[data-testid="evidence-value"]');
    expect(await value.innerText()).toMatch(/ML holdout accuracy\s+0\.93/);
    const dod = value.locator('[data-testid="evidence-dod"]');
    expect(await dod.getAttribute('data-met')).toBe('true');
    expect(await dod.innerText()).toMatch(/Satisfies “ML holdout accuracy ≥ 0\.90”/);
    // The checklist above agrees: the item is met by the field W&B wrote.
    expect(
      await frame.locator('[data-testid="dod-item"][data-id="ml-holdout"]').getAttribute('data-met'),
    ).toBe('true');

    const ci = frame.locator(
      '[data-testid="evidence-delivery"][data-tool="ci"] [data-testid="evidence-value"]',
    );
    expect(await ci.getAttribute('data-current')).toBe('false');
    expect(await ci.innerText()).toMatch(/replaced by a newer delivery/);

    await frame.locator('[data-testid="evidence"]').scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1000, height: 1150 });
    await page.screenshot({ path: join(SCREENSHOTS, 'issue-evidence.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads in dark mode', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      issuePanel('dark'),
      '[data-testid="evidence"]',
    );
    expect(await frame.evaluate('document.documentElement.dataset.colorMode')).toBe('dark');
    expect(await frame.locator('[data-testid="evidence-delivery"]').count()).toBe(3);
    await page.setViewportSize({ width: 1000, height: 1150 });
    await page.screenshot({ path: join(SCREENSHOTS, 'issue-evidence-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
