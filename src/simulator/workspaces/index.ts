import { parseWorkspace, type ResolvedWorkspace, type Workspace } from '../workspace';
import { cvWorkspace } from './cv';
import { withCvHistory, type DemoHistoryOptions } from './cv-history';
import { withCvLabelingEvidence } from './cv-labeling-evidence';
import { mergeWorkspaces } from './merge';
import { recommendationsWorkspace } from './recommendations';
import { syntheticWorkspace } from './synthetic';
import { syntheticHistoryWorkspace } from './synthetic-history';

/** The bundled workspaces, by name. */

/**
 * The demo site: the CV squad (board 1, with seven closed sprints of history and Label Studio counters on CV-101)
 * and the RecSys squad (boards 2 and 3, no history) on one Jira site, its clock at `now` (default `DEMO_NOW`).
 */
export function demoSite(options: DemoHistoryOptions = {}): Workspace {
  // CV-101 carries Label Studio's counters, so the forecast shows a labeling issue counted in items.
  return withCvLabelingEvidence(
    mergeWorkspaces(withCvHistory(cvWorkspace(), options), recommendationsWorkspace(), 'ML Lanes demo site'),
  );
}

const BUNDLED: Record<string, () => Workspace> = {
  demo: () => demoSite(),
  cv: cvWorkspace,
  recommendations: recommendationsWorkspace,
};

export const WORKSPACE_NAMES = [...Object.keys(BUNDLED), 'synthetic-<issues>', 'history-<done issues>'];

/**
 * Returns a validated bundled workspace: "demo" (all three boards), "cv", "recommendations",
 * "synthetic-<issues>" (e.g. "synthetic-20000"), or "history-<done issues>" (the synthetic board with a past).
 */
export function loadWorkspace(name: string): ResolvedWorkspace {
  const synthetic = /^synthetic-(\d+)$/.exec(name);
  if (synthetic?.[1]) return parseWorkspace(syntheticWorkspace({ issues: Number(synthetic[1]) }));
  const history = /^history-(\d+)$/.exec(name);
  if (history?.[1]) return parseWorkspace(syntheticHistoryWorkspace({ doneIssues: Number(history[1]) }));
  const build = BUNDLED[name];
  if (!build) throw new Error(`Unknown workspace "${name}"; choose one of: ${WORKSPACE_NAMES.join(', ')}`);
  return parseWorkspace(build());
}
