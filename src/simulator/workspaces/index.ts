import { parseWorkspace, type ResolvedWorkspace, type Workspace } from '../workspace';
import { cvWorkspace } from './cv';
import { mergeWorkspaces } from './merge';
import { recommendationsWorkspace } from './recommendations';
import { syntheticWorkspace } from './synthetic';

/** The bundled workspaces, by name. */

/** The demo site: the CV squad (board 1) and the RecSys squad (boards 2 and 3) on one Jira site. */
export function demoSite(): Workspace {
  return mergeWorkspaces(cvWorkspace(), recommendationsWorkspace(), 'ML Lanes demo site');
}

const BUNDLED: Record<string, () => Workspace> = {
  demo: demoSite,
  cv: cvWorkspace,
  recommendations: recommendationsWorkspace,
};

export const WORKSPACE_NAMES = [...Object.keys(BUNDLED), 'synthetic-<issues>'];

/**
 * Returns a validated bundled workspace: "demo" (all three boards), "cv", "recommendations",
 * or "synthetic-<issues>" (e.g. "synthetic-20000").
 */
export function loadWorkspace(name: string): ResolvedWorkspace {
  const synthetic = /^synthetic-(\d+)$/.exec(name);
  if (synthetic?.[1]) return parseWorkspace(syntheticWorkspace({ issues: Number(synthetic[1]) }));
  const build = BUNDLED[name];
  if (!build) throw new Error(`Unknown workspace "${name}"; choose one of: ${WORKSPACE_NAMES.join(', ')}`);
  return parseWorkspace(build());
}
