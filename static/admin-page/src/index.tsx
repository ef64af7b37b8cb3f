/** The admin page's entry point (jira:adminPage, used as the app's configuration page). */
import '@atlaskit/css-reset';
import { config as zodConfig } from 'zod';
import { startCustomUi } from '../../shared/src/start';

// Forge's CSP has no 'unsafe-eval': tell zod not to probe for it (the probe itself is reported as a violation).
zodConfig({ jitless: true });

void startCustomUi(
  'ML Lanes configuration runs inside Jira: open it from Apps → Manage apps → ML Lanes → Configure.',
  async () => (await import('./App.js')).App,
);
