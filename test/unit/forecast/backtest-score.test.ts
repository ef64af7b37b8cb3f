import { backtestForecast, scoreBacktest } from '../../../src/domain/forecast/backtest-score';
import { forecastSprint } from '../../../src/domain/forecast/monte-carlo';
import { always, history, input, item, work } from './monte-carlo-fixtures';
import type { BacktestSprint } from '../../../src/domain/forecast/backtest-score';

function sprint(
  p85: string | null,
  doneBySprintEnd: number,
  finishedOn: string | null,
  sprintEnd: string,
): BacktestSprint {
  return { forecast: { p85, doneBySprintEnd }, finishedOn, sprintEnd };
}

describe('backtest score', () => {
  it('counts the sprints that finished within their 85% date and scores "done by the end"', () => {
    const score = scoreBacktest([
      sprint('2026-09-11', 0.9, '2026-09-10', '2026-09-11'), // within, done by the end: (0.9 − 1)² = 0.01
      sprint('2026-09-25', 0.8, '2026-09-25', '2026-09-25'), // within on the day itself: (0.8 − 1)² = 0.04
      sprint('2026-10-12', 0.3, '2026-10-12', '2026-10-09'), // within, but after the end: (0.3 − 0)² = 0.09
      sprint('2026-10-23', 0.6, '2026-10-21', '2026-10-23'), // within: (0.6 − 1)² = 0.16
      sprint('2026-11-06', 0.5, '2026-11-05', '2026-11-06'), // within: (0.5 − 1)² = 0.25
      sprint('2026-11-20', 0.7, null, '2026-11-20'), //         work left over: not within, (0.7 − 0)² = 0.49
    ]);
    expect(score).toEqual({
      sprints: 6,
      withinP85: 5,
      brierScore: expect.closeTo((0.01 + 0.04 + 0.09 + 0.16 + 0.25 + 0.49) / 6, 12),
      sentence: 'on this board, 5 of the last 6 sprints finished within the 85% date',
    });
  });

  it('does not count a finish after the 85% date', () => {
    const score = scoreBacktest([sprint('2026-09-09', 0.95, '2026-09-10', '2026-09-11')]);
    expect(score).toMatchObject({
      withinP85: 0,
      sentence: 'on this board, the last sprint did not finish within the 85% date',
    });
    expect(score?.brierScore).toBeCloseTo(0.0025, 12);
  });

  it('counts any finish within an 85% date that lay beyond the horizon', () => {
    const score = scoreBacktest([sprint(null, 0, '2026-12-01', '2026-11-20')]);
    expect(score).toEqual({
      sprints: 1,
      withinP85: 1,
      brierScore: 0,
      sentence: 'on this board, the last sprint finished within the 85% date',
    });
  });

  it('scores only sprints that had a forecast, and says how many had none', () => {
    const score = scoreBacktest([
      { forecast: null, finishedOn: '2026-08-28', sprintEnd: '2026-08-28' },
      sprint('2026-09-11', 1, '2026-09-10', '2026-09-11'),
      sprint('2026-09-25', 1, '2026-09-24', '2026-09-25'),
    ]);
    expect(score).toEqual({
      sprints: 2,
      withinP85: 2,
      brierScore: 0,
      sentence:
        'on this board, 2 of the last 2 sprints finished within the 85% date (1 more had too little history before it to forecast)',
    });
  });

  it('has no score without a forecast sprint', () => {
    expect(scoreBacktest([])).toBeNull();
    expect(scoreBacktest([{ forecast: null, finishedOn: null, sprintEnd: '2026-08-28' }])).toBeNull();
  });

  it('refuses a probability outside 0–1 or a day that is not one', () => {
    expect(() => scoreBacktest([sprint('2026-09-11', 1.2, null, '2026-09-11')])).toThrow(
      'backtest sprint 1: P(done by the end) must lie between 0 and 1, not 1.2',
    );
    expect(() => scoreBacktest([sprint('11/09/2026', 0.5, null, '2026-09-11')])).toThrow(
      'backtest sprint 1: "11/09/2026" is not a day (YYYY-MM-DD)',
    );
  });
});

describe('a replayed forecast, read for the backtest', () => {
  it('takes its 85% date and its chance of being done by the end', () => {
    const result = forecastSprint(
      input({
        work: work([item('CV-1', 'data'), item('CV-2', 'data')]),
        history: history({ data: { throughput: always(1) } }),
      }),
    );
    expect(backtestForecast(result)).toEqual({ p85: '2026-11-04', doneBySprintEnd: 1 });
  });

  it('is absent when there was no forecast or no sprint end', () => {
    const none = forecastSprint(
      input({ work: work([item('CV-1', 'data')]), history: history({ data: {} }) }),
    );
    expect(backtestForecast(none)).toBeNull();
    const endless = forecastSprint(
      input({
        work: work([item('CV-1', 'data')]),
        history: history({ data: { throughput: always(1) } }),
        sprintEnd: null,
      }),
    );
    expect(backtestForecast(endless)).toBeNull();
  });
});
