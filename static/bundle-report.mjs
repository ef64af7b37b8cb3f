/**
 * What a Custom UI costs the browser, from esbuild's metafile: the JS fetched on first load (the entry, what it
 * imports, and the app it loads as soon as it starts: main.js's own dynamic imports, with their static imports)
 * and the JS fetched only on demand (themes, rarely used screens). Sizes are per file gzip, as served.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every output file below `outdir` that `from` loads, following static imports (and `dynamic` ones if asked). */
function closure(outputs, from, dynamic) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !outputs[path]) return;
    seen.add(path);
    for (const { path: next, kind } of outputs[path].imports) {
      if (kind === 'import-statement' || (dynamic && kind === 'dynamic-import')) visit(next);
    }
  };
  visit(from);
  return seen;
}

/**
 * @param {string} root absWorkingDir of the build (metafile paths are relative to it)
 * @param {string} outdir the resource's build folder
 * @param {import('esbuild').Metafile} metafile
 */
export async function bundleReport(root, outdir, metafile) {
  const entry = relative(root, join(outdir, 'main.js'));
  const { outputs } = metafile;
  const firstLoad = closure(outputs, entry, false);
  for (const { path, kind } of outputs[entry]?.imports ?? []) {
    if (kind === 'dynamic-import') for (const file of closure(outputs, path, false)) firstLoad.add(file);
  }
  const files = [];
  for (const path of Object.keys(outputs)) {
    if (!path.endsWith('.js')) continue;
    const content = await readFile(join(root, path));
    files.push({
      file: relative(outdir, join(root, path)),
      bytes: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      firstLoad: firstLoad.has(path),
    });
  }
  const sum = (list, key) => list.reduce((total, file) => total + file[key], 0);
  const first = files.filter((file) => file.firstLoad);
  return {
    firstLoadJs: { files: first.length, bytes: sum(first, 'bytes'), gzip: sum(first, 'gzip') },
    totalJs: { files: files.length, bytes: sum(files, 'bytes'), gzip: sum(files, 'gzip') },
    /** First-load files in load order (main.js first), for index.html's modulepreload links. */
    preload: [...firstLoad]
      .map((path) => relative(outdir, join(root, path)))
      .filter((file) => file !== 'main.js'),
    files: files.sort((a, b) => b.gzip - a.gzip),
  };
}
