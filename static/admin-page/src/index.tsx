/** The admin page's entry point (jira:adminPage, used as the app's configuration page). */
import '@atlaskit/css-reset';
import { startCustomUi } from '../../shared/src/start';

void startCustomUi(
  'ML Lanes configuration runs inside Jira: open it from Apps → Manage apps → ML Lanes → Configure.',
  async () => (await import('./App.js')).App,
);
