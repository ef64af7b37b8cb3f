import { webTrigger } from '@forge/api';
import { EVIDENCE_TOOLS, type EvidenceTool } from '../domain/evidence/evidence-event';
import { EVIDENCE_WEBTRIGGER } from './webtrigger';

/*
 * The web trigger's URL, for the Connections page. Forge keeps one stable URL per module and installation; a
 * leaked one is replaced by creating a new URL first and then deleting every other, so deliveries never meet a
 * moment without a working URL. (Rotating a tool's secret is the other half: src/storage/webhook-secrets.ts.)
 */

type WebTriggerApi = Pick<typeof webTrigger, 'getUrl' | 'queryUrls' | 'deleteUrl'>;

/** The URL each tool posts to: the trigger's URL plus the tool's route. */
export function routeUrls(base: string): Record<EvidenceTool, string> {
  const trimmed = base.replace(/\/+$/, '');
  return Object.fromEntries(EVIDENCE_TOOLS.map((tool) => [tool, `${trimmed}/${tool}`])) as Record<
    EvidenceTool,
    string
  >;
}

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
