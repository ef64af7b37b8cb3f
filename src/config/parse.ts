import type { z } from 'zod';
import { migrateConfig, versionProblem } from './migrations';
import { configSchema, type MlLanesConfig } from './schema';

/** One thing wrong with a configuration document, located by its JSON path (e.g. `rules[3].lane`). */
export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigParseResult =
  | {
      ok: true;
      config: MlLanesConfig;
      /** The version the document was written as, when an older one was migrated; null otherwise. */
      migratedFrom: number | null;
    }
  | { ok: false; problems: ConfigProblem[] };

/**
 * Validates an already-parsed JSON value as a configuration document, listing every problem.
 * Documents written by an older ML Lanes are migrated first; the problems' paths are those of the current version.
 */
export function parseConfig(value: unknown): ConfigParseResult {
  const migrated = migrateConfig(value);
  const result = configSchema.safeParse(migrated.value);
  if (result.success) return { ok: true, config: result.data, migratedFrom: migrated.migratedFrom };
  const version = isRecord(value) ? value.version : undefined;
  const problems = result.error.issues
    .map(toProblem)
    .map((problem) =>
      problem.path === 'version'
        ? { ...problem, message: versionProblem(version) ?? problem.message }
        : problem,
    );
  // The version first: for a newer document it explains every other problem.
  return {
    ok: false,
    problems: [
      ...problems.filter((problem) => problem.path === 'version'),
      ...problems.filter((problem) => problem.path !== 'version'),
    ],
  };
}

/** Parses configuration text (JSON), reporting a syntax error as a problem at the root. */
export function parseConfigText(text: string): ConfigParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  return parseConfig(value);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  return { path: formatPath(issue.path), message: issue.message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
