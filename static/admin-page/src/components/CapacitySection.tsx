import { useId } from 'react';
import { setCapacity, type CapacityValues } from '../model/edit';
import { AnchorProblems, NumberField } from './controls';
import { LaneDot, SectionHead } from './common';
import { OrphanRemove } from './DodSection';
import type { SectionProps } from './LanesSection';

/** Per lane: story points per sprint and a WIP limit; empty means no limit. */
export function CapacitySection({ config, onChange }: SectionProps) {
  const headingId = useId();
  const laneIds = new Set(config.lanes.map((lane) => lane.id));
  const orphans = Object.keys(config.capacity).filter((key) => !laneIds.has(key));
  const seen = new Set<string>();
  const values = (lane: string): CapacityValues => ({
    storyPoints: config.capacity[lane]?.storyPoints ?? null,
    wipLimit: config.capacity[lane]?.wipLimit ?? null,
  });
  return (
    <section className="mla-section" data-testid="section-capacity" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="Capacity">
        How much each lane can take on. The planning panel flags a lane over its story points per sprint or
        over its WIP limit (issues in progress at once). Leave a box empty for no limit.
      </SectionHead>
      <AnchorProblems anchor="capacity" />
      <table className="mla-table mla-capacity">
        <thead>
          <tr>
            <th scope="col">Lane</th>
            <th scope="col">Story points per sprint</th>
            <th scope="col">WIP limit</th>
          </tr>
        </thead>
        <tbody>
          {config.lanes.map((lane) => {
            if (seen.has(lane.id)) return null;
            seen.add(lane.id);
            const current = values(lane.id);
            const name = lane.name || lane.id;
            return (
              <tr key={lane.id} data-testid="capacity-row" data-lane={lane.id}>
                <th scope="row">
                  <span className="mla-lane-name">
                    <LaneDot color={lane.color} />
                    {name}
                  </span>
                  <AnchorProblems anchor={`capacity.${lane.id}`} />
                </th>
                <td>
                  <NumberField
                    label={`Story points per sprint for ${name}`}
                    hideLabel
                    value={current.storyPoints}
                    placeholder="No limit"
                    onChange={(storyPoints) =>
                      onChange(setCapacity(config, lane.id, { ...current, storyPoints }))
                    }
                    anchor={`capacity.${lane.id}.storyPoints`}
                    testId="capacity-points"
                  />
                </td>
                <td>
                  <NumberField
                    label={`WIP limit for ${name}`}
                    hideLabel
                    value={current.wipLimit}
                    placeholder="No limit"
                    onChange={(wipLimit) => onChange(setCapacity(config, lane.id, { ...current, wipLimit }))}
                    anchor={`capacity.${lane.id}.wipLimit`}
                    testId="capacity-wip"
                  />
                </td>
              </tr>
            );
          })}
          {orphans.map((key) => (
            <tr key={key} data-testid="capacity-orphan" data-lane={key}>
              <th scope="row">
                <code>{key}</code> (no such lane)
                <AnchorProblems anchor={`capacity.${key}`} />
              </th>
              <td colSpan={2}>
                <OrphanRemove
                  what={`the capacity of ${key}`}
                  onRemove={() => onChange(setCapacity(config, key, { storyPoints: null, wipLimit: null }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
