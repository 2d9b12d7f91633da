import type { StoreApi } from "zustand/vanilla";
import type { DependencyConfig } from "@vitrine/core";
import { chainedAfter, triggeredBy, type Outcome } from "./dependencies.js";
import type { DataMessage, EventClient, EventJob, JobMessage, LogMessage, StatusMessage } from "./messages.js";
import type { AppState, BlockStatus, ProgressMode } from "./store.js";
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
}

const NO_CAUSE: ReadonlySet<number> = new Set();

/**
 * Runs the app's events: finds the dependencies an event triggers, sends their inputs to the
 * server, streams outputs and statuses into the store, shows errors as toasts, and starts
 * the dependencies chained after them.
 *
 * Loops are cut: a dependency never runs again as a consequence of its own outputs (the
 * `change` events its outputs fire carry the chain of dependencies that caused them).
 */
export class EventRunner {
  private readonly deps: readonly DependencyConfig[];
  private readonly store: StoreApi<AppState>;
  private readonly toasts: StoreApi<ToastState>;
  private readonly connectClient?: () => Promise<EventClient>;
  private readonly now: () => number;
  private client: Promise<EventClient> | null = null;
  private readonly running = new Map<number, Set<Run>>();
  private readonly waitingLast = new Map<number, () => Promise<void>>();
  private nextRunId = 1;

  constructor(options: EventRunnerOptions) {
    this.deps = options.dependencies;
    this.store = options.store;
    this.toasts = options.toasts;
    this.connectClient = options.connect;
    this.now = options.now ?? Date.now;
  }

  /**
   * Fires `event` on block `blockId`: runs every dependency that listens to it. `cause`
   * holds the dependencies whose outputs led here (they are not run again). Resolves when
   * those runs and their chains have finished.
   */
  fire(blockId: number, event: string, data: unknown = null, cause: ReadonlySet<number> = NO_CAUSE): Promise<void> {
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

  /** Whether a dependency has a run in progress. */
  isRunning(depId: number): boolean {
    return (this.running.get(depId)?.size ?? 0) > 0;
  }

  /** Cancels every run of a dependency. */
  cancel(depId: number): void {
    for (const run of this.running.get(depId) ?? []) {
      run.cancelled = true;
      void Promise.resolve(run.job?.cancel()).catch(() => {});
    }
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
    const run: Run = { id: this.nextRunId++, job: null, cancelled: false };
    const runs = this.running.get(dep.id) ?? new Set<Run>();
    runs.add(run);
    this.running.set(dep.id, runs);
    const chain = new Set(cause).add(dep.id);
    const followUps: Promise<void>[] = [];
    let outcome: Outcome = "success";
    try {
      if (dep.backend_fn) outcome = await this.callServer(dep, run, origin, chain, followUps);
    } finally {
      runs.delete(run);
    }
    const waiting = this.waitingLast.get(dep.id);
    if (waiting && !this.isRunning(dep.id)) {
      this.waitingLast.delete(dep.id);
      followUps.push(waiting());
    }
    for (const next of chainedAfter(this.deps, dep.id, outcome)) followUps.push(this.trigger(next, origin, chain));
    await settle(followUps);
  }

  private async callServer(
    dep: DependencyConfig,
    run: Run,
    origin: Origin,
    chain: ReadonlySet<number>,
    followUps: Promise<void>[],
  ): Promise<Outcome> {
    const state = this.store.getState();
    const inputs = state.values(dep.inputs);
    const startedAt = this.now();
    const showProgress: ProgressMode = dep.show_progress ?? "full";
    for (const id of dep.outputs) {
      state.setStatus(id, { stage: "pending", startedAt, position: null, showProgress, runId: run.id });
    }
    let outcome: Outcome = "success";
    let finalStatus: BlockStatus = { stage: "complete" };
    try {
      const client = await this.getClient();
      if (run.cancelled) return "failure";
      run.job = client.submit(dep.id, inputs, { trigger_id: origin.targetId, event_data: origin.data ?? null });
      for await (const message of run.job as AsyncIterable<JobMessage>) {
        if (message.type === "data") {
          this.applyData(dep, message as DataMessage, chain, followUps);
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
          if (status.stage === "complete") break;
          this.patchOutputs(dep, run.id, {
            stage: status.stage,
            position: status.position ?? null,
            eta: status.eta ?? null,
            progress: status.progress_data ?? null,
          });
        }
      }
      if (run.cancelled && outcome === "success") outcome = "failure";
    } catch (err) {
      outcome = "failure";
      const message = err instanceof Error ? err.message : String(err);
      finalStatus = { stage: "error", message };
      this.toasts.getState().push({ level: "error", title: "Error", message });
    } finally {
      for (const id of dep.outputs) this.store.getState().patchStatus(id, run.id, { ...finalStatus, runId: undefined });
    }
    return outcome;
  }

  private patchOutputs(dep: DependencyConfig, runId: number, patch: Partial<BlockStatus>): void {
    const state = this.store.getState();
    for (const id of dep.outputs) state.patchStatus(id, runId, patch);
  }

  /** Writes outputs into the store, then fires `change` on those whose value changed. */
  private applyData(dep: DependencyConfig, message: DataMessage, chain: ReadonlySet<number>, followUps: Promise<void>[]): void {
    const state = this.store.getState();
    // The client leaves State outputs out of `data` (their values stay on the server).
    const slots = dep.outputs.filter((id) => state.blocks[id]?.type !== "state");
    const changed = slots.filter((id, i) => i < message.data.length && state.applyOutput(id, message.data[i]));
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
    const level = log.level === "warning" || log.level === "error" ? log.level : "info";
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
