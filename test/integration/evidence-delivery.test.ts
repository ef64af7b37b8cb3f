/**
 * Issue 12, items 1–4 end to end (without Forge): each tool's recorded-shape delivery, signed as the tool signs
 * it, through the web trigger's route, the queue and the consumer, into the app's evidence fields and the
 * issue's `ml-lanes-evidence` history.
 */
import { EVIDENCE_PROPERTY_KEY, readHistory } from '../../src/domain/evidence/evidence-history';
import { DeliveryLog } from '../../src/storage/delivery-log';
import { fixture, harness, type Harness } from '../unit/evidence/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.restore());

const history = () => readHistory(h.jira.properties.get(`ML-42/${EVIDENCE_PROPERTY_KEY}`));

describe('ML tools feeding the Definition of Done', () => {
  it("writes each tool's delivery to the issue it names, and keeps the newest per tool for the panel", async () => {
    for (const tool of ['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const) {
      const response = await h.deliver(tool);
      expect({ tool, status: response.statusCode }).toEqual({ tool, status: 202 });
    }
    const outcomes = await h.drain();
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      'written',
      'written',
      'written',
      'written',
      'written',
    ]);

    expect(h.jira.valueOf('ML-42', 'ml-lanes-holdout-accuracy')).toBe(0.91);
    expect(h.jira.valueOf('ML-42', 'ml-lanes-annotator-agreement')).toBe(0.985);
    expect(h.jira.valueOf('ML-42', 'ml-lanes-items-labeled')).toBe(812);
    expect(h.jira.valueOf('ML-42', 'ml-lanes-items-target')).toBe(1000);
    expect(h.jira.valueOf('ML-42', 'ml-lanes-qa-suite')).toBe('passed');
    expect(h.jira.valueOf('ML-42', 'ml-lanes-dataset-version')).toBe(
      'data/prepared@f8934609d1c2b3a4e5f60718293a4b5c.dir',
    );

    const recorded = history();
    expect(Object.keys(recorded.latest).sort()).toEqual([
      'ci',
      'databricks',
      'labelstudio',
      'mlflow',
      'wandb',
    ]);
    expect(recorded.latest.labelstudio?.counters).toEqual({
      finishedTasks: 812,
      totalTasks: 1000,
      annotations: 1650,
    });
    expect(recorded.latest.mlflow?.link?.url).toBe('https://mlflow.acme.example/#/models/churn/versions/3');
    expect(recorded.deliveries).toHaveLength(5);
    expect(JSON.stringify(recorded)).not.toMatch(/9105a1d897e52286|hunter2/);

    const log = await new DeliveryLog(h.store).list('labelstudio');
    expect(log.map((entry) => entry.outcome)).toEqual(['written', 'accepted']);
  });

  it('answers 200 "ignored" for an event the app does not read, without queueing it', async () => {
    const response = await h.deliver('mlflow', fixture('mlflow-model-version-alias-created.json'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ignored: 'model_version_alias.created carries no tags' });
    expect(h.queued).toHaveLength(0);
  });

  it('keeps a tool that is turned off closed, even with a valid signature', async () => {
    const loaded = await h.connections.load();
    const connections = structuredClone(loaded.connections);
    connections.tools.wandb.enabled = false;
    await h.connections.save(connections, loaded.revision, 'admin');
    expect((await h.deliver('wandb')).statusCode).toBe(404);
    expect(h.queued).toHaveLength(0);
  });
});
