/**
 * UI figures for `npm run bench`: bundle sizes per Custom UI module (as the build measured them), and in headless
 * Chromium the panel's first render after its data arrives (demo sprint and a 5,000-issue sprint) and the time a
 * filter takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../src/playground/chromium';
import { createForgeHandler } from '../src/forge/handler';
import { ConfigRepository } from '../src/storage/config-repository';
import { MemoryStore } from '../src/storage/key-value-store';
import { installForgeRuntime } from '../src/playground/forge-runtime';
import { startPlayground } from '../src/playground/server';
import {
  demoSite,
  startSimulator,
  SYNTHETIC_BOARD_ID,
  syntheticWorkspace,
  type Workspace,
} from '../src/simulator';

const ROOT = join(__dirname, '../..');
const AUTH = { email: 'bench@example.com', apiToken: 'bench' };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface JsSize {
  files: number;
  bytes: number;
  gzip: number;
}

/** What static/build.mjs writes to dist/ui-bundles.json (see static/bundle-report.mjs). */
interface BundleReport {
  budget: number;
  goal: number;
  resources: { name: string; firstLoadJs: JsSize; totalJs: JsSize; css: { bytes: number; gzip: number } }[];
}

/** Per Custom UI module: the JS a first load fetches (the goal applies to it) and all JS, themes included. */
export function printBundleSizes(): void {
  const path = join(ROOT, 'dist', 'ui-bundles.json');
  if (!existsSync(path)) {
    console.log('\nCustom UI bundles: no dist/ui-bundles.json (run npm run build)');
    return;
  }
  const report = JSON.parse(readFileSync(path, 'utf8')) as BundleReport;
  console.log(`\nCustom UI bundles (goal: ≤ ${kb(report.goal)} gzip of JS on first load per module)`);
  for (const { name, firstLoadJs, totalJs, css } of report.resources) {
    console.log(
      `  ${name.padEnd(16)} first load ${kb(firstLoadJs.gzip)} gzip (${firstLoadJs.files} files) · ` +
        `total ${kb(totalJs.gzip)} gzip (${totalJs.files} files, the rest on demand) · CSS ${kb(css.gzip)} gzip · ` +
        `${firstLoadJs.gzip <= report.goal ? 'ok' : 'MISSED'}`,
    );
  }
}

/** Polls from Node: waitForFunction's string predicates need eval, which the panel's CSP rightly forbids. */
async function until(frame: Frame, expression: string): Promise<void> {
  for (let tries = 0; !(await frame.evaluate<boolean>(expression)); tries += 1) {
    if (tries > 600) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function renderTimes(frame: Frame): Promise<number> {
  await frame.waitForSelector('[data-testid="plan-header"]', { timeout: 60_000 });
  await until(frame, "performance.getEntriesByName('ml-lanes:plan-rendered').length > 0");
  return frame.evaluate<number>(
    "performance.getEntriesByName('ml-lanes:plan-rendered')[0].startTime - performance.getEntriesByName('ml-lanes:plan-received')[0].startTime",
  );
}

async function measureSprint(label: string, workspace: Workspace, query: string): Promise<void> {
  const simulator = await startSimulator({ workspace: { ...workspace, credentials: AUTH } });
  installForgeRuntime({ jiraUrl: simulator.url, ...AUTH });
  const playground = await startPlayground({
    handler: createForgeHandler(new ConfigRepository(new MemoryStore())),
    siteUrl: simulator.url,
  });
  const browser = await launchChromium();
  try {
    const renders: number[] = [];
    let filterMs = 0;
    let cards = 0;
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
      await page.goto(`${playground.url}/${query}`);
      const frame = await (await page.waitForSelector('[data-testid="module-frame"]')).contentFrame();
      if (!frame) throw new Error('no module frame');
      await frame.waitForURL(/\/module\//);
      renders.push(await renderTimes(frame));
      cards = await frame.locator('[data-testid="issue-card"]').count();
      const started = Date.now();
      await frame.locator('[data-testid="filter-blocked"]').check();
      await until(frame, 'document.querySelectorAll(\'[data-testid="issue-card"]\').length > 0');
      await frame.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
      filterMs = Date.now() - started;
      await page.close();
    }
    renders.sort((a, b) => a - b);
    const median = renders[1] ?? 0;
    console.log(
      `  ${label.padEnd(22)} first render after data ${median.toFixed(0)} ms (target < 1000 ms: ${median < 1000 ? 'ok' : 'MISSED'})` +
        ` · "Blocked only" filter ${filterMs} ms · ${cards} cards in the page`,
    );
  } finally {
    await browser.close();
    await playground.close();
    await simulator.close();
  }
}

export async function runUiBench(): Promise<void> {
  printBundleSizes();
  if (!existsSync(CHROMIUM_PATH)) {
    console.log('\nPanel rendering: skipped (no /usr/bin/chromium; apt-get install chromium)');
    return;
  }
  console.log('\nPlanning panel in headless Chromium (median of 3 loads)');
  await measureSprint('demo sprint (27 issues)', demoSite(), '?module=sprint-action&board=1&sprint=102');
  await measureSprint(
    '5,000-issue sprint',
    syntheticWorkspace({ issues: 5000 }),
    `?module=board-action&board=${SYNTHETIC_BOARD_ID}`,
  );
}
