/**
 * Gradio's plain-HTTP API, the one its curl snippets use (PROTOCOL.md §4.2):
 *
 * - `POST {API_PREFIX}/call/<api_name>` with `{ "data": [...], "session_hash"?: "..." }`, or
 *   `POST {API_PREFIX}/call/v2/<api_name>` with `{ "<parameter_name>": value, ... }`, queues
 *   one event and answers `{ "event_id": "..." }`;
 * - `GET {API_PREFIX}/call/<api_name>/<event_id>` streams its results as server-sent events
 *   with names: `event: generating` (each yield, full values), then `event: complete` (the
 *   outputs) or `event: error` (the error payload), with `event: heartbeat` while it waits.
 *
 * Events run through the app's queue like the page's (concurrency limits, State, files); an
 * event whose reader goes away is cancelled. Without a `session_hash` each call is a session
 * of its own (its event id is its session hash), as in Gradio.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response, Router } from "express";
import { API_PREFIX, type ApiInfo, type ApiParameter, type BlocksApp, type Dependency, type RequestInfo } from "@vitrine/core";
import type { BatchSpec, Job, Queue } from "@vitrine/queue";
import { QueueFullError } from "@vitrine/queue";
import type { DiffEdit } from "./diff.js";
import type { OutputContext } from "./invoke.js";
import { BadRequest, parseCall } from "./join.js";
import { EventTask } from "./run-event.js";
import { directEndpoints, openApiDocument } from "./openapi.js";
import { openEventStream } from "./sse.js";
import type { StateStore } from "./state-store.js";
import type { SessionLifecycle } from "./session-lifecycle.js";

/** How often a waiting reader gets `event: heartbeat` (as Gradio's heartbeat rate). */
export const CALL_HEARTBEAT_MS = 15_000;

/** How the app's service queues one dependency's events (its concurrency group, batch, cancels). */
export interface CallPlan {
  concurrencyId: string;
  concurrencyLimit: number | null;
  batch: BatchSpec | null;
  cancels: ReadonlySet<number> | null;
}

/** What the call API needs from the app's service. */
export interface CallHost {
  app: BlocksApp;
  queue: Queue;
  states: StateStore;
  lifecycle: SessionLifecycle;
  /** Whether messages of any throw reach clients (`show_error`). */
  showError: boolean;
  /** How a dependency's events are queued. */
  plan(dep: Dependency): CallPlan;
  /** Why the input values are refused (a file not uploaded here), or null. */
  refused(data: readonly unknown[]): string | null;
  /** What `ctx.request` tells the function. */
  request(req: IncomingMessage, sessionHash: string): RequestInfo;
  /** The file store of a request's events (URLs made for its public root). */
  files(req: IncomingMessage): OutputContext;
  /** Cancels a page session's events of these functions (a dependency's `cancels`). */
  cancelInSession?(sessionHash: string, fnIndexes: ReadonlySet<number>): void;
  /** Milliseconds an event waits for its `GET` before it is cancelled and forgotten (default 60 s). */
  readTimeoutMs?: number;
}

/** One event of the call API, from its `POST` until its stream has been read. */
class CallEvent {
  job: Job | null = null;
  /** SSE chunks not yet read. */
  private readonly pending: string[] = [];
  private reader: ServerResponse | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private expiry: NodeJS.Timeout | null = null;
  /** The full output values of the last yield (later yields arrive as diffs of them). */
  private previous: unknown[] | null = null;
  ended = false;

  constructor(
    readonly id: string,
    readonly dependency: Dependency,
    readonly sessionHash: string,
    private readonly timeoutMs: number,
    private readonly forget: (event: CallEvent) => void,
  ) {
    this.awaitReader();
  }

  /** Takes a framed queue message (`data: {...}\n\n`) and keeps or writes what the call API sends for it. */
  receive(text: string, completes?: string): void {
    if (this.ended) return;
    const chunk = callChunk(JSON.parse(text.slice("data: ".length)) as QueueFrame, this);
    if (chunk !== null) this.write(chunk);
    if (completes !== undefined && completes !== null) this.end();
  }

  /** The full values of a yield, from the first one's values and later ones' diffs. */
  fullValues(data: unknown[]): unknown[] {
    const previous = this.previous;
    const full = previous ? data.map((edits, i) => applyDiff(previous[i], edits as DiffEdit[])) : data;
    this.previous = full;
    return full;
  }

  private write(chunk: string): void {
    if (this.reader) this.reader.write(chunk);
    else this.pending.push(chunk);
  }

  /** The event is over: its reader's stream ends (else it waits, within the timeout, to be read). */
  private end(): void {
    this.ended = true;
    if (this.reader) this.finish();
  }

  /** Starts streaming to a `GET`; returns false when another reader has it already. */
  attach(res: Response): boolean {
    if (this.reader) return false;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    this.reader = res;
    openEventStream(res);
    for (const chunk of this.pending.splice(0)) res.write(chunk);
    if (this.ended) {
      this.finish();
      return true;
    }
    this.heartbeat = setInterval(() => res.write(HEARTBEAT_CHUNK), CALL_HEARTBEAT_MS);
    res.on("close", () => {
      if (this.ended) return;
      // The reader went away before the end: the event is cancelled, as Gradio does.
      this.ended = true;
      this.stop();
      this.job?.cancel();
    });
    return true;
  }

  /** Cancels the event (server shutdown, or nobody came to read it). */
  cancel(): void {
    if (!this.ended) this.job?.cancel();
    this.ended = true;
    this.reader?.end();
    this.stop();
  }

  private finish(): void {
    const reader = this.reader;
    this.stop();
    reader?.end();
  }

  private stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.expiry) clearTimeout(this.expiry);
    this.heartbeat = this.expiry = null;
    this.forget(this);
  }

  private awaitReader(): void {
    if (!Number.isFinite(this.timeoutMs)) return;
    this.expiry = setTimeout(() => this.cancel(), this.timeoutMs);
    this.expiry.unref();
  }
}

const HEARTBEAT_CHUNK = "event: heartbeat\ndata: null\n\n";

/** The fields of a queue message the call API reads. */
interface QueueFrame {
  msg: string;
  success?: boolean;
  output?: { data?: unknown[] } & Record<string, unknown>;
  message?: string;
}

/** One SSE chunk with an event name and a JSON value. */
export function sseChunk(event: "generating" | "complete" | "error" | "heartbeat", data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

/**
 * What the call API sends for one queue message, or null for messages it does not forward
 * (estimation, process_starts, progress, log): yields as `generating` with full values, a
 * success as `complete` with the outputs, a failure as `error` with its payload.
 */
function callChunk(message: QueueFrame, event: CallEvent): string | null {
  switch (message.msg) {
    case "process_generating":
      if (message.success === false) return sseChunk("error", message.output);
      return sseChunk("generating", event.fullValues(message.output?.data ?? []));
    case "process_completed":
      if (message.success === false) return sseChunk("error", message.output);
      return sseChunk("complete", message.output?.data ?? null);
    case "unexpected_error":
      return sseChunk("error", message.message ?? null);
    default:
      return null;
  }
}

/**
 * Applies Gradio's streaming diff edits (see diff.ts) to a value, returning the new value;
 * the old one is not changed.
 */
export function applyDiff(value: unknown, edits: readonly DiffEdit[]): unknown {
  let root: unknown = structuredClone(value);
  for (const [action, path, edit] of edits) {
    if (path.length === 0) {
      root = action === "append" ? String(root ?? "") + String(edit) : action === "delete" ? null : edit;
      continue;
    }
    let parent = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (action === "append") parent[key] = String(parent[key] ?? "") + String(edit);
    else if (action === "replace") parent[key] = edit;
    else if (action === "add") {
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 0, edit);
      else parent[key] = edit;
    } else if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else delete parent[key];
  }
  return root;
}

/**
 * The positional `data` of a call: as given, or, when it holds one value per input the API
 * shows (State inputs are not shown), with `null` put in for the others (as Gradio).
 */
export function positionalData(dep: Dependency, data: unknown[]): unknown[] {
  if (data.length === dep.inputs.length) return data;
  const shown = dep.inputs.filter((c) => !c.skipApi);
  if (data.length !== shown.length) return data;
  let next = 0;
  return dep.inputs.map((c) => (c.skipApi ? null : data[next++]));
}

/**
 * The positional values of a v2 call, from an object keyed by parameter names: each parameter
 * takes its value, or its default; a missing parameter without a default, or a name that is no
 * parameter, is a 422 naming it.
 */
export function namedData(apiName: string, parameters: readonly ApiParameter[], body: Record<string, unknown>): unknown[] {
  const names = parameters.map((p) => p.parameter_name ?? p.label);
  for (const key of Object.keys(body)) {
    if (!names.includes(key)) {
      throw new BadRequest(
        422,
        `/${apiName} has no parameter "${key}"; its parameters are ${names.length ? names.map((n) => `"${n}"`).join(", ") : "none"}`,
      );
    }
  }
  return parameters.map((p, i) => {
    const name = names[i]!;
    if (Object.hasOwn(body, name)) return body[name];
    if (p.parameter_has_default) return p.parameter_default ?? null;
    throw new BadRequest(422, `/${apiName} needs a value for its parameter "${name}" (it has no default)`);
  });
}

/** The `/call` routes of one app, with the events they run. */
export class CallApi {
  private readonly events = new Map<string, CallEvent>();

  constructor(private readonly host: CallHost) {}

  /** Adds the routes to the app's API router (below the API prefix, after the JSON body reader). */
  install(api: Router): this {
    api.post(["/call/v2/:api_name", "/call/v2/:api_name/"], (req, res) => this.post(req, res, "named"));
    api.post(["/call/:api_name", "/call/:api_name/"], (req, res) => this.post(req, res, "positional"));
    api.get(["/call/v2/:api_name/:event_id", "/call/:api_name/:event_id"], (req, res) => this.read(req, res));
    return this;
  }

  /** Events queued and not yet read to their end. */
  get size(): number {
    return this.events.size;
  }

  /** Cancels every event (server shutdown). */
  close(): void {
    for (const event of [...this.events.values()]) event.cancel();
  }

  private post(req: Request, res: Response, form: "positional" | "named"): void {
    try {
      const apiName = String(req.params.api_name);
      const dep = this.endpoint(apiName);
      const body = req.body as unknown;
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new BadRequest(
          400,
          form === "named"
            ? `The body must be a JSON object of parameter values, like {"${this.parameters(dep)[0]?.parameter_name ?? "x"}": ...}`
            : 'The body must be a JSON object like {"data": [...]}, with one value per parameter',
        );
      }
      const { session_hash: hash, ...rest } = body as Record<string, unknown>;
      if (hash !== undefined && hash !== null && typeof hash !== "string") throw new BadRequest(400, '"session_hash" must be a string');
      let data: unknown;
      if (form === "named") {
        data = positionalData(dep, namedData(apiName, this.parameters(dep), rest));
      } else {
        data = (rest as { data?: unknown }).data;
        if (!Array.isArray(data)) {
          throw new BadRequest(400, `The body must have a "data" array with the inputs of /${apiName} in order (${this.parameters(dep).length} value(s))`);
        }
        data = positionalData(dep, data);
      }
      res.json({ event_id: this.start(dep, data as unknown[], typeof hash === "string" && hash ? hash : null, appRequest(req)) });
    } catch (err) {
      if (err instanceof BadRequest) res.status(err.status).json({ detail: err.message });
      else if (err instanceof QueueFullError) res.status(503).json({ detail: err.message });
      else throw err;
    }
  }

  /** The public dependency of an API name, or a 404 naming the endpoints there are. */
  private endpoint(apiName: string): Dependency {
    const dep = this.host.app.dependencyByApiName(apiName);
    if (dep?.fn) return dep;
    const names = this.host.app.dependencies.filter((d) => d.apiName && d.fn).map((d) => `/${d.apiName}`);
    throw new BadRequest(404, `No API endpoint /${apiName}. This app's endpoints: ${names.length ? names.join(", ") : "none"}`);
  }

  /** The parameters the API shows for a dependency (its inputs but State). */
  private parameters(dep: Dependency): ApiParameter[] {
    const info = this.host.app.apiInfo().named_endpoints[`/${dep.apiName}`];
    if (info) return info.parameters;
    // An endpoint with `show_api: false` is callable but not described: name its inputs by position.
    return dep.inputs
      .filter((c) => !c.skipApi)
      .map((c, i) => ({ label: `param_${i}`, parameter_name: `param_${i}`, parameter_has_default: false, ...c.api(), component: c.type }));
  }

  /** Queues one event; returns its id. */
  private start(dep: Dependency, data: unknown[], sessionHash: string | null, req: Request): string {
    const host = this.host;
    const eventId = randomUUID().replaceAll("-", "");
    const hash = sessionHash ?? eventId;
    const call = parseCall(host.app, { data, session_hash: hash }, { apiName: dep.apiName!, requireSession: false });
    const refused = host.refused(call.data);
    if (refused) throw new BadRequest(400, refused);
    const plan = host.plan(dep);
    if (plan.cancels) {
      for (const other of this.events.values()) {
        if (other.sessionHash === hash && plan.cancels.has(other.dependency.id)) other.cancel();
      }
      host.cancelInSession?.(hash, plan.cancels);
    }
    const event = new CallEvent(eventId, dep, hash, host.readTimeoutMs ?? 60_000, (e) => {
      if (this.events.get(e.id) === e) this.events.delete(e.id);
    });
    this.events.set(eventId, event);
    try {
      event.job = host.queue.push(
        new EventTask({
          eventId,
          call,
          request: () => host.request(req, hash),
          concurrencyId: plan.concurrencyId,
          concurrencyLimit: plan.concurrencyLimit,
          batch: plan.batch,
          showError: host.showError,
          files: host.files(req),
          send: (text, completes) => event.receive(text, completes),
          state: {
            inputs: (d, values) => {
              host.lifecycle.touch(hash);
              return host.states.inputs(hash, d, values);
            },
            outputs: (d, values) => host.states.outputs(hash, d, values),
          },
        }),
      );
    } catch (err) {
      event.cancel();
      throw err;
    }
    return eventId;
  }

  private read(req: Request, res: Response): void {
    const event = this.events.get(String(req.params.event_id));
    if (!event) {
      res.status(404).json({ detail: `No pending event ${req.params.event_id}: it was never queued here, or its results were read already` });
      return;
    }
    if (!event.attach(res)) res.status(409).json({ detail: `Event ${event.id} is being read by another request` });
  }
}

/** What {@link serveCallApi} needs from the app's service besides {@link CallHost}. */
export interface PlainApiHost extends Omit<CallHost, "app" | "queue" | "states" | "lifecycle"> {
  /** The API description `/info` serves, for this request's root (example files as URLs). */
  info(req: Request): Promise<ApiInfo>;
  /** The app's public URL for this request, as `/config` gives it. */
  rootUrl(req: Request): string;
}

/**
 * Serves the plain-HTTP API ({@link CallApi}) and `GET /openapi.json` on an app's API router
 * (mounted at the API prefix, after its JSON body reader). The service registers it in one line.
 */
export function serveCallApi(
  api: Router,
  service: Pick<CallHost, "app" | "queue" | "states" | "lifecycle">,
  host: PlainApiHost,
): CallApi {
  const { app, queue, states, lifecycle } = service;
  const calls = new CallApi({ ...host, app, queue, states, lifecycle }).install(api);
  api.get(["/openapi.json", "/openapi.json/"], (req, res, next) => {
    const at = appRequest(req);
    host.info(at).then((info) => {
      const root = host.rootUrl(at);
      const given = (app.props as { description?: unknown }).description;
      const description = typeof given === "string" ? given : null;
      res.json(openApiDocument({ title: app.title, description, info, root, direct: directEndpoints(app) }));
    }, next);
  });
  return calls;
}

/**
 * The request as the app's root sees it: inside the API router, express's `baseUrl` ends with
 * the API prefix, which the app's public URL (and file URLs made from it) must not include.
 */
export function appRequest(req: Request): Request {
  const base = req.baseUrl ?? "";
  if (!base.endsWith(API_PREFIX)) return req;
  return Object.create(req, { baseUrl: { value: base.slice(0, -API_PREFIX.length) } }) as Request;
}
