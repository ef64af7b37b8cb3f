/**
 * Forge's own offline checks, run from the tests: manifest validation (@forge/manifest) and the client-side
 * linters of `forge lint` (@forge/lint), with the scope check pointed at the local copies of Atlassian's specs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getClientSideLintersOnly, lint } from '@forge/lint';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';

export const ROOT = resolve(__dirname, '../..');

const quiet = {
  info: () => undefined,
  debug: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  trace: () => undefined,
};
const statsig = { getDeprecatedRuntimes: async () => [] };

function useLocalSpecs(): void {
  const empty = join(mkdtempSync(join(tmpdir(), 'ml-lanes-specs-')), 'empty.json');
  writeFileSync(empty, '{"paths":{}}');
  const spec = (file: string) => join(ROOT, 'test/fixtures/jira-openapi', file);
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: spec('jira-platform-v3.openapi.json'),
    LOCAL_JSW_SWAGGER: spec('jira-software.openapi.json'),
    LOCAL_JSM_SWAGGER: empty,
    LOCAL_CONF_SWAGGER: empty,
    LOCAL_CONF_V2_SWAGGER: empty,
    LOCAL_BB_SWAGGER: empty,
  });
}

export interface Problem {
  file: string;
  message: string;
}

/** `validate` resolves paths from the working directory, so it runs from the manifest's folder. */
export async function validateManifest(manifestPath: string): Promise<Problem[]> {
  const cwd = process.cwd();
  process.chdir(resolve(manifestPath, '..'));
  try {
    const result = await validate(false, 'manifest.yml');
    return (result.errors ?? []).map((error) => ({ file: 'manifest.yml', message: error.message }));
  } finally {
    process.chdir(cwd);
  }
}

/** The errors `forge lint` would report for these source files under this manifest text. */
export async function forgeLint(manifestText: string, files: string[]): Promise<Problem[]> {
  useLocalSpecs();
  const manifest = parse(manifestText);
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    // The statsig and logger stand-ins satisfy the parts the client-side linters use.
    const linters = await getClientSideLintersOnly(manifest, 'development', quiet, statsig as never);
    const results = await lint(files, manifest, 'development', quiet, statsig as never, {
      linter: { mode: 'client-side' },
      linters,
    });
    return results.flatMap((result) =>
      result.errors.map((error) => ({ file: result.file, message: error.message })),
    );
  } finally {
    process.chdir(cwd);
  }
}

export const manifestText = (): string => readFileSync(join(ROOT, 'manifest.yml'), 'utf8');
