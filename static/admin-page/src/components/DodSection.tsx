import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Toggle from '@atlaskit/toggle';
import AddIcon from '@atlaskit/icon/core/add';
import type { DodItem, DodRule, DodTemplate, LaneConfig } from '../../../../src/contract/admin-api';
import {
  move,
  newDodItem,
  removeAt,
  replaceAt,
  setDodTemplate,
  withDodKind,
  withDodRuleOp,
} from '../model/edit';
import { AnchorProblems, NumberField, SelectField, TextField, useEditable } from './controls';
import { LaneDot, RowActions, SectionHead, useCatalog } from './common';
import type { SectionProps } from './LanesSection';

const KINDS = [
  { value: 'manual', label: 'Checked by hand' },
  { value: 'auto', label: 'Checked from a field' },
];

const RULE_OPS: { value: DodRule['op']; label: string }[] = [
  { value: 'gte', label: 'is at least (≥)' },
  { value: 'lte', label: 'is at most (≤)' },
  { value: 'not-empty', label: 'is not empty' },
  { value: 'matches', label: 'matches pattern' },
];

/** Each lane's Definition of Done: its checklist, and whether the Done transition waits for it. */
export function DodSection({ config, onChange }: SectionProps) {
  const headingId = useId();
  const laneIds = new Set(config.lanes.map((lane) => lane.id));
  const orphans = Object.keys(config.dod).filter((key) => !laneIds.has(key));
  const seen = new Set<string>();
  return (
    <section className="mla-section" data-testid="section-dod" aria-labelledby={headingId}>
      <SectionHead id={headingId} title="Definition of Done">
        What “done” means in each lane. Items checked from a field are evaluated by ML Lanes; the others are
        ticked by hand on the issue. Enforced templates stop the Done transition while items are unmet.
      </SectionHead>
      <AnchorProblems anchor="dod" />
      <div className="mla-stack">
        {config.lanes.map((lane) => {
          if (seen.has(lane.id)) return null;
          seen.add(lane.id);
          return (
            <DodLane
              key={lane.id}
              lane={lane}
              template={config.dod[lane.id] ?? null}
              onTemplate={(template) => onChange(setDodTemplate(config, lane.id, template))}
            />
          );
        })}
        {orphans.map((key) => (
          <div key={key} className="mla-card mla-orphan" data-testid="dod-orphan" data-lane={key}>
            <div className="mla-card-main">
              <p className="mla-orphan-text">
                A Definition of Done for <code>{key}</code>, a lane that does not exist.
              </p>
              <OrphanRemove
                onRemove={() => onChange(setDodTemplate(config, key, null))}
                what={`the template of ${key}`}
              />
            </div>
            <AnchorProblems anchor={`dod.${key}`} />
          </div>
        ))}
      </div>
    </section>
  );
}

export function OrphanRemove({ onRemove, what }: { onRemove: () => void; what: string }) {
  const editable = useEditable();
  return (
    <Button appearance="subtle" onClick={onRemove} isDisabled={!editable} aria-label={`Remove ${what}`}>
      Remove
    </Button>
  );
}

function DodLane({
  lane,
  template,
  onTemplate,
}: {
  lane: LaneConfig;
  template: DodTemplate | null;
  onTemplate: (template: DodTemplate | null) => void;
}) {
  const editable = useEditable();
  const toggleId = useId();
  const headingId = useId();
  const base = `dod.${lane.id}`;
  const name = lane.name || lane.id;
  return (
    <section
      className="mla-card mla-dod"
      data-testid="dod-lane"
      data-lane={lane.id}
      aria-labelledby={headingId}
    >
      <div className="mla-dod-head">
        <h3 className="mla-card-title" id={headingId}>
          <LaneDot color={lane.color} />
          {name}
        </h3>
        {template && (
          <div className="mla-toggle">
            <Toggle
              id={toggleId}
              isChecked={template.enforce ?? false}
              isDisabled={!editable}
              onChange={(event) => onTemplate({ ...template, enforce: event.target.checked })}
              testId="dod-enforce"
            />
            <label htmlFor={toggleId}>Enforce at the Done transition</label>
          </div>
        )}
      </div>
      <AnchorProblems anchor={base} />
      <AnchorProblems anchor={`${base}.enforce`} />
      {!template ? (
        <div className="mla-dod-empty">
          <span className="mla-subtle">No Definition of Done for this lane.</span>
          <Button
            spacing="compact"
            iconBefore={AddIcon}
            isDisabled={!editable}
            onClick={() => onTemplate({ enforce: false, items: [] })}
            testId="dod-create"
          >
            Add a Definition of Done
          </Button>
        </div>
      ) : (
        <>
          {template.items.length === 0 ? (
            <p className="mla-subtle mla-dod-none">No items yet: every issue in this lane counts as done.</p>
          ) : (
            <ol className="mla-dod-items">
              {template.items.map((item, index) => (
                <DodItemRow
                  key={index}
                  item={item}
                  index={index}
                  count={template.items.length}
                  base={`${base}.items[${index}]`}
                  laneName={name}
                  onItem={(next) =>
                    onTemplate({ ...template, items: replaceAt(template.items, index, next) })
                  }
                  onMove={(delta) => onTemplate({ ...template, items: move(template.items, index, delta) })}
                  onRemove={() => onTemplate({ ...template, items: removeAt(template.items, index) })}
                />
              ))}
            </ol>
          )}
          <div className="mla-add-row">
            <Button
              spacing="compact"
              iconBefore={AddIcon}
              isDisabled={!editable}
              onClick={() => onTemplate({ ...template, items: [...template.items, newDodItem(template)] })}
              testId="dod-add-item"
            >
              Add item
            </Button>
            <Button
              spacing="compact"
              appearance="subtle"
              isDisabled={!editable}
              onClick={() => onTemplate(null)}
              testId="dod-remove-template"
            >
              Remove this Definition of Done
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function DodItemRow({
  item,
  index,
  count,
  base,
  laneName,
  onItem,
  onMove,
  onRemove,
}: {
  item: DodItem;
  index: number;
  count: number;
  base: string;
  laneName: string;
  onItem: (item: DodItem) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const catalog = useCatalog();
  const what = `item ${item.label.trim() || index + 1} of ${laneName}`;
  return (
    <li className="mla-dod-item" data-testid="dod-item" data-id={item.id}>
      <div className="mla-dod-line">
        <TextField
          label="Item"
          value={item.label}
          placeholder="e.g. Model card published"
          onChange={(label) => onItem({ ...item, label })}
          anchor={`${base}.label`}
          testId="dod-item-label"
        />
        <SelectField
          label="Checked"
          value={item.kind}
          options={KINDS}
          onChange={(kind) => onItem(withDodKind(item, kind as DodItem['kind']))}
          anchor={`${base}.kind`}
          testId="dod-item-kind"
        />
        <RowActions
          what={what}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          testPrefix="dod-item"
        />
      </div>
      <div className="mla-dod-detail">
        {item.kind === 'auto' && (
          <>
            <TextField
              label="Field"
              value={item.field}
              placeholder="Field name or id"
              onChange={(field) => onItem({ ...item, field })}
              anchor={`${base}.field`}
              suggestions={catalog.fields.map((field) => field.name)}
              className="mla-grow"
              testId="dod-item-field"
            />
            <SelectField
              label="Rule"
              value={item.rule.op}
              options={RULE_OPS}
              onChange={(op) => onItem({ ...item, rule: withDodRuleOp(item.rule, op as DodRule['op']) })}
              testId="dod-item-op"
            />
            {(item.rule.op === 'gte' || item.rule.op === 'lte') && (
              <NumberField
                label="Value"
                value={item.rule.value}
                onChange={(value) =>
                  onItem({
                    ...item,
                    rule: { op: (item.rule as { op: 'gte' | 'lte' }).op, value: value ?? Number.NaN },
                  })
                }
                anchor={`${base}.rule`}
                placeholder="0.95"
                testId="dod-item-value"
              />
            )}
            {item.rule.op === 'matches' && (
              <TextField
                label="Pattern"
                value={item.rule.pattern}
                onChange={(pattern) => onItem({ ...item, rule: { op: 'matches', pattern } })}
                anchor={`${base}.rule`}
                mono
                placeholder="Regular expression"
                testId="dod-item-pattern"
              />
            )}
          </>
        )}
        <TextField
          label="ID"
          value={item.id}
          onChange={(id) => onItem({ ...item, id })}
          anchor={`${base}.id`}
          mono
          className="mla-item-id"
        />
      </div>
      {item.kind === 'auto' &&
        item.rule.op !== 'gte' &&
        item.rule.op !== 'lte' &&
        item.rule.op !== 'matches' && <AnchorProblems anchor={`${base}.rule`} />}
      <AnchorProblems anchor={base} />
    </li>
  );
}
