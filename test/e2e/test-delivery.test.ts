/**
 * Issue 12, item 7 in Chromium, light and dark: beside CV-105's issue panel, "Send signed sample" for the CI
 * pipeline posts a correctly signed delivery to the playground's web trigger; the panel shows HTTP 202 and the
 * delivery-log lines (accepted, then written), the issue panel reloads, and its Evidence section shows the CI
 * delivery while the Definition of Done item reading the field ticks. "Send tampered" shows 401 and its log line.
 * Screenshots land in test/output/screenshots.
 */
import { join } from 'node:path';
import { launchChromium } from '../../src/playground/chromium';
import { startEvidenceStage, type EvidenceStage } from '../integration/playground-evidence-stage';
import { appFrame, openPlayground, SCREENSHOTS, until, type Stage } from './support';

let evidence: EvidenceStage;
let stage: Stage;
beforeAll(async () => {
  evidence = await startEvidenceStage();
  const browser = await launchChromium();
  stage = {
    browser,
    playground: evidence.playground,
    simulator: evidence.simulator,
    close: async () => {
      await browser.close();
      await evidence.close();
    },
  };
}, 60_000);
afterAll(() => stage?.close());

const issuePanel = (theme: 'light' | 'dark') => `?module=issue-panel&issue=CV-105&user=admin&theme=${theme}`;

describe('Send a test delivery', () => {
  it('sends a signed CI sample: 202, accepted then written, and the Evidence section and DoD item show it', async () => {
    const { page, frame, problems } = await openPlayground(
      stage,
      issuePanel('light'),
      '[data-testid="dod-progress"]',
    );
    // Before: no evidence, and the configuration has no item reading the field yet.
    expect(await frame.locator('[data-testid="evidence"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="dod-item"][data-id="ml-holdout-accuracy"]').count()).toBe(0);

    await page.locator('[data-testid="send-signed-ci"]').click();
    const result = page.locator('[data-testid="delivery-result-ci"]');
    await until(
      () => result.locator('[data-testid="delivery-status"]').count(),
      (count) => count === 1,
      'the delivery result',
    );
    expect(await result.locator('[data-testid="delivery-status"]').innerText()).toBe('HTTP 202');
    expect(await result.locator('[data-testid="delivery-log-line"]').allInnerTexts()).toEqual([
      'accepted: queued · CV-105',
      expect.stringMatching(/^written: .* · CV-105$/),
    ]);
    expect(await result.locator('[data-testid="delivery-set-up"]').innerText()).toMatch(
      /Turned CI pipeline on in Connections\.\s+Allowed project CV to receive evidence\.\s+CI pipeline had no secret: created one for the demo/,
    );

    // The issue panel reloads on the issue the delivery named.
    const reloaded = await appFrame(page);
    await reloaded.locator('[data-testid="evidence"]').waitFor();
    const ci = reloaded.locator('[data-testid="evidence-delivery"][data-tool="ci"]');
    expect(await ci.locator('[data-testid="evidence-value"]').first().innerText()).toMatch(
      /ML holdout accuracy\s+0\.93/,
    );
    const item = reloaded.locator('[data-testid="dod-item"][data-id="ml-holdout-accuracy"]');
    expect(await item.getAttribute('data-met')).toBe('true');
    expect(await item.innerText()).toMatch(/ML holdout accuracy ≥ 0\.90/);

    await reloaded.locator('[data-testid="evidence"]').scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-test-delivery.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sends a tampered sample in dark mode: 401 and the rejection in the delivery log, nothing written', async () => {
    const { page, frame, problems } = await openPlayground(
      stage,
      issuePanel('dark'),
      '[data-testid="evidence"]',
    );
    expect(await page.evaluate('document.documentElement.dataset.colorMode')).toBe('dark');
    const before = await frame.locator('[data-testid="evidence-delivery"][data-tool="ci"]').innerText();

    await page.locator('[data-testid="send-tampered-ci"]').click();
    const result = page.locator('[data-testid="delivery-result-ci"]');
    await until(
      () => result.locator('[data-testid="delivery-status"]').count(),
      (count) => count === 1,
      'the delivery result',
    );
    expect(await result.locator('[data-testid="delivery-status"]').innerText()).toBe('HTTP 401');
    expect(await result.innerText()).toMatch(/one byte of the body changed after signing/);
    expect(await result.locator('[data-testid="delivery-log-line"]').allInnerTexts()).toEqual([
      'rejected: signature does not match',
    ]);
    // The frame was not reloaded and Jira holds what it held.
    expect(await frame.locator('[data-testid="evidence-delivery"][data-tool="ci"]').innerText()).toBe(before);

    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-test-delivery-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
