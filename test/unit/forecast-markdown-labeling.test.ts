import { renderForecastMarkdown } from '../../src/cli/forecast-markdown';
import type { LabelingIssueView } from '../../src/contract/forecast-view';
import { demoForecast } from '../ui/support/forecast-fixture';

const slowLabeling: LabelingIssueView = {
  key: 'CV-101',
  summary: 'Label 1,000,000 images',
  target: 1_000_000,
  targetFrom: 'summary',
  finished: 812,
  countedOn: '2026-11-29',
  method: 'items-per-day',
  itemsPerDay: 2,
  recordedDays: 5,
  daysLeft: null,
  reason: null,
};

describe('the forecast report’s labeling lines', () => {
  it('says an issue forecast in items is not done within the horizon, rather than leaving the days out', () => {
    const report = renderForecastMarkdown({
      ...demoForecast(),
      labeling: { issues: [slowLabeling], note: 'CV-101 was forecast from items labeled per day.' },
    });

    expect(report).toMatch(
      /^- CV-101 Label 1,000,000 images: 812 \/ 1,000,000 items · 2\.0 items\/day · not done within two years at this rate$/m,
    );
  });
});
