import type { z } from 'zod';
import { isNewerVersion, migrateConfig, versionProblem } from './migrations';
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
  const hostile = reservedKeyProblems(value);
  // Refused before anything copies the document: such keys could reach an object's prototype.
  if (hostile.length > 0) return { ok: false, problems: hostile };
  const version = isRecord(value) ? value.version : undefined;
  // Written by a newer ML Lanes: its other "problems" are only things this version does not know yet.
  const tooNew = isNewerVersion(version) ? versionProblem(version) : null;
  if (tooNew !== null) return { ok: false, problems: [{ path: 'version', message: tooNew }] };
  const migrated = migrateConfig(value);
  const result = configSchema.safeParse(migrated.value);
  if (result.success) return { ok: true, config: result.data, migratedFrom: migrated.migratedFrom };
  const problems = result.error.issues
    .map(toProblem)
    .map((problem) =>
      problem.path === 'version'
        ? { ...problem, message: versionProblem(version) ?? problem.message }
        : problem,
    );
  // The version first: an unknown one may explain the other problems.
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

/** Keys that name parts of JavaScript's object machinery rather than data. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const LANE_KEYED: ReadonlySet<string> = new Set(['dod', 'capacity']);

/** Every own key named `__proto__`, `constructor` or `prototype`, anywhere in the document. */
function reservedKeyProblems(document: unknown): ConfigProblem[] {
  interface Node {
    value: unknown;
    key: PropertyKey | null;
    parent: Node | null;
  }
  const pathOf = (node: Node, last: PropertyKey): PropertyKey[] => {
    const path = [last];
    for (let at: Node | null = node; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const problems: ConfigProblem[] = [];
  // An explicit stack rather than recursion: a deeply nested document must not overflow the call stack.
  const pending: Node[] = [{ value: document, key: null, parent: null }];
  const seen = new Set<object>();
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { value } = node;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const children: Node[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) => children.push({ value: item, key: index, parent: node }));
    } else {
      for (const key of Object.getOwnPropertyNames(value)) {
        if (RESERVED_KEYS.has(key)) {
          // `dod` and `capacity` are keyed by lane id, so there the key is a lane's id.
          const laneKeyed = node.parent?.key === null && LANE_KEYED.has(String(node.key));
          problems.push({
            path: formatPath(pathOf(node, key)),
            message: `"${key}" cannot be used as a key (JavaScript reserves it)${laneKeyed ? '; give the lane another id' : ''}`,
          });
        } else {
          children.push({ value: (value as Record<string, unknown>)[key], key, parent: node });
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]!);
  }
  return problems;
}

function toProblem(issue: z.core.$ZodIssue): ConfigProblem {
  return { path: formatPath(issue.path), message: issue.message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
