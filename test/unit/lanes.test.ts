import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { classifyIssues, HIDDEN_RULE } from '../../src/domain/lanes';
import type { IssueSnapshot } from '../../src/domain/snapshot';
import { hiddenIssue, issue } from './support/snapshot-builder';

function laneOf(
  subject: IssueSnapshot,
  config: MlLanesConfig = defaultConfig(),
  others: IssueSnapshot[] = [],
) {
  return classifyIssues([...others, subject], config).get(subject.key);
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

  it('matches issue types case-insensitively when an admin adds such a rule', () => {
    const config = defaultConfig();
    config.rules.unshift({ kind: 'issue-type', lane: 'data', issueTypes: ['labeling'] });
    expect(laneOf(issue('CV-1', { issueType: 'Labeling', summary: 'Ship it' }), config)).toEqual({
      lane: 'data',
      laneRule: 'issue type "Labeling"',
    });
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
