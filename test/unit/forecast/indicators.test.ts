import { leadingIndicators } from '../../../src/domain/forecast/indicators';
import { deriveLaneHistory } from '../../../src/domain/forecast/lane-history';
import type {
  BoardHistory,
  ForecastItem,
  ForecastWork,
  IssueHistory,
} from '../../../src/domain/forecast/model';
import { board, doneIssue } from './lane-history-builder';

function work(items: readonly ForecastItem[] = []): ForecastWork {
  return {
    sprintId: 9,
    sprintName: 'Sprint 9',
    sprintState: 'active',
    startDate: null,
    endDate: null,
    items,
    dependencies: [],
    criticalChain: [],
  };
}

function indicators(
  history: BoardHistory,
  items: readonly ForecastItem[] = [],
  summaries = new Map<string, string>(),
) {
  return leadingIndicators(
    history,
    deriveLaneHistory(history),
    work(items),
    history.window.to,
    'data',
    summaries,
  );
}

/** `perDay` data issues done at noon on each working day of the 7 days from `monday` (YYYY-MM-DD). */
function labeledWeek(monday: string, perDay: number, workingDays = 5): IssueHistory[] {
  const issues: IssueHistory[] = [];
  for (let day = 0; day < workingDays; day++) {
    const date = new Date(Date.parse(`${monday}T12:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
    for (let n = 0; n < perDay; n++) {
      issues.push(doneIssue(`LBL-${date}-${n}`, 'data', `${date}T08:00:00+02:00`, `${date}T12:00:00+02:00`));
    }
  }
  return issues;
}

/** The 12 Mondays from 6 April 2026. */
const MONDAYS = Array.from({ length: 12 }, (_, week) =>
  new Date(Date.parse('2026-04-06T12:00:00Z') + week * 7 * 86_400_000).toISOString().slice(0, 10),
);

describe('labeling throughput', () => {
  it('shows the trend near one half when labeling halved in the last full week', () => {
    const issues = [
      ...MONDAYS.slice(0, 11).flatMap((monday) => labeledWeek(monday, 4)),
      ...labeledWeek('2026-06-22', 2),
      ...labeledWeek('2026-06-29', 9, 2), // Monday and Tuesday of a week the window ends in: not a full week
    ];
    const history = board(issues, {
      window: { from: '2026-04-06T00:00:00+02:00', to: '2026-07-01T00:00:00+02:00' },
    });
    const labeling = indicators(history).labelingThroughput;
    // 11 weeks of 20, one of 10, two days of 9: 248 issues in 62 working days is 4 a day; the last full week, 2.
    expect(labeling?.perDay).toBe(4);
    expect(labeling?.trend).toBe(0.5);
    expect(labeling?.weeks).toHaveLength(13);
    expect(labeling?.weeks.slice(-3)).toEqual([
      { weekStart: '2026-06-15', done: 20 },
      { weekStart: '2026-06-22', done: 10 },
      { weekStart: '2026-06-29', done: 18 },
    ]);
  });

  it('has no trend without a full week in the window', () => {
    const history = board(labeledWeek('2026-06-03', 3, 3), {
      window: { from: '2026-06-03T00:00:00+02:00', to: '2026-06-09T00:00:00+02:00' },
    });
    const labeling = indicators(history).labelingThroughput;
    expect(labeling).toMatchObject({ perDay: 2.25, trend: null }); // 9 issues in 4 working days
  });
});

describe('aging work', () => {
  it("lists the work in progress older than its lane's 85th-percentile cycle time, oldest first", () => {
    // Model cycle times 2, 3, 4, 5 and 10 days: the 85th percentile is 10.
    const history = board(
      [2, 3, 4, 5, 10].map((days, index) =>
        doneIssue(
          `CV-${index + 1}`,
          'model',
          '2026-06-01T09:00:00+02:00',
          `2026-06-${String(days).padStart(2, '0')}T17:00:00+02:00`,
        ),
      ),
    );
    const inProgress = (key: string, startedAt: string): ForecastItem => ({
      key,
      lane: 'model',
      storyPoints: 3,
      category: 'indeterminate',
      startedAt,
    });
    const aging = indicators(
      history,
      [
        inProgress('CV-20', '2026-06-19T09:00:00+02:00'), // 11 days old on 29 June: aging
        inProgress('CV-21', '2026-06-20T09:00:00+02:00'), // 10 days: as old as the 85th percentile, not older
        inProgress('CV-22', '2026-06-10T23:30:00+02:00'), // 20 days
        { ...inProgress('CV-23', '2026-06-01T09:00:00+02:00'), category: 'new' },
      ],
      new Map([['CV-22', 'Retrain detector on night images']]),
    ).agingWork;
    expect(aging).toEqual([
      {
        key: 'CV-22',
        summary: 'Retrain detector on night images',
        lane: 'model',
        ageDays: 20,
        laneCycleTimeP85: 10,
      },
      { key: 'CV-20', summary: '', lane: 'model', ageDays: 11, laneCycleTimeP85: 10 },
    ]);
  });
});

describe('defect escape rate', () => {
  it('counts each bug created after the work it belongs to was done, per issue done in the window', () => {
    const bug = (key: string, created: string) => ({ key, created });
    const history = board([
      doneIssue('CV-1', 'model', '2026-06-01T09:00:00+02:00', '2026-06-03T17:00:00+02:00', {
        defects: [bug('BUG-1', '2026-06-05T10:00:00+02:00'), bug('BUG-2', '2026-06-02T10:00:00+02:00')], // BUG-2: found before done
      }),
      doneIssue('CV-2', 'qa', '2026-06-01T09:00:00+02:00', '2026-06-04T17:00:00+02:00', {
        defects: [bug('BUG-1', '2026-06-05T10:00:00+02:00'), bug('BUG-3', '2026-06-10T10:00:00+02:00')],
      }),
      doneIssue('CV-3', 'data', '2026-06-01T09:00:00+02:00', '2026-06-05T17:00:00+02:00', {
        defects: [bug('BUG-4', '2026-07-02T10:00:00+02:00')], // after the window: not known yet
      }),
      doneIssue('CV-4', 'qa', '2026-06-01T09:00:00+02:00', '2026-06-08T17:00:00+02:00'),
      // Not in a lane: not the lanes' work.
      doneIssue('OPS-1', null, '2026-06-01T09:00:00+02:00', '2026-06-08T17:00:00+02:00', {
        defects: [bug('BUG-5', '2026-06-10T10:00:00+02:00')],
      }),
    ]);
    expect(indicators(history).defectEscapeRate).toEqual({ defects: 2, doneIssues: 4, rate: 0.5 });
  });

  it('has no rate when nothing was done in the window', () => {
    expect(indicators(board([]))).toMatchObject({ defectEscapeRate: null, agingWork: [] });
  });
});
