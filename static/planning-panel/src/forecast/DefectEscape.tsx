import type { LeadingIndicatorsView } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { formatNumber } from './forecast-format';

/** Bugs that escaped the Definition of Done: linked to or created under work done in the window. */
export function DefectEscape({
  rate,
  locale,
}: {
  rate: LeadingIndicatorsView['defectEscapeRate'];
  locale: string | undefined;
}) {
  if (!rate) return null;
  return (
    <p className="mll-fc-line" data-testid="defect-escape">
      <strong>Defect escape:</strong> {plural(rate.defects, 'bug')} on {plural(rate.doneIssues, 'done issue')}{' '}
      ({formatNumber(rate.rate, locale, 2)} per done issue)
    </p>
  );
}
