import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { copyText } from '../copy';

/** Copies `text`, says so for a moment (and to screen readers), or says to copy by hand when the frame refuses. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <span className="mla-copy">
      <Button
        spacing="compact"
        aria-label={`Copy ${what}`}
        testId="copy-button"
        onClick={() => void copyText(text).then((copied) => setState(copied ? 'copied' : 'failed'))}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className={state === 'failed' ? 'mla-hint' : 'mll-sr-only'}>
        {state === 'copied' ? `Copied ${what}.` : state === 'failed' ? 'Select the text and copy it.' : ''}
      </span>
    </span>
  );
}
