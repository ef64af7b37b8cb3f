/**
 * The domain's own view of a sprint: what the planning engine needs, in its own words.
 * The Jira adapter maps Jira's JSON onto these shapes; nothing here knows Jira's field ids or paging.
 */

import type { StatusCategory } from '../contract/plan-view';

export type { StatusCategory };

export interface SiteField {
  id: string;
  name: string;
}

/**
 * Finds site fields the way a person names them: by id ("customfield_10042"), else by display name
 * (case-insensitive). Jira allows two custom fields with one name, so a name can give several; built once,
 * then each look-up is a map read. Used by the adapter (which fields to fetch) and the domain (which to read).
 */
export function siteFieldLookup<T extends SiteField>(fields: readonly T[]): (idOrName: string) => T[] {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const byName = new Map<string, T[]>();
  for (const field of fields) {
    const name = field.name.trim().toLowerCase();
    const sameName = byName.get(name);
    if (sameName) sameName.push(field);
    else byName.set(name, [field]);
  }
  return (idOrName) => {
    const exact = byId.get(idOrName.trim());
    return exact ? [exact] : (byName.get(idOrName.trim().toLowerCase()) ?? []);
  };
}

/**
 * A field's value as a person sees it, converted once from Jira's JSON by the adapter (`jira/field-values.ts`).
 * Rich text arrives as its words, options and users by their value or name, lists element by element, so the
 * lane rules and the Definition of Done read the same thing. Text is trimmed and never empty; `texts` holds at
 * least one non-empty text; anything unset or unreadable is `absent`.
 */
export type FieldValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** Several values: labels, multi-selects, checkboxes, people, a cascading select's parent and child. */
  | { readonly kind: 'texts'; readonly texts: readonly string[] }
  /** A date or date-time field, as Jira wrote it (`2023-09-22`, `2023-07-12T16:00:00.000+0100`). */
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'absent' };

/** A field value as texts, the way people read it: one text per value (none when absent). */
export function fieldTexts(value: FieldValue | undefined): readonly string[] {
  switch (value?.kind) {
    case 'text':
      return [value.text];
    case 'number':
      return [String(value.value)];
    case 'texts':
      return value.texts;
    case 'date':
      return [value.iso];
    case 'absent':
    case undefined:
      return [];
  }
}

export interface IssueSnapshot {
  key: string;
  summary: string;
  issueType: string;
  isSubtask: boolean;
  /** Parent issue key (sub-task's parent, or epic), if any. */
  parentKey: string | null;
  projectKey: string;
  status: string;
  statusCategory: StatusCategory;
  labels: string[];
  components: string[];
  storyPoints: number | null;
  /** True for issues in the planned sprint; false for linked issues pulled in from elsewhere. */
  inScope: boolean;
  /** True when Jira listed the issue in a link but would not return its details to this user. */
  hidden: boolean;
  /** Where an out-of-scope issue sits: another sprint's name, or null for the backlog / unknown. */
  sprintName: string | null;
  /** Values of the site fields the Definition of Done and the `conditions` rules read, by field id. */
  fieldValues: Record<string, FieldValue>;
  /** Manual Definition-of-Done items ticked on the issue (issue property `ml-lanes-dod`). */
  dodChecked: Record<string, boolean>;
  /** A lane someone chose by hand on the issue (issue property `ml-lanes-lane`), or null. */
  laneOverride: string | null;
}

/** `upstream` must finish before `downstream` can (Jira: upstream "blocks" downstream). */
export interface Dependency {
  upstream: string;
  downstream: string;
  linkType: string;
}

export interface SprintInfo {
  id: number;
  name: string;
  state: 'active' | 'future' | 'closed';
  goal: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface PlanSnapshot {
  site: string;
  board: { id: number; name: string };
  sprint: SprintInfo;
  issues: IssueSnapshot[];
  dependencies: Dependency[];
  /** The site's fields, so the Definition of Done can tell "empty" from "no such field". */
  siteFields: SiteField[];
  /** What could not be read in time, in words (the plan is partial when this is not empty). */
  warnings: string[];
}
