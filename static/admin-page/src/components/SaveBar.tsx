import Button from '@atlaskit/button/new';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import type { ConfigProblemView } from '../../../../src/contract/admin-api';
import type { DraftCheck } from '../model/document';
import { plural } from '../format';

export interface SaveBarProps {
  dirty: boolean;
  /** Unsaved changes, by leaf. */
  changeCount: number;
  /** A project following the site: saving creates its own configuration. */
  followsSite: boolean;
  /** What the server says about the draft on screen (said only while there is something to save). */
  check: DraftCheck;
  canSave: boolean;
  canDiscard: boolean;
  saving: boolean;
  onGoToProblem: (problem: ConfigProblemView) => void;
  onDiscard: () => void;
  onSave: () => void;
}

/** What is unsaved, whether it can be saved (and if not, why), and the buttons to save or discard it. */
export function SaveBar(props: SaveBarProps) {
  const { dirty, check } = props;
  const first = check.problems[0];
  return (
    <div className="mla-savebar" data-testid="save-bar">
      <p className="mla-savebar-status" role="status">
        {dirty ? (
          <strong>
            {props.followsSite && props.changeCount === 0
              ? 'New override, not saved yet'
              : plural(props.changeCount, 'unsaved change')}
          </strong>
        ) : (
          <span className="mla-subtle">No unsaved changes</span>
        )}
        {first && (
          <button
            type="button"
            className="mla-problem-link"
            onClick={() => props.onGoToProblem(first)}
            data-testid="problem-count"
          >
            <ErrorIcon label="" size="small" color="currentColor" />
            {plural(check.problems.length, 'problem')} to fix before saving
          </button>
        )}
        {dirty && check.status === 'pending' && (
          <span className="mla-subtle" data-testid="check-pending">
            Checking your changes…
          </span>
        )}
        {dirty && check.status === 'failed' && (
          <span className="mla-subtle" data-testid="check-failed">
            Your changes could not be checked: {check.error.message} The server checks them when you save.
          </span>
        )}
      </p>
      <div className="mla-savebar-actions">
        <Button
          appearance="subtle"
          onClick={props.onDiscard}
          isDisabled={!props.canDiscard}
          testId="discard-button"
        >
          Discard changes
        </Button>
        <Button
          appearance="primary"
          onClick={props.onSave}
          isDisabled={!props.canSave}
          isLoading={props.saving}
          testId="save-button"
        >
          {props.followsSite ? 'Save override' : 'Save'}
        </Button>
      </div>
    </div>
  );
}
