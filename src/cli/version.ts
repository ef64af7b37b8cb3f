import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * ML Lanes' version, from its package.json: the nearest one above this file (src/cli in tests, dist/src/cli
 * once built) whose name is ml-lanes, so the version is written in one place only.
 */
export function packageVersion(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const found = readPackage(join(dir, 'package.json'));
    if (found?.name === 'ml-lanes' && typeof found.version === 'string') return found.version;
    if (dirname(dir) === dir) throw new Error(`no package.json of ml-lanes above ${start}`);
  }
}

function readPackage(file: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}
