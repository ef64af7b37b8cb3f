import {
  CV_BOARD_ID,
  loadWorkspace,
  EDGE_BOARD_ID,
  REC_BOARD_ID,
  REC_FIELDS,
  startSimulator,
  type RunningSimulator,
} from '../../src/simulator';
import { arr, call, obj } from './http';

/** Boards, board configuration, sprints (offset paging), and the kanban board's refusal. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ workspace: loadWorkspace('demo'), maxSprintPageSize: 1 });
});
afterAll(() => sim.close());

test('boards 1, 2 and 3 exist with their types and projects; unknown boards 404', async () => {
  const boards = await Promise.all(
    [CV_BOARD_ID, REC_BOARD_ID, EDGE_BOARD_ID].map((id) => call(sim, 'GET', `/rest/agile/1.0/board/${id}`)),
  );
  expect(boards.map((b) => obj(b.json).type)).toEqual(['scrum', 'scrum', 'kanban']);
  expect(boards.map((b) => obj(obj(b.json).location).projectKey)).toEqual(['CV', 'REC', 'EDGE']);
  for (const path of [
    '/rest/agile/1.0/board/42',
    '/rest/agile/1.0/board/abc',
    '/rest/agile/1.0/board/42/configuration',
  ]) {
    const answer = await call(sim, 'GET', path);
    expect(answer.status).toBe(404);
    expect(arr(obj(answer.json).errorMessages)).toHaveLength(1);
  }
});

test('each board names its own estimation field', async () => {
  const rec = obj((await call(sim, 'GET', `/rest/agile/1.0/board/${REC_BOARD_ID}/configuration`)).json);
  // In the demo site the RecSys board's "Story Points" maps onto the CV site's field of that name.
  const field = obj(obj(rec.estimation).field);
  expect(field.displayName).toBe('Story Points');
  expect(field.fieldId).not.toBe(REC_FIELDS.storyPoints);
});

test('a kanban board does not support sprints', async () => {
  const answer = await call(sim, 'GET', `/rest/agile/1.0/board/${EDGE_BOARD_ID}/sprint`);
  expect(answer.status).toBe(400);
  expect(answer.json).toEqual({ errorMessages: ['The board does not support sprints'], errors: {} });
});

test('sprints page by offset, filtered by state, ordered closed, active, future', async () => {
  const names: unknown[] = [];
  let startAt = 0;
  for (;;) {
    const page = obj(
      (await call(sim, 'GET', `/rest/agile/1.0/board/1/sprint?state=active,future&startAt=${startAt}`)).json,
    );
    expect(page.maxResults).toBe(1);
    names.push(...arr(page.values).map((s) => obj(s).name));
    if (page.isLast === true) break;
    startAt += arr(page.values).length;
  }
  expect(names).toEqual(['CV Sprint 14 — classifier v1.1', 'CV Sprint 15']);
  const all = obj((await call(sim, 'GET', '/rest/agile/1.0/board/1/sprint?maxResults=1&startAt=0')).json);
  expect(obj(arr(all.values)[0]).state).toBe('closed');
  expect((await call(sim, 'GET', '/rest/agile/1.0/board/1/sprint?state=open')).status).toBe(400);
});

test('GET /sprint/{id} returns the sprint bean; unknown sprints 404', async () => {
  const sprint = obj((await call(sim, 'GET', '/rest/agile/1.0/sprint/103')).json);
  expect(sprint).toMatchObject({ id: 103, name: 'CV Sprint 15', state: 'future', originBoardId: 1 });
  expect(sprint).not.toHaveProperty('startDate');
  expect((await call(sim, 'GET', '/rest/agile/1.0/sprint/999')).status).toBe(404);
});
