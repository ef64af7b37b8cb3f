/**
 * The panel's stylesheet, written with design tokens so that it follows Jira's light and dark themes.
 * static/build.mjs evaluates this module at build time and writes the result into main.css: nothing is injected
 * at run time, so Forge's content security policy needs no inline <style> for it. Class names start with `mll-`.
 */
import { token } from '@atlaskit/tokens';
import { pageStylesheet } from '../../shared/src/page-css';
import { panelBaseStylesheet } from '../../shared/src/panel-css';
import { forecastStylesheet } from './forecast/forecast-css';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function stylesheet(): string {
  return (
    pageStylesheet() +
    panelBaseStylesheet() +
    forecastStylesheet() +
    `
/* Header */
.mll-header { display: grid; gap: ${token('space.150')}; padding-bottom: ${token('space.200')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mll-header-top { display: flex; align-items: flex-start; gap: ${token('space.200')}; }
.mll-header-titles { display: grid; gap: ${token('space.050')}; min-width: 0; flex: 1; }
.mll-title-row { display: flex; align-items: center; flex-wrap: wrap; gap: ${token('space.100')}; }
.mll-goal { margin: 0; color: ${token('color.text')}; }
.mll-goal-label { font-weight: ${token('font.weight.semibold')}; }
.mll-meta { display: flex; flex-wrap: wrap; gap: ${token('space.100')} ${token('space.250')}; margin: 0; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }
.mll-stats { display: flex; flex-wrap: wrap; gap: ${token('space.100')}; margin: 0; padding: 0; }
.mll-stat { display: grid; gap: ${token('space.025')}; min-width: 104px; padding: ${token('space.100')} ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('color.background.neutral')}; }
.mll-stat dt { font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-stat dd { margin: 0; font: ${token('font.heading.small')}; color: ${token('color.text')}; }
.mll-stat--danger { background: ${token('color.background.danger')}; }
.mll-stat--danger dd, .mll-stat--danger dt { color: ${token('color.text.danger')}; }
.mll-stat--success { background: ${token('color.background.success')}; }
.mll-stat--success dd { color: ${token('color.text.success')}; }
.mll-warnings { margin-top: ${token('space.200')}; }
.mll-warnings ul { margin: 0; padding-left: ${token('space.250')}; }
/* Project page pickers */
.mll-pickers { display: flex; flex-wrap: wrap; align-items: flex-end; gap: ${token('space.200')}; margin-bottom: ${token('space.300')}; }

/* Lanes at a glance: one compact row under the header */
.mll-lane-strip ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: ${token('space.100')}; }
.mll-strip-lane { display: inline-flex; align-items: center; gap: ${token('space.075')}; padding: ${token('space.050')} ${token('space.100')}; border: ${token('border.width')} solid ${token('color.border')}; border-left: 3px solid var(--mll-lane-color, ${token('color.border.bold')}); border-radius: ${token('radius.small')}; background: ${token('elevation.surface.raised')}; color: ${token('color.text')}; font: ${token('font.body.small')}; cursor: pointer; }
.mll-strip-lane:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
.mll-strip-lane:focus-visible { ${focusRing} }
.mll-strip-name { font-weight: ${token('font.weight.semibold')}; }
.mll-strip-count { min-width: 20px; padding: 0 ${token('space.075')}; border-radius: ${token('radius.full')}; background: ${token('color.background.neutral')}; color: ${token('color.text.subtle')}; font-weight: ${token('font.weight.semibold')}; text-align: center; }
.mll-strip-blocked { display: inline-flex; align-items: center; gap: 2px; color: ${token('color.text.danger')}; font-weight: ${token('font.weight.semibold')}; }
.mll-column:focus { outline: none; }
.mll-column:focus-visible { ${focusRing} }

/* Filters */
.mll-toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.150')} ${token('space.250')}; padding: ${token('space.150')} 0; margin-bottom: ${token('space.100')}; background: ${token('elevation.surface')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mll-shown { margin-left: auto; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }

/* Overview: blocked handoffs beside the lane map */
.mll-overview { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: ${token('space.300')}; margin: ${token('space.200')} 0 ${token('space.300')}; align-items: start; }
@media (max-width: 960px) { .mll-overview { grid-template-columns: minmax(0, 1fr); } }
.mll-section { min-width: 0; }
.mll-section-title { display: flex; align-items: center; gap: ${token('space.100')}; margin: 0 0 ${token('space.100')}; font: ${token('font.heading.small')}; color: ${token('color.text')}; }
.mll-section-note { margin: 0 0 ${token('space.100')}; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-handoffs { list-style: none; margin: 0; padding: 0; max-height: 360px; overflow-y: auto; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; }
.mll-handoff { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: ${token('space.100')}; padding: ${token('space.100')} ${token('space.150')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mll-handoffs > .mll-handoff:last-child { border-bottom: 0; }
.mll-handoff-icon { color: ${token('color.icon.danger')}; padding-top: 2px; }
.mll-handoff-text { margin: 0; overflow-wrap: anywhere; }
.mll-reasons { display: flex; flex-wrap: wrap; gap: ${token('space.050')}; margin-top: ${token('space.050')}; }

/* Critical chain */
.mll-chain { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.050')} ${token('space.075')}; margin: 0 0 ${token('space.200')}; padding: ${token('space.100')} ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('color.background.discovery')}; border-left: 3px solid ${token('color.border.discovery')}; }
.mll-chain-label { display: inline-flex; align-items: center; gap: ${token('space.050')}; margin-right: ${token('space.050')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.discovery')}; }
.mll-chain ol { display: contents; }
.mll-chain li { display: inline-flex; align-items: center; gap: ${token('space.075')}; line-height: 20px; }
.mll-arrow { color: ${token('color.text.subtlest')}; line-height: 1; }

/* Lane-to-lane handoff map */
.mll-matrix { width: 100%; border-collapse: separate; border-spacing: 3px; table-layout: fixed; font: ${token('font.body.small')}; margin: 0; }
.mll-matrix caption { text-align: left; caption-side: bottom; margin: 0; padding: ${token('space.075')} 0 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-matrix th { vertical-align: middle; padding: ${token('space.050')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mll-matrix thead th { text-align: center; }
.mll-matrix tbody th { text-align: right; }
.mll-matrix thead th:first-child { width: 96px; }
.mll-matrix .mll-corner { text-align: left; font-weight: normal; color: ${token('color.text.subtlest')}; }
.mll-matrix td { vertical-align: middle; height: 44px; padding: ${token('space.025')}; text-align: center; border-radius: ${token('radius.small')}; background: ${token('color.background.neutral.subtle')}; color: ${token('color.text.disabled')}; border: ${token('border.width')} solid ${token('color.border')}; }
.mll-matrix td.mll-cell--some { background: ${token('color.background.neutral')}; color: ${token('color.text')}; border-color: transparent; }
.mll-matrix td.mll-cell--blocked { background: ${token('color.background.danger')}; color: ${token('color.text.danger')}; border-color: ${token('color.border.danger')}; }
.mll-cell-total { display: block; font: ${token('font.heading.xsmall')}; }
.mll-cell-blocked { display: inline-flex; align-items: center; gap: 2px; font-weight: ${token('font.weight.semibold')}; white-space: nowrap; }
.mll-legend-blocked { display: inline-flex; align-items: center; gap: 2px; padding: 0 ${token('space.050')}; border-radius: ${token('radius.small')}; vertical-align: middle; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.danger')}; background: ${token('color.background.danger')}; }
.mll-lane-head { display: inline-flex; align-items: center; gap: ${token('space.050')}; max-width: 100%; }
.mll-outside { margin-top: ${token('space.200')}; }
.mll-outside ul { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.050')}; font: ${token('font.body.small')}; }
.mll-outside li { overflow-wrap: anywhere; }

/* Lanes */
.mll-board { display: flex; align-items: flex-start; gap: ${token('space.150')}; overflow-x: auto; padding-bottom: ${token('space.100')}; }
.mll-column { flex: 1 0 176px; min-width: 176px; display: flex; flex-direction: column; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.sunken')}; border-top: 3px solid var(--mll-lane-color, ${token('color.border.bold')}); }
.mll-column-head { display: grid; gap: ${token('space.050')}; padding: ${token('space.150')} ${token('space.150')} ${token('space.100')}; }
.mll-column-name { display: flex; align-items: center; justify-content: space-between; gap: ${token('space.100')}; margin: 0; font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.mll-column-count { font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; background: ${token('color.background.neutral')}; border-radius: ${token('radius.full')}; padding: 0 ${token('space.075')}; min-width: 24px; text-align: center; }
.mll-column-stats { display: grid; gap: ${token('space.025')}; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-lane-dod { display: grid; grid-template-columns: auto minmax(32px, 1fr); align-items: center; gap: ${token('space.075')}; font-weight: ${token('font.weight.semibold')}; }
.mll-lane-dod--done { color: ${token('color.text.success')}; }
.mll-flag { display: inline-flex; align-items: center; gap: ${token('space.050')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.warning')}; }
.mll-flag--danger { color: ${token('color.text.danger')}; }
.mll-column-body { overflow-y: auto; max-height: max(360px, calc(100vh - 160px)); padding: ${token('space.025')} ${token('space.100')} ${token('space.100')}; }
.mll-column-body--virtual { height: max(360px, calc(100vh - 160px)); }
.mll-cards { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.100')}; }
.mll-vlist { position: relative; width: 100%; }
.mll-vitem { position: absolute; top: 0; left: 0; width: 100%; padding-bottom: ${token('space.100')}; }
.mll-column-empty { margin: 0; padding: ${token('space.150')} ${token('space.050')}; color: ${token('color.text.subtlest')}; font: ${token('font.body.small')}; text-align: center; }

/* Cards */
.mll-card { display: grid; gap: ${token('space.075')}; padding: ${token('space.100')} ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; box-shadow: ${token('elevation.shadow.raised')}; border-left: 3px solid transparent; }
.mll-card--blocked { border-left-color: ${token('color.border.danger')}; }
.mll-card-top { display: flex; align-items: center; justify-content: space-between; gap: ${token('space.100')}; }
.mll-card-type { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mll-summary { margin: 0; color: ${token('color.text')}; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; overflow-wrap: anywhere; }
.mll-card-meta { display: flex; align-items: center; justify-content: space-between; gap: ${token('space.075')}; min-width: 0; }
.mll-points { flex: none; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; background: ${token('color.background.neutral')}; border-radius: ${token('radius.full')}; padding: 0 ${token('space.075')}; }
.mll-dod { display: grid; grid-template-columns: auto minmax(32px, 1fr); align-items: center; gap: ${token('space.075')}; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; border-radius: ${token('radius.xsmall')}; }
.mll-dod:focus-visible { ${focusRing} }
.mll-bar { height: 6px; border-radius: ${token('radius.full')}; background: ${token('color.background.neutral')}; overflow: hidden; }
.mll-bar > span { display: block; height: 100%; border-radius: ${token('radius.full')}; background: ${token('color.background.success.bold')}; }
.mll-missing { margin: 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mll-tooltip-list { margin: 0; padding-left: ${token('space.200')}; }
.mll-tooltip-list li + li { margin-top: ${token('space.050')}; }
.mll-markers { display: flex; flex-wrap: wrap; gap: ${token('space.050')}; }
.mll-marker { display: inline-flex; align-items: center; gap: ${token('space.025')}; padding: 0 ${token('space.075')} 0 ${token('space.025')}; border-radius: ${token('radius.small')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; }
.mll-marker--blocked { color: ${token('color.text.danger')}; background: ${token('color.background.danger')}; }
.mll-marker--critical { color: ${token('color.text.discovery')}; background: ${token('color.background.discovery')}; }
.mll-rule { margin: 0; font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; overflow-wrap: anywhere; }

/* Loading */
.mll-skeleton-stats { display: flex; gap: ${token('space.100')}; }
.mll-skeleton-board { display: flex; gap: ${token('space.150')}; margin-top: ${token('space.300')}; }
.mll-skeleton-column { flex: 1 0 160px; display: grid; gap: ${token('space.100')}; align-content: start; padding: ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.sunken')}; }
`
  );
}
