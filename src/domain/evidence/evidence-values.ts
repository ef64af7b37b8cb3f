import type { FieldMapping } from '../../config/connections-schema';
import { EVIDENCE_FIELD_SPECS, NO_CONTROL, type EvidenceField, type EvidenceValue } from './evidence-event';

/*
 * A delivery's named values (`metrics.val_acc`, `finished_tasks`, …) through the admin's mappings into evidence
 * fields, each checked against its field: numbers finite and in range (integers for counts), texts short and
 * without control characters. One bad mapped value refuses the whole delivery: half a delivery would leave the
 * Definition of Done judging a mix of two runs.
 */

/** What a tool's payload offers, by name; a value is a number or a text, anything else is refused when mapped. */
export type NamedValues = ReadonlyMap<string, unknown>;

export type MappedValues = { ok: true; values: EvidenceValue[] } | { ok: false; reason: string };

/** A decimal number as text (W&B's template substitutes values into strings): no hex, no "NaN", no "Infinity". */
const DECIMAL = /^-?(0|[1-9]\d{0,15})(\.\d{1,17})?([eE][-+]?\d{1,3})?$/;

export function mapValues(
  named: NamedValues,
  mappings: readonly FieldMapping[],
  options: { numbersAsText: boolean },
): MappedValues {
  const values: EvidenceValue[] = [];
  const seen = new Set<EvidenceField>();
  for (const mapping of mappings) {
    if (!named.has(mapping.from) || seen.has(mapping.to)) continue;
    const checked = checkValue(mapping.to, named.get(mapping.from), options);
    if (!checked.ok) return { ok: false, reason: `${mapping.from}: ${checked.reason}` };
    seen.add(mapping.to);
    values.push({ field: mapping.to, value: checked.value });
  }
  return { ok: true, values };
}

export function checkValue(
  field: EvidenceField,
  raw: unknown,
  options: { numbersAsText: boolean } = { numbersAsText: false },
): { ok: true; value: number | string } | { ok: false; reason: string } {
  const spec = EVIDENCE_FIELD_SPECS[field];
  if (spec.type === 'number') {
    const number =
      typeof raw === 'number'
        ? raw
        : options.numbersAsText && typeof raw === 'string' && DECIMAL.test(raw.trim())
          ? Number(raw.trim())
          : undefined;
    const range = `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
    if (number === undefined || !Number.isFinite(number)) return { ok: false, reason: `not ${range}` };
    if (number < spec.min || number > spec.max || (spec.integer && !Number.isInteger(number))) {
      return { ok: false, reason: `not ${range}` };
    }
    return { ok: true, value: number };
  }
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'not a text' };
  const value = raw.trim();
  if (value.length > spec.maxLength) return { ok: false, reason: `longer than ${spec.maxLength} characters` };
  if (!NO_CONTROL.test(value)) return { ok: false, reason: 'holds control characters' };
  if (spec.allowed && !spec.allowed.includes(value)) {
    return { ok: false, reason: `not one of ${spec.allowed.join(', ')}` };
  }
  return { ok: true, value };
}

/** A short text for subjects: control characters out, at most `max` characters. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value)
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
  if (text === '') return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
