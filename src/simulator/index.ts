/** The local Jira Cloud simulator: public API. */
export { startSimulator, type RunningSimulator, type SimulatorOptions, type SimulatorStats } from './server';
export type { Fault } from './faults';
export {
  parseWorkspace,
  workspaceSchema,
  type ResolvedWorkspace,
  type Workspace,
  type WorkspaceIssue,
} from './workspace';
export { demoSite, loadWorkspace, WORKSPACE_NAMES } from './workspaces';
export { CV_BOARD_ID, CV_FIELDS, CV_SPRINTS, cvWorkspace } from './workspaces/cv';
export {
  EDGE_BOARD_ID,
  REC_BOARD_ID,
  REC_FIELDS,
  REC_SPRINTS,
  recommendationsWorkspace,
} from './workspaces/recommendations';
export {
  SYNTHETIC_BOARD_ID,
  SYNTHETIC_FIELDS,
  SYNTHETIC_SPRINTS,
  syntheticWorkspace,
  type SyntheticOptions,
} from './workspaces/synthetic';
export { mergeWorkspaces } from './workspaces/merge';
