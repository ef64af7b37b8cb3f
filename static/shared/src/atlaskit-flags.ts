import { setBooleanFeatureFlagResolver } from '@atlaskit/platform-feature-flags';

/**
 * Atlaskit components read platform feature flags. Outside Atlassian's own products nobody initialises the flag
 * client they fall back to, which then warns on the console; a resolver is the supported set-up for such hosts.
 * Every flag off: Atlaskit's released behaviour (and what the uninitialised client answered too).
 */
export function answerAtlaskitFlags(): void {
  setBooleanFeatureFlagResolver(() => false);
}
