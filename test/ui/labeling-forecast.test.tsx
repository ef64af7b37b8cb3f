/** @jest-environment jsdom */
import './support/fake-bridge';
import { cleanup, render, screen } from '@testing-library/react';
import type { LabelingIssueView } from '../../src/contract/forecast-view';
import { LabelingForecast } from '../../static/planning-panel/src/forecast/LabelingForecast';

afterEach(cleanup);

const issue = (key: string, itemsPerDay: number): LabelingIssueView => ({
  key,
  summary: `Label images for ${key}`,
  target: 1000,
  targetFrom: 'summary',
  finished: 100,
  countedOn: '2026-11-27',
  method: 'items-per-day',
  itemsPerDay,
  recordedDays: 5,
  daysLeft: { p50: 20, p85: 25 },
  reason: null,
});

describe('the labeling rows of the forecast', () => {
  it('show a slow rate with one decimal, not rounded to 0, and a fast one in whole items', () => {
    render(
      <LabelingForecast
        labeling={{ issues: [issue('CV-1', 0.4), issue('CV-2', 61.7)], note: 'Both from items per day.' }}
        locale="en"
      />,
    );
    expect(screen.getByText(/100 \/ 1,000 items · 0\.4 items\/day/)).toBeTruthy();
    expect(screen.getByText(/100 \/ 1,000 items · 62 items\/day/)).toBeTruthy();
  });
});
