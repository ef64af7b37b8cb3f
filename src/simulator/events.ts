import type { ChangeItem } from './render/changelog';

/**
 * The events Jira sends a Forge app's product triggers when the simulator's state changes through its own write
 * endpoints (a transition, an issue edit, a link created or deleted), in the payload shapes Forge delivers
 * (developer.atlassian.com, "Jira events": issue events carry `issue`, `atlassianId`, `associatedStatuses` and a
 * `changelog`; issue link events carry the link's `id`, `sourceIssueId`, `destinationIssueId` and `issueLinkType`).
 * Only what the simulator knows is filled in; a listener must read them as loosely as an app reads Jira's.
 */

export interface SimStatusRef {
  id: string;
  name: string;
  statusCategory: { id: number; key: 'new' | 'indeterminate' | 'done'; name: string };
}

/** One changelog item, as Jira lists it in `changelog.items` (the shape the simulator's changelogs render). */
export type SimChangelogItem = ChangeItem;

export interface SimIssueEvent {
  eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';
  /** Who made the change (the signed-in user). */
  atlassianId: string;
  issue: {
    id: string;
    key: string;
    fields: { summary: string; status: SimStatusRef; project: { id: string; key: string } };
  };
  /** For a status change: the status now, then the status before. */
  associatedStatuses?: SimStatusRef[];
  changelog?: { id: string; items: SimChangelogItem[] };
}

export interface SimIssueLinkEvent {
  eventType: 'avi:jira:created:issuelink' | 'avi:jira:deleted:issuelink';
  atlassianId: string;
  /** The link's id; Forge sends these ids as numbers. */
  id: number;
  /** The outward issue ("CV-101 blocks CV-105": CV-101). */
  sourceIssueId: number;
  /** The inward issue (CV-105). */
  destinationIssueId: number;
  issueLinkType: { id: string; name: string; inwardName: string; outwardName: string };
  systemLink: false;
}

export type SimEvent = SimIssueEvent | SimIssueLinkEvent;

export type SimEventListener = (event: SimEvent) => void;

/**
 * Listeners of the simulator's events. Events are delivered after the request that caused them has been answered
 * (as Jira's come after the change), one at a time in order; a listener that throws is logged and the others still
 * hear the event.
 */
export class EventHub {
  private readonly listeners = new Set<SimEventListener>();

  on(listener: SimEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  deliver(events: readonly SimEvent[]): void {
    for (const event of events)
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error(`simulator event listener failed on ${event.eventType}: ${String(error)}`);
        }
      }
  }

  clear(): void {
    this.listeners.clear();
  }
}
