import { openIssue } from './forge';

/** An issue key the person can click (or press Enter on) to open the issue in Jira, in a new tab. */
export function KeyLink({ issueKey }: { issueKey: string }) {
  return (
    <button
      type="button"
      className="mll-key"
      title={`Open ${issueKey} in Jira (new tab)`}
      onClick={() => openIssue(issueKey)}
    >
      {issueKey}
    </button>
  );
}
