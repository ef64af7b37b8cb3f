/**
 * What every Custom UI of the app asks of Forge besides resolver calls (those go through invoke.ts): the module
 * context, Jira's theme and opening an issue.
 */
import { router, view } from '@forge/bridge';

/** The module context Jira gives this page; `T` names the fields the page reads. */
export async function getModuleContext<T>(): Promise<T> {
  return (await view.getContext()) as unknown as T;
}

/** Asks Jira to apply its theme (light/dark) to the page and keep it in sync. */
export async function enableTheming(): Promise<void> {
  await view.theme.enable();
}

/** Opens a Jira issue in a new tab. */
export function openIssue(key: string): void {
  void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined);
}
