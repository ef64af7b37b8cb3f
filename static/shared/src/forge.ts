/**
 * What every Custom UI of the app asks of Forge besides resolver calls (those go through invoke.ts): the module
 * context, Jira's theme and opening an issue.
 */
import { router, view } from '@forge/bridge';
import type { PanelContext } from '../../../src/contract/resolver-api';

/** The module context Jira gives this page, checked before anything reads it. */
export async function getModuleContext(): Promise<PanelContext> {
  const context: unknown = await view.getContext();
  if (!isModuleContext(context)) throw new Error('Jira gave this page no module context it can read.');
  return context;
}

/** The parts every page relies on: which module it is, and the extension that says where it was opened. */
function isModuleContext(value: unknown): value is PanelContext {
  return (
    typeof value === 'object' &&
    value !== null &&
    'moduleKey' in value &&
    typeof value.moduleKey === 'string' &&
    'extension' in value &&
    typeof value.extension === 'object' &&
    value.extension !== null
  );
}

/** Asks Jira to apply its theme (light/dark) to the page and keep it in sync. */
export async function enableTheming(): Promise<void> {
  await view.theme.enable();
}

/**
 * Opens Jira's issue search on a query in a new tab, where the person can save it as a filter themselves: Jira's
 * REST API could create the filter for them, but only with write scopes the app otherwise never needs.
 */
export function openJiraSearch(jql: string): void {
  void router.open(`/issues/?jql=${encodeURIComponent(jql)}`).catch(() => undefined);
}

/** Opens a Jira issue in a new tab. */
export function openIssue(key: string): void {
  void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined);
}
