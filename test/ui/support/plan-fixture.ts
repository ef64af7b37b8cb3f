/** A small PanelPlan for UI tests, shaped like the demo sprint: five lanes, blocked handoffs, a critical chain. */
import type { PanelIssue, PanelPlan } from '../../../src/contract/panel-plan';
import type { HandoffView, LaneView } from '../../../src/contract/plan-view';

export function panelIssue(key: string, overrides: Partial<PanelIssue> = {}): PanelIssue {
  return {
    key,
    summary: `Issue ${key}`,
    issueType: 'Story',
    lane: 'data',
    laneRule: 'label "lane:data"',
    status: 'To Do',
    statusCategory: 'new',
    storyPoints: 3,
    inScope: true,
    hidden: false,
    sprintName: null,
    blocked: false,
    dodMet: 1,
    dodTotal: 1,
    dodUnmet: [],
    ...overrides,
  };
}

function lane(id: string, name: string, color: string, overrides: Partial<LaneView> = {}): LaneView {
  return {
    id,
    name,
    color,
    issues: 0,
    storyPoints: 0,
    inProgress: 0,
    capacity: null,
    wipLimit: null,
    overCapacity: false,
    overWipLimit: false,
    dodMet: 0,
    dodTotal: 0,
    ...overrides,
  };
}

function handoff(
  from: string,
  to: string,
  fromLane: string | null,
  toLane: string | null,
  overrides: Partial<HandoffView> = {},
): HandoffView {
  return {
    from,
    to,
    fromLane,
    toLane,
    linkType: 'Blocks',
    blocked: true,
    reasons: ['upstream-not-done'],
    ...overrides,
  };
}

export function demoPlan(): PanelPlan {
  const issues: PanelIssue[] = [
    panelIssue('CV-101', {
      summary: 'Label 1000 images',
      status: 'In Progress',
      statusCategory: 'indeterminate',
      storyPoints: 8,
      blocked: true,
      dodMet: 1,
      dodTotal: 3,
      dodUnmet: [
        { label: 'Inter-annotator agreement ≥ 98%', detail: 'Inter-annotator agreement 0.97 — needs ≥ 0.98' },
        { label: 'Dataset version recorded', detail: 'Dataset version is empty' },
      ],
    }),
    panelIssue('CV-102', { summary: 'Clean the label set', statusCategory: 'done', status: 'Done' }),
    panelIssue('CV-104', {
      summary: 'Train v1.1 model',
      lane: 'model',
      laneRule: 'label "lane:model"',
      blocked: true,
      dodMet: 0,
      dodTotal: 2,
      dodUnmet: [
        { label: 'Accuracy on holdout ≥ 0.91', detail: 'Accuracy is missing' },
        { label: 'Model card written', detail: 'not ticked' },
      ],
    }),
    panelIssue('CV-105', {
      summary: 'Labeling tool fix',
      lane: 'code',
      laneRule: 'component "tooling"',
      status: 'In Review',
      statusCategory: 'indeterminate',
    }),
    panelIssue('CV-106', { summary: 'Evaluate on holdout', lane: 'test', laneRule: 'label "lane:test"' }),
    panelIssue('CV-108', {
      summary: 'Release to canary',
      lane: 'deploy',
      laneRule: 'label "lane:deploy"',
      blocked: true,
    }),
    panelIssue('CV-110', {
      summary: '<script>alert("x")</script> and <b>bold</b> retro notes',
      lane: null,
      laneRule: 'no rule matched (labels: none)',
      issueType: 'Task',
      storyPoints: null,
    }),
    panelIssue('CV-132', {
      summary: 'Provision GPU quota',
      lane: 'deploy',
      inScope: false,
      sprintName: 'CV Sprint 15',
      status: 'To Do',
      statusCategory: 'new',
    }),
  ];
  const handoffs: HandoffView[] = [
    handoff('CV-101', 'CV-104', 'data', 'model'),
    handoff('CV-132', 'CV-104', 'deploy', 'model', {
      reasons: ['upstream-not-started', 'upstream-outside-sprint'],
    }),
    handoff('CV-104', 'CV-108', 'model', 'deploy'),
    handoff('CV-102', 'CV-106', 'data', 'test', { blocked: false, reasons: [] }),
  ];
  return {
    scope: {
      site: 'https://example.atlassian.net',
      boardId: 1,
      boardName: 'CV board',
      sprintId: 102,
      sprintName: 'CV Sprint 14',
      sprintState: 'active',
      sprintGoal: 'Ship classifier v1.1',
      startDate: '2026-11-23T09:00:00.000Z',
      endDate: '2026-12-04T17:00:00.000Z',
    },
    lanes: [
      lane('data', 'Data', '#1D7AFC', { issues: 2, storyPoints: 11, inProgress: 1 }),
      lane('model', 'Model', '#8270DB', { issues: 1, storyPoints: 3, capacity: 2, overCapacity: true }),
      lane('code', 'Code', '#22A06B', {
        issues: 1,
        storyPoints: 3,
        inProgress: 1,
        wipLimit: 0,
        overWipLimit: true,
      }),
      lane('test', 'Test', '#D97008', { issues: 1, storyPoints: 3 }),
      lane('deploy', 'Deploy', '#C9372C', { issues: 1, storyPoints: 3 }),
    ],
    issues,
    handoffs,
    criticalChain: ['CV-101', 'CV-104', 'CV-108'],
    cycles: [],
    summary: { issues: 7, classified: 6, handoffs: 4, blockedHandoffs: 3, dodMet: 6, dodTotal: 11 },
    warnings: [],
  };
}
