/*
 * The playground's "Send a test delivery" (POST /__playground/test-delivery): what the host page asks and what it
 * is told. No Node types here: the host page's bundle imports it.
 */

export const TEST_DELIVERY_TOOLS = ['mlflow', 'databricks', 'wandb', 'labelstudio', 'ci'] as const;
export type TestDeliveryTool = (typeof TEST_DELIVERY_TOOLS)[number];

export interface TestDeliveryRequest {
  tool: TestDeliveryTool;
  tamper: boolean;
}

/** A delivery-log line, as the admin page's Connections shows it (never the body or a secret). */
export interface TestDeliveryLogLine {
  at: string;
  outcome: 'accepted' | 'written' | 'ignored' | 'rejected';
  reason: string;
  issueKey?: string;
  count: number;
}

export interface TestDeliveryResult {
  tool: TestDeliveryTool;
  /** The URL posted to: the playground's web trigger route for the tool. */
  url: string;
  issueKey: string;
  /** The Definition of Done item the delivery's value is read by. */
  dodItem: string;
  /** What the tampered delivery changed; null for the signed one. */
  tampered: 'body' | 'secret' | null;
  /** The web trigger's answer. */
  status: number;
  answer: string;
  /** The delivery-log lines it produced, oldest first (accepted, then written; or one rejection). */
  log: TestDeliveryLogLine[];
  /** The consumer wrote the values to the issue (the Evidence section and the DoD now show them). */
  written: boolean;
  /** What the playground set up first so the delivery can land (tool turned on, project allowed, secret, DoD). */
  setUp: string[];
}
