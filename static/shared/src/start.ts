/**
 * Starts a Custom UI. Forge's bridge must be on the page before anything imports @forge/bridge, so the app is
 * loaded only after checking for it; outside Jira the page says where to open it instead of staying blank.
 */
import type { ComponentType } from 'react';

declare global {
  var __bridge: { callBridge?: unknown } | undefined;
}

export async function startCustomUi(
  outsideJira: string,
  loadApp: () => Promise<ComponentType>,
): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  if (!globalThis.__bridge?.callBridge) {
    const main = document.createElement('main');
    main.className = 'mll-root';
    const text = document.createElement('p');
    text.textContent = outsideJira;
    main.appendChild(text);
    root.replaceChildren(main);
    return;
  }
  const [{ mount }, App] = await Promise.all([import('./mount.js'), loadApp()]);
  mount(root, App);
}
