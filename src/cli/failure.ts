export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_JIRA = 3;

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
