/**
 * What every resolver returns: data, or an error a person can act on. Never a thrown stack.
 * Shared by the resolvers and the Custom UI.
 */

/** One problem of a configuration document, by JSON path, so the UI can show it next to its control. */
export interface ProblemView {
  path: string;
  message: string;
}

/** The error, keyed by `code`: each variant carries exactly the fields that code needs. */
export type ResolverError =
  | {
      code: 'bad-request' | 'forbidden' | 'not-found' | 'no-sprints' | 'jira-unavailable' | 'internal';
      /** One sentence for the person in front of the panel, naming what failed. */
      message: string;
    }
  | {
      code: 'rate-limited';
      message: string;
      /** When asking again makes sense. */
      retryAfterSeconds: number;
    }
  | {
      /** The configuration document has problems; each is listed in `problems`. */
      code: 'invalid-config';
      message: string;
      problems: ProblemView[];
    }
  | {
      /** Someone else saved since this edit began; `currentRevision` says what is saved now. */
      code: 'conflict';
      message: string;
      currentRevision: number;
    };

export type ResolverErrorCode = ResolverError['code'];

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
