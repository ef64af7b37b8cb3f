/**
 * Builds every Custom UI resource of ML Lanes with esbuild: `node static/build.mjs` (add `--analyze` to see what
 * makes each bundle big). Each resource becomes static/<name>/build/{index.html, main.js, chunks/, main.css}, the
 * folder a manifest `resources` entry points at; index.html comes from one template here, public/ adds icons. The
 * figures go to dist/ui-bundles.json for `npm run bench`. Works offline; no source maps are shipped.
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import * as esbuild from 'esbuild';
import { bundleReport } from './bundle-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** One line per Custom UI resource. */
const RESOURCES = [
  {
    name: 'planning-panel',
    title: 'ML Lanes — sprint planning',
    entry: 'static/planning-panel/src/index.tsx',
    css: 'static/planning-panel/src/panel-css.ts',
  },
  {
    name: 'admin-page',
    title: 'ML Lanes — configuration',
    entry: 'static/admin-page/src/index.tsx',
    css: 'static/admin-page/src/admin-css.ts',
  },
  {
    name: 'issue-panel',
    title: 'ML Lanes — issue lane and Definition of Done',
    entry: 'static/issue-panel/src/index.tsx',
    css: 'static/issue-panel/src/issue-css.ts',
  },
  {
    name: 'sprint-gadget',
    title: 'ML Lanes — sprint gadget',
    entry: 'static/sprint-gadget/src/index.tsx',
    css: 'static/sprint-gadget/src/gadget-css.ts',
  },
];

/**
 * Every resource's index.html: one template, the title per resource (Forge injects its bridge into <head>, before
 * this module script runs). The chunks of the first load are preloaded so that they arrive in parallel.
 */
function indexHtml(title, preload) {
  const links = preload.map((file) => `\n    <link rel="modulepreload" href="./${file}" />`).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="./main.css" />${links}
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;
}

/** Per-module budget for the gzipped JS of the first load, from the product brief: over it, the build fails. */
const JS_GZIP_BUDGET = 400 * 1024;
/** The goal of issue 9 for the same figure: printed, not enforced. */
const JS_GZIP_GOAL = 200 * 1024;

/** Where the bundle figures go for `npm run bench` (outside the resource folders, which Forge deploys whole). */
const REPORT_PATH = join(root, 'dist', 'ui-bundles.json');

/**
 * The Atlassian design-token themes, shipped inside main.css so that every `token()` resolves whatever the host
 * does. Light, spacing, typography and shape apply to the whole page; dark applies when <html> carries
 * data-color-mode="dark", which is what Jira sets after `view.theme.enable()` (and keeps in sync).
 * The selectors are rewritten because the stock ones also require a `data-theme` attribute the host may not set.
 */
const TOKEN_THEMES = [
  { theme: 'atlassian-light', selector: ':root' },
  { theme: 'atlassian-dark', selector: 'html[data-color-mode="dark"]' },
  { theme: 'atlassian-spacing', selector: ':root' },
  { theme: 'atlassian-typography', selector: ':root' },
  { theme: 'atlassian-shape', selector: ':root' },
];

async function tokenThemeCss() {
  const rules = TOKEN_THEMES.map(({ theme, selector }) => {
    const css = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`).default;
    const open = css.indexOf('{');
    if (open < 0 || css.indexOf('{', open + 1) >= 0)
      throw new Error(`unexpected shape of the ${theme} token CSS`);
    return `${selector} ${css.slice(open)}`;
  });
  const { code } = await esbuild.transform(rules.join('\n'), { loader: 'css', minify: true });
  return code;
}

/** Evaluates a resource's stylesheet module (TypeScript exporting `stylesheet(): string`) at build time. */
async function moduleCss(entry) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const source = result.outputFiles[0].text;
  const module = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  const { code } = await esbuild.transform(module.stylesheet(), { loader: 'css', minify: true });
  return code;
}

/**
 * Atlaskit asks @atlaskit/platform-feature-flags for its flags, and that asks the Statsig-backed FeatureGates client
 * only when no resolver is set; static/shared/src/atlaskit-flags.ts sets one. So the client is swapped for a stub that
 * answers as an uninitialised client does (every gate off), which takes ~28 KB gzip off every module. The build
 * stops if anything else imports the client, since the stub answers only what platform-feature-flags asks.
 */
const featureGatesStub = {
  name: 'feature-gates-stub',
  setup(build) {
    build.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/|$)/ }, (args) => {
      if (!args.importer.includes(`${sep}@atlaskit${sep}platform-feature-flags${sep}`)) {
        return {
          errors: [
            {
              text: `${relative(root, args.importer)} imports ${args.path}, which the build replaces with a stub`,
            },
          ],
        };
      }
      return { path: join(root, 'static/shared/src/feature-gates-stub.ts') };
    });
  },
};

async function buildResource(resource, themeCss, analyze) {
  const resourceDir = join(root, 'static', resource.name);
  const outdir = join(resourceDir, 'build');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });

  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: join(root, resource.entry) },
    outdir,
    bundle: true,
    // ES modules with code splitting: what a screen or theme needs only on demand is fetched only then.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'external',
    jsx: 'automatic',
    tsconfig: join(root, 'static', 'tsconfig.json'),
    // Atlaskit publishes an es2019 build beside its es5 `module` build: smaller and without regenerator.
    mainFields: ['browser', 'module:es2019', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'file', '.woff2': 'file' },
    metafile: true,
    logLevel: 'warning',
    plugins: [featureGatesStub],
  });

  // The entry's stylesheet already holds the CSS of every chunk; esbuild also writes one per chunk, which nothing
  // would load: those go, after checking that main.css was built from all their sources (else they are appended).
  // Sources, not text: esbuild may order the same rules differently in a chunk's file.
  const cssPath = join(outdir, 'main.css');
  let bundledCss = await readFile(cssPath, 'utf8').catch(() => '');
  const mainInputs = new Set(Object.keys(result.metafile.outputs[relative(root, cssPath)]?.inputs ?? {}));
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.css') || join(root, file) === cssPath) continue;
    if (Object.keys(output.inputs).some((input) => !mainInputs.has(input))) {
      bundledCss += await readFile(join(root, file), 'utf8');
    }
    await rm(join(root, file));
  }
  const ownCss = resource.css ? await moduleCss(resource.css) : '';
  await writeFile(cssPath, themeCss + bundledCss + ownCss);

  const report = await bundleReport(root, outdir, result.metafile);
  await writeFile(join(outdir, 'index.html'), indexHtml(resource.title, report.preload));
  // Everything in public/ ships as is: icons a manifest module names (`resource:<key>;icon.svg`).
  const publicFiles = await readdir(join(resourceDir, 'public')).catch(() => []);
  for (const file of publicFiles) {
    await copyFile(join(resourceDir, 'public', file), join(outdir, file));
  }

  if (analyze) console.log(await esbuild.analyzeMetafile(result.metafile, { verbose: false }));

  const css = await readFile(cssPath);
  return {
    name: resource.name,
    outdir: relative(root, outdir),
    firstLoadJs: report.firstLoadJs,
    totalJs: report.totalJs,
    css: { bytes: css.length, gzip: gzipSync(css, { level: 9 }).length },
    files: report.files,
  };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const started = Date.now();
  const analyze = process.argv.includes('--analyze');
  const themeCss = await tokenThemeCss();
  const rows = [];
  for (const resource of RESOURCES) rows.push(await buildResource(resource, themeCss, analyze));

  const table = [['resource', 'first-load JS gzip', 'all JS gzip', 'JS files', 'main.css gzip']];
  for (const row of rows) {
    table.push([
      row.name,
      `${kb(row.firstLoadJs.gzip)} (${row.firstLoadJs.files})`,
      kb(row.totalJs.gzip),
      String(row.totalJs.files),
      kb(row.css.gzip),
    ]);
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const line of table) {
    console.log(
      line
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  '),
    );
  }
  console.log(`built ${rows.length} resource(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await mkdir(dirname(REPORT_PATH), { recursive: true });
  await writeFile(
    REPORT_PATH,
    JSON.stringify({ budget: JS_GZIP_BUDGET, goal: JS_GZIP_GOAL, resources: rows }, null, 2) + '\n',
  );

  const over = rows.filter((row) => row.firstLoadJs.gzip > JS_GZIP_BUDGET);
  if (over.length > 0) {
    console.error(
      `over the ${kb(JS_GZIP_BUDGET)} gzip first-load JS budget: ${over.map((row) => row.name).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
