import type { StoreApi } from "zustand/vanilla";
import type { DependencyConfig, FileData, RenderConfig } from "@vitrine/core";
import { compileClientFunction } from "./clientFunction.js";
import { chainedAfter, triggeredBy, type Outcome } from "./dependencies.js";
import type { DataMessage, EventClient, EventJob, JobMessage, LogMessage, StatusMessage } from "./messages.js";
import type { AppState, BlockStatus, ProgressMode } from "./store.js";
import { ActiveStream, isStreamDependency, streamSources } from "./streams.js";
import type { ToastState } from "./toasts.js";

/** What fired an event: the block and the data the view sent with it. */
interface Origin {
  targetId: number | null;
  data: unknown;
}

/** A running dependency. */
interface Run {
  id: number;
  job: EventJob | null;
  cancelled: boolean;
}

/** Options of an {@link EventRunner}. */
export interface EventRunnerOptions {
  /** The config's dependencies (their index is the `fn_index`). */
  dependencies: readonly DependencyConfig[];
  store: StoreApi<AppState>;
  toasts: StoreApi<ToastState>;
  /** Connects to the server; called once, when the first backend event runs. */
  connect?: () => Promise<EventClient>;
  /** Clock, in ms (for tests). */
  now?: () => number;
  /** Brings a block into view (`scroll_to_output`); the page scrolls its element. */
  scrollTo?: (blockId: number) => void;
  /** Called after a `vt.render` region was rebuilt (the page loads the views it needs). */
  onRender?: (region: RenderConfig) => void;
  /** Resolves once the views' uploads are done (`PageFiles.settled`): events wait for it before reading their inputs. */
  uploadsSettled?: () => Promise<void>;
  /** Called as each event is sent to the server, with the data sent (the API recorder listens). */
  onSubmit?: (dep: DependencyConfig, data: readonly unknown[]) => void;
}

const NO_CAUSE: ReadonlySet<number> = new Set();

/** A stream listener's stream, from its first chunk until its source closes it. */
interface StreamEntry {
  /** The stream once its job is submitted; null if it could not start or has ended. */
  stream: Promise<ActiveStream | null>;
  resolve: (s: ActiveStream | null) => void;
  /** The source sent close_stream. */
  closed: boolean;
  /** The event ended. */
  ended?: boolean;
}

/**
 * Runs the app's events: finds the dependencies an event triggers, runs their client-side
 * `js` function, sends their inputs to the server, streams outputs, statuses and progress
 * into the store, shows errors and `log` messages as toasts, and starts the dependencies
 * chained after them (`.then` always, `.success` / `.failure` by outcome). It applies each
 * dependency's `trigger_mode`, `cancels`, `every` and `scroll_to_output`.
 *
 * Loops are cut: a dependency never runs again as a consequence of its own outputs (the
 * `change` events its outputs fire carry the chain of dependencies that caused them).
 */
export class EventRunner {
  /** The app's dependencies, then those of its rendered regions (replaced on each rebuild). */
  private deps: readonly DependencyConfig[];
  private readonly onRender?: (region: RenderConfig) => void;
  private readonly store: StoreApi<AppState>;
  private readonly toasts: StoreApi<ToastState>;
  private readonly connectClient?: () => Promise<EventClient>;
  private readonly now: () => number;
  private readonly scrollTo?: (blockId: number) => void;
  private readonly uploadsSettled?: () => Promise<void>;
  private readonly onSubmit?: (dep: DependencyConfig, data: readonly unknown[]) => void;
  /** Repeat timers of dependencies with `every`, by dependency id. */
  private readonly repeats = new Map<number, ReturnType<typeof setInterval>>();
  private client: Promise<EventClient> | null = null;
  private readonly running = new Map<number, Set<Run>>();
  private readonly waitingLast = new Map<number, () => Promise<void>>();
  private nextRunId = 1;
  /** Streams started by a first chunk, by dependency id: the stream once its job is submitted (null if it could not start). */
  private readonly streams = new Map<number, StreamEntry>();
  /** When the last stream error toast was shown (they are shown at most every 2 s). */
  private lastStreamError = -Infinity;

  constructor(options: EventRunnerOptions) {
    this.deps = options.dependencies;
    this.store = options.store;
    this.toasts = options.toasts;
    this.connectClient = options.connect;
    this.now = options.now ?? Date.now;
    this.scrollTo = options.scrollTo;
    this.onRender = options.onRender;
    this.uploadsSettled = options.uploadsSettled;
    this.onSubmit = options.onSubmit;
    // A streaming source learns how often to send chunks, and for how long (as Gradio's page tells it).
    for (const dep of this.deps) {
      if (!isStreamDependency(dep)) continue;
      for (const id of streamSources(dep)) this.store.getState().setProps(id, { stream_every: dep.stream_every, time_limit: dep.time_limit });
    }
  }

  /**
   * Puts a rebuilt `vt.render` region in place: its listeners replace those of its previous
   * run (whose `every` repeats stop), and its blocks replace theirs in the store.
   */
  applyRender(region: RenderConfig): void {
    for (const dep of this.deps) {
      if (dep.rendered_in !== region.render_id) continue;
      const timer = this.repeats.get(dep.id);
      if (timer !== undefined) clearInterval(timer);
      this.repeats.delete(dep.id);
    }
    this.deps = [...this.deps.filter((d) => d.rendered_in !== region.render_id), ...region.dependencies];
    this.store.getState().applyRender(region);
    this.onRender?.(region);
  }

  /**
   * Fires `event` on block `blockId`: runs every dependency that listens to it. `cause`
   * holds the dependencies whose outputs led here (they are not run again). Resolves when
   * those runs and their chains have finished.
   */
  fire(blockId: number, event: string, data: unknown = null, cause: ReadonlySet<number> = NO_CAUSE): Promise<void> {
    if (event === "close_stream") return this.closeStreams(blockId);
    if (event === "stream" && typeof Blob !== "undefined" && data instanceof Blob) return this.streamChunk(blockId, data);
    const origin = { targetId: blockId, data };
    return settle(triggeredBy(this.deps, blockId, event).map((dep) => this.trigger(dep, origin, cause)));
  }

  /**
   * Sets a block's value as a view asked, then, if it changed, fires `change` (and `input`
   * when the user made the change).
   */
  change(blockId: number, value: unknown, userInput = false): Promise<void> {
    if (!this.store.getState().setValue(blockId, value)) return Promise.resolve();
    const runs = [this.fire(blockId, "change", null)];
    if (userInput) runs.push(this.fire(blockId, "input", null));
    return settle(runs);
  }

  /** Connects to the server ahead of the first event (errors are reported when an event needs it). */
  preconnect(): void {
    if (this.connectClient) this.getClient().catch(() => {});
  }

  /**
   * Uploads files through the page's client (connecting first if needed); what views'
   * `upload` does. Rejects with the server's message when it refuses them.
   */
  async upload(
    files: readonly Blob[],
    options: { upload_id?: string; onProgress?: (fraction: number) => void } = {},
  ): Promise<FileData[]> {
    const client = await this.getClient();
    if (!client.upload) throw new Error("This page's client cannot upload files.");
    return client.upload(files, options);
  }

  /** Whether a dependency has a run in progress. */
  isRunning(depId: number): boolean {
    return (this.running.get(depId)?.size ?? 0) > 0;
  }

  /**
   * Cancels every run of a dependency: each job is cancelled on the server, its outputs keep
   * the last value they received, and their status clears. A pending `always_last` re-run is dropped.
   */
  cancel(depId: number): void {
    this.waitingLast.delete(depId);
    for (const run of this.running.get(depId) ?? []) {
      run.cancelled = true;
      void Promise.resolve(run.job?.cancel()).catch(() => {});
    }
  }

  /**
   * A chunk from a streaming source: goes to each `stream` listener of the block, starting the
   * listener's event if it is not running.
   */
  private streamChunk(blockId: number, chunk: Blob): Promise<void> {
    const started: Promise<void>[] = [];
    for (const dep of triggeredBy(this.deps, blockId, "stream")) {
      let entry = this.streams.get(dep.id);
      if (!entry) {
        let resolve!: (s: ActiveStream | null) => void;
        const stream = new Promise<ActiveStream | null>((r) => (resolve = r));
        const created: StreamEntry = { stream, resolve, closed: false };
        entry = created;
        this.streams.set(dep.id, created);
        // However the run ends (even before reaching the server: a failed js function), its stream has ended.
        const ended = () => {
          created.resolve(null);
          created.ended = true;
          if (created.closed && this.streams.get(dep.id) === created) this.streams.delete(dep.id);
        };
        started.push(this.run(dep, { targetId: blockId, data: null }, NO_CAUSE).finally(ended));
      }
      void entry.stream.then((s) => s?.send(blockId, chunk, (message) => this.streamError(message)));
    }
    return settle(started);
  }

  /** The source stopped streaming: its running streams end. */
  private closeStreams(blockId: number): Promise<void> {
    for (const dep of triggeredBy(this.deps, blockId, "stream")) {
      const entry = this.streams.get(dep.id);
      if (!entry) continue;
      entry.closed = true;
      // A stream that ended on its own (time limit, error) is forgotten: the next chunk starts a new one.
      if (entry.ended) this.streams.delete(dep.id);
      else void entry.stream.then((s) => s?.close());
    }
    return Promise.resolve();
  }

  private streamError(message: string): void {
    const now = this.now();
    if (now - this.lastStreamError < 2000) return;
    this.lastStreamError = now;
    this.toasts.getState().push({ level: "warning", title: "Stream", message });
  }

  /** Stops the `every` repeats (for tests and embedders; a closed page stops them by itself). */
  dispose(): void {
    for (const timer of this.repeats.values()) clearInterval(timer);
    this.repeats.clear();
  }

  private trigger(dep: DependencyConfig, origin: Origin, cause: ReadonlySet<number>): Promise<void> {
    if (cause.has(dep.id)) return Promise.resolve();
    if (this.isRunning(dep.id)) {
      if (dep.trigger_mode === "once") return Promise.resolve();
      if (dep.trigger_mode === "always_last") {
        this.waitingLast.set(dep.id, () => this.run(dep, origin, cause));
        return Promise.resolve();
      }
    }
    return this.run(dep, origin, cause);
  }

  private async run(dep: DependencyConfig, origin: Origin, cause: ReadonlySet<number>): Promise<void> {
    for (const id of dep.cancels ?? []) this.cancel(id);
    this.repeatEvery(dep, origin);
    const run: Run = { id: this.nextRunId++, job: null, cancelled: false };
    const runs = this.running.get(dep.id) ?? new Set<Run>();
    runs.add(run);
    this.running.set(dep.id, runs);
    const chain = new Set(cause).add(dep.id);
    const followUps: Promise<void>[] = [];
    let outcome: Outcome = "success";
    try {
      outcome = await this.execute(dep, run, origin, chain, followUps);
    } finally {
      runs.delete(run);
    }
    if (outcome === "success" && dep.scroll_to_output && dep.outputs.length > 0) this.scrollTo?.(dep.outputs[0]!);
    const waiting = this.waitingLast.get(dep.id);
    if (waiting && !this.isRunning(dep.id)) {
      this.waitingLast.delete(dep.id);
      followUps.push(waiting());
    }
    for (const next of chainedAfter(this.deps, dep.id, outcome)) followUps.push(this.trigger(next, origin, chain));
    await settle(followUps);
  }

  /** Starts re-running a dependency with `every` on its interval, once (from its first trigger on). */
  private repeatEvery(dep: DependencyConfig, origin: Origin): void {
    const every = dep.every;
    if (typeof every !== "number" || !(every > 0) || this.repeats.has(dep.id)) return;
    const timer = setInterval(() => void this.trigger(dep, origin, NO_CAUSE), every * 1000);
    this.repeats.set(dep.id, timer);
  }

  /**
   * One run's work: the client-side `js` function if any (its result replaces the inputs, or
   * sets the outputs when there is no backend function), then the server call.
   */
  private async execute(
    dep: DependencyConfig,
    run: Run,
    origin: Origin,
    chain: ReadonlySet<number>,
    followUps: Promise<void>[],
  ): Promise<Outcome> {
    // An input still uploading (an image just dropped or drawn) is sent once it has arrived.
    if (dep.inputs.length > 0 && this.uploadsSettled) await this.uploadsSettled();
    let inputs = this.store.getState().values(dep.inputs);
    if (dep.js) {
      let result: unknown[];
      try {
        const fn = compileClientFunction(dep.js);
        result = await fn(...inputs, ...this.store.getState().values(dep.outputs));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        console.error(`[vitrine] the js function of event ${dep.id} failed:`, err);
        this.toasts.getState().push({ level: "error", title: "Error", message: `The event's js function failed: ${message}` });
        return "failure";
      }
      if (run.cancelled) return "failure";
      if (!dep.backend_fn) {
        this.applyValues(dep.outputs, result, chain, followUps);
        return "success";
      }
      inputs = result;
    }
    if (!dep.backend_fn) return "success";
    return this.callServer(dep, run, inputs, origin, chain, followUps);
  }

  private async callServer(
    dep: DependencyConfig,
    run: Run,
    inputs: unknown[],
    origin: Origin,
    chain: ReadonlySet<number>,
    followUps: Promise<void>[],
  ): Promise<Outcome> {
    const state = this.store.getState();
    const startedAt = this.now();
    const showProgress: ProgressMode = dep.show_progress ?? "full";
    for (const id of dep.outputs) {
      state.setStatus(id, { stage: "pending", startedAt, position: null, showProgress, runId: run.id });
    }
    let outcome: Outcome = "success";
    let finalStatus: BlockStatus = { stage: "complete" };
    const streamEntry = isStreamDependency(dep) ? this.streams.get(dep.id) : undefined;
    let active: ActiveStream | null = null;
    const sources = streamEntry ? streamSources(dep) : [];
    const streamingOutput = dep.outputs.some((id) => state.blocks[id]?.props.streaming === true);
    try {
      const client = await this.getClient();
      if (run.cancelled) return "failure";
      if (streamEntry) {
        // The streamed inputs start empty: their chunks come on the live channel.
        inputs = inputs.map((v, i) => (sources.includes(dep.inputs[i]!) ? null : v));
      }
      this.onSubmit?.(dep, inputs);
      run.job = client.submit(dep.id, inputs, { trigger_id: origin.targetId, event_data: origin.data ?? null });
      if (streamEntry) {
        const values = () => this.store.getState().values(dep.inputs);
        active = new ActiveStream(dep, client, run.job.event_id ?? Promise.resolve(null), values);
        for (const id of sources) this.store.getState().setProps(id, { stream_active: true });
        this.watchStreamErrors(client);
        streamEntry.resolve(active);
      }
      let stage: "pending" | "generating" = "pending";
      for await (const message of run.job as AsyncIterable<JobMessage>) {
        if (message.type === "data") {
          // After a cancel, the output keeps the last value that arrived before it.
          if (!run.cancelled) this.applyData(dep, message as DataMessage, chain, followUps);
          // A streaming output (audio chunks) shows every value: the page draws each before the next.
          if (streamingOutput) await new Promise((r) => setTimeout(r, 0));
          const region = (message as DataMessage).render_config;
          if (region && !run.cancelled) this.applyRender(region);
          // A State changed on the server: its change listeners run (not this dependency again).
          for (const id of (message as DataMessage).changed_state_ids ?? []) followUps.push(this.fire(id, "change", null, chain));
        } else if (message.type === "log") {
          this.showLog(message as LogMessage);
        } else if (message.type === "status") {
          const status = message as StatusMessage;
          if (status.stage === "error") {
            outcome = "failure";
            finalStatus = { stage: "error", message: status.message ?? null };
            if (!run.cancelled) this.showError(status);
            break;
          }
          if (status.stage === "cancelled") {
            // Stopped (here or elsewhere): a failure for its chains, with no error shown.
            outcome = "failure";
            break;
          }
          if (status.stage === "complete") break;
          // Once outputs stream, a later progress or queue message does not cover them again.
          if (status.stage === "generating") stage = "generating";
          const patch: Partial<BlockStatus> = { stage };
          if (status.position !== undefined) patch.position = status.position;
          if (status.eta !== undefined) patch.eta = status.eta;
          if (status.progress_data !== undefined) patch.progress = status.progress_data;
          this.patchOutputs(dep, run.id, patch);
        }
      }
      if (run.cancelled) {
        // A cancelled run is a failure for its chains, but its outputs show no error.
        outcome = "failure";
        finalStatus = { stage: "complete" };
      }
    } catch (err) {
      outcome = "failure";
      const message = err instanceof Error ? err.message : String(err);
      finalStatus = { stage: "error", message };
      this.toasts.getState().push({ level: "error", title: "Error", message });
    } finally {
      for (const id of dep.outputs) this.store.getState().patchStatus(id, run.id, { ...finalStatus, runId: undefined });
      if (streamEntry) {
        streamEntry.resolve(null);
        active?.finished();
        // Until the source says it stopped (close_stream), late chunks of an ended stream start nothing.
        streamEntry.ended = true;
        if (streamEntry.closed && this.streams.get(dep.id) === streamEntry) this.streams.delete(dep.id);
        for (const id of sources) this.store.getState().setProps(id, { stream_active: false });
      }
    }
    return outcome;
  }

  private streamErrorsWatched = false;

  /** Shows the server's stream errors (a chunk too large, too many a second) as toasts, once per client. */
  private watchStreamErrors(client: EventClient): void {
    if (this.streamErrorsWatched || !client.on_stream_error) return;
    this.streamErrorsWatched = true;
    client.on_stream_error((e) => this.streamError(e.message));
  }

  private patchOutputs(dep: DependencyConfig, runId: number, patch: Partial<BlockStatus>): void {
    const state = this.store.getState();
    for (const id of dep.outputs) state.patchStatus(id, runId, patch);
  }

  /** Writes a server's outputs into the store, then fires `change` on those whose value changed. */
  private applyData(dep: DependencyConfig, message: DataMessage, chain: ReadonlySet<number>, followUps: Promise<void>[]): void {
    const state = this.store.getState();
    // The client leaves State outputs out of `data` (their values stay on the server).
    const slots = dep.outputs.filter((id) => state.blocks[id]?.type !== "state");
    this.applyValues(slots, message.data, chain, followUps);
  }

  /**
   * Writes values (or update objects) into blocks `ids`, in order, then fires `change` on
   * those whose value changed. State blocks are skipped: their values live on the server.
   */
  private applyValues(ids: readonly number[], values: readonly unknown[], chain: ReadonlySet<number>, followUps: Promise<void>[]): void {
    const state = this.store.getState();
    const changed = ids.filter(
      (id, i) => i < values.length && state.blocks[id]?.type !== "state" && state.applyOutput(id, values[i]),
    );
    for (const id of changed) followUps.push(this.fire(id, "change", null, chain));
  }

  private showError(status: StatusMessage): void {
    if (status.visible === false) return;
    this.toasts.getState().push({
      level: "error",
      title: status.title || "Error",
      message: status.message ?? "",
      duration: status.duration,
    });
  }

  private showLog(log: LogMessage): void {
    if (log.visible === false) return;
    const level = log.level === "warning" || log.level === "error" || log.level === "success" ? log.level : "info";
    const title = log.title || level.charAt(0).toUpperCase() + level.slice(1);
    this.toasts.getState().push({ level, title, message: log.log, duration: log.duration });
  }

  private getClient(): Promise<EventClient> {
    if (!this.connectClient) return Promise.reject(new Error("This page has no connection to a server."));
    this.client ??= this.connectClient().catch((err: unknown) => {
      this.client = null;
      throw err;
    });
    return this.client;
  }
}

/** Waits for every promise, never rejecting (errors are reported where they happen). */
function settle(promises: Promise<void>[]): Promise<void> {
  return Promise.allSettled(promises).then(() => undefined);
}
