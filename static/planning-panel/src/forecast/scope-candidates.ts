/**
 * The issues the what-if can take out of scope: the critical chain's and the aging ones first (the issues that move
 * the finish date), then the rest of the sprint's unfinished work in rank order, plus any already taken out, so
 * that each can be put back even after the forecast stops naming it.
 */
import type { ForecastView, WhatIf } from '../../../../src/contract/forecast-view';

export interface ScopeCandidate {
  key: string;
  summary: string | null;
  onCriticalChain: boolean;
  aging: boolean;
}

export function scopeCandidates(view: ForecastView, whatIf: WhatIf): ScopeCandidate[] {
  const candidates = new Map<string, ScopeCandidate>();
  const add = (key: string): ScopeCandidate => {
    let found = candidates.get(key);
    if (!found) {
      found = { key, summary: null, onCriticalChain: false, aging: false };
      candidates.set(key, found);
    }
    return found;
  };
  for (const key of view.forecast?.criticalChain.keys ?? []) add(key).onCriticalChain = true;
  for (const issue of view.indicators.agingWork) {
    const candidate = add(issue.key);
    candidate.aging = true;
    candidate.summary = issue.summary;
  }
  for (const issue of view.remainingWork) add(issue.key);
  for (const key of [...view.whatIf.excludedKeys, ...whatIf.excludedKeys]) add(key);
  const summaries = new Map(view.remainingWork.map((issue) => [issue.key, issue.summary]));
  for (const candidate of candidates.values()) candidate.summary ??= summaries.get(candidate.key) ?? null;
  return [...candidates.values()];
}
