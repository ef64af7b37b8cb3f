import { defaultConfig } from '../../src/config/defaults';
import { migrateConfig } from '../../src/config/migrations';
import { parseConfig, parseConfigText } from '../../src/config/parse';
import { CONFIG_VERSION, type MlLanesConfig } from '../../src/config/schema';
import { classifyIssues } from '../../src/domain/lanes';
import { buildPlan } from '../../src/domain/plan';
import type { IssueSnapshot } from '../../src/domain/snapshot';
import { issue, snapshot } from './support/snapshot-builder';

/** A document as ML Lanes 1 wrote it: the defaults with an `issue-type` rule first. */
function version1(issueTypes: unknown = ['labeling', ' Annotation ']): Record<string, unknown> {
  const { rules, ...rest } = defaultConfig();
  return {
    ...rest,
    version: 1,
    rules: [{ kind: 'issue-type', lane: 'data', issueTypes }, ...rules],
  };
}

/** How version 1 decided an issue-type rule: the trimmed type, case-insensitively, among the listed ones. */
function version1IssueTypeMatches(subject: IssueSnapshot, issueTypes: string[]): boolean {
  const types = new Set(issueTypes.map((type) => type.trim().toLowerCase()));
  return types.has(subject.issueType.trim().toLowerCase());
}

function loaded(value: unknown): { config: MlLanesConfig; migratedFrom: number | null } {
  const result = parseConfig(value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

describe('migrating version 1 documents', () => {
  it('turns an issue-type rule into a conditions rule matching any of the types, leaving the rest alone', () => {
    const before = version1();
    const frozen = JSON.stringify(before);
    const { value, migratedFrom } = migrateConfig(before);
    expect(migratedFrom).toBe(1);
    const after = value as Record<string, unknown> & { rules: unknown[] };
    expect(after.version).toBe(CONFIG_VERSION);
    expect(after.rules[0]).toEqual({
      kind: 'conditions',
      lane: 'data',
      match: 'any',
      conditions: [
        { op: 'equals', field: 'issueType', value: 'labeling' },
        { op: 'equals', field: 'issueType', value: ' Annotation ' },
      ],
    });
    expect(after.rules.slice(1)).toEqual(defaultConfig().rules);
    expect({ ...after, rules: [] }).toEqual({ ...defaultConfig(), rules: [] });
    // The stored document is not changed underneath its owner.
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('classifies the same issues into the same lanes as version 1 did', () => {
    const issueTypes = ['labeling', ' Annotation '];
    const { config, migratedFrom } = loaded(version1(issueTypes));
    expect(migratedFrom).toBe(1);
    const issues = [
      issue('CV-1', { issueType: 'Labeling', summary: 'Train the model' }),
      issue('CV-2', { issueType: 'ANNOTATION' }),
      issue('CV-3', { issueType: 'Labeling task', summary: 'Deploy the scorer' }),
      issue('CV-4', { issueType: 'Story', labels: ['qa'] }),
      issue('CV-5', { issueType: 'annotation ', components: ['Model Training'] }),
      issue('CV-6', { issueType: 'Bug' }),
    ];
    const withoutTheRule = defaultConfig();
    const expected = (subject: IssueSnapshot) =>
      version1IssueTypeMatches(subject, issueTypes)
        ? 'data'
        : (classifyIssues([subject], withoutTheRule).get(subject.key)?.lane ?? null);
    const plan = buildPlan(snapshot(issues), config);
    expect(plan.issues.map((each) => [each.key, each.lane])).toEqual(
      issues.map((subject) => [subject.key, expected(subject)]),
    );
    expect(plan.issues.map((each) => each.lane)).toEqual(['data', 'data', 'deploy', 'test', 'data', null]);
    expect(plan.issues[0]?.laneRule).toBe('issue type is "Labeling"');
    expect(plan.issues[1]?.laneRule).toBe('issue type is "ANNOTATION"');
  });

  it('loads a version 1 file through parseConfigText and says it was migrated', () => {
    const result = parseConfigText(JSON.stringify(version1(), null, 2));
    expect(result).toMatchObject({ ok: true, migratedFrom: 1, config: { version: 2 } });
    if (result.ok) expect(result.config.rules[0]).toMatchObject({ kind: 'conditions', match: 'any' });
  });

  it('reports a broken version 1 rule at its place in the migrated document', () => {
    const result = parseConfig(version1([]));
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'rules[0].conditions', message: 'add at least one condition' }],
    });
  });

  it('leaves a current document alone', () => {
    const current = defaultConfig();
    expect(migrateConfig(current)).toEqual({ value: current, migratedFrom: null });
    expect(migrateConfig(current).value).toBe(current);
  });
});

describe('versions this ML Lanes cannot read', () => {
  it.each([undefined, 0, 1.5, '1', null])('leaves version %p alone for validation to report', (version) => {
    const document = { ...version1(), version };
    expect(migrateConfig(document)).toEqual({ value: document, migratedFrom: null });
    const result = parseConfig(document);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.path)).toContain('version');
  });

  it('leaves values that are not documents alone', () => {
    for (const value of [null, [], 'text', 1]) {
      expect(migrateConfig(value)).toEqual({ value, migratedFrom: null });
    }
    expect(parseConfig([])).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
  });

  it('says only that a newer document was written by a newer ML Lanes, not what this version cannot read in it', () => {
    const newer = { ...defaultConfig(), version: CONFIG_VERSION + 1, rules: [{ kind: 'from-the-future' }] };
    expect(migrateConfig(newer)).toEqual({ value: newer, migratedFrom: null });
    const result = parseConfigText(JSON.stringify(newer));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'version',
        message:
          'version 3 was written by a newer ML Lanes (this one reads versions up to 2): update ML Lanes to use it',
      },
    ]);
  });
});
