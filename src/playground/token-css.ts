/**
 * The Atlassian design-token themes for the playground's own pages, as static/build.mjs ships them in each Custom
 * UI bundle: light (and spacing, typography, shape) on the whole page, dark when <html data-color-mode="dark">.
 * The stock selectors also require a `data-theme` attribute, so they are rewritten.
 */
const THEMES = [
  { theme: 'atlassian-light', selector: ':root' },
  { theme: 'atlassian-dark', selector: 'html[data-color-mode="dark"]' },
  { theme: 'atlassian-spacing', selector: ':root' },
  { theme: 'atlassian-typography', selector: ':root' },
  { theme: 'atlassian-shape', selector: ':root' },
] as const;

export function tokenThemeCss(): string {
  return THEMES.map(({ theme, selector }) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the theme artifacts are CommonJS modules
    const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string })
      .default;
    const open = css.indexOf('{');
    if (open < 0 || css.indexOf('{', open + 1) >= 0)
      throw new Error(`unexpected shape of the ${theme} token CSS`);
    return `${selector} ${css.slice(open)}`;
  }).join('\n');
}
