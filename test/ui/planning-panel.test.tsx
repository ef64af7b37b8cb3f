/** @jest-environment jsdom */
import { bridge, SPRINT_ACTION_CONTEXT } from './support/fake-bridge';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describeHandoff } from '../../src/contract/describe-handoff';
import type { IssueView } from '../../src/contract/plan-view';
import type { PanelPlan } from '../../src/contract/panel-plan';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import { App } from '../../static/planning-panel/src/App';
import { demoPlan, panelIssue } from './support/plan-fixture';
import { demoForecast } from './support/forecast-fixture';

function servePlan(plan: PanelPlan = demoPlan()): void {
  bridge.onInvoke(({ functionKey }) =>
    functionKey === 'getPlan'
      ? { ok: true, data: plan }
      : functionKey === 'getForecast'
        ? { ok: true, data: demoForecast() }
        : { ok: false, error: { code: 'internal', message: `unexpected ${functionKey}` } },
  );
}

async function renderPlan(plan: PanelPlan = demoPlan()): Promise<void> {
  servePlan(plan);
  render(<App />);
  await screen.findByTestId('plan-header');
}

function cardKeys(): string[] {
  return screen.getAllByTestId('issue-card').map((card) => card.getAttribute('data-key') ?? '');
}

// Atlaskit's feature flags get the answer mount() gives them (App is rendered here without mount).
beforeAll(answerAtlaskitFlags);
beforeEach(() => bridge.reset());
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

describe('planning panel: the forecast', () => {
  it('forecasts the sprint it plans, and asks again with a what-if while the last forecast stays on screen', async () => {
    await renderPlan();
    await screen.findByTestId('forecast-p85');
    expect(bridge.invokes('getForecast')[0]?.payload).toEqual({
      boardId: 1,
      sprintId: 102,
      whatIf: { excludedKeys: [], laneThroughput: {} },
    });
    let answer: (value: ReturnType<typeof demoForecast>) => void = () => undefined;
    bridge.onInvoke(({ functionKey }) =>
      functionKey === 'getForecast'
        ? new Promise((resolve) => {
            answer = (data) => resolve({ ok: true, data });
          })
        : { ok: true, data: demoPlan() },
    );
    fireEvent.change(screen.getByLabelText('Data throughput'), { target: { value: '0.5' } });
    await waitFor(() => expect(bridge.invokes('getForecast')).toHaveLength(2));
    expect(bridge.invokes('getForecast')[1]?.payload).toMatchObject({
      whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } },
    });
    // The previous figures stay while the new forecast is computed.
    expect(screen.getByTestId('forecast-p85').textContent).toContain('Tue 8 Dec');
    await act(async () => {
      answer({ ...demoForecast(), whatIf: { excludedKeys: [], laneThroughput: { data: 0.5 } } });
    });
    expect(screen.getByTestId('forecast-p85').textContent).toContain('Tue 8 Dec');
  });
});

describe('planning panel: reading the plan', () => {
  it('asks for the sprint the menu belongs to, ids as numbers, and follows Jira theme', async () => {
    await renderPlan();
    expect(bridge.invokes('getPlan')).toEqual([
      { functionKey: 'getPlan', payload: { boardId: 1, sprintId: 102 } },
    ]);
    expect(bridge.ops('enableTheming')).toHaveLength(0); // theming is enabled by the entry point, not App
  });

  it('plans the board’s default sprint from the board menu', async () => {
    bridge.context = { ...SPRINT_ACTION_CONTEXT, extension: { type: 'jira:boardAction', board: { id: 7 } } };
    await renderPlan();
    expect(bridge.invokes('getPlan')[0]?.payload).toEqual({ boardId: 7 });
  });

  it('shows the sprint, its goal, dates and numbers in the header', async () => {
    await renderPlan();
    const header = screen.getByTestId('plan-header');
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe('CV Sprint 14');
    expect(header.textContent).toContain('Ship classifier v1.1');
    expect(header.textContent).toContain('Active sprint');
    expect(header.textContent).toMatch(/23 Nov 2026 – 4 Dec 2026/);
    expect(within(header).getByText('Blocked handoffs').nextSibling?.textContent).toBe('3');
    expect(within(header).getByText('DoD items met').nextSibling?.textContent).toBe('6 of 11');
  });

  it('lists blocked handoffs first, each as the shared sentence with its reasons in words', async () => {
    const plan = demoPlan();
    await renderPlan(plan);
    const list = screen.getByTestId('blocked-handoffs');
    const firstLane = screen.getAllByTestId('lane-column')[0]!;
    expect(list.compareDocumentPosition(firstLane) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const issues = new Map(plan.issues.map((issue) => [issue.key, issue])) as unknown as Map<
      string,
      IssueView
    >;
    const lanes = new Map(plan.lanes.map((lane) => [lane.id, lane]));
    const expected = plan.handoffs
      .filter((handoff) => handoff.blocked)
      .map((handoff) => describeHandoff(handoff, issues, lanes));
    const items = within(list).getAllByTestId('handoff-item');
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual(expected);
    expect(expected[1]).toBe(
      'CV-104 Train v1.1 model (Model) waits on CV-132 Provision GPU quota (Deploy) — To Do, in CV Sprint 15',
    );
    expect(within(items[1]!).getByText('Outside this sprint')).toBeTruthy();
    expect(within(items[1]!).getByText('Not started yet')).toBeTruthy();
    expect(items[1]!.textContent).not.toContain('upstream-outside-sprint');
  });

  it('puts in-scope issues in lane columns, then Unclassified with the rule that failed', async () => {
    await renderPlan();
    const columns = screen.getAllByTestId('lane-column');
    expect(columns.map((column) => column.getAttribute('data-lane'))).toEqual([
      'data',
      'model',
      'code',
      'test',
      'deploy',
      'unclassified',
    ]);
    expect(cardKeys()).not.toContain('CV-132'); // outside the sprint: only in the handoff sentences
    const unclassified = columns[5]!;
    expect(unclassified.textContent).toContain('Lane rule: no rule matched (labels: none)');
    expect(columns[1]!.textContent).toContain('Over capacity by 1 pt');
    expect(columns[2]!.textContent).toContain('Over WIP limit by 1');
  });

  it('shows each lane’s sprint-level DoD readiness in its column header, beside the overall figure', async () => {
    const plan = demoPlan();
    plan.lanes = plan.lanes.map((lane) =>
      lane.id === 'data'
        ? { ...lane, dodMet: 12, dodTotal: 30 }
        : lane.id === 'model'
          ? { ...lane, dodMet: 4, dodTotal: 4 }
          : { ...lane, dodMet: 0, dodTotal: 0 },
    );
    await renderPlan(plan);
    const columns = screen.getAllByTestId('lane-column');
    const data = within(columns[0]!).getByTestId('lane-dod');
    expect(data.textContent).toContain('DoD 12/30');
    expect(data.textContent).toContain('Definition of Done: 12 of 30 items met in this lane');
    expect(data.querySelector('.mll-bar > span')?.getAttribute('style')).toContain('width: 40%');
    expect(within(columns[1]!).getByTestId('lane-dod').className).toContain('mll-lane-dod--done');
    expect(within(columns[2]!).queryByTestId('lane-dod')).toBeNull(); // no DoD items: no figure
    expect(within(columns[5]!).queryByTestId('lane-dod')).toBeNull(); // Unclassified has no lane DoD
    const header = screen.getByTestId('plan-header');
    expect(within(header).getByText('DoD items met').nextSibling?.textContent).toBe('6 of 11');
  });

  it('marks blocked and critical-chain cards in words, and spells out the DoD', async () => {
    await renderPlan();
    const card = screen.getAllByTestId('issue-card').find((element) => element.dataset.key === 'CV-101')!;
    expect(within(card).getByText('Blocked')).toBeTruthy();
    expect(within(card).getByText('On critical chain')).toBeTruthy();
    expect(card.textContent).toContain('DoD 1/3');
    expect(card.textContent).toContain('Missing: Inter-annotator agreement ≥ 98% +1 more');
    expect(
      within(card).getByRole('group', {
        name: /Definition of Done: 1 of 3 met\. Not met: .*Dataset version is empty/,
      }),
    ).toBeTruthy();
    const chain = screen.getByTestId('critical-chain');
    expect(chain.textContent).toBe('Critical chain:CV-101→CV-104→CV-108');
  });

  it('maps handoffs lane to lane, blocked cells marked beyond colour', async () => {
    await renderPlan();
    const map = screen.getByTestId('handoff-map');
    const cell = map.querySelector('td[data-from="data"][data-to="model"]')!;
    expect(cell.getAttribute('data-blocked')).toBe('1');
    expect(cell.querySelector('.mll-cell-blocked')?.textContent).toBe('1 blocked');
    const open = map.querySelector('td[data-from="data"][data-to="test"]')!;
    expect(open.getAttribute('data-blocked')).toBe('0');
    expect(open.getAttribute('title')).toBe('1 handoff from Data to Test, none blocked');
  });

  it('renders summaries as text, never as markup', async () => {
    await renderPlan();
    const card = screen.getAllByTestId('issue-card').find((element) => element.dataset.key === 'CV-110')!;
    expect(card.textContent).toContain('<script>alert("x")</script> and <b>bold</b> retro notes');
    expect(card.querySelector('script')).toBeNull();
    expect(card.querySelector('b')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('opens an issue in Jira in a new tab when its key is clicked', async () => {
    await renderPlan();
    const list = screen.getByTestId('blocked-handoffs');
    fireEvent.click(within(list).getAllByRole('button', { name: 'CV-132' })[0]!);
    const chain = screen.getByTestId('critical-chain');
    fireEvent.click(within(chain).getByRole('button', { name: 'CV-108' }));
    await waitFor(() =>
      expect(bridge.ops('navigate')).toEqual([
        { url: '/browse/CV-132', type: 'new-tab' },
        { url: '/browse/CV-108', type: 'new-tab' },
      ]),
    );
  });

  it('shows the plan’s warnings', async () => {
    await renderPlan({ ...demoPlan(), warnings: ['3 linked issues could not be read in time.'] });
    expect(screen.getByTestId('plan-warnings').textContent).toContain(
      '3 linked issues could not be read in time.',
    );
  });
});

describe('planning panel: filters', () => {
  it('"Blocked only" hides unblocked cards and says how many are shown', async () => {
    await renderPlan();
    expect(screen.getByTestId('shown-count').textContent).toBe('7 of 7 issues shown');
    fireEvent.click(screen.getByTestId('filter-blocked'));
    await waitFor(() => expect(cardKeys()).toEqual(['CV-101', 'CV-104', 'CV-108']));
    expect(screen.getByTestId('shown-count').textContent).toBe('3 of 7 issues shown');
    fireEvent.click(screen.getByTestId('filter-blocked'));
    await waitFor(() => expect(cardKeys()).toHaveLength(7));
  });

  it('the lane filter keeps one lane’s cards and the blocked handoffs that touch it', async () => {
    await renderPlan();
    const lanes = screen.getByTestId('filter-lane');
    fireEvent.click(within(lanes).getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(cardKeys()).toEqual(['CV-108']));
    expect(screen.getAllByTestId('lane-column').map((column) => column.dataset.lane)).toEqual(['deploy']);
    expect(within(lanes).getByRole('button', { name: 'Deploy' }).getAttribute('aria-pressed')).toBe('true');
    const handoffs = within(screen.getByTestId('blocked-handoffs')).getAllByTestId('handoff-item');
    expect(handoffs.map((item) => item.textContent?.slice(0, 6))).toEqual(['CV-104', 'CV-108']);

    fireEvent.click(within(lanes).getByRole('button', { name: 'Unclassified' }));
    await waitFor(() => expect(cardKeys()).toEqual(['CV-110']));
    expect(screen.getByTestId('blocked-handoffs').textContent).toBe(
      'No blocked handoff matches the filters.',
    );
  });

  it('"DoD incomplete" keeps issues with unmet Definition of Done items', async () => {
    const plan = demoPlan();
    await renderPlan(plan);
    fireEvent.click(screen.getByTestId('filter-dod-incomplete'));
    await waitFor(() => expect(cardKeys()).toEqual(['CV-101', 'CV-104']));
    expect(screen.getByTestId('shown-count').textContent).toBe('2 of 7 issues shown');
  });
});

describe('planning panel: lanes at a glance', () => {
  const stripLabels = () =>
    within(screen.getByTestId('plan-header'))
      .getAllByTestId('lane-strip-item')
      .map((item) => item.getAttribute('aria-label'));

  it('counts each lane’s issues and blocked issues in the header, whatever the filters', async () => {
    await renderPlan();
    const expected = [
      'Data: 2 issues, 1 blocked. Go to the lane.',
      'Model: 1 issue, 1 blocked. Go to the lane.',
      'Code: 1 issue, 0 blocked. Go to the lane.',
      'Test: 1 issue, 0 blocked. Go to the lane.',
      'Deploy: 1 issue, 1 blocked. Go to the lane.',
      'Unclassified: 1 issue, 0 blocked. Go to the lane.',
    ];
    expect(stripLabels()).toEqual(expected);
    fireEvent.click(screen.getByTestId('filter-blocked'));
    await waitFor(() => expect(cardKeys()).toEqual(['CV-101', 'CV-104', 'CV-108']));
    expect(stripLabels()).toEqual(expected);
  });

  it('goes to a lane from the strip, clearing another lane’s filter first', async () => {
    await renderPlan();
    fireEvent.click(within(screen.getByTestId('filter-lane')).getByRole('button', { name: 'Deploy' }));
    await waitFor(() => expect(cardKeys()).toEqual(['CV-108']));
    fireEvent.click(screen.getByRole('button', { name: /^Data: 2 issues/ }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-lane')).toBe('data'));
    expect(screen.getAllByTestId('lane-column')).toHaveLength(6);
  });
});

describe('planning panel: loading, errors and empty states', () => {
  it('shows skeletons while the plan loads', async () => {
    bridge.onInvoke(() => new Promise(() => undefined));
    render(<App />);
    expect(await screen.findByTestId('loading')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says what failed and tries again on Retry', async () => {
    let calls = 0;
    bridge.onInvoke(({ functionKey }) => {
      if (functionKey === 'getForecast') return { ok: true, data: demoForecast() };
      calls += 1;
      return calls === 1
        ? {
            ok: false,
            error: { code: 'forbidden', message: 'Jira refused access: you cannot browse project CV.' },
          }
        : { ok: true, data: demoPlan() };
    });
    render(<App />);
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('Jira refused access: you cannot browse project CV.');
    fireEvent.click(screen.getByTestId('retry-button'));
    await screen.findByTestId('plan-header');
    expect(bridge.invokes('getPlan')).toHaveLength(2);
  });

  it('turns a bridge failure into an error with Retry instead of a blank panel', async () => {
    bridge.onInvoke(() => Promise.reject(new Error('Invocation timed out')));
    render(<App />);
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('Invocation timed out');
  });

  it('counts down while Jira rate-limits, then asks again by itself', async () => {
    jest.useFakeTimers();
    let calls = 0;
    bridge.onInvoke(({ functionKey }) => {
      if (functionKey === 'getForecast') return { ok: true, data: demoForecast() };
      calls += 1;
      return calls === 1
        ? {
            ok: false,
            error: {
              code: 'rate-limited',
              message: 'Jira is rate-limiting requests from ML Lanes.',
              retryAfterSeconds: 3,
            },
          }
        : { ok: true, data: demoPlan() };
    });
    render(<App />);
    await screen.findByText(/Jira is rate-limiting, retrying in/);
    expect(screen.getByTestId('error-state').textContent).toContain('Jira is rate-limiting, retrying in 3 s');
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('error-state').textContent).toContain('retrying in 2 s');
    expect(bridge.invokes('getPlan')).toHaveLength(1);
    for (const second of [1, 0]) {
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
      if (second > 0)
        expect(screen.getByTestId('error-state').textContent).toContain(`retrying in ${second} s`);
    }
    await screen.findByTestId('plan-header');
    expect(bridge.invokes('getPlan')).toHaveLength(2);
  });

  it('explains a board without sprints', async () => {
    bridge.onInvoke(() => ({
      ok: false,
      error: { code: 'no-sprints', message: 'Board Ops is a kanban board: it has no sprints to plan.' },
    }));
    render(<App />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Board Ops is a kanban board: it has no sprints to plan.');
  });

  it('says so when the sprint has no issues yet', async () => {
    const plan = demoPlan();
    await renderPlan({ ...plan, issues: [], handoffs: [], criticalChain: [] });
    expect(screen.getByTestId('empty-state').textContent).toContain('This sprint has no issues yet');
    expect(screen.queryByTestId('lane-column')).toBeNull();
  });
});

describe('planning panel: project page', () => {
  it('lists the project’s boards, plans the active sprint, and re-plans the sprint picked', async () => {
    bridge.context = {
      ...SPRINT_ACTION_CONTEXT,
      extension: { type: 'jira:projectPage', project: { id: '10000', key: 'CV', type: 'software' } },
    };
    bridge.onInvoke(({ functionKey }) =>
      functionKey === 'listBoards'
        ? {
            ok: true,
            data: [
              { id: 3, name: 'Ops kanban', type: 'kanban', sprints: [] },
              {
                id: 1,
                name: 'CV board',
                type: 'scrum',
                sprints: [
                  { id: 101, name: 'Sprint 13', state: 'closed' },
                  { id: 102, name: 'Sprint 14', state: 'active' },
                  { id: 103, name: 'Sprint 15', state: 'future' },
                ],
              },
            ],
          }
        : { ok: true, data: demoPlan() },
    );
    render(<App />);
    await screen.findByTestId('plan-header');
    expect(bridge.invokes('listBoards')[0]?.payload).toEqual({ projectKey: 'CV' });
    expect(bridge.invokes('getPlan')[0]?.payload).toEqual({ boardId: 1, sprintId: 102 });
    expect(screen.getByTestId<HTMLSelectElement>('board-picker').value).toBe('1');
    expect(screen.getByTestId<HTMLSelectElement>('sprint-picker').value).toBe('102');

    fireEvent.change(screen.getByTestId('sprint-picker'), { target: { value: '103' } });
    await waitFor(() => expect(bridge.invokes('getPlan')[1]?.payload).toEqual({ boardId: 1, sprintId: 103 }));
    await screen.findByTestId('plan-header');
  });
});

describe('planning panel: big sprints', () => {
  it('renders only a window of a long lane’s cards', async () => {
    const issues = Array.from({ length: 3000 }, (_, index) =>
      panelIssue(`BIG-${index + 1}`, { summary: `Big issue ${index + 1}` }),
    );
    await renderPlan({ ...demoPlan(), issues, handoffs: [], criticalChain: [] });
    const data = screen.getAllByTestId('lane-column').find((column) => column.dataset.lane === 'data')!;
    expect(within(data).queryAllByTestId('issue-card').length).toBeLessThan(100);
    expect(screen.getByTestId('shown-count').textContent).toBe('3,000 of 3,000 issues shown');
  });
});
