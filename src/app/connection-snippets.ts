import type { ToolSettings } from '../config/connections-schema';
import type { SnippetView } from '../contract/connections-api';
import type { EvidenceTool } from '../domain/evidence/evidence-event';
import { wandbTemplate } from '../domain/evidence/normalize-wandb';
import { CI_HEADERS, LABEL_STUDIO_TOKEN_HEADER } from '../webhooks/verify';

/*
 * What to paste into each tool, built from the saved settings and the tool's URL. Never a secret: each snippet
 * reads it from the tool's own secret store (an environment variable, a CI secret, a W&B team secret), where the
 * admin pastes it from the one time ML Lanes shows it. The CI signature is the one src/webhooks/verify.ts checks.
 */

const SECRET_ENV = 'ML_LANES_SECRET';

export function snippetsFor(tool: EvidenceTool, settings: ToolSettings, url: string | null): SnippetView[] {
  const target = url ?? `<the ${tool} URL above>`;
  switch (tool) {
    case 'mlflow':
      return [mlflowSnippet(target, settings)];
    case 'databricks':
      return [databricksSnippet(target)];
    case 'wandb':
      return wandbSnippets(target, settings);
    case 'labelstudio':
      return labelStudioSnippets(target, settings);
    case 'ci':
      return [githubSnippet(target, settings), gitlabSnippet(target, settings)];
  }
}

function mlflowSnippet(url: string, settings: ToolSettings): SnippetView {
  const tag = settings.keySource.place === 'model-version-tag' ? (settings.keySource.name ?? 'jira') : null;
  return {
    id: 'mlflow-python',
    title: 'Register the webhook (MLflow 3.3 or later, SQL backend)',
    language: 'python',
    where: `Run once with MLFLOW_TRACKING_URI pointing at your server and ${SECRET_ENV} holding the secret. ${
      tag
        ? `Then tag each model version with its issue: client.set_model_version_tag(name, version, "${tag}", "ML-123").`
        : 'Name each registered model after its issue key (e.g. "ML-123").'
    }`,
    text: [
      'import os',
      '',
      'from mlflow import MlflowClient',
      '',
      'MlflowClient().create_webhook(',
      '    name="ml-lanes",',
      `    url="${url}",`,
      '    events=["model_version.created", "model_version_tag.set", "model_version_alias.created"],',
      `    secret=os.environ["${SECRET_ENV}"],`,
      '    description="Evidence for Jira issues (ML Lanes)",',
      ')',
    ].join('\n'),
  };
}

function databricksSnippet(url: string): SnippetView {
  return {
    id: 'databricks-curl',
    title: 'Create the registry webhook (Workspace Model Registry)',
    language: 'shell',
    where:
      'Run with DATABRICKS_HOST, DATABRICKS_TOKEN and ML_LANES_SECRET set; set MODEL to the registered model, named after its issue key.',
    text: [
      'curl -sS -X POST "$DATABRICKS_HOST/api/2.0/mlflow/registry-webhooks/create" \\',
      '  -H "Authorization: Bearer $DATABRICKS_TOKEN" -H "Content-Type: application/json" \\',
      `  -d "{\\"model_name\\": \\"$MODEL\\", \\"events\\": [\\"MODEL_VERSION_CREATED\\", \\"MODEL_VERSION_TRANSITIONED_STAGE\\"], \\"http_url_spec\\": {\\"url\\": \\"${url}\\", \\"secret\\": \\"$${SECRET_ENV}\\"}}"`,
    ].join('\n'),
  };
}

/** The metric names the mappings read (`metrics.val_acc` → `val_acc`), or `accuracy` when none is mapped. */
function mappedMetrics(settings: ToolSettings): string[] {
  const names = settings.mappings
    .map((mapping) => mapping.from)
    .filter((from) => from.startsWith('metrics.'))
    .map((from) => from.slice('metrics.'.length));
  return names.length > 0 ? names : ['accuracy'];
}

function wandbSnippets(url: string, settings: ToolSettings): SnippetView[] {
  const key = settings.keySource.name ?? 'jira_key';
  return [
    {
      id: 'wandb-webhook',
      title: 'Add the webhook',
      language: 'text',
      where:
        'W&B → Team settings → Secrets: add ML_LANES_SECRET with the secret. Then Team settings → Webhooks → New webhook: this URL, secret ML_LANES_SECRET (W&B sends it as Authorization: Bearer).',
      text: url,
    },
    {
      id: 'wandb-template',
      title: 'Payload template for the automation',
      language: 'json',
      where: `Automations → New automation (e.g. an artifact alias “production” added) → Action: the webhook above → Payload: paste this. Log each artifact with metadata "${key}" (its issue key, e.g. "ML-123") and the metrics named here.`,
      // Pretty-printed: W&B takes any JSON, and every ${…} variable sits inside a string.
      text: JSON.stringify(JSON.parse(wandbTemplate(key, mappedMetrics(settings))) as unknown, null, 2),
    },
  ];
}

function labelStudioSnippets(url: string, settings: ToolSettings): SnippetView[] {
  const where = settings.keySource.place === 'project-description' ? 'description' : 'title';
  return [
    {
      id: 'labelstudio-webhook',
      title: 'Add the webhook',
      language: 'text',
      where: `Project → Settings → Webhooks → Add webhook: this URL, “Send payload” on, events ANNOTATION_CREATED, ANNOTATIONS_CREATED, ANNOTATION_UPDATED and ANNOTATIONS_DELETED. Put the issue key in the project’s ${where} (e.g. “ML-123 Traffic signs”).`,
      text: url,
    },
    {
      id: 'labelstudio-header',
      title: 'Header (Label Studio cannot sign, so it sends the secret)',
      language: 'text',
      where: 'In the same webhook, Headers → add one: this name, and the secret as its value.',
      text: `${LABEL_STUDIO_TOKEN_HEADER}: <the secret>`,
    },
  ];
}

/**
 * The signed CI delivery as shell, shared by both CI snippets: top-level numeric metrics of `dvc metrics show
 * --json`, signed as verify.ts expects (hex HMAC-SHA256 over "{id}.{timestamp}.{body}"), the exact bytes posted.
 */
function postScript(field: string, run: string, runUrl: string, id: string): string[] {
  return [
    `run_id="${run}"`,
    `run_url="${runUrl}"`,
    `id="${id}"`,
    "metrics=$(dvc metrics show --json | jq -c '[.[] | .data? // {} | .[] | .data? // {}",
    '  | to_entries[] | select(.value | type == "number")] | from_entries\')',
    'body=$(jq -nc --arg issue "$ISSUE" --arg run "$run_id" --arg url "$run_url" \\',
    '  --argjson metrics "$metrics" \\',
    `  '{${field}: $issue, event: "ci.metrics", run: $run, url: $url, metrics: $metrics}')`,
    'ts=$(date +%s)',
    `sig=$(printf '%s.%s.%s' "$id" "$ts" "$body" \\`,
    `  | openssl dgst -sha256 -hmac "$${SECRET_ENV}" | sed 's/^.*= //')`,
    'curl --fail-with-body -sS -X POST "$ML_LANES_URL" \\',
    '  -H "Content-Type: application/json" \\',
    `  -H "${CI_HEADERS.deliveryId}: $id" \\`,
    `  -H "${CI_HEADERS.timestamp}: $ts" \\`,
    `  -H "${CI_HEADERS.signature}: v1,$sig" \\`,
    '  --data-binary "$body"',
  ];
}

/** The payload field as a jq object key: bare where jq allows it, else quoted (a name may hold `-`). */
function keyField(settings: ToolSettings): string {
  const name = settings.keySource.name ?? 'issue';
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : JSON.stringify(name);
}

function githubSnippet(url: string, settings: ToolSettings): SnippetView {
  const script = postScript(
    keyField(settings),
    '$GITHUB_RUN_ID',
    '$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID',
    'gh-$GITHUB_RUN_ID-$GITHUB_RUN_ATTEMPT',
  );
  return {
    id: 'ci-github',
    title: 'GitHub Actions step',
    language: 'yaml',
    where:
      'Add ML_LANES_SECRET under Settings → Secrets and variables → Actions, then add this step after `dvc repro`. Set ISSUE to the Jira issue the run belongs to.',
    text: [
      '- name: Post DVC metrics to Jira (ML Lanes)',
      '  env:',
      `    ML_LANES_URL: ${url}`,
      `    ${SECRET_ENV}: \${{ secrets.${SECRET_ENV} }}`,
      '    ISSUE: ML-123',
      '  run: |',
      ...script.map((line) => `    ${line}`),
    ].join('\n'),
  };
}

function gitlabSnippet(url: string, settings: ToolSettings): SnippetView {
  const script = postScript(
    keyField(settings),
    '$CI_PIPELINE_ID',
    '$CI_PIPELINE_URL',
    'gl-$CI_PIPELINE_ID-$CI_JOB_ID',
  );
  return {
    id: 'ci-gitlab',
    title: 'GitLab CI job',
    language: 'yaml',
    where:
      'Add ML_LANES_SECRET as a masked variable under Settings → CI/CD → Variables. The job needs dvc, jq, openssl and curl in its image.',
    text: [
      'ml-lanes-evidence:',
      '  stage: .post',
      '  variables:',
      `    ML_LANES_URL: ${url}`,
      '    ISSUE: ML-123',
      '  script:',
      '    - |',
      ...script.map((line) => `      ${line}`),
    ].join('\n'),
  };
}
