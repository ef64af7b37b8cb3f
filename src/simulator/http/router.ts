import type { Reply } from './reply';
import type { Site } from '../site';
import type { JqlCache } from '../jql';
import type { SimEvent } from '../events';
import type { WorkspaceUser } from '../workspace';

/** Route templates ("/rest/agile/1.0/board/{boardId}") matched against request paths. */

export interface Limits {
  /** Overrides Jira's page caps (5,000 id-only / 100 with fields) when set. */
  maxSearchPageSize: number | undefined;
  maxSprintPageSize: number;
  /** Where bulkfetch puts ids it cannot return. */
  missingInBulkfetch: 'issueErrors' | 'omit';
  /** Cap on histories per /changelog/bulkfetch page (Jira honours maxResults up to 10,000). */
  maxChangelogPageSize: number;
  /** How changelog histories give `created`. */
  changelogDates: 'epoch-millis' | 'iso';
  /** Repeat the last history of a page at the start of the next one. */
  changelogPageOverlap: boolean;
}

export interface RequestContext {
  site: Site;
  /** The simulator's own URL, used for `self` links. */
  base: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when the request had none). */
  body: unknown;
  limits: Limits;
  jqlCache: JqlCache;
  /** Who is asking (the authenticated user). */
  user: WorkspaceUser;
  /** What a write changed, as the event Jira would send a Forge trigger; delivered once the request is answered. */
  emit(event: SimEvent): void;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

export type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; template: string }
  | { kind: 'none' };

export function compileRoutes(routes: Route[]): (method: string, path: string) => Match {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.template
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param?.[1]) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(param[1]);
        return '([^/]+)';
      })
      .join('/');
    return { ...route, pattern: new RegExp(`^${source}/?$`), names };
  });
  return (method, path) => {
    let wrongMethod: string | undefined;
    for (const route of compiled) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      if (route.method !== method) {
        wrongMethod ??= route.template;
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = safeDecode(match[i + 1] ?? '')));
      return { kind: 'route', route, params };
    }
    return wrongMethod === undefined ? { kind: 'none' } : { kind: 'wrong-method', template: wrongMethod };
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
