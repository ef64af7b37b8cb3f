import type { MonteCarloInput, SimulationHistory } from '../../../src/domain/forecast/monte-carlo';
import type { ForecastItem, ForecastWork } from '../../../src/domain/forecast/model';

/** asOf is Monday 2026-11-02; working days are Monday to Friday, so day 1 is Tuesday 2026-11-03. */
export function dateOfWorkingDay(n: number): string {
  const date = new Date(Date.UTC(2026, 10, 2 + Math.floor(n / 5) * 7 + (n % 5)));
  return date.toISOString().slice(0, 10);
}

export function item(
  key: string,
  lane: string | null,
  category: ForecastItem['category'] = 'new',
): ForecastItem {
  return { key, lane, storyPoints: null, category, startedAt: null };
}

export function work(
  items: ForecastItem[],
  links: [upstream: string, downstream: string][] = [],
  criticalChain: string[] = [],
): ForecastWork {
  return {
    sprintId: 7,
    sprintName: 'Sprint 7',
    sprintState: 'active',
    startDate: '2026-11-02',
    endDate: '2026-11-13',
    items,
    dependencies: links.map(([upstream, downstream]) => ({ upstream, downstream })),
    criticalChain,
  };
}

/** Per lane its daily throughput (all rows as long as each other) and optional cycle times. */
export function history(
  lanes: Record<string, { throughput?: number[]; cycleTimes?: number[] }>,
): SimulationHistory {
  const rows = Object.values(lanes).flatMap((lane) => (lane.throughput ? [lane.throughput.length] : []));
  const days = Array.from({ length: rows[0] ?? 0 }, (_, day) =>
    new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
  );
  const throughput: Record<string, number[]> = {};
  const cycleTimes: Record<string, number[]> = {};
  for (const [lane, { throughput: row, cycleTimes: samples }] of Object.entries(lanes)) {
    if (row) throughput[lane] = row;
    if (samples) cycleTimes[lane] = samples;
  }
  return { days, lanes: Object.keys(lanes), throughput, cycleTimes };
}

/** `ones` days with one item done and `zeros` without, interleaved evenly (the order does not matter to a draw). */
export function bernoulliRow(ones: number, zeros: number): number[] {
  const row: number[] = [];
  for (let day = 0; day < ones + zeros; day++)
    row.push(Math.floor(((day + 1) * ones) / (ones + zeros)) - Math.floor((day * ones) / (ones + zeros)));
  return row;
}

export const always = (count: number, days = 30): number[] => new Array<number>(days).fill(count);

export function input(
  overrides: Partial<MonteCarloInput> & Pick<MonteCarloInput, 'work' | 'history'>,
): MonteCarloInput {
  return { seed: 42, dateOfWorkingDay, sprintEnd: '2026-11-13', ...overrides };
}
