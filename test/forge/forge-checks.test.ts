/** The checks `forge deploy` and `forge lint` would make, offline: a broken manifest never reaches a user. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, forgeLint, manifestText, validateManifest } from './forge-tools';

// forge lint parses Atlassian's OpenAPI specs on every run (10 s or more each on a busy 2-core machine), and the
// scope test runs it once per scope: generous caps, so a loaded CI machine is slow rather than failing.
jest.setTimeout(10 * 60_000);

const sourceFiles = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join('src', file));

/** A copy of the app with a different manifest, for the broken-manifest cases. */
function appWith(manifest: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-lanes-app-'));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, 'static'), join(dir, 'static'), {
    recursive: true,
    filter: (path) => !path.includes('node_modules'),
  });
  writeFileSync(join(dir, 'manifest.yml'), manifest);
  return join(dir, 'manifest.yml');
}

describe('manifest.yml', () => {
  it('is valid for Forge (modules, scopes, runtime, resources, handlers)', async () => {
    expect(await validateManifest(join(ROOT, 'manifest.yml'))).toEqual([]);
  });

  it.each([
    [
      'a resolver function that does not exist',
      (m: string) => m.replace('function: resolver\n', 'function: resolvr\n'),
      /undefined function module with key 'resolvr'/,
    ],
    [
      'an unknown runtime',
      (m: string) => m.replace('nodejs22.x', 'nodejs12.x'),
      /runtime property name 'nodejs12.x'/,
    ],
    [
      'a resource folder that does not exist',
      (m: string) => m.replace('static/planning-panel/build', 'static/nowhere'),
      /missing resource 'static\/nowhere'/,
    ],
  ])('is rejected when broken: %s', async (_, breakIt, expected) => {
    const problems = await validateManifest(appWith(breakIt(manifestText())));
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(expected)]);
  });
});

describe('forge lint (client-side linters, scopes checked against the local OpenAPI specs)', () => {
  it('finds no errors in the app', async () => {
    expect(await forgeLint(manifestText(), sourceFiles)).toEqual([]);
  });

  it('needs every scope the manifest asks for: removing any Jira scope is an error', async () => {
    // write:app-data:jira is optional for /app/field/value today (the linter cannot tell); checked below.
    const scopes = [...manifestText().matchAll(/^\s+- ((?:read|write):[\w:.-]+)$/gm)]
      .map((match) => match[1]!)
      .filter((scope) => scope !== 'write:app-data:jira');
    expect(scopes.length).toBeGreaterThan(3);
    for (const scope of scopes) {
      const without = manifestText().replace(
        new RegExp(`^\\s+- ${scope.replace(/[.:]/g, '\\$&')}\\n`, 'm'),
        '',
      );
      const problems = await forgeLint(without, sourceFiles);
      // Without a granular scope the linter names the classic one that would also do, so only "an error" holds.
      expect({ without: scope, problems: problems.length > 0 }).toEqual({ without: scope, problems: true });
    }
  });

  it('writes with the granular issue-property scope only, never the classic write:jira-work', async () => {
    expect(manifestText()).toMatch(/^\s+- write:issue\.property:jira$/m);
    expect(manifestText()).not.toMatch(/^\s+- write:jira-work$/m);
  });

  it("lists every scope the manifest declares in the README's permission table", () => {
    const manifest = parse(manifestText()) as { permissions: { scopes: string[] } };
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Permissions'), readme.indexOf('## How it works'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const listed = rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(manifest.permissions.scopes.length).toBeGreaterThan(5);
    for (const scope of manifest.permissions.scopes) expect(listed).toContain(scope);
  });

  it('asks for write:app-data:jira because the board index writes its own fields (optional now, required soon)', () => {
    const writesAppFields = sourceFiles.some((file) =>
      readFileSync(join(ROOT, file), 'utf8').includes('/rest/api/3/app/field/value'),
    );
    expect(writesAppFields).toBe(true);
    expect(manifestText()).toMatch(/^\s+- write:app-data:jira$/m);
  });

  it('asks for storage:app because the app keeps its configuration in Forge KVS (the linter cannot tell)', () => {
    const usesKvs = sourceFiles.some((file) =>
      readFileSync(join(ROOT, file), 'utf8').includes("from '@forge/kvs'"),
    );
    expect(usesKvs).toBe(true);
    expect(manifestText()).toMatch(/^\s+- storage:app$/m);
  });
});
