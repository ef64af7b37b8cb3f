import { webTrigger } from '@forge/api';
import { EVIDENCE_WEBTRIGGER } from './webtrigger';

/*
 * The web trigger's URL, for the Connections page. Forge keeps one stable URL per module and installation; a
 * leaked one is replaced by creating a new URL first and then deleting every other, so deliveries never meet a
 * moment without a working URL. (Rotating a tool's secret is the other half: src/storage/webhook-secrets.ts.)
 */

type WebTriggerApi = Pick<typeof webTrigger, 'getUrl' | 'queryUrls' | 'deleteUrl'>;

export function evidenceTriggerUrl(api: WebTriggerApi = webTrigger): Promise<string> {
  return api.getUrl(EVIDENCE_WEBTRIGGER);
}

/** A new URL for the web trigger; every earlier one stops working. */
export async function replaceEvidenceTriggerUrl(api: WebTriggerApi = webTrigger): Promise<string> {
  const earlier = await api.queryUrls(EVIDENCE_WEBTRIGGER);
  const fresh = await api.getUrl(EVIDENCE_WEBTRIGGER, { forceCreate: true });
  await Promise.all(
    earlier
      .filter((entry) => entry.moduleKey === EVIDENCE_WEBTRIGGER && entry.url !== fresh)
      .map((entry) => api.deleteUrl(entry.url)),
  );
  return fresh;
}
