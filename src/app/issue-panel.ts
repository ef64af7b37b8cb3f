import type { IssueHandoff, IssuePanelView } from '../contract/issue-api';
import { isDodEnforced } from '../domain/done-gate';
import { canEditIssue } from '../jira/permissions';
import { loadIssueContext, type IssueContext, type IssueReadDeps } from './issue-context';
import { evidenceView, readEvidence } from './issue-evidence';

/** The issue panel: the issue's lane and rule, what it waits on and what waits on it, and its checklist. */
export async function showIssuePanel(deps: IssueReadDeps, issueKey: string): Promise<IssuePanelView> {
  return issuePanelView(deps, await loadIssueContext(deps, issueKey));
}

/** The panel's view of an issue context; Jira says whether the user may tick and override. */
export async function issuePanelView(
  deps: Pick<IssueReadDeps, 'client'>,
  context: IssueContext,
): Promise<IssuePanelView> {
  const { plan, issue, config } = context;
  const byKey = new Map(plan.issues.map((each) => [each.key, each]));
  const ticks = context.dod.ticks;
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
  // The evidence ML tools posted is read beside the permission check, as the user, on every view of the panel.
  const [canEdit, evidence] = await Promise.all([
    canEditIssue(deps.client, issue.key),
    readEvidence(deps.client, issue.key).then((read) => evidenceView(read, context)),
  ]);
  return {
    key: issue.key,
    summary: issue.summary,
    lane: issue.lane,
    laneRule: issue.laneRule,
    override: context.snapshot.laneOverride,
    lanes: config.lanes.map(({ id, name, color }) => ({ id, name, color: color ?? null })),
    canEdit,
    upstream: plan.handoffs
      .filter((h) => h.to === issue.key)
      .map((h) => toHandoff(h.from, h.blocked, h.reasons)),
    downstream: plan.handoffs
      .filter((h) => h.from === issue.key)
      .map((h) => toHandoff(h.to, h.blocked, h.reasons)),
    dod: {
      met: issue.dod.met,
      total: issue.dod.total,
      enforced: isDodEnforced(config, issue.lane),
      items: issue.dod.items.map((item) => ({
        ...item,
        checkedBy: item.kind === 'manual' ? (ticks[item.id]?.by ?? null) : null,
        checkedAt: item.kind === 'manual' ? (ticks[item.id]?.at ?? null) : null,
      })),
    },
    ...(evidence ? { evidence } : {}),
  };
}
