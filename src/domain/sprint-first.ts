import type { IssueSnapshot } from './snapshot';

/** Sprint issues first, then linked ones, in snapshot order; a repeated key keeps its first copy. */
export function sprintFirst(issues: readonly IssueSnapshot[]): IssueSnapshot[] {
  const seen = new Set<string>();
  const sprint: IssueSnapshot[] = [];
  const linked: IssueSnapshot[] = [];
  for (const issue of issues) {
    if (seen.has(issue.key)) continue;
    seen.add(issue.key);
    (issue.inScope ? sprint : linked).push(issue);
  }
  return sprint.concat(linked);
}
