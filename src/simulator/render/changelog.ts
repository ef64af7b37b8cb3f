import type { Change } from '../changelog';
import { jiraDateTime } from '../dates';
import type { Site } from '../site';
import type { WorkspaceIssue } from '../workspace';
import { renderUser } from './common';

/**
 * An issue's history as Jira's change histories (`Changelog`), oldest first. Items follow the real recordings:
 * status and resolution by id with names (the resolution is set and cleared by moves into and out of done),
 * story points and other numbers as strings with null ids, Flagged as `[optionId]`/"Impediment" and cleared
 * with empty strings, Sprint as comma-separated sprint ids and names.
 */

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeHistory {
  id: string;
  author: ReturnType<typeof renderUser>;
  /** Epoch milliseconds, as real bulkfetch answers send it; ISO text when the simulator is asked to. */
  created: number | string;
  items: ChangeItem[];
}

export type ChangelogDates = 'epoch-millis' | 'iso';

const DONE_RESOLUTION = { id: '10000', name: 'Done' };

export function renderChangeHistories(
  site: Site,
  base: string,
  issue: WorkspaceIssue,
  fieldIds: ReadonlySet<string> | null,
  dates: ChangelogDates,
): ChangeHistory[] {
  const ids = site.historyIds.get(issue.key) ?? [];
  const histories: ChangeHistory[] = [];
  issue.changelog.forEach((entry, index) => {
    const items = entry.changes
      .flatMap((change) => changeItems(site, change))
      .filter((item) => fieldIds === null || fieldIds.has(item.fieldId));
    if (items.length === 0) return;
    const at = Date.parse(entry.at);
    histories.push({
      id: ids[index] ?? String(index),
      author: renderUser(site, base, entry.by ?? site.ws.user.accountId),
      created: dates === 'epoch-millis' ? at : jiraDateTime(at, site.ws.user.timeZone),
      items,
    });
  });
  return histories;
}

function changeItems(site: Site, change: Change): ChangeItem[] {
  switch (change.kind) {
    case 'status': {
      const from = site.statuses.get(change.from);
      const to = site.statuses.get(change.to);
      const status: ChangeItem = {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: from?.id ?? null,
        fromString: change.from,
        to: to?.id ?? null,
        toString: change.to,
      };
      const wasDone = from?.categoryKey === 'done';
      const isDone = to?.categoryKey === 'done';
      if (wasDone === isDone) return [status];
      const resolution: ChangeItem = {
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: wasDone ? DONE_RESOLUTION.id : null,
        fromString: wasDone ? DONE_RESOLUTION.name : null,
        to: isDone ? DONE_RESOLUTION.id : null,
        toString: isDone ? DONE_RESOLUTION.name : null,
      };
      // Jira lists the resolution before the status in the same history (SP-13, SP-14).
      return [resolution, status];
    }
    case 'flag': {
      const field = site.flaggedField;
      if (!field) return [];
      const option = field.options?.find((o) => o.value === 'Impediment') ?? field.options?.[0];
      const id = option ? `[${option.id}]` : '[]';
      const name = option?.value ?? 'Impediment';
      return [
        {
          field: field.name,
          fieldtype: 'custom',
          fieldId: field.id,
          from: change.on ? null : id,
          fromString: change.on ? null : name,
          to: change.on ? id : '',
          toString: change.on ? name : '',
        },
      ];
    }
    case 'sprint': {
      const field = site.sprintField;
      if (!field) return [];
      const names = (ids: number[]) => ids.map((id) => site.sprints.get(id)?.name ?? String(id)).join(', ');
      return [
        {
          field: field.name,
          fieldtype: 'custom',
          fieldId: field.id,
          from: change.from.join(', '),
          fromString: names(change.from),
          to: change.to.join(', '),
          toString: names(change.to),
        },
      ];
    }
    case 'field': {
      const field = site.fields.get(change.fieldId);
      if (!field) return [];
      const text = (v: string | number | null) => (v === null ? null : String(v));
      const optionId = (v: string | number | null) =>
        v === null ? null : (site.optionIds.get(`${field.id}/${String(v)}`) ?? null);
      const isOption = field.schemaType === 'option';
      return [
        {
          field: field.name,
          fieldtype: field.custom ? 'custom' : 'jira',
          fieldId: field.id,
          from: isOption ? optionId(change.from) : null,
          fromString: text(change.from),
          to: isOption ? optionId(change.to) : null,
          toString: text(change.to),
        },
      ];
    }
  }
}
