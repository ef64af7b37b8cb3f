/**
 * The issue panel's Evidence section over real HTTP: the newest delivery of each ML tool to the issue, read as
 * the user from the `ml-lanes-evidence` property, with the Definition of Done items that read the fields it set;
 * nothing when no tool ever posted; never an unsafe link; and a panel that still answers when the property
 * cannot be read.
 */
import type { IssuePanelView } from '../../src/contract/issue-api';
import { simulatorsPerTest, appOn, ok } from './support/harness';
import { CV105_EVIDENCE, EVIDENCE_ISSUE, evidenceConfig, evidenceSite } from './support/evidence-site';

const ADMIN = { email: 'ada@example.com', apiToken: 'admin-token' };
const startSimulator = simulatorsPerTest();

async function panelOn(evidence?: unknown, { propertyFails = false } = {}) {
  const simulator = await startSimulator({ workspace: { ...evidenceSite(evidence), credentials: ADMIN } });
  if (propertyFails) {
    simulator.injectFaults({
      status: 500,
      times: 20,
      route: `/rest/api/3/issue/${EVIDENCE_ISSUE}/properties/ml-lanes-evidence`,
    });
  }
  const app = appOn(simulator);
  await app.configs.save({}, evidenceConfig(), 0, 'admin-1');
  return {
    simulator,
    panel: ok(await app.as(ADMIN).getIssuePanel({ payload: { issueKey: EVIDENCE_ISSUE } })),
  };
}

const deliveryOf = (panel: IssuePanelView, tool: string) =>
  panel.evidence?.deliveries.find((delivery) => delivery.tool === tool);

describe('the Evidence section', () => {
  it('shows the newest delivery of each tool, newest first, with its link, values and when', async () => {
    const { panel } = await panelOn();
    expect(panel.evidence?.problem).toBeNull();
    expect(panel.evidence?.deliveries.map((delivery) => delivery.tool)).toEqual(['mlflow', 'wandb', 'ci']);
    expect(deliveryOf(panel, 'mlflow')).toEqual({
      tool: 'mlflow',
      toolName: 'MLflow',
      kind: 'model_version.created',
      subject: 'cv-classifier v12',
      eventTime: '2026-11-27T11:02:00.000Z',
      link: {
        label: 'MLflow model version',
        url: 'https://mlflow.example.com/#/models/cv-classifier/versions/12',
      },
      values: [
        {
          field: 'model-version',
          fieldName: 'ML model version',
          value: 'cv-classifier v12',
          current: true,
          dodItems: [],
        },
      ],
      counters: null,
    });
  });

  it('names the DoD items the values satisfy, by the field’s display name, and marks replaced values', async () => {
    const { panel } = await panelOn();
    expect(panel.lane).toBe('model');
    const holdout = { id: 'ml-holdout', label: 'ML holdout accuracy ≥ 0.90', met: true };
    expect(deliveryOf(panel, 'wandb')?.values).toEqual([
      {
        field: 'holdout-accuracy',
        fieldName: 'ML holdout accuracy',
        value: 0.93,
        current: true,
        dodItems: [expect.objectContaining(holdout)],
      },
    ]);
    // CI's older 0.89 was replaced by W&B's 0.93: the item it names is met by the current value, not by CI's.
    expect(deliveryOf(panel, 'ci')?.values[0]).toMatchObject({ value: 0.89, current: false });
    expect(panel.dod.items.find((item) => item.id === 'ml-holdout')?.met).toBe(true);
  });

  it('is left out when no tool ever posted to the issue', async () => {
    const { panel } = await panelOn(null);
    expect(panel.evidence).toBeUndefined();
  });

  it('shows no link but https: a property holding a javascript: link shows no evidence at all', async () => {
    const tampered = structuredClone(CV105_EVIDENCE);
    tampered.latest.wandb!.link = { label: 'W&B project', url: 'javascript:alert(1)' };
    const { panel } = await panelOn(tampered);
    expect(JSON.stringify(panel)).not.toContain('javascript:');
    expect(panel.evidence).toBeUndefined();
  });

  it('still shows the panel, saying what is missing, when Jira fails to give the property', async () => {
    const { panel } = await panelOn(CV105_EVIDENCE, { propertyFails: true });
    expect(panel.key).toBe(EVIDENCE_ISSUE);
    expect(panel.evidence).toEqual({
      deliveries: [],
      problem: 'The evidence from ML tools could not be read; the rest of the panel is up to date.',
    });
  });
});
