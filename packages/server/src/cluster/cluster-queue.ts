import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { BlocksApp, Dependency, RequestInfo } from "@vitrine/core";
import { Queue, QueueFullError, SessionFullError, type BatchSpec, type Job, type JobEvent, type SharedJob, type SharedQueueBackend } from "@vitrine/queue";
import type { OutputContext } from "../invoke.js";
import type { CallRequest } from "../join.js";
import { CLOSE_STREAM, HEARTBEAT, estimationTemplate, frame, messages } from "../protocol.js";
import { HEARTBEAT_MS } from "../sessions.js";
import { openEventStream, writeEvent } from "../sse.js";
import { refuseSecondStream } from "../security-headers.js";
import { HttpError } from "../http.js";
import { EventTask, type EventRun, type StateAccess } from "../run-event.js";
import { SharedState } from "./shared-state.js";

/** What a shared event carries besides its queue fields: enough to run it in any process. */
interface EventPayload {
  data: unknown[];
  triggerId: number | null;
  eventData: unknown;
  request: RequestInfo;
  /** The public root URL of the request that queued it (for the URLs of output files). */
  root: string;
}

/** How the server queues a dependency's events (see service.ts). */
export interface ClusterPlan {
  concurrencyId: string;
  concurrencyLimit: number | null;
  batch: BatchSpec | null;
  cancels: ReadonlySet<number> | null;
}

/** What the shared queue needs from the app's service. */
export interface ClusterHost {
  readonly app: BlocksApp;
  readonly showError: boolean;
  /** Most events waiting across all processes (the app's `max_size`). */
  readonly maxSize: number | null;
  /** Most events one session may have pending (`max_waiting_per_session`). */
  readonly maxPerSession: number | null;
  /** Milliseconds a session's events wait for its stream to open before they are cancelled. */
  readonly streamTimeoutMs: number;
  /** Milliseconds a session's State value is kept after it was last set (when it has no time to live of its own). */
  readonly sessionIdleMs: number;
  plan(dep: Dependency): ClusterPlan;
  /** The file store of an event queued through `root` (its public URL). */
  files(root: string): OutputContext;
}

/** An event that only this process can run (a `vt.render` rebuild, a `stream` listener): its run, made by the service. */
export type LocalRun = Omit<EventRun, "send" | "state" | "concurrencyId" | "concurrencyLimit" | "batch">;

/** What the server tells a client whose event's process died. */
export const LOST_MESSAGE = "The server process running this event stopped before it finished. Please try again.";

/**
 * The queue of an app served by several processes that share a {@link SharedQueueBackend}
 * (Redis): events join in any process, run in whichever claims them (within concurrency limits
 * that hold across processes), and their messages reach the session's stream in any process.
 * Each process runs what it claimed in its own in-memory queue, which drives generators,
 * batches, progress and cancellation exactly as without a shared backend.
 */
export class ClusterQueue {
  /** Runs what this process claimed (no limits of its own: the shared queue's claims are the limits). */
  private readonly local = new Queue({ updateInterval: 0 });
  /**
   * Jobs running in this process, by event id, with their session. An entry lets go of its job
   * when it is removed: V8 keeps a Map's old tables (after a rehash) alive until a full
   * collection, with the entries they held, and a job holds its whole event.
   */
  private readonly running = new Map<string, { job: Job | null; session: string }>();
  /** Sessions with a pending check that their stream opened. */
  private readonly unreadChecks = new Map<string, NodeJS.Timeout>();
  readonly state: SharedState;

  /** Concurrency groups this process's local queue holds: each run has its own, dropped when the run ends. */
  get localGroupCount(): number {
    return this.local.groupCount;
  }

  constructor(
    readonly backend: SharedQueueBackend,
    private readonly host: ClusterHost,
  ) {
    this.state = new SharedState(host.app, backend, host.sessionIdleMs);
  }

  /** Connects, and starts claiming the app's events. */
  async start(): Promise<void> {
    const groups = new Map<string, { id: string; limit: number | null; batchMax: number }>();
    for (const dep of this.host.app.dependencies) {
      const plan = this.host.plan(dep);
      const group = groups.get(plan.concurrencyId) ?? { id: plan.concurrencyId, limit: plan.concurrencyLimit, batchMax: 1 };
      group.batchMax = Math.max(group.batchMax, plan.batch?.maxSize ?? 1);
      groups.set(plan.concurrencyId, group);
    }
    await this.backend.start([...groups.values()], {
      run: (jobs) => this.runClaimed(jobs),
      cancelRunning: (id) => this.running.get(id)?.job?.cancel(),
      lost: (job) => this.backend.deliver(job.session, frame(messages.processFailed(job.id, { error: LOST_MESSAGE, duration: 10, visible: true, title: "Error" })), job.id),
    });
  }

  /**
   * Queues an event joined in this process and answers the join. `local`, for an event only
   * this process can run, makes its run (it is then run here, outside the shared queue).
   */
  async join(call: CallRequest, request: RequestInfo, root: string, res: ServerResponse, local: LocalRun | null): Promise<"queued" | "full"> {
    const dep = call.dependency;
    const hash = call.sessionHash;
    const plan = this.host.plan(dep);
    if (plan.cancels) await this.cancelFunctions(hash, plan.cancels);
    // A local event keeps the id its stream input (if any) was opened with.
    const eventId = local?.eventId ?? randomUUID().replaceAll("-", "");
    if (local) {
      await this.backend.track(hash, eventId, dep.id);
      const state = await this.state.access(hash, dep);
      this.runHere([{ id: eventId, session: hash, fn: dep.id, group: `local:${eventId}`, batchKey: null, retry: false, payload: null }], [{ ...local, eventId, state }], `local:${eventId}`, null);
    } else {
      const payload: EventPayload = { data: call.data, triggerId: call.triggerId, eventData: call.eventData, request, root };
      const job: SharedJob = {
        id: eventId,
        session: hash,
        fn: dep.id,
        group: plan.concurrencyId,
        batchKey: plan.batch?.key ?? null,
        retry: dep.options.retry === true,
        payload,
      };
      const template = estimationTemplate(eventId);
      try {
        const pushed = await this.backend.push(job, { maxSize: this.host.maxSize, maxPerSession: this.host.maxPerSession, estimation: template });
        if (pushed.claimed) this.runClaimed([job]);
      } catch (err) {
        if (err instanceof QueueFullError) return "full";
        if (err instanceof SessionFullError) {
          throw new HttpError(
            429,
            `Too many events pending: this session already has ${err.max} event(s) in the queue, the most one session may have (max_waiting_per_session). Wait for them to finish, then try again.`,
          );
        }
        console.error("[vitrine] the shared queue refused an event:", err);
        throw new HttpError(503, "The queue is unavailable right now; try again later");
      }
    }
    this.watchUnread(hash);
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ event_id: eventId }));
    return "queued";
  }

  /** Runs jobs this process claimed (one, or one batch). */
  private runClaimed(jobs: SharedJob[]): void {
    const first = jobs[0]!;
    const dep = this.host.app.dependency(first.fn);
    if (!dep) {
      for (const job of jobs) this.backend.deliver(job.session, frame(messages.processFailed(job.id, { error: `Unknown function ${job.fn}`, duration: 10, visible: true, title: "Error" })), job.id);
      void this.backend.finished(first.id, first.group, null);
      return;
    }
    const plan = this.host.plan(dep);
    const start = (states: readonly (StateAccess | undefined)[]) => {
      const runs = jobs.map((job, i): RunParts => {
        const p = job.payload as EventPayload;
        return {
          eventId: job.id,
          call: { dependency: dep, data: p.data, sessionHash: job.session, eventData: p.eventData, triggerId: p.triggerId },
          request: () => p.request,
          showError: this.host.showError,
          render: undefined,
          state: states[i],
          files: this.host.files(p.root),
          stream: undefined,
        };
      });
      this.runHere(jobs, runs, `run:${first.id}`, plan.batch, first.group);
    };
    // Without State, the runs start now; with State, once its values are loaded.
    if (!this.state.uses(dep)) return start([]);
    Promise.all(jobs.map((job) => this.state.access(job.session, dep))).then(start, (err: unknown) => {
      console.error("[vitrine] loading State from the shared queue failed:", err);
      for (const job of jobs) this.backend.deliver(job.session, frame(messages.processFailed(job.id, { error: null })), job.id);
      void this.backend.finished(first.id, first.group, null);
    });
  }

  /** Runs events in this process's queue; when all have ended, frees their shared slot (`group`). */
  private runHere(
    jobs: SharedJob[],
    runs: RunParts[],
    localGroup: string,
    batch: BatchSpec | null,
    group: string | null = null,
  ): void {
    let left = jobs.length;
    let duration: number | null = null;
    const ended = (event: JobEvent) => {
      if (event.type === "completed") duration = event.duration;
      if (--left === 0 && group !== null) void this.backend.finished(jobs[0]!.id, group, duration).catch(() => undefined);
    };
    const tasks = runs.map((run, i) => {
      const job = jobs[i]!;
      const send = (text: string, completes?: string) => {
        if (completes) this.stopTracking(job.id);
        this.backend.deliver(job.session, text, completes ?? null);
      };
      return new SharedEventTask(eventRun(run, localGroup, batch, send), ended);
    });
    const started = this.local.pushAll(tasks);
    started.forEach((job, i) => {
      if (job.state !== "done") this.running.set(jobs[i]!.id, { job, session: jobs[i]!.session });
    });
  }

  /** Forgets a running job; its entry lets go of the job first (see `running`). */
  private stopTracking(id: string): void {
    const entry = this.running.get(id);
    if (!entry) return;
    entry.job = null;
    this.running.delete(id);
  }

  /** Cancels an event of a session, wherever it waits or runs. */
  async cancel(session: string, id: string): Promise<void> {
    const where = await this.backend.cancel(session, id);
    if (where === "waiting") this.backend.deliver(session, frame(messages.processCancelled(id)), id);
    else if (where === "unknown") {
      // An event run outside the shared queue (here), if it is this session's.
      const local = this.running.get(id);
      if (local?.session === session) local.job?.cancel();
    }
  }

  /** Cancels a session's events of the given functions (a dependency's `cancels`). */
  async cancelFunctions(session: string, fns: ReadonlySet<number>): Promise<void> {
    const pending = await this.backend.pending(session);
    await Promise.all(pending.filter((e) => fns.has(e.fn)).map((e) => this.cancel(session, e.id)));
  }

  /** Cancels every event of a session and forgets its messages (its client went away). */
  private async drop(session: string): Promise<void> {
    const pending = await this.backend.pending(session);
    await Promise.all(pending.map((e) => this.cancel(session, e.id)));
    await this.backend.dropSession(session);
  }

  /** A session whose stream is not opened anywhere within the limit has its events cancelled (unread joins are freed). */
  private watchUnread(session: string): void {
    const ms = this.host.streamTimeoutMs;
    if (!Number.isFinite(ms) || this.unreadChecks.has(session)) return;
    const timer = setTimeout(() => {
      this.unreadChecks.delete(session);
      this.backend.hasReader(session).then(
        (read) => (read ? undefined : this.drop(session)),
        () => undefined,
      );
    }, ms);
    timer.unref();
    this.unreadChecks.set(session, timer);
  }

  /**
   * Serves a session's `/queue/data` stream from the shared queue: messages of its events, from
   * whichever process runs them, until every event it joined has completed.
   */
  async stream(session: string, res: ServerResponse): Promise<void> {
    let finished = false;
    let heartbeat: NodeJS.Timeout | null = null;
    const finish = (drop: boolean) => {
      if (finished) return;
      finished = true;
      if (heartbeat) clearInterval(heartbeat);
      if (typeof reader === "object") void reader.close();
      if (drop) void this.drop(session).catch(() => undefined);
      else if (!res.writableEnded) res.end(CLOSE_STREAM);
    };
    const reader = await this.backend.read(session, (batch, done) => {
      if (finished) return;
      res.cork();
      for (const [text] of batch) res.write(text);
      // The last completion and close_stream go out in one packet.
      if (done) finish(false);
      if (!res.writableEnded) res.uncork();
    });
    if (reader === "unknown") {
      openEventStream(res);
      writeEvent(res, messages.sessionNotFound());
      res.end();
      return;
    }
    if (reader === "busy") return refuseSecondStream(res);
    if (res.destroyed || res.closed) {
      // The client left while the claim was made.
      finish(true);
      return;
    }
    // The headers leave with the session's waiting messages (given right after the claim), in
    // one packet; with none waiting, on their own just after.
    openEventStream(res, false);
    setImmediate(() => {
      if (!res.headersSent && !res.writableEnded && !res.destroyed) res.flushHeaders();
    });
    heartbeat = setInterval(() => res.write(HEARTBEAT), HEARTBEAT_MS);
    heartbeat.unref();
    res.on("close", () => {
      // The client went away before its events finished: they are aborted, as in one process.
      if (!finished) finish(true);
    });
  }

  /** Stops claiming and aborts this process's running events. */
  async close(): Promise<void> {
    for (const t of this.unreadChecks.values()) clearTimeout(t);
    this.unreadChecks.clear();
    for (const { job } of this.running.values()) job?.cancel();
    this.local.close();
    await this.backend.close();
  }
}

/** An event's run without the fields its process's queue adds. */
type RunParts = Omit<EventRun, "send" | "concurrencyId" | "concurrencyLimit" | "batch">;

/**
 * The run of an event in this process's queue (its own concurrency group, no limit), written out
 * field by field: a spread of `parts` would make an object V8 keeps in dictionary mode, and each
 * read of the run then pays for it (about 8 % of a Redis process's CPU under load).
 */
function eventRun(parts: RunParts, concurrencyId: string, batch: BatchSpec | null, send: EventRun["send"]): EventRun {
  const run = {
    eventId: parts.eventId,
    call: parts.call,
    request: parts.request,
    showError: parts.showError,
    render: parts.render,
    state: parts.state,
    files: parts.files,
    stream: parts.stream,
    concurrencyId,
    concurrencyLimit: null,
    batch,
    send,
  };
  // Every field of EventRun is written above (a field added to it fails to compile here).
  return run satisfies Record<keyof EventRun, unknown>;
}

/** An event task that reports its end (for the shared slot to be freed). Its local group is its run's alone. */
class SharedEventTask extends EventTask {
  readonly transientGroup = true;

  constructor(
    run: EventRun,
    private readonly ended: (event: JobEvent) => void,
  ) {
    super(run);
  }

  override onEvent(event: JobEvent): void {
    super.onEvent(event);
    if (event.type === "completed" || event.type === "failed" || event.type === "cancelled") this.ended(event);
  }
}
