/**
 * The forecast's lanes in one list: a lane may appear in the capacity check, the history and the simulation
 * (or only some of them), and each part names it. Order: the capacity check's (the configuration's order).
 */
import type {
  ForecastView,
  LaneCapacityView,
  LaneForecastView,
  LaneHistoryView,
} from '../../../../src/contract/forecast-view';

export interface ForecastLane {
  id: string;
  name: string;
  capacity: LaneCapacityView | null;
  history: LaneHistoryView | null;
  forecast: LaneForecastView | null;
}

export function forecastLanes(view: ForecastView): ForecastLane[] {
  const lanes = new Map<string, ForecastLane>();
  const lane = (id: string, name: string): ForecastLane => {
    let found = lanes.get(id);
    if (!found) {
      found = { id, name, capacity: null, history: null, forecast: null };
      lanes.set(id, found);
    }
    return found;
  };
  for (const capacity of view.capacity) lane(capacity.lane, capacity.laneName).capacity = capacity;
  for (const history of view.history.lanes) lane(history.lane, history.laneName).history = history;
  for (const forecast of view.forecast?.lanes ?? [])
    lane(forecast.lane, forecast.laneName).forecast = forecast;
  return [...lanes.values()];
}

/** A lane's name by id, for lists that carry only the id (aging work); the id itself when no part names it. */
export function laneNamer(lanes: ForecastLane[]): (id: string) => string {
  const names = new Map(lanes.map((lane) => [lane.id, lane.name]));
  return (id) => names.get(id) ?? id;
}
