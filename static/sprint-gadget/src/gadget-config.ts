/**
 * What the gadget keeps in Jira (its `gadgetConfiguration`, saved by the edit view with `view.submit`) and how it
 * reads it back. Jira stores it per gadget and anyone who can edit the dashboard can change it: it only says which
 * board and sprint to show, and getPlan asks Jira, as the viewer, whether they may see them.
 */
import type { GetPlanPayload, PanelContext } from '../../../src/contract/resolver-api';

export type GadgetSprint = NonNullable<GetPlanPayload['sprintId']>;

export interface GadgetConfig {
  boardId: number;
  /** A sprint id, or the board's "active" or "next" sprint whenever the gadget is shown. */
  sprintId: GadgetSprint;
  /** The board's project, for opening the planning panel on the project page; null for boards spanning projects. */
  projectKey: string | null;
}

/** Where the gadget is drawn: its configuration screen, or the dashboard with its saved configuration (if any). */
export type GadgetPlacement =
  { mode: 'edit'; config: GadgetConfig | null } | { mode: 'view'; config: GadgetConfig | null };

function asId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function asSprint(value: unknown): GadgetSprint | undefined {
  if (value === 'active' || value === 'next') return value;
  return asId(value);
}

/** The saved configuration, or null when there is none yet or it is not one this gadget wrote. */
export function readGadgetConfig(value: unknown): GadgetConfig | null {
  if (typeof value !== 'object' || value === null) return null;
  const saved = value as Record<string, unknown>;
  const boardId = asId(saved.boardId);
  if (boardId === undefined) return null;
  const projectKey =
    typeof saved.projectKey === 'string' && /^[A-Z][A-Z0-9_]*$/.test(saved.projectKey)
      ? saved.projectKey
      : null;
  return { boardId, sprintId: asSprint(saved.sprintId) ?? 'active', projectKey };
}

export function gadgetPlacement(context: PanelContext): GadgetPlacement {
  const extension: Record<string, unknown> = { ...context.extension };
  const config = readGadgetConfig(extension.gadgetConfiguration);
  return extension.entryPoint === 'edit' ? { mode: 'edit', config } : { mode: 'view', config };
}

/** getPlan's payload for a configured gadget. */
export function planPayload(config: GadgetConfig): GetPlanPayload {
  return { boardId: config.boardId, sprintId: config.sprintId };
}
