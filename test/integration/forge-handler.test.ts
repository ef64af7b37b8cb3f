/**
 * The Forge function as deployed (@forge/resolver + @forge/api's asUser().requestJira through the route table)
 * answering invokes, with Forge's platform globals pointed at the Jira simulator. Only the configuration store
 * differs from src/index.ts (memory instead of Forge KVS, which needs the real platform).
 */
import type { ResolverResult } from '../../src/contract/envelope';
import type { PanelPlan } from '../../src/contract/panel-plan';
import type { BoardChoice } from '../../src/contract/resolver-api';
import { createForgeHandler } from '../../src/forge/handler';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { installForgeRuntime } from '../../src/playground/forge-runtime';
import { CV_BOARD_ID, CV_SPRINTS, demoSite } from '../../src/simulator';
import { useSimulator } from './support/harness';

const AUTH = { email: 'forge@example.com', apiToken: 'forge-token' };
const simulator = useSimulator({ workspace: { ...demoSite(), credentials: AUTH } });
const handler = createForgeHandler(new ConfigRepository(new MemoryStore()));

beforeAll(() => {
  // @forge/api looks the platform globals up at call time, so installing them here is early enough.
  installForgeRuntime({ jiraUrl: simulator().url, ...AUTH });
});

const invoke = <T>(functionKey: string, payload: unknown, extension: unknown) =>
  handler(
    { call: { functionKey, payload }, context: { extension, siteUrl: simulator().url } },
    {
      principal: { accountId: 'user-1' },
    },
  ) as Promise<ResolverResult<T>>;

describe('the Forge function', () => {
  it('plans the sprint a sprint action was opened on, reading Jira as the user', async () => {
    const result = await invoke<PanelPlan>(
      'getPlan',
      {},
      {
        type: 'jira:sprintAction',
        board: { id: CV_BOARD_ID },
        sprint: { id: String(CV_SPRINTS.active) },
      },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.scope).toMatchObject({ boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active });
    expect(result.data.summary.blockedHandoffs).toBeGreaterThan(0);
    expect(simulator().stats().byRoute['POST /rest/api/3/issue/bulkfetch']).toBeGreaterThan(0);
  });

  it('lists the project page boards with their open sprints', async () => {
    const result = await invoke<BoardChoice[]>(
      'listBoards',
      {},
      { type: 'jira:projectPage', project: { key: 'CV' } },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data).toEqual([
      expect.objectContaining({
        id: CV_BOARD_ID,
        type: 'scrum',
        sprints: expect.arrayContaining([expect.objectContaining({ id: CV_SPRINTS.active })]),
      }),
    ]);
  });

  it.each(['deleteEverything', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'answers the function key %s, which is not one of the app’s, with a typed error',
    async (functionKey) => {
      expect(await invoke(functionKey, {}, {})).toEqual({
        ok: false,
        error: { code: 'bad-request', message: `ML Lanes has no function "${functionKey}".` },
      });
    },
  );
});
