import type { BulkFetchResult } from './issues';

/** Ids named in a warning at most; the rest are counted. */
const MAX_NAMED = 20;

/**
 * What the plan must say about the sprint's own issues when it may not hold them all. Search hands ids only, so
 * the missing are named by id (`id in (...)` finds them in Jira).
 */
export function sprintWarnings(
  found: number,
  searchComplete: boolean,
  inScope: Pick<BulkFetchResult<unknown>, 'missingIds' | 'missingReasons' | 'unfetchedIds'>,
): string[] {
  const warnings: string[] = [];
  if (!searchComplete) {
    warnings.push(
      `Jira's search stopped making progress (it handed back a page it had already sent), so ML Lanes stopped after ${found} sprint issues: the sprint may hold more issues than this plan shows`,
    );
  }
  if (inScope.missingIds.length > 0) {
    const reasons = inScope.missingReasons
      .slice(0, 3)
      .map((reason) => reason.replace(/\s+/g, ' ').slice(0, 200));
    const said = reasons.length > 0 ? `; Jira said: ${reasons.join(' / ')}` : '';
    warnings.push(
      `Jira did not return ${inScope.missingIds.length} of ${found} sprint issues, even when asked twice; they and their handoffs are left out: issue ids ${nameIds(inScope.missingIds)}${said}`,
    );
  }
  if (inScope.unfetchedIds.length > 0) {
    warnings.push(
      `${inScope.unfetchedIds.length} of ${found} sprint issues could not be loaded in time; they and their handoffs are left out: issue ids ${nameIds(inScope.unfetchedIds)}`,
    );
  }
  return warnings;
}

function nameIds(ids: readonly string[]): string {
  const named = ids.slice(0, MAX_NAMED).join(', ');
  return ids.length > MAX_NAMED ? `${named} and ${ids.length - MAX_NAMED} more` : named;
}
