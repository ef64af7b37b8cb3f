/**
 * The playground's board page as its server reads it from the simulator: columns, swimlanes by the generated JQL,
 * the quick filters, the app's fields on the cards, what it says when something is missing, and moves refused
 * where the playground only reads (a real site).
 */
import { indexIssues } from '../../src/app/index-issues';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { boardViewSource } from '../../src/playground/board-view';
import { demoSite, parseWorkspace } from '../../src/simulator';
import { BoardIndexStore } from '../../src/storage/board-index-store';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { simulatorsPerTest } from './support/harness';

const APP = { email: 'app@example.com', apiToken: 'app-token' };
const demo = parseWorkspace(demoSite());
const startSimulator = simulatorsPerTest();

async function setUp(options: { appFields?: string[]; allowMoves?: boolean } = {}) {
  const simulator = await startSimulator({
    workspace: { ...demoSite(), credentials: APP },
    ...(options.appFields ? { appFields: options.appFields } : {}),
  });
  const jira = () => createBasicAuthSeam({ site: simulator.url, ...APP });
  const configs = new ConfigRepository(new MemoryStore());
  const board = boardViewSource({ jira, configs, allowMoves: options.allowMoves ?? true });
  return { simulator, jira, configs, board };
}

const cardsOf = (view: Awaited<ReturnType<ReturnType<typeof boardViewSource>['read']>>) =>
  view.swimlanes.flatMap((lane) => lane.cells.flat().map((card) => ({ ...card, swimlane: lane.id })));

describe("the playground's board page", () => {
  it("puts the active sprint's issues in swimlanes by lane with the app's fields, once indexed", async () => {
    const { jira, configs, board } = await setUp();
    const ids = demo.issues.map((issue) => issue.id);
    await indexIssues({ jira: jira(), configs, index: new BoardIndexStore(new MemoryStore()) }, ids);
    const view = await board.read({});
    expect(view.board.projectKey).toBe('CV');
    expect(view.columns.map((column) => column.name)).toEqual(['To Do', 'In Progress', 'In Review', 'Done']);
    const cards = cardsOf(view);
    expect(cards).toHaveLength(view.counts.onBoard);
    const cv101 = cards.find((card) => card.key === 'CV-101');
    expect(cv101).toMatchObject({ swimlane: 'data', lane: 'Data', colour: { id: 'blocked' } });
    expect(cv101?.handoff).toMatch(/^Blocked/);
    expect(cv101?.dod).toMatch(/^\d+\/\d+$/);
    expect(view.problems).toEqual([]);

    const blocked = await board.read({ quickFilters: ['blocked'] });
    expect(blocked.counts.shown).toBeLessThan(blocked.counts.onBoard);
    expect(cardsOf(blocked).every((card) => card.handoff?.startsWith('Blocked'))).toBe(true);
  });

  it('says what is missing: the app not deployed, a quick filter it does not have', async () => {
    const { board } = await setUp({ appFields: [] });
    const view = await board.read({ quickFilters: ['nope'] });
    expect(view.problems.some((problem) => problem.includes('ml-lanes-lane'))).toBe(true);
    expect(view.problems).toContain('There is no quick filter "nope"; it is left out.');
    // Before any indexing every card sits in "No lane" with no values.
    expect(cardsOf(view).every((card) => card.swimlane === 'no-lane' && card.lane === null)).toBe(true);
  });

  it('moves a card through Jira’s transition, and refuses to where the playground only reads', async () => {
    const { board } = await setUp();
    await board.move({ issueKey: 'CV-104', to: 'Done' });
    expect(cardsOf(await board.read({})).find((card) => card.key === 'CV-104')?.status).toBe('Done');
    await expect(board.move({ issueKey: 'CV-104', to: 'Done' })).rejects.toThrow(/no transition to "Done"/);

    const readOnly = await setUp({ allowMoves: false });
    await expect(readOnly.board.move({ issueKey: 'CV-105', to: 'Done' })).rejects.toThrow(
      /only on the Jira simulator/,
    );
    expect(cardsOf(await readOnly.board.read({})).find((card) => card.key === 'CV-105')?.status).toBe(
      'To Do',
    );
  });
});
