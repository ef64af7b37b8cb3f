/**
 * The resolver functions the Custom UI may invoke, with their payloads and results: one typed API for both sides.
 */
import { ADMIN_RESOLVER_KEYS, type AdminApi } from './admin-api';
import { BOARD_SETUP_RESOLVER_KEYS, type BoardSetupApi } from './board-setup-api';
import { CONNECTIONS_RESOLVER_KEYS, type ConnectionsApi } from './connections-api';
import { ISSUE_RESOLVER_KEYS, type IssueApi } from './issue-api';
import type { ForecastAnswer, WhatIf } from './forecast-view';
import type { PanelPlan } from './panel-plan';

/** `sprintId` may be a number, "active" or "next"; left out, the panel plans the active-else-next sprint. */
export interface GetPlanPayload {
  boardId?: number;
  sprintId?: number | 'active' | 'next';
}

/** The forecast of the same sprint `getPlan` plans, with the Scrum Master's what-if (nothing is written to Jira). */
export interface GetForecastPayload extends GetPlanPayload {
  whatIf?: WhatIf;
  /** Read the board's history from Jira again instead of the copy stored in the last six hours. */
  refreshHistory?: boolean;
}

export interface BoardChoice {
  id: number;
  name: string;
  type: string;
  /** The project the board belongs to, when Jira says (boards on filters spanning projects may have none). */
  projectKey: string | null;
  sprints: { id: number; name: string; state: 'active' | 'future' | 'closed' }[];
}

export interface ListBoardsPayload {
  /** Boards of this project (the project page's context); left out, every board the user can see. */
  projectKey?: string;
}

export interface PanelApi {
  getPlan: { payload: GetPlanPayload; result: PanelPlan };
  getForecast: { payload: GetForecastPayload; result: ForecastAnswer };
  listBoards: { payload: ListBoardsPayload; result: BoardChoice[] };
}

/** Every resolver function of the app: the planning panel's and the admin page's. */
export interface ResolverApi extends PanelApi, AdminApi, IssueApi, BoardSetupApi, ConnectionsApi {}

export type ResolverKey = keyof ResolverApi;

export const RESOLVER_KEYS = [
  'getPlan',
  'getForecast',
  'listBoards',
  ...ADMIN_RESOLVER_KEYS,
  ...ISSUE_RESOLVER_KEYS,
  ...BOARD_SETUP_RESOLVER_KEYS,
  ...CONNECTIONS_RESOLVER_KEYS,
] as const satisfies readonly ResolverKey[];

/** The module context the panel reads with `view.getContext()` (only the parts it uses). */
export interface PanelContext {
  moduleKey: string;
  siteUrl?: string;
  /** Jira's locale for the user, e.g. `en_US` or `zh_Hant_TW`. */
  locale?: string;
  accountId?: string;
  theme?: { colorMode?: 'light' | 'dark' };
  extension: {
    type: 'jira:sprintAction' | 'jira:boardAction' | 'jira:projectPage' | 'jira:adminPage' | string;
    board?: { id: number | string; type?: string };
    sprint?: { id: number | string; state?: string };
    project?: { id?: string; key?: string; type?: string };
    issue?: { id?: string; key?: string };
  };
}
