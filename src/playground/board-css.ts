import { token } from '@atlaskit/tokens';

/** The board page's styles, in Atlassian design tokens (light and dark come from the token themes). */
export function boardStylesheet(): string {
  return `
body {
  margin: 0;
  background: ${token('elevation.surface')};
  color: ${token('color.text')};
  font: ${token('font.body')};
  font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif;
}
.board-bar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${token('space.150')} ${token('space.250')};
  padding: ${token('space.100')} ${token('space.300')};
  border-bottom: 1px solid ${token('color.border')};
}
.board-bar a { color: ${token('color.link')}; }
.board-bar .spacer { flex: 1; }
.board-bar label { color: ${token('color.text.subtle')}; display: inline-flex; gap: ${token('space.050')}; align-items: center; }
.board-head { padding: ${token('space.200')} ${token('space.300')} ${token('space.100')}; }
.board-crumbs { color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; margin: 0 0 ${token('space.050')}; }
.board-title { font: ${token('font.heading.large')}; margin: 0; }
.board-sprint { color: ${token('color.text.subtle')}; margin: ${token('space.050')} 0 0; }
.board-filters {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${token('space.075')};
  padding: ${token('space.100')} ${token('space.300')};
}
.board-filters .label { color: ${token('color.text.subtle')}; font-weight: ${token('font.weight.semibold')}; margin-right: ${token('space.050')}; }
.quick-filter {
  font: inherit;
  padding: ${token('space.050')} ${token('space.150')};
  border: 1px solid transparent;
  border-radius: ${token('radius.small')};
  background: ${token('color.background.neutral')};
  color: ${token('color.text')};
  cursor: pointer;
}
.quick-filter:hover { background: ${token('color.background.neutral.hovered')}; }
.quick-filter[aria-pressed='true'] {
  background: ${token('color.background.selected')};
  color: ${token('color.text.selected')};
  border-color: ${token('color.border.selected')};
}
.board-count { color: ${token('color.text.subtle')}; margin-left: ${token('space.100')}; }
.board-status { color: ${token('color.text.subtle')}; padding: 0 ${token('space.300')}; min-height: 20px; }
.board-status[data-state='updating'] { color: ${token('color.text.information')}; }
.board-status[data-state='error'] { color: ${token('color.text.danger')}; }
.board-problems { margin: ${token('space.100')} ${token('space.300')}; padding: ${token('space.100')} ${token('space.200')};
  background: ${token('color.background.warning')}; color: ${token('color.text.warning')}; border-radius: ${token('radius.small')}; }
.board-grid { padding: 0 ${token('space.300')} ${token('space.400')}; }
.board-row { display: grid; grid-template-columns: repeat(var(--columns), minmax(200px, 1fr)); gap: ${token('space.100')}; }
.column-head {
  padding: ${token('space.100')} 0;
}
.column-head > div {
  background: ${token('elevation.surface.sunken')};
  border-radius: ${token('radius.small')} ${token('radius.small')} 0 0;
  padding: ${token('space.100')} ${token('space.150')};
  color: ${token('color.text.subtle')};
  font: ${token('font.body.small')};
  font-weight: ${token('font.weight.semibold')};
  text-transform: uppercase;
}
.swimlane { margin-top: ${token('space.100')}; }
.swimlane > summary {
  cursor: pointer;
  padding: ${token('space.075')} 0;
  font-weight: ${token('font.weight.semibold')};
  list-style-position: inside;
}
.swimlane > summary .lane-count { color: ${token('color.text.subtle')}; font-weight: ${token('font.weight.regular')}; margin-left: ${token('space.100')}; }
.cell {
  background: ${token('elevation.surface.sunken')};
  border-radius: ${token('radius.small')};
  padding: ${token('space.075')};
  min-height: 48px;
  display: flex;
  flex-direction: column;
  gap: ${token('space.075')};
}
.cell[data-drop='over'] { outline: 2px dashed ${token('color.border.selected')}; }
.card {
  background: ${token('elevation.surface.raised')};
  box-shadow: ${token('elevation.shadow.raised')};
  border-radius: ${token('radius.small')};
  border-left: 4px solid transparent;
  padding: ${token('space.100')} ${token('space.150')};
  display: flex;
  flex-direction: column;
  gap: ${token('space.075')};
  cursor: default;
}
.card-summary { margin: 0; overflow-wrap: anywhere; }
.card-fields { display: flex; flex-wrap: wrap; gap: ${token('space.050')}; }
.field {
  font: ${token('font.body.small')};
  font-weight: ${token('font.weight.semibold')};
  padding: 0 ${token('space.050')};
  border-radius: ${token('radius.small')};
  background: ${token('color.background.neutral')};
  color: ${token('color.text.subtle')};
  white-space: nowrap;
  max-width: 100%;
  overflow: hidden;
  text-overflow: ellipsis;
}
.field[data-role='lane'] { background: ${token('color.background.discovery')}; color: ${token('color.text.discovery')}; }
.field[data-state='blocked'] { background: ${token('color.background.danger')}; color: ${token('color.text.danger')}; }
.field[data-state='ready'], .field[data-state='complete'] { background: ${token('color.background.success')}; color: ${token('color.text.success')}; }
.field[data-state='unset'] { background: transparent; color: ${token('color.text.subtlest')}; font-weight: ${token('font.weight.regular')}; }
.card-foot { display: flex; align-items: center; gap: ${token('space.075')}; color: ${token('color.text.subtle')}; font: ${token('font.body.small')}; }
.card-type {
  width: 12px;
  height: 12px;
  border-radius: 2px;
  background: ${token('color.icon.success')};
  flex: none;
}
.card-type[data-type='Bug'] { background: ${token('color.icon.danger')}; }
.card-type[data-type='Task'], .card-type[data-type='Sub-task'] { background: ${token('color.icon.information')}; }
.card-type[data-type='Epic'] { background: ${token('color.icon.discovery')}; }
.card-key { font-weight: ${token('font.weight.semibold')}; }
.card-key[data-done='true'] { text-decoration: line-through; }
.card[draggable='true'] { cursor: grab; }
.card-move {
  margin-left: auto;
  font: inherit;
  padding: 0 ${token('space.075')};
  border: none;
  border-radius: ${token('radius.small')};
  background: transparent;
  color: ${token('color.link')};
  cursor: pointer;
}
.card-move:hover { background: ${token('color.background.neutral.subtle.hovered')}; }
.card-move:disabled { color: ${token('color.text.disabled')}; cursor: default; }
`;
}
