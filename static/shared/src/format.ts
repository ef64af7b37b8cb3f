/** Words and numbers every Custom UI writes the same way. */
import type { StatusCategory } from '../../../src/contract/plan-view';

/**
 * Jira sends locales like "en_GB" or "zh_Hant_TW"; Intl wants "en-GB", "zh-Hant-TW". Undefined (the browser's
 * own locale) when there is none or it is not a valid tag.
 */
export function toIntlLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** "1 issue", "3 issues", "1,204 issues". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved' | 'new';

/** A Jira status category as Jira colours it: grey to do, blue in progress, green done. */
export function statusAppearance(category: StatusCategory): LozengeAppearance {
  switch (category) {
    case 'indeterminate':
      return 'inprogress';
    case 'done':
      return 'success';
    case 'new':
    case 'undefined':
      return 'default';
  }
}
