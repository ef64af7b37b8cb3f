/**
 * The CLI's failure lines share one style: `ml-lanes: <cause>; <what to do>`, one line, starting lower-case
 * (or with a name: Jira, a flag, a file). The Jira adapter says what happened; this file adds what to do.
 */
import { NoSprintError, type JiraError } from '../errors';

export interface PlanLimits {
  site: string;
  timeoutMs: number;
  deadlineMs: number;
}

const TOKEN_PAGE = 'https://id.atlassian.com/manage-profile/security/api-tokens';

/** A Jira failure during `plan`, with the step that usually fixes it. */
export function explainJiraError(error: JiraError, limits: PlanLimits): string {
  return `${causeOf(error, limits)}; ${whatToDo(error, limits)}`;
}

/** Jira's own messages often end with a full stop; the advice follows after "; ". */
function withoutFullStop(text: string): string {
  return text.replace(/\.+$/, '');
}

function causeOf(error: JiraError, limits: PlanLimits): string {
  const message = withoutFullStop(error.message);
  if (error instanceof NoSprintError) return message;
  switch (error.code) {
    case 'unauthorized':
      return `Jira refused the credentials (${message})`;
    case 'forbidden':
      return `Jira does not let this account read it (${message})`;
    case 'bad-response':
      // A 404 without Jira's error body: whatever answered is not Jira (a wrong --site, or a path in front of it).
      return error.status === 404
        ? `${limits.site} is not a Jira Cloud site? ${message}`
        : named(`Jira's answer cannot be used`, message);
    case 'bad-request':
      return `Jira refused a request ML Lanes made (${message})`;
    case 'server-error':
      return named('Jira failed', message);
    // These messages already name what happened.
    case 'not-found':
    case 'rate-limited':
    case 'timeout':
    case 'unreachable':
      return message;
  }
}

/** "POST /rest/… answered 500" says what happened but not to whom: such a message gets a subject first. */
function named(subject: string, message: string): string {
  return /^(GET|POST|PUT|DELETE) /.test(message) ? `${subject} (${message})` : message;
}

function whatToDo(error: JiraError, limits: PlanLimits): string {
  if (error instanceof NoSprintError) {
    return 'plan a scrum board with an open sprint, or name one with --sprint ID';
  }
  switch (error.code) {
    case 'unreachable':
      return `check --site ${limits.site} and your network`;
    case 'unauthorized':
      return `check JIRA_EMAIL and JIRA_API_TOKEN (tokens: ${TOKEN_PAGE})`;
    case 'forbidden':
      return 'ask a Jira admin for the Browse projects permission';
    case 'not-found':
      return /\/sprint\//.test(error.endpoint ?? '')
        ? 'check --sprint, or leave it out to plan the active sprint'
        : "check --board: the number in the board's URL (.../boards/12)";
    case 'rate-limited':
      return `try again ${error.retryAfterMs === null ? 'later' : `in ${Math.ceil(error.retryAfterMs / 1000)} s`}`;
    case 'server-error':
      return 'try again later';
    case 'timeout':
      return `limits: --timeout ${limits.timeoutMs / 1000} s a request, --deadline ${limits.deadlineMs / 1000} s the run (raise them if Jira is just slow)`;
    case 'bad-response':
      return error.status === 404
        ? 'check --site (e.g. https://your-domain.atlassian.net)'
        : `check that --site ${limits.site} is a Jira Cloud site`;
    case 'bad-request':
      return 'this is likely a bug: please report it with the command you ran';
  }
}

export function explainMissingCredentials(): string {
  return `no credentials; set JIRA_EMAIL and JIRA_API_TOKEN to an Atlassian account's email and API token (create one at ${TOKEN_PAGE})`;
}

/** A file that cannot be read, by the system's error code; `check` says where the name came from. */
export function explainUnreadableFile(file: string, code: string | undefined, check: string): string {
  const cause =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (code ?? 'unreadable');
  return `cannot read ${file} (${cause}); check ${check}`;
}

/**
 * Every problem by its path, on one line. A version problem alone (e.g. a document from a newer ML Lanes)
 * already says what to do.
 */
export function explainInvalidConfig(
  file: string,
  problems: readonly { path: string; message: string }[],
): string {
  const [only] = problems;
  if (problems.length === 1 && only?.path === 'version') return `cannot use ${file}: ${only.message}`;
  const list = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `invalid configuration ${file} (${count}): ${list}; fix ${problems.length === 1 ? 'it' : 'them'} (ml-lanes config defaults prints a valid configuration)`;
}

/** Whatever Jira put in a message, the CLI's promise is one line per problem. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
