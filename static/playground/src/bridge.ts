/**
 * The playground's stand-in for the Forge host, loaded into a Custom UI frame before the app's bundle (as Forge
 * injects its own bridge script). @forge/bridge calls `globalThis.__bridge.callBridge(op, payload)`; here `invoke`
 * reaches the real resolver functions on the playground server, and `getContext` describes the module the host
 * page opened. Everything the app asks of the host is recorded in `__playground.calls` for the browser tests.
 */
interface BridgeCall {
  op: string;
  payload: unknown;
}

interface PlaygroundRecord {
  calls: BridgeCall[];
}

const params = new URLSearchParams(location.search);
const colorMode = (): 'light' | 'dark' => (params.get('theme') === 'dark' ? 'dark' : 'light');
const numberOrString = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : value);

function moduleContext() {
  const type = params.get('module') ?? 'jira:sprintAction';
  const board = params.get('board');
  const sprint = params.get('sprint');
  const project = params.get('project');
  const issue = params.get('issue');
  const gadget = type === 'jira:dashboardGadget';
  return {
    accountId: 'playground-user',
    cloudId: 'playground',
    siteUrl: params.get('site') ?? location.origin,
    locale: navigator.language,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    moduleKey: params.get('moduleKey') ?? 'ml-lanes-playground',
    localId: `playground-${type}`,
    environmentType: 'DEVELOPMENT',
    theme: { colorMode: colorMode() },
    extension: {
      type,
      ...(board ? { board: { id: numberOrString(board), type: 'scrum' } } : {}),
      ...(sprint ? { sprint: { id: numberOrString(sprint) } } : {}),
      ...(project ? { project: { key: project, type: 'software' } } : {}),
      ...(issue ? { issue: { key: issue, type: 'Story' } } : {}),
      ...(gadget ? gadgetExtension() : {}),
    },
  };
}

/** What Jira tells a dashboard gadget: its saved configuration, which gadget it is, and whether it is being edited. */
function gadgetExtension() {
  let gadgetConfiguration: unknown = {};
  try {
    gadgetConfiguration = JSON.parse(params.get('gadgetConfiguration') ?? '{}');
  } catch {
    // An unreadable configuration is what a gadget nobody configured gets: none.
  }
  return {
    gadgetConfiguration,
    gadget: { id: 'playground-gadget' },
    dashboard: { id: 'playground-dashboard' },
    ...(params.get('entryPoint') === 'edit' ? { entryPoint: 'edit' } : {}),
  };
}

function applyTheme(mode: 'light' | 'dark'): void {
  const html = document.documentElement;
  html.setAttribute('data-theme', 'light:light dark:dark spacing:spacing typography:typography shape:shape');
  html.setAttribute('data-color-mode', mode);
}

async function invoke(payload: { functionKey: string; payload?: unknown }): Promise<unknown> {
  const context = moduleContext();
  const response = await fetch('/__playground/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      functionKey: payload.functionKey,
      payload: payload.payload ?? {},
      context,
      // Which of the playground's Jira users is acting (an admin or a member): Forge knows it from the session.
      user: params.get('user') ?? undefined,
    }),
  });
  const body = (await response.json()) as { result?: unknown; error?: string };
  if (!response.ok) throw new Error(body.error ?? `invoke failed with ${response.status}`);
  return body.result;
}

const record: PlaygroundRecord = { calls: [] };
let themingEnabled = false;

async function callBridge(op: string, payload?: unknown): Promise<unknown> {
  record.calls.push({ op, payload });
  switch (op) {
    case 'invoke':
      return invoke(payload as { functionKey: string; payload?: unknown });
    case 'getContext':
      return moduleContext();
    case 'enableTheming':
      themingEnabled = true;
      applyTheme(colorMode());
      return undefined;
    case 'submit':
      // Jira keeps a gadget's configuration and shows the gadget with it: the host page plays that part.
      window.parent.postMessage({ source: 'ml-lanes-bridge', op, payload }, location.origin);
      return true;
    case 'navigate':
    case 'open':
    case 'showFlag':
    case 'close':
      // Forge would navigate Jira or show a flag: the host page says what would happen instead.
      window.parent.postMessage({ source: 'ml-lanes-bridge', op, payload }, location.origin);
      return undefined;
    default:
      return undefined;
  }
}

// The host page switches the theme live, as Jira does when the user changes theirs.
window.addEventListener(
  'message',
  (event: MessageEvent<{ source?: string; colorMode?: 'light' | 'dark' }>) => {
    if (event.origin !== location.origin || event.data?.source !== 'ml-lanes-host' || !event.data.colorMode)
      return;
    params.set('theme', event.data.colorMode);
    if (themingEnabled) applyTheme(event.data.colorMode);
  },
);

Object.assign(globalThis, { __bridge: { callBridge }, __playground: record });
