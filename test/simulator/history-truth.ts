import type { Workspace } from '../../src/simulator';

/**
 * What a generated history says, read the way a client reads it: from the issues' changelogs, with days
 * counted in the site's time zone by Intl (not by the generator's calendar code).
 */

export type IssueInput = Workspace['issues'][number];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of an instant in a time zone. */
export function dayIn(epochMs: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(epochMs);
}

export function isWeekday(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d >= 1 && d <= 5;
}

/** Monday-to-Friday days from `first` to `last` (both "YYYY-MM-DD"), in order. */
export function weekdaysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (isWeekday(day)) days.push(day);
  }
  return days;
}

const DONE = new Set(['Done']);

/** Moves into done from elsewhere, oldest first (epoch ms). */
export function doneMoves(issue: IssueInput): number[] {
  return (issue.changelog ?? []).flatMap((entry) =>
    entry.changes.some((c) => c.kind === 'status' && DONE.has(c.to) && !DONE.has(c.from))
      ? [Date.parse(entry.at)]
      : [],
  );
}

/** When the issue was done for good: its last move into done, if it is done now. */
export function resolvedAt(issue: IssueInput): number | null {
  return DONE.has(issue.status) ? (doneMoves(issue).at(-1) ?? null) : null;
}

/** Its first move into progress. */
export function startedAt(issue: IssueInput): number | null {
  for (const entry of issue.changelog ?? [])
    if (entry.changes.some((c) => c.kind === 'status' && c.to === 'In Progress')) return Date.parse(entry.at);
  return null;
}

export function wasFlagged(issue: IssueInput): boolean {
  return (issue.changelog ?? []).some((entry) => entry.changes.some((c) => c.kind === 'flag' && c.on));
}

export function wasReestimated(issue: IssueInput): boolean {
  return (issue.changelog ?? []).some((entry) => entry.changes.some((c) => c.kind === 'field'));
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

export function variance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, values.length - 1);
}
