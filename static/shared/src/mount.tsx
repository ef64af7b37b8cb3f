import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { answerAtlaskitFlags } from './atlaskit-flags';
import { enableTheming } from './forge';

/** Follows Jira's theme (Jira sets data-color-mode on <html>; main.css carries both token themes) and renders. */
export function mount(root: HTMLElement, App: ComponentType): void {
  answerAtlaskitFlags();
  enableTheming().catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
