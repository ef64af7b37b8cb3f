import { defaultConfig } from '../../src/config/defaults';
import { parseConfig, parseConfigText } from '../../src/config/parse';

describe('configuration document', () => {
  it('accepts the defaults, as they are (nothing migrated)', () => {
    expect(parseConfig(defaultConfig())).toEqual({ ok: true, config: defaultConfig(), migratedFrom: null });
  });

  it('ships the lanes, link type and Definition of Done the brief names', () => {
    const config = defaultConfig();
    expect(config.lanes.map((lane) => lane.id)).toEqual(['data', 'model', 'code', 'test', 'deploy']);
    expect(config.dependencyLinkTypes).toEqual([{ name: 'Blocks', upstream: 'outward' }]);
    expect(config.dod.data?.items.map((item) => item.id)).toEqual([
      'iaa',
      'labeling-accuracy',
      'dataset-version',
    ]);
    expect(config.dod.model?.items.map((item) => item.id)).toEqual(['holdout-accuracy', 'experiment-linked']);
    expect(config.rules[0]).toEqual({ kind: 'lane-label', prefix: 'lane:' });
    // Issue types and custom fields are named too differently across sites for default conditions rules.
    expect(config.rules.some((rule) => rule.kind === 'conditions')).toBe(false);
  });

  it('lists every problem by its path, not just the first', () => {
    const config = defaultConfig() as unknown as Record<string, unknown> & { lanes: { id: string }[] };
    config.lanes[1]!.id = 'Model Lane';
    config.version = 0;
    (config.dependencyLinkTypes as unknown[]) = [];
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'lanes[1].id', 'dependencyLinkTypes']));
  });

  it('names rules and templates that point at a lane that does not exist', () => {
    const config = defaultConfig();
    config.lanes = config.lanes.filter((lane) => lane.id !== 'deploy');
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'rules[5].lane', message: 'no lane "deploy"' },
        { path: 'dod.deploy', message: 'no lane "deploy"' },
      ]),
    );
  });

  it('reports duplicate lane ids and an invalid regular expression', () => {
    const config = defaultConfig();
    config.lanes.push({ id: 'data', name: 'Data again' });
    config.dod.data!.items.push({
      id: 'version-format',
      label: 'Version looks like v1.2',
      kind: 'auto',
      field: 'Dataset version',
      rule: { op: 'matches', pattern: 'v(\\d+' },
    });
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual(
      expect.arrayContaining([
        'lanes[5].id: duplicate lane id "data"',
        'dod.data.items[3].rule.pattern: not a valid regular expression: missing closing ): `v(\\d+`',
      ]),
    );
  });

  it('refuses lane ids that cannot key the Definition of Done or capacity', () => {
    const config = defaultConfig();
    config.lanes.push({ id: 'constructor', name: 'Builders' }, { id: 'prototype', name: 'Prototypes' });
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'lanes[5].id', message: 'this lane id is reserved; pick another' },
      { path: 'lanes[6].id', message: 'this lane id is reserved; pick another' },
    ]);
  });

  it('locates problems inside conditions rules by their path', () => {
    const config = defaultConfig();
    config.rules.push({
      kind: 'conditions',
      lane: 'model',
      match: 'all',
      conditions: [
        { op: 'equals', field: 'customField', value: 'ResNet' },
        { op: 'regex', field: 'summary', pattern: 'retrain(' },
      ],
    });
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problems = result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(problems.sort()).toEqual([
      'rules[11].conditions[0].fieldId: name the custom field (its name or id)',
      'rules[11].conditions[1].pattern: not a valid regular expression: missing closing ): `retrain(`',
    ]);
  });

  it('refuses patterns that cannot run in linear time, or are too long, at their path', () => {
    const config = defaultConfig();
    config.rules.push({
      kind: 'conditions',
      lane: 'model',
      match: 'any',
      conditions: [
        { op: 'regex', field: 'summary', pattern: 'retrain(?!ing)' },
        { op: 'regex', field: 'summary', pattern: `(${'a'.repeat(600)})` },
      ],
    });
    config.dod.model!.items.push({
      id: 'version-twice',
      label: 'Version repeated',
      kind: 'auto',
      field: 'Dataset version',
      rule: { op: 'matches', pattern: '(v\\d)\\1' },
    });
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const linear = 'not supported: back-references (\\1) and look-arounds ((?=…)) cannot run in linear time';
    expect(result.problems).toEqual([
      {
        path: 'rules[11].conditions[0].pattern',
        message: `${linear} — invalid or unsupported Perl syntax: \`(?!\``,
      },
      {
        path: 'rules[11].conditions[1].pattern',
        message: 'a pattern is at most 500 characters (this one has 602)',
      },
      {
        path: 'dod.model.items[2].rule.pattern',
        message: `${linear} — invalid escape sequence: \`\\1\``,
      },
    ]);
  });

  it('says what is wrong with a missing or unknown version, and still lists the other problems', () => {
    const missing = { ...defaultConfig(), version: undefined, lanes: [] };
    const result = parseConfig(missing);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'version', message: 'no version: say "version": 2' },
        { path: 'lanes', message: 'configure at least one lane' },
      ]),
    );
    expect(parseConfig({ ...defaultConfig(), version: '2' })).toMatchObject({
      ok: false,
      problems: [{ path: 'version', message: 'unknown version "2": ML Lanes reads versions 1 to 2' }],
    });
  });

  it('names a misspelt key instead of silently dropping it (a typo must not reverse a link)', () => {
    const config = defaultConfig() as unknown as { dependencyLinkTypes: Record<string, unknown>[] };
    config.dependencyLinkTypes = [{ name: 'Blocks', upstrem: 'inward' }];
    const result = parseConfig(config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'dependencyLinkTypes[0]', message: expect.stringMatching(/upstrem/) }),
    ]);
  });

  it('says plainly when the text is not JSON', () => {
    const result = parseConfigText('{"version": 1,');
    expect(result).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/not valid JSON/);
  });
});
