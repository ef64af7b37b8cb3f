/**
 * The playground's host page: plays Jira around the app's frame. Pick a module (sprint action, board action,
 * project page), a board and sprint, and a theme; the frame loads the real Custom UI bundle with the bridge
 * stand-in. What the app asks Jira to do (open an issue) is shown as a flag instead.
 */
import type { BoardChoice } from '../../../src/contract/resolver-api';
import type { ResolverResult } from '../../../src/contract/envelope';
import type { DoneTransitionCheck } from '../../../src/contract/issue-api';

type ModuleId = 'sprint-action' | 'board-action' | 'project-page' | 'admin-page' | 'issue-panel';

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
  };
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
}

function render(state: HostState, reloadFrame: boolean): void {
  writeState(state);
  fillPickers(state);
  document.documentElement.dataset.colorMode = state.theme;
  const frame = element<HTMLIFrameElement>('module-frame');
  frame.closest('.stage')?.setAttribute('data-frame', MODULES[state.module].frame);
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
  element<HTMLButtonElement>('try-done').addEventListener('click', () => {
    void tryDoneTransition(state);
  });
  element<HTMLSelectElement>('user').addEventListener('change', (event) => {
    state = { ...state, user: (event.target as HTMLSelectElement).value === 'member' ? 'member' : 'admin' };
    render(state, true);
  });
  element<HTMLInputElement>('dark').addEventListener('change', (event) => {
    state = { ...state, theme: (event.target as HTMLInputElement).checked ? 'dark' : 'light' };
    render(state, false);
  });
  window.addEventListener(
    'message',
    (event: MessageEvent<{ source?: string; op?: string; payload?: { url?: string } }>) => {
      if (event.origin !== location.origin || event.data?.source !== 'ml-lanes-bridge') return;
      const url = event.data.payload?.url ?? '';
      const absolute = url.startsWith('/') ? `${site}${url}` : url;
      showFlag(
        event.data.op === 'navigate'
          ? `Jira would open ${absolute} in a new tab`
          : `The app asked Jira to ${event.data.op}`,
      );
    },
  );
}

void main();
