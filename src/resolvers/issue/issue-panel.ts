import { z } from 'zod';
import { checkDone } from '../../app/check-done';
import { showIssuePanel } from '../../app/issue-panel';
import type { IssueWriteDeps } from '../../app/issue-writes';
import { overrideLane } from '../../app/override-lane';
import { tickDodItem } from '../../app/tick-dod-item';
import type { DoneTransitionCheck, IssuePanelView } from '../../contract/issue-api';
import { MemoryStore } from '../../storage/key-value-store';
import { DEFAULT_TIME_BUDGET_MS, jiraClientFor, type ResolverDeps } from '../deps';
import { dodItemIdSchema, issueKeySchema, laneIdSchema } from '../payload-fields';
import type { ForgeContext } from '../request';
import { BadRequestError } from '../../errors';

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

/** The issue named in the payload, else the one the panel is open on. */
function issueKeyOf(payload: { issueKey?: string | undefined }, context: ForgeContext): string {
  const key = payload.issueKey ?? context.extension.issue?.key;
  if (!key) throw new BadRequestError('Open ML Lanes from an issue, or name one: no issue was given.');
  return issueKeySchema.parse(key);
}

function writeDeps(deps: ResolverDeps, context: ForgeContext): IssueWriteDeps {
  return {
    client: jiraClientFor(deps, context),
    configs: deps.configs,
    locks: deps.locks ?? processLocks,
    // Waiting for another writer spends at most half the time budget: the other half reads and writes.
    lockWaitMs: (deps.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS) / 2,
  };
}

export async function getIssuePanel(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuePanelView> {
  const key = issueKeyOf(issuePayload.parse(payload), context);
  return showIssuePanel({ client: jiraClientFor(deps, context), configs: deps.configs }, key);
}

export async function setDodItem(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuePanelView> {
  const request = tickPayload.parse(payload);
  return tickDodItem(
    { ...writeDeps(deps, context), now: deps.now ?? Date.now },
    {
      issueKey: issueKeyOf(request, context),
      itemId: request.itemId,
      checked: request.checked,
      by: context.accountId ?? null,
    },
  );
}

export async function setLaneOverride(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<IssuePanelView> {
  const request = overridePayload.parse(payload);
  return overrideLane(writeDeps(deps, context), {
    issueKey: issueKeyOf(request, context),
    lane: request.lane,
  });
}

export async function checkDoneTransition(
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
): Promise<DoneTransitionCheck> {
  const key = issueKeyOf(issuePayload.parse(payload), context);
  return checkDone({ client: jiraClientFor(deps, context), configs: deps.configs }, key);
}
