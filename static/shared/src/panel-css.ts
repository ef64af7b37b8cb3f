/**
 * The full-page layout and form controls the planning panel and the admin page share: page padding, titles,
 * fields, selects, segmented buttons, checkboxes, lane dots and empty notes. Class names start with `mll-`.
 */
import { token } from '@atlaskit/tokens';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function panelBaseStylesheet(): string {
  return `
.mll-root { padding: ${token('space.300')} ${token('space.300')} ${token('space.400')}; min-height: 100vh; }
.mll-root li + li { margin-top: 0; }
.mll-icon-text { display: inline-flex; align-items: center; gap: ${token('space.050')}; }
.mll-title { font: ${token('font.heading.large')}; margin: 0; color: ${token('color.text')}; overflow-wrap: anywhere; }
.mll-field { display: grid; gap: ${token('space.050')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; }
.mll-select { min-width: 240px; height: 36px; padding: 0 ${token('space.100')}; font: ${token('font.body')}; color: ${token('color.text')}; background: ${token('color.background.input')}; border: ${token('border.width')} solid ${token('color.border.input')}; border-radius: ${token('radius.small')}; }
.mll-select:hover { background: ${token('color.background.input.hovered')}; }
.mll-select:focus-visible { ${focusRing} border-color: ${token('color.border.focused')}; }
.mll-select:disabled { color: ${token('color.text.disabled')}; }
.mll-segmented { display: inline-flex; flex-wrap: wrap; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.small')}; overflow: hidden; }
.mll-segment { display: inline-flex; align-items: center; gap: ${token('space.075')}; padding: ${token('space.075')} ${token('space.150')}; border: 0; border-left: ${token('border.width')} solid ${token('color.border')}; background: transparent; color: ${token('color.text.subtle')}; font: ${token('font.body')}; cursor: pointer; }
.mll-segment:first-child { border-left: 0; }
.mll-segment:hover { background: ${token('color.background.neutral.subtle.hovered')}; color: ${token('color.text')}; }
.mll-segment[aria-pressed="true"] { background: ${token('color.background.selected')}; color: ${token('color.text.selected')}; font-weight: ${token('font.weight.semibold')}; }
.mll-segment:focus-visible { outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: -2px; }
.mll-dot { display: inline-block; width: 8px; height: 8px; border-radius: ${token('radius.full')}; background: ${token('color.border')}; flex: none; }
.mll-check { display: inline-flex; align-items: center; gap: ${token('space.075')}; cursor: pointer; color: ${token('color.text')}; }
.mll-check input { width: 16px; height: 16px; margin: 0; accent-color: ${token('color.background.selected.bold')}; cursor: pointer; }
.mll-check input:focus-visible { ${focusRing} }
.mll-none { margin: 0; padding: ${token('space.200')}; border: ${token('border.width')} dashed ${token('color.border')}; border-radius: ${token('radius.medium')}; color: ${token('color.text.subtle')}; }
.mll-skeleton-header { display: grid; gap: ${token('space.100')}; padding-bottom: ${token('space.200')}; }
`;
}
