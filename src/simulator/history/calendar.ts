import { TZDate } from '@date-fns/tz';

/** Sprints, working days and working hours in the site's time zone (daylight saving included). */

export interface SprintSpec {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  completeDate: string;
  createdDate?: string;
  goal?: string;
}

/** A working day of a sprint: its local date and the instants work may happen in (epoch ms). */
export interface WorkingDay {
  date: string;
  sprintIndex: number;
  open: number;
  close: number;
}

const DAY_MS = 86400_000;

/** The instant of a local wall-clock time on a local date ("2026-11-09") in `timeZone`. */
export function localInstant(date: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, hour, minute, timeZone).getTime();
}

/** The local date ("2026-11-09") of an instant in `timeZone`. */
export function localDate(epochMs: number, timeZone: string): string {
  const t = new TZDate(epochMs, timeZone);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export const isWorkingDate = (date: string) => weekday(date) <= 5;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The working date `n` working days after (negative: before) `date`, skipping weekends. */
export function addWorkingDays(date: string, n: number): string {
  let current = date;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    current = addDays(current, step);
    if (isWorkingDate(current)) left--;
  }
  return current;
}

const windows = new Map<string, { open: number; close: number }>();

/** Working hours: events happen between 09:30 and 16:00 local time. */
export function workingWindow(date: string, timeZone: string): { open: number; close: number } {
  const key = `${timeZone} ${date}`;
  let window = windows.get(key);
  if (!window) {
    window = { open: localInstant(date, 9, 30, timeZone), close: localInstant(date, 16, 0, timeZone) };
    windows.set(key, window);
  }
  return window;
}

/** The working hours between two instants, day by day. */
export function workingTime(from: number, to: number, timeZone: string): { open: number; close: number }[] {
  const out: { open: number; close: number }[] = [];
  for (let date = localDate(from, timeZone); date <= localDate(to, timeZone); date = addDays(date, 1)) {
    if (!isWorkingDate(date)) continue;
    const hours = workingWindow(date, timeZone);
    const open = Math.max(hours.open, from);
    const close = Math.min(hours.close, to);
    if (close > open) out.push({ open, close });
  }
  return out;
}

/**
 * An instant drawn uniformly over the working hours between `from` and `to` (`uniform` in [0, 1)); the middle
 * of the two when no working hour lies between them.
 */
export function workingInstant(uniform: number, from: number, to: number, timeZone: string): number {
  const spans = workingTime(from, to, timeZone);
  const total = spans.reduce((sum, s) => sum + (s.close - s.open), 0);
  if (total <= 0) return Math.floor((from + to) / 2);
  let left = uniform * total;
  for (const span of spans) {
    const length = span.close - span.open;
    if (left < length) return Math.floor(span.open + left);
    left -= length;
  }
  return (spans.at(-1)?.close ?? to) - 1;
}

/**
 * The working days inside the sprints, in order: Monday to Friday from each sprint's start to its end, within
 * working hours and at least half an hour after the sprint started and before it was completed.
 */
export function sprintWorkingDays(sprints: readonly SprintSpec[], timeZone: string): WorkingDay[] {
  const days: WorkingDay[] = [];
  sprints.forEach((sprint, sprintIndex) => {
    const start = Date.parse(sprint.startDate);
    const complete = Date.parse(sprint.completeDate);
    const last = localDate(Math.min(Date.parse(sprint.endDate), complete), timeZone);
    for (let date = localDate(start, timeZone); date <= last; date = addDays(date, 1)) {
      if (!isWorkingDate(date)) continue;
      const hours = workingWindow(date, timeZone);
      const open = Math.max(hours.open, start + 1800_000);
      const close = Math.min(hours.close, complete - 1800_000);
      if (close > open) days.push({ date, sprintIndex, open, close });
    }
  });
  return days;
}

/**
 * `count` two-week sprints back to back, the last one ending just before `next` starts: each starts on the
 * Monday 14 days before the one after it, at the same time of day, and ends on its second Friday 8 hours
 * after its start time. Ids and numbers count up to the sprint before `next`.
 */
export function sprintsBefore(
  next: { startDate: string },
  count: number,
  naming: { lastId: number; lastNumber: number; prefix: string },
): SprintSpec[] {
  const sprints: SprintSpec[] = [];
  let start = Date.parse(next.startDate);
  for (let i = 0; i < count; i++) {
    start -= 14 * DAY_MS;
    const end = start + 11 * DAY_MS + 8 * 3600_000;
    const number = naming.lastNumber - i;
    sprints.unshift({
      id: naming.lastId - i,
      name: `${naming.prefix} ${number}`,
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString(),
      // Closed a few minutes before the end, as a Scrum Master does.
      completeDate: new Date(end - (7 + ((number * 13) % 40)) * 60_000).toISOString(),
      createdDate: new Date(start - 3 * DAY_MS).toISOString(),
    });
  }
  return sprints;
}
