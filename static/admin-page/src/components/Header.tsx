import { useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import DownloadIcon from '@atlaskit/icon/core/download';
import UploadIcon from '@atlaskit/icon/core/upload';
import LockIcon from '@atlaskit/icon/core/lock-locked';
import type { ResolverError } from '../../../../src/contract/envelope';
import type { SavedConfigView, SiteCatalog } from '../../../../src/contract/admin-api';
import type { Config } from '../model/edit';
import { formatDateTime, who } from '../format';

export const EXPORT_FILE_NAME = 'ml-lanes-config.json';

export interface HeaderProps {
  view: SavedConfigView;
  projectKey: string | undefined;
  projects: SiteCatalog['projects'];
  onScope: (projectKey: string | undefined) => void;
  /** Unsaved edits (or a write running): switching scope would lose them. */
  scopeLocked: boolean;
  locale: string | undefined;
  me?: string | undefined;
  draft: Config;
  dirty: boolean;
  canImport: boolean;
  importing: boolean;
  onImport: (text: string) => void;
  onReset: () => void;
  resetting: boolean;
}

/** Title, scope picker, what is saved (revision, who, when), import and export. */
export function Header(props: HeaderProps) {
  const { projectKey } = props;
  const scopeId = useId();
  const options = [...props.projects];
  if (projectKey && !options.some((project) => project.key === projectKey))
    options.push({ key: projectKey, name: projectKey });
  return (
    <header className="mla-header">
      <div className="mla-header-top">
        <div className="mla-header-titles">
          <h1 className="mll-title">ML Lanes configuration</h1>
          <p className="mla-lede">
            Lanes, classification rules, dependency links, Definition of Done and capacity: what the planning
            panel uses to show handoffs between data, model, code, test and deploy work.
          </p>
        </div>
        <div className="mla-header-actions">
          <ImportButton canImport={props.canImport} importing={props.importing} onImport={props.onImport} />
          <Button
            iconBefore={DownloadIcon}
            onClick={() => downloadConfig(props.draft)}
            testId="export-button"
          >
            {props.dirty ? 'Export (with unsaved changes)' : 'Export'}
          </Button>
        </div>
      </div>
      <div className="mla-scope-bar">
        <div className="mla-field">
          <label className="mla-label" htmlFor={scopeId}>
            Configuration for
          </label>
          <select
            id={scopeId}
            className="mla-input mla-select mla-scope-select"
            data-testid="scope-picker"
            value={projectKey ?? ''}
            disabled={props.scopeLocked}
            aria-describedby={props.scopeLocked ? `${scopeId}-locked` : undefined}
            onChange={(event) => props.onScope(event.target.value || undefined)}
          >
            <option value="">Site default (all projects)</option>
            {options.length > 0 && (
              <optgroup label="Projects">
                {options.map((project) => (
                  <option key={project.key} value={project.key}>
                    {project.name && project.name !== project.key
                      ? `${project.name} (${project.key})`
                      : project.key}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <ScopeStatus {...props} />
        {props.scopeLocked && props.dirty && (
          <p className="mla-scope-locked" id={`${scopeId}-locked`}>
            Save or discard your changes to switch to another scope.
          </p>
        )}
      </div>
    </header>
  );
}

function ScopeStatus({ view, projectKey, locale, me, onReset, resetting }: HeaderProps) {
  const [confirming, setConfirming] = useState(false);
  const when = formatDateTime(view.savedAt, locale);
  const kind = !projectKey
    ? { label: 'Site default', appearance: 'default' as const }
    : view.source === 'saved'
      ? { label: 'Project override', appearance: 'new' as const }
      : { label: 'Follows the site', appearance: 'default' as const };
  return (
    <div className="mla-scope-status" data-testid="scope-status">
      <Lozenge appearance={kind.appearance}>{kind.label}</Lozenge>
      <span className="mla-saved" data-testid="saved-revision">
        {view.source === 'saved' ? (
          <>
            <strong>Revision {view.revision}</strong>
            {when && <> · saved {when}</>}
            {view.savedBy && <> by {who(view.savedBy, me)}</>}
          </>
        ) : view.source === 'site' ? (
          <>{projectKey} uses the site configuration</>
        ) : (
          <>Built-in defaults: never saved{projectKey ? ' for the site or this project' : ''}</>
        )}
      </span>
      {projectKey && view.source === 'saved' && view.canEdit && !confirming && (
        <Button
          appearance="subtle"
          spacing="compact"
          onClick={() => setConfirming(true)}
          testId="reset-project"
        >
          Reset to site configuration
        </Button>
      )}
      {confirming && (
        <span className="mla-inline-confirm" role="group" aria-label="Confirm reset">
          <span>Reset {projectKey} to the site configuration? Its own revisions stay in the history.</span>
          <Button
            appearance="warning"
            spacing="compact"
            isLoading={resetting}
            onClick={() => {
              setConfirming(false);
              onReset();
            }}
            testId="reset-project-confirm"
          >
            Reset
          </Button>
          <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </span>
      )}
    </div>
  );
}

/** A file picker that looks like a button; the file's text goes to importConfig (the server validates it). */
function ImportButton({
  canImport,
  importing,
  onImport,
}: {
  canImport: boolean;
  importing: boolean;
  onImport: (text: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="mla-import">
      <label className={canImport ? 'mla-file-button' : 'mla-file-button mla-file-button--disabled'}>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="mll-sr-only"
          data-testid="import-input"
          disabled={!canImport}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setError(null);
            readText(file).then(
              (text) => {
                if (input.current) input.current.value = '';
                onImport(text);
              },
              (reason: unknown) => setError(`Could not read ${file.name}: ${String(reason)}`),
            );
          }}
        />
        <UploadIcon label="" color="currentColor" />
        {importing ? 'Importing…' : 'Import'}
      </label>
      {error && (
        <span className="mla-hint" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });
}

/** Downloads the configuration as ml-lanes-config.json (a Blob URL and <a download>, which Forge's CSP allows). */
export function downloadConfig(config: Config): void {
  const blob = new Blob([`${JSON.stringify(config, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = EXPORT_FILE_NAME;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface BannersProps {
  view: SavedConfigView;
  projectKey: string | undefined;
  followsSite: boolean;
  overriding: boolean;
  onOverride: () => void;
  catalogError: ResolverError | null;
}

/** What the admin must know before editing: read-only, fallback, migration, a project following the site. */
export function Banners({
  view,
  projectKey,
  followsSite,
  overriding,
  onOverride,
  catalogError,
}: BannersProps) {
  return (
    <div className="mla-banners">
      {!view.canEdit && (
        <div data-testid="readonly-notice">
          <SectionMessage
            appearance="information"
            icon={LockIcon}
            title="Only Jira administrators can change this configuration"
          >
            <p>You can look through it and export it; every control is read-only.</p>
          </SectionMessage>
        </div>
      )}
      {view.fallback && (
        <div data-testid="fallback-banner">
          <SectionMessage
            appearance="warning"
            title={
              view.fallback.revision > 0
                ? `The stored configuration was unreadable; revision ${view.fallback.revision} is in use`
                : 'The stored configuration was unreadable; the built-in defaults are in use'
            }
          >
            <p>{view.fallback.reason}.</p>
            {view.canEdit && <p>Save to store a readable revision again, or restore one from the history.</p>}
          </SectionMessage>
        </div>
      )}
      {view.migratedFrom !== null && (
        <div data-testid="migrated-banner">
          <SectionMessage appearance="information" title="Converted from an older format">
            <p>
              This configuration was saved by an older version of ML Lanes (format version {view.migratedFrom}
              ) and was converted when it was loaded.{' '}
              {view.canEdit ? 'Save to store it in the current format.' : ''}
            </p>
          </SectionMessage>
        </div>
      )}
      {followsSite && !overriding && (
        <div data-testid="follows-site">
          <SectionMessage
            appearance="discovery"
            title={`${projectKey} follows the site configuration`}
            {...(view.canEdit && {
              actions: [
                <Button key="override" appearance="primary" onClick={onOverride} testId="create-override">
                  Create an override for {projectKey}
                </Button>,
              ],
            })}
          >
            <p>
              Changes to the site configuration apply to {projectKey}. An override gives {projectKey} its own
              lanes, rules, Definition of Done and capacity, starting from a copy of the site’s.
            </p>
          </SectionMessage>
        </div>
      )}
      {followsSite && overriding && (
        <div data-testid="override-draft">
          <SectionMessage appearance="information" title={`New override for ${projectKey}`}>
            <p>Edit the copy of the site configuration below, then save it to create the override.</p>
          </SectionMessage>
        </div>
      )}
      {catalogError && (
        <div data-testid="catalog-warning">
          <SectionMessage appearance="warning" title="Suggestions are unavailable">
            <p>
              ML Lanes could not list this site’s issue types, fields, projects and link types (
              {catalogError.message}
              ). You can still type names by hand.
            </p>
          </SectionMessage>
        </div>
      )}
    </div>
  );
}
