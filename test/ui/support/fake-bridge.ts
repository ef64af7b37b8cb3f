/**
 * A fake Forge host for UI tests: the real @forge/bridge module runs and calls `globalThis.__bridge.callBridge`,
 * which lands here. Import this module BEFORE anything that imports @forge/bridge (it reads __bridge on load).
 */
import type { ResolverResult } from '../../../src/contract/envelope';
import type { PanelContext } from '../../../src/contract/resolver-api';

export interface BridgeCall {
  op: string;
  payload: unknown;
}

export interface InvokeRequest {
  functionKey: string;
  payload: Record<string, unknown>;
}

type InvokeHandler = (request: InvokeRequest) => ResolverResult<unknown> | Promise<ResolverResult<unknown>>;

export const SPRINT_ACTION_CONTEXT: PanelContext & { locale: string } = {
  moduleKey: 'ml-lanes-sprint-action',
  siteUrl: 'https://example.atlassian.net',
  locale: 'en_GB',
  extension: {
    type: 'jira:sprintAction',
    board: { id: '1', type: 'scrum' },
    sprint: { id: '102', state: 'active' },
  },
};

class FakeBridge {
  calls: BridgeCall[] = [];
  context: unknown = SPRINT_ACTION_CONTEXT;
  invokeHandler: InvokeHandler = () => ({
    ok: false,
    error: { code: 'internal', message: 'no invoke handler set' },
  });

  reset(): void {
    this.calls = [];
    this.context = SPRINT_ACTION_CONTEXT;
    this.invokeHandler = () => ({ ok: false, error: { code: 'internal', message: 'no invoke handler set' } });
  }

  /** Answers every invoke with this (or with what the function returns for the request). */
  onInvoke(handler: InvokeHandler): void {
    this.invokeHandler = handler;
  }

  invokes(functionKey?: string): InvokeRequest[] {
    return this.calls
      .filter((call) => call.op === 'invoke')
      .map((call) => call.payload as InvokeRequest)
      .filter((request) => functionKey === undefined || request.functionKey === functionKey);
  }

  ops(op: string): unknown[] {
    return this.calls.filter((call) => call.op === op).map((call) => call.payload);
  }

  async callBridge(op: string, payload?: unknown): Promise<unknown> {
    this.calls.push({ op, payload });
    switch (op) {
      case 'getContext':
        return JSON.parse(JSON.stringify(this.context)) as unknown;
      case 'invoke':
        return this.invokeHandler(payload as InvokeRequest);
      default:
        return undefined;
    }
  }
}

export const bridge = new FakeBridge();

(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: (op: string, payload?: unknown) => bridge.callBridge(op, payload),
};
