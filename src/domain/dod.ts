import type { DodItem, DodRule, MlLanesConfig } from '../config/schema';
import type { DodItemView, DodView } from '../contract/plan-view';
import { compilePattern, isCut, TESTED_PART } from './pattern';
import { fieldTexts, siteFieldLookup, type FieldValue, type IssueSnapshot, type SiteField } from './snapshot';

/** Checks one issue against its lane's Definition of Done. */
export type DodEvaluator = (issue: IssueSnapshot, lane: string | null) => DodView;

const NO_DOD: DodView = { met: 0, total: 0, items: [] };
const SHOWN_LENGTH = 80;

function isEmpty(
  value: FieldValue | undefined,
): value is Extract<FieldValue, { kind: 'absent' }> | undefined {
  return value === undefined || value.kind === 'absent';
}

/** The value as text: for the detail line and for `matches`; the same texts the lane rules read. */
function textOf(value: FieldValue): string {
  return fieldTexts(value).join(', ');
}

function shown(value: FieldValue): string {
  const text = textOf(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/** A number, or a number typed as text (a trailing % allowed: "97%" reads 97). */
function asNumber(value: FieldValue): number | null {
  if (value.kind === 'number') return value.value;
  if (value.kind !== 'text') return null;
  const text = value.text.replace(/%$/, '').trim();
  const number = text === '' ? NaN : Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * Reads a number as a fraction: "97%" and 97 both mean 0.97, because people type percentages into
 * fields whose rules are written as fractions (and the other way round). 1 itself stays 1 (100%).
 */
function asFraction(value: FieldValue): number | null {
  let number: number;
  let percent = false;
  if (value.kind === 'number') number = value.value;
  else if (value.kind === 'text') {
    let text = value.text;
    if (text.endsWith('%')) {
      percent = true;
      text = text.slice(0, -1).trim();
    }
    number = text === '' ? NaN : Number(text);
  } else return null;
  if (!Number.isFinite(number)) return null;
  return percent || number > 1 ? number / 100 : number;
}

/** Drops floating-point noise (0.30000000000000004) from numbers shown to people. */
function formatNumber(value: number): string {
  // Whole numbers of up to 12 digits carry no noise; only the rest need the (slower) rounding.
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return String(value);
  return String(Number(value.toPrecision(12)));
}

type Check = (value: FieldValue | undefined, fieldName: string) => { met: boolean; detail: string };

function compileRule(rule: DodRule): Check {
  switch (rule.op) {
    case 'gte':
    case 'lte': {
      // A threshold up to 1 is a fraction (0.98 = 98%), and then values typed as percentages (97, "97%") are
      // read as fractions too. A larger threshold is a plain number (at least 2 reviewers) and so are its values.
      const fractional = rule.value <= 1;
      const read = fractional ? asFraction : asNumber;
      const threshold = rule.value;
      const sign = rule.op === 'gte' ? '≥' : '≤';
      return (value, name) => {
        if (isEmpty(value)) return { met: false, detail: `${name} is empty` };
        const number = read(value);
        if (number === null) return { met: false, detail: `${name} "${shown(value)}" is not a number` };
        const met = rule.op === 'gte' ? number >= threshold : number <= threshold;
        const verdict = met ? 'meets' : 'needs';
        return {
          met,
          detail: `${name} ${formatNumber(number)} — ${verdict} ${sign} ${formatNumber(threshold)}`,
        };
      };
    }
    case 'not-empty':
      return (value, name) =>
        isEmpty(value)
          ? { met: false, detail: `${name} is empty` }
          : { met: true, detail: `${name}: ${shown(value)}` };
    case 'matches': {
      const compiled = compilePattern(rule.pattern);
      if (!compiled.ok) {
        // The schema refuses such patterns; an unchecked config gets an unmet item saying why.
        const detail = `pattern /${rule.pattern}/ cannot be used: ${compiled.problem}`;
        return () => ({ met: false, detail });
      }
      const { pattern } = compiled;
      return (value, name) => {
        if (isEmpty(value)) return { met: false, detail: `${name} is empty` };
        const text = textOf(value);
        const met = pattern.test(text);
        const verdict = `${name} "${shown(value)}" ${met ? 'matches' : 'does not match'} /${rule.pattern}/`;
        return { met, detail: isCut(text) ? `${verdict} ${TESTED_PART}` : verdict };
      };
    }
  }
}

type ItemCheck = (issue: IssueSnapshot) => DodItemView;

function compileItem(item: DodItem, fieldsNamed: (nameOrId: string) => SiteField[]): ItemCheck {
  const { id, label, kind } = item;
  if (item.kind === 'manual') {
    return (issue) => {
      const met = issue.dodChecked[id] === true;
      return { id, label, kind, met, detail: met ? 'ticked' : 'not ticked' };
    };
  }
  const fields = fieldsNamed(item.field);
  const check = compileRule(item.rule);
  return (issue) => {
    // Jira allows two custom fields with one name: read the first that holds a value on this issue.
    const field = fields.find((candidate) => !isEmpty(issue.fieldValues[candidate.id])) ?? fields[0];
    if (!field) {
      return { id, label, kind, met: false, detail: `field "${item.field}" does not exist on this site` };
    }
    const { met, detail } = check(issue.fieldValues[field.id], field.name);
    return { id, label, kind, met, detail };
  };
}

/** Compiles every lane's template once (field look-ups, patterns) so each issue costs only its checks. */
export function dodEvaluator(config: MlLanesConfig, siteFields: readonly SiteField[]): DodEvaluator {
  const fieldsNamed = siteFieldLookup(siteFields);

  const templates = new Map<string, ItemCheck[]>();
  for (const lane of config.lanes) {
    const template = config.dod[lane.id];
    if (template)
      templates.set(
        lane.id,
        template.items.map((item) => compileItem(item, fieldsNamed)),
      );
  }

  return (issue, lane) => {
    const checks = lane === null ? undefined : templates.get(lane);
    if (!checks) return { ...NO_DOD, items: [] };
    const items = checks.map((check) => check(issue));
    let met = 0;
    for (const item of items) if (item.met) met++;
    return { met, total: items.length, items };
  };
}
