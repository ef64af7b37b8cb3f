import { ISSUE_KEY_PATTERN } from './evidence-event';

/*
 * The issue a delivery is about, read from ONE configured place (a tag, a title, a payload field). Keys are found
 * with the strict pattern only; a place naming two different keys is refused rather than guessed, and a lowercase
 * or zero-padded "key" is no key at all.
 */

/** Candidate keys inside free text: the strict pattern between non-word characters. */
const KEY_IN_TEXT = /(?<![A-Za-z0-9_-])[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,8}(?![A-Za-z0-9_-])/g;
/** Free text beyond this is not searched (titles and descriptions are short; this bounds the work). */
const MAX_SEARCHED = 4000;

export type KeyLookup = { ok: true; issueKey: string } | { ok: false; reason: string };

/**
 * The one issue key in `value`. `whole` (tags, payload fields): the value must be exactly one key. Otherwise (titles,
 * descriptions, model names) the value may hold other words, but exactly one distinct key.
 */
export function oneIssueKey(value: unknown, where: string, whole: boolean): KeyLookup {
  if (typeof value !== 'string' || value.trim() === '')
    return { ok: false, reason: `no issue key in ${where}` };
  const text = value.slice(0, MAX_SEARCHED);
  const keys = [...new Set(text.match(KEY_IN_TEXT) ?? [])];
  if (keys.length > 1)
    return { ok: false, reason: `several issue keys in ${where} (${keys.slice(0, 3).join(', ')})` };
  const [key] = keys;
  if (key === undefined || !ISSUE_KEY_PATTERN.test(key))
    return { ok: false, reason: `no issue key in ${where}` };
  if (whole && value.trim() !== key) return { ok: false, reason: `${where} holds more than an issue key` };
  return { ok: true, issueKey: key };
}
