/**
 * The admin page as a Jira admin and as a team member meet it, in the playground (real resolvers, real KVS
 * stand-in in memory, the demo site), in Chromium. Screenshots land in test/output/screenshots.
 */
import { join } from 'node:path';
import { CV_BOARD_ID, CV_SPRINTS, demoSite } from '../../src/simulator';
import { openPlayground, SCREENSHOTS, startStage, until, type Stage } from './support';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage(demoSite());
}, 60_000);
afterAll(() => stage?.close());

const adminPage = (user: 'admin' | 'member', theme = 'light') =>
  `?module=admin-page&user=${user}&theme=${theme}`;

describe('the admin page', () => {
  it('a non-admin sees it read-only, and a save invoked behind the UI is refused', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      adminPage('member'),
      '[data-testid="readonly-notice"]',
    );
    expect(await frame.locator('[data-testid="readonly-notice"]').innerText()).toMatch(/administrators/i);
    await frame.locator('[data-testid="nav-rules"]').click();
    expect(await frame.locator('[data-testid="rule-lane"]').first().isDisabled()).toBe(true);
    const save = frame.locator('[data-testid="save-button"]');
    expect((await save.count()) === 0 || (await save.isDisabled())).toBe(true);
    expect(await frame.locator('[data-testid="preview-panel"]').count()).toBe(0);

    // Straight through the bridge, as any script in the frame could: the server still says no.
    const answer = await frame.evaluate(`__bridge.callBridge('invoke', {
      functionKey: 'saveConfig',
      payload: { config: { version: 2 }, baseRevision: 0 },
    })`);
    const refused = {
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Only Jira administrators can change the ML Lanes configuration.',
      },
    };
    expect(answer).toEqual(refused);
    const preview = await frame.evaluate(`__bridge.callBridge('invoke', {
      functionKey: 'previewConfig',
      payload: { config: { version: 2 }, jql: 'project = CV' },
    })`);
    expect(preview).toEqual(refused);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-page-member.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an admin moves a rule to another lane, sees the issues that move, saves, and the panel follows', async () => {
    const { frame, page, problems } = await openPlayground(
      stage,
      adminPage('admin'),
      '[data-testid="save-bar"]',
    );
    await frame.locator('[data-testid="nav-rules"]').click();
    // Rule 3 of the defaults: labels or components with model keywords → Model. Send it to Test instead.
    const modelRule = frame.locator('[data-testid="rule-row"][data-index="2"]');
    expect(await modelRule.locator('[data-testid="rule-keywords"]').inputValue()).toMatch(/training/);
    await modelRule.locator('[data-testid="rule-lane"]').selectOption('test');

    await frame.locator('[data-testid="preview-board"]').selectOption(String(CV_BOARD_ID));
    const sprintPicker = frame.locator('[data-testid="preview-sprint"]');
    await sprintPicker.selectOption(String(CV_SPRINTS.active));
    // The chosen sprint's whole name ("CV Sprint 14 — classifier v1.1") is readable in its picker.
    // (A string: Node's types have no DOM, the frame runs it.)
    const picker = await frame.evaluate<{ name: string; title: string; width: number; room: number }>(`
      (() => {
        const select = document.querySelector('[data-testid="preview-sprint"]');
        const name = select.selectedOptions[0]?.textContent ?? '';
        const context = document.createElement('canvas').getContext('2d');
        context.font = getComputedStyle(select).font;
        return { name, title: select.title, width: context.measureText(name).width, room: select.clientWidth };
      })()`);
    expect(picker.name).toMatch(/classifier/);
    expect(picker.title).toBe(picker.name);
    // Room for the text beside the select's own padding and arrow.
    expect(picker.width + 40).toBeLessThanOrEqual(picker.room);
    await frame.locator('[data-testid="preview-run"]').click();
    const movedText = await until(
      () =>
        frame
          .locator('[data-testid="preview-moved-count"]')
          .innerText()
          .catch(() => ''),
      (text) => /^\d+ of/.test(text),
      'preview',
    );
    const moved = Number(/^(\d+)/.exec(movedText)?.[1]);
    expect(moved).toBeGreaterThan(0);
    const movedRows = frame.locator('[data-testid="preview-row"][data-moved="true"]');
    expect(await movedRows.count()).toBe(moved);
    expect(await movedRows.first().innerText()).toMatch(/Model[\s\S]*Test/);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-page-preview.png'), fullPage: true });

    await frame.locator('[data-testid="save-button"]').click();
    await frame.locator('[data-testid="saved-flag"]').waitFor();
    expect(await frame.locator('[data-testid="saved-revision"]').innerText()).toMatch(/1/);
    expect(problems).toEqual([]);
    await page.close();

    const panel = await openPlayground(
      stage,
      `?module=sprint-action&board=${CV_BOARD_ID}&sprint=${CV_SPRINTS.active}`,
    );
    const train = panel.frame.locator(
      '[data-testid="lane-column"][data-lane="test"] [data-testid="issue-card"]',
      {
        hasText: 'Train v1.1 model',
      },
    );
    expect(await train.count()).toBe(1);
    await panel.page.close();
  });

  it('names a problem next to its control and saves nothing while it stands', async () => {
    const { frame, page } = await openPlayground(
      stage,
      adminPage('admin', 'dark'),
      '[data-testid="save-bar"]',
    );
    await frame.locator('[data-testid="nav-lanes"]').click();
    const name = frame.locator('[data-testid="lane-row"]').first().locator('[data-testid="lane-name"]');
    await name.fill('');
    await name.press('Tab');
    const problem = await until(
      () => frame.locator('[data-testid="problem"]').allInnerTexts(),
      (texts) => texts.length > 0,
      'inline problem',
    );
    expect(problem.join(' ')).toMatch(/a lane needs a name/);
    expect(await frame.locator('[data-testid="save-button"]').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-page-problem-dark.png'), fullPage: true });
    await page.close();
  });

  it('names a field the site does not have next to its control as it is typed, and Save stays off', async () => {
    const {
      frame,
      page,
      problems: consoleProblems,
    } = await openPlayground(stage, adminPage('admin'), '[data-testid="save-bar"]');
    await frame.locator('[data-testid="nav-dod"]').click();
    const field = frame.locator('[data-testid="dod-item-field"]').first();
    await field.fill('Annotator kappa');
    // The server checks the edit against the site's own field list (validateConfig), before any save.
    const problems = await until(
      () => frame.locator('[data-testid="problem"]').allInnerTexts(),
      (texts) => texts.some((text) => /no field "Annotator kappa" on this site/.test(text)),
      'unknown-field problem',
    );
    expect(problems.join(' ')).toMatch(/no field "Annotator kappa" on this site/);
    expect(await frame.locator('[data-testid="save-button"]').isDisabled()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await frame.locator('[data-testid="saved-flag"]').count()).toBe(0);
    expect(consoleProblems).toEqual([]);
    await page.close();
  });
});
