/** The planning panel's entry point (jira:sprintAction, jira:boardAction, jira:projectPage all load it). */
import '@atlaskit/css-reset';
import { startCustomUi } from '../../shared/src/start';

void startCustomUi(
  'ML Lanes runs inside Jira: open it from a sprint or board menu, or from the project sidebar.',
  async () => (await import('./App.js')).App,
);
