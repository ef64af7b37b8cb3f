import { runInNewContext } from 'node:vm';
import { defaultConfig } from '../../src/config/defaults';
import type { DodItem, MlLanesConfig } from '../../src/config/schema';
import { dodEvaluator } from '../../src/domain/dod';
import { classifyIssues } from '../../src/domain/lanes';
import {
  compilePattern,
  MAX_PATTERN_LENGTH,
  MAX_TESTED_LENGTH,
  patternProblem,
} from '../../src/domain/pattern';
import type { IssueSnapshot } from '../../src/domain/snapshot';
import { fromJira, issue } from './support/snapshot-builder';

/**
 * Runs synchronous work with a deadline. A backtracking regular expression blocks the event loop, so jest's own
 * timeout could never fire; vm's watchdog interrupts it, and the test fails instead of hanging.
 */
const DEADLINE_MS = 10_000;
function withinDeadline<T>(work: () => T): T {
  return runInNewContext('work()', { work }, { timeout: DEADLINE_MS }) as T;
}
const TEST_TIMEOUT_MS = 2 * DEADLINE_MS;

/** Patterns that take exponential time in a backtracking engine on text that almost matches. */
const NESTED_PLUS = '(a+)+$';
const NESTED_ANY = '^(.+)+X$';
/** 40 characters, the length of an ordinary summary. */
const ALMOST_A = `${'a'.repeat(39)}!`;
const ORDINARY = 'Retrain the detector on night images v2';

function withRegexRules(...patterns: string[]): MlLanesConfig {
  const config = defaultConfig();
  config.rules = patterns.map((pattern) => ({
    kind: 'conditions' as const,
    lane: 'model',
    match: 'all' as const,
    conditions: [{ op: 'regex' as const, field: 'summary' as const, pattern }],
  }));
  return config;
}

function lanesOf(issues: IssueSnapshot[], config: MlLanesConfig) {
  return withinDeadline(() => classifyIssues(issues, config));
}

describe('hostile lane rules classify every issue, and correctly', () => {
  it(
    `(a+)+$ and ^(.+)+X$ against 40-character summaries`,
    () => {
      const config = withRegexRules(NESTED_PLUS, NESTED_ANY);
      const issues = [
        issue('CV-1', { summary: ALMOST_A }),
        issue('CV-2', { summary: ORDINARY }),
        issue('CV-3', { summary: 'a'.repeat(40) }),
        issue('CV-4', { summary: `${ORDINARY}X` }),
        ...Array.from({ length: 200 }, (_, index) => issue(`CV-${index + 10}`, { summary: ALMOST_A })),
      ];
      const lanes = lanesOf(issues, config);
      expect(lanes.get('CV-1')?.lane).toBeNull();
      expect(lanes.get('CV-2')?.lane).toBeNull();
      expect(lanes.get('CV-3')).toEqual({ lane: 'model', laneRule: 'summary matches /(a+)+$/i' });
      // Case-insensitive, as before: "x" ends the summary.
      expect(lanes.get('CV-4')).toEqual({ lane: 'model', laneRule: 'summary matches /^(.+)+X$/i' });
      expect([...lanes.values()].filter((lane) => lane.lane === 'model')).toHaveLength(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'tests only the first 10,000 characters of a longer summary, and says so when that matched',
    () => {
      const config = withRegexRules('^(a|aa)+b', 'tail$');
      const long = `${'a'.repeat(MAX_TESTED_LENGTH - 1)}b${'a'.repeat(50_000)}`;
      const beyond = `${'x'.repeat(MAX_TESTED_LENGTH)}tail`;
      const lanes = lanesOf([issue('CV-1', { summary: long }), issue('CV-2', { summary: beyond })], config);
      expect(lanes.get('CV-1')).toEqual({
        lane: 'model',
        laneRule: 'summary matches /^(a|aa)+b/i (in its first 10,000 characters)',
      });
      // "tail" lies beyond what is tested.
      expect(lanes.get('CV-2')?.lane).toBeNull();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('hostile Definition-of-Done patterns evaluate every issue, and correctly', () => {
  const FIELD = { id: 'customfield_10041', name: 'Dataset version' };
  const item = (pattern: string): DodItem => ({
    id: 'version',
    label: 'Version recorded',
    kind: 'auto',
    field: FIELD.name,
    rule: { op: 'matches', pattern },
  });
  function evaluate(pattern: string, values: unknown[]) {
    const config = defaultConfig();
    config.dod.model = { enforce: true, items: [item(pattern)] };
    const check = dodEvaluator(config, [FIELD]);
    return withinDeadline(() =>
      values.map((value, index) => {
        const [result] = check(
          issue(`CV-${index + 1}`, { fieldValues: fromJira({ [FIELD.id]: value }) }),
          'model',
        ).items;
        return result && { met: result.met, detail: result.detail };
      }),
    );
  }

  it(
    '(a+)+$ and ^(.+)+X$ against long fields',
    () => {
      const almost = `${'a'.repeat(5_000)}!`;
      expect(evaluate(NESTED_PLUS, [almost, 'aaaa'])).toEqual([
        { met: false, detail: `Dataset version "${'a'.repeat(79)}…" does not match /(a+)+$/` },
        { met: true, detail: 'Dataset version "aaaa" matches /(a+)+$/' },
      ]);
      expect(evaluate(NESTED_ANY, [`${ORDINARY} ${ORDINARY}`, 'v2 final x'])).toEqual([
        { met: false, detail: `Dataset version "${ORDINARY} ${ORDINARY}" does not match /^(.+)+X$/` },
        { met: true, detail: 'Dataset version "v2 final x" matches /^(.+)+X$/' },
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'says when only the beginning of a long field was tested',
    () => {
      const long = `${'a'.repeat(20_000)}!`;
      expect(evaluate(NESTED_PLUS, [long])).toEqual([
        {
          met: true,
          detail: `Dataset version "${'a'.repeat(79)}…" matches /(a+)+$/ (in its first 10,000 characters)`,
        },
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it('gives an unmet item saying why, for a pattern an unchecked config holds that cannot run', () => {
    expect(evaluate('(v\\d)\\1', ['v1v1'])).toEqual([
      {
        met: false,
        detail:
          'pattern /(v\\d)\\1/ cannot be used: not supported: back-references (\\1) and look-arounds ((?=…)) ' +
          'cannot run in linear time — invalid escape sequence: `\\1`',
      },
    ]);
  });
});

describe('patterns RE2 cannot run in linear time, or that are too large, are refused with the reason', () => {
  it.each([
    ['(v\\d)\\1', 'invalid escape sequence: `\\1`'],
    ['(?<v>x)\\k<v>', 'invalid escape sequence: `\\k`'],
    ['retrain(?=ing)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['retrain(?!ing)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=re)train', 'invalid named capture: `(?<=re)train`'],
  ])('%s', (pattern, engine) => {
    expect(patternProblem(pattern)).toBe(
      `not supported: back-references (\\1) and look-arounds ((?=…)) cannot run in linear time — ${engine}`,
    );
  });

  it('refuses a pattern longer than 500 characters, before compiling it', () => {
    expect(patternProblem('a'.repeat(MAX_PATTERN_LENGTH))).toBeNull();
    expect(patternProblem(`${'a'.repeat(MAX_PATTERN_LENGTH)}(`)).toBe(
      'a pattern is at most 500 characters (this one has 501)',
    );
  });

  it('refuses a pattern that compiles too large to test on every issue', () => {
    expect(patternProblem('.{600}.{600}')).toMatch(
      /^too large to test on every issue: it compiles to \d+ instructions, at most 1000 are allowed — use smaller repeat counts such as \{n,m\}$/,
    );
    expect(patternProblem('(.{0,1000}){1000}')).toBe(
      'too large to test on every issue: expression too large',
    );
  });

  it('names the syntax error of an invalid pattern as the admin wrote it', () => {
    expect(patternProblem('retrain(')).toBe('not a valid regular expression: missing closing ): `retrain(`');
    expect(patternProblem('caf\\u00e9')).toBe(
      'not a valid regular expression: invalid escape sequence: `\\u` (write \\u00e9 as \\x{00e9})',
    );
    expect(patternProblem('caf\\x{00e9}')).toBeNull();
  });
});

describe('ordinary patterns behave as before', () => {
  it.each([
    ['^retrain(ing)?\\b', 'RETRAINING the detector', true],
    ['^retrain(ing)?\\b', 'Please retrain', false],
    ['v\\d+\\.\\d+$', 'Dataset V3.12', true],
    ['v\\d+\\.\\d+$', 'Dataset v3.12 draft', false],
    ['\\b(train|fine-?tune|evaluate)\\b', 'Fine-tune on night images', true],
    ['\\b(train|fine-?tune|evaluate)\\b', 'Retrain the model', false],
    ['^https://mlflow\\.', 'HTTPS://MLflow.example.com/runs/7', true],
    ['^[A-Z]{2,4}-\\d+$', 'cv-101', true],
    ['[^a-z ]', 'only letters here', false],
    ['café', 'CAFÉ review', true],
    ['', 'anything', true],
  ])('/%s/i on "%s" → %s', (source, text, expected) => {
    const compiled = compilePattern(source);
    if (!compiled.ok) throw new Error(compiled.problem);
    expect(compiled.pattern.test(text)).toBe(expected);
  });
});
