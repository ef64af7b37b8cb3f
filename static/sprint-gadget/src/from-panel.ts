/**
 * What the gadget reuses from the planning panel, so that both draw a sprint the same way: its model, its
 * resolver hook, the blocked-handoff list, the lane strip and the warnings (gadget-css.ts takes its stylesheet).
 * The UI-boundary rule allows only a UI's own folder, static/shared/ and src/contract/; this file is the gadget's
 * crossing (browser code only, nothing from the server side), until these modules move to static/shared/ or the
 * rule allows static/planning-panel/src/ for the gadget (`alsoAllow` in eslint.config.mjs).
 */
/* eslint-disable ml-lanes/ui-boundary -- the gadget shares the planning panel's components (see above) */
export { BlockedHandoffs } from '../../planning-panel/src/components/BlockedHandoffs';
export { IncompleteWarnings } from '../../planning-panel/src/components/IncompleteWarnings';
export { LaneStrip } from '../../planning-panel/src/components/LaneStrip';
export { EmptySprint } from '../../planning-panel/src/components/States';
export { formatSprintDates, sprintStateWords } from '../../planning-panel/src/format';
export { buildModel } from '../../planning-panel/src/model';
export { useResolver } from '../../planning-panel/src/use-resolver';
/* eslint-enable ml-lanes/ui-boundary */
