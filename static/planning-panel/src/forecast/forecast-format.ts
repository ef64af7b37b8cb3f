/**
 * The forecast's days, shares and ages in the person's locale. The forecast's dates are calendar days
 * (YYYY-MM-DD) in the site's time zone, so they are formatted as UTC days: a browser west of UTC must not turn
 * Fri 4 Dec into Thu 3 Dec.
 */

const DAY_MS = 86_400_000;

function dayTime(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? null : time;
}

/** "Fri 4 Dec" (en-GB), "Fri, Dec 4" (en-US); the text as given when it is not a calendar day. */
export function formatDay(day: string, locale: string | undefined): string {
  const time = dayTime(day);
  if (time === null) return day;
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(time);
}

/** "4 Dec": the chart's axis, where the weekday would crowd the ticks. */
export function formatShortDay(day: string, locale: string | undefined): string {
  const time = dayTime(day);
  if (time === null) return day;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(time);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); null when either is not a day. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayTime(from);
  const b = dayTime(to);
  if (a === null || b === null) return null;
  return Math.round((b - a) / DAY_MS);
}

/** Every calendar day from `first` to `last`, both included (empty when either is not a day). */
export function daysFrom(first: string, last: string): string[] {
  const a = dayTime(first);
  const b = dayTime(last);
  if (a === null || b === null) return [];
  const days: string[] = [];
  for (let time = a; time <= b; time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/**
 * A share of trials as a whole percentage. A share that is not 0 or 1 never reads as "0%" or "100%": rounding
 * must not promise certainty the trials did not show.
 */
export function formatShare(share: number, locale: string | undefined): string {
  const percent = (digits: number, value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value);
  if (share > 0 && share < 0.005) return `<${percent(0, 0.01)}`;
  if (share < 1 && share >= 0.995) return `>${percent(0, 0.99)}`;
  return percent(0, share);
}

/** A standard error in percentage points: "±0.5 pp". */
export function formatStandardError(standardError: number, locale: string | undefined): string {
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    standardError * 100,
  );
  return `±${points} pp`;
}

/** A plain number with at most `digits` decimals: "0.9", "1,204". */
export function formatNumber(value: number, locale: string | undefined, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** How long ago `instant` was, in words: "3 hours ago", "yesterday"; "just now" for the last minute or a clock ahead. */
export function formatAge(instant: string, now: number, locale: string | undefined): string | null {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return null;
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 60) return 'just now';
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return words.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return words.format(-hours, 'hour');
  return words.format(-Math.round(hours / 24), 'day');
}
