/**
 * The project key an issue key starts with: `CV` for `CV-101`, `ML_OPS` for `ML_OPS-7`. Jira keeps an issue's key
 * in step with its project's current key, so this is the project whose configuration applies. Anything without
 * a trailing `-<number>` (a bare issue id a link names) comes back unchanged.
 */
export function projectKeyOf(issueKey: string): string {
  return issueKey.replace(/-\d+$/, '');
}
