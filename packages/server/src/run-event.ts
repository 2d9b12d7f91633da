import type { Dependency, EventContext } from "@vitrine/core";
import type { JobEvent, Task } from "@vitrine/queue";
import { diff } from "./diff.js";
import { invoke } from "./invoke.js";
import type { CallRequest } from "./join.js";
import { errorPayload, messages, type QueueMessage } from "./protocol.js";

/** How an event is run: where its messages go and what the server settings are. */
export interface EventRun {
  eventId: string;
  call: CallRequest;
  request: EventContext["request"];
  defaultConcurrencyLimit: number | null;
  showError: boolean;
  send(message: QueueMessage): void;
}

/** The concurrency limit that holds for a dependency. */
export function concurrencyLimit(dep: Dependency, defaultLimit: number | null): number | null {
  if (!dep.queued) return null;
  const limit = dep.options.concurrency_limit;
  return limit === undefined || limit === "default" ? defaultLimit : limit;
}

/**
 * Builds the queue task for one event: runs the function, and turns what happens into
 * protocol messages (full values on the first streamed output, diffs after that).
 */
export function eventTask(run: EventRun): Task {
  const { eventId, call, send } = run;
  const dep = call.dependency;
  let previous: unknown[] | null = null;
  return {
    concurrencyId: dep.options.concurrency_id ?? String(dep.id),
    concurrencyLimit: concurrencyLimit(dep, run.defaultConcurrencyLimit),
    start(signal: AbortSignal) {
      const context: EventContext = {
        signal,
        session: { hash: call.sessionHash },
        request: run.request,
        event: { target: call.triggerId, data: call.eventData },
      };
      return invoke(dep, call.data, context);
    },
    onEvent(event: JobEvent) {
      switch (event.type) {
        case "estimation":
          return send(messages.estimation(eventId, event.rank, event.queueSize, event.rankEta));
        case "started":
          return send(messages.processStarts(eventId, event.eta));
        case "output": {
          const data = event.value as unknown[];
          const wire = previous ? data.map((v, i) => diff(previous![i], v)) : data;
          previous = data;
          return send(messages.processGenerating(eventId, wire));
        }
        case "completed": {
          const data = (event.value as unknown[] | undefined) ?? previous ?? dep.outputs.map(() => null);
          return send(messages.processCompleted(eventId, data, event.duration, event.averageDuration));
        }
        case "failed":
          return send(messages.processFailed(eventId, errorPayload(event.error, run.showError)));
        case "cancelled":
          return send(messages.processCancelled(eventId));
      }
    },
  };
}
