import type { Workspace } from '../workspace';
import { blocks, DEFAULT_LINK_TYPES, DEFAULT_STATUSES, flaggedField, issueFactory, relates } from './common';

/**
 * A recommendation-engine squad: board 2 "RecSys board" (scrum, project REC, estimates in a site-specific
 * "Story Points" field), plus board 3 "Edge cases" (kanban, project EDGE, no sprints).
 *
 * Handoffs: REC-11 features (done) -> REC-12 two-tower model -> REC-13 export embeddings (code)
 * -> REC-16 A/B test -> REC-17 deploy; REC-21 relevance labels (next sprint) -> REC-14 ranking model
 * -> REC-15 offline evaluation -> REC-16; REC-25 write quota (backlog) -> REC-17.
 */

/** Standalone field ids: different from the CV site's, so a client that hard-codes ids fails on one of them. */
export const REC_FIELDS = {
  sprint: 'customfield_10020',
  rank: 'customfield_10019',
  storyPointEstimate: 'customfield_10016',
  storyPoints: 'customfield_10026',
  modelAccuracy: 'customfield_10310',
  experimentUrl: 'customfield_10311',
  datasetVersion: 'customfield_10312',
  interAnnotatorAgreement: 'customfield_10313',
  labelingAccuracy: 'customfield_10314',
  flagged: 'customfield_10021',
} as const;

export const REC_BOARD_ID = 2;
export const EDGE_BOARD_ID = 3;
export const REC_SPRINTS = { previous: 201, active: 202, next: 203 } as const;

const F = REC_FIELDS;
const S = REC_SPRINTS;
const rec = issueFactory('REC', 20000);
const edge = issueFactory('EDGE', 30000);
const active = { sprintIds: [S.active] };
const sp = (points: number) => ({ [F.storyPoints]: points });

const issues: Workspace['issues'] = [
  rec(10, 'Ship popularity baseline v1', {
    labels: ['release'],
    status: 'Done',
    sprintIds: [S.previous],
    fields: sp(3),
  }),
  rec(11, 'Backfill user-interaction features into the feature store', {
    labels: ['data'],
    components: ['Feature store'],
    status: 'Done',
    ...active,
    fields: { ...sp(5), [F.datasetVersion]: 'interactions-2026-11' },
  }),
  rec(12, 'Train two-tower embedding model v2', {
    labels: ['training'],
    components: ['Ranking'],
    status: 'In Progress',
    ...active,
    fields: {
      ...sp(8),
      [F.modelAccuracy]: 0.93,
      [F.experimentUrl]: 'https://wandb.example.com/recsys/two-tower/runs/v2-0412',
    },
  }),
  rec(23, 'Hyperparameter sweep: embedding dimension 64/128/256', {
    issueType: 'Sub-task',
    subtask: true,
    parentKey: 'REC-12',
    status: 'In Progress',
  }),
  rec(13, 'Export item embeddings to the vector index', {
    labels: ['integration'],
    components: ['Serving'],
    status: 'To Do',
    ...active,
    fields: sp(3),
  }),
  rec(14, 'Retrain the LightGBM ranking model on new features', {
    labels: ['model'],
    components: ['Ranking'],
    status: 'To Do',
    ...active,
    fields: sp(5),
  }),
  rec(15, 'Offline evaluation: NDCG@10 on the holdout week', {
    labels: ['evaluation'],
    components: ['Experimentation'],
    status: 'To Do',
    ...active,
    fields: sp(3),
  }),
  rec(16, 'Set up A/B test: two-tower v2 vs v1', {
    labels: ['lane:test'],
    components: ['Experimentation'],
    status: 'To Do',
    ...active,
    fields: sp(3),
  }),
  rec(17, 'Deploy ranking service v2 to 5% of traffic', {
    labels: ['deploy'],
    components: ['Serving'],
    status: 'To Do',
    ...active,
    fields: sp(2),
  }),
  rec(18, 'Candidate-generation API returns duplicate pages', {
    issueType: 'Bug',
    labels: ['api'],
    status: 'In Review',
    ...active,
    fields: sp(2),
  }),
  rec(19, 'Dedupe near-duplicate items in the catalog dataset', {
    labels: ['dataset'],
    components: ['Feature store'],
    status: 'In Progress',
    ...active,
    fields: sp(3),
  }),
  rec(20, 'Cold-start fallback: popularity-based recommendations', {
    labels: ['backend'],
    status: 'In Progress',
    ...active,
    fields: sp(3),
  }),
  rec(22, 'Embedding-drift dashboard', { labels: ['mlops'], status: 'To Do', ...active, fields: sp(2) }),
  rec(24, 'Tidy up the team wiki', { issueType: 'Task', status: 'To Do', ...active, fields: sp(1) }),
  rec(21, 'Label relevance judgments for 2,000 queries', {
    labels: ['labeling'],
    status: 'To Do',
    sprintIds: [S.next],
    fields: { ...sp(5), [F.interAnnotatorAgreement]: null },
  }),
  rec(25, 'Request feature-store write quota for production', {
    labels: ['infra'],
    status: 'To Do',
    fields: sp(1),
  }),
  edge(1, 'Investigate NaN loss on empty shopping carts', { labels: ['model'], status: 'In Progress' }),
  edge(2, 'Handle Unicode item titles in the tokenizer', { labels: ['data'], status: 'To Do' }),
  edge(3, 'Legacy API clients send a negative page size', {
    issueType: 'Bug',
    labels: ['api'],
    status: 'Done',
  }),
];

export function recommendationsWorkspace(): Workspace {
  return {
    name: 'RecSys squad (recommendation engine)',
    user: {
      accountId: '712020:9a7e2d41-3f6b-4c1d-8e2a-5b0c7d9f1e22',
      displayName: 'Tomás Ferreira',
      emailAddress: 'tomas.ferreira@example.com',
      timeZone: 'America/Sao_Paulo',
    },
    fields: [
      { id: F.sprint, name: 'Sprint', schemaType: 'array', items: 'json', role: 'sprint' },
      { id: F.rank, name: 'Rank', schemaType: 'any', role: 'rank' },
      { id: F.storyPointEstimate, name: 'Story point estimate', schemaType: 'number', role: 'story-points' },
      {
        id: F.storyPoints,
        name: 'Story Points',
        schemaType: 'number',
        role: 'story-points',
        plugin: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
      },
      { id: F.modelAccuracy, name: 'Model accuracy', schemaType: 'number' },
      {
        id: F.experimentUrl,
        name: 'Experiment URL',
        schemaType: 'string',
        plugin: 'com.atlassian.jira.plugin.system.customfieldtypes:url',
      },
      { id: F.datasetVersion, name: 'Dataset version', schemaType: 'string' },
      { id: F.interAnnotatorAgreement, name: 'Inter-annotator agreement', schemaType: 'number' },
      { id: F.labelingAccuracy, name: 'Labeling accuracy', schemaType: 'number' },
      flaggedField(F.flagged),
    ],
    linkTypes: DEFAULT_LINK_TYPES,
    projects: [
      {
        key: 'REC',
        id: '10100',
        name: 'Recommendations',
        components: ['Feature store', 'Ranking', 'Serving', 'Experimentation'],
      },
      { key: 'EDGE', id: '10200', name: 'Edge cases', components: [] },
    ],
    boards: [
      {
        id: REC_BOARD_ID,
        name: 'RecSys board',
        type: 'scrum',
        projectKey: 'REC',
        estimationFieldId: F.storyPoints,
      },
      { id: EDGE_BOARD_ID, name: 'Edge cases', type: 'kanban', projectKey: 'EDGE', estimationFieldId: null },
    ],
    sprints: [
      {
        id: S.previous,
        boardId: REC_BOARD_ID,
        name: 'RecSys Sprint 7',
        state: 'closed',
        startDate: '2026-11-09T08:00:00.000Z',
        endDate: '2026-11-20T16:00:00.000Z',
        completeDate: '2026-11-20T15:55:03.000Z',
      },
      {
        id: S.active,
        boardId: REC_BOARD_ID,
        name: 'RecSys Sprint 8',
        state: 'active',
        goal: 'Launch two-tower retrieval v2 behind an A/B test',
        startDate: '2026-11-23T08:00:00.000Z',
        endDate: '2026-12-04T16:00:00.000Z',
      },
      { id: S.next, boardId: REC_BOARD_ID, name: 'RecSys Sprint 9', state: 'future', goal: '' },
    ],
    statuses: DEFAULT_STATUSES,
    issues: structuredClone(issues),
    links: [
      blocks('REC-11', 'REC-12'),
      blocks('REC-12', 'REC-13'),
      blocks('REC-13', 'REC-16'),
      blocks('REC-11', 'REC-14'),
      blocks('REC-21', 'REC-14'),
      blocks('REC-14', 'REC-15'),
      blocks('REC-15', 'REC-16'),
      blocks('REC-16', 'REC-17'),
      blocks('REC-25', 'REC-17'),
      blocks('REC-18', 'REC-20'),
      relates('EDGE-1', 'REC-12'),
      { type: 'Duplicate', outward: 'EDGE-3', inward: 'REC-18' },
    ],
  };
}
