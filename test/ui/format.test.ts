import { toIntlLocale } from '../../static/shared/src/format';

describe('toIntlLocale: Jira locales as Intl reads them', () => {
  it.each([
    ['en_GB', 'en-GB'],
    ['de_DE', 'de-DE'],
    ['zh_Hant_TW', 'zh-Hant-TW'],
    ['sr_Latn_RS', 'sr-Latn-RS'],
    ['EN_us', 'en-US'],
  ])('%s becomes %s', (jira, intl) => {
    expect(toIntlLocale(jira)).toBe(intl);
  });

  it.each([[undefined], [''], ['not a locale'], ['en__GB']])(
    'gives undefined (the browser’s own locale) for %p',
    (jira) => {
      expect(toIntlLocale(jira)).toBeUndefined();
    },
  );

  it('gives a tag that Intl formats dates with', () => {
    const locale = toIntlLocale('en_GB');
    expect(
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(new Date('2026-03-04T00:00:00Z')),
    ).toBe('04/03/2026');
  });
});
