/**
 * The playground's host page: plays Jira around the app's frame. Pick a module (sprint action, board action,
 * project page), a board and sprint, and a theme; the frame loads the real Custom UI bundle with the bridge
 * stand-in. What the app asks Jira to do (open an issue) is shown as a flag instead.
 */
import type { BoardChoice } from '../../../src/contract/resolver-api';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { DoneTransitionCheck } from '../../../src/contract/issue-api';
import { setUpTestDeliveries } from './test-deliveries';

type ModuleId =
  'sprint-action' | 'board-action' | 'project-page' | 'admin-page' | 'issue-panel' | 'dashboard-gadget';

const MODULES: Record<ModuleId, { type: string; label: string; frame: 'modal' | 'page'; resource: string }> =
  {
    'sprint-action': {
      type: 'jira:sprintAction',
      label: 'Sprint action (backlog)',
      frame: 'modal',
      resource: 'planning-panel',
    },
    'board-action': {
      type: 'jira:boardAction',
      label: 'Board action',
      frame: 'modal',
      resource: 'planning-panel',
    },
    'project-page': {
      type: 'jira:projectPage',
      label: 'Project page',
      frame: 'page',
      resource: 'planning-panel',
    },
    'issue-panel': {
      type: 'jira:issuePanel',
      label: 'Issue panel (issue view)',
      frame: 'page',
      resource: 'issue-panel',
    },
    'admin-page': {
      type: 'jira:adminPage',
      label: 'Admin page (Apps → ML Lanes → Configure)',
      frame: 'page',
      resource: 'admin-page',
    },
    'dashboard-gadget': {
      type: 'jira:dashboardGadget',
      label: 'Dashboard gadget (ML Lanes sprint, in a 420 px column)',
      // Drawn in a dashboard column (see render).
      frame: 'page',
      resource: 'sprint-gadget',
    },
  };

interface HostState {
  module: ModuleId;
  board: number | null;
  sprint: number | null;
  theme: 'light' | 'dark';
  /** Which Jira user the app acts for: `admin` or `member`. */
  user: 'admin' | 'member';
  /** The issue the issue panel is open on. */
  issue: string;
  /** What the gadget saved with view.submit (Jira keeps it per gadget); null until then. */
  gadgetConfig: Record<string, unknown> | null;
  /** The gadget shows its configuration screen (Jira's "Edit" in the gadget's menu). */
  gadgetEdit: boolean;
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const site = document.body.dataset.site ?? location.origin;
let boards: BoardChoice[] = [];

async function loadBoards(): Promise<BoardChoice[]> {
  const response = await fetch('/__playground/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'listBoards',
      payload: {},
      context: { extension: { type: 'jira:projectPage' } },
    }),
  });
  const body = (await response.json()) as { result?: ResolverResult<BoardChoice[]>; error?: string };
  if (!body.result?.ok)
    throw new Error(body.error ?? (body.result && !body.result.ok ? body.result.error.message : 'no boards'));
  return body.result.data;
}

function readState(): HostState {
  const query = new URLSearchParams(location.search);
  const module = (query.get('module') as ModuleId | null) ?? 'sprint-action';
  const board = Number(query.get('board')) || null;
  const sprint = Number(query.get('sprint')) || null;
  return {
    module: module in MODULES ? module : 'sprint-action',
    board,
    sprint,
    theme: query.get('theme') === 'dark' ? 'dark' : 'light',
    user: query.get('user') === 'member' ? 'member' : 'admin',
    issue: /^[A-Z][A-Z0-9_]*-\d+$/.test(query.get('issue') ?? '') ? (query.get('issue') as string) : 'CV-101',
    gadgetConfig: readGadgetConfig(query.get('gadget')),
    gadgetEdit: query.get('edit') === '1',
  };
}

/** The gadget's saved configuration from the page URL: any JSON object (the gadget checks what it reads). */
function readGadgetConfig(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The first scrum board's active sprint, else its next one: what the root URL opens on. */
function withDefaults(state: HostState): HostState {
  const board =
    boards.find((each) => each.id === state.board) ??
    boards.find((each) => each.sprints.length > 0) ??
    boards[0];
  if (!board) return state;
  const sprints = board.sprints;
  const sprint =
    sprints.find((each) => each.id === state.sprint) ??
    sprints.find((each) => each.state === 'active') ??
    sprints.find((each) => each.state === 'future');
  return { ...state, board: board.id, sprint: sprint?.id ?? null };
}

function writeState(state: HostState): void {
  const query = new URLSearchParams({
    module: state.module,
    theme: state.theme,
    user: state.user,
    issue: state.issue,
  });
  if (state.board) query.set('board', String(state.board));
  if (state.sprint) query.set('sprint', String(state.sprint));
  if (state.gadgetConfig) query.set('gadget', JSON.stringify(state.gadgetConfig));
  if (state.gadgetEdit) query.set('edit', '1');
  history.replaceState(null, '', `/?${query}`);
}

function frameUrl(state: HostState): string {
  const module = MODULES[state.module];
  const board = boards.find((each) => each.id === state.board);
  const query = new URLSearchParams({ module: module.type, theme: state.theme, site, user: state.user });
  if ((state.module === 'sprint-action' || state.module === 'board-action') && state.board) {
    query.set('board', String(state.board));
  }
  if (state.module === 'sprint-action' && state.sprint) query.set('sprint', String(state.sprint));
  if (state.module === 'project-page' && board?.projectKey) query.set('project', board.projectKey);
  if (state.module === 'issue-panel') query.set('issue', state.issue);
  if (state.module === 'dashboard-gadget') {
    query.set('gadgetConfiguration', JSON.stringify(state.gadgetConfig ?? {}));
    if (state.gadgetEdit) query.set('entryPoint', 'edit');
  }
  return `/module/${module.resource}/index.html?${query}`;
}

function fillPickers(state: HostState): void {
  const boardPicker = element<HTMLSelectElement>('board');
  boardPicker.replaceChildren(
    ...boards.map(
      (board) =>
        new Option(`${board.name} (${board.type})`, String(board.id), false, board.id === state.board),
    ),
  );
  const sprintPicker = element<HTMLSelectElement>('sprint');
  const sprints = boards.find((board) => board.id === state.board)?.sprints ?? [];
  sprintPicker.replaceChildren(
    ...sprints.map(
      (sprint) =>
        new Option(`${sprint.name} (${sprint.state})`, String(sprint.id), false, sprint.id === state.sprint),
    ),
  );
  sprintPicker.disabled = state.module !== 'sprint-action' || sprints.length === 0;
  boardPicker.disabled = !['sprint-action', 'board-action'].includes(state.module);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-module]')) {
    button.setAttribute('aria-pressed', String(button.dataset.module === state.module));
  }
  element<HTMLInputElement>('dark').checked = state.theme === 'dark';
  element<HTMLSelectElement>('user').value = state.user;
  element<HTMLInputElement>('issue').value = state.issue;
  element('issue-tools').hidden = state.module !== 'issue-panel';
  element('gadget-tools').hidden = state.module !== 'dashboard-gadget';
  // Test deliveries sit beside the issue panel (where the evidence shows) and the admin page (its Connections).
  element('deliveries').hidden =
    document.body.dataset.testDelivery !== 'on' || !['issue-panel', 'admin-page'].includes(state.module);
  element('gadget-edit').textContent = state.gadgetEdit ? 'Back to the gadget' : 'Edit gadget';
}

function render(state: HostState, reloadFrame: boolean): void {
  writeState(state);
  fillPickers(state);
  document.documentElement.dataset.colorMode = state.theme;
  const frame = element<HTMLIFrameElement>('module-frame');
  // A gadget is framed as a page, in a dashboard column's width.
  const frameKind = state.module === 'dashboard-gadget' ? 'gadget' : MODULES[state.module].frame;
  frame.closest('.stage')?.setAttribute('data-frame', frameKind);
  element('frame-title').textContent = MODULES[state.module].label;
  if (reloadFrame) frame.src = frameUrl(state);
  else frame.contentWindow?.postMessage({ source: 'ml-lanes-host', colorMode: state.theme }, location.origin);
}

function showFlag(text: string): void {
  const log = element<HTMLOListElement>('navigation-log');
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
  element('flags').hidden = false;
}

/** What Jira would do with a transition to Done now: the workflow validator's answer, shown as a flag. */
async function tryDoneTransition(state: HostState): Promise<void> {
  const response = await fetch('/__playground/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      functionKey: 'checkDoneTransition',
      payload: { issueKey: state.issue },
      context: {},
      user: state.user,
    }),
  });
  const body = (await response.json()) as { result?: ResolverResult<DoneTransitionCheck>; error?: string };
  const result = body.result;
  if (!result?.ok) {
    showFlag(
      `Could not check the Done transition: ${result && !result.ok ? result.error.message : (body.error ?? 'no answer')}`,
    );
    return;
  }
  showFlag(
    result.data.allowed
      ? `Jira would let ${state.issue} move to Done.`
      : `Jira would refuse: ${result.data.message}`,
  );
}

interface BridgeMessage {
  source?: string;
  op?: string;
  payload?: { url?: string; target?: string; moduleKey?: string; projectKey?: string } | null;
}

/** A URL, or a Forge NavigationLocation such as the app's project page of a project. */
function navigationTarget(payload: BridgeMessage['payload']): string {
  if (payload?.target === 'module') {
    return `the app's ${payload.moduleKey ?? 'module'} page${payload.projectKey ? ` of project ${payload.projectKey}` : ''}`;
  }
  const url = payload?.url ?? '';
  return url.startsWith('/') ? `${site}${url}` : url;
}

async function main(): Promise<void> {
  try {
    boards = await loadBoards();
  } catch (error) {
    showFlag(`Could not list boards: ${(error as Error).message}`);
  }
  let state = withDefaults(readState());
  render(state, true);

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-module]')) {
    button.addEventListener('click', () => {
      state = withDefaults({ ...state, module: button.dataset.module as ModuleId });
      render(state, true);
    });
  }
  element<HTMLSelectElement>('board').addEventListener('change', (event) => {
    state = withDefaults({
      ...state,
      board: Number((event.target as HTMLSelectElement).value),
      sprint: null,
    });
    render(state, true);
  });
  element<HTMLSelectElement>('sprint').addEventListener('change', (event) => {
    state = { ...state, sprint: Number((event.target as HTMLSelectElement).value) };
    render(state, true);
  });
  element<HTMLInputElement>('issue').addEventListener('change', (event) => {
    const key = (event.target as HTMLInputElement).value.trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(key)) return;
    state = { ...state, issue: key };
    render(state, true);
  });
  setUpTestDeliveries(element('delivery-tools'), (issueKey) => {
    // The consumer wrote it: show the issue it named, whose Evidence section and DoD now read the new values.
    state = { ...state, module: 'issue-panel', issue: issueKey };
    render(state, true);
  });
  element<HTMLButtonElement>('try-done').addEventListener('click', () => {
    void tryDoneTransition(state);
  });
  element<HTMLButtonElement>('gadget-edit').addEventListener('click', () => {
    state = { ...state, gadgetEdit: !state.gadgetEdit };
    render(state, true);
  });
  element<HTMLSelectElement>('user').addEventListener('change', (event) => {
    state = { ...state, user: (event.target as HTMLSelectElement).value === 'member' ? 'member' : 'admin' };
    render(state, true);
  });
  element<HTMLInputElement>('dark').addEventListener('change', (event) => {
    state = { ...state, theme: (event.target as HTMLInputElement).checked ? 'dark' : 'light' };
    render(state, false);
  });
  window.addEventListener('message', (event: MessageEvent<BridgeMessage>) => {
    if (event.origin !== location.origin || event.data?.source !== 'ml-lanes-bridge') return;
    const { op, payload } = event.data;
    if (op === 'submit' && state.module === 'dashboard-gadget') {
      // Jira keeps what the gadget's edit screen submits and shows the gadget with it.
      state = { ...state, gadgetConfig: readGadgetConfig(JSON.stringify(payload ?? {})), gadgetEdit: false };
      render(state, true);
      showFlag(`Jira saved the gadget's configuration: ${JSON.stringify(payload ?? {})}`);
      return;
    }
    showFlag(
      op === 'navigate'
        ? `Jira would open ${navigationTarget(payload)} in a new tab`
        : `The app asked Jira to ${op}`,
    );
  });
}

void main();
