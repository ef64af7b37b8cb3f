/** @jest-environment jsdom */
import { bridge } from './support/fake-bridge';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../static/admin-page/src/App';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import { ADMIN_CONTEXT, boardSetupView, FakeAdminServer } from './support/admin-fixture';

let server: FakeAdminServer;
let clipboard: jest.Mock<Promise<void>, [string]>;

/** The admin page, on its Board setup tab, once the board's setup has arrived. */
async function openBoardSetup(): Promise<HTMLElement> {
  bridge.context = ADMIN_CONTEXT;
  bridge.onInvoke(server.handle);
  render(<App />);
  await screen.findByTestId('save-bar');
  fireEvent.click(screen.getByTestId('nav-board'));
  return screen.findByTestId('board-setup');
}

function row(group: string, id: string): HTMLElement {
  const found = within(screen.getByTestId(group))
    .getAllByTestId('setup-query')
    .find((element) => element.dataset.queryId === id);
  if (!found) throw new Error(`no ${id} in ${group}`);
  return found;
}

beforeAll(answerAtlaskitFlags);
beforeEach(async () => {
  bridge.reset();
  server = await FakeAdminServer.start();
  clipboard = jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: clipboard }, configurable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('admin page: board setup', () => {
  it("asks for the default board's setup and lists a swimlane per lane, then no lane, with where they go", async () => {
    await openBoardSetup();
    expect(bridge.invokes('getBoardSetup').at(-1)?.payload).toEqual({ boardId: 1 });
    const swimlanes = screen.getByTestId('setup-swimlanes');
    expect(
      within(swimlanes)
        .getAllByTestId('setup-query')
        .map((each) => each.dataset.queryId),
    ).toEqual(['data', 'model', 'code', 'test', 'deploy', 'no-lane']);
    expect(swimlanes.textContent).toContain('Board settings → Swimlanes → Base swimlanes on: Queries');
    expect(screen.getByTestId('setup-quick-filters').textContent).toContain('Board settings → Quick filters');
    expect(screen.getByTestId('setup-card-colours').textContent).toContain('Board settings → Card colours');
    expect(screen.getByTestId('setup-card-fields').textContent).toContain('company-managed boards only');
    expect(screen.getByTestId('section-board').textContent).toContain('ML Lanes never changes your board');
    expect(screen.getByTestId('board-setup-summary').textContent).toContain('Jira accepts every query');
  });

  it('each copy button copies exactly its own query or field name', async () => {
    await openBoardSetup();
    const expected = boardSetupView();
    fireEvent.click(within(row('setup-swimlanes', 'model')).getByTestId('copy-button'));
    await waitFor(() => expect(clipboard).toHaveBeenCalledTimes(1));
    expect(clipboard).toHaveBeenLastCalledWith('issue.property[ml-lanes-state].lane = "model"');
    await within(row('setup-swimlanes', 'model')).findByText('Copied the query for Model.');

    fireEvent.click(within(row('setup-quick-filters', 'blocked')).getByTestId('copy-button'));
    await waitFor(() => expect(clipboard).toHaveBeenCalledTimes(2));
    expect(clipboard).toHaveBeenLastCalledWith(expected.quickFilters[0]!.jql);

    fireEvent.click(within(row('setup-card-colours', 'ready')).getByTestId('copy-button'));
    await waitFor(() => expect(clipboard).toHaveBeenCalledTimes(3));
    expect(clipboard).toHaveBeenLastCalledWith(expected.cardColours[2]!.jql);

    const handoffField = within(screen.getByTestId('setup-card-fields')).getAllByTestId('setup-field')[1]!;
    fireEvent.click(within(handoffField).getByTestId('copy-button'));
    await waitFor(() => expect(clipboard).toHaveBeenCalledTimes(4));
    expect(clipboard).toHaveBeenLastCalledWith('ML handoff');
  });

  it('a query Jira refuses says so, in Jira’s own words, next to that query', async () => {
    const refusal =
      "Field 'issue.property[ml-lanes-state].dodComplete' does not exist or you do not have permission to view it.";
    const view = boardSetupView();
    view.quickFilters[1] = {
      ...view.quickFilters[1]!,
      verdict: { status: 'invalid', errors: [refusal], warnings: [] },
    };
    server.boardSetup = view;
    await openBoardSetup();
    const refused = row('setup-quick-filters', 'dod-incomplete');
    expect(within(refused).getByTestId('jql-verdict').dataset.verdict).toBe('invalid');
    expect(within(refused).getByTestId('jql-errors').textContent).toBe(refusal);
    expect(within(row('setup-quick-filters', 'blocked')).queryByTestId('jql-errors')).toBeNull();
    expect(screen.getByTestId('board-setup-summary').textContent).toContain('Jira refuses 1 query');
  });

  it('names the app fields the site lacks and what to do', async () => {
    const view = boardSetupView();
    view.cardFields[2] = { ...view.cardFields[2]!, state: 'missing', fieldId: null };
    view.fieldProblems = [
      'The dod field (module ml-lanes-dod-progress) is not on this site: deploy ML Lanes here, or restore the field if it was removed.',
    ];
    server.boardSetup = view;
    await openBoardSetup();
    const states = within(screen.getByTestId('setup-card-fields'))
      .getAllByTestId('setup-field')
      .map((field) => field.dataset.fieldState);
    expect(states).toEqual(['present', 'present', 'missing']);
    const problems = screen.getByTestId('field-problems');
    expect(problems.textContent).toContain('ml-lanes-dod-progress) is not on this site');
    expect(problems.textContent).toContain('Deploy ML Lanes to this site');
  });

  it('shows the index status, and re-index now says how many issues were queued', async () => {
    await openBoardSetup();
    const status = screen.getByTestId('index-status');
    expect(status.textContent).toContain('412');
    expect(status.textContent).toContain('1,280');
    fireEvent.click(screen.getByTestId('reindex-button'));
    const result = await screen.findByTestId('reindex-result');
    expect(result.textContent).toContain('27 issues in open sprints queued for re-indexing');
    expect(bridge.invokes('reindexBoardIndex').at(-1)?.payload).toEqual({});
  });

  it('someone who is not a Jira admin sees the status but cannot press re-index', async () => {
    server.admin = false;
    server.boardSetup = { ...boardSetupView(), canReindex: false };
    await openBoardSetup();
    expect(screen.getByTestId<HTMLButtonElement>('reindex-button').disabled).toBe(true);
    expect(screen.getByTestId('setup-index').textContent).toContain('Only Jira administrators can re-index.');
    expect(bridge.invokes('reindexBoardIndex')).toHaveLength(0);
  });
});
