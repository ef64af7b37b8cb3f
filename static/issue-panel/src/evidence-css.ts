/** The Evidence section's rules, in design tokens for light and dark (class names start with `mll-evidence`). */
import { token } from '@atlaskit/tokens';

export function evidenceStylesheet(): string {
  return `
/* Evidence from ML tools */
.mll-evidence-list { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.100')}; }
.mll-evidence-item { display: grid; gap: ${token('space.050')}; padding: ${token('space.100')} ${token('space.150')}; border-radius: ${token('radius.medium')}; background: ${token('elevation.surface.raised')}; box-shadow: ${token('elevation.shadow.raised')}; min-width: 0; }
.mll-evidence-head { display: flex; align-items: center; flex-wrap: wrap; gap: ${token('space.075')} ${token('space.100')}; min-width: 0; }
.mll-evidence-tool { color: ${token('color.text.information')}; background: ${token('color.background.information')}; }
.mll-evidence-subject { font-weight: ${token('font.weight.semibold')}; color: ${token('color.text')}; overflow-wrap: anywhere; min-width: 0; }
.mll-evidence-link { display: inline-flex; align-items: center; gap: ${token('space.025')}; margin-left: auto; font: ${token('font.body.small')}; color: ${token('color.link')}; border-radius: ${token('radius.xsmall')}; }
.mll-evidence-link:hover { color: ${token('color.link.pressed')}; }
.mll-evidence-link:focus-visible { outline: ${token('border.width.focused')} solid ${token('color.border.focused')}; outline-offset: ${token('space.025')}; }
.mll-evidence-values { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.050')}; font: ${token('font.body')}; }
.mll-evidence-values li { display: flex; align-items: center; flex-wrap: wrap; gap: ${token('space.050')} ${token('space.075')}; }
.mll-evidence-field { color: ${token('color.text.subtle')}; }
.mll-evidence-number { color: ${token('color.text')}; font-weight: ${token('font.weight.semibold')}; }
.mll-evidence-old { color: ${token('color.text.subtlest')}; text-decoration: line-through; }
.mll-evidence-dod { display: inline-flex; align-items: center; gap: ${token('space.025')}; padding: 0 ${token('space.075')} 0 ${token('space.025')}; border-radius: ${token('radius.small')}; font: ${token('font.body.small')}; font-weight: ${token('font.weight.semibold')}; color: ${token('color.text.danger')}; background: ${token('color.background.danger')}; }
.mll-evidence-dod--met { color: ${token('color.text.success')}; background: ${token('color.background.success')}; }
`;
}
