import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** Jira's date-time format in issue fields, e.g. "2026-11-23T10:00:00.000+0100" (the user's time zone). */
export function jiraDateTime(epochMs: number, timeZone: string): string {
  return format(new TZDate(epochMs, timeZone), "yyyy-MM-dd'T'HH:mm:ss.SSSxx");
}
