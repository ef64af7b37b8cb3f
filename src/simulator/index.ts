/** The local Jira Cloud simulator: public API. */
export { startSimulator, type RunningSimulator, type SimulatorOptions, type SimulatorStats } from './server';
export type { Fault } from './faults';
export type {
  SimChangelogItem,
  SimEvent,
  SimEventListener,
  SimIssueEvent,
  SimIssueLinkEvent,
  SimStatusRef,
} from './events';
export {
  SIM_APP_FIELDS,
  SIM_APP_FIELD_MODULE_KEYS,
  SIM_EVIDENCE_FIELDS,
  SIM_EVIDENCE_FIELD_MODULE_KEYS,
  SIM_APP_ID,
  SIM_ENVIRONMENT_ID,
  type SimAppField,
} from './app-fields';
export {
  parseWorkspace,
  workspaceSchema,
  type ResolvedWorkspace,
  type Workspace,
  type WorkspaceIssue,
} from './workspace';
export type { ChangelogEntry, Change } from './changelog';
export { demoSite, loadWorkspace, WORKSPACE_NAMES } from './workspaces';
export { CV_BOARD_ID, CV_FIELDS, CV_SPRINTS, cvWorkspace } from './workspaces/cv';
export {
  CV_HISTORY_SEED,
  CV_HISTORY_SPRINT_IDS,
  CV_PEOPLE,
  DEMO_NOW,
  withCvHistory,
  type DemoHistoryOptions,
} from './workspaces/cv-history';
export {
  SYNTHETIC_NOW,
  syntheticHistoryWorkspace,
  type SyntheticHistoryOptions,
} from './workspaces/synthetic-history';
export {
  generateHistory,
  type GeneratedHistory,
  type HistoryOptions as GenerateHistoryOptions,
} from './history/generate';
export {
  DEFAULT_HISTORY_PROCESS,
  LANE_IDS,
  laneRate,
  type HistoryProcess,
  type LaneId,
  type LaneProcess,
} from './history/process';
export { sprintWorkingDays, sprintsBefore, type SprintSpec, type WorkingDay } from './history/calendar';
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
