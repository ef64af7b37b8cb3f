import type { LabelingForecastView, LabelingIssueView } from '../../../../src/contract/forecast-view';
import { plural } from '../../../shared/src/format';
import { KeyLink } from '../../../shared/src/KeyLink';
import { formatNumber } from './forecast-format';

/**
 * The data lane's labeling issues in their own units: items labeled against the target, items per working day from
 * Label Studio's counters, and the working days of labeling left; the note says which were forecast that way.
 */
export function LabelingForecast({
  labeling,
  locale,
}: {
  labeling: LabelingForecastView;
  locale: string | undefined;
}) {
  return (
    <section
      className="mll-fc-panel mll-fc-labeling"
      aria-labelledby="mll-fc-labeling-title"
      data-testid="labeling-forecast"
    >
      <h3 className="mll-fc-subtitle" id="mll-fc-labeling-title">
        Labeling in items
      </h3>
      <p className="mll-section-note" data-testid="labeling-note">
        {labeling.note} Days are working days; items per day come from Label Studio's counters.
      </p>
      <ul className="mll-fc-rows">
        {labeling.issues.map((issue) => (
          <li key={issue.key} className="mll-fc-row" data-testid="labeling-issue" data-key={issue.key}>
            <KeyLink issueKey={issue.key} />
            <span className="mll-fc-row-summary" title={issue.summary}>
              {issue.summary}
            </span>
            <span className="mll-fc-row-meta">{labelingLine(issue, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "812 / 1,000 items · 62 items/day · ~4 days left". */
export function labelingLine(issue: LabelingIssueView, locale: string | undefined): string {
  const count = (value: number) => formatNumber(value, locale, 0);
  const parts = [
    issue.target === null
      ? `${count(issue.finished)} items`
      : `${count(issue.finished)} / ${count(issue.target)} items`,
  ];
  // Whole items a day from ten up; below that one decimal, so a slow 0.4 a day does not read as 0 (as in the CLI).
  const perDay = (value: number) => formatNumber(value, locale, value >= 10 ? 0 : 1);
  if (issue.itemsPerDay !== null) parts.push(`${perDay(issue.itemsPerDay)} items/day`);
  if (issue.method === 'items-per-day') {
    const left = issue.daysLeft;
    if (left === null) parts.push('not done within two years at this rate');
    else if (left.p50 === 0) parts.push('target reached');
    else
      parts.push(
        left.p85 > left.p50
          ? `~${plural(left.p50, 'day')} left (85%: ${left.p85})`
          : `~${plural(left.p50, 'day')} left`,
      );
  } else {
    parts.push(`forecast from the lane's history: ${issue.reason ?? 'too little to go on'}`);
  }
  return parts.join(' · ');
}
