import type { BacktestView } from '../../../../src/contract/forecast-view';
import { formatNumber } from './forecast-format';

/** How accurate the forecast has been on this very board, or that nobody has measured it yet. */
export function BacktestLine({
  backtest,
  locale,
}: {
  backtest: BacktestView | null;
  locale: string | undefined;
}) {
  if (!backtest) {
    return (
      <p className="mll-fc-quiet" data-testid="forecast-backtest">
        Accuracy on this board: not measured yet (no backtest).
      </p>
    );
  }
  return (
    <p className="mll-fc-backtest" data-testid="forecast-backtest">
      <span>{capitalise(backtest.sentence)}.</span>{' '}
      <span
        className="mll-fc-quiet"
        title="Brier score of the chance of finishing by the sprint's end: 0 is perfect, 0.25 is a coin toss"
      >
        Brier score {formatNumber(backtest.brierScore, locale, 2)} (0 is perfect, 0.25 a coin toss)
      </span>
    </p>
  );
}

function capitalise(sentence: string): string {
  const trimmed = sentence.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
