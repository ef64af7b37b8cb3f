/**
 * The rules every Custom UI of the app shares (box sizing, page colours, screen-reader text, issue keys, error
 * states), written with design tokens so that they follow Jira's light and dark themes. Each UI's stylesheet
 * module starts with it; static/build.mjs evaluates those modules at build time into main.css.
 */
import { token } from '@atlaskit/tokens';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function pageStylesheet(): string {
  return `
*, *::before, *::after { box-sizing: border-box; }
html, body { background: ${token('elevation.surface')}; color: ${token('color.text')}; }
body { font: ${token('font.body')}; }
.mll-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.mll-subtle { color: ${token('color.text.subtle')}; }
.mll-subtlest { color: ${token('color.text.subtlest')}; }

/* Issue keys: buttons that look like links and open the issue in Jira. */
.mll-key { background: none; border: 0; padding: 0; margin: 0; font: inherit; font-weight: ${token('font.weight.semibold')}; color: ${token('color.link')}; cursor: pointer; text-decoration: none; border-radius: ${token('radius.xsmall')}; white-space: nowrap; }
.mll-key:hover { text-decoration: underline; }
.mll-key:active { color: ${token('color.link.pressed')}; }
.mll-key:focus-visible { ${focusRing} }

/* Loading, errors, empty states */
.mll-state { max-width: 720px; margin: ${token('space.300')} auto; }
.mll-countdown { font-variant-numeric: tabular-nums; }
`;
}
