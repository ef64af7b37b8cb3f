/** The sprint gadget's entry point (jira:dashboardGadget: its view and its configuration screen). */
import '@atlaskit/css-reset';
import { startCustomUi } from '../../shared/src/start';

void startCustomUi(
  'ML Lanes runs inside Jira: add the "ML Lanes sprint" gadget to a Jira dashboard.',
  async () => (await import('./App.js')).App,
);
