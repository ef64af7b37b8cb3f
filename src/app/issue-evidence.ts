import type { EvidenceDeliveryView, EvidenceDodItem, IssueEvidenceView } from '../contract/issue-api';
import {
  EVIDENCE_FIELD_SPECS,
  EVIDENCE_TOOL_NAMES,
  type EvidenceField,
} from '../domain/evidence/evidence-event';
import {
  EVIDENCE_PROPERTY_KEY,
  readHistory,
  type EvidenceHistory,
  type EvidenceHistoryEntry,
} from '../domain/evidence/evidence-history';
import { siteFieldLookup } from '../domain/snapshot';
import type { JiraClient } from '../jira/client';
import { readIssueProperty } from '../jira/issue-properties';
import type { IssueContext } from './issue-context';

/**
 * The issue panel's Evidence section: the newest delivery of each ML tool to the issue (from the
 * `ml-lanes-evidence` property the consumer writes, read as the user), its values, and which of the issue's
 * Definition of Done automatic items read the fields it set. A DoD item names a field by display name or id;
 * it reads an evidence field when that name is the field's ("ML holdout accuracy") or the id is a site field
 * of that name.
 */

export type EvidenceRead = { history: EvidenceHistory } | { problem: string };

/** The property as the user may read it; a failure is a problem to show, never a failed panel. */
export async function readEvidence(client: JiraClient, issueKey: string): Promise<EvidenceRead> {
  try {
    return { history: readHistory(await readIssueProperty(client, issueKey, EVIDENCE_PROPERTY_KEY)) };
  } catch (error) {
    console.error('ML Lanes could not read the evidence of an issue', error);
    return { problem: 'The evidence from ML tools could not be read; the rest of the panel is up to date.' };
  }
}

/** The section's view, or undefined when no tool ever posted to the issue (the panel then shows nothing). */
export function evidenceView(read: EvidenceRead, context: IssueContext): IssueEvidenceView | undefined {
  if ('problem' in read) return { deliveries: [], problem: read.problem };
  const { history } = read;
  const latest = Object.values(history.latest).filter(
    (entry): entry is EvidenceHistoryEntry => entry !== undefined,
  );
  if (latest.length === 0) return undefined;
  const itemsOf = dodItemsByField(context);
  const deliveries = latest
    .sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime))
    .map((entry): EvidenceDeliveryView => {
      const link = entry.link && isHttps(entry.link.url) ? entry.link : null;
      return {
        tool: entry.tool,
        toolName: EVIDENCE_TOOL_NAMES[entry.tool],
        kind: entry.kind,
        subject: entry.subject ?? null,
        eventTime: entry.eventTime,
        link,
        values: entry.values.map(({ field, value }) => ({
          field,
          fieldName: EVIDENCE_FIELD_SPECS[field].name,
          value,
          current: history.fields[field]?.deliveryId === entry.deliveryId,
          dodItems: itemsOf(field),
        })),
        counters: entry.counters ?? null,
      };
    });
  return { deliveries, problem: null };
}

/** The issue's automatic DoD items (its lane's template) that read each evidence field. */
function dodItemsByField(context: IssueContext): (field: EvidenceField) => EvidenceDodItem[] {
  const lane = context.issue.lane;
  const template = lane === null ? undefined : context.config.dod[lane];
  const fieldsNamed = siteFieldLookup(context.neighbourhood.siteFields);
  const outcome = new Map(context.issue.dod.items.map((item) => [item.id, item]));
  return (field) => {
    const name = EVIDENCE_FIELD_SPECS[field].name.toLowerCase();
    return (template?.items ?? []).flatMap((item) => {
      if (item.kind !== 'auto') return [];
      const names = [item.field, ...fieldsNamed(item.field).map((site) => site.name)];
      if (!names.some((each) => each.trim().toLowerCase() === name)) return [];
      const evaluated = outcome.get(item.id);
      return [
        {
          id: item.id,
          label: item.label,
          met: evaluated?.met ?? false,
          detail: evaluated?.detail ?? '',
        },
      ];
    });
  };
}

/** Only https links reach the panel, whatever the property holds. */
function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
