/**
 * The admin page's stylesheet: the shared page and panel base (static/shared/src: layout, fields, segmented
 * buttons, states) plus the admin page's own rules, all written with design tokens so that they follow Jira's light and dark
 * themes. static/build.mjs evaluates this module at build time into main.css: nothing is injected at run time.
 * Admin-only class names start with `mla-`.
 */
import { token } from '@atlaskit/tokens';
import { pageStylesheet } from '../../shared/src/page-css';
import { panelBaseStylesheet } from '../../shared/src/panel-css';
import { connectionsStylesheet } from './connections-css';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function stylesheet(): string {
  return pageStylesheet() + panelBaseStylesheet() + adminStylesheet() + connectionsStylesheet();
}

function adminStylesheet(): string {
  return `
.mla-page { max-width: 1600px; margin: 0 auto; }
.mla-page code, .mla-input--mono { font-family: ${token('font.family.code')}; }
.mla-page code { font-size: 0.9em; padding: 0 ${token('space.025')}; border-radius: ${token('radius.xsmall')}; background: ${token('color.background.neutral')}; }
.mla-subtle { color: ${token('color.text.subtle')}; }
.mla-subtlest { color: ${token('color.text.subtlest')}; }
.mla-block { display: block; }

/* Header */
.mla-header { display: grid; gap: ${token('space.200')}; padding-bottom: ${token('space.150')}; }
.mla-header-top { display: flex; align-items: flex-start; justify-content: space-between; gap: ${token('space.300')}; }
.mla-header-titles { display: grid; gap: ${token('space.075')}; min-width: 0; max-width: 760px; }
.mla-lede { margin: 0; color: ${token('color.text.subtle')}; }
.mla-header-actions { display: flex; flex-wrap: wrap; gap: ${token('space.100')}; align-items: center; justify-content: flex-end; }
.mla-scope-bar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: ${token('space.100')} ${token('space.250')}; padding: ${token('space.150')} ${token('space.200')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.sunken')}; }
.mla-scope-select { min-width: 280px; }
.mla-scope-locked { align-self: center; font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; flex-basis: 100%; margin: 0; }
.mla-scope-status { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')} ${token('space.150')}; min-height: 36px; color: ${token('color.text.subtle')}; }
.mla-saved strong { color: ${token('color.text')}; font-weight: ${token('font.weight.semibold')}; }
.mla-inline-confirm { display: inline-flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')}; padding: ${token('space.050')} ${token('space.100')}; border-radius: ${token('radius.small')}; background: ${token('color.background.warning')}; color: ${token('color.text')}; }

/* Import (a file input dressed as a button) */
.mla-import { display: inline-flex; flex-direction: column; gap: ${token('space.050')}; }
.mla-file-button { position: relative; display: inline-flex; align-items: center; gap: ${token('space.075')}; height: 32px; padding: 0 ${token('space.150')}; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.small')}; background: ${token('color.background.neutral.subtle')}; color: ${token('color.text')}; font: ${token('font.body')}; font-weight: ${token('font.weight.medium')}; cursor: pointer; white-space: nowrap; }
.mla-file-button:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
.mla-file-button:active { background: ${token('color.background.neutral.subtle.pressed')}; }
.mla-file-button:focus-within { ${focusRing} }
.mla-file-button--disabled { cursor: not-allowed; color: ${token('color.text.disabled')}; background: ${token('color.background.disabled')}; }

/* Banners, save bar, notices */
.mla-banners { display: grid; gap: ${token('space.150')}; margin-bottom: ${token('space.100')}; }
.mla-banners:empty { display: none; }
.mla-savebar { position: sticky; top: 0; z-index: 3; display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: ${token('space.100')} ${token('space.200')}; padding: ${token('space.100')} 0; margin-bottom: ${token('space.150')}; background: ${token('elevation.surface')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mla-savebar-status { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.050')} ${token('space.200')}; margin: 0; }
.mla-savebar-actions { display: flex; gap: ${token('space.100')}; }
.mla-problem-link { display: inline-flex; align-items: center; gap: ${token('space.050')}; padding: 0; border: 0; background: none; font: inherit; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.danger')}; cursor: pointer; text-decoration: underline; border-radius: ${token('radius.xsmall')}; }
.mla-problem-link:focus-visible { ${focusRing} }
.mla-notices { display: grid; gap: ${token('space.150')}; margin-bottom: ${token('space.200')}; outline: none; }
.mla-flag { display: flex; align-items: center; gap: ${token('space.100')}; padding: ${token('space.100')} ${token('space.100')} ${token('space.100')} ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('color.background.success')}; color: ${token('color.text.success')}; font-weight: ${token('font.weight.semibold')}; }
.mla-flag-text { flex: 1; color: ${token('color.text')}; }
.mla-message-actions { display: flex; flex-wrap: wrap; gap: ${token('space.100')}; margin-top: ${token('space.150')}; }
.mla-conflict-lead { margin: ${token('space.150')} 0 ${token('space.050')}; font-weight: ${token('font.weight.semibold')}; }
.mla-import-problems { margin: ${token('space.100')} 0 0; padding-left: ${token('space.250')}; }
.mla-root-problems { margin-bottom: ${token('space.150')}; }

/* Layout: sections nav | the section | preview and changes */
.mla-layout { display: grid; grid-template-columns: 192px minmax(0, 1fr) minmax(320px, 352px); gap: ${token('space.250')}; align-items: start; }
@media (max-width: 1180px) { .mla-layout { grid-template-columns: 176px minmax(0, 1fr); } .mla-aside { grid-column: 1 / -1; } }
@media (max-width: 760px) { .mla-layout { grid-template-columns: minmax(0, 1fr); } }
.mla-loading .mla-layout { margin-top: ${token('space.300')}; }
.mla-nav { position: sticky; top: 64px; }
.mla-tabs { display: grid; gap: ${token('space.025')}; }
.mla-tab { display: flex; align-items: center; justify-content: space-between; gap: ${token('space.100')}; width: 100%; min-height: 36px; padding: ${token('space.075')} ${token('space.150')}; border: 0; border-radius: ${token('radius.small')}; background: transparent; color: ${token('color.text.subtle')}; font: ${token('font.body')}; font-weight: ${token('font.weight.medium')}; text-align: left; cursor: pointer; position: relative; }
.mla-tab:hover { background: ${token('color.background.neutral.subtle.hovered')}; color: ${token('color.text')}; }
.mla-tab[aria-selected="true"] { background: ${token('color.background.selected')}; color: ${token('color.text.selected')}; font-weight: ${token('font.weight.semibold')}; }
.mla-tab[aria-selected="true"]::before { content: ''; position: absolute; left: 0; top: ${token('space.075')}; bottom: ${token('space.075')}; width: 3px; border-radius: ${token('radius.full')}; background: ${token('color.border.selected')}; }
.mla-tab:focus-visible { ${focusRing} }
.mla-tab-count { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; background: ${token('color.background.neutral')}; border-radius: ${token('radius.full')}; padding: 0 ${token('space.075')}; min-width: 22px; text-align: center; }
.mla-tab-problems { display: inline-flex; align-items: center; gap: 2px; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.danger')}; background: ${token('color.background.danger')}; border-radius: ${token('radius.full')}; padding: 0 ${token('space.075')} 0 ${token('space.050')}; }
.mla-content { min-width: 0; }
.mla-aside { display: grid; gap: ${token('space.200')}; min-width: 0; }

/* Sections */
.mla-section { display: grid; gap: ${token('space.150')}; }
.mla-section-head { display: grid; gap: ${token('space.050')}; }
.mla-section-title { margin: 0; font: ${token('font.heading.medium')}; color: ${token('color.text')}; }
.mla-section-note { margin: 0; font: ${token('font.body')}; color: ${token('color.text.subtle')}; max-width: 70ch; }
.mla-panel .mla-section-note { font: ${token('font.body.small')}; }
.mla-list { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.100')}; }
.mla-stack { display: grid; gap: ${token('space.150')}; }
.mla-add-row { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')}; }

/* Cards (a lane, a rule, a link type, a lane's DoD) */
.mla-card { position: relative; display: grid; gap: ${token('space.100')}; padding: ${token('space.150')} ${token('space.150')} ${token('space.150')} ${token('space.200')}; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; box-shadow: ${token('elevation.shadow.raised')}; }
.mla-card-main { display: flex; align-items: flex-start; gap: ${token('space.150')}; }
.mla-card-body { padding-left: 36px; }
.mla-card-title { display: flex; align-items: center; gap: ${token('space.075')}; margin: 0; font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.mla-ordinal { flex: none; display: inline-flex; align-items: center; justify-content: center; width: 24px; height: 24px; margin-top: 22px; border-radius: ${token('radius.full')}; background: ${token('color.background.neutral')}; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; }
.mla-row-actions { flex: none; display: flex; gap: 2px; margin-left: auto; margin-top: 20px; }
.mla-lane { border-left: 4px solid var(--mla-lane-color, ${token('color.border')}); }
.mla-lane-fields { flex: 1; min-width: 0; display: grid; grid-template-columns: minmax(140px, 1fr) minmax(120px, 170px); gap: ${token('space.100')} ${token('space.150')}; }
.mla-lane-fields .mla-colour { grid-column: 1 / -1; }
.mla-dot { width: 10px; height: 10px; }

/* Fields */
.mla-field { display: grid; gap: ${token('space.050')}; min-width: 0; align-content: start; }
.mla-field--number { max-width: 160px; }
.mla-grow { flex: 1 1 180px; }
.mla-narrow { max-width: 280px; }
.mla-label { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; padding: 0; }
.mla-hint { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; }
.mla-input { width: 100%; min-width: 0; height: 36px; padding: 0 ${token('space.100')}; font: ${token('font.body')}; color: ${token('color.text')}; background: ${token('color.background.input')}; border: ${token('border.width')} solid ${token('color.border.input')}; border-radius: ${token('radius.small')}; }
.mla-input::placeholder { color: ${token('color.text.subtlest')}; }
.mla-input:hover:not(:disabled) { background: ${token('color.background.input.hovered')}; }
.mla-input:focus-visible { ${focusRing} border-color: ${token('color.border.focused')}; background: ${token('color.background.input.pressed')}; }
.mla-input:disabled { color: ${token('color.text.disabled')}; background: ${token('color.background.disabled')}; border-color: transparent; cursor: not-allowed; }
.mla-input[aria-invalid="true"] { border-color: ${token('color.border.danger')}; box-shadow: inset 0 0 0 1px ${token('color.border.danger')}; }
.mla-input--mono { font-size: 13px; }
.mla-select { padding-right: ${token('space.050')}; cursor: pointer; }
.mla-inline-select { width: auto; min-width: 160px; }
.mla-jql { height: auto; min-height: 60px; padding: ${token('space.075')} ${token('space.100')}; resize: vertical; }
.mla-problems { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.025')}; outline: none; }
.mla-problems:focus-visible { ${focusRing} }
.mla-problem { display: flex; align-items: flex-start; gap: ${token('space.050')}; font: ${token('font.body.small')}; color: ${token('color.text.danger')}; }
.mla-problem > span:last-child { padding-top: 1px; }
.mla-radios { display: inline-flex; flex-wrap: wrap; margin: 0; padding: 0; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.small')}; overflow: hidden; }
.mla-radio { display: inline-flex; align-items: center; gap: ${token('space.075')}; padding: ${token('space.050')} ${token('space.150')}; border-left: ${token('border.width')} solid ${token('color.border')}; color: ${token('color.text.subtle')}; cursor: pointer; }
.mla-radio:first-of-type { border-left: 0; }
.mla-radio input { margin: 0; accent-color: ${token('color.background.selected.bold')}; }
.mla-radio--on { background: ${token('color.background.selected')}; color: ${token('color.text.selected')}; font-weight: ${token('font.weight.semibold')}; }
.mla-radio:focus-within { ${focusRing} outline-offset: -2px; }

/* Read-only (not an admin, or a project following the site): controls stay readable */
.mla-readonly .mla-input:disabled { color: ${token('color.text')}; background: ${token('color.background.neutral.subtle')}; border-color: ${token('color.border')}; cursor: default; opacity: 1; }
.mla-readonly .mla-swatch input:disabled + .mla-swatch-chip { opacity: 1; cursor: default; }
.mla-readonly .mla-radio, .mla-readonly .mll-check { cursor: default; }

/* The board index's same-project switch, under the link types */
.mla-same-project { display: flex; align-items: flex-start; gap: ${token('space.100')}; margin-top: ${token('space.200')}; max-width: 60ch; }
.mla-same-project input { margin-top: 2px; flex: none; }

/* Colour swatches */
.mla-colour-row { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.150')}; }
.mla-swatches { display: flex; flex-wrap: wrap; gap: ${token('space.050')}; }
.mla-swatch { display: inline-flex; cursor: pointer; border-radius: ${token('radius.full')}; }
.mla-swatch-chip { display: inline-flex; align-items: center; justify-content: center; width: 24px; height: 24px; border-radius: ${token('radius.full')}; color: #FFFFFF; box-shadow: inset 0 0 0 1px rgba(9, 30, 66, 0.16); }
.mla-swatch input:checked + .mla-swatch-chip { outline: 2px solid ${token('color.border.selected')}; outline-offset: 2px; }
.mla-swatch input:focus-visible + .mla-swatch-chip { ${focusRing} outline-offset: 3px; }
.mla-swatch input:disabled + .mla-swatch-chip { cursor: not-allowed; opacity: 0.6; }
.mla-hex { width: 104px; }

/* Lane removal */
.mla-confirm { display: grid; gap: ${token('space.100')}; padding: ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('color.background.warning')}; border: ${token('border.width')} solid ${token('color.border.warning')}; color: ${token('color.text')}; outline: none; }
.mla-confirm:focus-visible { ${focusRing} }
.mla-confirm-title { margin: 0; font-weight: ${token('font.weight.semibold')}; }
.mla-confirm-choices { display: grid; gap: ${token('space.075')}; margin: 0; padding: 0; border: 0; min-width: 0; }
.mla-confirm .mla-hint { margin: 0; }
.mla-confirm-choices legend { margin-bottom: ${token('space.075')}; }
.mla-choice { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')}; }
.mla-confirm-actions { display: flex; gap: ${token('space.100')}; }

/* Rules */
.mla-rule-head { flex: 1; min-width: 0; display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')}; min-height: 36px; }
.mla-rule-head > .mla-subtle { font: ${token('font.body.small')}; }
.mla-rule .mla-ordinal, .mla-rule .mla-row-actions { margin-top: 6px; }
.mla-rule-to { margin-left: ${token('space.050')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; }
.mla-rule-lane { min-width: 180px; }
.mla-keywords { display: grid; gap: ${token('space.100')}; }
.mla-places { margin: 0; padding: 0; border: 0; display: grid; gap: ${token('space.050')}; }
.mla-places-row { display: flex; flex-wrap: wrap; gap: ${token('space.200')}; }
.mla-conditions { display: grid; gap: ${token('space.100')}; justify-items: start; }
.mla-conditions > * { justify-self: stretch; }
.mla-conditions > button, .mla-conditions > span > button { justify-self: start; }
.mla-match { display: flex; align-items: center; gap: ${token('space.100')}; }
.mla-condition-list { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.075')}; }
.mla-condition { display: grid; grid-template-columns: 36px minmax(0, 1fr) auto; align-items: start; gap: ${token('space.100')}; }
.mla-joiner { padding-top: 8px; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtlest')}; text-transform: uppercase; text-align: right; }
.mla-condition-fields { display: flex; flex-wrap: wrap; gap: ${token('space.075')}; min-width: 0; }
.mla-condition-fields > .mla-field:not(.mla-grow) { flex: 0 1 132px; }
.mla-condition-fields > .mla-grow { flex: 1 1 150px; }
.mla-condition > button, .mla-condition > div:last-of-type > button { margin-top: 4px; }
.mla-condition-problems { grid-column: 2 / -1; }
.mla-condition-problems:empty { display: none; }

/* Dependency links */
.mla-link-fields { flex: 1; min-width: 0; display: grid; gap: ${token('space.150')}; }
.mla-direction { margin: 0; padding: 0; border: 0; display: grid; gap: ${token('space.075')}; }
.mla-direction legend { margin-bottom: ${token('space.075')}; }
.mla-direction-option strong { font-weight: ${token('font.weight.semibold')}; }
.mla-link .mla-row-actions { margin-top: 20px; }

/* Definition of Done */
.mla-dod { padding-left: ${token('space.200')}; }
.mla-dod-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: ${token('space.100')}; }
.mla-toggle { display: inline-flex; align-items: center; gap: ${token('space.050')}; color: ${token('color.text')}; }
.mla-dod-empty { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.150')}; }
.mla-dod-none { margin: 0; font: ${token('font.body.small')}; }
.mla-dod-items { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; border-top: ${token('border.width')} solid ${token('color.border')}; }
.mla-dod-item { display: grid; gap: ${token('space.075')}; padding: ${token('space.100')} 0; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mla-dod-line { display: grid; grid-template-columns: minmax(0, 1fr) 176px auto; align-items: start; gap: ${token('space.100')}; }
.mla-dod-line .mla-row-actions { margin-top: 20px; }
.mla-dod-detail { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${token('space.100')}; padding-left: ${token('space.150')}; margin-left: ${token('space.050')}; border-left: 2px solid ${token('color.border')}; }
.mla-dod-detail > .mla-field { flex: 0 1 140px; }
.mla-dod-detail > .mla-grow { flex: 1 1 150px; }
.mla-dod-detail > .mla-item-id { flex: 0 1 120px; }
.mla-orphan-text { flex: 1; margin: 0; }

/* Tables (capacity, history, preview) */
.mla-table { width: 100%; border-collapse: collapse; font: ${token('font.body')}; }
.mla-table th, .mla-table td { padding: ${token('space.100')}; text-align: left; vertical-align: top; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mla-table thead th { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; border-bottom-width: 2px; }
.mla-table tbody th { font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; }
.mla-capacity td { width: 30%; }
.mla-capacity th, .mla-capacity td { vertical-align: middle; }
.mla-lane-name { display: inline-flex; align-items: center; gap: ${token('space.075')}; }
.mla-history th .mla-revision { display: inline-block; min-width: 28px; margin-right: ${token('space.075')}; font: ${token('font.heading.xsmall')}; }
.mla-actions-cell { text-align: right; white-space: nowrap; }
.mla-table td.mla-actions-cell { text-align: right; }

/* Preview and diff panels */
.mla-panel { display: grid; gap: ${token('space.100')}; padding: ${token('space.200')}; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.large')}; background: ${token('elevation.surface.raised')}; min-width: 0; }
.mla-panel-title { margin: 0; font: ${token('font.heading.small')}; color: ${token('color.text')}; }
.mla-preview-mode { justify-self: start; }
.mla-preview-run { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')}; }
.mla-preview-result { display: grid; gap: ${token('space.100')}; min-width: 0; }
.mla-scope-line { margin: 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mla-moved { margin: 0; font: ${token('font.heading.xsmall')}; font-weight: ${token('font.weight.medium')}; color: ${token('color.text')}; }
.mla-moved strong { font: ${token('font.heading.small')}; }
.mla-counts th, .mla-counts td { padding: ${token('space.050')} ${token('space.100')}; font: ${token('font.body.small')}; }
.mla-counts tbody th { font-weight: ${token('font.weight.medium')}; }
.mla-delta { font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; }
.mla-only-moved { font: ${token('font.body.small')}; }
.mla-table-wrap { max-height: 520px; overflow: auto; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')}; }
.mla-preview-table { font: ${token('font.body.small')}; }
.mla-preview-table thead th { position: sticky; top: 0; background: ${token('elevation.surface.raised')}; z-index: 1; }
.mla-preview-table td { padding: ${token('space.075')} ${token('space.100')}; }
.mla-preview-table tr.mla-row--moved td { background: ${token('color.background.information')}; }
.mla-preview-table tr.mla-row--moved td:first-child { box-shadow: inset 3px 0 0 ${token('color.border.information')}; }
.mla-issue-cell { width: 52%; }
.mla-issue-summary { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; overflow-wrap: anywhere; color: ${token('color.text')}; }
.mla-lanes-cell { display: table-cell; }
.mla-lane-change { display: inline-flex; flex-wrap: wrap; align-items: center; gap: ${token('space.050')}; }
.mla-moves { display: inline-block; padding: 0 ${token('space.050')}; border-radius: ${token('radius.xsmall')}; font-size: 11px; font-weight: ${token('font.weight.bold')}; text-transform: uppercase; color: ${token('color.text.information')}; border: ${token('border.width')} solid ${token('color.border.information')}; }
.mla-rule-text { display: block; margin-top: 2px; color: ${token('color.text.subtlest')}; overflow-wrap: anywhere; }
.mla-diff { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.075')}; font: ${token('font.body.small')}; }
.mla-diff-item { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 ${token('space.075')}; align-items: baseline; }
.mla-diff-kind { font-size: 11px; font-weight: ${token('font.weight.bold')}; text-transform: uppercase; padding: 0 ${token('space.050')}; border-radius: ${token('radius.xsmall')}; background: ${token('color.background.neutral')}; color: ${token('color.text.subtle')}; }
.mla-diff--added .mla-diff-kind { background: ${token('color.background.success')}; color: ${token('color.text.success')}; }
.mla-diff--removed .mla-diff-kind { background: ${token('color.background.danger')}; color: ${token('color.text.danger')}; }
.mla-diff--changed .mla-diff-kind { background: ${token('color.background.information')}; color: ${token('color.text.information')}; }
.mla-page .mla-diff-path { overflow-wrap: anywhere; color: ${token('color.text')}; background: none; padding: 0; }
.mla-diff-values { grid-column: 2; overflow-wrap: anywhere; color: ${token('color.text.subtle')}; }
.mla-diff-before { text-decoration: line-through; color: ${token('color.text.subtle')}; }
.mla-diff-after { text-decoration: none; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; }
.mla-diff-empty { margin: 0; font: ${token('font.body.small')}; }

/* Board setup */
.mla-board-pick { max-width: 360px; }
.mla-board-loading { display: flex; align-items: center; gap: ${token('space.100')}; color: ${token('color.text.subtle')}; }
.mla-setup-group { display: grid; gap: ${token('space.075')}; padding-top: ${token('space.150')}; border-top: ${token('border.width')} solid ${token('color.border')}; min-width: 0; }
.mla-setup-title { margin: 0; font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.mla-setup-where { margin: 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mla-setup-list { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.100')}; }
.mla-setup-item { display: grid; gap: ${token('space.050')}; padding: ${token('space.100')}; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; min-width: 0; }
.mla-setup-item-head { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100')}; }
.mla-setup-name { display: inline-flex; align-items: center; gap: ${token('space.075')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; margin-right: auto; }
.mla-card-colour { display: inline-block; width: 12px; height: 12px; border-radius: ${token('radius.xsmall')}; box-shadow: inset 0 0 0 1px ${token('color.border')}; }
.mla-page code.mla-setup-jql { display: block; padding: ${token('space.075')} ${token('space.100')}; font: ${token('font.body.small')}; font-family: ${token('font.family.code')}; color: ${token('color.text')}; background: ${token('color.background.neutral')}; border-radius: ${token('radius.small')}; overflow-wrap: anywhere; white-space: pre-wrap; }
.mla-jql-errors { margin: 0; padding-left: ${token('space.250')}; font: ${token('font.body.small')}; color: ${token('color.text.danger')}; }
.mla-copy { display: inline-flex; align-items: center; gap: ${token('space.075')}; }
.mla-index-status { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: ${token('space.050')} ${token('space.200')}; margin: 0; font: ${token('font.body')}; }
.mla-page .mla-index-status { padding: 0; }
.mla-page .mla-index-status dt, .mla-page .mla-index-status dd { margin: 0; padding: 0; font: ${token('font.body')}; }
.mla-index-status dt { color: ${token('color.text.subtle')}; }
.mla-index-status dd { color: ${token('color.text')}; }
.mla-setup-done { margin: 0; font: ${token('font.body')}; color: ${token('color.text')}; }
`;
}
