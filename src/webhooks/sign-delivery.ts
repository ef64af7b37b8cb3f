import type { EvidenceTool } from '../domain/evidence/evidence-event';
import { bodyDigest, LABEL_STUDIO_TOKEN_HEADER, signDelivery } from './verify';

/** What a tampered delivery changed: a byte of the signed body, or (tools that sign nothing) of the secret sent. */
export type Tampering = 'body' | 'secret';

export interface SignedDelivery {
  headers: Record<string, string>;
  /** The bytes to post, exactly (a signature is over them). */
  body: string;
  /** The id the web trigger will know the delivery by: the tool's delivery id, else the body's sha256. */
  deliveryId: string;
  tampered: Tampering | null;
}

/** Tools whose signature covers the body; W&B (bearer secret) and Label Studio (a header) sign nothing. */
const SIGNS_BODY: Readonly<Record<EvidenceTool, boolean>> = {
  mlflow: true,
  databricks: true,
  ci: true,
  wandb: false,
  labelstudio: false,
};
const SENDS_DELIVERY_ID: readonly EvidenceTool[] = ['mlflow', 'ci'];

/**
 * A delivery of `body` signed as `tool` signs it (signDelivery, the same code the web trigger's tests use), for the
 * playground's "Send a test delivery" and `ml-lanes deliver`. With `tamper`, one byte changes after signing: the
 * body's last digit (or last character) for tools that sign the body, else one character of the secret sent, so
 * the web trigger must refuse it either way.
 */
export function signedDelivery(
  tool: EvidenceTool,
  body: string,
  secret: string,
  options: { deliveryId: string; timestampSeconds: number; tamper?: boolean },
): SignedDelivery {
  const headers = signDelivery(tool, body, secret, options);
  const deliveryId = SENDS_DELIVERY_ID.includes(tool) ? options.deliveryId : bodyDigest(body);
  if (!options.tamper) return { headers, body, deliveryId, tampered: null };
  if (SIGNS_BODY[tool]) {
    const tampered = changeOneByte(body);
    return {
      headers,
      body: tampered,
      deliveryId: SENDS_DELIVERY_ID.includes(tool) ? deliveryId : bodyDigest(tampered),
      tampered: 'body',
    };
  }
  const name = tool === 'wandb' ? 'Authorization' : LABEL_STUDIO_TOKEN_HEADER;
  return {
    headers: { ...headers, [name]: changeOneByte(headers[name] ?? '') },
    body,
    deliveryId,
    tampered: 'secret',
  };
}

/** The text with its last digit moved by one (0.93 → 0.94), or, without digits, its last character changed. */
export function changeOneByte(text: string): string {
  const at = text.search(/\d(?=\D*$)/);
  if (at >= 0) return `${text.slice(0, at)}${(Number(text[at]) + 1) % 10}${text.slice(at + 1)}`;
  if (text === '') return 'x';
  const last = text.slice(-1);
  return `${text.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
}
