/**
 * Forecasting in the domain's own words. The Jira adapter turns a board's changelogs into a `BoardHistory`;
 * the domain derives each lane's history from it (`lane-history.ts`), checks capacity, and simulates the sprint's
 * remaining work (`monte-carlo.ts`). Instants are ISO 8601 strings; days are calendar days in `timeZone`.
 * Nothing here knows Jira's field ids, paging or changelog shapes.
 */

/** Jira's status categories, as the changelog's statuses map onto them ('undefined' is read as 'new'). */
export type WorkCategory = 'new' | 'indeterminate' | 'done';

export interface CategoryChange {
  at: string;
  category: WorkCategory;
}

/** A span during which the issue carried Jira's Flagged (impediment) marker; `to` is null while it still does. */
export interface FlaggedSpan {
  from: string;
  to: string | null;
}

/** One issue's past, as its changelog tells it. */
export interface IssueHistory {
  key: string;
  /** The lane the current configuration gives it; null when no rule classifies it. */
  lane: string | null;
  issueType: string;
  created: string;
  /**
   * Status-category changes, oldest first. The first entry is the category it was created in, at `created`
   * (taken from the first status change's `from`, or its current status when it never moved).
   */
  categories: readonly CategoryChange[];
  flagged: readonly FlaggedSpan[];
  /** Story points now (null: unestimated). */
  storyPoints: number | null;
  /** Every sprint the issue has been in, by id. */
  sprintIds: readonly number[];
  /** Keys of the issues that must finish before it (its upstream handoffs), by the configured link types. */
  upstreamKeys: readonly string[];
  /** Bugs linked to it or created under it, for the defect escape rate. */
  defects: readonly { key: string; created: string }[];
}

export interface ClosedSprint {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  /** When it was closed; the sprint's work is judged at this instant. */
  completeDate: string;
}

/** What the forecast learns from: a board's recent past. */
export interface BoardHistory {
  /** The site's time zone (IANA name, e.g. "Europe/Berlin"): a "day" is a calendar day there. */
  timeZone: string;
  /** Working days as ISO weekdays (1 = Monday … 7 = Sunday); Monday to Friday unless configured. */
  workingDays: readonly number[];
  /** The window the history covers: issues done in [from, to) and their changelogs. */
  window: { from: string; to: string };
  lanes: readonly string[];
  closedSprints: readonly ClosedSprint[];
  issues: readonly IssueHistory[];
  /** What could not be read (issues whose changelog was missing, pages cut short), in words. */
  warnings: readonly string[];
}

/** One unfinished (or finished) piece of the sprint being forecast. */
export interface ForecastItem {
  key: string;
  lane: string | null;
  storyPoints: number | null;
  category: WorkCategory;
  /** When it first moved into progress (for aging work), or null when it has not started. */
  startedAt: string | null;
}

/** The sprint to forecast: its work, its dependencies (`upstream` must finish before `downstream`), its dates. */
export interface ForecastWork {
  sprintId: number;
  sprintName: string;
  sprintState: 'active' | 'future' | 'closed';
  startDate: string | null;
  endDate: string | null;
  items: readonly ForecastItem[];
  dependencies: readonly { upstream: string; downstream: string }[];
  /** The sprint's longest chain of unfinished dependencies, upstream first (from the plan). */
  criticalChain: readonly string[];
}
