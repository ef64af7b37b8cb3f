import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig, RuleCondition } from '../../src/config/schema';
import { classifyIssues, HIDDEN_RULE } from '../../src/domain/lanes';
import { buildPlan } from '../../src/domain/plan';
import type { IssueSnapshot, SiteField } from '../../src/domain/snapshot';
import { fromJira, hiddenIssue, issue, snapshot } from './support/snapshot-builder';

function laneOf(
  subject: IssueSnapshot,
  config: MlLanesConfig = defaultConfig(),
  others: IssueSnapshot[] = [],
  siteFields: SiteField[] = [],
) {
  return classifyIssues([...others, subject], config, siteFields).get(subject.key);
}

/** The defaults' lanes with one `conditions` rule putting issues in the model lane, and no other rule. */
function onlyRule(conditions: RuleCondition[], match: 'all' | 'any' = 'all'): MlLanesConfig {
  const config = defaultConfig();
  config.rules = [{ kind: 'conditions', lane: 'model', match, conditions }];
  return config;
}

/** The lane rule text when the conditions rule matches, or null when it does not. */
function matched(subject: IssueSnapshot, config: MlLanesConfig, siteFields: SiteField[] = []): string | null {
  const assignment = laneOf(subject, config, [], siteFields);
  return assignment?.lane === 'model' ? assignment.laneRule : null;
}

describe('keyword matching', () => {
  it('matches a keyword that is a whole word of a label', () => {
    expect(laneOf(issue('CV-1', { labels: ['labeling-team'] }))).toEqual({
      lane: 'data',
      laneRule: 'label "labeling-team" matches keyword "labeling"',
    });
  });

  it('does not match a keyword hidden inside a longer word', () => {
    expect(laneOf(issue('CV-1', { labels: ['metadata'], summary: 'Refresh metadata cache' }))).toEqual({
      lane: null,
      laneRule: 'no rule matched (labels: metadata; components: none; type: Task)',
    });
  });

  it('matches components case-insensitively and names the component', () => {
    expect(laneOf(issue('CV-1', { components: ['Nightly TRAINING'] }))).toEqual({
      lane: 'model',
      laneRule: 'component "Nightly TRAINING" matches keyword "training"',
    });
  });

  it('matches a word of the summary as it is written', () => {
    expect(laneOf(issue('CV-1', { summary: 'Retrain the Model on v2' }))).toEqual({
      lane: 'model',
      laneRule: 'summary word "Model" matches keyword "model"',
    });
  });

  it('matches a multi-word keyword only as consecutive words', () => {
    const config = defaultConfig();
    config.rules = [
      { kind: 'keywords', lane: 'data', in: ['summary', 'labels'], keywords: ['feature store'] },
    ];
    expect(laneOf(issue('CV-1', { summary: 'Backfill the Feature Store' }), config)).toEqual({
      lane: 'data',
      laneRule: 'summary words "Feature Store" match keyword "feature store"',
    });
    expect(laneOf(issue('CV-2', { labels: ['feature-store-v2'] }), config)?.lane).toBe('data');
    expect(laneOf(issue('CV-3', { summary: 'Store the feature flags' }), config)?.lane).toBeNull();
  });

  it('treats letters beyond ASCII as parts of words', () => {
    const config = defaultConfig();
    config.rules = [{ kind: 'keywords', lane: 'data', in: ['labels'], keywords: ['données'] }];
    expect(laneOf(issue('CV-1', { labels: ['équipe-données'] }), config)?.lane).toBe('data');
    expect(laneOf(issue('CV-2', { labels: ['métadonnées'] }), config)?.lane).toBeNull();
  });
});

describe('rule order', () => {
  it('lets a lane label win over keywords that come later', () => {
    const subject = issue('CV-1', { labels: ['lane:deploy'], components: ['Model Training'] });
    expect(laneOf(subject)).toEqual({ lane: 'deploy', laneRule: 'label "lane:deploy"' });
  });

  it('checks labels and components of every lane before any summary', () => {
    const subject = issue('CV-1', { labels: ['qa'], summary: 'Train the model' });
    expect(laneOf(subject)?.lane).toBe('test');
  });

  it('takes the first rule in configured order when two lanes match', () => {
    const subject = issue('CV-1', { labels: ['data-api'] });
    expect(laneOf(subject)?.lane).toBe('data');
    const config = defaultConfig();
    config.rules.reverse();
    expect(laneOf(subject, config)?.lane).toBe('code');
  });

  it('lets a conditions rule placed first win over the default keyword rules', () => {
    const config = defaultConfig();
    config.rules.unshift({
      kind: 'conditions',
      lane: 'data',
      match: 'any',
      conditions: [{ op: 'equals', field: 'issueType', value: 'labeling' }],
    });
    expect(laneOf(issue('CV-1', { issueType: 'Labeling', summary: 'Train the model' }), config)).toEqual({
      lane: 'data',
      laneRule: 'issue type is "Labeling"',
    });
    expect(laneOf(issue('CV-2', { issueType: 'Story', summary: 'Train the model' }), config)?.lane).toBe(
      'model',
    );
  });
});

describe('lane labels', () => {
  it('ignores a lane label naming a lane that does not exist and lets later rules decide', () => {
    expect(laneOf(issue('CV-1', { labels: ['lane:research'], summary: 'Train the model' }))).toEqual({
      lane: 'model',
      laneRule: 'summary word "model" matches keyword "model"',
    });
  });

  it('reads the lane label case-insensitively', () => {
    expect(laneOf(issue('CV-1', { labels: ['Lane:Data'] }))).toEqual({
      lane: 'data',
      laneRule: 'label "Lane:Data"',
    });
  });

  it('uses a configured prefix', () => {
    const config = defaultConfig();
    config.rules = [{ kind: 'lane-label', prefix: 'ml/' }];
    expect(laneOf(issue('CV-1', { labels: ['lane:data', 'ml/test'] }), config)?.lane).toBe('test');
  });
});

describe('unclassified, hidden and sub-task issues', () => {
  it('says what it looked at when no rule matches', () => {
    const subject = issue('CV-1', { labels: ['urgent', 'q3'], components: ['Billing'], issueType: 'Story' });
    expect(laneOf(subject)).toEqual({
      lane: null,
      laneRule: 'no rule matched (labels: urgent, q3; components: Billing; type: Story)',
    });
  });

  it('never classifies a hidden issue', () => {
    expect(laneOf({ ...hiddenIssue('SEC-1'), labels: ['lane:data'] })).toEqual({
      lane: null,
      laneRule: HIDDEN_RULE,
    });
  });

  it("gives a sub-task its parent's lane and says so", () => {
    const parent = issue('CV-101', { labels: ['lane:data'] });
    const subtask = issue('CV-102', { isSubtask: true, parentKey: 'CV-101', summary: 'Write notes' });
    expect(laneOf(subtask, defaultConfig(), [parent])).toEqual({
      lane: 'data',
      laneRule: 'inherited from parent CV-101 (label "lane:data")',
    });
  });

  it("lets a sub-task's own rule override its parent's lane", () => {
    const parent = issue('CV-101', { labels: ['lane:data'] });
    const subtask = issue('CV-102', { isSubtask: true, parentKey: 'CV-101', summary: 'Deploy the scorer' });
    expect(laneOf(subtask, defaultConfig(), [parent])).toEqual({
      lane: 'deploy',
      laneRule: 'summary word "Deploy" matches keyword "deploy"',
    });
  });

  it('leaves a sub-task unclassified when its parent is not in the snapshot', () => {
    const subtask = issue('CV-102', { isSubtask: true, parentKey: 'CV-101', summary: 'Write notes' });
    expect(laneOf(subtask)?.lane).toBeNull();
  });

  it('does not pass a lane to an epic child that is not a sub-task', () => {
    const epic = issue('CV-100', { issueType: 'Epic', labels: ['lane:data'] });
    const story = issue('CV-103', { parentKey: 'CV-100', summary: 'Write notes' });
    expect(laneOf(story, defaultConfig(), [epic])?.lane).toBeNull();
  });
});

describe('conditions rules: fields and operators', () => {
  it('compares the issue type case-insensitively and as a whole', () => {
    const config = onlyRule([{ op: 'equals', field: 'issueType', value: 'labeling' }]);
    expect(matched(issue('CV-1', { issueType: 'Labeling' }), config)).toBe('issue type is "Labeling"');
    expect(matched(issue('CV-2', { issueType: 'Labeling task' }), config)).toBeNull();
  });

  it('matches labels when any one label equals the value, and names it', () => {
    const config = onlyRule([{ op: 'equals', field: 'labels', value: 'vision' }]);
    expect(matched(issue('CV-1', { labels: ['urgent', 'Vision'] }), config)).toBe('label is "Vision"');
    expect(matched(issue('CV-2', { labels: ['vision-team'] }), config)).toBeNull();
    expect(matched(issue('CV-3'), config)).toBeNull();
  });

  it('finds a value inside labels and components with contains, ignoring case', () => {
    const labels = onlyRule([{ op: 'contains', field: 'labels', value: 'vision' }]);
    expect(matched(issue('CV-1', { labels: ['q3', 'computer-VISION'] }), labels)).toBe(
      'label contains "vision"',
    );
    const components = onlyRule([{ op: 'contains', field: 'components', value: 'Vision' }]);
    expect(matched(issue('CV-2', { components: ['Billing', 'Vision models'] }), components)).toBe(
      'component contains "Vision"',
    );
    expect(matched(issue('CV-3', { components: ['Billing'] }), components)).toBeNull();
  });

  it('matches a component that equals the value', () => {
    const config = onlyRule([{ op: 'equals', field: 'components', value: 'model training' }]);
    expect(matched(issue('CV-1', { components: ['Model Training'] }), config)).toBe(
      'component is "Model Training"',
    );
    expect(matched(issue('CV-2', { components: ['Model Training v2'] }), config)).toBeNull();
  });

  it('reads the project key', () => {
    const config = onlyRule([{ op: 'equals', field: 'project', value: 'cv' }]);
    expect(matched(issue('CV-1'), config)).toBe('project is "CV"');
    expect(matched(issue('OPS-1'), config)).toBeNull();
  });

  it('reads the parent key, and says when an issue has a parent at all', () => {
    const equals = onlyRule([{ op: 'equals', field: 'parent', value: 'cv-100' }]);
    expect(matched(issue('CV-1', { parentKey: 'CV-100' }), equals)).toBe('parent is "CV-100"');
    expect(matched(issue('CV-2', { parentKey: 'CV-1000' }), equals)).toBeNull();
    const isSet = onlyRule([{ op: 'is-set', field: 'parent' }]);
    expect(matched(issue('CV-3', { parentKey: 'CV-100' }), isSet)).toBe('has a parent');
    expect(matched(issue('CV-4'), isSet)).toBeNull();
  });

  it('tells set from empty for labels and components', () => {
    const labels = onlyRule([{ op: 'is-set', field: 'labels' }]);
    expect(matched(issue('CV-1', { labels: ['q3'] }), labels)).toBe('has a label');
    expect(matched(issue('CV-2', { labels: [] }), labels)).toBeNull();
    const components = onlyRule([{ op: 'is-set', field: 'components' }]);
    expect(matched(issue('CV-3', { components: ['Data'] }), components)).toBe('has a component');
    expect(matched(issue('CV-4'), components)).toBeNull();
  });

  it('matches keywords in the summary as whole words only', () => {
    const config = onlyRule([{ op: 'keywords', field: 'summary', keywords: ['retrain', 'fine tune'] }]);
    expect(matched(issue('CV-1', { summary: 'Retrain the detector' }), config)).toBe(
      'summary word "Retrain" matches keyword "retrain"',
    );
    expect(matched(issue('CV-2', { summary: 'Fine-tune on night images' }), config)).toBe(
      'summary words "Fine tune" match keyword "fine tune"',
    );
    expect(matched(issue('CV-3', { summary: 'Retraining pipeline docs' }), config)).toBeNull();
  });

  it('matches a regular expression against the summary, ignoring case', () => {
    const config = onlyRule([{ op: 'regex', field: 'summary', pattern: '^retrain(ing)?\\b' }]);
    expect(matched(issue('CV-1', { summary: 'RETRAINING the detector' }), config)).toBe(
      'summary matches /^retrain(ing)?\\b/i',
    );
    expect(matched(issue('CV-2', { summary: 'Please retrain' }), config)).toBeNull();
  });

  it('does not crash on an unchecked config with a broken pattern: the condition just never holds', () => {
    const config = onlyRule([{ op: 'regex', field: 'summary', pattern: 'v(\\d+' }]);
    expect(matched(issue('CV-1', { summary: 'v(1' }), config)).toBeNull();
  });
});

describe('conditions rules: custom fields', () => {
  const MODEL_FAMILY: SiteField = { id: 'customfield_10042', name: 'Model family' };
  const SITE = [{ id: 'customfield_10001', name: 'Team' }, MODEL_FAMILY];

  it('finds a custom field by its display name, whatever the case, and reads option values', () => {
    const config = onlyRule([
      { op: 'equals', field: 'customField', fieldId: 'model FAMILY', value: 'resnet' },
    ]);
    const subject = issue('CV-1', {
      fieldValues: fromJira({ customfield_10042: { id: '7', value: 'ResNet' } }),
    });
    expect(matched(subject, config, SITE)).toBe('field "Model family" is "ResNet"');
    const other = issue('CV-2', { fieldValues: fromJira({ customfield_10042: { id: '8', value: 'ViT' } }) });
    expect(matched(other, config, SITE)).toBeNull();
  });

  it('finds a custom field by its id and names it by its display name', () => {
    const config = onlyRule([
      { op: 'contains', field: 'customField', fieldId: 'customfield_10042', value: 'net' },
    ]);
    const subject = issue('CV-1', { fieldValues: fromJira({ customfield_10042: 'EfficientNet-B0' }) });
    expect(matched(subject, config, SITE)).toBe('field "Model family" contains "net"');
  });

  it('reads numbers, lists and named objects as the text people see', () => {
    const equals = (value: string) =>
      onlyRule([{ op: 'equals', field: 'customField', fieldId: 'Model family', value }]);
    const valued = (value: unknown) => issue('CV-1', { fieldValues: fromJira({ customfield_10042: value }) });
    expect(matched(valued(3), equals('3'), SITE)).toBe('field "Model family" is "3"');
    expect(matched(valued([{ value: 'CNN' }, { value: 'ResNet' }]), equals('resnet'), SITE)).toBe(
      'field "Model family" is "ResNet"',
    );
    expect(matched(valued({ name: 'Vision team' }), equals('vision team'), SITE)).toBe(
      'field "Model family" is "Vision team"',
    );
    expect(matched(valued(['a', 'b']), equals('a, b'), SITE)).toBeNull();
  });

  it('tells a set custom field from an empty one', () => {
    const config = onlyRule([{ op: 'is-set', field: 'customField', fieldId: 'Model family' }]);
    const valued = (value: unknown) => issue('CV-1', { fieldValues: fromJira({ customfield_10042: value }) });
    expect(matched(valued('ResNet'), config, SITE)).toBe('field "Model family" is set');
    expect(matched(valued(0), config, SITE)).toBe('field "Model family" is set');
    for (const empty of [null, '', '  ', [], [null], { value: '' }]) {
      expect(matched(valued(empty), config, SITE)).toBeNull();
    }
    expect(matched(issue('CV-2'), config, SITE)).toBeNull();
  });

  it('reads whichever of two same-named fields holds a value on the issue', () => {
    const site = [...SITE, { id: 'customfield_20042', name: 'Model Family' }];
    const config = onlyRule([{ op: 'equals', field: 'customField', fieldId: 'Model family', value: 'vit' }]);
    const subject = issue('CV-1', {
      fieldValues: fromJira({ customfield_10042: null, customfield_20042: 'ViT' }),
    });
    expect(matched(subject, config, site)).toBe('field "Model Family" is "ViT"');
  });

  it('never matches a field the site does not have, and lets the other conditions of an any-rule decide', () => {
    const missing = { op: 'is-set', field: 'customField', fieldId: 'Experiment URL' } as const;
    const subject = issue('CV-1', {
      summary: 'Retrain',
      fieldValues: fromJira({ customfield_10042: 'ResNet', 'Experiment URL': 'https://x' }),
    });
    expect(matched(subject, onlyRule([missing]), SITE)).toBeNull();
    expect(
      matched(
        subject,
        onlyRule([missing, { op: 'regex', field: 'summary', pattern: 'retrain' }], 'any'),
        SITE,
      ),
    ).toBe('summary matches /retrain/i');
    // With no site fields known at all, an id is not taken on trust either.
    const byId = onlyRule([{ op: 'is-set', field: 'customField', fieldId: 'customfield_10042' }]);
    expect(matched(subject, byId, [])).toBeNull();
  });

  it('reads site fields from the snapshot when planning', () => {
    const config = onlyRule([
      { op: 'equals', field: 'customField', fieldId: 'Model family', value: 'resnet' },
    ]);
    const plan = buildPlan(
      snapshot(
        [issue('CV-1', { fieldValues: fromJira({ customfield_10042: { value: 'ResNet' } }) })],
        [],
        SITE,
      ),
      config,
    );
    expect(plan.issues[0]).toMatchObject({ lane: 'model', laneRule: 'field "Model family" is "ResNet"' });
  });
});

describe('conditions rules: all and any', () => {
  const VISION = { op: 'contains', field: 'components', value: 'vision' } as const;
  const RETRAIN = { op: 'regex', field: 'summary', pattern: 'retrain' } as const;
  const both = issue('CV-1', { components: ['Vision'], summary: 'Retrain the detector' });
  const componentOnly = issue('CV-2', { components: ['Vision'], summary: 'Label night images' });
  const summaryOnly = issue('CV-3', { summary: 'Retrain the detector' });

  it('with all, needs every condition and says each one', () => {
    const config = onlyRule([VISION, RETRAIN], 'all');
    expect(matched(both, config)).toBe('all of: component contains "vision", summary matches /retrain/i');
    expect(matched(componentOnly, config)).toBeNull();
    expect(matched(summaryOnly, config)).toBeNull();
  });

  it('with any, needs one condition and says the first that holds', () => {
    const config = onlyRule([VISION, RETRAIN], 'any');
    expect(matched(both, config)).toBe('component contains "vision"');
    expect(matched(componentOnly, config)).toBe('component contains "vision"');
    expect(matched(summaryOnly, config)).toBe('summary matches /retrain/i');
    expect(matched(issue('CV-4', { summary: 'Write docs' }), config)).toBeNull();
  });

  it('says a lone condition without "all of"', () => {
    expect(matched(both, onlyRule([RETRAIN], 'all'))).toBe('summary matches /retrain/i');
  });

  it("passes a conditions rule's lane on to sub-tasks", () => {
    const config = onlyRule([VISION]);
    const subtask = issue('CV-9', { isSubtask: true, parentKey: 'CV-2', summary: 'Write notes' });
    expect(laneOf(subtask, config, [componentOnly])).toEqual({
      lane: 'model',
      laneRule: 'inherited from parent CV-2 (component contains "vision")',
    });
  });
});

describe('manual lane override', () => {
  it('wins over every rule and says so, while its lane exists', () => {
    const config = defaultConfig();
    const lanes = classifyIssues(
      [
        issue('CV-1', { labels: ['lane:data'], laneOverride: 'test' }),
        issue('CV-2', { labels: ['lane:data'], laneOverride: 'no-such-lane' }),
      ],
      config,
    );
    expect(lanes.get('CV-1')).toEqual({ lane: 'test', laneRule: 'manual override' });
    expect(lanes.get('CV-2')).toEqual({ lane: 'data', laneRule: 'label "lane:data"' });
  });
});
