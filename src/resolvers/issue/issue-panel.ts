import { z } from 'zod';
import type { DoneTransitionCheck, IssueHandoff, IssuePanelView } from '../../contract/issue-api';
import { dodEvaluator } from '../../domain/dod';
import type { JiraClient } from '../../jira/client';
import {
  DOD_PROPERTY_KEY,
  readDodProperty,
  withTick,
  type DodProperty,
  type DodPropertyValue,
} from '../../jira/dod-property';
import { readIssueProperty, writeIssueProperty } from '../../jira/issue-properties';
import { canEditIssue } from '../../jira/permissions';
import { LANE_PROPERTY_KEY } from '../../jira/to-snapshot';
import { MemoryStore, type KeyValueStore } from '../../storage/key-value-store';
import { withLock } from '../../storage/lock';
import { DEFAULT_TIME_BUDGET_MS, jiraClientFor, type ResolverDeps } from '../deps';
import { dodItemIdSchema, issueKeySchema, laneIdSchema } from '../payload-fields';
import type { ForgeContext } from '../request';
import { loadIssueContext, type IssueContext } from './load-issue';
import { BadRequestError, ForbiddenWriteError, JiraError } from '../../errors';

const issuePayload = z.strictObject({ issueKey: issueKeySchema.optional() }).default({});
const tickPayload = z.strictObject({
  issueKey: issueKeySchema.optional(),
  itemId: dodItemIdSchema,
  checked: z.boolean(),
});
const overridePayload = z.strictObject({
  issueKey: issueKeySchema.optional(),
  lane: laneIdSchema.nullable(),
});

/** Without a shared store (tests, one process) locks live in memory; Forge passes its KVS. */
const processLocks = new MemoryStore();

function issueKeyOf(payload: { issueKey?: string }, context: ForgeContext): string {
  const key = payload.issueKey ?? context.extension.issue?.key;
  if (!key) throw new BadRequestError('Open ML Lanes from an issue, or name one: no issue was given.');
  return issueKeySchema.parse(key);
}

export async function getIssuePanel(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuePanelView> {
  const key = issueKeyOf(issuePayload.parse(payload), context);
  const client = jiraClientFor(deps, context);
  return panelView(client, await loadIssueContext(client, deps.configs, key), key);
}

/**
 * Ticks or unticks one manual item. Read-merge-write under a lock, so two people ticking different items at the
 * same moment both stick; written as the user, so Jira's edit permission decides who may tick.
 */
export async function setDodItem(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuePanelView> {
  const request = tickPayload.parse(payload);
  const key = issueKeyOf(request, context);
  const client = jiraClientFor(deps, context);
  const before = await loadIssueContext(client, deps.configs, key);
  const lane = before.issue.lane;
  const template = lane === null ? undefined : before.config.dod[lane];
  const item = template?.items.find((each) => each.id === request.itemId);
  if (!item || item.kind !== 'manual') {
    throw new BadRequestError(
      `"${request.itemId}" is not a box to tick in the ${lane ?? 'unclassified'} lane's Definition of Done.`,
    );
  }
  await rewriteDodProperty(deps, client, key, before, (stored) =>
    withTick(stored, item.id, request.checked, {
      by: context.accountId ?? null,
      at: new Date((deps.now ?? Date.now)()).toISOString(),
    }),
  );
  return panelView(client, await loadIssueContext(client, deps.configs, key), key);
}

export async function setLaneOverride(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuePanelView> {
  const request = overridePayload.parse(payload);
  const key = issueKeyOf(request, context);
  const client = jiraClientFor(deps, context);
  // Jira first: someone who cannot see the issue learns nothing, not even which lanes exist.
  const { config } = await loadIssueContext(client, deps.configs, key);
  if (request.lane !== null && !config.lanes.some((lane) => lane.id === request.lane)) {
    throw new BadRequestError(`There is no lane "${request.lane}".`);
  }
  await writeAsUser(key, () => writeIssueProperty(client, key, LANE_PROPERTY_KEY, { lane: request.lane }));
  // The searchable summary names the lane and its checklist: bring it in line with the new lane.
  const after = await loadIssueContext(client, deps.configs, key);
  await rewriteDodProperty(deps, client, key, after, (stored) => stored);
  return panelView(client, after, key);
}

export async function checkDoneTransition(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<DoneTransitionCheck> {
  const key = issueKeyOf(issuePayload.parse(payload), context);
  const client = jiraClientFor(deps, context);
  return doneGate(await loadIssueContext(client, deps.configs, key));
}

/**
 * The Done-transition gate: refuses while a required item is unmet, but only where the lane enforces its
 * Definition of Done. An issue with no lane, or a lane without enforcement, is never blocked.
 */
export function doneGate({ issue, config }: IssueContext): DoneTransitionCheck {
  const template = issue.lane === null ? undefined : config.dod[issue.lane];
  if (!template?.enforce) return { allowed: true, message: '', unmet: [] };
  const unmet = issue.dod.items.filter((item) => !item.met).map((item) => `${item.label} (${item.detail})`);
  if (unmet.length === 0) return { allowed: true, message: '', unmet: [] };
  const laneName = config.lanes.find((lane) => lane.id === issue.lane)?.name ?? issue.lane;
  return {
    allowed: false,
    message: `${issue.key} cannot be Done yet: the ${laneName} Definition of Done is not met: ${unmet.join('; ')}.`,
    unmet,
  };
}

/**
 * Read-merge-write of the `ml-lanes-dod` property under a lock (Jira has no compare-and-set for properties), as
 * the user, with the summary JQL searches recomputed from the merged ticks.
 */
async function rewriteDodProperty(
  deps: ResolverDeps,
  client: JiraClient,
  key: string,
  context: IssueContext,
  change: (stored: DodProperty) => DodProperty,
): Promise<void> {
  await withLock(
    locksOf(deps),
    `lock:dod:${key}`,
    async (lease) => {
      const stored = change(readDodProperty(await readIssueProperty(client, key, DOD_PROPERTY_KEY)));
      await lease.confirm();
      await writeAsUser(key, () =>
        writeIssueProperty(client, key, DOD_PROPERTY_KEY, summarise(context, stored)),
      );
    },
    // Waiting for another writer spends at most half the time budget: the other half reads and writes.
    { waitMs: (deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS) / 2 },
  );
}

function locksOf(deps: ResolverDeps): KeyValueStore {
  return deps.locks ?? processLocks;
}

/** Jira answers 403 to someone who may not edit the issue: say it in words. */
async function writeAsUser(key: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof JiraError && error.code === 'forbidden') {
      throw new ForbiddenWriteError(
        `You cannot edit ${key}, so you cannot change its ML Lanes checklist or lane.`,
      );
    }
    throw error;
  }
}

/** The stored ticks plus the summary JQL searches on, evaluated with the ticks just merged in. */
function summarise(context: IssueContext, stored: DodProperty): DodPropertyValue {
  const evaluate = dodEvaluator(context.config, context.siteFields);
  const dod = evaluate({ ...context.snapshot, dodChecked: stored.checked }, context.issue.lane);
  return {
    checked: stored.checked,
    ticks: stored.ticks,
    met: dod.met,
    total: dod.total,
    complete: dod.met === dod.total ? 'yes' : 'no',
    lane: context.issue.lane ?? '',
  };
}

async function panelView(client: JiraClient, context: IssueContext, key: string): Promise<IssuePanelView> {
  const { plan, issue, config } = context;
  const byKey = new Map(plan.issues.map((each) => [each.key, each]));
  const ticks = readDodProperty(context.dodProperty).ticks;
  const toHandoff = (otherKey: string, blocked: boolean, reasons: IssueHandoff['reasons']): IssueHandoff => {
    const other = byKey.get(otherKey);
    return {
      key: otherKey,
      summary: other?.hidden ? '' : (other?.summary ?? ''),
      lane: other?.lane ?? null,
      status: other?.status ?? '',
      statusCategory: other?.statusCategory ?? 'undefined',
      hidden: other?.hidden ?? true,
      blocked,
      reasons,
    };
  };
  return {
    key: issue.key,
    summary: issue.summary,
    lane: issue.lane,
    laneRule: issue.laneRule,
    override: context.snapshot.laneOverride,
    lanes: config.lanes.map(({ id, name, color }) => ({ id, name, color: color ?? null })),
    canEdit: await canEditIssue(client, key),
    upstream: plan.handoffs
      .filter((h) => h.to === issue.key)
      .map((h) => toHandoff(h.from, h.blocked, h.reasons)),
    downstream: plan.handoffs
      .filter((h) => h.from === issue.key)
      .map((h) => toHandoff(h.to, h.blocked, h.reasons)),
    dod: {
      met: issue.dod.met,
      total: issue.dod.total,
      enforced: issue.lane !== null && config.dod[issue.lane]?.enforce === true,
      items: issue.dod.items.map((item) => ({
        ...item,
        checkedBy: item.kind === 'manual' ? (ticks[item.id]?.by ?? null) : null,
        checkedAt: item.kind === 'manual' ? (ticks[item.id]?.at ?? null) : null,
      })),
    },
  };
}
