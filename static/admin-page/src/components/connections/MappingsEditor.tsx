import { useId } from 'react';
import Button from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import type {
  EvidenceField,
  EvidenceFieldOption,
  FieldMapping,
  ToolConnectionView,
  ToolSettings,
} from '../../../../../src/contract/connections-api';
import { move, removeAt, replaceAt } from '../../model/edit';
import { RowActions } from '../common';
import { AnchorProblems, SelectField, TextField, useEditable } from '../controls';

export interface MappingsEditorProps {
  tool: ToolConnectionView;
  settings: ToolSettings;
  fields: EvidenceFieldOption[];
  onChange: (settings: ToolSettings) => void;
  /** The tool's path in the document (`tools.wandb`), for problems. */
  base: string;
}

/** Which value of a delivery lands in which ML field ("metrics.val_acc → ML holdout accuracy"). */
export function MappingsEditor({ tool, settings, fields, onChange, base }: MappingsEditorProps) {
  const editable = useEditable();
  const headingId = useId();
  const { mappings } = settings;
  const setMappings = (next: FieldMapping[]) => onChange({ ...settings, mappings: next });
  const unusedField = fields.find((field) => !mappings.some((mapping) => mapping.to === field.id));
  const suggestions = tool.offers.map((offer) => offer.from);
  return (
    <div className="mla-setup-group" role="group" aria-labelledby={headingId} data-testid="tool-mappings">
      <h4 className="mlc-subtitle" id={headingId}>
        Field mappings
      </h4>
      <p className="mla-setup-where">
        {tool.name} offers {tool.offers.map((offer) => `${offer.from} (${offer.hint})`).join('; ')}. A
        Definition of Done’s automatic item reads the field by its name, e.g. “
        {fields[0]?.name ?? 'ML holdout accuracy'}”.
      </p>
      <AnchorProblems anchor={`${base}.mappings`} />
      {mappings.length === 0 ? (
        <p className="mll-none">Nothing is mapped: deliveries are logged but write no field.</p>
      ) : (
        <ol className="mla-list">
          {mappings.map((mapping, index) => (
            <li key={index} className="mlc-mapping" data-testid="mapping-row">
              <TextField
                label={index === 0 ? 'Value in the delivery' : `Value ${index + 1} in the delivery`}
                hideLabel={index > 0}
                value={mapping.from}
                onChange={(from) => setMappings(replaceAt(mappings, index, { ...mapping, from }))}
                anchor={`${base}.mappings[${index}].from`}
                suggestions={suggestions}
                mono
                className="mla-grow"
                testId="mapping-from"
              />
              <span className="mlc-arrow" aria-hidden="true">
                →
              </span>
              <SelectField
                label={index === 0 ? 'ML field' : `ML field ${index + 1}`}
                hideLabel={index > 0}
                value={mapping.to}
                options={fields.map((field) => ({ value: field.id, label: field.name }))}
                onChange={(to) =>
                  setMappings(replaceAt(mappings, index, { ...mapping, to: to as EvidenceField }))
                }
                anchor={`${base}.mappings[${index}].to`}
                className="mla-grow"
                testId="mapping-to"
              />
              <RowActions
                what={`mapping ${index + 1}`}
                index={index}
                count={mappings.length}
                onMove={(delta) => setMappings(move(mappings, index, delta))}
                onRemove={() => setMappings(removeAt(mappings, index))}
                testPrefix="mapping"
              />
            </li>
          ))}
        </ol>
      )}
      <div className="mla-add-row">
        <Button
          iconBefore={AddIcon}
          isDisabled={!editable || mappings.length >= 20}
          onClick={() =>
            setMappings([
              ...mappings,
              { from: tool.offers[0]?.from ?? '', to: unusedField?.id ?? 'holdout-accuracy' },
            ])
          }
          testId="add-mapping"
        >
          Add mapping
        </Button>
      </div>
    </div>
  );
}
