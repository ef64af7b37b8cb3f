/** @jest-environment jsdom */
import { bridge } from './support/fake-bridge';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describeHandoff } from '../../src/contract/describe-handoff';
import type { PanelPlan } from '../../src/contract/panel-plan';
import type { IssueView } from '../../src/contract/plan-view';
import type { BoardChoice } from '../../src/contract/resolver-api';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import { App } from '../../static/sprint-gadget/src/App';
import { demoPlan } from './support/plan-fixture';

/** The context Jira gives a jira:dashboardGadget: its saved configuration, and whether it is the edit screen. */
function gadgetContext(gadgetConfiguration: unknown, entryPoint?: 'edit') {
  return {
    moduleKey: 'ml-lanes-sprint-gadget',
    siteUrl: 'https://example.atlassian.net',
    locale: 'en_GB',
    extension: {
      type: 'jira:dashboardGadget',
      gadgetConfiguration,
      gadget: { id: '10042' },
      dashboard: { id: '10001' },
      ...(entryPoint ? { entryPoint } : {}),
    },
  };
}

const CONFIGURED = { boardId: 1, sprintId: 'active', projectKey: 'CV' };

/** The demo sprint with five blocked handoffs: more than a dashboard column lists. */
function busyPlan(): PanelPlan {
  const plan = demoPlan();
  plan.handoffs.push(
    { ...plan.handoffs[0]!, from: 'CV-105', to: 'CV-101', fromLane: 'code', toLane: 'data' },
    { ...plan.handoffs[0]!, from: 'CV-106', to: 'CV-108', fromLane: 'test', toLane: 'deploy' },
  );
  plan.summary = { ...plan.summary, handoffs: 6, blockedHandoffs: 5 };
  return plan;
}

const BOARDS: BoardChoice[] = [
  {
    id: 1,
    name: 'CV board',
    type: 'scrum',
    projectKey: 'CV',
    sprints: [
      { id: 102, name: 'CV Sprint 14', state: 'active' },
      { id: 103, name: 'CV Sprint 15', state: 'future' },
    ],
  },
  { id: 4, name: 'Ops kanban', type: 'kanban', projectKey: 'OPS', sprints: [] },
  {
    id: 2,
    name: 'NLP board',
    type: 'scrum',
    projectKey: 'NLP',
    sprints: [
      { id: 201, name: 'NLP Sprint 3', state: 'active' },
      { id: 202, name: 'NLP Sprint 4', state: 'future' },
    ],
  },
];

function serve(plan: PanelPlan = busyPlan()): void {
  bridge.onInvoke(({ functionKey }) =>
    functionKey === 'getPlan'
      ? { ok: true, data: plan }
      : functionKey === 'listBoards'
        ? { ok: true, data: BOARDS }
        : { ok: false, error: { code: 'internal', message: `unexpected ${functionKey}` } },
  );
}

beforeAll(answerAtlaskitFlags);
beforeEach(() => bridge.reset());
afterEach(cleanup);

describe('sprint gadget on the dashboard', () => {
  it('shows the configured sprint: name, dates, numbers, the first blocked handoffs, then the lane strip', async () => {
    const plan = busyPlan();
    serve(plan);
    bridge.context = gadgetContext(CONFIGURED);
    render(<App />);
    const gadget = await screen.findByTestId('sprint-gadget');

    // The board and sprint come from the saved configuration, as getPlan's payload.
    expect(bridge.invokes('getPlan').map((call) => call.payload)).toEqual([
      { boardId: 1, sprintId: 'active' },
    ]);
    expect(screen.getByTestId('sprint-name').textContent).toBe('CV Sprint 14');
    expect(screen.getByTestId('sprint-dates').textContent).toMatch(/23 Nov 2026 – 4 Dec 2026/);
    const stats = screen.getAllByTestId('gadget-stat').map((stat) => stat.textContent);
    expect(stats).toEqual(['Issues7', 'Blocked handoffs5', 'DoD items met6 of 11']);

    // Blocked handoffs first: the first three as the shared sentences, then how many more, then the lanes.
    const issues = new Map(plan.issues.map((issue) => [issue.key, issue])) as unknown as Map<
      string,
      IssueView
    >;
    const lanes = new Map(plan.lanes.map((lane) => [lane.id, lane]));
    const sentences = plan.handoffs
      .filter((handoff) => handoff.blocked)
      .map((handoff) => describeHandoff(handoff, issues, lanes));
    const items = within(screen.getByTestId('blocked-handoffs')).getAllByTestId('handoff-item');
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual(sentences.slice(0, 3));
    const more = screen.getByTestId('more-handoffs');
    expect(more.textContent).toBe('and 2 more in the planning panel');
    const strip = screen.getByTestId('lane-strip');
    expect(screen.getByTestId('blocked-handoffs').compareDocumentPosition(strip)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(gadget.contains(strip)).toBe(true);

    // The lane strip: every lane's issues and blocked issues, as in the panel.
    const strips = within(strip).getAllByTestId('lane-strip-item');
    expect(strips.map((lane) => lane.getAttribute('aria-label'))).toEqual([
      'Data: 2 issues, 1 blocked. Go to the lane.',
      'Model: 1 issue, 1 blocked. Go to the lane.',
      'Code: 1 issue, 0 blocked. Go to the lane.',
      'Test: 1 issue, 0 blocked. Go to the lane.',
      'Deploy: 1 issue, 1 blocked. Go to the lane.',
      'Unclassified: 1 issue, 0 blocked. Go to the lane.',
    ]);

    // "and N more" opens the planning panel: the app's project page of the board's project, in a new tab.
    fireEvent.click(more);
    expect(bridge.ops('navigate')).toEqual([
      { target: 'module', moduleKey: 'ml-lanes-project-page', projectKey: 'CV', type: 'new-tab' },
    ]);
  });

  it('lists every blocked handoff and no "more" when they fit', async () => {
    serve(demoPlan());
    bridge.context = gadgetContext(CONFIGURED);
    render(<App />);
    await screen.findByTestId('sprint-gadget');
    expect(within(screen.getByTestId('blocked-handoffs')).getAllByTestId('handoff-item')).toHaveLength(3);
    expect(screen.queryByTestId('more-handoffs')).toBeNull();
  });

  it.each([
    ['nothing saved yet', {}],
    ['no configuration at all', undefined],
    ['a configuration without a usable board', { boardId: 'CV board', sprintId: 'active' }],
  ])('asks to choose a board when there is %s, without asking Jira for a plan', async (_, saved) => {
    serve();
    bridge.context = gadgetContext(saved);
    render(<App />);
    const state = await screen.findByTestId('choose-board');
    expect(within(state).getByRole('heading', { name: 'Choose a board' })).toBeTruthy();
    expect(state.textContent).toMatch(/Edit the gadget/);
    expect(bridge.invokes('getPlan')).toEqual([]);
  });

  it('says why the sprint cannot be shown when Jira refuses the board', async () => {
    bridge.onInvoke(() => ({
      ok: false,
      error: { code: 'forbidden', message: 'Jira did not let you see board 1.' },
    }));
    bridge.context = gadgetContext(CONFIGURED);
    render(<App />);
    const error = await screen.findByTestId('error-state');
    expect(error.getAttribute('data-code')).toBe('forbidden');
    expect(error.textContent).toContain('Jira did not let you see board 1.');
  });
});

describe('sprint gadget: its configuration screen', () => {
  it('lists the Scrum boards, and saves the chosen board, sprint and project with view.submit', async () => {
    serve();
    bridge.context = gadgetContext({}, 'edit');
    render(<App />);
    const form = await screen.findByTestId('gadget-edit');
    expect(bridge.invokes('listBoards').map((call) => call.payload)).toEqual([{}]);
    const board = within(form).getByTestId<HTMLSelectElement>('gadget-board');
    // A kanban board has no sprint to show.
    expect([...board.options].map((option) => option.textContent)).toEqual([
      'CV board (CV)',
      'NLP board (NLP)',
    ]);

    fireEvent.change(board, { target: { value: '2' } });
    const sprint = within(form).getByTestId<HTMLSelectElement>('gadget-sprint');
    expect([...sprint.options].map((option) => option.value)).toEqual(['active', 'next', '201', '202']);
    fireEvent.change(sprint, { target: { value: 'next' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(bridge.ops('submit')).toHaveLength(1));
    expect(bridge.ops('submit')[0]).toEqual({ boardId: 2, sprintId: 'next', projectKey: 'NLP' });
    expect(bridge.invokes('getPlan')).toEqual([]);
  });

  it('opens on the saved board and sprint, and saves a sprint id as a number', async () => {
    serve();
    bridge.context = gadgetContext({ boardId: 1, sprintId: 103, projectKey: 'CV' }, 'edit');
    render(<App />);
    const form = await screen.findByTestId('gadget-edit');
    expect(within(form).getByTestId<HTMLSelectElement>('gadget-board').value).toBe('1');
    expect(within(form).getByTestId<HTMLSelectElement>('gadget-sprint').value).toBe('103');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.ops('submit')).toHaveLength(1));
    expect(bridge.ops('submit')[0]).toEqual({ boardId: 1, sprintId: 103, projectKey: 'CV' });
  });

  it('says so when Jira does not save the configuration', async () => {
    serve();
    bridge.context = gadgetContext({}, 'edit');
    const callBridge = bridge.callBridge.bind(bridge);
    const spy = jest
      .spyOn(bridge, 'callBridge')
      .mockImplementation(async (op, payload) => (op === 'submit' ? false : callBridge(op, payload)));
    try {
      render(<App />);
      fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
      const error = await screen.findByTestId('save-error');
      expect(error.textContent).toMatch(/Jira did not save the gadget/);
    } finally {
      spy.mockRestore();
    }
  });
});
