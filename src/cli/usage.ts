/** What `ml-lanes --help`, `ml-lanes plan --help` and `ml-lanes config --help` print. */

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const DEFAULT_DEADLINE_SECONDS = 300;

export type HelpTopic = 'general' | 'plan' | 'config' | 'forecast' | 'backtest' | 'deliver';

const EXIT_CODES = `Exit codes:
  0  ok (a plan with warnings says on stderr and in "warnings" what it may be missing)
  2  bad arguments or configuration
  3  Jira unreachable, too slow, refusing the credentials, failing or answering nonsense, board or sprint not found
  141  the reader of the output went away first (e.g. | head), as for other Unix tools`;

const PLAN = `Usage: ml-lanes plan --site URL --board ID [options]

Reads one sprint of a Jira Cloud board and prints its plan: each issue's lane, the handoffs between lanes
(blocked ones first), the critical chain and the Definition of Done.

Options:
  --site URL          the Jira Cloud site, e.g. https://your-domain.atlassian.net (required)
  --board ID          the board's id, the number in its URL: .../boards/12 (required)
  --sprint WHICH      a sprint id, "active" or "next" (default: the active sprint, else the next one)
  --config FILE       lanes, rules and Definition of Done as JSON (default: ml-lanes config defaults)
  --format FORMAT     json (the PlanView the panel renders) or markdown (a readable report); default json
  --timeout SECONDS   longest one Jira request may take, answer included (default ${DEFAULT_TIMEOUT_SECONDS})
  --deadline SECONDS  longest the whole run may spend asking Jira (default ${DEFAULT_DEADLINE_SECONDS}); sprint issues
                      not loaded by then are left out and named in the plan's warnings
  -h, --help          this text

Environment: JIRA_EMAIL and JIRA_API_TOKEN, an Atlassian account and its API token
(create one at https://id.atlassian.com/manage-profile/security/api-tokens).

Example:
  ml-lanes plan --site https://your-domain.atlassian.net --board 12 --format markdown

${EXIT_CODES}`;

const FORECAST = `Usage: ml-lanes forecast --site URL --board ID [options]

Will the sprint make it? Reads the board's recent history (closed sprints, done issues and their changelogs) and
runs a seeded Monte Carlo of the sprint's remaining work on its dependency graph, each lane at its own pace. Prints
the finish dates at 50/85/95%, the chance it is all done by the sprint's end, per lane the capacity check and its
own chance, the leading indicators and how accurate the forecast has been on this board (a backtest of the last
closed sprints). Nothing is written to Jira.

Options:
  --site URL, --board ID, --sprint WHICH, --config FILE, --timeout SECONDS, --deadline SECONDS
                      as for ml-lanes plan
  --format FORMAT     json (the ForecastView the panel renders) or markdown; default json
  --history-days N    days of history to learn from (default 90)
  --trials N          Monte Carlo trials (default 10000)
  --seed N            the random seed (default: the sprint's id; the same sprint, data and seed give the same answer)
  --as-of YYYY-MM-DD  forecast as if it were that day, learning only from what happened before it
  -h, --help          this text

Example:
  ml-lanes forecast --site https://your-domain.atlassian.net --board 12 --format markdown

${EXIT_CODES}`;

const BACKTEST = `Usage: ml-lanes backtest --site URL --board ID [options]

How accurate has the forecast been on this board? Replays it at the start of each recent closed sprint, learning
only from the history before that day, and compares it with what happened: how often the sprint finished within
the 85% date, and the Brier score of "done by the end". Nothing is written to Jira.

Options:
  --site URL, --board ID, --config FILE, --format FORMAT, --timeout SECONDS, --deadline SECONDS
                      as for ml-lanes plan
  --sprints N         how many of the most recent closed sprints to replay (default 6)
  --history-days N    days of history each replay learns from (default 90)
  --trials N          Monte Carlo trials per replayed sprint (default 10000)
  --seed N            the random seed (default: the board's id)
  --as-of YYYY-MM-DD  replay the sprints closed before that day
  -h, --help          this text

Known limit: a past sprint's work is what is done now; work it left over that is still open is not in the history.

${EXIT_CODES}`;

const CONFIG = `Usage:
  ml-lanes config validate FILE   check a configuration file; lists every problem by its JSON path
  ml-lanes config defaults        print the default configuration, a starting point to edit

Options:
  -h, --help                      this text

Exit codes: 0 valid, 2 invalid or unreadable.`;

const DELIVER = `Usage: ml-lanes deliver --tool TOOL --file PAYLOAD --url URL [options]

Posts a JSON payload to ML Lanes's web trigger as the ML tool would: signed with the tool's secret the way that
tool signs (MLflow and CI: HMAC with a delivery id and timestamp; Databricks: HMAC of the body; W&B: bearer
secret; Label Studio: the X-ML-Lanes-Token header). Try a route against the playground or a deployed app, then
see the delivery in the admin page's Connections log and the issue's Evidence.

Options:
  --tool TOOL          mlflow, databricks, wandb, labelstudio or ci (required)
  --file PAYLOAD       the JSON body to send, sent byte for byte (required; at most 256 KB)
  --url URL            the tool's URL from the admin page's Connections (required); a URL without the
                       tool's path gets it added; https, or plain http to localhost only
  --secret SECRET      the tool's secret (default: the ML_LANES_SECRET environment variable, the name the
                       admin page's CI snippets use, which keeps it out of your shell history)
  --delivery-id ID     the delivery id to sign with (default: a new UUID); the same id twice is a replay
  --tamper             change one byte after signing (the body's last digit; for W&B and Label Studio, which
                       sign no body, the secret sent): the web trigger must refuse it with 401
  --timeout SECONDS    longest to wait for the answer (default ${DEFAULT_TIMEOUT_SECONDS})
  -h, --help           this text

Example (read keeps the secret off the screen and out of the shell history):
  read -rs ML_LANES_SECRET && export ML_LANES_SECRET
  ml-lanes deliver --tool ci --file metrics.json --url http://localhost:8080/webtrigger/ml-lanes-evidence

Exit codes:
  0  accepted (2xx: the answer is printed)
  2  bad arguments, no secret, or a file that is unreadable, too large or not JSON
  3  the web trigger refused the delivery (its status and words are printed) or could not be reached`;

const GENERAL = `Usage: ml-lanes <command> [options]

ML Lanes for Jira: the handoffs between data, model, code, test and deploy work, and each issue's Definition of Done.

Commands:
  plan --site URL --board ID   plan a sprint (ml-lanes plan --help for its options)
  forecast --site URL --board ID
                               will the sprint make it? a forecast from the board's history
  backtest --site URL --board ID
                               how accurate the forecast has been on the board's last sprints
  config validate FILE         check a configuration file
  config defaults              print the default configuration
  deliver --tool TOOL --file PAYLOAD --url URL
                               post a signed test delivery to the web trigger

Options:
  -h, --help                   this text (after a command: that command's)
  -v, --version                the version of ML Lanes

${EXIT_CODES}`;

export function usage(topic: HelpTopic): string {
  switch (topic) {
    case 'general':
      return GENERAL;
    case 'plan':
      return PLAN;
    case 'config':
      return CONFIG;
    case 'forecast':
      return FORECAST;
    case 'backtest':
      return BACKTEST;
    case 'deliver':
      return DELIVER;
  }
}
