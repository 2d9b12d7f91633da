import {
  createProgress,
  eventData,
  renderBlockOf,
  type RenderConfig,
  type RenderedRegion,
  logEntry,
  printLog,
  type Dependency,
  type EventContext,
  type LogEntry,
  type LogOptions,
  type Progress,
  type ProgressUnit,
  type RequestInfo,
} from "@vitrine/core";
import { isGenerator, type BatchOutcome, type BatchSpec, type JobControl, type JobEvent, type Task } from "@vitrine/queue";
import { diff } from "./diff.js";
import { invoke, isThenable, postprocessOutputs, preprocessInputs, type OutputContext } from "./invoke.js";
import type { CallRequest } from "./join.js";
import { completedFrame, errorPayload, estimationFrame, frame, generatingFrame, messages, startsFrame } from "./protocol.js";
import { runInScope, type EventScope } from "./scope.js";
import { streamingFrame, type InputStream } from "./stream-inputs.js";
import { StreamedOutputs } from "./stream-outputs.js";

/** Least time between two `progress` messages of one event (later updates wait, and the latest is sent). */
export const PROGRESS_INTERVAL_MS = 50;

/** How an event is run: where its messages go and what the server settings are. */
export interface EventRun {
  eventId: string;
  call: CallRequest;
  /** The request that queued the event (read on first use of `context.request`). */
  request: () => RequestInfo;
  /** The concurrency id of the event's group, and the limit that holds for the group. */
  concurrencyId: string;
  concurrencyLimit: number | null;
  /** Batch settings shared by every event of a `batch: true` dependency, else null. */
  batch: BatchSpec | null;
  showError: boolean;
  /** Sends a framed message on the event's session stream; `completes` is set for its `process_completed`. */
  send(text: string, completes?: string): void;
  /** Where a `vt.render` rebuild keeps its region; without it, a render dependency is refused. */
  render?: RenderHost;
  /** The session's State values: put into the inputs, taken from the outputs. */
  state?: StateAccess;
  /** What components' preprocess and postprocess get (the server's file store), and how output files get their URL. */
  files?: OutputContext;
  /** For a `stream` listener: the chunks its page sends while it runs (the function runs on each). */
  stream?: InputStream;
}

/** How an event reads and writes its session's State values. */
export interface StateAccess {
  /** The inputs' wire values with each State input's session value put in. */
  inputs(dep: Dependency, data: readonly unknown[]): unknown[];
  /** Keeps the State outputs; returns the values to send (States as null) and the ids of the States that changed. */
  outputs(dep: Dependency, values: readonly unknown[]): { data: unknown[]; changed: number[] };
}

/** What a `vt.render` rebuild needs from the server. */
export interface RenderHost {
  /** Gives rendered listeners their `fn_index`. */
  allocate(): number;
  /** Keeps the session's new region (replacing its previous run) and returns its config for the page. */
  keep(region: RenderedRegion): RenderConfig;
}

/** The concurrency limit a dependency asks for (`"default"` and unset mean the app's default). */
export function concurrencyLimit(dep: Dependency, defaultLimit: number | null): number | null {
  if (!dep.queued) return null;
  const limit = dep.options.concurrency_limit;
  return limit === undefined || limit === "default" ? defaultLimit : limit;
}

/**
 * The queue task of one event: runs the function (or joins a batch), and turns what happens
 * into protocol messages (full values on the first streamed output, diffs after that;
 * throttled `progress`; `log` for `vt.Info`/`vt.Warning`).
 */
export class EventTask implements Task, EventScope {
  readonly concurrencyId: string;
  readonly concurrencyLimit: number | null;
  readonly batch: BatchSpec | null;
  private state: "waiting" | "running" | "ended" = "waiting";
  private previous: unknown[] | null = null;
  /** The chunks of its streaming outputs (Audio, Video with `streaming: true`), joined into one file at the end. */
  private readonly streamed: StreamedOutputs | null;
  private progressTimer: ReturnType<typeof setTimeout> | null = null;
  private lastProgress = -Infinity;
  /** The region a `vt.render` rebuild made, sent with its completion. */
  private renderConfig: RenderConfig | null = null;
  /** The States this event changed, sent with its completion (the page fires their `change`). */
  private readonly changedStates = new Set<number>();

  constructor(private readonly run: EventRun) {
    this.concurrencyId = run.concurrencyId;
    this.concurrencyLimit = run.concurrencyLimit;
    this.batch = run.batch;
    this.streamed = StreamedOutputs.applies(run.call.dependency) && !run.stream ? new StreamedOutputs(run.call.dependency) : null;
  }

  get dependency(): Dependency {
    return this.run.call.dependency;
  }

  /** The values of the event's inputs: the wire values, with the session's State values put in (read when it runs). */
  get data(): unknown[] {
    const state = this.run.state;
    return state ? state.inputs(this.dependency, this.run.call.data) : this.run.call.data;
  }

  /** Keeps the State outputs of postprocessed values; returns what is sent, and notes which States changed. */
  private sendable(values: unknown[]): unknown[] {
    const state = this.run.state;
    if (!state) return values;
    const { data, changed } = state.outputs(this.dependency, values);
    for (const id of changed) this.changedStates.add(id);
    return data;
  }

  start(control: JobControl): unknown {
    const render = renderBlockOf(this.dependency);
    if (render) {
      const host = this.run.render;
      if (!host) throw new Error("vt.render regions are rebuilt only through the queue");
      const rebuild = (args: unknown[]): unknown[] => {
        this.renderConfig = host.keep(render.rebuild(args, () => host.allocate()));
        return [];
      };
      const args = preprocessInputs(this.dependency, this.data, this.run.files);
      return isThenable(args) ? Promise.resolve(args).then(rebuild) : Promise.resolve(rebuild(args));
    }
    if (this.run.stream) return this.streamLoop(this.run.stream, control);
    return invoke(this.dependency, this.data, new Context(control, this.run, this), this.run.files);
  }

  /**
   * A `stream` listener's run: the function runs on each chunk as it comes (only the latest one
   * when several came while it ran), each result (or yield) streamed out, until the stream is
   * closed, its `time_limit` passes or the event is cancelled.
   */
  private async *streamLoop(stream: InputStream, control: JobControl): AsyncGenerator<unknown, void, unknown> {
    const dep = this.dependency;
    const limit = dep.options.time_limit;
    const deadline = typeof limit === "number" ? performance.now() + limit * 1000 : Infinity;
    const context = new Context(control, this.run, this);
    const fn = dep.fn;
    try {
      for (;;) {
        const values = await stream.next(control.signal, deadline);
        if (values === null) return;
        const state = this.run.state;
        const data = state ? state.inputs(dep, values) : values;
        const prepared = preprocessInputs(dep, data, this.run.files);
        const args = isThenable(prepared) ? await prepared : prepared;
        if (!fn) continue;
        const result: unknown = fn(...args, context);
        if (isGenerator(result)) {
          for await (const value of result as AsyncIterable<unknown>) {
            yield value;
            if (control.signal.aborted) return;
          }
        } else {
          yield isThenable(result) ? await result : result;
        }
      }
    } finally {
      stream.close();
    }
  }

  /** What this event's components get besides values (the file store). */
  get files(): OutputContext | undefined {
    return this.run.files;
  }

  /** Postprocesses each yield of a generator function (a promise when a component's postprocess is asynchronous). */
  mapYield(value: unknown): unknown {
    const out = postprocessOutputs(this.dependency, value, this.run.files);
    const streamed = this.streamed;
    if (streamed) return isThenable(out) ? Promise.resolve(out).then((v) => streamed.keep(v)) : streamed.keep(out);
    return out;
  }

  /** The whole run (the call, and every step of a generator) happens in this event's scope, for `vt.Info`/`vt.Warning`. */
  runInContext<T>(work: () => T): T {
    return runInScope(this, work);
  }

  /** The context handed to a batch function; its progress and messages go to `scope` (every event of the batch). */
  batchContext(signal: AbortSignal, scope: BatchScope): EventContext {
    return new Context({ signal }, this.run, scope);
  }

  log(entry: LogEntry): boolean {
    if (this.state !== "running") return false;
    this.run.send(frame(messages.log(this.run.eventId, entry)));
    return true;
  }

  describe(): string {
    const dep = this.dependency;
    return `event ${this.run.eventId} of ${dep.apiName ? `/${dep.apiName}` : `fn_index ${dep.id}`}`;
  }

  /** Sends progress at most every {@link PROGRESS_INTERVAL_MS}; a late update is sent when due, as it then reads. */
  progress(read: () => ProgressUnit[]): void {
    if (this.state !== "running" || this.progressTimer) return;
    const wait = this.lastProgress + PROGRESS_INTERVAL_MS - performance.now();
    if (wait <= 0) return this.sendProgress(read);
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      if (this.state === "running") this.sendProgress(read);
    }, wait);
  }

  private sendProgress(read: () => ProgressUnit[]): void {
    this.lastProgress = performance.now();
    this.run.send(frame(messages.progress(this.run.eventId, read())));
  }

  onEvent(event: JobEvent): void {
    const { eventId, send } = this.run;
    switch (event.type) {
      case "estimation":
        return send(estimationFrame(eventId, event.rank, event.queueSize, event.rankEta));
      case "started":
        this.state = "running";
        return send(startsFrame(eventId, event.eta));
      case "output": {
        const data = this.sendable(event.value as unknown[]);
        if (this.run.stream) {
          this.previous = data;
          return send(streamingFrame(eventId, data, this.dependency.options.time_limit ?? null));
        }
        const previous = this.previous;
        const wire = previous ? data.map((v, i) => diff(previous[i], v)) : data;
        this.previous = data;
        return send(generatingFrame(eventId, wire));
      }
      case "completed": {
        this.end();
        const value = event.value as unknown[] | undefined;
        const data = value ? this.sendable(value) : (this.previous ?? this.dependency.outputs.map(() => null));
        const complete = (final: unknown[]) =>
          send(completedFrame(eventId, final, event.duration, event.averageDuration, this.renderConfig, [...this.changedStates]), eventId);
        // A streaming output's value becomes one file of all its chunks (as Gradio's combine_stream).
        const combined = this.streamed?.combine(data, this.run.files);
        if (!combined) return complete(data);
        void combined.then(
          (final) => complete(final ?? data),
          (err: unknown) => {
            console.error("[vitrine] joining a streamed output's chunks failed:", err);
            complete(data);
          },
        );
        return;
      }
      case "failed":
        this.end();
        return send(frame(messages.processFailed(eventId, errorPayload(event.error, this.run.showError))), eventId);
      case "cancelled":
        this.end();
        return send(frame(messages.processCancelled(eventId)), eventId);
    }
  }

  private end(): void {
    this.state = "ended";
    this.run.stream?.close();
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
  }
}

/** Where progress reports of a running function go. */
interface ProgressTarget {
  progress(read: () => ProgressUnit[]): void;
}

/**
 * The context an event function gets. A class with lazy getters: the signal, the request's
 * headers and the progress reporter are only made when the function reads them.
 */
class Context implements EventContext {
  readonly session: { hash: string };
  readonly event: EventContext["event"];
  private reporter: Progress | undefined;
  private requestInfo: RequestInfo | undefined;

  constructor(
    private readonly control: { readonly signal: AbortSignal },
    private readonly run: EventRun,
    private readonly scope: EventScope & ProgressTarget,
  ) {
    this.session = { hash: run.call.sessionHash };
    this.event = eventData(run.call.triggerId, run.call.eventData);
  }

  get signal(): AbortSignal {
    return this.control.signal;
  }

  get request(): RequestInfo {
    return (this.requestInfo ??= this.run.request());
  }

  get progress(): Progress {
    const scope = this.scope;
    return (this.reporter ??= createProgress((read) => scope.progress(read)));
  }

  // Getters returning functions, so that `const { info } = ctx` works too.
  get info(): (message: string, options?: LogOptions) => void {
    return (message, options) => this.say(logEntry("info", message, options));
  }

  get warning(): (message: string, options?: LogOptions) => void {
    return (message, options) => this.say(logEntry("warning", message, options));
  }

  private say(entry: LogEntry): void {
    if (!this.scope.log(entry)) printLog(entry);
  }
}

/** The events of one batch call: progress and messages go to each of them. */
class BatchScope implements EventScope, ProgressTarget {
  constructor(private readonly members: readonly EventTask[]) {}

  log(entry: LogEntry): boolean {
    let delivered = false;
    for (const m of this.members) delivered = m.log(entry) || delivered;
    return delivered;
  }

  describe(): string {
    return `batch of ${this.members.map((m) => m.describe()).join(", ")}`;
  }

  progress(read: () => ProgressUnit[]): void {
    for (const m of this.members) m.progress(read);
  }
}

/**
 * The batch settings of a `batch: true` dependency: waiting events of it are gathered (up to
 * `max_batch_size`, default 4) into one call of its function with one list per input; the
 * function returns one list per output, and each event gets its own item back.
 */
export function batchSpec(dep: Dependency): BatchSpec {
  const max = (dep.options as { max_batch_size?: number }).max_batch_size ?? 4;
  return {
    key: String(dep.id),
    maxSize: Math.max(1, Math.floor(max)),
    run: (tasks, signal) => runBatch(dep, tasks as readonly EventTask[], signal),
  };
}

/**
 * Runs one batch: preprocesses each event's inputs (a bad input fails only its event), calls
 * the function once with one list per input, checks it returned one list per output with one
 * item per event, and postprocesses each event's items. A throw fails the whole batch.
 */
async function runBatch(dep: Dependency, tasks: readonly EventTask[], signal: AbortSignal): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array(tasks.length);
  const members: EventTask[] = [];
  const argsOf: unknown[][] = [];
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    try {
      const args = preprocessInputs(dep, task.data, task.files);
      argsOf.push(isThenable(args) ? await args : args);
      members.push(task);
    } catch (error) {
      outcomes[i] = { error };
    }
  }
  const fn = dep.fn;
  if (members.length === 0) return outcomes;
  if (!fn) {
    for (let i = 0; i < tasks.length; i++) outcomes[i] ??= { value: dep.outputs.map(() => null) };
    return outcomes;
  }
  const columns = dep.inputs.map((_, k) => argsOf.map((args) => args[k]));
  const scope = new BatchScope(members);
  const context = members[0]!.batchContext(signal, scope);
  const result = await runInScope(scope, () => {
    const r = fn(...columns, context);
    if (isGenerator(r)) throw new TypeError(`The batch function for "${dep.apiName ?? dep.id}" must return lists, not yield`);
    return r;
  });
  const lists = checkBatchResult(dep, result, members.length);
  let j = 0;
  for (let i = 0; i < tasks.length; i++) {
    if (outcomes[i]) continue;
    const item = j++;
    try {
      const value = dep.outputs.length === 1 ? lists[0]![item] : lists.map((list) => list[item]);
      const out = postprocessOutputs(dep, value, tasks[i]!.files);
      outcomes[i] = { value: isThenable(out) ? await out : out };
    } catch (error) {
      outcomes[i] = { error };
    }
  }
  return outcomes;
}

function checkBatchResult(dep: Dependency, result: unknown, size: number): unknown[][] {
  const n = dep.outputs.length;
  if (n === 0) return [];
  const ok = Array.isArray(result) && result.length === n && result.every((list) => Array.isArray(list) && list.length === size);
  if (!ok) {
    throw new Error(
      `The batch function for "${dep.apiName ?? dep.id}" must return ${n} list(s) (one per output), ` +
        `each with ${size} item(s) (one per call in the batch)`,
    );
  }
  return result as unknown[][];
}
