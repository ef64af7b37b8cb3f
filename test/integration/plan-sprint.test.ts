/**
 * The sprint plan as a use case, as the panels and the CLI call it: where the configuration comes from (the
 * board's project in the app's storage, or one document for the CLI) and which board a bare sprint is on.
 */
import { defaultConfig } from '../../src/config/defaults';
import type { MlLanesConfig } from '../../src/config/schema';
import { planSprint } from '../../src/app/plan-sprint';
import { JiraClient } from '../../src/jira/client';
import { createBasicAuthSeam } from '../../src/jira/fetch-seam';
import { CV_BOARD_ID, CV_SPRINTS, demoSite, REC_BOARD_ID } from '../../src/simulator';
import { ConfigRepository } from '../../src/storage/config-repository';
import { MemoryStore } from '../../src/storage/key-value-store';
import { useSimulator } from './support/harness';

const AUTH = { email: 'sm@example.com', apiToken: 'sm-token' };
const simulator = useSimulator({ workspace: { ...demoSite(), credentials: AUTH } });
const client = () => new JiraClient(createBasicAuthSeam({ site: simulator().url, ...AUTH }));

/** The defaults with the data lane renamed, so a plan shows which configuration it used. */
function renamedData(name: string): MlLanesConfig {
  const config = defaultConfig();
  config.lanes[0]!.name = name;
  return config;
}

describe('planning a sprint', () => {
  it("uses the board's project configuration from the app's storage, and the site's for other projects", async () => {
    const configs = new ConfigRepository(new MemoryStore());
    await configs.save({ projectKey: 'CV' }, renamedData('CV data'), 0, 'admin');
    const cv = await planSprint(
      { client: client(), configs },
      { site: '', boardId: CV_BOARD_ID, sprint: 'active' },
    );
    const rec = await planSprint(
      { client: client(), configs },
      { site: '', boardId: REC_BOARD_ID, sprint: 'active' },
    );
    expect(cv.lanes[0]).toMatchObject({ id: 'data', name: 'CV data' });
    expect(rec.lanes[0]).toMatchObject({ id: 'data', name: 'Data' });
  });

  it("uses one document whatever the board's project, as the CLI's --config does", async () => {
    const config = renamedData('From the file');
    const plan = await planSprint(
      { client: client(), config },
      { site: '', boardId: REC_BOARD_ID, sprint: 'active' },
    );
    expect(plan.lanes[0]).toMatchObject({ name: 'From the file' });
    expect(plan.scope).toMatchObject({ boardId: REC_BOARD_ID, sprintState: 'active' });
  });

  it("plans a sprint opened without its board on the sprint's own board", async () => {
    const plan = await planSprint(
      { client: client(), config: defaultConfig() },
      { site: '', sprint: CV_SPRINTS.next },
    );
    expect(plan.scope).toMatchObject({ boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.next });
  });

  it('says plainly that a board is needed when neither a board nor a sprint is named', async () => {
    await expect(
      planSprint({ client: client(), config: defaultConfig() }, { site: '', sprint: 'active' }),
    ).rejects.toThrow('Open ML Lanes from a board or a sprint, or pick a board: no board was given.');
  });
});
