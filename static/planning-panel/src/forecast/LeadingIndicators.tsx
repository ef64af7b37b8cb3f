import type { LeadingIndicatorsView } from '../../../../src/contract/forecast-view';
import { DefectEscape } from './DefectEscape';
import { LabelingTrend } from './LabelingTrend';

/** The signals that move before the forecast does: labeling throughput and bugs escaping the Definition of Done. */
export function LeadingIndicators({
  indicators,
  laneName,
  locale,
}: {
  indicators: LeadingIndicatorsView;
  laneName: (id: string) => string;
  locale: string | undefined;
}) {
  return (
    <section
      className="mll-fc-panel"
      aria-labelledby="mll-fc-indicators-title"
      data-testid="leading-indicators"
    >
      <h3 className="mll-fc-subtitle" id="mll-fc-indicators-title">
        Leading indicators
      </h3>
      <LabelingTrend labeling={indicators.labelingThroughput} laneName={laneName} locale={locale} />
      <DefectEscape rate={indicators.defectEscapeRate} locale={locale} />
    </section>
  );
}
