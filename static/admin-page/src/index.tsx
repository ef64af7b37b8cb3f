/**
 * The admin page's entry point (jira:adminPage, used as the app's configuration page).
 * Forge's bridge must be on the page before anything imports @forge/bridge, so the app is imported only after
 * checking for it; outside Jira the page says so instead of staying blank.
 */
import '@atlaskit/css-reset';
import { config as zodConfig } from 'zod';

// Forge's CSP has no 'unsafe-eval': tell zod not to probe for it (the probe itself is reported as a violation).
zodConfig({ jitless: true });

declare global {
  var __bridge: { callBridge?: unknown } | undefined;
}

function showOutsideJira(root: HTMLElement): void {
  const main = document.createElement('main');
  main.className = 'mll-root';
  const text = document.createElement('p');
  text.textContent =
    'ML Lanes configuration runs inside Jira: open it from Apps → Manage apps → ML Lanes → Configure.';
  main.appendChild(text);
  root.replaceChildren(main);
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  if (!globalThis.__bridge?.callBridge) {
    showOutsideJira(root);
    return;
  }
  const { mount } = await import('./mount.js');
  mount(root);
}

void start();
