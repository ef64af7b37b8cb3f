/** Words and numbers as the person reads them, in their locale. */
import type { PlanScope } from '../../../src/contract/plan-view';

export function formatDate(iso: string | null, locale: string | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

export function formatSprintDates(scope: PlanScope, locale: string | undefined): string {
  const start = formatDate(scope.startDate, locale);
  const end = formatDate(scope.endDate, locale);
  if (start && end) return `${start} – ${end}`;
  if (start) return `Starts ${start}`;
  if (end) return `Ends ${end}`;
  return 'No dates set';
}

export function sprintStateWords(state: PlanScope['sprintState']): string {
  switch (state) {
    case 'active':
      return 'Active sprint';
    case 'future':
      return 'Future sprint';
    case 'closed':
      return 'Closed sprint';
    default:
      return state;
  }
}

export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

/** "1 pt", "3 pts", "2.5 pts". */
export function points(value: number): string {
  return `${formatPoints(value)} ${value === 1 ? 'pt' : 'pts'}`;
}
