import type { EvidenceEvent } from '../../domain/evidence/evidence-event';
import {
  EVIDENCE_PROPERTY_KEY,
  mergeEvidence,
  readHistory,
  type EvidenceHistory,
} from '../../domain/evidence/evidence-history';
import type { Workspace } from '../workspace';

type Json = NonNullable<Workspace['issues'][number]['properties']>[string];

/*
 * The demo's Label Studio project "Cracked lens" reporting into CV-101 ("Label 1,000 images for class 'cracked
 * lens'"): its counters on the last eight working days before DEMO_NOW (Monday 30 Nov 2026), about 62 images a
 * working day, 812 of 1,000 done. Built by merging the deliveries as the evidence consumer does, so the property
 * has exactly the stored shape; the forecast then labels CV-101's last 188 images in items per day.
 */

export const CV_LABELING_KEY = 'CV-101';

/** Label Studio's finished tasks at the end of each day. */
const FINISHED: readonly [day: string, finished: number][] = [
  ['2026-11-18', 380],
  ['2026-11-19', 440],
  ['2026-11-20', 505],
  ['2026-11-23', 560],
  ['2026-11-24', 630],
  ['2026-11-25', 690],
  ['2026-11-26', 745],
  ['2026-11-27', 812],
];
const TOTAL = 1000;

/** CV-101's `ml-lanes-evidence` property after the project's deliveries. */
export function cvLabelingEvidence(): EvidenceHistory {
  let history = readHistory(undefined);
  FINISHED.forEach(([day, finished], index) => {
    const at = `${day}T16:30:00.000Z`;
    const event: EvidenceEvent = {
      tool: 'labelstudio',
      deliveryId: `demo-ls-${index + 1}`,
      issueKey: CV_LABELING_KEY,
      eventTime: at,
      receivedAt: at,
      kind: 'ANNOTATION_CREATED',
      values: [{ field: 'items-labeled', value: finished }],
      subject: `project Cracked lens (${finished}/${TOTAL})`,
      counters: { finishedTasks: finished, totalTasks: TOTAL, annotations: finished * 2 },
    };
    const merged = mergeEvidence(history, event);
    if (merged.kind === 'merged') history = merged.history;
  });
  return history;
}

/** The workspace with CV-101 carrying the demo's labeling evidence (nothing else changed; `workspace` is not). */
export function withCvLabelingEvidence(workspace: Workspace): Workspace {
  return {
    ...workspace,
    issues: workspace.issues.map((issue) =>
      issue.key === CV_LABELING_KEY
        ? {
            ...issue,
            properties: {
              ...issue.properties,
              // A JSON copy: the workspace holds plain JSON, as Jira stores a property.
              [EVIDENCE_PROPERTY_KEY]: JSON.parse(JSON.stringify(cvLabelingEvidence())) as Json,
            },
          }
        : issue,
    ),
  };
}
