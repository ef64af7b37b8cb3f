import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { dodSummary } from '../../src/domain/dod-summary';
import { doneGate, enforcesAnyDod, isDodEnforced } from '../../src/domain/done-gate';
import { projectKeyOf } from '../../src/domain/issue-key';
import { buildPlan } from '../../src/domain/plan';
import type { IssueSnapshot } from '../../src/domain/snapshot';
import { issue, snapshot } from './support/snapshot-builder';

/** The default configuration, with the code lane enforcing its Definition of Done (one manual item). */
function enforcingCode(): MlLanesConfig {
  const config = defaultConfig();
  config.dod.code!.enforce = true;
  return config;
}

function planned(each: IssueSnapshot, config: MlLanesConfig) {
  return buildPlan(snapshot([each]), config).issues[0]!;
}

describe('the Done-transition gate', () => {
  it('refuses Done in an enforcing lane while an item is unmet, naming the lane and each unmet item', () => {
    const config = enforcingCode();
    expect(doneGate(planned(issue('CV-7', { labels: ['lane:code'] }), config), config)).toEqual({
      allowed: false,
      message:
        'CV-7 cannot be Done yet: the Code Definition of Done is not met: Code reviewed and merged (not ticked).',
      unmet: ['Code reviewed and merged (not ticked)'],
    });
  });

  it('allows Done once every item is met', () => {
    const config = enforcingCode();
    const ticked = issue('CV-7', { labels: ['lane:code'], dodChecked: { reviewed: true } });
    expect(doneGate(planned(ticked, config), config)).toEqual({ allowed: true, message: '', unmet: [] });
  });

  it('never blocks a lane that does not enforce, nor an issue in no lane, while another lane enforces', () => {
    const config = enforcingCode();
    const data = planned(issue('CV-8', { labels: ['lane:data'] }), config);
    const nowhere = planned(issue('CV-9', { summary: 'Chase the vendor' }), config);
    expect(data.dod.met).toBeLessThan(data.dod.total);
    expect(nowhere.lane).toBeNull();
    expect(doneGate(data, config).allowed).toBe(true);
    expect(doneGate(nowhere, config).allowed).toBe(true);
  });

  it('hands every caller an answer of its own', () => {
    const config = defaultConfig();
    const first = doneGate(planned(issue('CV-9'), config), config);
    first.unmet.push('changed by a caller');
    expect(doneGate(planned(issue('CV-9'), config), config).unmet).toEqual([]);
  });

  it('knows when nothing at all is enforced, so the gate need not read the issue', () => {
    expect(enforcesAnyDod(defaultConfig())).toBe(false);
    expect(enforcesAnyDod(enforcingCode())).toBe(true);
    expect(isDodEnforced(enforcingCode(), 'code')).toBe(true);
    expect(isDodEnforced(enforcingCode(), 'data')).toBe(false);
    expect(isDodEnforced(enforcingCode(), null)).toBe(false);
  });
});

describe('the Definition-of-Done summary JQL searches', () => {
  it('counts met items and says "no" until all are met, naming the lane', () => {
    const config = defaultConfig();
    expect(dodSummary(planned(issue('CV-1', { labels: ['lane:data'] }), config))).toEqual({
      met: 0,
      total: 3,
      complete: 'no',
      lane: 'data',
    });
    const ticked = issue('CV-2', { labels: ['lane:code'], dodChecked: { reviewed: true } });
    expect(dodSummary(planned(ticked, config))).toEqual({ met: 1, total: 1, complete: 'yes', lane: 'code' });
  });

  it('calls an issue in no lane complete, with an empty lane JQL can ask for', () => {
    expect(dodSummary(planned(issue('CV-3', { summary: 'Chase the vendor' }), defaultConfig()))).toEqual({
      met: 0,
      total: 0,
      complete: 'yes',
      lane: '',
    });
  });
});

describe('an issue key’s project', () => {
  it.each([
    ['CV-101', 'CV'],
    ['ML_OPS-7', 'ML_OPS'],
    ['A1-2', 'A1'],
  ])('is the part before the number: %s belongs to %s', (key, project) => {
    expect(projectKeyOf(key)).toBe(project);
  });

  it('leaves a bare issue id (what a link names when Jira hides the key) as it is', () => {
    expect(projectKeyOf('10042')).toBe('10042');
  });
});
