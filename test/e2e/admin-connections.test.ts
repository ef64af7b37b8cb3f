/**
 * The admin page's Connections tab in the playground (real resolvers and stores, the demo site in the simulator),
 * in Chromium, light and dark: turn W&B on, allow a project, create its secret and see it once, save, and after a
 * reload the secret is nowhere on the page while the settings and the delivery log are. Screenshots land in
 * test/output/screenshots.
 */
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { demoSite } from '../../src/simulator';
import { startConnectionsStage, type ConnectionsStage } from './connections-stage';
import { openPlayground, SCREENSHOTS, until } from './support';

let stage: ConnectionsStage;
beforeAll(async () => {
  stage = await startConnectionsStage(demoSite());
}, 60_000);
afterAll(() => stage?.close());

const adminPage = (theme: 'light' | 'dark') => `?module=admin-page&user=admin&theme=${theme}`;

async function openConnections(theme: 'light' | 'dark', tool: string) {
  const opened = await openPlayground(stage, adminPage(theme), '[data-testid="save-bar"]');
  await opened.frame.locator('[data-testid="nav-connections"]').click();
  await opened.frame.locator('[data-testid="tool-panel-mlflow"]').waitFor();
  await opened.frame.locator(`[data-testid="tool-tab-${tool}"]`).click();
  await opened.frame.locator(`[data-testid="tool-panel-${tool}"]`).waitFor();
  return opened;
}

const html = (frame: Frame) => frame.content();

describe('the Connections tab', () => {
  it('turns W&B on, shows its new secret once, saves, and after a reload shows only that a secret is set', async () => {
    const { frame, page, problems } = await openConnections('light', 'wandb');
    const panel = frame.locator('[data-testid="tool-panel-wandb"]');
    expect(await panel.locator('[data-testid="tool-url"]').innerText()).toBe(
      `${stage.playground.url}/webtrigger/ml-lanes-evidence/wandb`,
    );

    await panel.locator('[data-testid="tool-enabled--input"]').check({ force: true });
    await frame.locator('[data-testid="allowed-projects"]').fill('CV');
    expect(await panel.locator('[data-testid="tool-needs-secret"]').count()).toBe(1);

    await panel.locator('[data-testid="create-secret"]').click();
    const shown = (await panel.locator('[data-testid="secret-value"]').innerText()).trim();
    expect(shown).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await stage.access.secrets.secretFor('wandb')).toBe(shown);
    expect(await panel.locator('[data-testid="issued-secret"]').innerText()).toMatch(
      /Copy the secret now: it will not be shown again/,
    );
    expect(await panel.locator('[data-testid="secret-status"]').getAttribute('data-configured')).toBe('true');
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-connections-secret.png'), fullPage: true });

    await frame.locator('[data-testid="connections-save"]').click();
    await until(
      () => frame.locator('[data-testid="connections-flag"]').count(),
      (count) => count === 1,
      'the saved flag',
    );
    expect(await frame.locator('[data-testid="connections-flag"]').innerText()).toMatch(
      /Saved as revision 1\./,
    );
    const saved = await stage.access.settings.load();
    expect(saved.revision).toBe(1);
    expect(saved.connections.tools.wandb.enabled).toBe(true);
    expect(saved.connections.allowedProjects).toEqual(['CV']);
    // The secret never went into the settings.
    expect(JSON.stringify(saved)).not.toContain(shown);

    await panel.locator('[data-testid="secret-copied"]').click();
    expect(await panel.locator('[data-testid="secret-value"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();

    // Deliveries the web trigger logged meanwhile: one accepted, a flood of bad signatures counted into one row.
    await stage.access.log.record({
      tool: 'wandb',
      outcome: 'accepted',
      reason: 'queued',
      deliveryId: 'wandb-7f3a',
      issueKey: 'CV-105',
    });
    for (let each = 0; each < 3; each += 1) {
      await stage.access.log.record({
        tool: 'wandb',
        outcome: 'rejected',
        reason: 'signature does not match',
      });
    }

    const again = await openConnections('light', 'wandb');
    const reloaded = again.frame.locator('[data-testid="tool-panel-wandb"]');
    await reloaded.locator('[data-testid="delivery-row"]').first().waitFor();
    expect(await reloaded.locator('[data-testid="secret-status"]').getAttribute('data-configured')).toBe(
      'true',
    );
    expect(await reloaded.locator('[data-testid="secret-value"]').count()).toBe(0);
    expect(await html(again.frame)).not.toContain(shown);
    expect(await reloaded.locator('[data-testid="tool-enabled--input"]').isChecked()).toBe(true);
    expect(await again.frame.locator('[data-testid="allowed-projects"]').inputValue()).toBe('CV');
    const rows = await reloaded.locator('[data-testid="delivery-row"]').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/Rejected[\s\S]*signature does not match[\s\S]*×3/);
    expect(rows[1]).toMatch(/Accepted[\s\S]*CV-105[\s\S]*queued/);
    // The W&B template is ready to paste, with the saved metadata key.
    expect(
      await reloaded.locator('[data-snippet-id="wandb-template"] [data-testid="snippet-text"]').innerText(),
    ).toContain('"issue": "${artifact_metadata.jira_key}"');
    await again.page.setViewportSize({ width: 1440, height: 2000 });
    await again.page.screenshot({ path: join(SCREENSHOTS, 'admin-connections.png'), fullPage: true });
    expect(again.problems).toEqual([]);
    await again.page.close();
  });

  it('names a bad base URL at its control and saves nothing', async () => {
    const before = (await stage.access.settings.load()).revision;
    const { frame, page, problems } = await openConnections('light', 'mlflow');
    const panel = frame.locator('[data-testid="tool-panel-mlflow"]');
    await panel.locator('[data-testid="tool-base-url"]').fill('http://mlflow.example.com');
    await frame.locator('[data-testid="connections-save"]').click();
    const problem = panel.locator('[data-testid="problem"][data-path="tools.mlflow.baseUrl"]');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/https origin/);
    expect((await stage.access.settings.load()).revision).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a save from a stale revision, keeps the edits, and saves them on top of the other admin’s', async () => {
    const { frame, page, problems } = await openConnections('light', 'labelstudio');
    const started = await stage.access.settings.load();
    await frame
      .locator('[data-testid="tool-panel-labelstudio"] [data-testid="tool-enabled--input"]')
      .check({ force: true });
    // Meanwhile another admin turns CI on.
    const theirs = structuredClone(started.connections);
    theirs.tools.ci.enabled = true;
    await stage.access.settings.save(theirs, started.revision, 'someone-else');

    await frame.locator('[data-testid="connections-save"]').click();
    const conflict = frame.locator('[data-testid="connections-conflict"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(
      new RegExp(`Someone else saved revision ${started.revision + 1} while you were editing`),
    );
    expect((await stage.access.settings.load()).connections.tools.labelstudio.enabled).toBe(false);

    await frame.locator('[data-testid="connections-reload"]').click();
    await frame.locator('[data-testid="connections-reloaded"]').waitFor();
    await frame.locator('[data-testid="connections-save"]').click();
    await until(
      () => frame.locator('[data-testid="connections-flag"]').count(),
      (count) => count === 1,
      'the saved flag',
    );
    const saved = await stage.access.settings.load();
    expect(saved.revision).toBe(started.revision + 2);
    expect(saved.connections.tools.labelstudio.enabled).toBe(true);
    expect(saved.connections.tools.ci.enabled).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads in dark mode: the CI tab with its GitHub Actions step and GitLab CI job', async () => {
    const { frame, page, problems } = await openConnections('dark', 'ci');
    expect(await frame.evaluate('document.documentElement.dataset.colorMode')).toBe('dark');
    const ids = await frame
      .locator('[data-testid="tool-panel-ci"] [data-testid="snippet"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-snippet-id')));
    expect(ids).toEqual(['ci-github', 'ci-gitlab']);
    expect(await frame.locator('[data-snippet-id="ci-github"]').innerText()).toMatch(
      /dvc metrics show --json/,
    );
    await page.setViewportSize({ width: 1440, height: 2600 });
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-connections-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
