/** The Connections section's rules (class names start with `mlc-`), in design tokens for light and dark. */
import { token } from '@atlaskit/tokens';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function connectionsStylesheet(): string {
  return `
.mla-layout--no-aside { grid-template-columns: 192px minmax(0, 1fr); }
@media (max-width: 760px) { .mla-layout--no-aside { grid-template-columns: minmax(0, 1fr); } }
.mla-connections { max-width: 980px; }
.mlc-save-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: ${token('space.100')} ${token('space.200')}; padding: ${token('space.100')} 0; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mlc-saved { margin: 0; }
.mlc-saved strong { color: ${token('color.text')}; }
.mlc-allow { max-width: 560px; }
.mlc-base-url { max-width: 560px; }
.mlc-tools { display: flex; flex-wrap: wrap; gap: ${token('space.050')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mlc-tool-tab { display: inline-flex; align-items: center; gap: ${token('space.075')}; padding: ${token('space.075')} ${token('space.150')}; border: 0; border-bottom: 2px solid transparent; margin-bottom: -1px; background: transparent; color: ${token('color.text.subtle')}; font: ${token('font.body')}; font-weight: ${token('font.weight.medium')}; cursor: pointer; border-radius: ${token('radius.small')} ${token('radius.small')} 0 0; }
.mlc-tool-tab:hover { background: ${token('color.background.neutral.subtle.hovered')}; color: ${token('color.text')}; }
.mlc-tool-tab[aria-selected="true"] { color: ${token('color.text.selected')}; border-bottom-color: ${token('color.border.selected')}; font-weight: ${token('font.weight.semibold')}; }
.mlc-tool-tab:focus-visible { ${focusRing} }
.mlc-tool-state { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; }
.mlc-dot { width: 8px; height: 8px; border-radius: ${token('radius.full')}; background: ${token('color.border')}; }
.mlc-dot--on { background: ${token('color.icon.success')}; }
.mlc-panel { display: grid; gap: ${token('space.150')}; min-width: 0; }
.mlc-panel-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: ${token('space.100')}; }
.mlc-subtitle { margin: 0; font: ${token('font.heading.xxsmall')}; color: ${token('color.text')}; }
.mlc-url-row { display: flex; align-items: flex-start; gap: ${token('space.100')}; min-width: 0; }
.mlc-url-row > code { flex: 1; min-width: 0; }
.mlc-secret { display: grid; gap: ${token('space.075')}; margin-top: ${token('space.100')}; }
.mla-page code.mlc-secret-value { font-size: 13px; letter-spacing: 0.02em; background: ${token('elevation.surface')}; }
.mlc-row { display: flex; flex-wrap: wrap; gap: ${token('space.100')} ${token('space.150')}; align-items: flex-start; }
.mlc-row > .mla-field:not(.mla-grow) { flex: 0 1 220px; }
.mlc-mapping { display: flex; flex-wrap: wrap; align-items: flex-end; gap: ${token('space.100')}; }
.mlc-mapping > .mla-grow { flex: 1 1 200px; }
.mlc-mapping .mla-row-actions { margin-top: 0; padding-bottom: 2px; }
.mlc-arrow { padding-bottom: ${token('space.100')}; color: ${token('color.text.subtle')}; }
.mla-page .mlc-code { margin: 0; padding: ${token('space.100')} ${token('space.150')}; max-height: 360px; overflow: auto; border-radius: ${token('radius.small')}; background: ${token('color.background.neutral')}; color: ${token('color.text')}; font: ${token('font.body.small')}; font-family: ${token('font.family.code')}; white-space: pre; }
.mla-page .mlc-code code { padding: 0; background: none; font: inherit; }
.mlc-log-wrap { max-height: 360px; }
.mlc-nowrap { white-space: nowrap; width: 1%; }
.mlc-reason { overflow-wrap: anywhere; }
`;
}
