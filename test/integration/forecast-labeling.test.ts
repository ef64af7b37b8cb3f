/**
 * The forecast in the data lane's own units: a labeling issue whose ml-lanes-evidence property holds Label Studio's
 * counters is forecast from items labeled per day, read through the app as the user from the demo site.
 */
import type { ForecastAnswer, ForecastView } from '../../src/contract/forecast-view';
import { EVIDENCE_PROPERTY_KEY } from '../../src/domain/evidence/evidence-history';
import { CV_BOARD_ID, CV_SPRINTS, DEMO_NOW, demoSite, type RunningSimulator } from '../../src/simulator';
import type { Workspace } from '../../src/simulator/workspace';
import {
  cvLabelingEvidence,
  withCvLabelingEvidence,
} from '../../src/simulator/workspaces/cv-labeling-evidence';
import { HistoryCache } from '../../src/storage/history-cache';
import { MemoryStore } from '../../src/storage/key-value-store';
import { appOn, ok, simulatorsPerTest } from './support/harness';

const ADMIN = { email: 'sm@example.com', apiToken: 'sm-token', accountId: 'sm-account' };
const BULKFETCH = 'POST /rest/api/3/issue/bulkfetch';
const PROPERTY_GET = 'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
const start = simulatorsPerTest();

async function forecastOn(workspace: Workspace, payload: Record<string, unknown> = {}) {
  const simulator: RunningSimulator = await start({ workspace: { ...workspace, credentials: ADMIN } });
  const app = appOn(simulator, {
    historyCache: new HistoryCache(new MemoryStore()),
    today: () => new Date(DEMO_NOW),
  });
  const answer: ForecastAnswer = ok(
    await app.as(ADMIN).getForecast({
      payload: { boardId: CV_BOARD_ID, sprintId: CV_SPRINTS.active, ...payload },
      context: { accountId: ADMIN.accountId },
    }),
  );
  if ('background' in answer) throw new Error('expected a forecast');
  return { view: answer, simulator };
}

/** The demo site without any evidence property, whether or not the demo carries CV-101's. */
function plainDemo(): Workspace {
  const workspace = demoSite();
  return {
    ...workspace,
    issues: workspace.issues.map(({ properties, ...issue }) => {
      const { [EVIDENCE_PROPERTY_KEY]: _evidence, ...rest } = properties ?? {};
      return { ...issue, properties: rest };
    }),
  };
}

const dataLane = (view: ForecastView) => view.forecast!.lanes.find((lane) => lane.lane === 'data')!;

describe('forecasting a labeling issue from items per day', () => {
  it('forecasts CV-101 from its Label Studio counters: 812 of 1,000 images at ~62 a day, about 4 days left', async () => {
    const { view } = await forecastOn(withCvLabelingEvidence(plainDemo()));
    expect(view.labeling?.issues).toEqual([
      expect.objectContaining({
        key: 'CV-101',
        target: 1000,
        targetFrom: 'summary',
        finished: 812,
        countedOn: '2026-11-27',
        method: 'items-per-day',
        recordedDays: 8,
        reason: null,
      }),
    ]);
    const [issue] = view.labeling!.issues;
    // (812 − 380) images over the 7 working days from 18 to 27 November.
    expect(issue!.itemsPerDay).toBeCloseTo(432 / 7, 5);
    // 188 images at 55–70 a day: just over three days' work on average, so the fourth day is needed in most trials.
    expect(issue!.daysLeft).toEqual({ p50: 4, p85: 4 });
    expect(view.labeling!.note).toBe('CV-101 was forecast from items labeled per day.');
  });

  it('changes the data lane’s forecast from what the lane’s issue history alone says, the same on every refresh', async () => {
    const plain = await forecastOn(plainDemo());
    const labeled = await forecastOn(withCvLabelingEvidence(plainDemo()));
    expect(plain.view.labeling).toBeUndefined();
    expect(dataLane(labeled.view)).not.toEqual(dataLane(plain.view));
    const again = await forecastOn(withCvLabelingEvidence(plainDemo()), { refreshHistory: true });
    expect(again.view.forecast).toEqual(labeled.view.forecast);
    expect(again.view.labeling).toEqual(labeled.view.labeling);
  });

  it('reads the counters inline with the issues, never one property request per issue', async () => {
    const { view, simulator } = await forecastOn(withCvLabelingEvidence(plainDemo()));
    expect(view.labeling?.issues).toHaveLength(1);
    expect(simulator.stats().byRoute[PROPERTY_GET]).toBeUndefined();
    expect(simulator.stats().byRoute[BULKFETCH]).toBeGreaterThan(0);
  });

  it('with one recorded day keeps the lane’s usual sampling, and the note says so', async () => {
    const oneDay = cvLabelingEvidence();
    const workspace = plainDemo();
    const { view } = await forecastOn({
      ...workspace,
      issues: workspace.issues.map((issue) =>
        issue.key === 'CV-101'
          ? {
              ...issue,
              properties: {
                [EVIDENCE_PROPERTY_KEY]: JSON.parse(
                  JSON.stringify({ ...oneDay, labeling: oneDay.labeling!.slice(0, 1) }),
                ) as string,
              },
            }
          : issue,
      ),
    });
    expect(view.labeling?.issues[0]).toMatchObject({ key: 'CV-101', method: 'lane-history', daysLeft: null });
    expect(view.labeling?.note).toBe(
      "CV-101 from the lane's usual sampling: only one day of Label Studio counters (2026-11-27); two are needed for items per day.",
    );
    const plain = await forecastOn(plainDemo());
    expect(view.forecast).toEqual(plain.view.forecast);
  });
});
