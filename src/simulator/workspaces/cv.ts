import type { Workspace } from '../workspace';
import { blocks, DEFAULT_LINK_TYPES, DEFAULT_STATUSES, flaggedField, issueFactory, relates } from './common';

/**
 * The demo squad: computer vision, image classifier v1.1. Board 1 "CV board" (scrum, project CV).
 * Squad: ML engineers Priya Raman and Tomás Ferreira; labelers Aiko Sato, Bongani Dlamini, Chloé Martin,
 * Dmitri Volkov; QA Hana Kim.
 *
 * Intended handoffs (upstream blocks downstream):
 * - CV-104 labeling-tool bug (code) -> CV-101 label 1,000 images (data) -> CV-105 train v1.1 (model)
 *   -> CV-106 validation suite (test) -> CV-108 canary release (deploy); CV-105 -> CV-113 API integration (code) -> CV-108
 * - CV-132 GPU quota (backlog) -> CV-105; CV-131 field-camera images (CV Sprint 15) -> CV-109 fine-tune
 * - CV-104 -> CV-124 hard negatives; CV-112 (done) -> CV-115 and CV-114 (done) -> CV-117: unblocked handoffs
 * - CV-140 is not browsable by the user (blocks CV-122); CV-141 vanished (blocks CV-123)
 */

/** Field ids of this site: deliberately not the ids seen in Atlassian's docs, to catch hard-coding. */
export const CV_FIELDS = {
  sprint: 'customfield_10104',
  rank: 'customfield_10102',
  storyPointEstimate: 'customfield_10106',
  legacyStoryPoints: 'customfield_10237',
  interAnnotatorAgreement: 'customfield_10231',
  labelingAccuracy: 'customfield_10232',
  datasetVersion: 'customfield_10233',
  modelAccuracy: 'customfield_10234',
  experimentUrl: 'customfield_10235',
  riskTier: 'customfield_10236',
  flagged: 'customfield_10238',
} as const;

export const CV_BOARD_ID = 1;
export const CV_SPRINTS = { previous: 101, active: 102, next: 103 } as const;

const F = CV_FIELDS;
const S = CV_SPRINTS;
const cv = issueFactory('CV', 10000);
const active = { sprintIds: [S.active] };

const issues: Workspace['issues'] = [
  cv(100, "Label 500 images for class 'scratched housing'", {
    labels: ['labeling'],
    components: ['Labeling'],
    status: 'Done',
    sprintIds: [S.previous],
    fields: {
      [F.storyPointEstimate]: 5,
      [F.interAnnotatorAgreement]: 0.985,
      [F.datasetVersion]: 'cv-2026.11.1',
    },
  }),
  // Carried over from CV Sprint 13, so its sprint field lists both sprints.
  cv(101, "Label 1,000 images for class 'cracked lens'", {
    labels: ['labeling'],
    components: ['Labeling'],
    status: 'In Progress',
    sprintIds: [S.previous, S.active],
    fields: { [F.storyPointEstimate]: 8, [F.interAnnotatorAgreement]: 0.97, [F.labelingAccuracy]: 0.96 },
  }),
  cv(102, 'Batch 1/2: label images 1–500 (Aiko, Bongani)', {
    issueType: 'Sub-task',
    subtask: true,
    parentKey: 'CV-101',
    status: 'Done',
    fields: { [F.interAnnotatorAgreement]: 98, [F.labelingAccuracy]: 97 },
  }),
  cv(103, 'Batch 2/2: label images 501–1,000 (Chloé, Dmitri)', {
    issueType: 'Sub-task',
    subtask: true,
    parentKey: 'CV-101',
    status: 'In Progress',
    fields: { [F.labelingAccuracy]: 0.91 },
  }),
  cv(104, 'Labeling tool: polygon save lag halves labeling throughput', {
    issueType: 'Bug',
    priority: 'High',
    labels: ['frontend'],
    components: ['Backend'],
    status: 'In Review',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
    properties: { 'ml-lanes-dod': { checked: { reviewed: true } } },
  }),
  cv(105, 'Train v1.1 model with focal loss and rebalanced sampler', {
    labels: ['training'],
    components: ['Training'],
    status: 'To Do',
    ...active,
    // The stale "Story Points" value must be ignored: this board estimates with "Story point estimate".
    fields: {
      [F.storyPointEstimate]: 5,
      [F.legacyStoryPoints]: 13,
      [F.riskTier]: 'Tier 2',
      [F.modelAccuracy]: null,
    },
  }),
  cv(106, 'Execute accuracy validation suite on the holdout set', {
    labels: ['qa'],
    components: ['Evaluation'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
  }),
  cv(107, 'Spike: evaluate focal loss for class imbalance (time-box 2 days)', {
    issueType: 'Spike',
    labels: ['experiment', 'spike'],
    status: 'In Progress',
    ...active,
    fields: {
      [F.storyPointEstimate]: 2,
      [F.modelAccuracy]: 0.87,
      [F.experimentUrl]: 'https://mlflow.example.com/#/experiments/42/runs/7f3c9e',
    },
  }),
  cv(108, 'Release v1.1 to production canary', {
    labels: ['release'],
    components: ['Serving'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 3, [F.legacyStoryPoints]: 8, [F.riskTier]: 'Tier 1' },
  }),
  cv(109, 'Fine-tune on edge-case images from field cameras', {
    labels: ['training'],
    components: ['Training'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 5 },
  }),
  cv(110, 'Sprint retro actions follow-up', {
    issueType: 'Task',
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 1 },
  }),
  // Markup in a summary: every client must show it as text, never render it; the title tells demo viewers so.
  cv(
    111,
    'Demo of safe display: this title holds markup, <b>bold</b> and <script>alert(1)</script>, shown as text',
    {
      issueType: 'Bug',
      labels: ['dataset'],
      status: 'In Progress',
      ...active,
      fields: { [F.storyPointEstimate]: 2 },
    },
  ),
  cv(112, 'Export labeled dataset v1.1-rc to the training bucket', {
    labels: ['dataset'],
    components: ['Data pipeline'],
    status: 'Done',
    ...active,
    fields: {
      [F.storyPointEstimate]: 2,
      [F.datasetVersion]: 'cv-2026.11.3-rc1',
      [F.interAnnotatorAgreement]: 0.985,
      [F.labelingAccuracy]: 0.97,
    },
  }),
  cv(113, 'Integrate v1.1 model into the inference API', {
    labels: ['api', 'backend'],
    components: ['Backend'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
  }),
  cv(114, 'Data augmentation pipeline: add motion-blur transforms', {
    labels: ['data'],
    components: ['Data pipeline'],
    status: 'Done',
    ...active,
    fields: { [F.storyPointEstimate]: 3, [F.datasetVersion]: 'cv-aug-3' },
  }),
  cv(115, 'Evaluate calibration of v1.0 on the new data', {
    labels: ['evaluation'],
    components: ['Evaluation'],
    status: 'In Progress',
    ...active,
    fields: { [F.storyPointEstimate]: 2 },
  }),
  cv(116, 'Update the model card for v1.1', {
    labels: ['lane:model'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 1 },
  }),
  cv(117, 'Regression-test preprocessing on grayscale inputs', {
    labels: ['qa', 'test'],
    status: 'In Review',
    ...active,
    fields: { [F.storyPointEstimate]: 2 },
  }),
  cv(118, 'Set up prediction-drift alerting', {
    labels: ['mlops'],
    status: 'In Progress',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
  }),
  cv(119, "Review annotation guidelines for class 'cracked lens'", {
    labels: ['annotation'],
    components: ['Labeling'],
    status: 'Done',
    ...active,
    fields: { [F.storyPointEstimate]: 1, [F.interAnnotatorAgreement]: 98, [F.labelingAccuracy]: 96 },
  }),
  cv(120, 'Hyperparameter sweep for learning-rate warm-up', {
    labels: ['experiment'],
    status: 'In Progress',
    ...active,
    fields: {
      [F.storyPointEstimate]: 3,
      [F.modelAccuracy]: 0.91,
      [F.experimentUrl]: 'https://mlflow.example.com/#/experiments/42/runs/a18d02',
    },
  }),
  cv(121, 'Refactor the image loader to stream from object storage', {
    labels: ['code'],
    components: ['Backend'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
  }),
  cv(122, 'Harden the model endpoint against adversarial uploads', {
    labels: ['infra'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 2 },
  }),
  cv(123, 'Compare v1.1 against v1.0 on shadow traffic', {
    labels: ['evaluation'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
  }),
  cv(124, 'Label 300 hard-negative images (glare)', {
    labels: ['labeling'],
    components: ['Labeling'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 3 },
  }),
  cv(125, 'Write contract tests for the inference API', {
    labels: ['test'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 2 },
  }),
  cv(126, 'Canary rollback runbook', {
    labels: ['deploy'],
    status: 'To Do',
    ...active,
    fields: { [F.storyPointEstimate]: 1 },
  }),
  cv(127, 'Pair session: walk labelers through the new polygon shortcuts', {
    issueType: 'Task',
    labels: ['lane:data'],
    status: 'Done',
    ...active,
  }),
  // Not browsable by the user: never in searches, and left out of CV-122's links.
  cv(140, 'Security review: penetration-test findings (restricted)', {
    labels: ['infra'],
    status: 'In Progress',
    ...active,
    visibleToUser: false,
  }),
  // Next sprint and backlog: upstream work outside the active sprint.
  cv(131, 'Collect edge-case images from field cameras', {
    labels: ['data'],
    components: ['Data pipeline'],
    status: 'To Do',
    sprintIds: [S.next],
    fields: { [F.storyPointEstimate]: 5 },
  }),
  cv(133, 'Distill v1.1 into the on-device model', {
    labels: ['model'],
    status: 'To Do',
    sprintIds: [S.next],
  }),
  cv(132, 'Provision GPU quota for training cluster', {
    labels: ['infra'],
    status: 'To Do',
    fields: { [F.storyPointEstimate]: 2 },
  }),
  cv(134, 'Explore self-supervised pretraining', { labels: ['experiment'], status: 'To Do' }),
  // Moved away meanwhile: still named in CV-123's links, but fetching it fails.
  cv(141, 'Migrate the shadow-traffic mirror to the new cluster', {
    labels: ['infra'],
    status: 'In Progress',
    vanished: true,
  }),
];

export function cvWorkspace(): Workspace {
  return {
    name: 'CV squad (image classifier v1.1)',
    user: {
      accountId: '712020:0b6c7f52-4c8e-4d8a-9f0e-2a1f6e3c9d10',
      displayName: 'Priya Raman',
      emailAddress: 'priya.raman@example.com',
      timeZone: 'Europe/Berlin',
    },
    fields: [
      { id: F.sprint, name: 'Sprint', schemaType: 'array', items: 'json', role: 'sprint' },
      { id: F.rank, name: 'Rank', schemaType: 'any', role: 'rank' },
      { id: F.storyPointEstimate, name: 'Story point estimate', schemaType: 'number', role: 'story-points' },
      {
        id: F.legacyStoryPoints,
        name: 'Story Points',
        schemaType: 'number',
        role: 'story-points',
        plugin: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      },
      { id: F.interAnnotatorAgreement, name: 'Inter-annotator agreement', schemaType: 'number' },
      { id: F.labelingAccuracy, name: 'Labeling accuracy', schemaType: 'number' },
      { id: F.datasetVersion, name: 'Dataset version', schemaType: 'string' },
      { id: F.modelAccuracy, name: 'Model accuracy', schemaType: 'number' },
      {
        id: F.experimentUrl,
        name: 'Experiment URL',
        schemaType: 'string',
        plugin: 'com.atlassian.jira.plugin.system.customfieldtypes:url',
      },
      { id: F.riskTier, name: 'Model risk tier', schemaType: 'option' },
      flaggedField(F.flagged),
    ],
    linkTypes: DEFAULT_LINK_TYPES,
    projects: [
      {
        key: 'CV',
        id: '10000',
        name: 'Computer Vision',
        components: ['Labeling', 'Training', 'Evaluation', 'Serving', 'Data pipeline', 'Backend'],
      },
    ],
    boards: [
      {
        id: CV_BOARD_ID,
        name: 'CV board',
        type: 'scrum',
        projectKey: 'CV',
        estimationFieldId: F.storyPointEstimate,
      },
    ],
    sprints: [
      {
        id: S.previous,
        boardId: CV_BOARD_ID,
        name: 'CV Sprint 13',
        state: 'closed',
        goal: 'Label the scratched-housing class',
        startDate: '2026-11-09T09:00:00.000Z',
        endDate: '2026-11-20T17:00:00.000Z',
        completeDate: '2026-11-20T16:42:11.000Z',
      },
      {
        id: S.active,
        boardId: CV_BOARD_ID,
        name: 'CV Sprint 14 — classifier v1.1',
        state: 'active',
        goal: "Ship image classifier v1.1: +3 points of accuracy on the rare 'cracked lens' class",
        startDate: '2026-11-23T09:00:00.000Z',
        endDate: '2026-12-04T17:00:00.000Z',
      },
      { id: S.next, boardId: CV_BOARD_ID, name: 'CV Sprint 15', state: 'future' },
    ],
    statuses: DEFAULT_STATUSES,
    issues: structuredClone(issues),
    links: [
      blocks('CV-104', 'CV-101'),
      blocks('CV-101', 'CV-105'),
      blocks('CV-105', 'CV-106'),
      blocks('CV-106', 'CV-108'),
      blocks('CV-105', 'CV-113'),
      blocks('CV-113', 'CV-108'),
      blocks('CV-132', 'CV-105'),
      blocks('CV-131', 'CV-109'),
      blocks('CV-104', 'CV-124'),
      blocks('CV-112', 'CV-115'),
      blocks('CV-114', 'CV-117'),
      blocks('CV-140', 'CV-122'),
      blocks('CV-141', 'CV-123'),
      relates('CV-107', 'CV-105'),
      relates('CV-126', 'CV-108'),
      { type: 'Cloners', outward: 'CV-124', inward: 'CV-100' },
    ],
  };
}
