/**
 * Stands in for @atlaskit/feature-gate-js-client's FeatureGates in the browser bundles (static/build.mjs swaps
 * it in). Atlaskit asks for its flags through @atlaskit/platform-feature-flags, which atlaskit-flags.ts gives a resolver,
 * so this is consulted only if that resolver is missing: every gate is off, as with a client nobody initialised,
 * without that client's warning or the Statsig SDK behind it.
 */
const FeatureGates = {
  checkGate: (gateName: string): boolean => {
    void gateName;
    return false;
  },
};

export default FeatureGates;
