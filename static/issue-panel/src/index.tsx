/** The issue panel's entry point (jira:issuePanel): the lane, handoffs and Definition of Done. */
import '@atlaskit/css-reset';
import { startCustomUi } from '../../shared/src/start';

void startCustomUi(
  'ML Lanes runs inside Jira: open an issue and expand the ML Lanes panel.',
  async () => (await import('./App.js')).App,
);
