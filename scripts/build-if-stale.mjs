/**
 * `npm start`, `npm run demo` and `npm run bench` build through this: it runs `npm run build` only when the
 * sources changed since the last build, so the first `npm start` after `npm ci` (whose `prepare` already built)
 * does not build again. The build ends with `--stamp`, which records a hash of its inputs in dist/.
 * Content hashes, not modification times: a git checkout touches files without changing them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(root, 'dist', '.build-inputs');
const INPUTS = [
  'src',
  'bench',
  'static',
  'manifest.yml',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];
/** Build outputs inside the input folders. */
const SKIP = new Set(['build', 'node_modules']);
/** What the commands run; a build that lost one of them is not up to date whatever the stamp says. */
const OUTPUTS = [
  'dist/src/playground/main.js',
  'dist/src/cli/main.js',
  'dist/bench/run.js',
  ...['planning-panel', 'admin-page', 'issue-panel'].map((name) => `static/${name}/build/index.html`),
];

/** Every file at or under `path` (none if it does not exist), skipping build outputs. */
function filesAt(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !SKIP.has(entry.name))
    .flatMap((entry) => filesAt(join(path, entry.name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => filesAt(join(root, input))).sort();
  for (const file of files) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

if (process.argv.includes('--stamp')) {
  writeFileSync(STAMP, `${inputsHash()}\n`);
} else {
  const built = existsSync(STAMP) && OUTPUTS.every((output) => existsSync(join(root, output)));
  if (built && readFileSync(STAMP, 'utf8').trim() === inputsHash()) {
    console.log('ml-lanes: the build is up to date');
  } else {
    console.log('ml-lanes: building the app (TypeScript and the Custom UI bundles, about 20 s)…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { status } = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    process.exitCode = status ?? 1;
  }
}
