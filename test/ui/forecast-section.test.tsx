/** @jest-environment jsdom */
import { bridge } from './support/fake-bridge';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ForecastAnswer, ForecastView, WhatIf } from '../../src/contract/forecast-view';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import { ForecastLoader } from '../../static/planning-panel/src/forecast/ForecastLoader';
import { ForecastSection } from '../../static/planning-panel/src/forecast/ForecastSection';
import { POLL_DEADLINE_MS } from '../../static/planning-panel/src/forecast/history-poll';
import { LazyForecastSection } from '../../static/planning-panel/src/forecast/LazyForecastSection';
import { DEMO_NOW, demoForecast, noHistoryForecast } from './support/forecast-fixture';

const LOCALE = 'en-GB';

// The lazy chunk is imported as './ForecastSection.js' (what tsc's node16 resolution and esbuild want); jest
// resolves no .js-to-.tsx mapping, so that one path is pointed at the source here.
jest.mock(
  '../../static/planning-panel/src/forecast/ForecastSection.js',
  () => jest.requireActual('../../static/planning-panel/src/forecast/ForecastSection'),
  { virtual: true },
);

function renderForecast(view: ForecastView = demoForecast(), busy = false) {
  const onWhatIfChange = jest.fn<void, [WhatIf]>();
  const result = render(
    <ForecastSection view={view} onWhatIfChange={onWhatIfChange} busy={busy} locale={LOCALE} />,
  );
  const rerender = (next: ForecastView, nextBusy = false) =>
    result.rerender(
      <ForecastSection view={next} onWhatIfChange={onWhatIfChange} busy={nextBusy} locale={LOCALE} />,
    );
  return { onWhatIfChange, rerender };
}

function throughputSelect(laneName: string): HTMLSelectElement {
  return screen.getByRole('combobox', { name: `${laneName} throughput` });
}

function inScope(key: string): boolean {
  return screen.getByRole<HTMLInputElement>('checkbox', { name: `${key} in scope` }).checked;
}

beforeAll(answerAtlaskitFlags);
beforeEach(() => {
  bridge.reset();
  jest.spyOn(Date, 'now').mockReturnValue(DEMO_NOW);
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

describe('forecast section: the answer first', () => {
  it('heads with the probability of being done by the sprint’s end and the 85% date against it', () => {
    renderForecast();
    const headline = screen.getByTestId('forecast-headline');
    expect(headline.textContent).toMatch(/^62% likely done by Fri 4 Dec, the end of the sprint ±0\.5 pp/);
    expect(screen.getByTestId('forecast-p85').textContent).toBe(
      '85% likely done by Tue 8 Dec: 4 days after the sprint ends',
    );
    expect(headline.textContent).toContain('Re-forecast of the remaining 17 issues from Mon 30 Nov');
  });

  it('reads the figures from the view, not from anywhere else', () => {
    const view = demoForecast();
    view.forecast!.doneBySprintEnd = { value: 0.91, standardError: 0.0029 };
    view.forecast!.finish = { p50: '2026-12-02', p85: '2026-12-03', p95: '2026-12-04' };
    renderForecast(view);
    expect(screen.getByTestId('forecast-headline').textContent).toMatch(/^91% likely done by Fri 4 Dec/);
    expect(screen.getByTestId('forecast-p85').textContent).toBe(
      '85% likely done by Thu 3 Dec: 1 day before the sprint ends',
    );
  });

  it('keeps Fri 4 Dec on Friday in a browser west of UTC', () => {
    // A browser in California: every date format without its own time zone gets the browser's.
    const RealDateTimeFormat = Intl.DateTimeFormat;
    jest
      .spyOn(Intl, 'DateTimeFormat')
      .mockImplementation(
        (locale?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) =>
          new RealDateTimeFormat(locale, { timeZone: 'America/Los_Angeles', ...options }),
      );
    renderForecast();
    expect(screen.getByTestId('forecast-headline').textContent).toContain('likely done by Fri 4 Dec');
  });

  it('says how old the history is and what it covers', () => {
    renderForecast();
    expect(screen.getByTestId('forecast-history').textContent).toBe(
      'History read 3 hours ago, last 90 days, 6 closed sprints',
    );
  });

  it('shows the backtest’s calibration next to the forecast', () => {
    renderForecast();
    expect(screen.getByTestId('forecast-backtest').textContent).toContain(
      'On this board, 5 of the last 6 sprints finished within the 85% date.',
    );
  });

  it('shows the warnings the way the panel shows a plan’s', () => {
    renderForecast();
    const warnings = screen.getByTestId('forecast-warnings');
    expect(within(warnings).getByRole('heading').textContent).toBe('This forecast may be incomplete');
    expect(warnings.textContent).toContain('CV-110 is in no lane');
  });

  it('gives the chart a text alternative naming the percentiles and the sprint end', () => {
    renderForecast();
    const chart = within(screen.getByTestId('finish-chart')).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Finish dates: 50% of 10,000 trials finish by Fri 4 Dec, 85% by Tue 8 Dec, 95% by Thu 10 Dec. ' +
        'The sprint ends Fri 4 Dec; 62% of trials finish by then.',
    );
    const table = within(screen.getByTestId('finish-chart')).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + demoForecast().forecast!.distribution.length);
    expect(table.textContent).toContain('Mon 7 Dec (after the sprint ends)15%');
  });
});

describe('forecast section: no forecast', () => {
  it('says why, plainly, and shows no percentage anywhere', () => {
    renderForecast(noHistoryForecast());
    expect(screen.getByTestId('no-forecast').textContent).toContain(
      'The CV board has no closed sprint and no issue was done in the last 90 days, so there is no history to forecast from.',
    );
    expect(screen.getByTestId('forecast-section').textContent).not.toMatch(/%/);
    expect(screen.queryByTestId('forecast-headline')).toBeNull();
    expect(screen.queryByTestId('finish-chart')).toBeNull();
    expect(screen.queryByTestId('what-if')).toBeNull();
  });
});

describe('forecast section: lanes', () => {
  it('shows each lane’s capacity sentence', () => {
    renderForecast();
    const lanes = screen.getAllByTestId('forecast-lane');
    expect(lanes.map((lane) => within(lane).getByTestId('capacity-sentence').textContent)).toEqual(
      demoForecast().capacity.map((lane) => lane.sentence),
    );
    expect(lanes[1]!.textContent).toContain(
      'Model: 34 points committed; it finished 18 (median) – 25 (85%) in the last 6 sprints',
    );
  });

  it('marks WIP over the lane’s limit in words', () => {
    renderForecast();
    const test = screen.getAllByTestId('forecast-lane').find((lane) => lane.dataset.lane === 'test')!;
    expect(within(test).getByTestId('wip-over').textContent).toBe('3 in progress, over the WIP limit of 2');
  });

  it('lists aging work with keys that open the issue in Jira', async () => {
    renderForecast();
    const aging = screen.getByTestId('aging-work');
    const keys = within(aging).getAllByRole('button');
    expect(keys.map((key) => key.textContent)).toEqual(['CV-101', 'CV-118']);
    expect(keys[0]!.className).toBe('mll-key');
    fireEvent.click(keys[1]!);
    await waitFor(() => expect(bridge.ops('navigate')).toEqual([{ url: '/browse/CV-118', type: 'new-tab' }]));
  });
});

describe('forecast section: what-if', () => {
  it('asks for the data lane at half its throughput', () => {
    const { onWhatIfChange } = renderForecast();
    fireEvent.change(throughputSelect('Data'), { target: { value: '0.5' } });
    expect(onWhatIfChange).toHaveBeenCalledTimes(1);
    expect(onWhatIfChange).toHaveBeenCalledWith({ laneThroughput: { data: 0.5 }, excludedKeys: [] });
  });

  it('takes an issue out of scope, and puts it back', () => {
    const { onWhatIfChange } = renderForecast();
    expect(inScope('CV-105')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'CV-105 in scope' }));
    expect(onWhatIfChange).toHaveBeenLastCalledWith({ excludedKeys: ['CV-105'], laneThroughput: {} });
    fireEvent.click(screen.getByRole('checkbox', { name: 'CV-105 in scope' }));
    expect(onWhatIfChange).toHaveBeenLastCalledWith({ excludedKeys: [], laneThroughput: {} });
  });

  it('offers every unfinished sprint issue, with its summary, after the chain and aging work', () => {
    const { onWhatIfChange } = renderForecast();
    const row = screen.getByRole('checkbox', { name: 'CV-121 in scope' }).closest('li, label, div');
    expect(row?.textContent).toContain('Refactor the image loader');
    fireEvent.click(screen.getByRole('checkbox', { name: 'CV-121 in scope' }));
    expect(onWhatIfChange).toHaveBeenLastCalledWith({ excludedKeys: ['CV-121'], laneThroughput: {} });
  });

  it('forgets a lane set back to 100%, and keeps every other knob', () => {
    const view = demoForecast();
    view.whatIf = { excludedKeys: ['CV-118'], laneThroughput: { data: 0.5, model: 0.75 } };
    const { onWhatIfChange } = renderForecast(view);
    fireEvent.change(throughputSelect('Data'), { target: { value: '1' } });
    expect(onWhatIfChange).toHaveBeenCalledWith({
      excludedKeys: ['CV-118'],
      laneThroughput: { model: 0.75 },
    });
    expect(view.whatIf).toEqual({ excludedKeys: ['CV-118'], laneThroughput: { data: 0.5, model: 0.75 } });
  });

  it('keeps the latest choices on screen while an older forecast arrives, then follows the view', () => {
    const { onWhatIfChange, rerender } = renderForecast();
    fireEvent.change(throughputSelect('Data'), { target: { value: '0.5' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'CV-105 in scope' }));
    expect(onWhatIfChange).toHaveBeenLastCalledWith({
      laneThroughput: { data: 0.5 },
      excludedKeys: ['CV-105'],
    });
    // The answer to the first change comes while the second is still being computed.
    rerender({ ...demoForecast(), whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } } }, true);
    expect(inScope('CV-105')).toBe(false);
    expect(screen.getByRole('status').textContent).toContain('Re-forecasting');
    // A fresh view with nothing pending is the truth: here, the forecast as planned.
    rerender(demoForecast(), false);
    expect(throughputSelect('Data').value).toBe('1');
    expect(inScope('CV-105')).toBe(true);
  });

  it('says which what-if the figures were computed with', () => {
    const view = demoForecast();
    view.whatIf = { excludedKeys: ['CV-105'], laneThroughput: { data: 0.5 } };
    renderForecast(view);
    expect(screen.getByTestId('what-if-in-force').textContent).toBe(
      'What if: Data at 50% throughput; CV-105 out of scope. Nothing is written to Jira.',
    );
    expect(throughputSelect('Data').value).toBe('0.5');
  });
});

describe('forecast section: loading', () => {
  it('loads the section’s code on demand and then shows the forecast', async () => {
    render(<LazyForecastSection view={demoForecast()} onWhatIfChange={() => undefined} busy={false} />);
    expect(await screen.findByTestId('forecast-headline')).toBeTruthy();
  });
});

describe('forecast section: a history read in the background', () => {
  const reading: ForecastAnswer = {
    background: {
      state: 'reading',
      doneIssues: 2300,
      since: '2026-05-26',
      requestedAt: '2026-11-30T09:00:00Z',
    },
  };

  beforeEach(() => {
    jest.restoreAllMocks();
    jest.useFakeTimers({ now: DEMO_NOW });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  function answerWith(answers: ForecastAnswer[]): void {
    bridge.onInvoke(() => ({ ok: true, data: answers.length > 1 ? answers.shift() : answers[0] }));
  }

  async function wait(ms: number): Promise<void> {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });
  }

  it('says the history is being read, asks again less and less often, and shows the forecast once it is in', async () => {
    answerWith([reading, reading, demoForecast()]);
    render(<ForecastLoader boardId={1} sprintId={102} locale={LOCALE} />);
    await wait(0);
    expect(screen.getByTestId('forecast-reading-history').textContent).toContain(
      '2,300 issues were done on this board since Tue 26 May',
    );
    expect(bridge.invokes('getForecast')).toHaveLength(1);
    await wait(1_900);
    expect(bridge.invokes('getForecast')).toHaveLength(1);
    await wait(100);
    expect(bridge.invokes('getForecast')).toHaveLength(2);
    // The next ask waits twice as long.
    await wait(3_900);
    expect(bridge.invokes('getForecast')).toHaveLength(2);
    await wait(100);
    expect(bridge.invokes('getForecast')).toHaveLength(3);
    await wait(0);
    expect(await screen.findByTestId('forecast-headline')).toBeTruthy();
    expect(screen.queryByTestId('forecast-reading-history')).toBeNull();
    // Nothing asked after the forecast came.
    await wait(60_000);
    expect(bridge.invokes('getForecast')).toHaveLength(3);
  });

  it('stops asking at its deadline, says it is taking longer than expected, and checks again on request', async () => {
    answerWith([reading]);
    render(<ForecastLoader boardId={1} sprintId={102} locale={LOCALE} />);
    for (let waited = 0; waited < POLL_DEADLINE_MS + 60_000; waited += 5_000) await wait(5_000);
    const asked = bridge.invokes('getForecast').length;
    expect(screen.getByTestId('forecast-reading-slow').textContent).toContain('taking longer than expected');
    for (let waited = 0; waited < 10 * 60_000; waited += 5_000) await wait(5_000);
    expect(bridge.invokes('getForecast')).toHaveLength(asked);
    fireEvent.click(screen.getByTestId('forecast-reading-retry'));
    await wait(0);
    expect(bridge.invokes('getForecast')).toHaveLength(asked + 1);
    expect(screen.getByTestId('forecast-reading-history')).toBeTruthy();
  });

  it('shows why the read failed, and reads the history again only when asked to, once', async () => {
    answerWith([
      {
        background: {
          state: 'failed',
          reason: 'ML Lanes could not read the board’s history in the background: Jira did not answer.',
          failedAt: '2026-11-30T09:10:00Z',
        },
      },
      reading,
    ]);
    render(<ForecastLoader boardId={1} sprintId={102} locale={LOCALE} />);
    await wait(0);
    expect(screen.getByTestId('forecast-reading-failed').textContent).toContain('Jira did not answer.');
    await wait(60_000);
    expect(bridge.invokes('getForecast')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('forecast-reading-failed-retry'));
    await wait(0);
    const [, again, after] = bridge.invokes('getForecast');
    expect(again?.payload).toMatchObject({ refreshHistory: true });
    expect(screen.getByTestId('forecast-reading-history')).toBeTruthy();
    // Asks after that one do not read the history again.
    await wait(2_000);
    expect(after?.payload ?? bridge.invokes('getForecast')[2]?.payload).not.toHaveProperty('refreshHistory');
  });
});
