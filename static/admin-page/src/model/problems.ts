/**
 * Where each configuration problem is shown. Problems arrive by JSON path (`rules[3].conditions[0].pattern`,
 * `lanes[1].id`, `dod.data.items[0].rule.value`); each is placed next to the control that edits that part of the
 * document (its "anchor"), or with the nearest row or section when no single control does.
 */
import type { ConfigProblemView } from '../../../../src/contract/admin-api';

export type SectionId = 'lanes' | 'rules' | 'links' | 'dod' | 'capacity';

export const SECTIONS: { id: SectionId; label: string }[] = [
  { id: 'lanes', label: 'Lanes' },
  { id: 'rules', label: 'Classification rules' },
  { id: 'links', label: 'Dependency links' },
  { id: 'dod', label: 'Definition of Done' },
  { id: 'capacity', label: 'Capacity' },
];

const KEY = '[^.\\[\\]]+';

/** Most specific first: [pattern, how to build the anchor from the match]. */
const ANCHORS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^lanes\[(\d+)\]\.(id|name|color)(?:$|[.[])/, (m) => `lanes[${m[1]}].${m[2]}`],
  [/^lanes\[(\d+)\]/, (m) => `lanes[${m[1]}]`],
  [/^lanes(?:$|[.[])/, () => 'lanes'],
  [
    /^rules\[(\d+)\]\.conditions\[(\d+)\]\.(field|fieldId|op|value|keywords|pattern)(?:$|[.[])/,
    (m) => `rules[${m[1]}].conditions[${m[2]}].${m[3]}`,
  ],
  [/^rules\[(\d+)\]\.conditions\[(\d+)\]/, (m) => `rules[${m[1]}].conditions[${m[2]}]`],
  [/^rules\[(\d+)\]\.(lane|prefix|in|keywords|match|conditions)(?:$|[.[])/, (m) => `rules[${m[1]}].${m[2]}`],
  [/^rules\[(\d+)\]/, (m) => `rules[${m[1]}]`],
  [/^rules(?:$|[.[])/, () => 'rules'],
  [/^dependencyLinkTypes\[(\d+)\]/, (m) => `dependencyLinkTypes[${m[1]}]`],
  [/^dependencyLinkTypes(?:$|[.[])/, () => 'dependencyLinkTypes'],
  [
    new RegExp(`^dod\\.(${KEY})\\.items\\[(\\d+)\\]\\.(id|label|kind|field|rule)(?:$|[.[])`),
    (m) => `dod.${m[1]}.items[${m[2]}].${m[3]}`,
  ],
  [new RegExp(`^dod\\.(${KEY})\\.items\\[(\\d+)\\]`), (m) => `dod.${m[1]}.items[${m[2]}]`],
  [new RegExp(`^dod\\.(${KEY})\\.enforce`), (m) => `dod.${m[1]}.enforce`],
  [new RegExp(`^dod\\.(${KEY})`), (m) => `dod.${m[1]}`],
  [/^dod(?:$|[.[])/, () => 'dod'],
  [new RegExp(`^capacity\\.(${KEY})\\.(storyPoints|wipLimit)(?:$|[.[])`), (m) => `capacity.${m[1]}.${m[2]}`],
  [new RegExp(`^capacity\\.(${KEY})`), (m) => `capacity.${m[1]}`],
  [/^capacity(?:$|[.[])/, () => 'capacity'],
];

/** The control (or row, or section) a problem at `path` is shown next to; '(root)' for the rest. */
export function anchorOf(path: string): string {
  for (const [pattern, build] of ANCHORS) {
    const match = path.match(pattern);
    if (match) return build(match);
  }
  return '(root)';
}

/** The section (tab) a problem belongs to; null for whole-document problems (version, JSON syntax). */
export function sectionOf(path: string): SectionId | null {
  if (path.startsWith('lanes')) return 'lanes';
  if (path.startsWith('rules')) return 'rules';
  if (path.startsWith('dependencyLinkTypes')) return 'links';
  if (path.startsWith('dod')) return 'dod';
  if (path.startsWith('capacity')) return 'capacity';
  return null;
}

/** An element id for the control at an anchor, so "go to problem" can focus it. */
export function controlId(anchor: string): string {
  return `mla-ctl-${anchor.replace(/[^a-zA-Z0-9_-]+/g, '_')}`;
}

export function problemListId(anchor: string): string {
  return `mla-problems-${anchor.replace(/[^a-zA-Z0-9_-]+/g, '_')}`;
}

/** Problems grouped by anchor. */
export function groupByAnchor(problems: readonly ConfigProblemView[]): Map<string, ConfigProblemView[]> {
  const groups = new Map<string, ConfigProblemView[]>();
  for (const problem of problems) {
    const anchor = anchorOf(problem.path);
    const list = groups.get(anchor);
    if (list) list.push(problem);
    else groups.set(anchor, [problem]);
  }
  return groups;
}

/**
 * The validator's own words for its generic checks ("Too small: expected number to be >0") said the way an admin
 * reads them. Messages written for people (the schema's own) pass through unchanged.
 */
export function friendlyMessage(message: string): string {
  const rewrites: [RegExp, (match: RegExpMatchArray) => string][] = [
    [/expected number, received (NaN|null|undefined|string)/i, () => 'enter a number'],
    [/expected int, received number/i, () => 'enter a whole number'],
    [/^Too small: expected number to be >=(-?[\d.]+)$/, (m) => `must be ${m[1]} or more`],
    [/^Too small: expected number to be >(-?[\d.]+)$/, (m) => `must be more than ${m[1]}`],
    [/^Too big: expected number to be <=(-?[\d.]+)$/, (m) => `must be ${m[1]} or less`],
    [/^Too small: expected string to have >=1 characters$/, () => 'cannot be empty'],
    [/^Too big: expected string to have <=(\d+) characters$/, (m) => `at most ${m[1]} characters`],
    [/^Too small: expected array to have >=1 items$/, () => 'add at least one'],
  ];
  for (const [pattern, rewrite] of rewrites) {
    const match = message.match(pattern);
    if (match) return rewrite(match);
  }
  return message;
}
