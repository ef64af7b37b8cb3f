import { useId } from 'react';
import type { ToolConnectionView } from '../../../../../src/contract/connections-api';
import { CopyButton } from '../CopyButton';

/** What to paste into the tool, built by the server from the saved settings and the URL; never the secret. */
export function Snippets({ tool }: { tool: ToolConnectionView }) {
  const headingId = useId();
  return (
    <div className="mla-setup-group" role="group" aria-labelledby={headingId} data-testid="tool-snippets">
      <h4 className="mlc-subtitle" id={headingId}>
        Set up {tool.name}
      </h4>
      <p className="mla-setup-where">Built from the saved settings: save first if you changed them.</p>
      <ul className="mla-setup-list">
        {tool.snippets.map((snippet) => (
          <li key={snippet.id} className="mla-setup-item" data-testid="snippet" data-snippet-id={snippet.id}>
            <div className="mla-setup-item-head">
              <span className="mla-setup-name">{snippet.title}</span>
              <CopyButton text={snippet.text} what={snippet.title.toLowerCase()} />
            </div>
            <p className="mla-setup-where">{snippet.where}</p>
            <pre className="mlc-code" data-language={snippet.language} data-testid="snippet-text">
              <code>{snippet.text}</code>
            </pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
