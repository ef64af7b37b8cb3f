/**
 * What the gadget reuses from the planning panel, so that both draw a sprint the same way: its model, its
 * resolver hook, the blocked-handoff list, the lane strip and the warnings (gadget-css.ts takes its stylesheet).
 * The UI-boundary rule lets the gadget (and only it) import static/planning-panel/src/ (eslint.config.mjs).
 */
export { BlockedHandoffs } from '../../planning-panel/src/components/BlockedHandoffs';
export { IncompleteWarnings } from '../../planning-panel/src/components/IncompleteWarnings';
export { LaneStrip } from '../../planning-panel/src/components/LaneStrip';
export { SprintStateLozenge, Stat } from '../../planning-panel/src/components/HeaderParts';
export { EmptySprint } from '../../planning-panel/src/components/States';
export { formatSprintDates, sprintStateWords } from '../../planning-panel/src/format';
export { buildModel } from '../../planning-panel/src/model';
export { useResolver } from '../../planning-panel/src/use-resolver';
