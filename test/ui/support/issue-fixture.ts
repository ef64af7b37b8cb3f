/** An issue panel view for the UI tests: a Model-lane issue with handoffs both ways and a mixed checklist. */
import type { IssueDodItem, IssueHandoff, IssuePanelView } from '../../../src/contract/issue-api';

export const LANES: IssuePanelView['lanes'] = [
  { id: 'data', name: 'Data', color: '#1D7AFC' },
  { id: 'model', name: 'Model', color: '#8270DB' },
  { id: 'code', name: 'Code', color: '#22A06B' },
  { id: 'deploy', name: 'Deploy', color: '#C9372C' },
];

export function handoff(key: string, overrides: Partial<IssueHandoff> = {}): IssueHandoff {
  return {
    key,
    summary: `Summary of ${key}`,
    lane: 'data',
    status: 'In Progress',
    statusCategory: 'indeterminate',
    hidden: false,
    blocked: false,
    reasons: [],
    ...overrides,
  };
}

export function dodItem(id: string, overrides: Partial<IssueDodItem> = {}): IssueDodItem {
  return {
    id,
    label: `Item ${id}`,
    kind: 'manual',
    met: false,
    detail: 'not ticked',
    checkedBy: null,
    checkedAt: null,
    ...overrides,
  };
}

/** Recounts `dod.met`/`dod.total` from the items, so that edited fixtures stay consistent. */
export function withItems(view: IssuePanelView, items: IssueDodItem[]): IssuePanelView {
  return {
    ...view,
    dod: { ...view.dod, items, met: items.filter((item) => item.met).length, total: items.length },
  };
}

export function issueView(overrides: Partial<IssuePanelView> = {}): IssuePanelView {
  const items: IssueDodItem[] = [
    dodItem('model-card', {
      label: 'Model card written',
      met: true,
      detail: 'ticked',
      checkedBy: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
      checkedAt: '2026-11-24T09:00:00.000Z',
    }),
    dodItem('eval-reviewed', { label: 'Evaluation reviewed by a second person' }),
    dodItem('iaa', {
      label: 'Inter-annotator agreement ≥ 98%',
      kind: 'auto',
      met: false,
      detail: 'Inter-annotator agreement 0.97 — needs ≥ 0.98',
    }),
    dodItem('accuracy', {
      label: 'Validation accuracy ≥ 90%',
      kind: 'auto',
      met: true,
      detail: 'Validation accuracy 0.93 — needs ≥ 0.9',
    }),
    dodItem('dataset-version', {
      label: 'Dataset version recorded',
      kind: 'auto',
      met: false,
      detail: 'The field "Dataset version" does not exist on this site',
    }),
  ];
  const view: IssuePanelView = {
    key: 'CV-104',
    summary: 'Train v1.1 model',
    lane: 'model',
    laneRule: 'labels "training" matches keyword "train"',
    override: null,
    lanes: LANES,
    canEdit: true,
    upstream: [
      handoff('CV-101', {
        summary: 'Label 5k new images',
        blocked: true,
        reasons: ['upstream-not-done'],
      }),
      handoff('CV-132', {
        summary: 'Provision GPU quota',
        lane: 'deploy',
        status: 'To Do',
        statusCategory: 'new',
        blocked: true,
        reasons: ['upstream-not-done', 'upstream-not-started', 'upstream-outside-sprint'],
      }),
      handoff('', {
        summary: '',
        lane: null,
        status: '',
        statusCategory: 'undefined',
        hidden: true,
        blocked: true,
        reasons: ['upstream-hidden'],
      }),
    ],
    downstream: [
      handoff('CV-110', {
        summary: 'Integrate model in inference service',
        lane: 'code',
        status: 'To Do',
        statusCategory: 'new',
        blocked: true,
        reasons: ['upstream-not-done'],
      }),
    ],
    dod: { met: 0, total: 0, enforced: true, items: [] },
  };
  return { ...withItems(view, items), ...overrides };
}

/** The context Jira gives a jira:issuePanel module. */
export const ISSUE_PANEL_CONTEXT = {
  moduleKey: 'ml-lanes-issue-panel',
  siteUrl: 'https://example.atlassian.net',
  locale: 'en_GB',
  extension: { type: 'jira:issuePanel', issue: { id: '10104', key: 'CV-104' } },
};
