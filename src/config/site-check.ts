import type { ConfigProblem } from './parse';
import type { MlLanesConfig } from './schema';

/**
 * What the schema cannot know: whether the fields a configuration names exist on this site. A field is named by
 * its id or its display name (case-insensitive), as the Definition of Done and the rules look it up.
 */
export function unknownFieldProblems(
  config: MlLanesConfig,
  siteFields: readonly { id: string; name: string }[],
): ConfigProblem[] {
  const known = new Set(siteFields.flatMap((field) => [field.id, field.name.trim().toLowerCase()]));
  const exists = (idOrName: string) => known.has(idOrName.trim()) || known.has(idOrName.trim().toLowerCase());
  const problems: ConfigProblem[] = [];
  for (const [lane, template] of Object.entries(config.dod)) {
    template.items.forEach((item, index) => {
      if (item.kind === 'auto' && !exists(item.field)) {
        problems.push({
          path: `dod.${lane}.items[${index}].field`,
          message: `no field "${item.field}" on this site`,
        });
      }
    });
  }
  config.rules.forEach((rule, index) => {
    if (rule.kind !== 'conditions') return;
    rule.conditions.forEach((condition, conditionIndex) => {
      if (
        condition.field === 'customField' &&
        'fieldId' in condition &&
        condition.fieldId &&
        !exists(condition.fieldId)
      ) {
        problems.push({
          path: `rules[${index}].conditions[${conditionIndex}].fieldId`,
          message: `no field "${condition.fieldId}" on this site`,
        });
      }
    });
  });
  return problems;
}
