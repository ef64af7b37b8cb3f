/** Words and numbers as the admin reads them. */
export { plural, toIntlLocale } from '../../shared/src/format';

export function formatDateTime(iso: string | null, locale: string | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Who saved: "you" for the person looking, else the Jira account as the server gave it. */
export function who(accountId: string | null, me: string | undefined): string {
  if (!accountId) return 'someone unknown';
  return me && accountId === me ? 'you' : accountId;
}
