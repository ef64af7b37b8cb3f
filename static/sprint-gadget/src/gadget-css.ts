/**
 * The gadget's stylesheet: the planning panel's own (same header, numbers, handoff list and lane strip), then what
 * a dashboard column needs instead: less padding, no full-window height (Jira sizes the frame to the content),
 * three numbers in a row. Evaluated at build time into main.css by static/build.mjs.
 */
import { token } from '@atlaskit/tokens';
// The panel's stylesheet itself (not through from-panel.ts, which would bundle its components into this build step).
import { stylesheet as panelStylesheet } from '../../planning-panel/src/panel-css';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function stylesheet(): string {
  return (
    panelStylesheet() +
    `
/* Sprint gadget: a dashboard column, 360–500 px wide */
.mll-root.mll-gadget { padding: ${token('space.150')} ${token('space.200')} ${token('space.200')}; min-height: 0; }
.mll-gadget-body { display: grid; gap: ${token('space.200')}; }
.mll-gadget .mll-header { gap: ${token('space.100')}; padding-bottom: ${token('space.150')}; }
.mll-gadget .mll-header-top { gap: ${token('space.100')}; }
.mll-gadget .mll-title { font: ${token('font.heading.small')}; }
.mll-gadget .mll-warnings { margin-top: 0; }
.mll-gadget-stats { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: ${token('space.100')}; }
.mll-gadget .mll-stat { min-width: 0; padding: ${token('space.075')} ${token('space.100')}; }
.mll-gadget .mll-stat dd { font: ${token('font.heading.xsmall')}; }
.mll-gadget .mll-section-title { font: ${token('font.heading.xsmall')}; }
.mll-gadget .mll-handoffs { max-height: none; }
.mll-gadget .mll-state { margin: ${token('space.200')} auto; }
.mll-gadget-more { justify-self: start; margin-top: calc(-1 * ${token('space.100')}); padding: 0; border: 0; background: none; font: ${token('font.body')}; color: ${token('color.link')}; cursor: pointer; border-radius: ${token('radius.xsmall')}; }
.mll-gadget-more:hover { text-decoration: underline; }
.mll-gadget-more:focus-visible { ${focusRing} }
.mll-gadget-skeleton { display: grid; gap: ${token('space.100')}; }

/* Configuration screen */
.mll-gadget-form { display: grid; gap: ${token('space.200')}; max-width: 480px; }
.mll-gadget-form-title { margin: 0; font: ${token('font.heading.small')}; color: ${token('color.text')}; }
.mll-gadget-form p { margin: 0; }
.mll-gadget-form .mll-select { width: 100%; min-width: 0; }
.mll-gadget-actions { display: flex; gap: ${token('space.100')}; }
`
  );
}
