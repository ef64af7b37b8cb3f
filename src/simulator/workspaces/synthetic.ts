import type { Workspace } from '../workspace';
import { DEFAULT_LINK_TYPES, DEFAULT_STATUSES, flaggedField } from './common';

/**
 * A large deterministic workspace for benchmarks: one scrum board, one active sprint holding `issues`
 * issues, links mostly forward (a DAG with a few cycles), about `outOfScopeShare` of them to issues in the
 * next sprint or the backlog.
 */

export interface SyntheticOptions {
  issues: number;
  /** Average links per in-sprint issue (default 1.5). */
  linksPerIssue?: number;
  seed?: number;
  /** Share of links whose upstream issue sits outside the sprint (default 0.1). */
  outOfScopeShare?: number;
}

export const SYNTHETIC_FIELDS = {
  sprint: 'customfield_10500',
  rank: 'customfield_10501',
  storyPointEstimate: 'customfield_10502',
  interAnnotatorAgreement: 'customfield_10503',
  modelAccuracy: 'customfield_10504',
  flagged: 'customfield_10505',
} as const;
export const SYNTHETIC_BOARD_ID = 1;
export const SYNTHETIC_SPRINTS = { active: 11, next: 12 } as const;

const LANES = [
  { id: 'data', labels: ['dataset', 'labeling', 'annotation'], noun: 'training images' },
  { id: 'model', labels: ['training', 'experiment', 'model'], noun: 'classifier' },
  { id: 'code', labels: ['backend', 'api', 'frontend'], noun: 'inference service' },
  { id: 'test', labels: ['qa', 'validation', 'evaluation'], noun: 'holdout suite' },
  { id: 'deploy', labels: ['release', 'mlops', 'infra'], noun: 'canary rollout' },
] as const;
const VERBS = ['Prepare', 'Refine', 'Review', 'Extend', 'Measure', 'Stabilise', 'Document', 'Automate'];
const STATUS_WEIGHTS: [string, number][] = [
  ['To Do', 0.35],
  ['In Progress', 0.3],
  ['In Review', 0.1],
  ['Done', 0.25],
];
const POINTS = [1, 2, 3, 5, 8, null];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticWorkspace(options: SyntheticOptions): Workspace {
  const n = Math.max(0, Math.floor(options.issues));
  const linksPerIssue = options.linksPerIssue ?? 1.5;
  const outShare = options.outOfScopeShare ?? 0.1;
  const random = rng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const F = SYNTHETIC_FIELDS;
  const S = SYNTHETIC_SPRINTS;

  const makeIssue = (index: number, sprintIds: number[]): Workspace['issues'][number] => {
    // Lanes mostly follow the position (data first, deploy last), with noise.
    const laneIndex =
      random() < 0.7
        ? Math.min(4, Math.floor((5 * (index % Math.max(n, 1))) / Math.max(n, 1)))
        : Math.floor(random() * 5);
    const lane = LANES[laneIndex] ?? LANES[0];
    const roll = random();
    const labels = roll < 0.05 ? [] : roll < 0.15 ? [`lane:${lane.id}`] : [pick(lane.labels)];
    let u = random();
    const status = STATUS_WEIGHTS.find(([, w]) => (u -= w) < 0)?.[0] ?? 'To Do';
    const fields: Record<string, number | null> = { [F.storyPointEstimate]: pick(POINTS) };
    if (lane.id === 'data') fields[F.interAnnotatorAgreement] = random() < 0.5 ? 0.97 : 98;
    if (lane.id === 'model') fields[F.modelAccuracy] = Math.round((0.85 + random() * 0.1) * 1000) / 1000;
    return {
      key: `SYN-${index + 1}`,
      id: String(100000 + index),
      projectKey: 'SYN',
      summary: roll < 0.05 ? `Follow up on item ${index + 1}` : `${pick(VERBS)} ${lane.noun} #${index + 1}`,
      issueType: 'Story',
      status,
      labels,
      sprintIds,
      fields,
    };
  };

  const issues: Workspace['issues'] = [];
  for (let i = 0; i < n; i++) issues.push(makeIssue(i, [S.active]));
  const outside = Math.max(1, Math.ceil(n * linksPerIssue * outShare * 0.5));
  const outsideKeys: string[] = [];
  for (let j = 0; j < outside; j++) {
    const issue = makeIssue(n + j, j % 2 === 0 ? [S.next] : []);
    issues.push(issue);
    outsideKeys.push(issue.key);
  }

  const links: NonNullable<Workspace['links']> = [];
  const seen = new Set<string>();
  const addLink = (type: string, outward: string, inward: string) => {
    const id = `${outward}>${inward}`;
    if (outward === inward || seen.has(id)) return;
    seen.add(id);
    links.push({ type, outward, inward });
  };
  for (let i = 0; i < n; i++) {
    const count = Math.floor(linksPerIssue) + (random() < linksPerIssue % 1 ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const key = `SYN-${i + 1}`;
      const r = random();
      if (r < outShare) addLink('Blocks', pick(outsideKeys), key);
      else if (r < outShare + 0.08) addLink('Relates', key, `SYN-${Math.floor(random() * n) + 1}`);
      else {
        // Forward within a window keeps the graph DAG-ish; a rare backward link makes a cycle.
        const step = 1 + Math.floor(random() * 40);
        const target = random() < 0.01 ? i - step : i + step;
        if (target >= 0 && target < n) addLink('Blocks', key, `SYN-${target + 1}`);
      }
    }
  }

  return {
    name: `Synthetic (${n} issues, seed ${options.seed ?? 1})`,
    fields: [
      { id: F.sprint, name: 'Sprint', schemaType: 'array', items: 'json', role: 'sprint' },
      { id: F.rank, name: 'Rank', schemaType: 'any', role: 'rank' },
      { id: F.storyPointEstimate, name: 'Story point estimate', schemaType: 'number', role: 'story-points' },
      { id: F.interAnnotatorAgreement, name: 'Inter-annotator agreement', schemaType: 'number' },
      { id: F.modelAccuracy, name: 'Model accuracy', schemaType: 'number' },
      flaggedField(F.flagged),
    ],
    linkTypes: DEFAULT_LINK_TYPES,
    projects: [{ key: 'SYN', id: '10000', name: 'Synthetic' }],
    boards: [
      {
        id: SYNTHETIC_BOARD_ID,
        name: 'Synthetic board',
        type: 'scrum',
        projectKey: 'SYN',
        estimationFieldId: F.storyPointEstimate,
      },
    ],
    sprints: [
      {
        id: S.active,
        boardId: SYNTHETIC_BOARD_ID,
        name: 'Synthetic Sprint 1',
        state: 'active',
        goal: 'Benchmark',
        startDate: '2026-11-23T09:00:00.000Z',
        endDate: '2026-12-04T17:00:00.000Z',
      },
      { id: S.next, boardId: SYNTHETIC_BOARD_ID, name: 'Synthetic Sprint 2', state: 'future' },
    ],
    statuses: DEFAULT_STATUSES,
    issues,
    links,
  };
}
