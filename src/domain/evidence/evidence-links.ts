import { httpsOrigin } from '../../config/connections-schema';
import type { EvidenceLink } from './evidence-event';

/*
 * Links to the run, model version or project. Built from the admin's base URL and ids from the payload (each id
 * percent-encoded as one path segment), never taken from a payload as-is; a link a payload does carry (the CI's
 * run URL) is kept only when it is https and has exactly the configured origin. Nothing ever fetches them.
 */

const MAX_URL = 500;

/** `base` + encoded segments (and an optional `#` route for single-page tools such as MLflow), or undefined. */
export function buildLink(
  label: string,
  base: string | undefined,
  segments: readonly (string | number)[],
  options: { hashRoute?: boolean } = {},
): EvidenceLink | undefined {
  const origin = base === undefined ? null : httpsOrigin(base);
  if (origin === null || segments.some((segment) => String(segment) === '')) return undefined;
  const path = segments.map((segment) => encodeURIComponent(String(segment))).join('/');
  const url = options.hashRoute ? `${origin}/#/${path}` : `${origin}/${path}`;
  return keepLink(label, url, base);
}

/** `url` when it is https and on `base`'s origin, else undefined. */
export function keepLink(label: string, url: unknown, base: string | undefined): EvidenceLink | undefined {
  const origin = base === undefined ? null : httpsOrigin(base);
  if (origin === null || typeof url !== 'string' || url.length > MAX_URL) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.origin !== origin || parsed.username || parsed.password) {
    return undefined;
  }
  return { label, url: parsed.href };
}
