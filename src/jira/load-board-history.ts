import { TZDate } from '@date-fns/tz';
import { format, subDays } from 'date-fns';
import type { MlLanesConfig } from '../config/schema';
import type {
  BoardHistory,
  CategoryChange,
  FlaggedSpan,
  IssueHistory,
  WorkCategory,
} from '../domain/forecast/model';
import { classifyIssues } from '../domain/lanes';
import type { IssueSnapshot } from '../domain/snapshot';
import { getBoard, getBoardConfiguration } from './agile';
import { fetchChangelogs, type ChangeRecord } from './changelogs';
import type { JiraClient } from './client';
import { buildFieldCatalog, listFields, type FieldCatalog } from './fields';
import { readStatusCategories, listClosedSprints, readTimeZone, toWorkCategory } from './history-sources';
import { bulkFetchIssues, searchIssueIds } from './issues';
import type { JiraBoard, JiraIssue } from './schemas';
import { readDependencies, requestedFields, toIssueSnapshot } from './to-snapshot';

/** Done issues read at most: the most recently resolved are kept, and the history says it was cut. */
export const HISTORY_ISSUE_LIMIT = 5000;
const WORKING_DAYS = [1, 2, 3, 4, 5];

export interface BoardHistoryRequest {
  boardId: number;
  config: MlLanesConfig;
  /** The history ends here: now, or the `--as-of` date a backtest replays. */
  asOf: Date;
  windowDays: number;
  /** The sprint being forecast: its issues in progress are read too, to say since when (aging work). */
  sprintId?: number;
  /** The board, when the caller has read it already. */
  board?: JiraBoard;
}

export interface LoadedBoardHistory {
  history: BoardHistory;
  /** Key of a sprint issue in progress → when it first moved into progress, from its changelog. */
  startedAt: Map<string, string>;
}

interface HistoryIssue {
  id: string;
  snapshot: IssueSnapshot;
  created: string;
  upstreamKeys: string[];
  sprintIds: number[];
}

/**
 * A board's recent past, read as cheaply as Jira allows: its closed sprints, the issues of its project done in
 * the window (one search, then bulkfetch by 100), their changelogs through `changelog/bulkfetch` (1,000 issues a
 * request, only the status, Flagged, Sprint and story-point fields), and the bugs created in the window, to see
 * which done work they were found under. Each issue is put in its lane by the current configuration.
 */
export async function loadBoardHistory(
  client: JiraClient,
  request: BoardHistoryRequest,
): Promise<LoadedBoardHistory> {
  const [board, boardConfiguration, fields, timeZone, categories, closedSprints] = await Promise.all([
    request.board ?? getBoard(client, request.boardId),
    getBoardConfiguration(client, request.boardId),
    listFields(client),
    readTimeZone(client),
    readStatusCategories(client),
    listClosedSprints(client, request.boardId),
  ]);
  const estimation = boardConfiguration.estimation;
  const catalog = buildFieldCatalog(
    fields,
    request.config,
    estimation?.type === 'field' ? (estimation.field?.fieldId ?? null) : null,
  );
  const flaggedFieldId = fields.find(
    (field) => field.custom && field.name.trim().toLowerCase() === 'flagged',
  )?.id;
  const warnings: string[] = [];

  const asOf = new TZDate(request.asOf.getTime(), timeZone);
  const from = subDays(asOf, request.windowDays);
  const projectKey = board.location?.projectKey;
  if (!projectKey) {
    warnings.push(`board ${board.id} belongs to no single project: there is no history to forecast from`);
  }
  const project = projectKey ? `project = "${projectKey}"` : null;
  // JQL reads dates in the user's time zone, the zone days are counted in here.
  const since = `"${format(from, 'yyyy-MM-dd')}"`;
  const inProgressSearch =
    request.sprintId === undefined
      ? Promise.resolve({ ids: [], complete: true })
      : searchIssueIds(client, `sprint = ${request.sprintId} AND statusCategory = "In Progress"`);
  const [done, bugs, inProgress] = project
    ? await Promise.all([
        searchIssueIds(
          client,
          `${project} AND statusCategory = Done AND resolved >= ${since} ORDER BY resolved DESC`,
          HISTORY_ISSUE_LIMIT + 1,
        ),
        searchIssueIds(client, `${project} AND issuetype = Bug AND created >= ${since}`, HISTORY_ISSUE_LIMIT),
        inProgressSearch,
      ])
    : [{ ids: [], complete: true }, { ids: [], complete: true }, await inProgressSearch];
  if (done.ids.length > HISTORY_ISSUE_LIMIT) {
    warnings.push(
      `more than ${HISTORY_ISSUE_LIMIT} issues were done in the last ${request.windowDays} days: the history holds the ${HISTORY_ISSUE_LIMIT} most recent`,
    );
  }
  if (!done.complete || !bugs.complete)
    warnings.push('Jira stopped paging the history search early; some done work may be missing');
  const doneIds = done.ids.slice(0, HISTORY_ISSUE_LIMIT);
  const doneIdSet = new Set(doneIds);
  const startedIds = inProgress.ids.filter((id) => !doneIdSet.has(id));

  const fieldsWanted = [...requestedFields(catalog, false), 'created'];
  if (catalog.sprintFieldId) fieldsWanted.push(catalog.sprintFieldId);
  const changelogFields = [
    'status',
    flaggedFieldId,
    catalog.sprintFieldId,
    catalog.storyPointsFieldId,
  ].filter((id): id is string => typeof id === 'string');
  const [fetched, bugIssues, started, changelogs] = await Promise.all([
    bulkFetchIssues(
      client,
      doneIds,
      { fields: fieldsWanted, properties: [] },
      (issue) => readHistoryIssue(issue, catalog, request.config),
      { askAgainForMissing: true },
    ),
    bulkFetchIssues(
      client,
      bugs.ids,
      { fields: ['issuelinks', 'parent', 'created'], properties: [] },
      readBug,
    ),
    // Changelogs name issues by id only: the keys of the sprint's issues in progress come from here.
    bulkFetchIssues(client, startedIds, { fields: ['status'], properties: [] }, (issue) => issue),
    fetchChangelogs(client, [...doneIds, ...startedIds], changelogFields),
  ]);
  if (fetched.missingIds.length > 0 || fetched.unfetchedIds.length > 0) {
    warnings.push(
      `${fetched.missingIds.length + fetched.unfetchedIds.length} done issues could not be read; the history leaves them out`,
    );
  }
  if (!changelogs.complete)
    warnings.push("Jira stopped paging some issues' changelogs early; their history may be short");

  const lanes = classifyIssues(
    fetched.items.map((item) => item.snapshot),
    request.config,
    catalog.siteFields,
  );
  const defectsByKey = new Map<string, { key: string; created: string }[]>();
  for (const bug of bugIssues.items) {
    for (const target of bug.under) {
      const list = defectsByKey.get(target) ?? [];
      list.push({ key: bug.key, created: bug.created });
      defectsByKey.set(target, list);
    }
  }
  const issues: IssueHistory[] = fetched.items.map((item) => {
    const records = changelogs.byIssueId.get(item.id) ?? [];
    return {
      key: item.snapshot.key,
      lane: lanes.get(item.snapshot.key)?.lane ?? null,
      issueType: item.snapshot.issueType,
      created: item.created,
      categories: categoryTimeline(
        item.created,
        records,
        categories,
        toWorkCategory(item.snapshot.statusCategory),
      ),
      flagged: flaggedSpans(records, flaggedFieldId),
      storyPoints: item.snapshot.storyPoints,
      sprintIds: [...new Set([...item.sprintIds, ...sprintIdsIn(records, catalog.sprintFieldId)])],
      upstreamKeys: item.upstreamKeys,
      defects: defectsByKey.get(item.snapshot.key) ?? [],
    };
  });

  const startedAt = new Map<string, string>();
  for (const issue of started.items) {
    const first = (changelogs.byIssueId.get(issue.id) ?? []).find((record) =>
      record.items.some(
        (item) => item.fieldId === 'status' && categories.get(item.to ?? '') === 'indeterminate',
      ),
    );
    if (first) startedAt.set(issue.key, new Date(first.at).toISOString());
  }

  return {
    history: {
      timeZone,
      workingDays: WORKING_DAYS,
      window: { from: from.toISOString(), to: asOf.toISOString() },
      lanes: request.config.lanes.map((lane) => lane.id),
      closedSprints: closedSprints.filter(
        (sprint) => Date.parse(sprint.completeDate) <= request.asOf.getTime(),
      ),
      issues,
      warnings,
    },
    startedAt,
  };
}

function readHistoryIssue(issue: JiraIssue, catalog: FieldCatalog, config: MlLanesConfig): HistoryIssue {
  const raw = issue.fields as Record<string, unknown>;
  const snapshot = toIssueSnapshot(issue, catalog, true);
  const upstreamKeys = readDependencies(issue, config.dependencyLinkTypes)
    .dependencies.filter((dependency) => dependency.downstream === issue.key)
    .map((dependency) => dependency.upstream);
  return {
    id: issue.id,
    snapshot,
    created: typeof raw.created === 'string' ? raw.created : '',
    upstreamKeys,
    sprintIds: catalog.sprintFieldId ? sprintIdsOf(raw[catalog.sprintFieldId]) : [],
  };
}

/** A bug and the issues it was found under: its parent, and every issue it is linked to. */
function readBug(issue: JiraIssue): { key: string; created: string; under: string[] } {
  const raw = issue.fields as Record<string, unknown>;
  const under = (issue.fields.issuelinks ?? []).flatMap((link) => {
    const other = link.outwardIssue ?? link.inwardIssue;
    return other ? [other.key] : [];
  });
  if (issue.fields.parent) under.push(issue.fields.parent.key);
  return { key: issue.key, created: typeof raw.created === 'string' ? raw.created : '', under };
}

function sprintIdsOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((sprint: unknown) =>
    typeof sprint === 'object' && sprint !== null && typeof (sprint as { id?: unknown }).id === 'number'
      ? [(sprint as { id: number }).id]
      : [],
  );
}

/** Sprint field items name sprints by id, comma-separated ("12, 13"). */
function sprintIdsIn(records: readonly ChangeRecord[], sprintFieldId: string | null): number[] {
  if (!sprintFieldId) return [];
  const ids: number[] = [];
  for (const record of records) {
    for (const item of record.items) {
      if (item.fieldId !== sprintFieldId) continue;
      for (const text of `${item.from ?? ''},${item.to ?? ''}`.split(',')) {
        const id = Number(text.trim());
        if (text.trim() !== '' && Number.isInteger(id)) ids.push(id);
      }
    }
  }
  return ids;
}

/**
 * The category an issue was in from its creation on: the first status change's `from` gives where it started
 * (or its status now, when it never moved); each change then moves it to its `to` status's category.
 */
function categoryTimeline(
  created: string,
  records: readonly ChangeRecord[],
  categories: ReadonlyMap<string, WorkCategory>,
  now: WorkCategory,
): CategoryChange[] {
  const moves = records.flatMap((record) =>
    record.items
      .filter((item) => item.fieldId === 'status')
      .map((item) => ({ at: record.at, from: item.from, to: item.to })),
  );
  const first = moves[0];
  const initial = first ? (categories.get(first.from ?? '') ?? 'new') : now;
  const timeline: CategoryChange[] = [{ at: created, category: initial }];
  for (const move of moves) {
    const category = categories.get(move.to ?? '');
    if (category) timeline.push({ at: new Date(move.at).toISOString(), category });
  }
  return timeline;
}

/** Flagged is set by a non-empty `to` ("Impediment") and cleared by an empty one. */
function flaggedSpans(records: readonly ChangeRecord[], flaggedFieldId: string | undefined): FlaggedSpan[] {
  if (!flaggedFieldId) return [];
  const spans: FlaggedSpan[] = [];
  let open: string | null = null;
  for (const record of records) {
    for (const item of record.items) {
      if (item.fieldId !== flaggedFieldId) continue;
      const on = (item.to ?? '') !== '' || (item.toString ?? '') !== '';
      const at = new Date(record.at).toISOString();
      if (on && open === null) open = at;
      else if (!on && open !== null) {
        spans.push({ from: open, to: at });
        open = null;
      }
    }
  }
  if (open !== null) spans.push({ from: open, to: null });
  return spans;
}
