import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ConfigProblemView } from '../../../../src/contract/admin-api';
import type { EvidenceTool } from '../../../../src/contract/connections-api';
import { ResolverErrorView } from '../../../shared/src/States';
import { formatDateTime, who } from '../format';
import { useConnections, type ConnectionsModel } from '../hooks/use-connections';
import { SectionHead, useCatalog } from './common';
import { EditableContext, ListField, ProblemsContext } from './controls';
import { ToolPanel } from './connections/ToolPanel';
import { ToolPicker } from './connections/ToolPicker';

export interface ConnectionsSectionProps {
  locale: string | undefined;
  me: string | undefined;
}

/**
 * Connections: which ML tools may post their results to ML Lanes, and how to set each one up. Site-wide and
 * saved on its own (not with the configuration): the projects that may receive evidence, then per tool its route
 * switch, URL, secret, where the issue key is read from, the field mappings, what to paste, and the last deliveries.
 */
export function ConnectionsSection({ locale, me }: ConnectionsSectionProps) {
  const headingId = useId();
  const model = useConnections();
  const [tool, setTool] = useState<EvidenceTool>('mlflow');
  const { state } = model;
  // Problems by exact path: each control names the path it edits as its anchor.
  const grouped = useMemo(() => {
    const map = new Map<string, ConfigProblemView[]>();
    for (const problem of model.problems) map.set(problem.path, [...(map.get(problem.path) ?? []), problem]);
    return map;
  }, [model.problems]);

  return (
    <section
      className="mla-section mla-connections"
      data-testid="section-connections"
      aria-labelledby={headingId}
    >
      <SectionHead id={headingId} title="Connections">
        MLflow, Weights & Biases, Label Studio and CI pipelines post their results to ML Lanes, which writes
        them into the issue’s ML fields, so the Definition of Done checks itself. These settings are site-wide
        and saved apart from the configuration.
      </SectionHead>
      {state.status === 'loading' && (
        <div className="mla-board-loading" role="status">
          <Spinner size="small" label="Loading the connections" />
          <span>Loading the connections…</span>
        </div>
      )}
      {state.status === 'error' && (
        <ResolverErrorView error={state.error} what="the connections" onRetry={model.retry} />
      )}
      {state.status === 'ready' && (
        <EditableContext.Provider value={state.view.canEdit && model.busy === null}>
          <ProblemsContext.Provider value={grouped}>
            <SaveRow model={model} locale={locale} me={me} />
            <Notice model={model} />
            {state.view.fallback && (
              <SectionMessage appearance="warning" testId="connections-fallback">
                <p>{state.view.fallback}</p>
              </SectionMessage>
            )}
            <AllowList model={model} />
            <ToolPicker view={state.view} draft={state.draft} tool={tool} onTool={setTool} />
            <ToolPanel key={tool} tool={tool} model={model} locale={locale} />
          </ProblemsContext.Provider>
        </EditableContext.Provider>
      )}
    </section>
  );
}

function SaveRow({
  model,
  locale,
  me,
}: {
  model: ConnectionsModel;
  locale: string | undefined;
  me: string | undefined;
}) {
  if (model.state.status !== 'ready') return null;
  const { view } = model.state;
  const saved =
    view.revision === 0
      ? 'Never saved: every tool is off.'
      : `Revision ${view.revision}, saved ${formatDateTime(view.savedAt, locale) ?? ''} by ${who(view.savedBy, me)}.`;
  return (
    <div className="mlc-save-row" data-testid="connections-save-row">
      <p className="mla-subtle mlc-saved" data-testid="connections-saved">
        {model.dirty ? <strong>Unsaved changes. </strong> : null}
        {saved}
      </p>
      {view.canEdit ? (
        <div className="mla-savebar-actions">
          <Button
            isDisabled={!model.dirty || model.busy !== null}
            onClick={model.discard}
            testId="connections-discard"
          >
            Discard
          </Button>
          <Button
            appearance="primary"
            isDisabled={!model.dirty || model.busy !== null || model.notice?.kind === 'conflict'}
            isLoading={model.busy === 'save'}
            onClick={model.save}
            testId="connections-save"
          >
            Save connections
          </Button>
        </div>
      ) : (
        <span className="mla-hint">Only Jira administrators can change the connections.</span>
      )}
    </div>
  );
}

function Notice({ model }: { model: ConnectionsModel }) {
  const { notice } = model;
  if (!notice) return null;
  switch (notice.kind) {
    case 'saved':
      return (
        <div className="mla-flag" role="status" data-testid="connections-flag">
          <span className="mla-flag-text">{notice.message}</span>
          <Button appearance="subtle" spacing="compact" onClick={model.dismissNotice}>
            Dismiss
          </Button>
        </div>
      );
    case 'problems':
      return (
        <SectionMessage appearance="error" testId="connections-problems">
          <p>{notice.message}</p>
        </SectionMessage>
      );
    case 'conflict':
      return (
        <SectionMessage
          appearance="warning"
          title="Someone else saved the connections"
          testId="connections-conflict"
          actions={
            <Button
              appearance="primary"
              onClick={model.reloadKeepingMine}
              isLoading={model.busy === 'reload'}
              testId="connections-reload"
            >
              Reload, keeping my changes
            </Button>
          }
        >
          <p>{notice.message} Your changes are still here, unsaved.</p>
        </SectionMessage>
      );
    case 'reloaded':
      return (
        <SectionMessage appearance="information" testId="connections-reloaded">
          <p>
            Revision {notice.revision} loaded with your changes on top.{' '}
            {notice.conflicts.length === 0
              ? 'Nothing you changed was changed by them too. Save when ready.'
              : `You both changed ${notice.conflicts.map((each) => each.path).join(', ')}: yours is kept. Check, then save.`}
          </p>
        </SectionMessage>
      );
    case 'error':
      return (
        <SectionMessage appearance="error" title={notice.title} testId="connections-error">
          <p>{notice.error.message}</p>
        </SectionMessage>
      );
  }
}

function AllowList({ model }: { model: ConnectionsModel }) {
  const catalog = useCatalog();
  if (model.state.status !== 'ready') return null;
  const { draft } = model.state;
  return (
    <div className="mlc-allow" data-testid="connections-allow-list">
      <ListField
        label="Projects that may receive evidence (site-wide)"
        value={draft.allowedProjects}
        onChange={(allowedProjects) => model.edit({ ...draft, allowedProjects })}
        anchor="allowedProjects"
        placeholder="e.g. CV, REC"
        suggestions={catalog.projects.map((project) => project.key)}
        hint="Project keys, comma-separated. A delivery naming an issue in any other project is refused; none listed means nothing is written."
        testId="allowed-projects"
        mono
      />
      {model.problems
        .filter((problem) => /^allowedProjects\[\d+\]$/.test(problem.path))
        .map((problem) => (
          <p key={problem.path} className="mla-problem" data-testid="problem" data-path={problem.path}>
            {problem.path.replace('allowedProjects', 'Project ')}: {problem.message}
          </p>
        ))}
    </div>
  );
}
