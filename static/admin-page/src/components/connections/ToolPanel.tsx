import { useId } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Toggle from '@atlaskit/toggle';
import type { EvidenceTool, ToolSettings } from '../../../../../src/contract/connections-api';
import type { ConnectionsModel } from '../../hooks/use-connections';
import { AnchorProblems, SelectField, TextField, useEditable } from '../controls';
import { CopyButton } from '../CopyButton';
import { DeliveryLogTable } from './DeliveryLogTable';
import { MappingsEditor } from './MappingsEditor';
import { SecretBox } from './SecretBox';
import { Snippets } from './Snippets';

export interface ToolPanelProps {
  tool: EvidenceTool;
  model: ConnectionsModel;
  locale: string | undefined;
}

/** One tool's connection: its route switch, URL and secret, where it names the issue, mappings, setup, log. */
export function ToolPanel({ tool, model, locale }: ToolPanelProps) {
  const editable = useEditable();
  const toggleId = useId();
  if (model.state.status !== 'ready') return null;
  const { view, draft } = model.state;
  const toolView = view.tools.find((each) => each.tool === tool);
  if (!toolView) return null;
  const settings = draft.tools[tool];
  const base = `tools.${tool}`;
  const set = (next: ToolSettings) => model.edit({ ...draft, tools: { ...draft.tools, [tool]: next } });
  const source =
    toolView.keySources.find((each) => each.place === settings.keySource.place) ?? toolView.keySources[0];
  const savedOn = view.connections.tools[tool].enabled;

  return (
    <div
      className="mlc-panel"
      role="tabpanel"
      id="mlc-tool-panel"
      aria-labelledby={`mlc-tool-${tool}`}
      data-testid={`tool-panel-${tool}`}
    >
      <div className="mlc-panel-head">
        <h3 className="mla-setup-title">{toolView.name}</h3>
        <div className="mla-toggle">
          <Toggle
            id={toggleId}
            isChecked={settings.enabled}
            isDisabled={!editable}
            onChange={(event) => set({ ...settings, enabled: event.target.checked })}
            testId="tool-enabled"
          />
          <label htmlFor={toggleId}>Accept deliveries from {toolView.name}</label>
        </div>
      </div>
      {settings.enabled && !toolView.secret.configured && (
        <SectionMessage appearance="warning" testId="tool-needs-secret">
          <p>Create a secret below: without one, {toolView.name}’s route refuses every delivery.</p>
        </SectionMessage>
      )}
      {settings.enabled !== savedOn && (
        <p className="mla-hint">Save the connections to turn the route {settings.enabled ? 'on' : 'off'}.</p>
      )}

      <div className="mla-setup-group" role="group" aria-label="URL and secret">
        <span className="mla-label">URL to paste into {toolView.name}</span>
        {toolView.url ? (
          <div className="mlc-url-row">
            <code className="mla-setup-jql mlc-url" data-testid="tool-url">
              {toolView.url}
            </code>
            <CopyButton text={toolView.url} what={`the ${toolView.name} URL`} />
          </div>
        ) : (
          <p className="mla-hint" data-testid="tool-url-missing">
            {view.urlProblem}
          </p>
        )}
        {view.canRotateUrl && (
          <div className="mla-preview-run">
            <Button
              spacing="compact"
              onClick={model.rotateUrl}
              isDisabled={model.busy !== null}
              isLoading={model.busy === 'url'}
              testId="rotate-url"
            >
              Replace the URL
            </Button>
            <span className="mla-hint">
              If the URL leaked: the old one stops answering at once, for every tool.
            </span>
          </div>
        )}
        <SecretBox tool={toolView} model={model} locale={locale} />
      </div>

      <div className="mla-setup-group" role="group" aria-label="Where the issue key is read from">
        <h4 className="mlc-subtitle">Where the issue key is read from</h4>
        <div className="mlc-row">
          <SelectField
            label="Place"
            value={settings.keySource.place}
            options={toolView.keySources.map((each) => ({ value: each.place, label: each.label }))}
            onChange={(place) => {
              const chosen = toolView.keySources.find((each) => each.place === place);
              set({
                ...settings,
                keySource: {
                  place: place as typeof settings.keySource.place,
                  ...(chosen?.defaultName ? { name: chosen.defaultName } : {}),
                },
              } as ToolSettings);
            }}
            anchor={`${base}.keySource.place`}
            className="mla-grow"
            testId="key-source-place"
          />
          {source?.nameLabel && (
            <TextField
              label={source.nameLabel}
              value={settings.keySource.name ?? ''}
              onChange={(name) =>
                set({
                  ...settings,
                  keySource: { place: settings.keySource.place, ...(name ? { name } : {}) },
                } as ToolSettings)
              }
              anchor={`${base}.keySource.name`}
              placeholder={source.defaultName ?? ''}
              mono
              testId="key-source-name"
            />
          )}
        </div>
        <p className="mla-hint">
          Exactly one issue key (like ML-123) must be found there, in a project allowed above; anything else
          is refused and logged.
        </p>
        <TextField
          label={`${toolView.name} base URL`}
          value={settings.baseUrl ?? ''}
          onChange={(baseUrl) => {
            const { baseUrl: _old, ...rest } = settings;
            set(baseUrl ? { ...rest, baseUrl } : rest);
          }}
          anchor={`${base}.baseUrl`}
          placeholder={toolView.baseUrlExample}
          hint="Links on the issue are built from this address (https only); a link in a delivery to anywhere else is dropped."
          mono
          className="mlc-base-url"
          testId="tool-base-url"
        />
      </div>

      <MappingsEditor tool={toolView} settings={settings} fields={view.fields} onChange={set} base={base} />
      <AnchorProblems anchor={base} />
      <Snippets tool={toolView} />
      {view.canEdit && <DeliveryLogTable tool={tool} locale={locale} />}
    </div>
  );
}
