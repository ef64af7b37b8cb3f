import type { ClassificationRule, MlLanesConfig } from '../config/schema';
import type { IssueSnapshot } from './snapshot';

/** Which lane an issue sits in, and the rule that put it there, in words. */
export interface LaneAssignment {
  lane: string | null;
  laneRule: string;
}

export const HIDDEN_RULE = 'hidden: you cannot see this issue';

/**
 * Words are runs of letters and digits; everything else separates them.
 * So "labeling-team" holds the word "labeling", while "metadata" is one word and never "data".
 */
export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
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

/** An issue's labels, components and summary split into words at most once, and only if a rule looks. */
class IssueText {
  #labels?: Text[];
  #components?: Text[];
  #summary?: Text;

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

function keywordRule(
  lane: string,
  where: readonly ('labels' | 'components' | 'summary')[],
  keywords: string[],
): Rule {
  // A keyword with no letters or digits would match everything; drop it.
  const compiled = keywords
    .map((keyword) => ({ keyword, lower: wordsOf(keyword.toLowerCase()) }))
    .filter(({ lower }) => lower.length > 0);
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
  const inSummary = (summary: Text): LaneAssignment | null => {
    for (const { keyword, lower } of compiled) {
      const start = findWords(summary.lower, lower);
      if (start < 0) continue;
      const found = summary.words.slice(start, start + lower.length).join(' ');
      const laneRule =
        lower.length === 1
          ? `summary word "${found}" matches keyword "${keyword}"`
          : `summary words "${found}" match keyword "${keyword}"`;
      return { lane, laneRule };
    }
    return null;
  };
  return (_issue, words) => {
    for (const place of where) {
      const match =
        place === 'labels'
          ? inValues(words.labels, 'label')
          : place === 'components'
            ? inValues(words.components, 'component')
            : inSummary(words.summary);
      if (match) return match;
    }
    return null;
  };
}

function issueTypeRule(lane: string, issueTypes: string[]): Rule {
  const types = new Set(issueTypes.map((type) => type.trim().toLowerCase()));
  return (issue) =>
    types.has(issue.issueType.trim().toLowerCase())
      ? { lane, laneRule: `issue type "${issue.issueType}"` }
      : null;
}

function compileRule(rule: ClassificationRule, laneIds: ReadonlySet<string>): Rule | null {
  if (rule.kind === 'lane-label') return laneLabelRule(rule.prefix, laneIds);
  // The schema refuses rules for unknown lanes; an unchecked config must still not invent lanes.
  if (!laneIds.has(rule.lane)) return null;
  if (rule.kind === 'keywords') return keywordRule(rule.lane, rule.in, rule.keywords);
  return issueTypeRule(rule.lane, rule.issueTypes);
}

function unmatched(issue: IssueSnapshot): LaneAssignment {
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : 'none');
  const looked = `labels: ${list(issue.labels)}; components: ${list(issue.components)}; type: ${issue.issueType}`;
  return { lane: null, laneRule: `no rule matched (${looked})` };
}

/**
 * Puts each issue in a lane: the configured rules in order, first match wins.
 * A sub-task no rule matches takes its parent's lane; hidden issues are never classified.
 */
export function classifyIssues(
  issues: readonly IssueSnapshot[],
  config: MlLanesConfig,
): Map<string, LaneAssignment> {
  const laneIds = new Set(config.lanes.map((lane) => lane.id));
  const rules = config.rules.flatMap((rule) => compileRule(rule, laneIds) ?? []);
  const byKey = new Map(issues.map((issue) => [issue.key, issue]));

  const own = new Map<string, LaneAssignment | null>();
  for (const issue of issues) {
    if (issue.hidden || own.has(issue.key)) continue;
    const words = new IssueText(issue);
    let match: LaneAssignment | null = null;
    for (const rule of rules) {
      match = rule(issue, words);
      if (match) break;
    }
    own.set(issue.key, match);
  }

  const result = new Map<string, LaneAssignment>();
  for (const issue of issues) {
    if (result.has(issue.key)) continue;
    const assignment = issue.hidden
      ? { lane: null, laneRule: HIDDEN_RULE }
      : (own.get(issue.key) ?? inherited(issue, byKey, own) ?? unmatched(issue));
    result.set(issue.key, assignment);
  }
  return result;
}

/** Walks up sub-task parents to the first with a lane of its own (`visited` stops parent loops). */
function inherited(
  issue: IssueSnapshot,
  byKey: ReadonlyMap<string, IssueSnapshot>,
  own: ReadonlyMap<string, LaneAssignment | null>,
): LaneAssignment | null {
  const path: string[] = [];
  const visited = new Set([issue.key]);
  let child = issue;
  while (child.isSubtask && child.parentKey !== null && !visited.has(child.parentKey)) {
    const parent = byKey.get(child.parentKey);
    if (!parent || parent.hidden) return null;
    path.push(parent.key);
    visited.add(parent.key);
    const match = own.get(parent.key);
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
