import type { IssueView } from '../contract/plan-view';

/**
 * What JQL searches for an issue's Definition of Done (indexed from the `ml-lanes-dod` property):
 * `issue.property[ml-lanes-dod].complete = "no" AND issue.property[ml-lanes-dod].lane = "data"`.
 */
export interface DodSummary {
  met: number;
  total: number;
  /** "yes" or "no": a string so that JQL can ask `= "no"`. An issue with nothing to meet is complete. */
  complete: 'yes' | 'no';
  /** The lane's id, or "" for an issue in no lane. */
  lane: string;
}

/** The summary of an issue as planned (its lane decided, its Definition of Done evaluated with its ticks). */
export function dodSummary(issue: Pick<IssueView, 'lane' | 'dod'>): DodSummary {
  return {
    met: issue.dod.met,
    total: issue.dod.total,
    complete: issue.dod.met === issue.dod.total ? 'yes' : 'no',
    lane: issue.lane ?? '',
  };
}
