/**
 * The host page's "Send a test delivery" panel: per ML tool, "Send signed sample" and "Send tampered" ask the
 * playground's server to sign a sample with its stored secret and post it to the local web trigger; the answer's
 * HTTP status and the delivery-log lines it produced are shown under the tool. A signed delivery the consumer
 * wrote opens the issue panel on the issue it named, whose Evidence section and Definition of Done then show it.
 */
import type { TestDeliveryLogLine, TestDeliveryResult, TestDeliveryTool } from './test-delivery-api';

const TOOLS: readonly { id: TestDeliveryTool; name: string }[] = [
  { id: 'mlflow', name: 'MLflow' },
  { id: 'databricks', name: 'Databricks' },
  { id: 'wandb', name: 'Weights & Biases' },
  { id: 'labelstudio', name: 'Label Studio' },
  { id: 'ci', name: 'CI pipeline' },
];

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, testId?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (testId) node.dataset.testid = testId;
  return node;
};

const logLine = (line: TestDeliveryLogLine) => {
  const item = make('li', undefined, 'delivery-log-line');
  item.dataset.outcome = line.outcome;
  const count = line.count > 1 ? ` (×${line.count})` : '';
  item.textContent = `${line.outcome}: ${line.reason}${line.issueKey ? ` · ${line.issueKey}` : ''}${count}`;
  return item;
};

function showResult(target: HTMLElement, result: TestDeliveryResult): void {
  const status = make('span', `HTTP ${result.status}`, 'delivery-status');
  status.className = 'status';
  status.dataset.ok = String(result.status === 202 ? true : result.status >= 400 ? false : '');
  const what =
    result.tampered === 'body'
      ? ' · one byte of the body changed after signing'
      : result.tampered === 'secret'
        ? ' · one byte of the secret sent changed (this tool signs no body)'
        : ` · sample for ${result.issueKey}`;
  const head = make('div');
  head.append(status, document.createTextNode(what));
  const log = make('ul', undefined, 'delivery-log');
  log.append(...result.log.map(logLine));
  if (result.log.length === 0) log.append(make('li', 'no delivery-log line'));
  const parts: HTMLElement[] = [head, log];
  if (result.written) {
    parts.push(
      make('div', `Written to ${result.issueKey}: its Evidence section and “${result.dodItem}” show it.`),
    );
  }
  if (result.setUp.length > 0) {
    const setUp = make('ul', undefined, 'delivery-set-up');
    setUp.className = 'set-up';
    setUp.append(...result.setUp.map((note) => make('li', note)));
    parts.push(setUp);
  }
  target.replaceChildren(...parts);
}

async function send(tool: TestDeliveryTool, tamper: boolean): Promise<TestDeliveryResult> {
  const response = await fetch('/__playground/test-delivery', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tool, tamper }),
  });
  const body = (await response.json()) as { result?: TestDeliveryResult; error?: string };
  if (!body.result) throw new Error(body.error ?? `the playground answered ${response.status}`);
  return body.result;
}

/** Fills the panel; `onWritten` is told the issue a signed delivery was written to. */
export function setUpTestDeliveries(list: HTMLElement, onWritten: (issueKey: string) => void): void {
  list.replaceChildren(
    ...TOOLS.map(({ id, name }) => {
      const item = make('li', undefined, `delivery-tool-${id}`);
      const signed = make('button', 'Send signed sample', `send-signed-${id}`);
      const tampered = make('button', 'Send tampered', `send-tampered-${id}`);
      const result = make('div', undefined, `delivery-result-${id}`);
      result.className = 'delivery-result';
      result.setAttribute('aria-live', 'polite');
      const run = async (tamper: boolean) => {
        signed.disabled = tampered.disabled = true;
        result.textContent = tamper
          ? 'Sending the tampered delivery…'
          : 'Sending and waiting for it to be written…';
        try {
          const answer = await send(id, tamper);
          showResult(result, answer);
          if (answer.written) onWritten(answer.issueKey);
        } catch (error) {
          result.textContent = `Could not send: ${(error as Error).message}`;
        } finally {
          signed.disabled = tampered.disabled = false;
        }
      };
      signed.type = tampered.type = 'button';
      signed.addEventListener('click', () => void run(false));
      tampered.addEventListener('click', () => void run(true));
      const label = make('span', name);
      label.className = 'tool-name';
      item.append(label, signed, tampered, result);
      return item;
    }),
  );
}
