import type { LabelingForecastView, LabelingIssueView } from '../../contract/forecast-view';
import { currentValue, type EvidenceHistory } from '../evidence/evidence-history';
import { parseLabelingTarget } from '../labeling-target';
import { daysLeft, labelingRates, remainingDaysSamples } from './labeling-throughput';
import { SeededRandom } from './rng';

/*
 * Which data-lane issues the forecast takes in items per day: those whose evidence history holds Label Studio's
 * counters on at least two days (up to the forecast's instant) and that have a target: the summary's count
 * ("Label 1,000 images"), else the "ML items target" evidence field, else the project's total tasks. The rest with
 * counters keep the lane's usual sampling, and the view says why.
 */

export interface LabelingCandidate {
  key: string;
  summary: string;
}

export interface LabelingEstimates {
  /** Key → remaining working days per sample, for the Monte Carlo (items-per-day issues only). */
  samples: Map<string, number[]>;
  /** Null when no candidate carries counters. */
  view: LabelingForecastView | null;
}

/** Keeps the labeling draws apart from the trials' own stream, which starts from the same seed. */
const STREAM = 0x6c61626c;

/** Candidates in rank order; `evidence` holds the issues' stored histories by key. */
export function labelingEstimates(
  candidates: readonly LabelingCandidate[],
  evidence: ReadonlyMap<string, EvidenceHistory>,
  options: { workingDays: readonly number[]; seed: number; horizon: number; asOf: string },
): LabelingEstimates {
  const random = new SeededRandom((options.seed ^ STREAM) >>> 0);
  const samples = new Map<string, number[]>();
  const issues: LabelingIssueView[] = [];
  const asOf = Date.parse(options.asOf);
  for (const { key, summary } of candidates) {
    const history = evidence.get(key);
    // A forecast as of an earlier instant (a backtest's --as-of) must not see counters from after it.
    const days = (history?.labeling ?? []).filter((day) => Date.parse(day.eventTime) <= asOf);
    const newest = days[0];
    if (!history || !newest) continue;
    const { target, targetFrom } = targetOf(summary, history, newest.totalTasks);
    const rates = labelingRates(days, options.workingDays);
    const base = {
      key,
      summary,
      target,
      targetFrom,
      finished: newest.finishedTasks,
      countedOn: newest.day,
      itemsPerDay: rates?.itemsPerDay ?? null,
      recordedDays: rates?.recordedDays ?? days.length,
    };
    const fallback = (reason: string): LabelingIssueView => ({
      ...base,
      method: 'lane-history',
      daysLeft: null,
      reason,
    });
    if (target === null) {
      issues.push(
        fallback(
          'no target: the summary names no count, and neither the ML items target field nor the project has one',
        ),
      );
    } else if (!rates) {
      issues.push(
        fallback(
          days.length < 2
            ? `only one day of Label Studio counters (${newest.day}); two are needed for items per day`
            : 'the counters only went down between the recorded days',
        ),
      );
    } else if (rates.itemsPerDay === 0) {
      issues.push(fallback('no items were labeled between the recorded days'));
    } else {
      const drawn = remainingDaysSamples(
        Math.max(0, target - newest.finishedTasks),
        rates.perDay,
        random,
        options.horizon,
      );
      samples.set(key, drawn);
      const left = daysLeft(drawn);
      issues.push({
        ...base,
        method: 'items-per-day',
        daysLeft: Number.isFinite(left.p85) ? left : null,
        reason: null,
      });
    }
  }
  return { samples, view: issues.length === 0 ? null : { issues, note: labelingNote(issues) } };
}

/** The summary's count, else the "ML items target" field's, else the Label Studio project's total tasks. */
function targetOf(
  summary: string,
  history: EvidenceHistory,
  totalTasks: number,
): Pick<LabelingIssueView, 'target' | 'targetFrom'> {
  const fromSummary = parseLabelingTarget(summary);
  if (fromSummary !== null) return { target: fromSummary, targetFrom: 'summary' };
  const field = currentValue(history, 'items-target');
  if (typeof field === 'number' && Number.isInteger(field) && field > 0) {
    return { target: field, targetFrom: 'evidence-field' };
  }
  if (totalTasks > 0) return { target: totalTasks, targetFrom: 'label-studio' };
  return { target: null, targetFrom: null };
}

/** "CV-101 and CV-120 were forecast from items labeled per day; CV-130 from the lane's usual sampling (…)". */
function labelingNote(issues: readonly LabelingIssueView[]): string {
  const fromItems = issues.filter((issue) => issue.method === 'items-per-day').map((issue) => issue.key);
  const fallbacks = issues.filter((issue) => issue.method === 'lane-history');
  const parts: string[] = [];
  if (fromItems.length > 0) {
    parts.push(
      `${list(fromItems)} ${fromItems.length === 1 ? 'was' : 'were'} forecast from items labeled per day`,
    );
  }
  for (const issue of fallbacks) {
    parts.push(`${issue.key} from the lane's usual sampling: ${issue.reason ?? 'too little to go on'}`);
  }
  return `${parts.join('; ')}.`;
}

function list(keys: readonly string[]): string {
  if (keys.length <= 1) return keys.join('');
  return `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)!}`;
}
