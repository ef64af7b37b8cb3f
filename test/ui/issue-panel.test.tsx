/** @jest-environment jsdom */
import { bridge } from './support/fake-bridge';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ResolverResult } from '../../src/contract/envelope';
import type { IssuePanelView } from '../../src/contract/issue-api';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import { App } from '../../static/issue-panel/src/App';
import { mount } from '../../static/shared/src/mount';
import { ISSUE_PANEL_CONTEXT, issueView, withItems } from './support/issue-fixture';

type Handler = Parameters<typeof bridge.onInvoke>[0];

function serve(view: IssuePanelView = issueView(), more: Partial<Record<string, Handler>> = {}): void {
  bridge.onInvoke((request) => {
    const handler = more[request.functionKey];
    if (handler) return handler(request);
    return request.functionKey === 'getIssuePanel'
      ? { ok: true, data: view }
      : { ok: false, error: { code: 'internal', message: `unexpected ${request.functionKey}` } };
  });
}

async function renderPanel(view: IssuePanelView = issueView(), more: Partial<Record<string, Handler>> = {}) {
  serve(view, more);
  render(<App />);
  return screen.findByTestId('issue-panel');
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function item(id: string): HTMLElement {
  return screen.getAllByTestId('dod-item').find((element) => element.dataset.id === id)!;
}

function checkbox(id: string): HTMLInputElement {
  return screen
    .getAllByTestId('dod-checkbox')
    .find((element) => element.dataset.id === id) as HTMLInputElement;
}

// Atlaskit's feature flags get the answer mount() gives them (App is rendered here without mount).
beforeAll(answerAtlaskitFlags);
beforeEach(() => {
  bridge.reset();
  bridge.context = ISSUE_PANEL_CONTEXT;
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    now: new Date('2026-11-24T12:00:00Z'),
  });
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
  delete document.documentElement.dataset.colorMode;
});

describe('issue panel: reading', () => {
  it('shows the skeleton while loading, then asks for the issue the panel is open on', async () => {
    const answer = deferred<ResolverResult<unknown>>();
    bridge.onInvoke(() => answer.promise);
    render(<App />);
    expect(screen.getByTestId('loading').getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(bridge.invokes('getIssuePanel')).toHaveLength(1));
    expect(bridge.invokes('getIssuePanel')[0]!.payload).toEqual({ issueKey: 'CV-104' });
    await act(async () => answer.resolve({ ok: true, data: issueView() }));
    expect(await screen.findByTestId('issue-panel')).toBeTruthy();
    expect(screen.queryByTestId('loading')).toBeNull();
  });

  it('enables Jira theming at mount and follows the context’s colour mode', async () => {
    bridge.context = { ...ISSUE_PANEL_CONTEXT, theme: { colorMode: 'dark' } };
    serve();
    const root = document.createElement('div');
    document.body.appendChild(root);
    act(() => mount(root, App));
    await within(root).findByTestId('issue-panel');
    expect(bridge.ops('enableTheming')).toHaveLength(1);
    expect(document.documentElement.dataset.colorMode).toBe('dark');
    root.remove();
  });

  it('shows the lane, its colour and the rule that decided it', async () => {
    await renderPanel();
    const name = screen.getByTestId('lane-name');
    expect(name.textContent).toBe('Model');
    expect(name.querySelector('.mll-dot')?.getAttribute('style')).toContain('--mll-lane-color: #8270DB');
    expect(screen.getByTestId('lane-rule').textContent).toBe(
      'Decided by the rule: labels "training" matches keyword "train"',
    );
    const select = screen.getByTestId<HTMLSelectElement>('lane-override');
    expect(select.value).toBe('');
    expect(select.disabled).toBe(false);
    expect([...select.options].map((option) => option.textContent)).toEqual([
      '(decided by rules)',
      'Data',
      'Model',
      'Code',
      'Deploy',
    ]);
    expect(screen.getByLabelText('Lane:')).toBe(select);
    expect(screen.queryByTestId('readonly-note')).toBeNull();
  });

  it('lists what the issue waits on and what it blocks, blocked ones said in words', async () => {
    await renderPanel();
    const upstream = screen.getAllByTestId('upstream-item');
    expect(upstream.map((element) => element.dataset.key)).toEqual(['CV-101', 'CV-132', '']);
    expect(upstream[1]!.textContent).toContain('Provision GPU quota');
    expect(upstream[1]!.textContent).toContain('Deploy');
    expect(upstream[1]!.textContent).toContain('To Do');
    expect(upstream[1]!.textContent).toContain('Blocked: not started yet, outside this sprint');
    expect(upstream[0]!.textContent).toContain('Blocked: not done yet');
    expect(upstream[2]!.textContent).toContain('An issue you cannot see');
    expect(within(upstream[2]!).queryByRole('button')).toBeNull();
    const downstream = screen.getAllByTestId('downstream-item');
    expect(downstream).toHaveLength(1);
    expect(downstream[0]!.textContent).toContain('Integrate model in inference service');
    expect(downstream[0]!.textContent).toContain('Blocked: waits on this issue');

    fireEvent.click(within(downstream[0]!).getByRole('button', { name: 'CV-110' }));
    await waitFor(() => expect(bridge.ops('navigate')).toEqual([{ url: '/browse/CV-110', type: 'new-tab' }]));
  });

  it('says so when nothing waits either way', async () => {
    await renderPanel(issueView({ upstream: [], downstream: [] }));
    expect(screen.queryAllByTestId('upstream-item')).toHaveLength(0);
    expect(screen.getByText('Nothing: no other issue has to finish first.')).toBeTruthy();
    expect(screen.getByText('Nothing waits on this issue.')).toBeTruthy();
  });

  it('shows the Definition of Done: progress, enforcement, who ticked what, and auto details', async () => {
    await renderPanel();
    const progress = screen.getByTestId('dod-progress');
    expect(progress.textContent).toContain('2 of 5 met');
    expect(within(progress).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    expect(screen.getByTestId('dod-enforced').textContent).toBe('Enforced at Done');

    const items = screen.getAllByTestId('dod-item');
    expect(items.map((element) => [element.dataset.id, element.dataset.kind, element.dataset.met])).toEqual([
      ['model-card', 'manual', 'true'],
      ['eval-reviewed', 'manual', 'false'],
      ['iaa', 'auto', 'false'],
      ['accuracy', 'auto', 'true'],
      ['dataset-version', 'auto', 'false'],
    ]);
    expect(item('model-card').textContent).toContain('Ticked by f58131cb… 3 hours ago');
    expect(item('eval-reviewed').textContent).toContain('Not ticked yet');
    expect(screen.getByLabelText('Model card written')).toBe(checkbox('model-card'));
    expect(checkbox('model-card').checked).toBe(true);
    expect(item('iaa').textContent).toContain('Inter-annotator agreement 0.97 — needs ≥ 0.98');
    expect(within(item('iaa')).queryByRole('checkbox')).toBeNull();
    const missing = item('dataset-version');
    expect(missing.textContent).toContain('The field "Dataset version" does not exist on this site');
    expect(missing.querySelector('.mll-dod-note--missing')).toBeTruthy();
  });
});

describe('issue panel: ticking items', () => {
  it('ticks optimistically, then settles on the server’s view', async () => {
    const answer = deferred<ResolverResult<unknown>>();
    const base = issueView();
    const ticked = withItems(
      base,
      base.dod.items.map((entry) =>
        entry.id === 'eval-reviewed'
          ? { ...entry, met: true, detail: 'ticked', checkedBy: 'alice', checkedAt: '2026-11-24T11:58:00Z' }
          : entry,
      ),
    );
    await renderPanel(base, { setDodItem: () => answer.promise });
    fireEvent.click(checkbox('eval-reviewed'));
    expect(checkbox('eval-reviewed').checked).toBe(true);
    expect(checkbox('eval-reviewed').disabled).toBe(true);
    expect(item('eval-reviewed').dataset.met).toBe('true');
    expect(screen.getByTestId('dod-progress').textContent).toContain('3 of 5 met');
    expect(bridge.invokes('setDodItem')[0]!.payload).toEqual({
      issueKey: 'CV-104',
      itemId: 'eval-reviewed',
      checked: true,
    });

    await act(async () => answer.resolve({ ok: true, data: ticked }));
    expect(checkbox('eval-reviewed').disabled).toBe(false);
    expect(item('eval-reviewed').textContent).toContain('Ticked by alice 2 minutes ago');
    expect(screen.getByTestId('dod-progress').textContent).toContain('3 of 5 met');
  });

  it('reverts and says why when the tick is refused', async () => {
    await renderPanel(issueView(), {
      setDodItem: () => ({
        ok: false,
        error: { code: 'forbidden', message: 'Jira says you may not edit CV-104.' },
      }),
    });
    fireEvent.click(checkbox('model-card'));
    const alert = await screen.findByTestId('dod-error');
    expect(alert.textContent).toContain('Not saved: Jira says you may not edit CV-104.');
    expect(checkbox('model-card').checked).toBe(true);
    expect(item('model-card').dataset.met).toBe('true');
    expect(screen.getByTestId('dod-progress').textContent).toContain('2 of 5 met');
  });

  it('is read-only for people who cannot edit the issue', async () => {
    await renderPanel(issueView({ canEdit: false }));
    expect(screen.getByTestId('readonly-note').textContent).toContain(
      'You can’t edit this issue, so the checklist is read-only',
    );
    expect(screen.getByTestId<HTMLSelectElement>('lane-override').disabled).toBe(true);
    for (const box of screen.getAllByTestId('dod-checkbox'))
      expect((box as HTMLInputElement).disabled).toBe(true);
  });

  it('says when the lane has no Definition of Done items', async () => {
    const view = withItems(issueView(), []);
    await renderPanel({ ...view, dod: { ...view.dod, enforced: false } });
    expect(screen.getByTestId('dod-empty').textContent).toBe('This lane has no Definition of Done items.');
    expect(screen.queryByTestId('dod-progress')).toBeNull();
    expect(screen.queryByTestId('dod-enforced')).toBeNull();
  });
});

describe('issue panel: lane override', () => {
  it('overrides the lane, then hands it back to the rules', async () => {
    const overridden = issueView({ lane: 'data', override: 'data', laneRule: 'manual override' });
    const answers = [overridden, issueView()];
    await renderPanel(issueView(), { setLaneOverride: () => ({ ok: true, data: answers.shift()! }) });
    fireEvent.change(screen.getByTestId('lane-override'), { target: { value: 'data' } });
    await waitFor(() => expect(screen.getByTestId('lane-name').textContent).toBe('Data'));
    expect(screen.getByTestId('lane-rule').textContent).toBe('Decided by a manual override.');
    expect(screen.getByText('Set by hand')).toBeTruthy();
    expect(screen.getByTestId<HTMLSelectElement>('lane-override').value).toBe('data');

    fireEvent.change(screen.getByTestId('lane-override'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('lane-name').textContent).toBe('Model'));
    expect(bridge.invokes('setLaneOverride').map((request) => request.payload)).toEqual([
      { issueKey: 'CV-104', lane: 'data' },
      { issueKey: 'CV-104', lane: null },
    ]);
  });

  it('offers to pick a lane when no rule matched', async () => {
    await renderPanel(withItems(issueView({ lane: null, laneRule: 'no rule matched (labels: none)' }), []));
    expect(screen.getByTestId('lane-name').textContent).toBe('No lane');
    expect(screen.getByTestId('lane-rule').textContent).toBe(
      'No lane: no rule matched (labels: none). Pick one below to place it by hand.',
    );
    expect(screen.getByTestId<HTMLSelectElement>('lane-override').disabled).toBe(false);
    expect(screen.getByTestId('dod-empty').textContent).toContain('no lane');
  });

  it('keeps the lane and shows the error when the override fails', async () => {
    await renderPanel(issueView(), {
      setLaneOverride: () => ({ ok: false, error: { code: 'internal', message: 'Storage failed.' } }),
    });
    fireEvent.change(screen.getByTestId('lane-override'), { target: { value: 'code' } });
    expect((await screen.findByTestId('lane-override-error')).textContent).toContain(
      'The lane was not changed: Storage failed.',
    );
    expect(screen.getByTestId<HTMLSelectElement>('lane-override').value).toBe('');
    expect(screen.getByTestId('lane-name').textContent).toBe('Model');
  });
});

describe('issue panel: errors', () => {
  it('shows the resolver’s error and retries', async () => {
    let calls = 0;
    bridge.onInvoke(() =>
      ++calls === 1
        ? { ok: false, error: { code: 'jira-unavailable', message: 'Jira took too long to answer.' } }
        : { ok: true, data: issueView() },
    );
    render(<App />);
    const error = await screen.findByTestId('error-state');
    expect(error.dataset.code).toBe('jira-unavailable');
    expect(error.textContent).toContain('Jira took too long to answer.');
    fireEvent.click(screen.getByTestId('retry-button'));
    expect(await screen.findByTestId('issue-panel')).toBeTruthy();
    expect(bridge.invokes('getIssuePanel')).toHaveLength(2);
  });
});
