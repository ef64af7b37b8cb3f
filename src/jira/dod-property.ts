import { z } from 'zod';
import type { DodSummary } from '../domain/dod-summary';

/** The issue property holding manual Definition-of-Done ticks: `{"checked": {"<item id>": true}}`. */
export const DOD_PROPERTY_KEY = 'ml-lanes-dod';

/** Who ticked an item and when: a courtesy record, not an audit trail (anyone who can edit may rewrite it). */
export interface DodTick {
  by: string | null;
  at: string;
}

/**
 * The `ml-lanes-dod` issue property: which manual items are ticked (`checked`, the documented shape) and who
 * ticked each (`ticks`). Anyone who can edit the issue can write it, so it is read as untrusted input.
 */
export interface DodProperty {
  checked: Record<string, boolean>;
  ticks: Record<string, DodTick>;
}

/** What is written: the ticks plus the summary that `jira:entityProperty` indexes for JQL. */
export type DodPropertyValue = DodProperty & DodSummary;

// The same shape as a DoD item id in the configuration; anything else cannot name an item.
const itemIdPattern = /^[a-z0-9][a-z0-9-]{0,47}$/;
const tickSchema = z.object({ by: z.string().max(128).nullable(), at: z.string().max(64) });

/**
 * Reads the property entry by entry: a malformed entry is dropped on its own and the others kept. Every call
 * builds new objects, so a caller may change what it gets without touching anyone else's.
 */
export function readDodProperty(value: unknown): DodProperty {
  const record = asRecord(value);
  const checked: Record<string, boolean> = {};
  for (const [id, ticked] of entriesOf(record.checked)) {
    if (typeof ticked === 'boolean') checked[id] = ticked;
  }
  const ticks: Record<string, DodTick> = {};
  for (const [id, tick] of entriesOf(record.ticks)) {
    const parsed = tickSchema.safeParse(tick);
    if (parsed.success) ticks[id] = { by: parsed.data.by, at: parsed.data.at };
  }
  return { checked, ticks };
}

/** The ticks with one item changed: a new value, the input untouched. */
export function withTick(stored: DodProperty, itemId: string, checked: boolean, tick: DodTick): DodProperty {
  return {
    checked: { ...stored.checked, [itemId]: checked },
    ticks: { ...stored.ticks, [itemId]: tick },
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Own entries whose key could be an item id (so never `__proto__` and friends). */
function entriesOf(value: unknown): [string, unknown][] {
  return Object.entries(asRecord(value)).filter(([id]) => itemIdPattern.test(id));
}
