/**
 * Pattern figures for `npm run bench`: admin-written regular expressions that stall a backtracking engine,
 * run on RE2 by the lane rules and the Definition of Done, and the largest pattern the caps allow.
 */
import { defaultConfig } from '../src/config/defaults';
import type { MlLanesConfig } from '../src/config/schema';
import { dodEvaluator } from '../src/domain/dod';
import { classifyIssues } from '../src/domain/lanes';
import { MAX_TESTED_LENGTH } from '../src/domain/pattern';
import type { IssueSnapshot } from '../src/domain/snapshot';

const ISSUES = 5000;
const FIELD = { id: 'customfield_10041', name: 'Dataset version' };
/** The most expensive kind of pattern within the caps: near 1,000 instructions, all live at each character. */
const LARGEST = '(\\p{L}|\\p{N}|\\s){330}z';
const HOSTILE = ['(a+)+$', '^(.+)+X$'];

function snapshotIssue(index: number, summary: string, field: string): IssueSnapshot {
  return {
    key: `CV-${index + 1}`,
    summary,
    issueType: 'Task',
    isSubtask: false,
    parentKey: null,
    projectKey: 'CV',
    status: 'To Do',
    statusCategory: 'new',
    labels: [],
    components: [],
    storyPoints: null,
    inScope: true,
    hidden: false,
    sprintName: null,
    fieldValues: { [FIELD.id]: { kind: 'text', text: field } },
    dodChecked: {},
    laneOverride: null,
  };
}

/** 40-character texts, every other one the near-match that makes a backtracking engine explode. */
function text40(index: number): string {
  return index % 2 === 0
    ? `${'a'.repeat(39)}!`
    : `Retrain detector on night images ${String(index).padStart(6, '0')}`;
}

/** Text as long as what is tested, a near-match for `(a+)+$`. */
const LONG = `${'a'.repeat(MAX_TESTED_LENGTH - 1)}!`;

/** As long as what is tested: letters, digits and spaces in a fixed pseudo-random order, so no cache helps. */
function varied(seed: number): string {
  const alphabet = 'abcdefghij klmnop 0123 qrstuvwxyé '; // no "z": LARGEST never matches, so all is read
  let state = seed + 1;
  let text = '';
  while (text.length < MAX_TESTED_LENGTH) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

function issues(count: number, field: (index: number) => string): IssueSnapshot[] {
  return Array.from({ length: count }, (_, index) => snapshotIssue(index, text40(index), field(index)));
}

function ruleConfig(pattern: string): MlLanesConfig {
  const config = defaultConfig();
  config.rules = [
    {
      kind: 'conditions',
      lane: 'model',
      match: 'all',
      conditions: [{ op: 'regex', field: 'summary', pattern }],
    },
  ];
  return config;
}

function dodConfig(pattern: string): MlLanesConfig {
  const config = defaultConfig();
  config.dod.model = {
    enforce: true,
    items: [
      { id: 'version', label: 'Version', kind: 'auto', field: FIELD.name, rule: { op: 'matches', pattern } },
    ],
  };
  return config;
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function classify(pattern: string, sprint: IssueSnapshot[]): number {
  return timed(() => classifyIssues(sprint, ruleConfig(pattern)));
}

function evaluate(pattern: string, sprint: IssueSnapshot[]): number {
  const evaluator = dodEvaluator(dodConfig(pattern), [FIELD]);
  return timed(() => {
    for (const issue of sprint) evaluator(issue, 'model');
  });
}

export function runPatternBench(): void {
  const short = issues(ISSUES, text40);
  const long = issues(ISSUES, () => LONG);
  const fewVaried = issues(100, varied);
  const rows: [string, number, number][] = [];
  for (const pattern of HOSTILE) {
    rows.push([`lane rule /${pattern}/i, 40-char summaries`, ISSUES, classify(pattern, short)]);
    rows.push([`DoD item /${pattern}/, 40-char field`, ISSUES, evaluate(pattern, short)]);
    rows.push([`DoD item /${pattern}/, ${MAX_TESTED_LENGTH}-char field`, ISSUES, evaluate(pattern, long)]);
  }
  rows.push([`lane rule /${LARGEST}/i, 40-char summaries`, ISSUES, classify(LARGEST, short)]);
  rows.push([
    `DoD item /${LARGEST}/, ${MAX_TESTED_LENGTH}-char varied field`,
    fewVaried.length,
    evaluate(LARGEST, fewVaried),
  ]);

  console.log(
    '\nAdmin-written patterns on RE2: two that stall a backtracking engine, and the costliest the caps allow',
  );
  for (const [what, count, ms] of rows) {
    console.log(
      `  ${what.padEnd(60)} ${String(count).padStart(5)} issues ${`${ms.toFixed(0)} ms`.padStart(9)}` +
        ` (${((ms * 1000) / count).toFixed(0)} µs per issue)`,
    );
  }
}

if (require.main === module) runPatternBench();
