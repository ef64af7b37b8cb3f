/**
 * The Forecast section's rules, with design tokens so the charts follow Jira's light and dark themes. Like the
 * panel's own stylesheet it is evaluated at build time into main.css (panel-css.ts appends it): SVG marks are
 * coloured by these classes, never by inline colours. Class names start with `mll-fc-`.
 */
import { token } from '@atlaskit/tokens';

const focusRing = `outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')};`;

export function forecastStylesheet(): string {
  return `
/* Forecast: layout */
.mll-fc { display: grid; gap: ${token('space.200')}; margin: ${token('space.300')} 0; min-width: 0; }
.mll-fc-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: ${token('space.050')} ${token('space.200')}; }
.mll-fc-head .mll-section-title { margin: 0; }
.mll-fc-history { margin: 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-fc-status { display: inline-flex; align-items: center; gap: ${token('space.075')}; margin-left: auto; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-fc .mll-warnings { margin-top: 0; }
.mll-fc-top { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr); gap: ${token('space.300')}; align-items: start; padding: ${token('space.200')}; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.large')}; background: ${token('elevation.surface.raised')}; }
.mll-fc-columns { display: grid; grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr); gap: ${token('space.300')}; align-items: start; }
.mll-fc-aside { display: grid; gap: ${token('space.300')}; min-width: 0; }
@media (max-width: 960px) { .mll-fc-top, .mll-fc-columns { grid-template-columns: minmax(0, 1fr); } }
.mll-fc-result { min-width: 0; transition: opacity 120ms ease-out; }
.mll-fc--busy .mll-fc-result { opacity: 0.55; }
.mll-fc-summary { display: grid; gap: ${token('space.150')}; }
.mll-fc-skeleton { display: grid; gap: ${token('space.100')}; }
.mll-fc-reading { display: flex; align-items: flex-start; gap: ${token('space.100')}; margin: 0; }
.mll-fc-panel { min-width: 0; }
.mll-fc-labeling { margin-top: ${token('space.300')}; }
.mll-fc-panel-head { display: flex; align-items: center; justify-content: space-between; gap: ${token('space.100')}; margin-bottom: ${token('space.050')}; }
.mll-fc-panel-head .mll-fc-subtitle { margin: 0; }
.mll-fc-subtitle { margin: 0 0 ${token('space.050')}; font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.mll-fc-minor-title { margin: ${token('space.100')} 0 ${token('space.050')}; font: ${token('font.body')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; }
.mll-fc-line { margin: 0; color: ${token('color.text')}; }
.mll-fc-quiet { margin: 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-fc-late { color: ${token('color.text.warning')}; }
.mll-fc-line.mll-fc-late strong { color: inherit; }

/* Headline */
.mll-fc-in-force { margin: 0; padding: ${token('space.075')} ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('color.background.information')}; color: ${token('color.text')}; font: ${token('font.body.small')}; }
.mll-fc-headline { display: grid; gap: ${token('space.075')}; }
.mll-fc-lead { display: flex; flex-wrap: wrap; align-items: baseline; gap: ${token('space.050')} ${token('space.100')}; margin: 0; color: ${token('color.text')}; font: ${token('font.heading.small')}; }
.mll-fc-big { font: ${token('font.heading.xxlarge')}; color: ${token('color.text')}; font-variant-numeric: tabular-nums; }
.mll-fc-lead-words strong { font-weight: ${token('font.weight.bold')}; }
.mll-fc-error { font: ${token('font.body.small')}; color: ${token('color.text.subtlest')}; cursor: help; }
.mll-fc-stats { margin-top: ${token('space.100')}; }
.mll-fc-stats .mll-stat { min-width: 96px; }
.mll-fc-stat--late { background: ${token('color.background.warning')}; }
.mll-fc-stat--late dd, .mll-fc-stat--late dt { color: ${token('color.text.warning')}; }
.mll-fc-chain-block { display: grid; gap: ${token('space.075')}; }
.mll-fc-chain { margin: 0; }
.mll-fc-chain-odds { flex-basis: 100%; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-fc-backtest { margin: 0; padding-top: ${token('space.100')}; border-top: ${token('border.width')} solid ${token('color.border')}; color: ${token('color.text')}; }
.mll-fc-backtest .mll-fc-quiet { display: inline; cursor: help; }

/* Charts: marks coloured by class so that they follow the theme */
.mll-fc-figure { margin: 0; min-width: 0; }
.mll-fc-figure-title { margin: 0 0 ${token('space.050')}; font: ${token('font.body')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; }
.mll-fc-chart-box { width: 100%; min-width: 0; overflow: hidden; }
.mll-fc-chart { display: block; overflow: visible; }
.mll-fc-chart text { font: ${token('font.body.small')}; fill: ${token('color.text.subtle')}; }
.mll-fc-bar { fill: ${token('color.chart.brand')}; }
.mll-fc-bar--late { fill: ${token('color.chart.warning.bold')}; }
.mll-fc-bar--muted { fill: ${token('color.chart.neutral')}; }
.mll-fc-bar--latest { fill: ${token('color.chart.warning.bold')}; }
.mll-fc-grid { stroke: ${token('color.border')}; stroke-width: 1; }
.mll-fc-axis-line { stroke: ${token('color.border.bold')}; }
.mll-fc-chart .mll-fc-tick { fill: ${token('color.text.subtlest')}; }
.mll-fc-marker line { stroke-width: 2; }
.mll-fc-marker--end line { stroke: ${token('color.border.bold')}; }
.mll-fc-marker--end text { fill: ${token('color.text')}; font-weight: ${token('font.weight.semibold')}; }
.mll-fc-marker--p85 line { stroke: ${token('color.border.discovery')}; stroke-dasharray: 4 3; }
.mll-fc-marker--p85 text { fill: ${token('color.text.discovery')}; font-weight: ${token('font.weight.semibold')}; }
.mll-fc-average { stroke: ${token('color.text.subtle')}; stroke-width: 1.5; stroke-dasharray: 4 3; }
.mll-fc-baseline { stroke: ${token('color.border.bold')}; stroke-width: 1; }
.mll-fc-legend, .mll-fc-axis-note { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.050')}; margin: ${token('space.050')} 0 0; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-fc-axis-note { justify-content: space-between; color: ${token('color.text.subtlest')}; }
.mll-fc-swatch { display: inline-block; width: 10px; height: 10px; border-radius: ${token('radius.xsmall')}; background: ${token('color.chart.brand')}; }
.mll-fc-swatch--late { margin-left: ${token('space.100')}; background: ${token('color.chart.warning.bold')}; }
.mll-fc-trend { margin: 0 0 ${token('space.100')}; color: ${token('color.text')}; }
.mll-fc-trend-figure { font: ${token('font.heading.small')}; }
.mll-fc-indicator + .mll-fc-line { margin-top: ${token('space.150')}; }

/* Capacity check per lane */
.mll-fc-cap-legend { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.050')}; }
.mll-fc-key { display: inline-block; width: 14px; height: 8px; border-radius: ${token('radius.xsmall')}; }
.mll-fc-key + .mll-fc-key, .mll-fc-cap-legend .mll-fc-key:not(:first-child) { margin-left: ${token('space.100')}; }
.mll-fc-key--fill { height: 6px; border-radius: ${token('radius.full')}; background: linear-gradient(90deg, ${token('color.background.success.bold')} 0 33%, ${token('color.background.warning.bold')} 33% 66%, ${token('color.background.danger.bold')} 66%); }
.mll-fc-key--band { background: ${token('color.chart.neutral')}; opacity: 0.5; }
.mll-fc-key--tick { width: 2px; height: 12px; background: ${token('color.border.bold')}; }
.mll-fc-lanes { list-style: none; margin: 0; padding: 0; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; }
.mll-fc-lane { display: grid; grid-template-columns: 136px minmax(0, 1fr) 200px; gap: ${token('space.100')} ${token('space.200')}; align-items: start; padding: ${token('space.150')} ${token('space.200')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mll-fc-lanes > .mll-fc-lane:last-child { border-bottom: 0; }
@media (max-width: 720px) { .mll-fc-lane { grid-template-columns: minmax(0, 1fr); } }
.mll-fc-lane-head { display: grid; gap: ${token('space.050')}; justify-items: start; }
.mll-fc-lane-name { margin: 0; font: ${token('font.heading.xsmall')}; color: ${token('color.text')}; }
.mll-fc-lane-capacity { display: grid; gap: ${token('space.075')}; min-width: 0; }
.mll-fc-lane-side { display: grid; gap: ${token('space.075')}; }
.mll-fc-sentence { margin: 0; color: ${token('color.text')}; }
.mll-fc-odds { display: grid; gap: ${token('space.025')}; }
.mll-fc-odds p { margin: 0; }
.mll-fc-odds-main { color: ${token('color.text')}; }
.mll-fc-odds-main strong { font: ${token('font.heading.small')}; }
.mll-fc-wip { margin: 0; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; }
.mll-fc-cap { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: ${token('space.100')}; }
.mll-fc-cap-track { position: relative; height: 16px; border-radius: ${token('radius.small')}; background: ${token('color.background.neutral')}; }
.mll-fc-cap-band { position: absolute; top: 0; bottom: 0; border-radius: ${token('radius.small')}; background: ${token('color.chart.neutral')}; opacity: 0.5; }
.mll-fc-cap-fill { position: absolute; left: 0; top: 5px; height: 6px; border-radius: ${token('radius.full')}; background: ${token('color.text.subtle')}; }
.mll-fc-cap-fill--fits { background: ${token('color.background.success.bold')}; }
.mll-fc-cap-fill--stretch { background: ${token('color.background.warning.bold')}; }
.mll-fc-cap-fill--over { background: ${token('color.background.danger.bold')}; }
.mll-fc-cap-tick { position: absolute; top: -3px; bottom: -3px; width: 2px; margin-left: -1px; background: ${token('color.border.bold')}; }
.mll-fc-cap-value { min-width: 52px; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; text-align: right; font-variant-numeric: tabular-nums; }

/* Lists: aging work and the what-if scope */
.mll-fc-rows { list-style: none; margin: 0; padding: 0; border: ${token('border.width')} solid ${token('color.border')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; }
.mll-fc-row { display: grid; grid-template-columns: auto minmax(0, 1fr); align-items: baseline; gap: ${token('space.025')} ${token('space.100')}; padding: ${token('space.100')} ${token('space.150')}; border-bottom: ${token('border.width')} solid ${token('color.border')}; }
.mll-fc-rows > .mll-fc-row:last-child { border-bottom: 0; }
.mll-fc-row-summary { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: ${token('color.text')}; }
.mll-fc-row-meta { grid-column: 2; font: ${token('font.body.small')}; color: ${token('color.text.subtle')}; }
.mll-fc-row-meta strong { color: ${token('color.text.warning')}; }
.mll-fc-scope { grid-template-columns: auto auto minmax(0, 1fr) auto; align-items: center; }
.mll-fc-scope .mll-markers { justify-content: flex-end; }
.mll-fc-scope--out .mll-key { text-decoration: line-through; color: ${token('color.text.subtlest')}; }
.mll-fc-scope--out .mll-fc-row-summary { color: ${token('color.text.subtlest')}; }
.mll-fc-scope label { cursor: pointer; }
.mll-fc-checkbox { width: 16px; height: 16px; margin: 0; accent-color: ${token('color.background.selected.bold')}; cursor: pointer; }
.mll-fc-checkbox:focus-visible { ${focusRing} }
.mll-fc-tag { display: inline-flex; align-items: center; padding: 0 ${token('space.075')}; border-radius: ${token('radius.small')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; background: ${token('color.background.neutral')}; }
.mll-fc-tag--aging { color: ${token('color.text.warning')}; background: ${token('color.background.warning')}; }

/* What if */
.mll-fc-whatif { padding: ${token('space.200')}; border-radius: ${token('radius.large')}; background: ${token('elevation.surface.sunken')}; }
.mll-fc-whatif .mll-section-note { margin-bottom: ${token('space.150')}; }
.mll-fc-fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
.mll-fc-fieldset + .mll-fc-fieldset { margin-top: ${token('space.200')}; }
.mll-fc-legend-title { padding: 0; margin-bottom: ${token('space.075')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.subtle')}; }
.mll-fc-throughputs { display: grid; grid-template-columns: repeat(auto-fill, minmax(72px, 1fr)); gap: ${token('space.100')}; }
.mll-fc-throughput { font-weight: ${token('font.weight.regular')}; color: ${token('color.text')}; }
.mll-select.mll-fc-select { min-width: 0; width: 100%; height: 32px; }
.mll-select.mll-fc-select--changed { border-color: ${token('color.border.selected')}; background: ${token('color.background.selected')}; color: ${token('color.text.selected')}; font-weight: ${token('font.weight.semibold')}; }
`;
}
