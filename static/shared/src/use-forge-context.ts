import { useCallback, useEffect, useState } from 'react';

export type ForgeContextState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; context: T };

/**
 * Reads the module context from Jira once (again on retry), and follows Jira's colour mode when the host has not
 * set one yet. Shared by every Custom UI of the app.
 */
export function useForgeContext<T extends { theme?: { colorMode?: string } }>(
  load: () => Promise<T>,
): [ForgeContextState<T>, () => void] {
  const [state, setState] = useState<ForgeContextState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (context) => {
        if (!current) return;
        const mode = context.theme?.colorMode;
        const html = document.documentElement;
        if (mode && !html.dataset.colorMode) html.dataset.colorMode = mode;
        setState({ status: 'ready', context });
      },
      (error: unknown) => {
        const detail = error instanceof Error ? error.message.trim() : String(error);
        if (current)
          setState({ status: 'error', message: `Jira did not give ML Lanes its context: ${detail}` });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, load]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);
  return [state, retry];
}
