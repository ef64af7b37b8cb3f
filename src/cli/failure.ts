export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_JIRA = 3;
/** `deliver`: the web trigger answered with a refusal (4xx) or a failure (5xx). */
export const EXIT_REFUSED = 4;

/** A failure the user can fix: one line on stderr (the cause, then what to do), then this exit code. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';

  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
