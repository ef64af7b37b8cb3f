import { useCallback, useEffect, useRef, useState } from 'react';
import type { ForecastAnswer, ForecastView, WhatIf } from '../../../../src/contract/forecast-view';
import { ResolverErrorView } from '../../../shared/src/States';
import { useResolver } from '../use-resolver';
import { HistoryReadFailedView, ReadingHistory, ReadingTooLong } from './BackgroundHistory';
import { pollDelay, POLL_DEADLINE_MS } from './history-poll';
import { LazyForecastSection } from './LazyForecastSection';
import { LoadingForecast } from './LoadingForecast';

const NO_WHAT_IF: WhatIf = { excludedKeys: [], laneThroughput: {} };

export interface ForecastLoaderProps {
  boardId: number;
  sprintId: number;
  locale: string | undefined;
}

/**
 * Asks for the sprint's forecast, and again with each what-if. While a new answer is computed the last one stays on
 * screen (busy), so the what-if controls keep their state instead of falling back to the skeleton. While the
 * board's history is read in the background it asks again, less and less often, until the forecast is in or a
 * deadline passes.
 */
export function ForecastLoader({ boardId, sprintId, locale }: ForecastLoaderProps) {
  const [whatIf, setWhatIf] = useState<WhatIf>(NO_WHAT_IF);
  const [shown, setShown] = useState<ForecastView | null>(null);
  // Set by "Read the history again" after a failure, for one ask only: a later ask with it would read again.
  const [readAgain, setReadAgain] = useState(false);
  const onAnswer = useCallback((answer: ForecastAnswer) => {
    if (!('background' in answer)) setShown(answer);
    setReadAgain(false);
  }, []);
  const { state, retry } = useResolver(
    'getForecast',
    { boardId, sprintId, whatIf, ...(readAgain ? { refreshHistory: true } : {}) },
    onAnswer,
  );
  const answer = state.status === 'ready' ? state.data : null;
  const reading = answer && 'background' in answer && answer.background.state === 'reading';
  const poll = useHistoryPoll(reading === true, state.status === 'ready' && state.refreshing, retry);

  if (state.status === 'error') {
    return <ResolverErrorView error={state.error} what="the forecast" onRetry={retry} />;
  }
  if (answer && 'background' in answer) {
    if (answer.background.state === 'failed') {
      return <HistoryReadFailedView failed={answer.background} onRetry={() => setReadAgain(true)} />;
    }
    return poll.gaveUp ? (
      <ReadingTooLong onRetry={poll.restart} />
    ) : (
      <ReadingHistory reading={answer.background} locale={locale} />
    );
  }
  const view = answer ?? shown;
  if (view === null) return <LoadingForecast />;
  const busy = state.status !== 'ready' || state.refreshing;
  return <LazyForecastSection view={view} onWhatIfChange={setWhatIf} busy={busy} locale={locale} />;
}

/**
 * While the answer says `reading`, asks again (`ask`) once no ask is `inFlight`: after 2 s, then twice as long each
 * time (at most 30 s), until POLL_DEADLINE_MS after the wait began; then `gaveUp` until `restart`.
 */
function useHistoryPoll(
  reading: boolean,
  inFlight: boolean,
  ask: () => void,
): { gaveUp: boolean; restart: () => void } {
  const [gaveUp, setGaveUp] = useState(false);
  const asked = useRef(0);
  const since = useRef<number | null>(null);
  useEffect(() => {
    if (!reading) {
      asked.current = 0;
      since.current = null;
      return undefined;
    }
    if (gaveUp || inFlight) return undefined;
    since.current ??= Date.now();
    const delay = pollDelay(asked.current);
    if (Date.now() + delay - since.current > POLL_DEADLINE_MS) {
      setGaveUp(true);
      return undefined;
    }
    const timer = setTimeout(() => {
      asked.current += 1;
      ask();
    }, delay);
    return () => clearTimeout(timer);
  }, [reading, inFlight, gaveUp, ask]);
  const restart = useCallback(() => {
    asked.current = 0;
    since.current = null;
    setGaveUp(false);
    ask();
  }, [ask]);
  return { gaveUp, restart };
}
