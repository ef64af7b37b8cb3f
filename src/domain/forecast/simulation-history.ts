import { isoDate, type DayNumber, type SiteCalendar } from './days';
import type { LaneHistory } from './lane-history';
import type { SimulationHistory } from './monte-carlo';

/** The lane history in the simulation's terms: per lane its column of the joint daily-throughput matrix. */
export function toSimulationHistory(laneHistory: LaneHistory): SimulationHistory {
  const throughput: Record<string, number[]> = {};
  const cycleTimes: Record<string, readonly number[]> = {};
  laneHistory.laneIds.forEach((lane, column) => {
    throughput[lane] = laneHistory.dailyDone.map((row) => row[column] ?? 0);
  });
  for (const samples of laneHistory.lanes) cycleTimes[samples.lane] = samples.cycleTimes;
  return { days: laneHistory.days, lanes: laneHistory.laneIds, throughput, cycleTimes };
}

/** The first `count` working days from `first` on (inclusive), as YYYY-MM-DD; none when the week has no working day. */
export function workingDates(calendar: SiteCalendar, first: DayNumber, count: number): string[] {
  const dates: string[] = [];
  // A week without working days must not loop forever: every working day turns up within 7 days of the last.
  for (let day = first, lastFound = first; dates.length < count && day - lastFound <= 7; day++) {
    if (calendar.isWorkingDay(day)) {
      dates.push(isoDate(day));
      lastFound = day;
    }
  }
  return dates;
}
