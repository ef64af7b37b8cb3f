import { parseArgs } from 'node:util';

export interface PlaygroundStart {
  /** A real Jira Cloud site to read instead of the simulator. */
  site: string | null;
  /** 0 picks any free port. */
  port: number;
  /** Every forecast's history is read in the background (an in-process queue), to see that path at work. */
  backgroundHistory: boolean;
}

export const DEFAULT_PORT = 8080;

/** A mistake on the command line or in PORT: one line, then exit 2. */
export class PlaygroundUsageError extends Error {
  override readonly name = 'PlaygroundUsageError';
}

/**
 * `npm start -- [--site URL] [--port N] [--background-history]`; PORT in the environment when --port is not given.
 */
export function readPlaygroundStart(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): PlaygroundStart {
  let values: { site?: string; port?: string; 'background-history'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        site: { type: 'string' },
        port: { type: 'string' },
        'background-history': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    const cause = ((error as Error).message.split(/\.\s|\n/)[0] ?? 'invalid arguments').replace(/\.$/, '');
    throw new PlaygroundUsageError(
      `${cause[0]?.toLowerCase() ?? ''}${cause.slice(1)}; the options are --site URL, --port N and --background-history`,
    );
  }
  const [source, text] =
    values.port !== undefined ? ['--port', values.port] : ['PORT', env.PORT ?? String(DEFAULT_PORT)];
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw new PlaygroundUsageError(`${source} "${text}" is not a port; pass a number from 1 to 65535`);
  }
  return {
    site: values.site ? values.site.replace(/\/+$/, '') : null,
    port: Number(text),
    backgroundHistory: values['background-history'] === true,
  };
}
