import type { FieldValue } from '../domain/snapshot';
import type { JiraField } from './schemas';

/**
 * Jira's JSON of any field → the domain's `FieldValue`: the one place that knows Jira's value shapes.
 * The field's schema (from /rest/api/3/field) decides where the JSON alone cannot: a date is a string in JSON.
 * Everything else is read by shape, because schemas lie in one important case: a multi-line text field says
 * `string` but REST v3 sends it as an Atlassian Document Format (ADF) document.
 */

export type JiraFieldSchema = NonNullable<JiraField['schema']>;

const ABSENT: FieldValue = Object.freeze({ kind: 'absent' });

/** Keys of Jira's named objects, in the order a person reads them: option, user, version/component/sprint. */
const NAME_KEYS = ['value', 'displayName', 'name', 'key'] as const;

export function toFieldValue(raw: unknown, schema: JiraFieldSchema | undefined): FieldValue {
  if (raw === null || raw === undefined) return ABSENT;
  const type = schema?.type;
  if ((type === 'date' || type === 'datetime') && typeof raw === 'string') {
    const iso = raw.trim();
    return iso === '' ? ABSENT : { kind: 'date', iso };
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'number', value: raw } : ABSENT;
  const texts = textsOf(raw);
  const [first] = texts;
  if (first === undefined) return ABSENT;
  // A list stays a list even with one element, as it does in Jira; one object with a child is two values.
  if (Array.isArray(raw) || texts.length > 1) return { kind: 'texts', texts };
  return { kind: 'text', text: first };
}

/** What a person sees in a piece of Jira JSON, one text per value; nothing for what is empty or unreadable. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return nonEmpty(value);
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record.type === 'doc') return nonEmpty(documentText(record));
  for (const key of NAME_KEYS) {
    const own = textsOf(record[key]);
    // A cascading select holds its chosen child option beside its own value.
    if (own.length > 0) return [...own, ...textsOf(record.child)];
  }
  return [];
}

function nonEmpty(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : [trimmed];
}

/** Blocks whose children run on one line (text with marks is split into several nodes). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * The words of an ADF document: text, mentions, emoji and status by their text, links by their address;
 * paragraphs, list items and the like on lines of their own.
 */
function documentText(node: unknown): string {
  if (node === null || typeof node !== 'object') return '';
  const { type, text, attrs, content } = node as Record<string, unknown>;
  if (typeof text === 'string') return text;
  if (type === 'hardBreak') return '\n';
  if (attrs !== null && typeof attrs === 'object') {
    const { text: label, url } = attrs as Record<string, unknown>;
    if (typeof label === 'string') return label;
    if (typeof url === 'string') return url;
  }
  if (!Array.isArray(content)) return '';
  const parts = content.map(documentText);
  return typeof type === 'string' && TEXT_BLOCKS.has(type)
    ? parts.join('')
    : parts.filter((part) => part !== '').join('\n');
}
