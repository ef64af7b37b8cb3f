/**
 * Three-way merge of configuration documents, for "reload and keep my changes" after someone else saved:
 * their revision, with the admin's own edits (from the revision they started from) applied on top.
 * Objects merge key by key and arrays of unchanged length item by item; where both sides changed the same
 * part differently, the admin's version is kept and the place is reported, so they can take theirs instead.
 */

export type PathPart = string | number;

export interface MergeConflict {
  path: string;
  parts: PathPart[];
  theirs: unknown;
  mine: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: MergeConflict[];
}

export function pathText(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

export function mergeThreeWay<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: MergeConflict[] = [];
  const merged = mergeValue(base, mine, theirs, [], conflicts) as T;
  return { merged, conflicts };
}

function mergeValue(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  parts: PathPart[],
  conflicts: MergeConflict[],
): unknown {
  if (deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base) || deepEqual(mine, theirs)) return mine;
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const out: Record<string, unknown> = {};
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])];
    for (const key of keys) {
      const value = mergeValue(base[key], mine[key], theirs[key], [...parts, key], conflicts);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (
    Array.isArray(base) &&
    Array.isArray(mine) &&
    Array.isArray(theirs) &&
    base.length === mine.length &&
    base.length === theirs.length
  ) {
    return base.map((item, index) =>
      mergeValue(item, mine[index], theirs[index], [...parts, index], conflicts),
    );
  }
  conflicts.push({ path: pathText(parts), parts, theirs, mine });
  return mine;
}

/** A copy of `root` with the value at `parts` replaced (or removed, for undefined). */
export function setIn<T>(root: T, parts: readonly PathPart[], value: unknown): T {
  if (parts.length === 0) return value as T;
  const [head, ...rest] = parts as [PathPart, ...PathPart[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const record = { ...((isObject(root) ? root : {}) as Record<string, unknown>) };
  const next = setIn(record[head as string], rest, value);
  if (next === undefined) delete record[head as string];
  else record[head as string] = next;
  return record as T;
}
