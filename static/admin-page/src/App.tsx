import { useForgeContext } from '../../shared/src/use-forge-context';
import { useEffect, useMemo, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { SiteCatalog } from '../../../src/contract/admin-api';
import { call, getAdminContext, type AdminContext } from './api';
import { toIntlLocale } from './format';
import { EMPTY_CATALOG } from './components/common';
import { ConfigEditor } from './components/ConfigEditor';
import { ContextProblem, LoadingAdmin } from './components/States';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; error: ResolverError }
  | { status: 'ready'; catalog: SiteCatalog };

/** The admin page: reads the module context (theme, locale), the site's catalog, then edits one scope at a time. */
export function App() {
  const [contextState, retry] = useForgeContext(getAdminContext);

  return (
    <main className="mll-root mla-page" data-testid="admin-page">
      {contextState.status === 'loading' ? (
        <LoadingAdmin />
      ) : contextState.status === 'error' ? (
        <ContextProblem message={contextState.message} onRetry={retry} />
      ) : (
        <Admin context={contextState.context} />
      )}
    </main>
  );
}

function Admin({ context }: { context: AdminContext }) {
  const locale = toIntlLocale(context.locale);
  const [projectKey, setProjectKey] = useState<string | undefined>(undefined);
  const site = useCatalog(undefined, false);
  const project = useCatalog(projectKey, projectKey === undefined);
  // Suggestions come from the project when one is picked; the list of projects always from the site.
  const catalog = useMemo<CatalogState>(() => {
    if (!projectKey || project.status !== 'ready') return site;
    return {
      status: 'ready',
      catalog: {
        ...project.catalog,
        projects: site.status === 'ready' ? site.catalog.projects : project.catalog.projects,
      },
    };
  }, [projectKey, project, site]);
  return (
    <ConfigEditor
      key={projectKey ?? '(site)'}
      projectKey={projectKey}
      onScope={setProjectKey}
      catalogState={catalog}
      projects={site.status === 'ready' ? site.catalog.projects : []}
      locale={locale}
      me={context.accountId}
    />
  );
}

function useCatalog(projectKey: string | undefined, skip: boolean): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  useEffect(() => {
    if (skip) return undefined;
    let current = true;
    setState({ status: 'loading' });
    void call('siteCatalog', projectKey ? { projectKey } : {}).then((result) => {
      if (current)
        setState(
          result.ok ? { status: 'ready', catalog: result.data } : { status: 'error', error: result.error },
        );
    });
    return () => {
      current = false;
    };
  }, [projectKey, skip]);
  return state;
}

export function catalogOf(state: CatalogState): SiteCatalog {
  return state.status === 'ready' ? state.catalog : EMPTY_CATALOG;
}
