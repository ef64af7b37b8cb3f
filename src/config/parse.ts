import type { z } from 'zod';
import { configSchema, type MlLanesConfig } from './schema';

/** One thing wrong with a configuration document, located by its JSON path (e.g. `rules[3].lane`). */
export interface ConfigProblem {
  path: string;
  message: string;
}

export type ConfigParseResult =
  { ok: true; config: MlLanesConfig } | { ok: false; problems: ConfigProblem[] };

/** Validates an already-parsed JSON value as a configuration document, listing every problem. */
export function parseConfig(value: unknown): ConfigParseResult {
  const result = configSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: result.error.issues.map(toProblem) };
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
