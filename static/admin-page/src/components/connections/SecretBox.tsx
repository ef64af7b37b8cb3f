import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { ToolConnectionView } from '../../../../../src/contract/connections-api';
import { formatDateTime } from '../../format';
import type { ConnectionsModel } from '../../hooks/use-connections';
import { CopyButton } from '../CopyButton';

export interface SecretBoxProps {
  tool: ToolConnectionView;
  model: ConnectionsModel;
  locale: string | undefined;
}

/**
 * The tool's secret: whether one is set and since when; create or rotate it. A new secret is shown here once, in
 * a copy box, until the admin says they have copied it: ML Lanes cannot show it again.
 */
export function SecretBox({ tool, model, locale }: SecretBoxProps) {
  const canEdit = model.state.status === 'ready' && model.state.view.canEdit;
  const issued = model.issued?.tool === tool.tool ? model.issued : null;
  const busy = typeof model.busy === 'object' && model.busy !== null && model.busy.secret === tool.tool;
  const { configured, createdAt } = tool.secret;
  return (
    <div className="mlc-secret" data-testid="tool-secret">
      <div className="mla-setup-item-head">
        <span className="mla-label">Secret</span>
        <span data-testid="secret-status" data-configured={configured}>
          {configured ? (
            <Lozenge appearance="success">Set {formatDateTime(createdAt, locale) ?? ''}</Lozenge>
          ) : (
            <Lozenge appearance="moved">Not set</Lozenge>
          )}
        </span>
        {canEdit && (
          <Button
            spacing="compact"
            appearance={configured ? 'default' : 'primary'}
            onClick={() => model.issueSecret(tool.tool, configured)}
            isDisabled={model.busy !== null}
            isLoading={busy}
            testId={configured ? 'rotate-secret' : 'create-secret'}
          >
            {configured ? 'Rotate secret' : 'Create secret'}
          </Button>
        )}
      </div>
      {configured && !issued && (
        <p className="mla-hint">
          Rotating makes a new secret and the old one stops working at once: paste the new one into{' '}
          {tool.name} straight away.
        </p>
      )}
      {issued && (
        <SectionMessage
          appearance="warning"
          title="Copy the secret now: it will not be shown again"
          testId="issued-secret"
          actions={
            <Button onClick={model.forgetIssued} testId="secret-copied">
              I have copied it
            </Button>
          }
        >
          <p>
            Paste it into {tool.name} (see the setup below). ML Lanes keeps it in Forge’s secret storage and
            never shows it again.
          </p>
          <div className="mlc-url-row">
            <code className="mla-setup-jql mlc-secret-value" data-testid="secret-value">
              {issued.secret}
            </code>
            <CopyButton text={issued.secret} what={`the ${tool.name} secret`} />
          </div>
        </SectionMessage>
      )}
    </div>
  );
}
