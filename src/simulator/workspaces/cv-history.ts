import type { Workspace } from '../workspace';
import { backfillHistory } from '../history/backfill';
import { sprintsBefore, type SprintSpec } from '../history/calendar';
import { generateHistory } from '../history/generate';
import type { LaneId } from '../history/process';
import { CV_FIELDS, CV_SPRINTS } from './cv';

/**
 * The CV board's past: six closed sprints (CV Sprint 7–12, ids 95–100) before CV Sprint 13, all seven filled
 * with done work from `DEFAULT_HISTORY_PROCESS` (labeling halves over the last three weeks: the labeling-tool
 * bug CV-104), and histories for the hand-written issues that lead to where they are now.
 */

/** The demo's clock: Monday of the active sprint's second week, 11:00 in Berlin. */
export const DEMO_NOW = '2026-11-30T10:00:00.000Z';
export const CV_HISTORY_SEED = 14;
export const CV_HISTORY_SPRINT_IDS = [95, 96, 97, 98, 99, 100, CV_SPRINTS.previous] as const;

const TIME_ZONE = 'Europe/Berlin';

/** The squad (Priya Raman is the site's main user and the Scrum Master). */
export const CV_PEOPLE = {
  priya: '712020:0b6c7f52-4c8e-4d8a-9f0e-2a1f6e3c9d10',
  tomas: '712020:9a7e2d41-3f6b-4c1d-8e2a-5b0c7d9f1e22',
  aiko: '712020:3c1f9e2a-7b4d-4e8a-9c61-0d2e5f7a8b31',
  bongani: '712020:4d2a0f3b-8c5e-4f9b-8d72-1e3f6a8b9c42',
  chloe: '712020:5e3b1a4c-9d6f-4a0c-9e83-2f4a7b9c0d53',
  dmitri: '712020:6f4c2b5d-0e7a-4b1d-8f94-3a5b8c0d1e64',
  hana: '712020:7a5d3c6e-1f8b-4c2e-9a05-4b6c9d1e2f75',
} as const;

const PEOPLE: NonNullable<Workspace['people']> = [
  { accountId: CV_PEOPLE.tomas, displayName: 'Tomás Ferreira', timeZone: 'America/Sao_Paulo' },
  { accountId: CV_PEOPLE.aiko, displayName: 'Aiko Sato', timeZone: 'Europe/Berlin' },
  { accountId: CV_PEOPLE.bongani, displayName: 'Bongani Dlamini', timeZone: 'Europe/Berlin' },
  { accountId: CV_PEOPLE.chloe, displayName: 'Chloé Martin', timeZone: 'Europe/Berlin' },
  { accountId: CV_PEOPLE.dmitri, displayName: 'Dmitri Volkov', timeZone: 'Europe/Berlin' },
  { accountId: CV_PEOPLE.hana, displayName: 'Hana Kim', timeZone: 'Europe/Berlin' },
];

const BY_LANE: Record<LaneId, readonly string[]> = {
  data: [CV_PEOPLE.aiko, CV_PEOPLE.bongani, CV_PEOPLE.chloe, CV_PEOPLE.dmitri],
  model: [CV_PEOPLE.priya, CV_PEOPLE.tomas],
  code: [CV_PEOPLE.tomas, CV_PEOPLE.priya],
  test: [CV_PEOPLE.hana],
  deploy: [CV_PEOPLE.tomas, CV_PEOPLE.priya],
};

const GOALS = [
  'Label the first 2,000 housing images',
  'Baseline classifier v0.9 on the holdout set',
  'Serve v0.9 behind the inference API',
  'Cut labeling cost per image by a third',
  'Ship classifier v1.0 to the canary',
  'Harden the data pipeline for field-camera images',
];

export interface DemoHistoryOptions {
  /** The site's clock (ISO 8601), at least an hour into the active sprint; default `DEMO_NOW`. */
  now?: string;
  seed?: number;
}

/** The CV workspace with its history added (a new object; `ws` is left as it was). */
export function withCvHistory(ws: Workspace, options: DemoHistoryOptions = {}): Workspace {
  const now = options.now ?? DEMO_NOW;
  const seed = options.seed ?? CV_HISTORY_SEED;
  const active = ws.sprints.find((s) => s.id === CV_SPRINTS.active);
  const previous = ws.sprints.find((s) => s.id === CV_SPRINTS.previous);
  if (!active?.startDate || !previous?.startDate || !previous.endDate || !previous.completeDate)
    throw new Error('The CV workspace needs its closed and active sprints with dates.');
  if (!(Date.parse(now) >= Date.parse(active.startDate) + 3600_000))
    throw new Error(
      `The demo's clock (${now}) must be a valid instant after ${active.name} started (${active.startDate}).`,
    );

  const earlier = sprintsBefore(previous as { startDate: string }, 6, {
    lastId: 100,
    lastNumber: 12,
    prefix: 'CV Sprint',
  }).map((s, i) => ({ ...s, goal: GOALS[i] ?? '' }));
  const filled: SprintSpec[] = [
    ...earlier,
    {
      id: previous.id,
      name: previous.name,
      startDate: previous.startDate,
      endDate: previous.endDate,
      completeDate: previous.completeDate,
    },
  ];
  const taken = new Set(ws.issues.map((issue) => Number(issue.key.split('-')[1])));
  const history = generateHistory({
    seed,
    sprints: filled,
    timeZone: TIME_ZONE,
    now,
    projectKey: 'CV',
    keys: { idBase: 10000, takenNumbers: taken },
    storyPointsFieldId: CV_FIELDS.storyPointEstimate,
    people: { scrumMaster: CV_PEOPLE.priya, byLane: BY_LANE },
    components: {
      data: ['Labeling', 'Data pipeline'],
      model: ['Training'],
      code: ['Backend'],
      test: ['Evaluation'],
    },
  });
  const sprints = [
    ...earlier.map((s) => ({ ...s, boardId: active.boardId, state: 'closed' as const })),
    ...ws.sprints,
  ];
  const backfilled = backfillHistory(ws.issues, {
    seed: seed + 1,
    timeZone: TIME_ZONE,
    now,
    sprints,
    categories: new Map(ws.statuses.map((s) => [s.name, s.categoryKey])),
    scrumMaster: CV_PEOPLE.priya,
    team: Object.values(CV_PEOPLE),
  });
  return {
    ...ws,
    now,
    people: [...(ws.people ?? []), ...PEOPLE],
    sprints,
    issues: [...backfilled, ...history.issues],
    links: [...(ws.links ?? []), ...history.links],
  };
}
