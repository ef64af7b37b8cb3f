import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse } from 'yaml';

/** The repository root, whether this runs from src/ (tests) or from dist/src/ (npm start). */
export async function findRoot(start: string): Promise<string> {
  let dir = start;
  for (;;) {
    try {
      await readFile(join(dir, 'manifest.yml'));
      return dir;
    } catch {
      const parent = join(dir, '..');
      if (parent === dir) throw new Error('manifest.yml not found above ' + start);
      dir = parent;
    }
  }
}

/** Bundles a browser script of the playground (host page, bridge stand-in) in memory. */
export async function bundleBrowserScript(root: string, entry: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface ManifestFacts {
  /** Resource key → folder with the built Custom UI. */
  resources: Map<string, string>;
  /** Whether the manifest allows inline styles (`permissions.content.styles: [unsafe-inline]`). */
  unsafeInlineStyles: boolean;
}

/** What the playground needs from manifest.yml, read rather than repeated, so it serves what Forge would. */
export async function readManifestFacts(root: string): Promise<ManifestFacts> {
  const manifest = parse(await readFile(join(root, 'manifest.yml'), 'utf8')) as {
    resources?: { key: string; path: string }[];
    permissions?: { content?: { styles?: string[] } };
  };
  return {
    resources: new Map(
      (manifest.resources ?? []).map((resource) => [resource.key, join(root, resource.path)]),
    ),
    unsafeInlineStyles: manifest.permissions?.content?.styles?.includes('unsafe-inline') ?? false,
  };
}

/** A Content-Security-Policy like the one Forge serves Custom UI with: scripts from the app itself only. */
export function forgeLikeCsp(unsafeInlineStyles: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${unsafeInlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
