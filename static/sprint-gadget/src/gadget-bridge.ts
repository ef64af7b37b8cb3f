/**
 * What the gadget asks of Jira besides resolver calls: saving its configuration, and opening the planning panel
 * for the whole story.
 */
import { NavigationTarget, router, view } from '@forge/bridge';
import type { GadgetConfig } from './gadget-config';

/** The planning panel's full-page home (manifest.yml, jira:projectPage). */
export const PROJECT_PAGE_MODULE = 'ml-lanes-project-page';

/** Saves the configuration with Jira, which then shows the gadget with it. */
export async function saveGadgetConfig(config: GadgetConfig): Promise<void> {
  await view.submit({ ...config });
}

/**
 * Opens the planning panel in a new tab: the app's project page of the board's project, else the board itself
 * (its "•••" menu holds "ML Lanes handoffs") when the board spans projects.
 */
export function openPlanningPanel(config: GadgetConfig): void {
  const opened = config.projectKey
    ? router.open({
        target: NavigationTarget.Module,
        moduleKey: PROJECT_PAGE_MODULE,
        projectKey: config.projectKey,
      })
    : router.open(`/secure/RapidBoard.jspa?rapidView=${config.boardId}`);
  void opened.catch(() => undefined);
}
