import { dodSummary } from '../domain/dod-summary';
import {
  DOD_PROPERTY_KEY,
  readDodProperty,
  type DodProperty,
  type DodPropertyValue,
} from '../jira/dod-property';
import { readIssueProperty, writeIssueProperty } from '../jira/issue-properties';
import type { KeyValueStore } from '../storage/key-value-store';
import { withLock } from '../storage/lock';
import { ForbiddenWriteError, JiraError } from '../errors';
import { withDod, type IssueContext, type IssueReadDeps } from './issue-context';

/** What changing an issue needs beyond reading it: where the per-issue locks live, and how long to wait for one. */
export interface IssueWriteDeps extends IssueReadDeps {
  locks: KeyValueStore;
  /** Longest wait for another writer of the same issue's checklist. */
  lockWaitMs: number;
}

/**
 * Read-merge-write of the `ml-lanes-dod` property under a lock (Jira has no compare-and-set for properties), as
 * the user, with the summary JQL searches recomputed from the merged ticks. Answers the context as it stands
 * after the write, planned again from what was read rather than read again.
 */
export async function rewriteDod(
  deps: IssueWriteDeps,
  context: IssueContext,
  change: (stored: DodProperty) => DodProperty,
): Promise<IssueContext> {
  const key = context.issue.key;
  return withLock(
    deps.locks,
    `lock:dod:${key}`,
    async (lease) => {
      const stored = change(readDodProperty(await readIssueProperty(deps.client, key, DOD_PROPERTY_KEY)));
      const after = withDod(context, stored);
      const value: DodPropertyValue = {
        checked: stored.checked,
        ticks: stored.ticks,
        ...dodSummary(after.issue),
      };
      await lease.confirm();
      await writeAsUser(key, () => writeIssueProperty(deps.client, key, DOD_PROPERTY_KEY, value));
      return after;
    },
    { waitMs: deps.lockWaitMs },
  );
}

/** Jira answers 403 to someone who may not edit the issue: say it in words. */
export async function writeAsUser(key: string, write: () => Promise<void>): Promise<void> {
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
