import type { ClassificationRule, MlLanesConfig, RuleCondition } from '../config/schema';
import { compilePattern, isCut, TESTED_PART } from './pattern';
import { fieldTexts, siteFieldLookup, type IssueSnapshot, type SiteField } from './snapshot';

type ConditionField = Extract<RuleCondition, { op: 'equals' }>['field'];

/** Which lane an issue sits in, and the rule that put it there, in words. */
export interface LaneAssignment {
  lane: string | null;
  laneRule: string;
}

export const HIDDEN_RULE = 'hidden: you cannot see this issue';
export const MANUAL_OVERRIDE_RULE = 'manual override';

// Created once: a regular expression literal inside a function is a new object on every call.
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
const ONE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Words are runs of letters and digits; everything else separates them.
 * So "labeling-team" holds the word "labeling", while "metadata" is one word and never "data".
 */
export function wordsOf(text: string): string[] {
  // Most labels are one word: no split and filter (two arrays) for each of 20,000 issues.
  if (ONE_WORD.test(text)) return [text];
  return text.split(WORD_SEPARATORS).filter((word) => word !== '');
}

/** Position where `keyword` (lowercase words) starts as a consecutive run in `words` (lowercase), or -1. */
function findWords(words: readonly string[], keyword: readonly string[]): number {
  const [first] = keyword;
  if (first === undefined) return -1;
  for (let start = words.indexOf(first); start >= 0; start = words.indexOf(first, start + 1)) {
    let offset = 1;
    while (offset < keyword.length && words[start + offset] === keyword[offset]) offset++;
    if (offset === keyword.length) return start;
  }
  return -1;
}

interface Text {
  original: string;
  words: string[];
  lower: string[];
}

function text(original: string): Text {
  const words = wordsOf(original);
  return { original, words, lower: words.map((word) => word.toLowerCase()) };
}

/**
 * An issue's labels, components and summary split into words, and its fields read as text for conditions,
 * each at most once, and only if a rule looks.
 */
class IssueText {
  #labels?: Text[];
  #components?: Text[];
  #summary?: Text;
  /** Made on the first field a rule reads: most configurations read none, and this runs for every issue. */
  #fields?: Map<string, FieldReading>;

  constructor(private readonly issue: IssueSnapshot) {}

  get labels(): Text[] {
    return (this.#labels ??= this.issue.labels.map(text));
  }

  get components(): Text[] {
    return (this.#components ??= this.issue.components.map(text));
  }

  get summary(): Text {
    return (this.#summary ??= text(this.issue.summary));
  }

  field(reader: FieldReader): FieldReading {
    this.#fields ??= new Map();
    let value = this.#fields.get(reader.key);
    if (!value) {
      value = reader.read(this.issue);
      this.#fields.set(reader.key, value);
    }
    return value;
  }
}

type Rule = (issue: IssueSnapshot, words: IssueText) => LaneAssignment | null;

function laneLabelRule(prefix: string, laneIds: ReadonlySet<string>): Rule {
  const lowerPrefix = prefix.toLowerCase();
  return (issue) => {
    for (const label of issue.labels) {
      if (!label.toLowerCase().startsWith(lowerPrefix)) continue;
      const lane = label.slice(prefix.length).trim().toLowerCase();
      // A label naming a lane that is not configured says nothing: later rules still get their turn.
      if (laneIds.has(lane)) return { lane, laneRule: `label "${label}"` };
    }
    return null;
  };
}

interface Keyword {
  keyword: string;
  lower: string[];
}

function compileKeywords(keywords: readonly string[]): Keyword[] {
  // A keyword with no letters or digits would match everything; drop it.
  return keywords
    .map((keyword) => ({ keyword, lower: wordsOf(keyword.toLowerCase()) }))
    .filter(({ lower }) => lower.length > 0);
}

/** The first keyword found as whole words of the summary, said as `summary word "X" matches keyword "x"`. */
function summaryKeyword(summary: Text, keywords: readonly Keyword[]): string | null {
  for (const { keyword, lower } of keywords) {
    const start = findWords(summary.lower, lower);
    if (start < 0) continue;
    const found = summary.words.slice(start, start + lower.length).join(' ');
    return lower.length === 1
      ? `summary word "${found}" matches keyword "${keyword}"`
      : `summary words "${found}" match keyword "${keyword}"`;
  }
  return null;
}

function keywordRule(
  lane: string,
  where: readonly ('labels' | 'components' | 'summary')[],
  keywords: string[],
): Rule {
  const compiled = compileKeywords(keywords);
  const inValues = (values: Text[], noun: string): LaneAssignment | null => {
    for (const value of values) {
      for (const { keyword, lower } of compiled) {
        if (findWords(value.lower, lower) >= 0) {
          return { lane, laneRule: `${noun} "${value.original}" matches keyword "${keyword}"` };
        }
      }
    }
    return null;
  };
  return (_issue, words) => {
    for (const place of where) {
      if (place === 'summary') {
        const laneRule = summaryKeyword(words.summary, compiled);
        if (laneRule) return { lane, laneRule };
        continue;
      }
      const match =
        place === 'labels' ? inValues(words.labels, 'label') : inValues(words.components, 'component');
      if (match) return match;
    }
    return null;
  };
}

/** A compiled condition: what it found on the issue, in words, or null when the issue does not meet it. */
type Condition = (issue: IssueSnapshot, words: IssueText) => string | null;

/** A value of an issue's field as written, and lowercased for comparing. */
interface FieldText {
  original: string;
  lower: string;
}

/** A field of an issue as text values (empty: not set), and its name for the lane rule. */
interface FieldReading {
  texts: FieldText[];
  noun: string;
}

/** Reads one field of an issue; `key` tells readers of the same field apart from others (for caching). */
interface FieldReader {
  key: string;
  read: (issue: IssueSnapshot) => FieldReading;
  /** How "is set" reads for this field, e.g. `has a label`. */
  isSet: (noun: string) => string;
}

function fieldText(original: string): FieldText {
  return { original, lower: original.toLowerCase() };
}

function present(values: readonly string[]): FieldText[] {
  return values
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map(fieldText);
}

const FIELD_READERS: Record<Exclude<ConditionField, 'customField'>, FieldReader> = {
  issueType: {
    key: 'issueType',
    read: (issue) => ({ texts: present([issue.issueType]), noun: 'issue type' }),
    isSet: () => 'issue type is set',
  },
  labels: {
    key: 'labels',
    read: (issue) => ({ texts: present(issue.labels), noun: 'label' }),
    isSet: () => 'has a label',
  },
  components: {
    key: 'components',
    read: (issue) => ({ texts: present(issue.components), noun: 'component' }),
    isSet: () => 'has a component',
  },
  project: {
    key: 'project',
    read: (issue) => ({ texts: present([issue.projectKey]), noun: 'project' }),
    isSet: () => 'project is set',
  },
  parent: {
    key: 'parent',
    read: (issue) => ({ texts: present(issue.parentKey === null ? [] : [issue.parentKey]), noun: 'parent' }),
    isSet: () => 'has a parent',
  },
};

/** Reads a custom field named by id or display name; null when the site has no such field. */
function customFieldReader(fields: readonly SiteField[]): FieldReader | null {
  const [first] = fields;
  if (!first) return null;
  return {
    key: `customField:${fields.map((field) => field.id).join(',')}`,
    read: (issue) => {
      // Jira allows two custom fields with one name: read the first that holds a value on this issue.
      for (const field of fields) {
        const texts = fieldTexts(issue.fieldValues[field.id]);
        if (texts.length > 0) return { texts: texts.map(fieldText), noun: `field "${field.name}"` };
      }
      return { texts: [], noun: `field "${first.name}"` };
    },
    isSet: (noun) => `${noun} is set`,
  };
}

function compileCondition(
  condition: RuleCondition,
  fieldsNamed: (idOrName: string) => SiteField[],
): Condition {
  const never: Condition = () => null;
  if (condition.op === 'keywords') {
    const keywords = compileKeywords(condition.keywords);
    return (_issue, words) => summaryKeyword(words.summary, keywords);
  }
  if (condition.op === 'regex') {
    const compiled = compilePattern(condition.pattern);
    // The schema refuses patterns that cannot run; an unchecked config still must not crash planning.
    if (!compiled.ok) return never;
    const { pattern } = compiled;
    const said = `summary matches /${condition.pattern}/i`;
    return (issue) => {
      if (!pattern.test(issue.summary)) return null;
      return isCut(issue.summary) ? `${said} ${TESTED_PART}` : said;
    };
  }
  const reader =
    condition.field === 'customField'
      ? customFieldReader(condition.fieldId ? fieldsNamed(condition.fieldId) : [])
      : FIELD_READERS[condition.field];
  // A rule about a field this site does not have matches nothing.
  if (!reader) return never;
  switch (condition.op) {
    case 'equals': {
      const wanted = condition.value.trim().toLowerCase();
      return (_issue, words) => {
        const { texts, noun } = words.field(reader);
        const found = texts.find((text) => text.lower === wanted);
        return found ? `${noun} is "${found.original}"` : null;
      };
    }
    case 'contains': {
      const wanted = condition.value.trim().toLowerCase();
      const said = JSON.stringify(condition.value.trim());
      return (_issue, words) => {
        const { texts, noun } = words.field(reader);
        return texts.some((text) => text.lower.includes(wanted)) ? `${noun} contains ${said}` : null;
      };
    }
    case 'is-set':
      return (_issue, words) => {
        const { texts, noun } = words.field(reader);
        return texts.length > 0 ? reader.isSet(noun) : null;
      };
  }
}

/** All conditions (said together) or any one (the first that holds is said). */
function conditionsRule(lane: string, match: 'all' | 'any', conditions: readonly Condition[]): Rule {
  if (match === 'any') {
    return (issue, words) => {
      for (const condition of conditions) {
        const found = condition(issue, words);
        if (found !== null) return { lane, laneRule: found };
      }
      return null;
    };
  }
  return (issue, words) => {
    const found: string[] = [];
    for (const condition of conditions) {
      const said = condition(issue, words);
      if (said === null) return null;
      found.push(said);
    }
    if (found.length === 0) return null;
    return { lane, laneRule: found.length === 1 ? (found[0] ?? '') : `all of: ${found.join(', ')}` };
  };
}

function compileRule(
  rule: ClassificationRule,
  laneIds: ReadonlySet<string>,
  fieldsNamed: (idOrName: string) => SiteField[],
): Rule | null {
  if (rule.kind === 'lane-label') return laneLabelRule(rule.prefix, laneIds);
  // The schema refuses rules for unknown lanes; an unchecked config must still not invent lanes.
  if (!laneIds.has(rule.lane)) return null;
  if (rule.kind === 'keywords') return keywordRule(rule.lane, rule.in, rule.keywords);
  const conditions = rule.conditions.map((condition) => compileCondition(condition, fieldsNamed));
  return conditionsRule(rule.lane, rule.match, conditions);
}

function unmatched(issue: IssueSnapshot): LaneAssignment {
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : 'none');
  const looked = `labels: ${list(issue.labels)}; components: ${list(issue.components)}; type: ${issue.issueType}`;
  return { lane: null, laneRule: `no rule matched (${looked})` };
}

/**
 * Puts each issue in a lane: the configured rules in order, first match wins.
 * A sub-task no rule matches takes its parent's lane; hidden issues are never classified.
 * `siteFields` lets rules name custom fields by display name; rules are compiled once per call.
 */
export function classifyIssues(
  issues: readonly IssueSnapshot[],
  config: MlLanesConfig,
  siteFields: readonly SiteField[] = [],
): Map<string, LaneAssignment> {
  const assignments = classifyInOrder(issues, config, siteFields);
  const result = new Map<string, LaneAssignment>();
  issues.forEach((issue, at) => {
    if (!result.has(issue.key)) result.set(issue.key, assignments[at]!);
  });
  return result;
}

/**
 * `classifyIssues` as an array in the order of `issues` (a repeated key gets its first copy's lane): the plan
 * reads it by position, which spares a look-up by key per issue on 20,000-issue sprints.
 */
export function classifyInOrder(
  issues: readonly IssueSnapshot[],
  config: MlLanesConfig,
  siteFields: readonly SiteField[] = [],
): LaneAssignment[] {
  const laneIds = new Set(config.lanes.map((lane) => lane.id));
  const fieldsNamed = siteFieldLookup(siteFields);
  const rules = config.rules.flatMap((rule) => compileRule(rule, laneIds, fieldsNamed) ?? []);
  // Each key once, at its first copy: issues are numbered by that copy, and found by key only for parents.
  const numberOf = new Map<string, number>();
  const unique: IssueSnapshot[] = [];
  for (const issue of issues) {
    if (numberOf.has(issue.key)) continue;
    numberOf.set(issue.key, unique.length);
    unique.push(issue);
  }

  const own = unique.map((issue): LaneAssignment | null => {
    if (issue.hidden) return null;
    // A lane chosen by hand on the issue wins over every rule, as long as the lane still exists.
    if (issue.laneOverride !== null && laneIds.has(issue.laneOverride)) {
      return { lane: issue.laneOverride, laneRule: MANUAL_OVERRIDE_RULE };
    }
    const words = new IssueText(issue);
    for (const rule of rules) {
      const match = rule(issue, words);
      if (match) return match;
    }
    return null;
  });

  const assignments = unique.map((issue, number): LaneAssignment => {
    if (issue.hidden) return { lane: null, laneRule: HIDDEN_RULE };
    return own[number] ?? inherited(issue, unique, numberOf, own) ?? unmatched(issue);
  });
  return unique.length === issues.length
    ? assignments
    : issues.map((issue) => assignments[numberOf.get(issue.key)!]!);
}

/** Walks up sub-task parents to the first with a lane of its own (`visited` stops parent loops). */
function inherited(
  issue: IssueSnapshot,
  unique: readonly IssueSnapshot[],
  numberOf: ReadonlyMap<string, number>,
  own: readonly (LaneAssignment | null)[],
): LaneAssignment | null {
  if (!issue.isSubtask || issue.parentKey === null) return null;
  const path: string[] = [];
  const visited = new Set([issue.key]);
  let child = issue;
  while (child.isSubtask && child.parentKey !== null && !visited.has(child.parentKey)) {
    const number = numberOf.get(child.parentKey);
    const parent = number === undefined ? undefined : unique[number];
    if (!parent || parent.hidden) return null;
    path.push(parent.key);
    visited.add(parent.key);
    const match = own[number!];
    if (match) {
      const laneRule = path.reduceRight(
        (reason, key) => `inherited from parent ${key} (${reason})`,
        match.laneRule,
      );
      return { lane: match.lane, laneRule };
    }
    child = parent;
  }
  return null;
}
