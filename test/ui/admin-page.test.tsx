/** @jest-environment jsdom */
import { bridge } from './support/fake-bridge';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MlLanesConfig } from '../../src/config/schema';
import { defaultConfig } from '../../src/config/defaults';
import { App } from '../../static/admin-page/src/App';
import { answerAtlaskitFlags } from '../../static/shared/src/atlaskit-flags';
import {
  ADMIN_CONTEXT,
  adminConfig,
  FakeAdminServer,
  PREVIEW,
  PRIYA,
  SEEDED_REVISION,
  TOMAS,
} from './support/admin-fixture';

let server: FakeAdminServer;

async function renderAdmin(): Promise<void> {
  bridge.context = ADMIN_CONTEXT;
  bridge.onInvoke(server.handle);
  render(<App />);
  await screen.findByTestId('save-bar');
}

function payloadOf(functionKey: string, index = -1): Record<string, unknown> {
  const calls = bridge.invokes(functionKey);
  const call = calls.at(index);
  if (!call) throw new Error(`${functionKey} was not invoked`);
  return call.payload;
}

function laneRow(id: string): HTMLElement {
  const row = screen.getAllByTestId('lane-row').find((element) => element.dataset.lane === id);
  if (!row) throw new Error(`no lane row ${id}`);
  return row;
}

function saveButton(): HTMLButtonElement {
  return screen.getByTestId<HTMLButtonElement>('save-button');
}

/** Save turns on once the server has checked the draft on screen and found nothing wrong. */
async function saveWhenChecked(): Promise<void> {
  await waitFor(() => expect(saveButton().disabled).toBe(false));
}

/** Waits for the server's check of the edited draft to answer. */
async function checked(): Promise<void> {
  await waitFor(() => expect(screen.queryByTestId('check-pending')).toBeNull());
}

function previewRun(): HTMLButtonElement {
  return screen.getByTestId<HTMLButtonElement>('preview-run');
}

// The page's own start-up answers Atlaskit's feature flags; rendering App directly, the test does it.
beforeAll(answerAtlaskitFlags);
beforeEach(async () => {
  bridge.reset();
  server = await FakeAdminServer.start();
});
afterEach(() => {
  cleanup();
  jest.useRealTimers();
  delete document.documentElement.dataset.colorMode;
});

describe('admin page: loading and scope', () => {
  it('loads the site configuration, the catalog and the history, and says which revision is saved', async () => {
    await renderAdmin();
    expect(screen.getByTestId('admin-page')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('ML Lanes configuration');
    expect(payloadOf('getConfig')).toEqual({});
    expect(bridge.invokes('siteCatalog')).toHaveLength(1);
    expect(payloadOf('listRevisions')).toEqual({});
    expect(screen.getByTestId('saved-revision').textContent).toContain(`Revision ${SEEDED_REVISION}`);
    expect(screen.getByTestId('saved-revision').textContent).toContain(PRIYA);
    expect(screen.getAllByTestId('lane-row').map((row) => row.dataset.lane)).toEqual([
      'data',
      'model',
      'code',
      'test',
      'deploy',
    ]);
    expect(saveButton().disabled).toBe(true);
    expect(screen.queryByTestId('readonly-notice')).toBeNull();
    expect(screen.queryByTestId('fallback-banner')).toBeNull();
  });

  it('shows a skeleton while loading, and an error with a retry when Jira cannot be read', async () => {
    server.jiraDown = true;
    bridge.context = ADMIN_CONTEXT;
    bridge.onInvoke(server.handle);
    render(<App />);
    expect(screen.getByTestId('loading')).toBeTruthy();
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('Jira could not be read');
    server.jiraDown = false;
    fireEvent.click(within(error).getByTestId('retry-button'));
    await screen.findByTestId('save-bar');
    expect(bridge.invokes('getConfig')).toHaveLength(2);
  });

  it('warns when the stored configuration was unreadable and an older revision is in use', async () => {
    // Straight into the store, in the repository's layout: revision 7 as ML Lanes 1 wrote it, and a revision 8
    // no version of ML Lanes can read (as a bug or a hand edit might leave it).
    const history = (revision: number) => `config-history:site:${String(revision).padStart(10, '0')}`;
    const seventh = (await server.store.get(history(7))) as { document: MlLanesConfig };
    await server.store.set(history(7), { ...seventh, document: { ...seventh.document, version: 1 } });
    const broken = adminConfig();
    broken.lanes[2]!.id = 'Code Lane';
    await server.store.set(history(8), {
      kind: 'saved',
      revision: 8,
      savedAt: '2026-11-18T10:00:00.000Z',
      savedBy: TOMAS,
      document: broken,
    });
    await renderAdmin();
    const banner = screen.getByTestId('fallback-banner');
    expect(banner.textContent).toContain('The stored configuration was unreadable; revision 7 is in use');
    expect(banner.textContent).toContain('revision 8 cannot be used: lanes[2].id');
    expect(screen.getByTestId('migrated-banner').textContent).toContain('format version 1');
  });

  it('a project without an override follows the site until the admin creates one, saved with its key', async () => {
    await renderAdmin();
    fireEvent.change(screen.getByTestId('scope-picker'), { target: { value: 'NLP' } });
    await screen.findByTestId('follows-site');
    expect(payloadOf('getConfig')).toEqual({ projectKey: 'NLP' });
    expect(screen.getByTestId('follows-site').textContent).toContain('NLP follows the site configuration');
    expect(within(laneRow('data')).getByTestId<HTMLInputElement>('lane-name').disabled).toBe(true);
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(screen.getByTestId('create-override'));
    expect(within(laneRow('data')).getByTestId<HTMLInputElement>('lane-name').disabled).toBe(false);
    await saveWhenChecked();
    fireEvent.click(saveButton());
    await screen.findByTestId('saved-flag');
    expect(payloadOf('saveConfig')).toMatchObject({ projectKey: 'NLP', baseRevision: 0 });
    expect(screen.getByTestId('scope-status').textContent).toContain('Project override');
  });

  it('resets a project override to the site configuration', async () => {
    await server.saveElsewhere(defaultConfig(), 'CV');
    await server.saveElsewhere(adminConfig(), 'CV');
    await renderAdmin();
    fireEvent.change(screen.getByTestId('scope-picker'), { target: { value: 'CV' } });
    fireEvent.click(await screen.findByTestId('reset-project'));
    fireEvent.click(screen.getByTestId('reset-project-confirm'));
    await screen.findByTestId('follows-site');
    expect(payloadOf('resetProjectConfig')).toEqual({ projectKey: 'CV', baseRevision: 2 });
    expect(screen.getByTestId('saved-flag').textContent).toContain('CV follows the site configuration again');
  });
});

describe('admin page: read-only for people who are not Jira admins', () => {
  it('disables every control and says why', async () => {
    server.admin = false;
    await renderAdmin();
    expect(screen.getByTestId('readonly-notice').textContent).toContain(
      'Only Jira administrators can change this configuration',
    );
    const section = screen.getByTestId('section-lanes');
    const controls = section.querySelectorAll('input, select, button');
    expect(controls.length).toBeGreaterThan(10);
    for (const control of controls) expect((control as HTMLInputElement).disabled).toBe(true);
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('import-input').disabled).toBe(true);

    fireEvent.click(screen.getByTestId('nav-rules'));
    for (const control of screen.getByTestId('section-rules').querySelectorAll('input, select, button')) {
      expect((control as HTMLInputElement).disabled).toBe(true);
    }
    // Who saved what is for admins too.
    fireEvent.click(screen.getByTestId('nav-history'));
    await screen.findByTestId('history-forbidden');
    expect(screen.queryAllByTestId('restore-button')).toHaveLength(0);
    fireEvent.click(saveButton());
    expect(bridge.invokes('saveConfig')).toHaveLength(0);
    // Previewing an unsaved configuration is for admins too: no preview to run, nothing invoked.
    expect(screen.queryByTestId('preview-panel')).toBeNull();
    expect(bridge.invokes('previewConfig')).toHaveLength(0);
    // Nor does the page ask the server to check edits nobody can save.
    expect(bridge.invokes('validateConfig')).toHaveLength(0);
  });
});

describe('admin page: validation next to the control', () => {
  it('names an invalid regular expression under its input and disables Save', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-rules'));
    const rule = screen.getAllByTestId('rule-row').find((row) => row.dataset.index === '1')!;
    const condition = within(rule).getAllByTestId('condition-row')[1]!;
    const pattern = within(condition).getByTestId<HTMLInputElement>('condition-pattern');
    fireEvent.change(pattern, { target: { value: '([qa' } });

    const problem = await within(condition).findByTestId('problem');
    expect(problem.dataset.path).toBe('rules[1].conditions[1].pattern');
    expect(problem.textContent).toContain('not a valid regular expression');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(pattern.getAttribute('aria-describedby')!)?.contains(problem)).toBe(true);
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('nav-rules').textContent).toContain('1 problem');
    expect(screen.getByTestId('problem-count').textContent).toContain('1 problem to fix');

    fireEvent.change(pattern, { target: { value: '^\\[qa\\]|^qa:' } });
    await saveWhenChecked();
    expect(screen.queryAllByTestId('problem')).toHaveLength(0);
  });

  it('names a duplicate lane id next to the id field and disables Save', async () => {
    await renderAdmin();
    const id = within(laneRow('model')).getByTestId<HTMLInputElement>('lane-id');
    fireEvent.change(id, { target: { value: 'data' } });
    fireEvent.blur(id);

    const rows = screen.getAllByTestId('lane-row');
    const problem = (await within(rows[1]!).findAllByTestId('problem')).find(
      (each) => each.dataset.path === 'lanes[1].id',
    );
    expect(problem?.textContent).toContain('duplicate lane id "data"');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().disabled).toBe(true);
    fireEvent.click(saveButton());
    expect(bridge.invokes('saveConfig')).toHaveLength(0);
  });

  it('renaming a lane id carries its rules, DoD and capacity along', async () => {
    await renderAdmin();
    const id = within(laneRow('model')).getByTestId<HTMLInputElement>('lane-id');
    fireEvent.change(id, { target: { value: 'training' } });
    fireEvent.keyDown(id, { key: 'Enter' });
    await saveWhenChecked();
    expect(screen.queryAllByTestId('problem')).toHaveLength(0);
    fireEvent.click(saveButton());
    await screen.findByTestId('saved-flag');
    const config = payloadOf('saveConfig').config as MlLanesConfig;
    expect(config.lanes[1]?.id).toBe('training');
    expect(
      config.rules.filter((rule) => rule.kind !== 'lane-label' && rule.lane === 'training'),
    ).toHaveLength(2);
    expect(Object.keys(config.dod)).toContain('training');
    expect(config.capacity).toEqual({ training: { storyPoints: 21, wipLimit: 3 } });
  });

  it('names a field the site does not have at its control, before anything is saved', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-dod'));
    const field = screen.getAllByTestId('dod-item-field')[0] as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'Annotator kappa' } });
    const problem = await screen.findByTestId('problem');
    expect(problem.dataset.path).toMatch(/^dod\.data\.items\[\d+\]\.field$/);
    expect(problem.textContent).toContain('no field "Annotator kappa" on this site');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().disabled).toBe(true);
    expect(bridge.invokes('saveConfig')).toHaveLength(0);
  });

  it('keeps Save off until the server has checked the draft on screen, and drops a late answer about an older one', async () => {
    const checks = server.hold('validateConfig');
    await renderAdmin();
    await waitFor(() => expect(checks).toHaveLength(1));
    checks[0]!.release(); // the saved document, as loaded

    fireEvent.click(screen.getByTestId('nav-rules'));
    const rule = screen.getAllByTestId('rule-row').find((row) => row.dataset.index === '1')!;
    const pattern = within(within(rule).getAllByTestId('condition-row')[1]!).getByTestId<HTMLInputElement>(
      'condition-pattern',
    );
    fireEvent.change(pattern, { target: { value: '([qa' } });
    await waitFor(() => expect(checks).toHaveLength(2));
    expect(checks[1]!.payload).toMatchObject({
      config: { rules: { 1: { conditions: { 1: { pattern: '([qa' } } } } },
    });
    expect(screen.getByTestId('check-pending').textContent).toContain('Checking');
    expect(saveButton().disabled).toBe(true);

    fireEvent.change(pattern, { target: { value: '^qa:' } });
    await waitFor(() => expect(checks).toHaveLength(3));
    expect(saveButton().disabled).toBe(true);
    checks[2]!.release();
    await saveWhenChecked();
    // The answer about '([qa' arrives last: it says nothing about '^qa:'.
    checks[1]!.release();
    await checks[1]!.answered;
    // One turn of the event loop: the answer's way through the bridge and the page's handler is promises only.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryAllByTestId('problem')).toHaveLength(0);
    expect(saveButton().disabled).toBe(false);
  });

  it('says in one line when Jira is down so the edits cannot be checked, and lets the save decide', async () => {
    await renderAdmin();
    server.jiraDown = true;
    fireEvent.click(screen.getByTestId('nav-dod'));
    fireEvent.change(screen.getAllByTestId('dod-item-field')[0]!, { target: { value: 'Annotator kappa' } });
    const failed = await screen.findByTestId('check-failed');
    expect(failed.textContent).toContain('could not be checked: Jira could not be read');
    expect(failed.textContent).toContain('The server checks them when you save.');
    expect(saveButton().disabled).toBe(false);

    server.jiraDown = false;
    fireEvent.click(saveButton());
    const error = await screen.findByTestId('write-error');
    expect(error.textContent).toContain('Nothing was saved: the configuration has problems');
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('no field "Annotator kappa" on this site');
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId('saved-revision').textContent).toContain(`Revision ${SEEDED_REVISION}`);
  });
});

describe('admin page: lanes', () => {
  it('asks what to do with the rules and DoD of a lane being removed, and moves them', async () => {
    await renderAdmin();
    fireEvent.click(within(laneRow('model')).getByTestId('lane-remove'));
    const dialog = screen.getByTestId('remove-lane-dialog');
    expect(dialog.textContent).toContain('used by 2 classification rules');
    expect(dialog.textContent).toContain('a Definition of Done with 2 items');
    expect(screen.getAllByTestId('lane-row')).toHaveLength(5); // nothing removed yet

    fireEvent.change(within(dialog).getByTestId('remove-lane-target'), { target: { value: 'code' } });
    fireEvent.click(within(dialog).getByTestId('remove-lane-confirm'));
    expect(screen.getAllByTestId('lane-row').map((row) => row.dataset.lane)).toEqual([
      'data',
      'code',
      'test',
      'deploy',
    ]);
    await saveWhenChecked();
    expect(screen.queryAllByTestId('problem')).toHaveLength(0);
    fireEvent.click(saveButton());
    await screen.findByTestId('saved-flag');
    const config = payloadOf('saveConfig').config as MlLanesConfig;
    expect(config.rules.some((rule) => rule.kind !== 'lane-label' && rule.lane === 'model')).toBe(false);
    expect(config.dod.code?.items.map((item) => item.id)).toEqual([
      'reviewed',
      'holdout-accuracy',
      'experiment-linked',
    ]);
    expect(config.capacity).toEqual({});
  });

  it('can delete the rules of a removed lane instead, and cancel', async () => {
    await renderAdmin();
    fireEvent.click(within(laneRow('deploy')).getByTestId('lane-remove'));
    fireEvent.click(screen.getByTestId('remove-lane-cancel'));
    expect(screen.queryByTestId('remove-lane-dialog')).toBeNull();
    fireEvent.click(within(laneRow('deploy')).getByTestId('lane-remove'));
    fireEvent.click(screen.getByTestId('remove-lane-delete'));
    fireEvent.click(screen.getByTestId('remove-lane-confirm'));
    fireEvent.click(screen.getByTestId('nav-rules'));
    const lanes = screen.getAllByTestId('rule-lane').map((select) => (select as HTMLSelectElement).value);
    expect(lanes).not.toContain('deploy');
    expect(screen.getAllByTestId('rule-row')).toHaveLength(10);
  });

  it('adds, reorders and recolours lanes', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('add-lane'));
    expect(screen.getAllByTestId('lane-row').at(-1)?.dataset.lane).toBe('new-lane');
    fireEvent.click(within(laneRow('new-lane')).getByTestId('lane-move-up'));
    expect(screen.getAllByTestId('lane-row').map((row) => row.dataset.lane)).toEqual([
      'data',
      'model',
      'code',
      'test',
      'new-lane',
      'deploy',
    ]);
    fireEvent.click(within(laneRow('data')).getByRole('radio', { name: 'Teal' }));
    expect(screen.getByTestId('config-diff').textContent).toContain('lanes[0].color');
  });
});

describe('admin page: rules', () => {
  it('reorders rules (first match wins) and edits conditions with catalog suggestions', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-rules'));
    const kinds = () => screen.getAllByTestId('rule-row').map((row) => row.dataset.kind);
    expect(kinds().slice(0, 3)).toEqual(['lane-label', 'conditions', 'keywords']);
    fireEvent.click(within(screen.getAllByTestId('rule-row')[1]!).getByTestId('rule-move-up'));
    expect(kinds().slice(0, 3)).toEqual(['conditions', 'lane-label', 'keywords']);
    fireEvent.click(within(screen.getAllByTestId('rule-row')[0]!).getByTestId('rule-move-down'));
    expect(kinds().slice(0, 3)).toEqual(['lane-label', 'conditions', 'keywords']);

    const rule = screen.getAllByTestId('rule-row')[1]!;
    fireEvent.click(within(rule).getByTestId('add-condition'));
    const added = within(rule).getAllByTestId('condition-row')[2]!;
    const value = within(added).getByTestId<HTMLInputElement>('condition-value');
    const options = [...document.getElementById(value.getAttribute('list')!)!.querySelectorAll('option')];
    expect(options.map((option) => option.value)).toEqual(['Story', 'Task', 'Bug', 'Epic']);
    expect((await within(added).findByTestId('problem')).dataset.path).toBe('rules[1].conditions[2].value');

    fireEvent.change(within(added).getByTestId('condition-field'), { target: { value: 'customField' } });
    fireEvent.change(within(added).getByTestId('condition-op'), { target: { value: 'is-set' } });
    const fieldId = within(added).getByTestId<HTMLInputElement>('condition-field-id');
    fireEvent.change(fieldId, { target: { value: 'Model accuracy' } });
    await checked();
    expect(within(rule).queryAllByTestId('problem')).toHaveLength(0);

    fireEvent.change(within(rule).getByTestId('rule-lane'), { target: { value: 'code' } });
    await saveWhenChecked();
    fireEvent.click(saveButton());
    await screen.findByTestId('saved-flag');
    const saved = (payloadOf('saveConfig').config as MlLanesConfig).rules[1];
    expect(saved).toMatchObject({
      kind: 'conditions',
      lane: 'code',
      conditions: [{}, {}, { op: 'is-set', field: 'customField', fieldId: 'Model accuracy' }],
    });
  });

  it('edits keyword rules as comma-separated words', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-rules'));
    const input = screen.getAllByTestId('rule-keywords')[0] as HTMLInputElement;
    expect(input.value).toBe('data, dataset, labeling, labelling, annotation');
    fireEvent.change(input, { target: { value: 'data, feature store,' } });
    expect(input.value).toBe('data, feature store,');
    expect(screen.getByTestId('config-diff').textContent).toContain('"feature store"');
  });
});

describe('admin page: preview', () => {
  it('previews the edited configuration on the default sprint and highlights moved rows in words', async () => {
    await renderAdmin();
    await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>('preview-board').value).toBe('1'));
    expect(screen.getByTestId<HTMLSelectElement>('preview-sprint').value).toBe('102');
    fireEvent.click(screen.getByTestId('nav-rules'));
    fireEvent.change(screen.getAllByTestId('rule-lane')[0]!, { target: { value: 'code' } });
    await waitFor(() => expect(previewRun().disabled).toBe(false));
    fireEvent.click(previewRun());

    await screen.findAllByTestId('preview-row');
    const payload = payloadOf('previewConfig');
    expect(payload).toMatchObject({ boardId: 1, sprintId: 102 });
    expect((payload.config as MlLanesConfig).rules[1]).toMatchObject({ kind: 'conditions', lane: 'code' });
    expect(screen.getByTestId('preview-moved-count').textContent).toBe('1 of 3 issues changes lane');
    const rows = screen.getAllByTestId('preview-row');
    expect(rows.map((row) => [row.dataset.key, row.dataset.moved])).toEqual([
      ['CV-104', 'true'],
      ['CV-101', 'false'],
      ['CV-108', 'false'],
    ]);
    expect(rows[0]!.textContent).toContain('Moves');
    expect(rows[0]!.textContent).toContain('Test');
    expect(rows[0]!.textContent).toContain('Code');
    expect(rows[2]!.textContent).toContain('Unclassified');
  });

  it('previews a JQL query, and waits for a valid document', async () => {
    await renderAdmin();
    fireEvent.change(screen.getByTestId('preview-jql'), { target: { value: 'project = CV' } });
    fireEvent.change(within(laneRow('data')).getByTestId('lane-name'), { target: { value: '' } });
    await within(laneRow('data')).findByTestId('problem');
    expect(previewRun().disabled).toBe(true);
    expect(screen.getByTestId('preview-panel').textContent).toContain('Fix 1 problem to preview');
    fireEvent.change(within(laneRow('data')).getByTestId('lane-name'), { target: { value: 'Data' } });
    await waitFor(() => expect(previewRun().disabled).toBe(false));
    fireEvent.click(previewRun());
    await screen.findAllByTestId('preview-row');
    expect(payloadOf('previewConfig')).toMatchObject({ jql: 'project = CV' });
    expect(payloadOf('previewConfig').boardId).toBeUndefined();
  });
});

describe('admin page: a partial preview', () => {
  it('says which issues could not be loaded above the rows it has', async () => {
    server.preview = {
      ...PREVIEW,
      warnings: ['1 issue the query found could not be loaded and is not shown (ids 10042)'],
    };
    await renderAdmin();
    fireEvent.change(screen.getByTestId('preview-jql'), { target: { value: 'project = CV' } });
    await waitFor(() => expect(previewRun().disabled).toBe(false));
    fireEvent.click(previewRun());
    const warnings = await screen.findByTestId('preview-warnings');
    expect(warnings.textContent).toBe(
      '1 issue the query found could not be loaded and is not shown (ids 10042)',
    );
    expect(screen.getAllByTestId('preview-row')).toHaveLength(PREVIEW.rows.length);
  });
});

describe('admin page: saving', () => {
  it('saves with the base revision and shows a success flag and the new revision', async () => {
    await renderAdmin();
    fireEvent.change(within(laneRow('data')).getByTestId('lane-name'), { target: { value: 'Datasets' } });
    expect(screen.getByTestId('config-diff').textContent).toContain('lanes[0].name');
    await saveWhenChecked();
    fireEvent.click(saveButton());
    const flag = await screen.findByTestId('saved-flag');
    expect(flag.textContent).toContain('Saved as revision 8');
    expect(payloadOf('saveConfig')).toMatchObject({ baseRevision: 7 });
    expect((payloadOf('saveConfig').config as MlLanesConfig).lanes[0]?.name).toBe('Datasets');
    expect(screen.getByTestId('saved-revision').textContent).toContain('Revision 8');
    expect(saveButton().disabled).toBe(true);
    expect(bridge.invokes('listRevisions')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('nav-history'));
    const rows = await screen.findAllByTestId('history-row');
    expect(rows[0]!.dataset.revision).toBe('8');
    expect(rows[0]!.textContent).toContain('Ada Okafor');
  });

  it('on a conflict, says who saved which revision, reloads theirs and keeps my changes on top', async () => {
    await renderAdmin();
    // Someone else renames the Deploy lane and saves revision 8 meanwhile.
    const theirs = adminConfig();
    theirs.lanes[4]!.name = 'Release';
    await server.saveElsewhere(theirs);

    fireEvent.change(within(laneRow('data')).getByTestId('lane-name'), { target: { value: 'Datasets' } });
    await saveWhenChecked();
    fireEvent.click(saveButton());
    const banner = await screen.findByTestId('conflict-banner');
    expect(banner.textContent).toContain('Someone else saved revision 8 while you were editing');
    expect(saveButton().disabled).toBe(true);

    fireEvent.click(within(banner).getByTestId('conflict-reload'));
    await waitFor(() => expect(screen.getByTestId('conflict-banner').dataset.state).toBe('reloaded'));
    expect(screen.getByTestId('conflict-diff').textContent).toContain('lanes[4].name');
    expect(within(laneRow('deploy')).getByTestId<HTMLInputElement>('lane-name').value).toBe('Release');
    expect(within(laneRow('data')).getByTestId<HTMLInputElement>('lane-name').value).toBe('Datasets');

    fireEvent.click(screen.getByTestId('conflict-keep-mine'));
    await saveWhenChecked();
    fireEvent.click(saveButton());
    await screen.findByTestId('saved-flag');
    expect(payloadOf('saveConfig')).toMatchObject({ baseRevision: 8 });
    const saved = payloadOf('saveConfig').config as MlLanesConfig;
    expect(saved.lanes.map((lane) => lane.name)).toEqual(['Datasets', 'Model', 'Code', 'Test', 'Release']);
  });

  it('after a conflict where both changed the same thing, lets the admin take theirs', async () => {
    await renderAdmin();
    const theirs = adminConfig();
    theirs.lanes[0]!.name = 'Data prep';
    await server.saveElsewhere(theirs);
    fireEvent.change(within(laneRow('data')).getByTestId('lane-name'), { target: { value: 'Datasets' } });
    await saveWhenChecked();
    fireEvent.click(saveButton());
    fireEvent.click(await screen.findByTestId('conflict-reload'));
    const list = await screen.findByTestId('conflict-list');
    expect(list.textContent).toContain('lanes[0].name');
    fireEvent.click(within(list).getByRole('button', { name: 'Use theirs' }));
    expect(within(laneRow('data')).getByTestId<HTMLInputElement>('lane-name').value).toBe('Data prep');
  });

  it('says so when the server refuses a save (no longer a Jira admin)', async () => {
    await renderAdmin();
    server.admin = false;
    fireEvent.change(within(laneRow('data')).getByTestId('lane-name'), { target: { value: 'Datasets' } });
    await saveWhenChecked();
    fireEvent.click(saveButton());
    const error = await screen.findByTestId('write-error');
    expect(error.dataset.code).toBe('forbidden');
    expect(error.textContent).toContain('Only Jira administrators can change the ML Lanes configuration.');
    expect(screen.queryByTestId('saved-flag')).toBeNull();
    expect(screen.getByTestId('saved-revision').textContent).toContain(`Revision ${SEEDED_REVISION}`);
  });
});

describe('admin page: history, import, export', () => {
  it('restores a revision in one click, with the revision being edited as base', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-history'));
    const rows = await screen.findAllByTestId('history-row');
    expect(rows.map((row) => row.dataset.revision)).toEqual(['7', '6', '5', '4', '3', '2', '1']);
    expect(within(rows[0]!).getByTestId<HTMLButtonElement>('restore-button').disabled).toBe(true);
    fireEvent.click(within(rows[2]!).getByTestId('restore-button'));
    await screen.findByTestId('saved-flag');
    expect(payloadOf('restoreRevision')).toEqual({ revision: 5, baseRevision: 7 });
    expect(screen.getByTestId('saved-flag').textContent).toContain('Revision 5 restored as revision 8');
  });

  it('imports a file through importConfig and lists its problems when nothing was saved', async () => {
    await renderAdmin();
    const file = new File(['{"version":2,"lanes":[{"id":"Data"}]}'], 'ml-lanes-config.json', {
      type: 'application/json',
    });
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [file] } });
    const problems = await screen.findByTestId('import-problems');
    expect(payloadOf('importConfig')).toEqual({
      text: '{"version":2,"lanes":[{"id":"Data"}]}',
      baseRevision: 7,
    });
    const listed = within(problems).getAllByTestId('import-problem');
    expect(listed.map((each) => each.dataset.path)).toContain('lanes[0].id');
    expect(listed.find((each) => each.dataset.path === 'lanes[0].id')?.textContent).toContain(
      'a lane id is 1–32 lowercase letters',
    );
    expect(screen.getByTestId('saved-revision').textContent).toContain('Revision 7');
  });

  it('imports a file written by an older version: migrated, saved as the next revision, and in the editor', async () => {
    await renderAdmin();
    const older = { ...adminConfig(), version: 1 } as unknown as Record<string, unknown>;
    (older.lanes as { name: string }[])[0]!.name = 'Datasets';
    const file = new File([JSON.stringify(older)], 'ml-lanes-config.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [file] } });
    const flag = await screen.findByTestId('saved-flag');
    expect(flag.textContent).toContain('Imported and saved as revision 8');
    expect(within(laneRow('data')).getByTestId<HTMLInputElement>('lane-name').value).toBe('Datasets');
    expect((await server.configs.load()).config.version).toBe(2);
  });

  it('exports the configuration as ml-lanes-config.json', async () => {
    const created: Blob[] = [];
    const url = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: () => void };
    url.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:ml-lanes';
    };
    url.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('ml-lanes-config.json');
      expect(this.href).toBe('blob:ml-lanes');
    });
    await renderAdmin();
    fireEvent.click(screen.getByTestId('export-button'));
    expect(click).toHaveBeenCalledTimes(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]!);
    });
    expect((JSON.parse(text) as MlLanesConfig).lanes).toHaveLength(5);
    click.mockRestore();
  });

  it('goes to the first problem from the save bar', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-capacity'));
    const points = screen.getAllByTestId('capacity-points')[1] as HTMLInputElement;
    fireEvent.change(points, { target: { value: '-2' } });
    fireEvent.click(screen.getByTestId('nav-lanes'));
    const goTo = await screen.findByTestId('problem-count');
    await act(async () => {
      fireEvent.click(goTo);
    });
    expect(screen.getByTestId('section-capacity')).toBeTruthy();
    const focused = document.activeElement as HTMLInputElement;
    expect(focused.dataset.testid).toBe('capacity-points');
    expect(focused.value).toBe('-2');
  });

  it('saves the switch that limits the board index to upstream work in the same project', async () => {
    await renderAdmin();
    fireEvent.click(screen.getByTestId('nav-links'));
    const box = screen.getByTestId<HTMLInputElement>('same-project-only');
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await saveWhenChecked();
    fireEvent.click(saveButton());
    await screen.findByTestId('saved-flag');
    expect((payloadOf('saveConfig').config as MlLanesConfig).boardIndex).toEqual({ sameProjectOnly: true });
  });
});
