import type { KeyboardEvent } from 'react';
import type { Connections, ConnectionsView, EvidenceTool } from '../../../../../src/contract/connections-api';

export interface ToolPickerProps {
  view: ConnectionsView;
  draft: Connections;
  tool: EvidenceTool;
  onTool: (tool: EvidenceTool) => void;
}

/** One tab per tool, each saying whether its route is on (in words, not colour alone). */
export function ToolPicker({ view, draft, tool, onTool }: ToolPickerProps) {
  const tools = view.tools.map((each) => each.tool);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tools.indexOf(tool);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tools[(index + step + tools.length) % tools.length];
    if (!next) return;
    onTool(next);
    document.getElementById(`mlc-tool-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="ML tools" className="mlc-tools">
      {view.tools.map((each) => {
        const on = draft.tools[each.tool].enabled;
        return (
          <button
            key={each.tool}
            type="button"
            role="tab"
            id={`mlc-tool-${each.tool}`}
            aria-selected={tool === each.tool}
            aria-controls="mlc-tool-panel"
            tabIndex={tool === each.tool ? 0 : -1}
            className="mlc-tool-tab"
            data-testid={`tool-tab-${each.tool}`}
            onClick={() => onTool(each.tool)}
            onKeyDown={onKeyDown}
          >
            <span className={on ? 'mlc-dot mlc-dot--on' : 'mlc-dot'} aria-hidden="true" />
            <span>{each.name}</span>
            <span className="mlc-tool-state">{on ? 'On' : 'Off'}</span>
          </button>
        );
      })}
    </div>
  );
}
