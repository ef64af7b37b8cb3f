/**
 * A readable difference between two configuration documents: every leaf that was added, removed or changed,
 * by JSON path (`rules[2].keywords[0]`), with its value before and after.
 */

export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

/** Leaves by path, in document order. Empty arrays and objects are leaves too, so adding one shows. */
export function flatten(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path || '(root)', '[]');
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, into));
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) into.set(path || '(root)', '{}');
    for (const [key, item] of entries) flatten(item, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path || '(root)', formatLeaf(value));
  }
  return into;
}

function formatLeaf(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'not a number';
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}

/** What changed from `before` to `after`. */
export function diffConfigs(before: unknown, after: unknown): Change[] {
  const old = flatten(before);
  const now = flatten(after);
  // An empty list or object that gained or lost items is said by those items, not by "{}" or "[]".
  const isEmptyMarker = (path: string, value: string, other: Map<string, string>) =>
    (value === '{}' || value === '[]') &&
    [...other.keys()].some((key) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`));
  const changes: Change[] = [];
  for (const [path, value] of now) {
    const previous = old.get(path);
    if (previous === undefined) {
      if (!isEmptyMarker(path, value, old)) changes.push({ path, kind: 'added', after: value });
    } else if (previous !== value) changes.push({ path, kind: 'changed', before: previous, after: value });
  }
  for (const [path, value] of old) {
    if (!now.has(path) && !isEmptyMarker(path, value, now))
      changes.push({ path, kind: 'removed', before: value });
  }
  return changes;
}

/** Whether two documents are the same, leaf for leaf. */
export function sameConfig(a: unknown, b: unknown): boolean {
  return diffConfigs(a, b).length === 0;
}
