/**
 * The playground's board page: plays Jira's own board for a team that pasted ML Lanes's board setup. Columns by
 * status, swimlanes by the generated JQL, quick filters, the app's three fields on each card. Moving a card (its
 * "Move to Done" button, or dragging it to a column) calls Jira's transition; Jira's event reaches the app's index
 * and the page re-reads the board until the index has caught up (or a deadline passes).
 */
import type { BoardCard, BoardView } from './board-view-model';

/** How long the page waits for the index to consume Jira's events after a move. */
const CATCH_UP_DEADLINE_MS = 60_000;
const POLL_MS = 700;

const params = new URLSearchParams(location.search);
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let view: BoardView | null = null;
let dragged: string | null = null;

function applyTheme(): void {
  const dark = params.get('theme') === 'dark';
  document.documentElement.setAttribute('data-color-mode', dark ? 'dark' : 'light');
  element<HTMLInputElement>('dark').checked = dark;
}

function setStatus(text: string, state: 'idle' | 'updating' | 'error' = 'idle'): void {
  const status = element('board-status');
  status.textContent = text;
  status.dataset.state = state;
}

async function readView(): Promise<BoardView> {
  const query = new URLSearchParams();
  const board = params.get('board');
  if (board) query.set('board', board);
  for (const filter of params.getAll('filter')) query.append('filter', filter);
  const response = await fetch(`/__playground/board/view?${query.toString()}`);
  const body = (await response.json()) as { view?: BoardView; error?: string };
  if (!response.ok || !body.view)
    throw new Error(body.error ?? `the board could not be read (${response.status})`);
  return body.view;
}

async function move(issueKey: string, to: string): Promise<void> {
  const response = await fetch('/__playground/board/move', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ issueKey, to }),
  });
  const body = (await response.json()) as { error?: string };
  if (!response.ok) throw new Error(body.error ?? `the move failed (${response.status})`);
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A field as a card layout shows it: its value, with the field's name for those who point at it. */
function field(role: 'lane' | 'handoff' | 'dod', label: string, value: string | null): HTMLElement {
  const state =
    value === null || value === '—'
      ? 'unset'
      : role === 'handoff'
        ? value.startsWith('Blocked')
          ? 'blocked'
          : value === 'Ready'
            ? 'ready'
            : 'other'
        : role === 'dod'
          ? isComplete(value)
            ? 'complete'
            : 'incomplete'
          : 'set';
  const shown = value ?? '—';
  const text = role === 'dod' && value !== null && value !== '—' ? `DoD ${value}` : shown;
  return make(
    'span',
    {
      class: 'field',
      'data-role': role,
      'data-state': state,
      'data-testid': `card-${role}`,
      title: `${label}: ${shown}`,
    },
    text,
  );
}

function isComplete(progress: string): boolean {
  const match = /^(\d+)\/(\d+)$/.exec(progress);
  return match !== null && match[1] === match[2];
}

function renderCard(card: BoardCard, canMove: boolean): HTMLElement {
  const node = make('article', {
    class: 'card',
    'data-testid': 'board-card',
    'data-key': card.key,
    'data-status': card.status,
    draggable: String(canMove),
    'aria-label': `${card.key} ${card.summary}`,
  });
  if (card.colour) {
    node.style.borderLeftColor = card.colour.colour;
    node.dataset.colour = card.colour.id;
    node.title = `Card colour: ${card.colour.name}`;
  }
  node.append(make('p', { class: 'card-summary', 'data-testid': 'card-summary' }, card.summary));
  const fields = make('div', { class: 'card-fields' });
  fields.append(
    field('lane', 'ML lane', card.lane),
    field('handoff', 'ML handoff', card.handoff),
    field('dod', 'ML DoD progress', card.dod),
  );
  const foot = make('div', { class: 'card-foot' });
  foot.append(
    make('span', {
      class: 'card-type',
      'data-type': card.issueType,
      title: card.issueType,
      role: 'img',
      'aria-label': card.issueType,
    }),
    make(
      'span',
      { class: 'card-key', 'data-done': String(card.statusCategory === 'done'), 'data-testid': 'card-key' },
      card.key,
    ),
  );
  const moveButton = make(
    'button',
    { type: 'button', class: 'card-move', 'data-testid': 'card-move-done' },
    'Move to Done',
  );
  moveButton.addEventListener('click', () => void moveAndFollow(card.key, 'Done'));
  // A done card has nowhere further to go.
  if (canMove && card.statusCategory !== 'done') foot.append(moveButton);
  node.append(fields, foot);
  node.addEventListener('dragstart', (event) => {
    dragged = card.key;
    event.dataTransfer?.setData('text/plain', card.key);
  });
  return node;
}

function renderFilters(current: BoardView): void {
  const bar = element('quick-filters');
  bar.replaceChildren(make('span', { class: 'label' }, 'Quick filters'));
  for (const filter of current.quickFilters) {
    const button = make(
      'button',
      {
        type: 'button',
        class: 'quick-filter',
        'aria-pressed': String(filter.active),
        'data-testid': 'quick-filter',
        'data-filter': filter.id,
        title: filter.jql,
      },
      filter.name,
    );
    button.addEventListener('click', () => {
      const active = new Set(params.getAll('filter'));
      if (active.has(filter.id)) active.delete(filter.id);
      else active.add(filter.id);
      params.delete('filter');
      for (const id of active) params.append('filter', id);
      history.replaceState(null, '', `?${params.toString()}`);
      void refresh();
    });
    bar.append(button);
  }
  const shown =
    current.counts.shown === current.counts.onBoard
      ? `${current.counts.onBoard} issues`
      : `${current.counts.shown} of ${current.counts.onBoard} issues`;
  bar.append(make('span', { class: 'board-count', 'data-testid': 'board-count' }, shown));
}

function renderGrid(current: BoardView): void {
  const grid = element('board-grid');
  grid.style.setProperty('--columns', String(current.columns.length));
  const head = make('div', { class: 'board-row column-head' });
  current.columns.forEach((column, index) => {
    const count = current.swimlanes.reduce((sum, lane) => sum + (lane.cells[index]?.length ?? 0), 0);
    head.append(make('div', { 'data-testid': 'board-column' }, `${column.name} ${count}`));
  });
  const lanes = current.swimlanes.map((lane) => {
    const cards = lane.cells.reduce((sum, cell) => sum + cell.length, 0);
    const details = make('details', {
      class: 'swimlane',
      'data-testid': 'swimlane',
      'data-lane': lane.id,
      open: '',
    });
    const summary = make('summary', { title: lane.jql });
    summary.append(
      lane.name,
      make('span', { class: 'lane-count' }, `${cards} ${cards === 1 ? 'issue' : 'issues'}`),
    );
    const row = make('div', { class: 'board-row' });
    lane.cells.forEach((cell, index) => {
      const column = current.columns[index];
      const node = make('div', { class: 'cell', 'data-column': column?.name ?? '' });
      node.append(...cell.map((each) => renderCard(each, current.canMove)));
      node.addEventListener('dragover', (event) => {
        event.preventDefault();
        node.dataset.drop = 'over';
      });
      node.addEventListener('dragleave', () => delete node.dataset.drop);
      node.addEventListener('drop', (event) => {
        event.preventDefault();
        delete node.dataset.drop;
        const key = event.dataTransfer?.getData('text/plain') || dragged;
        if (key && column) void moveAndFollow(key, column.name);
      });
      row.append(node);
    });
    details.append(summary, row);
    return details;
  });
  grid.replaceChildren(head, ...lanes);
}

function render(current: BoardView): void {
  element('board-crumbs').textContent = `Projects / ${current.board.projectKey ?? '—'}`;
  element('board-title').textContent = current.board.name;
  element('board-sprint').textContent = current.sprint
    ? `${current.sprint.name} · board query: ${current.boardJql}`
    : `Board query: ${current.boardJql}`;
  renderFilters(current);
  renderGrid(current);
  const problems = element('board-problems');
  problems.hidden = current.problems.length === 0;
  problems.textContent = current.problems.join(' ');
}

async function refresh(): Promise<BoardView | null> {
  try {
    view = await readView();
    render(view);
    return view;
  } catch (error) {
    setStatus((error as Error).message, 'error');
    return null;
  }
}

/** Moves the card, then follows the index until it has consumed what Jira sent. */
async function moveAndFollow(issueKey: string, to: string): Promise<void> {
  setStatus(`Moving ${issueKey} to ${to}…`, 'updating');
  try {
    await move(issueKey, to);
  } catch (error) {
    setStatus((error as Error).message, 'error');
    return;
  }
  await followIndex(
    `${issueKey} moved to ${to}; the app's fields are up to date with Jira's events.`,
    `${issueKey} moved to ${to}. Jira's event is on the app's queue`,
  );
}

/** Re-reads the board until the index has no jobs left (or the deadline passes), saying how many are left. */
async function followIndex(doneText: string, pendingText: string): Promise<void> {
  const giveUpAt = Date.now() + CATCH_UP_DEADLINE_MS;
  document.body.dataset.indexState = 'updating';
  for (;;) {
    const current = await refresh();
    if (!current) return;
    if (current.indexPending === 0) {
      setStatus(doneText);
      document.body.dataset.indexState = 'current';
      return;
    }
    const jobs = `${current.indexPending} index ${current.indexPending === 1 ? 'job' : 'jobs'}`;
    if (Date.now() > giveUpAt) {
      setStatus(`${pendingText}; ${jobs} still waiting after ${CATCH_UP_DEADLINE_MS / 1000} s.`, 'error');
      return;
    }
    setStatus(`${pendingText}: ${jobs} to go…`, 'updating');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

element<HTMLInputElement>('dark').addEventListener('change', (event) => {
  params.set('theme', (event.target as HTMLInputElement).checked ? 'dark' : 'light');
  history.replaceState(null, '', `?${params.toString()}`);
  applyTheme();
});

applyTheme();
void followIndex(
  "The app's fields are up to date with Jira.",
  'The app is indexing the issues in open sprints',
).then(() => {
  if (view) document.body.dataset.ready = 'true';
});
