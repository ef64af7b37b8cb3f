import { describeHandoff } from '../contract/describe-handoff';
import type { IssueView, LaneView, PlanView } from '../contract/plan-view';

/** A readable sprint report: blocked handoffs first, then lanes, the critical chain and the Definition of Done. */
export function renderMarkdown(plan: PlanView): string {
  const issuesByKey = new Map(plan.issues.map((issue) => [issue.key, issue]));
  const lanesById = new Map(plan.lanes.map((lane) => [lane.id, lane]));
  const { scope, summary } = plan;
  const lines: string[] = [];

  lines.push(`# ${md(scope.sprintName)} — ML Lanes plan`, '');
  lines.push(
    `Board ${scope.boardId} (${md(scope.boardName)}) on ${md(scope.site)} · sprint ${scope.sprintId}, ${scope.sprintState}`,
  );
  if (scope.startDate || scope.endDate) lines.push(`Dates: ${day(scope.startDate)} → ${day(scope.endDate)}`);
  if (scope.sprintGoal) lines.push(`Goal: ${md(scope.sprintGoal)}`);
  lines.push('');
  lines.push(
    `${summary.issues} issues (${summary.classified} in a lane) · ${summary.handoffs} handoffs, ` +
      `**${summary.blockedHandoffs} blocked** · Definition of Done ${summary.dodMet}/${summary.dodTotal} items met`,
    '',
  );

  if (plan.warnings.length > 0) {
    // Before anything else: a reader must know the plan may be missing issues before trusting its figures.
    lines.push(`## Warnings (${plan.warnings.length})`, '');
    for (const warning of plan.warnings) lines.push(`- ${md(warning)}`);
    lines.push('');
  }

  const blocked = plan.handoffs.filter((handoff) => handoff.blocked);
  lines.push(`## Blocked handoffs (${blocked.length})`, '');
  if (blocked.length === 0) lines.push('None: every handoff into this sprint has its upstream done.');
  for (const handoff of blocked) {
    lines.push(`- ${md(describeHandoff(handoff, issuesByKey, lanesById))} _(${handoff.reasons.join(', ')})_`);
  }
  lines.push('');

  if (plan.criticalChain.length > 0) {
    lines.push(
      '## Critical chain',
      '',
      plan.criticalChain.map((key) => chainStep(key, issuesByKey)).join(' → '),
      '',
    );
  }
  if (plan.cycles.length > 0) {
    lines.push('## Dependency cycles', '');
    for (const cycle of plan.cycles) lines.push(`- ${cycle.join(' → ')} → ${cycle[0] ?? ''}`);
    lines.push('');
  }

  lines.push('## Lanes', '');
  const inScope = plan.issues.filter((issue) => issue.inScope);
  for (const lane of plan.lanes) {
    lines.push(`### ${md(lane.name)} — ${laneFigures(lane)}`, '');
    pushIssueTable(
      lines,
      inScope.filter((issue) => issue.lane === lane.id),
    );
  }
  const unclassified = inScope.filter((issue) => issue.lane === null);
  if (unclassified.length > 0) {
    lines.push(`### Unclassified — ${unclassified.length} issue${unclassified.length === 1 ? '' : 's'}`, '');
    for (const issue of unclassified)
      lines.push(`- ${issue.key} ${md(issue.summary)}: ${md(issue.laneRule)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function pushIssueTable(lines: string[], issues: IssueView[]): void {
  if (issues.length === 0) {
    lines.push('_No issues._', '');
    return;
  }
  lines.push('| Issue | Summary | Status | SP | DoD | Blocked |', '|---|---|---|---|---|---|');
  for (const issue of issues) {
    const unmet = issue.dod.items.filter((item) => !item.met).map((item) => item.label);
    const dod =
      issue.dod.total === 0
        ? '—'
        : `${issue.dod.met}/${issue.dod.total}${unmet.length ? ` (missing: ${unmet.join('; ')})` : ''}`;
    lines.push(
      `| ${issue.key} | ${md(issue.summary)} | ${md(issue.status)} | ${issue.storyPoints ?? ''} | ${md(dod)} | ${issue.blocked ? 'blocked' : ''} |`,
    );
  }
  lines.push('');
}

function laneFigures(lane: LaneView): string {
  const capacity =
    lane.capacity === null ? '' : ` of ${lane.capacity}${lane.overCapacity ? ' (over capacity)' : ''}`;
  const wip =
    lane.wipLimit === null
      ? ''
      : `, WIP ${lane.inProgress}/${lane.wipLimit}${lane.overWipLimit ? ' (over limit)' : ''}`;
  return `${lane.issues} issues, ${lane.storyPoints} story points${capacity}${wip}`;
}

function chainStep(key: string, issuesByKey: ReadonlyMap<string, IssueView>): string {
  const issue = issuesByKey.get(key);
  return issue && !issue.hidden ? `${key} ${md(issue.summary)} (${md(issue.status)})` : key;
}

function day(value: string | null): string {
  return value ? value.slice(0, 10) : '?';
}

/** Summaries are data: escape what Markdown or HTML would otherwise interpret, and keep each on one line. */
export function md(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_{}[\]<>|#&~]/g, (char) =>
      char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : `\\${char}`,
    );
}
