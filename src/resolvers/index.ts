import type { ResolverResult } from '../contract/envelope';
import type { ResolverApi, ResolverKey } from '../contract/resolver-api';
import type { ResolverDeps } from './deps';
import { toResolverError } from './errors';
import {
  getConfig,
  importConfig,
  listRevisions,
  resetProjectConfig,
  restoreRevision,
  saveConfig,
  validateConfig,
} from './admin/config';
import { getBoardSetup, reindexBoardIndex } from './admin/board-setup';
import { siteCatalog } from './admin/catalog';
import {
  createSecret,
  getConnections,
  getDeliveryLog,
  rotateSecret,
  rotateUrl,
  saveConnections,
} from './admin/connections';
import { previewConfig } from './admin/preview';
import { getForecast } from './get-forecast';
import { getPlan } from './get-plan';
import { checkDoneTransition, getIssuePanel, setDodItem, setLaneOverride } from './issue/issue-panel';
import { listBoards } from './list-boards';
import { forgeContextSchema, type ForgeContext, type ResolverRequest } from './request';
import { BadRequestError } from '../errors';

export type { ResolverDeps } from './deps';
export type { ResolverRequest } from './request';

export type ResolverFunctions = {
  [K in ResolverKey]: (request: ResolverRequest) => Promise<ResolverResult<ResolverApi[K]['result']>>;
};

type Handler<K extends ResolverKey> = (
  deps: ResolverDeps,
  payload: unknown,
  context: ForgeContext,
) => Promise<ResolverApi[K]['result']>;

/**
 * Every resolver the UI may invoke, each a thin wrapper: validate the request, call the core, and answer with
 * the envelope — never a thrown stack.
 */
export function createResolverFunctions(deps: ResolverDeps): ResolverFunctions {
  const wrap =
    <K extends ResolverKey>(handler: Handler<K>) =>
    async (request: ResolverRequest): Promise<ResolverResult<ResolverApi[K]['result']>> => {
      try {
        refuseOversized(request.payload);
        const context = forgeContextSchema.parse(request.context ?? {});
        return { ok: true, data: await handler(deps, request.payload, context) };
      } catch (error) {
        return { ok: false, error: toResolverError(error) };
      }
    };
  return {
    getPlan: wrap<'getPlan'>(getPlan),
    getForecast: wrap<'getForecast'>(getForecast),
    listBoards: wrap<'listBoards'>(listBoards),
    getConfig: wrap<'getConfig'>(getConfig),
    saveConfig: wrap<'saveConfig'>(saveConfig),
    importConfig: wrap<'importConfig'>(importConfig),
    listRevisions: wrap<'listRevisions'>(listRevisions),
    restoreRevision: wrap<'restoreRevision'>(restoreRevision),
    resetProjectConfig: wrap<'resetProjectConfig'>(resetProjectConfig),
    previewConfig: wrap<'previewConfig'>(previewConfig),
    validateConfig: wrap<'validateConfig'>(validateConfig),
    siteCatalog: wrap<'siteCatalog'>(siteCatalog),
    getIssuePanel: wrap<'getIssuePanel'>(getIssuePanel),
    setDodItem: wrap<'setDodItem'>(setDodItem),
    setLaneOverride: wrap<'setLaneOverride'>(setLaneOverride),
    checkDoneTransition: wrap<'checkDoneTransition'>(checkDoneTransition),
    getBoardSetup: wrap<'getBoardSetup'>(getBoardSetup),
    reindexBoardIndex: wrap<'reindexBoardIndex'>(reindexBoardIndex),
    getConnections: wrap<'getConnections'>(getConnections),
    saveConnections: wrap<'saveConnections'>(saveConnections),
    createSecret: wrap<'createSecret'>(createSecret),
    rotateSecret: wrap<'rotateSecret'>(rotateSecret),
    rotateUrl: wrap<'rotateUrl'>(rotateUrl),
    getDeliveryLog: wrap<'getDeliveryLog'>(getDeliveryLog),
  };
}

/** No payload of the app comes near this (an import is at most 240 KB of text); anything larger is refused unread. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;

function refuseOversized(payload: unknown): void {
  const size = JSON.stringify(payload ?? null).length;
  if (size > MAX_PAYLOAD_BYTES) {
    throw new BadRequestError(
      `The request is ${Math.ceil(size / 1024)} KB; ML Lanes accepts at most ${MAX_PAYLOAD_BYTES / 1024} KB.`,
    );
  }
}
