import { lazy, Suspense, useMemo } from 'react';
import type { PanelContext } from '../../../src/contract/resolver-api';
import { getModuleContext } from '../../shared/src/forge';
import { toIntlLocale } from '../../shared/src/format';
import { ContextProblem } from '../../shared/src/States';
import { useForgeContext } from '../../shared/src/use-forge-context';
import { ChooseBoard, GadgetLoading } from './components/States';
import { SprintGadget } from './components/SprintGadget';
import { gadgetPlacement } from './gadget-config';

// The configuration screen is opened rarely: the dashboard view does not load it.
const GadgetEdit = lazy(async () => ({ default: (await import('./components/GadgetEdit.js')).GadgetEdit }));

/** The gadget: its configuration screen in Jira's edit mode, else the configured sprint (or "Choose a board"). */
export function App() {
  const [contextState, retryContext] = useForgeContext(getModuleContext);
  return (
    <main className="mll-root mll-gadget">
      {contextState.status === 'loading' ? (
        <GadgetLoading />
      ) : contextState.status === 'error' ? (
        <ContextProblem
          title="ML Lanes cannot tell which sprint to show"
          message={contextState.message}
          onRetry={retryContext}
        />
      ) : (
        <Placed context={contextState.context} />
      )}
    </main>
  );
}

function Placed({ context }: { context: PanelContext }) {
  const placement = useMemo(() => gadgetPlacement(context), [context]);
  if (placement.mode === 'edit') {
    return (
      <Suspense fallback={<GadgetLoading what="the boards" />}>
        <GadgetEdit saved={placement.config} />
      </Suspense>
    );
  }
  if (!placement.config) return <ChooseBoard />;
  return <SprintGadget config={placement.config} locale={toIntlLocale(context.locale)} />;
}
