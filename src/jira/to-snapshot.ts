import { z } from 'zod';
import { projectKeyOf } from '../domain/issue-key';
import type { DependencyLinkType } from '../config/schema';
import type { Dependency, FieldValue, IssueSnapshot, StatusCategory } from '../domain/snapshot';
import type { FieldCatalog } from './fields';
import { DOD_PROPERTY_KEY, readDodProperty } from './dod-property';
import { toFieldValue } from './field-values';
import { sprintFieldValueSchema, type JiraIssue } from './schemas';

/** The issue property holding a lane chosen by hand: `{"lane": "<lane id>"}`. */
export const LANE_PROPERTY_KEY = 'ml-lanes-lane';
/** The issue properties every fetch asks for. */
export const ML_LANES_PROPERTIES: readonly string[] = Object.freeze([DOD_PROPERTY_KEY, LANE_PROPERTY_KEY]);

const lanePropertySchema = z.looseObject({ lane: z.string().min(1) });
const STATUS_CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done', 'undefined'];

/**
 * The fields to ask Jira for: only what the plan reads. The sprint field only matters for linked issues
 * outside the sprint (to say where they are), and it is bulky, so sprint issues go without it.
 */
export function requestedFields(catalog: FieldCatalog, withSprint: boolean): string[] {
  const fields = ['summary', 'status', 'issuetype', 'labels', 'components', 'parent', 'issuelinks'];
  if (withSprint && catalog.sprintFieldId) fields.push(catalog.sprintFieldId);
  if (catalog.storyPointsFieldId) fields.push(catalog.storyPointsFieldId);
  return [...new Set([...fields, ...valueFieldIds(catalog)])];
}

/** The fields whose values land in `IssueSnapshot.fieldValues`: what the Definition of Done and the rules read. */
function valueFieldIds(catalog: FieldCatalog): string[] {
  return [...catalog.dodFieldIds, ...catalog.ruleFieldIds];
}

export function toIssueSnapshot(issue: JiraIssue, catalog: FieldCatalog, inScope: boolean): IssueSnapshot {
  const { fields } = issue;
  const raw = fields as Record<string, unknown>;
  const fieldValues: Record<string, FieldValue> = {};
  for (const fieldId of valueFieldIds(catalog)) {
    fieldValues[fieldId] = toFieldValue(raw[fieldId], catalog.valueSchemas.get(fieldId));
  }
  return {
    key: issue.key,
    summary: fields.summary ?? '',
    issueType: fields.issuetype?.name ?? '',
    isSubtask: fields.issuetype?.subtask ?? false,
    parentKey: fields.parent?.key ?? null,
    // Not fetched: an issue key starts with its project's current key, and `project` is bulky (avatars).
    projectKey: fields.project?.key ?? projectKeyOf(issue.key),
    status: fields.status?.name ?? '',
    statusCategory: toStatusCategory(fields.status?.statusCategory?.key),
    labels: fields.labels ?? [],
    components: (fields.components ?? []).map((component) => component.name),
    storyPoints: catalog.storyPointsFieldId ? toNumberOrNull(raw[catalog.storyPointsFieldId]) : null,
    inScope,
    hidden: false,
    sprintName: catalog.sprintFieldId ? openSprintName(raw[catalog.sprintFieldId]) : null,
    fieldValues,
    dodChecked: readDodProperty(issue.properties?.[DOD_PROPERTY_KEY]).checked,
    laneOverride: lanePropertySchema.safeParse(issue.properties?.[LANE_PROPERTY_KEY]).data?.lane ?? null,
  };
}

/** An issue Jira listed in a link but would not show this user: kept, with nothing about it but its key. */
export function hiddenIssue(key: string): IssueSnapshot {
  return {
    key,
    summary: '',
    issueType: '',
    isSubtask: false,
    parentKey: null,
    projectKey: projectKeyOf(key),
    status: '',
    statusCategory: 'undefined',
    labels: [],
    components: [],
    storyPoints: null,
    inScope: false,
    hidden: true,
    sprintName: null,
    fieldValues: {},
    dodChecked: {},
    laneOverride: null,
  };
}

export interface LinkedIssueRef {
  id: string;
  key: string;
}

/**
 * Reads an issue's dependency links. On issue X, a link with `outwardIssue: Y` reads "X <outward> Y"
 * (for Blocks: X blocks Y); with `inwardIssue: Y` it reads "X <inward> Y" (X is blocked by Y).
 * Jira lists each link on both issues; the domain removes the mirror duplicate.
 */
export function readDependencies(
  issue: JiraIssue,
  linkTypes: readonly DependencyLinkType[],
): { dependencies: Dependency[]; linked: LinkedIssueRef[] } {
  const byName = new Map(linkTypes.map((type) => [type.name.trim().toLowerCase(), type]));
  const dependencies: Dependency[] = [];
  const linked: LinkedIssueRef[] = [];
  for (const link of issue.fields.issuelinks ?? []) {
    const type = byName.get(link.type.name.trim().toLowerCase());
    const other = link.outwardIssue ?? link.inwardIssue;
    if (!type || !other) continue;
    // Is this issue on the side the link type's outward phrase ("blocks") is said of?
    const thisIsOutwardSide = link.outwardIssue !== undefined;
    const thisIsUpstream = thisIsOutwardSide === (type.upstream === 'outward');
    dependencies.push(
      thisIsUpstream
        ? { upstream: issue.key, downstream: other.key, linkType: link.type.name }
        : { upstream: other.key, downstream: issue.key, linkType: link.type.name },
    );
    linked.push({ id: other.id, key: other.key });
  }
  return { dependencies, linked };
}

function toStatusCategory(key: string | undefined): StatusCategory {
  return STATUS_CATEGORIES.find((category) => category === key) ?? 'undefined';
}

function toNumberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The active or future sprint an issue sits in (the last open one listed), or null for the backlog. */
function openSprintName(value: unknown): string | null {
  const parsed = sprintFieldValueSchema.safeParse(value);
  if (!parsed.success) return null;
  const open = parsed.data.filter((sprint) => sprint.state !== 'closed');
  return open.at(-1)?.name ?? null;
}
