import { webTrigger } from '@forge/api';
import type { WebTriggerUrls } from '../app/connections-admin';

/** The manifest's web trigger module that receives every ML tool's deliveries (one route per tool under it). */
export const EVIDENCE_WEB_TRIGGER_KEY = 'ml-lanes-evidence';

/**
 * The evidence web trigger's URL in Forge. It is stable per app, site and environment (redeploys keep it);
 * replacing it deletes the current URL, so a leaked one stops answering at once, and has Forge create a new one
 * (`getUrl(key, true)`). Every tool shares the URL, so after a replacement each tool needs the new one.
 */
export const forgeWebTriggerUrls: WebTriggerUrls = {
  current: () => webTrigger.getUrl(EVIDENCE_WEB_TRIGGER_KEY),
  async replace() {
    await webTrigger.deleteUrl(await webTrigger.getUrl(EVIDENCE_WEB_TRIGGER_KEY));
    return webTrigger.getUrl(EVIDENCE_WEB_TRIGGER_KEY, true);
  },
};
