/**
 * The Forecast section in Chromium: the section alone on a page bundled like the planning panel (esbuild, code
 * splitting, main.css from the token themes and the panel's stylesheets), served under a Forge-like
 * Content-Security-Policy, on the fixture's demo sprint. Light and dark screenshots land in
 * test/output/screenshots for a person to look at; any console warning or error, or CSP violation, fails.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/playground/chromium';
import { forgeLikeCsp } from '../../src/playground/assets';
import { stylesheet } from '../../static/planning-panel/src/panel-css';
import { forecastStylesheet } from '../../static/planning-panel/src/forecast/forecast-css';
import { DEMO_NOW } from '../ui/support/forecast-fixture';
import { SCREENSHOTS, until } from './support';

const ROOT = join(__dirname, '../..');
const OUT = join(ROOT, 'test/output/forecast-page');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
jest.setTimeout(120_000);

/**
 * The page's entry, given to esbuild as stdin: a .tsx file under test/e2e would be type-checked by the root
 * tsconfig, which has neither JSX nor the DOM. It renders the lazily loaded section, as the panel will, and
 * answers each what-if with a new view after a short delay, as the resolver would.
 */
const ENTRY = `
import '@atlaskit/css-reset';
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import { LazyForecastSection } from '../../static/planning-panel/src/forecast/LazyForecastSection';
import { demoForecast, noHistoryForecast } from '../ui/support/forecast-fixture';

const params = new URLSearchParams(location.search);
if (params.get('theme') === 'dark') document.documentElement.setAttribute('data-color-mode', 'dark');

/** The demo sprint with CV-101's Label Studio counters (as the demo's evidence), and a second issue with one day. */
function labelingForecast() {
  const onlyOneDay = 'only one day of Label Studio counters (2026-11-27); two are needed for items per day';
  return {
    ...demoForecast(),
    labeling: {
      issues: [
        { key: 'CV-101', summary: "Label 1,000 images for class 'cracked lens'", target: 1000, targetFrom: 'summary',
          finished: 812, countedOn: '2026-11-27', method: 'items-per-day', itemsPerDay: 432 / 7, recordedDays: 8,
          daysLeft: { p50: 4, p85: 4 }, reason: null },
        { key: 'CV-133', summary: 'Bounding boxes for the night-shift camera set', target: 2400,
          targetFrom: 'label-studio', finished: 310, countedOn: '2026-11-27', method: 'lane-history',
          itemsPerDay: null, recordedDays: 1, daysLeft: null, reason: onlyOneDay },
      ],
      note: "CV-101 was forecast from items labeled per day; CV-133 from the lane's usual sampling: " + onlyOneDay + '.',
    },
  };
}

const VARIANTS = { none: noHistoryForecast, labeling: labelingForecast };

function Page() {
  const [view, setView] = useState(() => (VARIANTS[params.get('variant')] ?? demoForecast)());
  const [busy, setBusy] = useState(false);
  const onWhatIfChange = useCallback((whatIf) => {
    setBusy(true);
    setTimeout(() => {
      setView((previous) => ({ ...previous, whatIf }));
      setBusy(false);
    }, 200);
  }, []);
  return (
    <main className="mll-root">
      <LazyForecastSection view={view} onWhatIfChange={onWhatIfChange} busy={busy} locale="en-GB" />
    </main>
  );
}

answerAtlaskitFlags();
createRoot(document.getElementById('root')).render(<StrictMode><Page /></StrictMode>);
`;

/** Forge's bridge must exist before @forge/bridge runs; the page has none, so this stands in (opening an issue). */
const BRIDGE = `globalThis.__bridge = { callBridge: async (op) => { if (op === 'getContext') return {}; return undefined; } };`;

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>ML Lanes — forecast</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="./main.css" />
  </head>
  <body>
    <div id="root"></div>
    <script src="./bridge.js"></script>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;

/** The design-token themes as static/build.mjs ships them: light on :root, dark under data-color-mode="dark". */
function tokenThemes(): string {
  const themes = [
    ['atlassian-light', ':root'],
    ['atlassian-dark', 'html[data-color-mode="dark"]'],
    ['atlassian-spacing', ':root'],
    ['atlassian-typography', ':root'],
    ['atlassian-shape', ':root'],
  ] as const;
  return themes
    .map(([theme, selector]) => {
      const css = (
        requireFromRoot(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }
      ).default;
      return `${selector} ${css.slice(css.indexOf('{'))}`;
    })
    .join('\n');
}

async function bundlePage(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents: ENTRY,
      resolveDir: join(ROOT, 'test/e2e'),
      sourcefile: 'forecast-page.tsx',
      loader: 'tsx',
    },
    outdir: OUT,
    entryNames: 'main',
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    tsconfig: join(ROOT, 'static/tsconfig.json'),
    mainFields: ['browser', 'module:es2019', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'file', '.woff2': 'file' },
    metafile: true,
    logLevel: 'silent',
  });
  const bundledCss = Object.keys(result.metafile.outputs)
    .filter((file) => file.endsWith('.css'))
    .map((file) => readFileSync(join(ROOT, file), 'utf8'))
    .join('\n');
  const css = tokenThemes() + bundledCss + stylesheet() + forecastStylesheet();
  const { code } = await esbuild.transform(css, { loader: 'css', minify: true });
  const files = new Map<string, string | Buffer>([
    ['/index.html', INDEX],
    ['/bridge.js', BRIDGE],
    ['/main.css', code],
  ]);
  for (const file of Object.keys(result.metafile.outputs)) {
    if (file.endsWith('.js'))
      files.set(`/${relative(OUT, join(ROOT, file)).split(sep).join('/')}`, readFileSync(join(ROOT, file)));
  }
  served = files;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
let served = new Map<string, string | Buffer>();
let server: Server;
let browser: Browser;
let url: string;

beforeAll(async () => {
  await bundlePage();
  server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://page').pathname).replace(
      /^\/$/,
      '/index.html',
    );
    const body = served.get(path);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Content-Security-Policy': forgeLikeCsp(true),
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens the page and collects console warnings, errors and CSP violations. */
async function open(query: string, waitFor: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
  });
  // The fixture's history was read three hours before this instant.
  await page.clock.setFixedTime(DEMO_NOW);
  await page.goto(`${url}${query}`);
  await page.waitForSelector(waitFor, { timeout: 30_000 });
  return { page, problems };
}

async function fullShot(page: Page, name: string): Promise<void> {
  const height = await page
    .locator('main')
    .evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
  await page.setViewportSize({ width: 1280, height: Math.max(600, height) });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

describe('the Forecast section in Chromium', () => {
  it.each(['light', 'dark'] as const)(
    'renders the demo sprint in the %s theme with a clean console, and its what-if answers',
    async (theme) => {
      const { page, problems } = await open(`?theme=${theme}`, '[data-testid="finish-chart"] svg rect');
      expect(await page.locator('[data-testid="forecast-headline"]').innerText()).toMatch(
        /62%\s+likely done by Fri 4 Dec/,
      );
      expect(await page.locator('svg[role="img"]').first().getAttribute('aria-label')).toMatch(
        /The sprint ends Fri 4 Dec/,
      );
      await fullShot(page, `forecast-section-${theme}.png`);

      await page.locator('select[data-lane="data"]').selectOption('0.5');
      await until(
        () => page.locator('[data-testid="forecast-section"]').getAttribute('aria-busy'),
        (busy) => busy === 'false',
        'the re-forecast',
      );
      expect(await page.locator('select[data-lane="data"]').inputValue()).toBe('0.5');
      await page.locator('input[aria-label="CV-105 in scope"]').uncheck();
      await until(
        () => page.locator('[data-testid="forecast-section"]').getAttribute('aria-busy'),
        (busy) => busy === 'false',
        'the re-forecast',
      );
      expect(await page.locator('input[aria-label="CV-105 in scope"]').isChecked()).toBe(false);
      if (theme === 'light') await fullShot(page, 'forecast-section-what-if.png');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.each(['light', 'dark'] as const)(
    'shows labeling issues in items, items per day and days left, and which were forecast that way, in the %s theme',
    async (theme) => {
      const { page, problems } = await open(
        `?variant=labeling&theme=${theme}`,
        '[data-testid="labeling-forecast"]',
      );
      const rows = page.locator('[data-testid="labeling-issue"]');
      expect(await rows.nth(0).innerText()).toMatch(/812 \/ 1,000 items · 62 items\/day · ~4 days left/);
      expect(await rows.nth(1).innerText()).toMatch(
        /310 \/ 2,400 items · forecast from the lane's history: only one day of Label Studio counters/,
      );
      expect(await page.locator('[data-testid="labeling-note"]').innerText()).toMatch(
        /^CV-101 was forecast from items labeled per day; CV-133 from the lane's usual sampling/,
      );
      await fullShot(page, `forecast-section-labeling-${theme}.png`);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('says why there is no forecast, without a number, in the light theme', async () => {
    const { page, problems } = await open('?variant=none', '[data-testid="no-forecast"]');
    expect(await page.locator('[data-testid="forecast-section"]').innerText()).not.toMatch(/%/);
    await fullShot(page, 'forecast-section-no-history.png');
    expect(problems).toEqual([]);
    await page.close();
  });
});
