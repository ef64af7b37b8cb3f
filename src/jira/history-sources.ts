import { z } from 'zod';
import type { ClosedSprint, WorkCategory } from '../domain/forecast/model';
import type { JiraClient } from './client';

const statusListSchema = z.array(
  z.object({ id: z.string(), statusCategory: z.object({ key: z.string() }).optional() }),
);

/**
 * Status id → category, for reading changelogs (which name statuses by id). Jira's "No Category" (`undefined`)
 * reads as not started.
 */
export async function readStatusCategories(client: JiraClient): Promise<Map<string, WorkCategory>> {
  const statuses = await client.call('GET /rest/api/3/status', 'GET', '/rest/api/3/status', statusListSchema);
  return new Map(statuses.map((status) => [status.id, toWorkCategory(status.statusCategory?.key)]));
}

export function toWorkCategory(key: string | undefined): WorkCategory {
  return key === 'indeterminate' || key === 'done' ? key : 'new';
}

const myselfSchema = z.object({ timeZone: z.string().optional() });

/**
 * The time zone days are counted in: the user's, from their Jira profile, which is also the zone Jira reads the
 * dates of their JQL in. Jira Cloud does not expose a site-wide zone to apps.
 */
export async function readTimeZone(client: JiraClient): Promise<string> {
  const me = await client.call('GET /rest/api/3/myself', 'GET', '/rest/api/3/myself', myselfSchema);
  return me.timeZone && isKnownTimeZone(me.timeZone) ? me.timeZone : 'UTC';
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const closedSprintPageSchema = z.object({
  isLast: z.boolean().optional(),
  values: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      state: z.string(),
      startDate: z.string().nullish(),
      endDate: z.string().nullish(),
      completeDate: z.string().nullish(),
    }),
  ),
});

/**
 * The board's closed sprints that were started and completed, oldest first, following Jira's offset paging.
 * A closed sprint without dates (closed without being started) teaches nothing about capacity: left out.
 */
export async function listClosedSprints(client: JiraClient, boardId: number): Promise<ClosedSprint[]> {
  const sprints: ClosedSprint[] = [];
  let startAt = 0;
  for (;;) {
    const page = await client.call(
      'GET /rest/agile/1.0/board/{boardId}/sprint',
      'GET',
      `/rest/agile/1.0/board/${boardId}/sprint?state=closed&startAt=${startAt}&maxResults=50`,
      closedSprintPageSchema,
    );
    for (const sprint of page.values) {
      if (sprint.state !== 'closed' || !sprint.startDate || !sprint.completeDate) continue;
      sprints.push({
        id: sprint.id,
        name: sprint.name,
        startDate: sprint.startDate,
        endDate: sprint.endDate ?? sprint.completeDate,
        completeDate: sprint.completeDate,
      });
    }
    startAt += page.values.length;
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return sprints.sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate));
}
