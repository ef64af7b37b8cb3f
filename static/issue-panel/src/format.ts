import type { HandoffReason } from '../../../src/contract/plan-view';

const REASON_WORDS: Record<HandoffReason, string> = {
  'upstream-not-done': 'not done yet',
  'upstream-not-started': 'not started yet',
  'upstream-outside-sprint': 'outside this sprint',
  'upstream-hidden': 'hidden from you',
  cycle: 'dependency cycle',
};

export function reasonWords(reason: HandoffReason): string {
  return REASON_WORDS[reason] ?? reason;
}

/** Account ids are long ("557058:f58131cb-…"); the panel shows a short, recognisable part. */
export function shortAccountId(accountId: string): string {
  const tail = accountId.includes(':') ? accountId.slice(accountId.indexOf(':') + 1) : accountId;
  return tail.length > 10 ? `${tail.slice(0, 8)}…` : tail;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday", "just now"; null for a timestamp that does not parse. */
export function relativeTime(iso: string, now: number, locale: string | undefined): string | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

export function formatDateTime(iso: string, locale: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
