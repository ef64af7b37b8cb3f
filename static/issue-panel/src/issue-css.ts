/**
 * The issue panel's stylesheet, written with design tokens so that it follows Jira's light and dark themes.
 * static/build.mjs evaluates this module at build time and writes the result into main.css (no inline <style>,
 * so Forge's content security policy needs nothing extra). Class names start with `mll-`.
 */
import { token } from '@atlaskit/tokens';
import { pageStylesheet } from '../../shared/src/page-css';
import { evidenceStylesheet } from './evidence-css';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function stylesheet(): string {
  return (
    pageStylesheet() +
    `

/* Jira draws the panel's frame edge to edge: the content keeps the 16px inset Atlaskit gives panel content. */
.mll-root { padding: ${token('space.150')} ${token('space.200')} ${token('space.200')}; }
.mll-root p { margin: 0; }

.mll-issue { display: grid; gap: ${token('space.200')}; max-width: 760px; }
.mll-block { display: grid; gap: ${token('space.100')}; min-width: 0; }
.mll-block + .mll-block { padding-top: ${token('space.200')}; border-top: ${token('border.width')} solid ${token('color.border')}; }
.mll-block-head { display: flex; align-items: center; justify-content: space-between; flex-wrap: wrap; gap: ${token('space.100')}; }
.mll-block-title { margin: 0; font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.mll-group-title { display: flex; align-items: center; gap: ${token('space.075')}; margin: 0 0 ${token('space.075')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; text-transform: none; }
.mll-count { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; background: ${token('color.background.neutral')}; border-radius: ${token('radius.full')}; padding: 0 ${token('space.075')}; min-width: 20px; text-align: center; }
.mll-empty-line { color: ${token('color.text.subtlest')}; font: ${token('font.body.small')}; }
.mll-hint { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; }

.mll-readonly { padding: ${token('space.075')} ${token('space.100')}; border-radius: ${token('radius.small')}; background: ${token('color.background.neutral')}; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }

/* Lane */
.mll-dot { display: inline-block; width: 10px; height: 10px; border-radius: ${token('radius.full')}; background: var(--mll-lane-color, ${token('color.border.bold')}); flex: none; }
.mll-lane-row { display: flex; align-items: center; flex-wrap: wrap; gap: ${token('space.100')}; }
.mll-lane-name { display: inline-flex; align-items: center; gap: ${token('space.075')}; font: ${token('font.heading.small')}; color: ${token('color.text')}; }
.mll-lane-name--none { color: ${token('color.text.subtle')}; }
.mll-lane-rule { font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; overflow-wrap: anywhere; }
.mll-override { display: flex; align-items: center; flex-wrap: wrap; gap: ${token('space.100')}; }
.mll-override label { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; }
.mll-select { min-width: 200px; height: 32px; padding: 0 ${token('space.100')}; font: ${token('font.body')}; color: ${token('color.text')}; background: ${token('color.background.input')}; border: ${token('border.width')} solid ${token('color.border.input')}; border-radius: ${token('radius.small')}; }
.mll-select:hover:not(:disabled) { background: ${token('color.background.input.hovered')}; }
.mll-select:focus-visible { ${focusRing} border-color: ${token('color.border.focused')}; }
.mll-select:disabled { color: ${token('color.text.disabled')}; background: ${token('color.background.disabled')}; border-color: ${token('color.border.disabled')}; cursor: not-allowed; }
.mll-select option { background: ${token('elevation.surface.overlay')}; color: ${token('color.text')}; }
.mll-inline-error { margin-top: ${token('space.050')}; }

/* Tags and markers */
.mll-tag { display: inline-flex; align-items: center; gap: ${token('space.050')}; padding: 0 ${token('space.075')}; border-radius: ${token('radius.small')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; background: ${token('color.background.neutral')}; white-space: nowrap; }
.mll-tag--small { font-weight: normal; color: ${token('color.text.subtlest')}; vertical-align: 1px; }
.mll-tag--discovery { color: ${token('color.text.discovery')}; background: ${token('color.background.discovery')}; }
.mll-tag--enforced { color: ${token('color.text.warning')}; background: ${token('color.background.warning')}; padding-left: ${token('space.025')}; }
.mll-marker { display: inline-flex; align-items: center; gap: ${token('space.025')}; padding: 0 ${token('space.075')} 0 ${token('space.025')}; border-radius: ${token('radius.small')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; }
.mll-marker--blocked { color: ${token('color.text.danger')}; background: ${token('color.background.danger')}; }

/* Handoffs */
.mll-handoff-groups { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: ${token('space.200')}; }
.mll-handoff-group { min-width: 0; }
.mll-handoff-list { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.075')}; }
.mll-handoff-list li + li { margin-top: 0; }
.mll-handoff-item { display: grid; gap: ${token('space.050')}; padding: ${token('space.075')} ${token('space.100')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; box-shadow: ${token('elevation.shadow.raised')}; border-left: 3px solid transparent; min-width: 0; }
.mll-handoff-item--blocked { border-left-color: ${token('color.border.danger')}; }
.mll-handoff-line { display: flex; align-items: baseline; gap: ${token('space.075')}; min-width: 0; }
.mll-handoff-summary { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: ${token('color.text')}; min-width: 0; }
.mll-hidden-issue { font-style: italic; color: ${token('color.text.subtle')}; }
.mll-handoff-meta { display: flex; align-items: center; flex-wrap: wrap; gap: ${token('space.050')} ${token('space.100')}; font: ${token('font.body.small')}; }
.mll-lane-small { display: inline-flex; align-items: center; gap: ${token('space.050')}; color: ${token('color.text.subtle')}; }
.mll-lane-small .mll-dot { width: 8px; height: 8px; }

/* Definition of Done */
.mll-progress { display: grid; grid-template-columns: auto minmax(60px, 1fr); align-items: center; gap: ${token('space.150')}; }
.mll-progress-text { font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; white-space: nowrap; }
.mll-progress-text--done { color: ${token('color.text.success')}; }
.mll-bar { display: block; height: 8px; border-radius: ${token('radius.full')}; background: ${token('color.background.neutral')}; overflow: hidden; }
.mll-bar > span { display: block; height: 100%; border-radius: ${token('radius.full')}; background: ${token('color.background.success.bold')}; transition: width 160ms ease-out; }
.mll-dod-list { list-style: none; margin: 0; padding: 0; display: grid; }
.mll-dod-list li + li { margin-top: 0; border-top: ${token('border.width')} solid ${token('color.border')}; }
.mll-dod-item { padding: ${token('space.075')} 0; }
.mll-dod-row { display: grid; grid-template-columns: 20px minmax(0, 1fr); align-items: start; gap: ${token('space.100')}; }
.mll-checkbox { width: 16px; height: 16px; margin: 2px 0 0 2px; accent-color: ${token('color.background.selected.bold')}; cursor: pointer; }
.mll-checkbox:disabled { cursor: not-allowed; }
.mll-checkbox:focus-visible { ${focusRing} }
.mll-dod-text { display: grid; gap: ${token('space.025')}; min-width: 0; }
.mll-dod-label { color: ${token('color.text')}; overflow-wrap: anywhere; }
label.mll-dod-label { cursor: pointer; }
.mll-checkbox:disabled + .mll-dod-text label.mll-dod-label { cursor: default; }
.mll-dod-note { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; overflow-wrap: anywhere; }
.mll-dod-note--missing { color: ${token('color.text.warning')}; font-weight: ${token('font.weight.semibold')}; }
.mll-auto-icon { display: inline-flex; justify-content: center; padding-top: 2px; }
.mll-auto-icon--met { color: ${token('color.icon.success')}; }
.mll-auto-icon--unmet { color: ${token('color.icon.danger')}; }
.mll-auto-icon--missing { color: ${token('color.icon.warning')}; }
.mll-item-error { display: flex; align-items: center; gap: ${token('space.050')}; margin: ${token('space.050')} 0 0 28px !important; font: ${token('font.body.small')}; color: ${token('color.text.danger')}; }

/* Loading and errors */
.mll-skeleton { display: grid; gap: ${token('space.150')}; }
` +
    evidenceStylesheet()
  );
}
