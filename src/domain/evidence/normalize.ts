import type { EvidenceTool } from './evidence-event';
import { normalizeCi } from './normalize-ci';
import type { Normalized, NormalizeContext } from './normalize-common';
import { normalizeDatabricks } from './normalize-databricks';
import { normalizeLabelStudio } from './normalize-labelstudio';
import { normalizeMlflow } from './normalize-mlflow';
import { normalizeWandb } from './normalize-wandb';

export type { Normalized, NormalizeContext } from './normalize-common';

const NORMALIZERS: Readonly<Record<EvidenceTool, (body: unknown, context: NormalizeContext) => Normalized>> =
  {
    mlflow: normalizeMlflow,
    databricks: normalizeDatabricks,
    wandb: normalizeWandb,
    labelstudio: normalizeLabelStudio,
    ci: normalizeCi,
  };

/** A verified, parsed delivery into one evidence event, or why not. */
export function normalizeDelivery(tool: EvidenceTool, body: unknown, context: NormalizeContext): Normalized {
  return NORMALIZERS[tool](body, context);
}
