import { windowBefore } from '../../../src/domain/forecast/days';
import { deriveLaneHistory } from '../../../src/domain/forecast/lane-history';
import { percentile } from '../../../src/domain/forecast/percentile';
import type { LaneHistory, LaneSamples } from '../../../src/domain/forecast/lane-history';
import { board, doneIssue, issue, sprint } from './lane-history-builder';

function lane(history: LaneHistory, id: string): LaneSamples {
  const found = history.lanes.find((each) => each.lane === id);
  if (!found) throw new Error(`no lane ${id}`);
  return found;
}

/** The lane's daily throughput column, keyed by date. */
function column(history: LaneHistory, id: string): Record<string, number> {
  const index = history.laneIds.indexOf(id);
  return Object.fromEntries(history.days.map((day, row) => [day, history.dailyDone[row]?.[index] ?? -1]));
}

describe('cycle time', () => {
  it('runs from the first move into progress to the last move into done when an issue was reopened and done again', () => {
    const reopened = issue('CV-1', 'model', [
      ['2026-06-01T09:00:00+02:00', 'new'],
      ['2026-06-02T10:00:00+02:00', 'indeterminate'],
      ['2026-06-03T16:00:00+02:00', 'done'],
      ['2026-06-08T11:00:00+02:00', 'indeterminate'],
      ['2026-06-10T17:00:00+02:00', 'done'],
    ]);
    const model = lane(deriveLaneHistory(board([reopened])), 'model');
    expect(model.cycleTimes).toEqual([9]); // 2 to 10 June, both days counted
    expect(model.doneIssues).toBe(1);
    expect(column(deriveLaneHistory(board([reopened])), 'model')).toMatchObject({
      '2026-06-03': 0,
      '2026-06-10': 1,
    });
  });

  it('gives an issue reopened and still open no cycle time, and does not count it done', () => {
    const reopened = issue('CV-1', 'model', [
      ['2026-06-01T09:00:00+02:00', 'new'],
      ['2026-06-02T10:00:00+02:00', 'indeterminate'],
      ['2026-06-03T16:00:00+02:00', 'done'],
      ['2026-06-08T11:00:00+02:00', 'indeterminate'],
    ]);
    const model = lane(deriveLaneHistory(board([reopened])), 'model');
    expect(model.cycleTimes).toEqual([]);
    expect(model.cycleTimeP85).toBeNull();
    expect(model.doneIssues).toBe(0);
  });

  it('counts calendar days in Berlin across the switch to summer time', () => {
    // 28 March 23:30 CET to 30 March 00:30 CEST: 23 hours apart, yet three calendar days in Berlin.
    const acrossDst = doneIssue('CV-1', 'qa', '2026-03-28T22:30:00Z', '2026-03-29T22:30:00Z');
    const history = deriveLaneHistory(
      board([acrossDst], { window: { from: '2026-03-02T00:00:00+01:00', to: '2026-04-06T00:00:00+02:00' } }),
    );
    expect(lane(history, 'qa').cycleTimes).toEqual([3]);
    expect(column(history, 'qa')['2026-03-30']).toBe(1);
  });

  it('counts the days of Auckland when a late-evening UTC change is already the next morning there', () => {
    // 10 March 10:00 UTC is 10 March 23:00 in Auckland (NZDT, UTC+13); 11:30 UTC is already 11 March 00:30.
    const started = doneIssue('CV-1', 'data', '2026-03-10T10:00:00Z', '2026-03-10T11:30:00Z');
    const history = deriveLaneHistory(
      board([started], {
        timeZone: 'Pacific/Auckland',
        window: { from: '2026-03-02T00:00:00+13:00', to: '2026-03-16T00:00:00+13:00' },
      }),
    );
    expect(lane(history, 'data').cycleTimes).toEqual([2]); // 10 and 11 March in Auckland
    expect(column(history, 'data')).toMatchObject({ '2026-03-10': 0, '2026-03-11': 1 });
  });

  it('is not thrown off by unsorted or repeated status changes', () => {
    const messy = issue('CV-1', 'model', [
      ['2026-06-01T09:00:00+02:00', 'new'],
      ['2026-06-05T16:00:00+02:00', 'done'],
      ['2026-06-03T10:00:00+02:00', 'indeterminate'],
      ['2026-06-03T10:00:00+02:00', 'indeterminate'],
      ['2026-06-04T12:00:00+02:00', 'indeterminate'], // In Progress → In Review: same category
      ['2026-06-08T09:00:00+02:00', 'done'], // Resolved → Closed: still the same done
    ]);
    const history = deriveLaneHistory(board([messy]));
    expect(lane(history, 'model').cycleTimes).toEqual([3]);
    expect(column(history, 'model')).toMatchObject({ '2026-06-05': 1, '2026-06-08': 0 });
  });
});

describe('daily throughput', () => {
  it('keeps working days on which nothing was done and drops weekends, counting weekend work on Monday', () => {
    const history = deriveLaneHistory(
      board([
        doneIssue('CV-1', 'data', '2026-06-01T09:00:00+02:00', '2026-06-02T15:00:00+02:00'),
        doneIssue('CV-2', 'data', '2026-06-01T09:00:00+02:00', '2026-06-06T11:00:00+02:00'), // Saturday
        doneIssue('CV-3', 'model', '2026-06-01T09:00:00+02:00', '2026-06-08T11:00:00+02:00'),
      ]),
    );
    expect(history.days).toHaveLength(20);
    expect(history.days.slice(0, 6)).toEqual([
      '2026-06-01',
      '2026-06-02',
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
      '2026-06-08',
    ]);
    expect(history.dailyDone.slice(0, 6)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 1, 0], // Monday: the data issue done on Saturday and the model issue done that day, in one row
    ]);
    expect(history.dailyDone.every((row) => row.length === 3)).toBe(true);
    expect(lane(history, 'data').doneIssues).toBe(2);
  });

  it('leaves out issues in no lane and work done before the window or after its end', () => {
    const history = deriveLaneHistory(
      board([
        doneIssue('CV-1', null, '2026-06-01T09:00:00+02:00', '2026-06-02T15:00:00+02:00'),
        doneIssue('CV-2', 'data', '2026-05-20T09:00:00+02:00', '2026-05-29T15:00:00+02:00'),
        doneIssue('CV-3', 'data', '2026-06-20T09:00:00+02:00', '2026-06-30T15:00:00+02:00'),
      ]),
    );
    expect(history.dailyDone.flat().reduce((sum, each) => sum + each, 0)).toBe(0);
    expect(history.lanes.map((each) => each.doneIssues)).toEqual([0, 0, 0]);
  });
});

describe('blocked days', () => {
  it('counts every calendar day of a flag raised on Friday and cleared on Monday', () => {
    const flagged = doneIssue('CV-1', 'model', '2026-06-01T09:00:00+02:00', '2026-06-10T17:00:00+02:00', {
      flagged: [{ from: '2026-06-05T16:00:00+02:00', to: '2026-06-08T10:00:00+02:00' }],
    });
    const model = lane(deriveLaneHistory(board([flagged])), 'model');
    expect(model.blockedDays).toBe(4); // Friday, Saturday, Sunday, Monday
    expect(model.cycleTimes).toEqual([10]); // blocked time is reported, not subtracted
  });

  it('counts the days an issue in progress waited on an upstream issue that was not done', () => {
    const labels = doneIssue('CV-1', 'data', '2026-06-01T09:00:00+02:00', '2026-06-04T12:00:00+02:00');
    const training = doneIssue('CV-2', 'model', '2026-06-02T09:00:00+02:00', '2026-06-09T17:00:00+02:00', {
      upstreamKeys: ['CV-1', 'CV-404'], // CV-404 is not in the history: nothing is known about it
    });
    const history = deriveLaneHistory(board([labels, training]));
    expect(lane(history, 'model').blockedDays).toBe(3); // 2, 3 and 4 June
    expect(lane(history, 'data').blockedDays).toBe(0);
  });

  it('counts a day once when the issue was flagged and waiting on upstream the same day', () => {
    const labels = doneIssue('CV-1', 'data', '2026-06-01T09:00:00+02:00', '2026-06-04T12:00:00+02:00');
    const training = doneIssue('CV-2', 'model', '2026-06-02T09:00:00+02:00', '2026-06-09T17:00:00+02:00', {
      upstreamKeys: ['CV-1'],
      flagged: [{ from: '2026-06-03T09:00:00+02:00', to: null }], // still flagged: runs until it was done
    });
    expect(lane(deriveLaneHistory(board([labels, training])), 'model').blockedDays).toBe(8); // 2 to 9 June
  });
});

describe('completed work per closed sprint', () => {
  it('sums the story points and issues each sprint saw a lane finish', () => {
    const first = sprint(1, '2026-06-01T09:00:00+02:00', '2026-06-12T17:00:00+02:00');
    const second = sprint(2, '2026-06-15T09:00:00+02:00', '2026-06-26T17:00:00+02:00');
    const history = deriveLaneHistory(
      board(
        [
          doneIssue('CV-1', 'data', '2026-06-01T09:00:00+02:00', '2026-06-03T12:00:00+02:00', {
            storyPoints: 5,
            sprintIds: [1],
          }),
          doneIssue('CV-2', 'data', '2026-06-02T09:00:00+02:00', '2026-06-12T16:00:00+02:00', {
            storyPoints: 3,
            sprintIds: [1],
          }),
          // Carried over from sprint 1 and done in sprint 2: counts for sprint 2 only.
          doneIssue('CV-3', 'data', '2026-06-05T09:00:00+02:00', '2026-06-16T12:00:00+02:00', {
            storyPoints: 8,
            sprintIds: [1, 2],
          }),
          doneIssue('CV-4', 'data', '2026-06-15T09:00:00+02:00', '2026-06-17T12:00:00+02:00', {
            sprintIds: [2],
          }),
          // Done after sprint 1 was closed, outside any sprint's dates.
          doneIssue('CV-5', 'data', '2026-06-10T09:00:00+02:00', '2026-06-13T12:00:00+02:00', {
            storyPoints: 2,
            sprintIds: [1],
          }),
          doneIssue('CV-6', 'model', '2026-06-02T09:00:00+02:00', '2026-06-05T12:00:00+02:00', {
            storyPoints: 13,
            sprintIds: [1],
          }),
        ],
        { closedSprints: [second, first] },
      ),
    );
    expect(history.sprints.map((each) => each.id)).toEqual([1, 2]);
    expect(lane(history, 'data').completedPerSprint).toEqual([
      { sprintId: 1, points: 8, issues: 2, unestimated: 0 },
      { sprintId: 2, points: 8, issues: 2, unestimated: 1 },
    ]);
    expect(lane(history, 'model').completedPerSprint).toEqual([
      { sprintId: 1, points: 13, issues: 1, unestimated: 0 },
      { sprintId: 2, points: 0, issues: 0, unestimated: 0 },
    ]);
  });

  it('does not sample a sprint that began before the window, and says so', () => {
    const history = deriveLaneHistory(
      board([], { closedSprints: [sprint(7, '2026-05-25T09:00:00+02:00', '2026-06-05T17:00:00+02:00')] }),
    );
    expect(history.sprints).toEqual([]);
    expect(history.warnings).toEqual([expect.stringContaining('Sprint 7')]);
  });
});

describe('as of a past date', () => {
  it('sees only what happened before the window ends', () => {
    const laterReopened = issue('CV-1', 'model', [
      ['2026-06-01T09:00:00+02:00', 'new'],
      ['2026-06-02T10:00:00+02:00', 'indeterminate'],
      ['2026-06-03T16:00:00+02:00', 'done'],
      ['2026-07-02T11:00:00+02:00', 'indeterminate'], // after the window: not known yet
    ]);
    expect(lane(deriveLaneHistory(board([laterReopened])), 'model').cycleTimes).toEqual([2]);
  });

  it('replays a board as it stood at a past sprint start: later sprints and later done work unknown', () => {
    const board2 = board(
      [
        doneIssue('CV-1', 'data', '2026-06-01T09:00:00+02:00', '2026-06-03T12:00:00+02:00', {
          sprintIds: [1],
        }),
        doneIssue('CV-2', 'data', '2026-06-10T09:00:00+02:00', '2026-06-16T12:00:00+02:00', {
          sprintIds: [1, 2],
        }),
      ],
      {
        closedSprints: [
          sprint(1, '2026-06-01T09:00:00+02:00', '2026-06-12T17:00:00+02:00'),
          sprint(2, '2026-06-15T09:00:00+02:00', '2026-06-26T17:00:00+02:00'),
        ],
      },
    );
    const asOf = deriveLaneHistory({ ...board2, window: windowBefore('Europe/Berlin', '2026-06-15', 14) });
    expect(asOf.days).toHaveLength(10);
    expect(asOf.sprints.map((each) => each.id)).toEqual([1]);
    expect(lane(asOf, 'data')).toMatchObject({
      doneIssues: 1,
      cycleTimes: [3],
      completedPerSprint: [{ sprintId: 1, points: 0, issues: 1, unestimated: 1 }],
    });
  });
});

describe('bad input', () => {
  it('names the issue whose change has no valid time', () => {
    const broken = issue('CV-9', 'data', [['yesterday', 'new']]);
    expect(() => deriveLaneHistory(board([broken]))).toThrow(/CV-9.*yesterday/);
  });

  it('names an unknown time zone', () => {
    expect(() => deriveLaneHistory(board([], { timeZone: 'Mars/Olympus' }))).toThrow(/Mars\/Olympus/);
  });
});

describe('percentiles (nearest rank, shared with the Monte Carlo forecast)', () => {
  it('is always an observed value: the one at rank ⌈p/100 × N⌉', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(twenty, 85)).toBe(17);
    expect(percentile(twenty, 50)).toBe(10);
    expect(percentile([2, 3, 4, 5, 10], 85)).toBe(10);
    expect(percentile([2, 3, 4, 5, 10], 50)).toBe(4);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses no values or a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow(/\(0, 100\]/);
  });
});
