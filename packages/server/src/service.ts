import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import type { Duplex } from "node:stream";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import {
  API_PREFIX,
  createProgress,
  fileData,
  eventData,
  isFileData,
  renderBlockOf,
  logEntry,
  printLog,
  type AnyComponent,
  type AppConfig,
  type BlocksApp,
  type Dependency,
  type EventContext,
  type LogOptions,
  type PageOptions,
  type RenderConfig,
  type RenderedRegion,
  type RequestInfo,
} from "@vitrine/core";
import { Queue, QueueFullError, isGenerator, type BatchSpec, type Job } from "@vitrine/queue";
import { appDistDir } from "@vitrine/app";
import { invoke, isThenable, postprocessOutputs, type OutputContext } from "./invoke.js";
import { EventFileStore, FileCache, type FileOptions } from "./files/cache.js";
import { isFileRequest, serveFile } from "./files/serve.js";
import { ComponentServer } from "./component-server.js";
import { prepareInitialValues, withInitialValues, type InitialValues } from "./files/initial-values.js";
import { prepareExampleInputs, withExampleInputs, type ExampleInputFiles } from "./files/example-inputs.js";
import { Uploads } from "./files/upload.js";
import { BadRequest, parseCall, type CallRequest } from "./join.js";
import { errorPayload, messages } from "./protocol.js";
import { RequestGuard, type SafetyOptions } from "./guard.js";
import { EventTask, batchSpec, concurrencyLimit } from "./run-event.js";
import { installLogSink } from "./scope.js";
import { SessionHub } from "./sessions.js";
import { RenderedStore } from "./rendered.js";
import { SessionLifecycle } from "./session-lifecycle.js";
import { StateStore } from "./state-store.js";
import { customCssAndHead, pageHead, resolveTheme } from "./page-head.js";
import { HttpError, sendJson } from "./http.js";
import { openEventStream, writeEvent } from "./sse.js";
import { LiveChannels } from "./live.js";
import { StreamInputs, StreamRefused, isStreamListener } from "./stream-inputs.js";
import { assetVersion, sendAsset, sendPage, staticAssets, versionedCacheControl } from "./static-assets.js";
import { Auth, type AuthOptions } from "./auth/auth.js";
import { serveCallApi } from "./call-api.js";
import { ClusterQueue, type LocalRun } from "./cluster/cluster-queue.js";
import { appFingerprint, loadRedisBackend, sharedBackendChoice, type QueueBackendOptions, type SharedBackendChoice } from "./cluster/backend-options.js";
import { mcpEnabled, mcpRouter } from "./mcp.js";
import { addScriptNonce, applySecurityHeaders, pageContentSecurityPolicy, pageNeeds, pageNonceAndEtag, refuseSecondStream, securityHeaders, type SecurityHeaderOptions } from "./security-headers.js";

const JOIN_PATH = `${API_PREFIX}/queue/join`;
const DATA_PATH = `${API_PREFIX}/queue/data`;

/** Server settings for one app. */
export interface ServeOptions extends PageOptions, SafetyOptions, FileOptions, AuthOptions, SecurityHeaderOptions {
  /** Show the message of any throw to users, not only `vt.Error`'s (default false). */
  show_error?: boolean;
  /** Largest JSON request body, in bytes or a size string like "10mb" (default "10mb"). */
  max_body_size?: string | number;
  /**
   * How often, in seconds, waiting events are told their new place in the queue when it
   * changes (an `estimation` message to each event whose rank changed, in one pass per
   * concurrency group). Default 1, as Gradio; `"auto"` sends them whenever an event starts
   * or leaves the queue, which costs one message per waiting event each time.
   */
  status_update_rate?: number | "auto";
  /**
   * Seconds a session outlives its page: after its last live channel (heartbeat) closes, its
   * State values are deleted and `unload` listeners run once this has passed (a reload within
   * it keeps nothing: a reloaded page is a new session). Default 2.
   */
  session_close_grace?: number;
  /** Seconds a session with no live channel (an API client) lives after its last event. Default 3600. */
  session_idle_timeout?: number;
  /**
   * Serve the app's API endpoints as MCP tools, at `<app url>gradio_api/mcp/` (streamable HTTP)
   * and `gradio_api/mcp/sse`, as Gradio's `mcp_server=True`. Default: the `VITRINE_MCP_SERVER`
   * environment variable (`true`/`1`), else false.
   */
  mcp_server?: boolean;
  /**
   * Where the queue, the sessions and State live: this process (default), or Redis shared by
   * several processes of the app (`{ backend: "redis", url }`, or `VITRINE_REDIS_URL`), which
   * then serve it as one behind any load balancer, with no sticky sessions.
   */
  queue?: QueueBackendOptions;
}

/** What the server keeps per dependency to queue its events. */
interface QueuePlan {
  concurrencyId: string;
  /** The lowest limit of the dependency's concurrency group. */
  concurrencyLimit: number | null;
  batch: BatchSpec | null;
  /** `fn_index`es of the dependencies its events cancel, or null. */
  cancels: ReadonlySet<number> | null;
}

/**
 * Everything that serves one app: its queue, its sessions and its express router
 * (API routes, the page and the component views). Mount `router` anywhere.
 */
export class AppService {
  /** The express router serving the app's page, API and views; mount it anywhere. */
  readonly router: Router;
  /** The queue the app's events run through. */
  readonly queue: Queue;
  /** The queue shared with the app's other processes (Redis), or null for this process alone. */
  cluster: ClusterQueue | null = null;
  /** Redis settings when the queue is shared. */
  private readonly shared: SharedBackendChoice | null;
  /** Sessions whose page opened a live channel here (their end deletes their shared State). */
  private readonly pagesSeen = new Set<string>();
  /** The sessions of the queue: their undelivered messages and pending events. */
  readonly sessions: SessionHub;
  /** What the server refuses, and how much it holds for clients. */
  private readonly guard: RequestGuard;
  /** The login of an app launched with `auth` (see auth/auth.ts). */
  private readonly auth: Auth;
  /** The app's file cache (uploads, fetched URLs, returned files), removed at close. */
  readonly files: FileCache;
  private readonly uploads: Uploads;
  private readonly heartbeats = new Set<Response>();
  /** The running `stream` events, fed by the pages' live channels (see stream-inputs.ts). */
  readonly streams = new StreamInputs({
    save: async (bytes, name, mime_type) => fileData(await this.files.write(bytes, name), { orig_name: name, mime_type, size: bytes.length }),
    // The other inputs' values a page sends during a stream: files checked as a join's are.
    refused: (data) => this.refusedFile(data),
  });
  /** The pages' live channels (WebSockets), which report to pageOpened / pageClosed and carry stream chunks. */
  private readonly live = new LiveChannels({
    message: (hash, data, isBinary) => this.streams.message(hash, data, isBinary),
    maxMessageBytes: 2 * this.streams.limits.maxChunkBytes + 1024,
    opened: (hash) => this.pageOpened(hash),
    closed: (hash) => this.pageClosed(hash),
    // As CORS for the API: a browser page of another origin may not hold a session's channel;
    // and one client may hold only so many open (max_sessions_per_client).
    admits: (req) => {
      if (this.auth.enabled && this.auth.username(req) === null) return false;
      if (req.headers.origin !== undefined && this.guard.allowedOrigin(req) === null) return false;
      const refused = this.guard.channelRefusal(req);
      return refused === null ? true : { status: 429, message: refused };
    },
    hold: (req) => this.guard.holdChannel(req),
  });
  private baseConfig: Omit<AppConfig, "root"> | null = null;
  /** Initial values that are files given as paths, copied into the cache (see files/initial-values.ts). */
  private initialValues: InitialValues = new Map();
  private exampleInputs: ExampleInputFiles = new Map();
  private initialValuesReady: Promise<void> | null = null;
  private indexHtml: string | null = null;
  private views: Map<string, AnyComponent> | null = null;
  private readonly plans = new Map<Dependency, QueuePlan>();
  /** The `vt.render` regions each session built, and their listeners. */
  private readonly rendered: RenderedStore;
  /** Each session's State values. */
  readonly states = new StateStore();
  /** When sessions start and end. */
  readonly lifecycle: SessionLifecycle;
  /** Component types first seen in a rendered region (their views are served too). */
  private readonly renderedViews = new Map<string, AnyComponent>();
  private themeCss: string | null = null;
  /** What the page's head gets besides the config (theme, custom CSS and head markup), made once. */
  private readonly head: string;

  constructor(
    readonly app: BlocksApp,
    private readonly options: ServeOptions = {},
  ) {
    // The page's look given here (as Gradio 6's launch(theme=…, css=…)) replaces the app's own.
    const { theme, css, css_paths, js, head, head_paths, fill_height, fill_width, show_api } = options;
    app.page({ theme, css, css_paths, js, head, head_paths, fill_height, fill_width, show_api });
    const rate = options.status_update_rate ?? 1;
    this.queue = new Queue({
      maxSize: app.queueSettings.max_size,
      updateInterval: rate === "auto" ? 0 : Math.max(0, rate * 1000),
    });
    this.guard = new RequestGuard(options);
    this.auth = new Auth(options, {
      https: (req) => this.guard.rootUrl(req).startsWith("https:"),
      head: () => this.head,
      title: () => this.app.title,
      originAllowed: (req) => req.headers.origin === undefined || this.guard.allowedOrigin(req) !== null,
    });
    this.shared = sharedBackendChoice(options.queue, app);
    // The processes of a shared queue share one file cache: a file uploaded to one is read by another.
    this.files = this.shared ? new FileCache(options, appFingerprint(app), true) : new FileCache(options, app.appId);
    this.uploads = new Uploads(this.files);
    this.sessions = new SessionHub(this.guard.sessionLimits);
    this.rendered = new RenderedStore(app.dependencies.length);
    this.lifecycle = new SessionLifecycle(
      { closeGraceMs: (options.session_close_grace ?? 2) * 1000, idleMs: (options.session_idle_timeout ?? 3600) * 1000 },
      (hash) => this.endSession(hash),
    );
    // A bad theme name or an unreadable css_paths file fails here, at launch, not on a page view.
    this.head = pageHead({ themeCss: this.theme(), ...customCssAndHead(app.props) });
    this.router = this.routes();
    installLogSink();
  }

  /** How events of a dependency are queued (computed once per dependency). */
  private plan(dep: Dependency): QueuePlan {
    let plan = this.plans.get(dep);
    if (plan) return plan;
    const defaultLimit = this.app.queueSettings.default_concurrency_limit;
    const concurrencyId = dep.concurrencyId;
    // The lowest limit of every dependency sharing the concurrency id holds for all of them.
    let limit = concurrencyLimit(dep, defaultLimit) ?? Infinity;
    for (const other of this.app.dependencies) {
      if (other.concurrencyId === concurrencyId) {
        limit = Math.min(limit, concurrencyLimit(other, defaultLimit) ?? Infinity);
      }
    }
    const cancelled = dep.cancels;
    plan = {
      concurrencyId,
      concurrencyLimit: limit === Infinity ? null : limit,
      batch: dep.options.batch === true ? batchSpec(dep) : null,
      cancels: cancelled.length ? new Set(cancelled.map((d) => d.id)) : null,
    };
    this.plans.set(dep, plan);
    return plan;
  }

  /** Connects to the shared queue, when the app has one. */
  private async startCluster(): Promise<void> {
    if (!this.shared) return;
    const rate = this.options.status_update_rate ?? 1;
    const backend = this.shared.kind === "object" ? this.shared.backend : await loadRedisBackend(this.shared, this.options.queue?.liveness_ms, rate === "auto" ? 0 : rate * 1000);
    const cluster = new ClusterQueue(backend, {
      app: this.app,
      showError: this.options.show_error ?? false,
      maxSize: this.app.queueSettings.max_size ?? null,
      streamTimeoutMs: this.guard.sessionLimits.streamTimeoutMs,
      sessionIdleMs: (this.options.session_idle_timeout ?? 3600) * 1000,
      maxPerSession: this.guard.maxWaiting,
      plan: (dep) => this.plan(dep),
      files: (root) => {
        const store = new EventFileStore(this.files, () => root);
        return { files: store, fileUrl: store.fileUrl };
      },
    });
    await cluster.start();
    this.cluster = cluster;
  }

  /** The config as served, for a given public root URL. */
  config(root: string): AppConfig {
    this.baseConfig ??= this.buildConfig();
    return withExampleInputs(withInitialValues({ ...this.baseConfig, root }, this.initialValues, root), this.exampleInputs, root);
  }

  /**
   * Resolves once the initial values and examples that are files given as paths, and the
   * components' example input files, are in the cache (started on first call); rejects, naming the component, when one cannot be served. `launch()` awaits it;
   * the config and the page wait for it.
   */
  ready(): Promise<void> {
    return (this.initialValuesReady ??= Promise.all([prepareInitialValues(this.app, this.files), prepareExampleInputs(this.app, this.files), this.startCluster()]).then(
      ([values, examples]) => {
        this.initialValues = values;
        this.exampleInputs = examples;
      },
    ));
  }

  /** One component of each type the app uses, whose `ui.file` is that type's view (found once). */
  private componentViews(): Map<string, AnyComponent> {
    return (this.views ??= this.app.componentTypes());
  }

  private buildConfig(): Omit<AppConfig, "root"> {
    const uiModules: Record<string, string> = {};
    for (const [type, component] of this.componentViews()) uiModules[type] = viewUrl(type, component);
    return {
      ...this.app.config(),
      show_error: this.options.show_error ?? false,
      max_file_size: this.files.maxFileSize,
      ui_modules: uiModules,
    };
  }

  private routes(): Router {
    const router = express.Router();
    const api = express.Router();
    // nosniff, Referrer-Policy and frame-ancestors on every response (see security-headers.ts).
    router.use(securityHeaders(this.options));
    // The login, and the guard of every route after it (page, config, API, queue, files, …).
    router.use(this.auth.middleware());
    // The two routes every event takes are served before express's middleware stack.
    router.use((req, res, next) => {
      if (!this.serveHot(req, res)) next();
    });
    router.use(this.guard.corsMiddleware());
    // Uploads (multipart, streamed to disk) come before the JSON body reader; a page of another
    // origin may not upload (a multipart POST needs no preflight, so CORS alone would not stop it).
    api.post(["/upload", "/upload/"], (req, res) => {
      if (req.headers.origin !== undefined && this.guard.allowedOrigin(req) === null) {
        req.resume();
        res.status(403).type("text/plain").send("Uploads from this origin are not allowed");
        return;
      }
      this.uploads.upload(req, res);
    });
    api.get(["/upload_progress", "/upload_progress/"], (req, res) => this.uploads.progress(req, res));
    const files = serveFile(this.files);
    // `file=<path>` and the legacy `file/<path>`, under the API prefix and (as Gradio 4) without it.
    const fileRoutes = (req: Request, res: Response, next: NextFunction) => (isFileRequest(req) ? files(req, res, next) : next());
    api.use(fileRoutes);
    router.use(fileRoutes);
    // MCP (the app's endpoints as tools) reads its own bodies, with the large-body limit.
    if (mcpEnabled(this.options.mcp_server)) api.use("/mcp", mcpRouter({ app: this.app, queue: this.queue, states: this.states, cache: this.files, showError: this.options.show_error ?? false, plan: (d) => this.plan(d), request: (r, h) => this.requestInfo(r, h), baseUrl: (r) => this.guard.rootUrl(r), readBody: (r) => this.guard.readJoinBody(r) }));
    api.use(this.guard.jsonBodies());
    const componentServer = new ComponentServer(this.app, (hash, id) => this.rendered.block(hash, id));
    api.post(["/component_server", "/component_server/"], componentServer.handle);

    router.get(["/config", "/config/"], (req, res, next) => {
      this.ready().then(() => res.json(this.config(this.guard.rootUrl(req))), next);
    });
    api.get(["/info", "/info/"], (req, res, next) => {
      this.ready().then(() => res.json(withExampleInputs(this.app.apiInfo(), this.exampleInputs, this.guard.rootUrl(req))), next);
    });
    api.get("/app_id", (_req, res) => {
      res.json({ app_id: this.app.appId });
    });
    api.post(["/queue/join", "/queue/join/"], (req, res) => this.join(req.body, req, res));
    api.get(["/queue/data", "/queue/data/"], (req, res) => {
      this.stream(typeof req.query.session_hash === "string" ? req.query.session_hash : "", res);
    });
    api.get("/heartbeat/:session_hash", (req, res) => this.heartbeat(req, res));
    api.post(["/cancel", "/cancel/"], (req, res, next) => {
      const { event_id, session_hash } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof event_id === "string" && typeof session_hash === "string") {
        if (this.cluster) {
          this.cluster.cancel(session_hash, event_id).then(() => res.json({ success: true }), next);
          return;
        }
        this.sessions.get(session_hash)?.events.get(event_id)?.job?.cancel();
      }
      res.json({ success: true });
    });
    api.post(["/reset", "/reset/"], (_req, res) => {
      res.json({ success: true });
    });
    // Gradio's streaming inputs over HTTP (`send_chunk` / `close_stream` of @gradio/client).
    api.post(["/stream/:event_id", "/stream/:event_id/close"], (req, res) => {
      const body = (req.body ?? {}) as { data?: unknown; session_hash?: unknown };
      const hash = typeof body.session_hash === "string" ? body.session_hash : null;
      try {
        if (req.path.endsWith("/close")) this.streams.close(String(req.params.event_id), hash);
        else {
          const refused = Array.isArray(body.data) ? this.refusedFile(body.data) : null;
          if (refused) return void res.status(400).json({ detail: refused });
          this.streams.values(String(req.params.event_id), hash, body.data);
        }
        res.json({ msg: "success" });
      } catch (err) {
        if (!(err instanceof StreamRefused)) throw err;
        res.status(err.status).json({ detail: err.message });
      }
    });
    serveCallApi(api, this, { showError: this.options.show_error ?? false, plan: (d) => this.plan(d), refused: (d) => this.refusedFile(d), request: (r, h) => this.requestInfo(r, h), files: (r) => this.processContext(r), cancelInSession: (h, f) => this.sessions.get(h)?.cancelFunctions(f), readTimeoutMs: this.guard.sessionLimits.streamTimeoutMs, rootUrl: (r) => this.guard.rootUrl(r), info: (r) => this.ready().then(() => withExampleInputs(this.app.apiInfo(), this.exampleInputs, this.guard.rootUrl(r))) });
    api.post(["/run/:api_name", "/api/:api_name"], (req, res, next) => {
      this.runDirect(req, res).catch(next);
    });
    api.use((req, res) => {
      res.status(404).json({ detail: `Not found: ${req.method} ${API_PREFIX}${req.path}` });
    });
    router.use(API_PREFIX, api);

    router.get("/components/:file", (req, res) => this.componentView(req, res));
    router.get("/components/:type/:file", (req, res) => this.componentAsset(req, res));
    router.get("/theme.css", (_req, res) => {
      res.type("text/css").set("Cache-Control", "no-cache").send(this.theme());
    });
    router.get(["/", "/index.html"], (req, res, next) => this.ready().then(() => this.page(req, res), next));
    router.use(staticAssets(appDistDir));
    router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(err);
      const e = err as { type?: string; status?: number; message?: string };
      if (e.type === "entity.parse.failed") {
        res.status(400).json({ detail: `Malformed JSON body: ${e.message}` });
      } else if (e.type === "entity.too.large") {
        res.status(413).json({ detail: "Request body is too large" });
      } else {
        console.error("[vitrine] request failed:", err);
        res.status(e.status ?? 500).json({ detail: "Internal server error" });
      }
    });
    return router;
  }

  /** What `ctx.request` tells a function: headers, the query, the client's address, the session. */
  private requestInfo(req: IncomingMessage & { ip?: string; originalUrl?: string }, sessionHash: string): RequestInfo {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const url = req.originalUrl ?? req.url ?? "";
    const q = url.indexOf("?");
    const query = q < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(q + 1)));
    return {
      headers,
      query,
      client: { host: req.ip ?? req.socket?.remoteAddress ?? null },
      path: q < 0 ? url : url.slice(0, q),
      session_hash: sessionHash,
      username: this.auth.username(req),
    };
  }


  /**
   * Serves `POST {API_PREFIX}/queue/join` and `GET {API_PREFIX}/queue/data` (the two requests
   * of every event) with plain node:http calls, ahead of express's middleware; returns false
   * for any other request. `req.url` is relative to where the app is mounted. {@link launch}
   * calls it before handing a request to express at all.
   */
  serveHot(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "";
    if (!url.startsWith(API_PREFIX)) return false;
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const join = req.method === "POST" && path === JOIN_PATH;
    if (!join && !(req.method === "GET" && path === DATA_PATH)) return false;
    applySecurityHeaders(res, this.options);
    if (this.auth.refuse(req, res)) return true;
    if (join) {
      this.guard.cors(req, res);
      this.guard.readJoinBody(req).then(
        (body) => this.join(body, req, res),
        (err: unknown) => this.reject(res, err),
      );
      return true;
    }
    this.guard.cors(req, res);
    const hash = q < 0 ? null : new URLSearchParams(url.slice(q + 1)).get("session_hash");
    this.stream(hash ?? "", res);
    return true;
  }

  private join(body: unknown, req: IncomingMessage, res: ServerResponse): void {
    let call;
    try {
      call = parseCall(this.app, body, { requireSession: true, rendered: (hash, index) => this.rendered.dependency(hash, index) });
    } catch (err) {
      return this.reject(res, err);
    }
    const dep = call.dependency;
    const hash = call.sessionHash;
    const refused = this.refusedFile(call.data);
    if (refused) return sendJson(res, 400, { detail: refused });
    if (this.cluster) return this.joinShared(call, req, res);
    const plan = this.plan(dep);
    const session = this.sessions.ensure(call.sessionHash);
    if (plan.cancels) session.cancelFunctions(plan.cancels);
    let bytes: number;
    try {
      bytes = this.guard.admit(session, req);
    } catch (err) {
      return this.reject(res, err);
    }
    const eventId = randomUUID().replaceAll("-", "");
    const record = { fnIndex: dep.id, job: null as Job | null, bytes };
    session.events.set(eventId, record);
    const stream = isStreamListener(dep) ? this.streams.open(eventId, hash, dep, call.data) : undefined;
    try {
      record.job = this.queue.push(
        new EventTask({
          eventId,
          call,
          request: () => this.requestInfo(req, hash),
          concurrencyId: plan.concurrencyId,
          concurrencyLimit: plan.concurrencyLimit,
          batch: plan.batch,
          showError: this.options.show_error ?? false,
          files: this.processContext(req),
          stream,
          send: (text, completes) => session.send(text, completes),
          render: {
            allocate: () => this.rendered.allocate(),
            keep: (region) => this.keepRegion(hash, region),
          },
          state: {
            // The session starts (or is used again) when one of its events runs, not when it
            // joins: a join whose stream never opens is cancelled and leaves nothing behind.
            inputs: (d, data) => {
              this.lifecycle.touch(hash);
              return this.states.inputs(hash, d, data);
            },
            outputs: (d, values) => this.states.outputs(hash, d, values),
          },
        }),
      );
    } catch (err) {
      stream?.close();
      session.forget(eventId);
      if (err instanceof QueueFullError) return sendJson(res, 503, { detail: err.message });
      return this.reject(res, err);
    }
    sendJson(res, 200, { event_id: eventId });
  }

  /**
   * Queues an event on the shared queue. Events only this process can run (a `vt.render`
   * rebuild, a `stream` listener fed by this process's live channel) run here, their messages
   * going through the shared queue all the same.
   */
  private joinShared(call: CallRequest, req: IncomingMessage, res: ServerResponse): void {
    const dep = call.dependency;
    const hash = call.sessionHash;
    const onlyHere = isStreamListener(dep) || renderBlockOf(dep) !== null || this.app.dependency(dep.id) !== dep;
    let local: LocalRun | null = null;
    if (onlyHere) {
      const eventId = randomUUID().replaceAll("-", "");
      local = {
        eventId,
        call,
        request: () => this.requestInfo(req, hash),
        showError: this.options.show_error ?? false,
        files: this.processContext(req),
        stream: isStreamListener(dep) ? this.streams.open(eventId, hash, dep, call.data) : undefined,
        render: { allocate: () => this.rendered.allocate(), keep: (region) => this.keepRegion(hash, region) },
      };
    }
    this.cluster!.join(call, this.requestInfo(req, hash), this.guard.rootUrl(req as Request), res, local).then(
      (result) => {
        if (result === "full") sendJson(res, 503, { detail: new QueueFullError(this.app.queueSettings.max_size ?? 0).message });
      },
      (err: unknown) => this.reject(res, err),
    );
  }

  /**
   * What components get to read and write files for one request's events: a file store whose
   * URLs are made for the request's public root (computed when first needed).
   */
  private processContext(req: IncomingMessage): OutputContext {
    const store = new EventFileStore(this.files, () => this.guard.rootUrl(req as Request));
    return { files: store, fileUrl: store.fileUrl };
  }

  /**
   * Why an event's input values are refused, or null: a FileData (at the top level, or one
   * level down in a list) whose path is neither an http(s) URL nor, by its name, a file of
   * this server's cache or `allowed_paths`. Components check again, on disk, when they resolve it.
   */
  private refusedFile(data: readonly unknown[]): string | null {
    for (const value of data) {
      if (typeof value !== "object" || value === null) continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (!isFileData(item) || /^https?:\/\//i.test(item.path) || this.files.plausible(item.path)) continue;
        return (
          `File not allowed: ${item.path}. A file input must be uploaded to this server first ` +
          `(POST ${API_PREFIX}/upload), or be an http(s) URL or a file inside allowed_paths.`
        );
      }
    }
    return null;
  }

  /** Keeps a session's rebuilt `vt.render` region; returns what the page needs to show it. */
  private keepRegion(sessionHash: string, region: RenderedRegion): RenderConfig {
    this.rendered.keep(sessionHash, region);
    const ui_modules: Record<string, string> = {};
    const known = this.componentViews();
    for (const [type, component] of region.componentTypes()) {
      if (!known.has(type) && !this.renderedViews.has(type)) this.renderedViews.set(type, component);
      ui_modules[type] = viewUrl(type, component);
    }
    return { ...region.config(), ui_modules };
  }

  private reject(res: ServerResponse, err: unknown): void {
    if (err instanceof BadRequest || err instanceof HttpError) return sendJson(res, err.status, { detail: err.message });
    console.error("[vitrine] request failed:", err);
    sendJson(res, 500, { detail: "Internal server error" });
  }

  private stream(hash: string, res: ServerResponse): void {
    if (this.cluster) {
      this.cluster.stream(hash, res).catch((err: unknown) => this.reject(res, err));
      return;
    }
    const session = this.sessions.get(hash);
    if (!session) {
      openEventStream(res);
      writeEvent(res, messages.sessionNotFound());
      res.end();
      return;
    }
    // One reader per session: a second `/queue/data` with a known hash must not take over the stream.
    if (session.streaming) return refuseSecondStream(res);
    session.attach(res);
  }

  /**
   * A page (or client) of this session opened its live channel (the heartbeat): the session
   * is in use. Every kind of live channel calls this, and {@link pageClosed} when it ends.
   */
  pageOpened(sessionHash: string): void {
    if (this.cluster) this.pagesSeen.add(sessionHash);
    this.lifecycle.opened(sessionHash);
  }

  /** A live channel of this session ended (its page closed or its client went away). */
  pageClosed(sessionHash: string): void {
    this.streams.closeSession(sessionHash);
    this.lifecycle.closed(sessionHash);
  }

  /** A session ended: its State values are deleted, `unload` listeners run, its memory is freed. */
  private endSession(sessionHash: string): void {
    this.states.end(sessionHash);
    // Shared State ends with the page that held the session here (an idle API session's values expire in Redis).
    if (this.cluster && this.pagesSeen.delete(sessionHash)) {
      this.cluster.state.end(sessionHash).catch((err: unknown) => console.error("[vitrine] ending a session's shared State failed:", err));
    }
    this.rendered.drop(sessionHash);
    for (const fn of this.app.unloadCallbacks) {
      Promise.resolve()
        .then(() => fn({ session_hash: sessionHash }))
        .catch((err: unknown) => console.error("[vitrine] an unload listener failed:", err));
    }
  }

  /**
   * Takes a WebSocket upgrade request for a page's live channel,
   * `GET {API_PREFIX}/live/{session_hash}` with `req.url` relative to where the app is mounted,
   * and returns true; returns false (leaving the socket alone) for any other URL. {@link launch}
   * routes its server's upgrades here; a host app does it with `attachLiveChannel`.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    return this.live.handleUpgrade(req, socket, head);
  }

  private heartbeat(req: Request, res: Response): void {
    const hash = String(req.params.session_hash);
    const refused = this.guard.channelRefusal(req);
    if (refused !== null) return void sendJson(res, 429, { detail: refused });
    const release = this.guard.holdChannel(req);
    this.pageOpened(hash);
    openEventStream(res);
    res.write("data: ALIVE\n\n");
    const timer = setInterval(() => res.write("data: ALIVE\n\n"), 15_000);
    this.heartbeats.add(res);
    res.on("close", () => {
      clearInterval(timer);
      release();
      this.heartbeats.delete(res);
      this.pageClosed(hash);
    });
  }

  /** `POST /run/{api_name}`: runs a function outside the queue and answers with its output. */
  private async runDirect(req: Request, res: Response): Promise<void> {
    let call;
    try {
      call = parseCall(this.app, req.body, { apiName: String(req.params.api_name), requireSession: false });
    } catch (err) {
      return this.reject(res, err);
    }
    if (call.dependency.queued && !this.app.queueSettings.api_open) {
      // Gradio's `queue(api_open=False)`: queued endpoints answer through the queue only (checked
      // first: a refused call fetches none of its URL inputs).
      res.status(404).json({ detail: "This API endpoint does not accept direct HTTP POST requests. Please join the queue to use this API." });
      return;
    }
    const refused = this.refusedFile(call.data) ?? (await this.files.fetchUrlInputs(call));
    if (refused) return sendJson(res, 400, { detail: refused });
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const started = performance.now();
    try {
      // No stream to report on: progress is dropped, and messages are printed.
      const say = (level: "info" | "warning") => (message: string, options?: LogOptions) =>
        printLog(logEntry(level, message, options));
      const context: EventContext = {
        signal: controller.signal,
        session: { hash: call.sessionHash },
        request: this.requestInfo(req, call.sessionHash),
        event: eventData(call.triggerId, call.eventData),
        progress: createProgress(() => undefined),
        info: say("info"),
        warning: say("warning"),
      };
      const hash = call.sessionHash;
      this.lifecycle.touch(hash);
      const dep = call.dependency;
      const files = this.processContext(req);
      let result = invoke(dep, this.states.inputs(hash, dep, call.data), context, files);
      if (!isGenerator(result)) result = await result;
      let values: unknown[];
      if (isGenerator(result)) {
        const out = postprocessOutputs(dep, await firstYield(result), files);
        values = isThenable(out) ? await out : out;
      } else {
        values = result as unknown[];
      }
      const { data, changed } = this.states.outputs(hash, dep, values);
      const duration = (performance.now() - started) / 1000;
      res.json({ data, is_generating: false, duration, average_duration: duration, render_config: null, changed_state_ids: changed });
    } catch (err) {
      res.status(500).json(errorPayload(err, this.options.show_error ?? false));
    }
  }

  private componentView(req: Request, res: Response): void {
    const match = /^([a-z0-9_-]+)\.js(\.map)?$/.exec(String(req.params.file));
    const component = match ? (this.componentViews().get(match[1]!) ?? this.renderedViews.get(match[1]!)) : undefined;
    if (!match || !component) {
      res.status(404).type("text/plain").send(`No component view ${req.params.file}`);
      return;
    }
    const file = component.ui.file + (match[2] ?? "");
    sendAsset(req, res, file, { cacheControl: versionedCacheControl(file, req.query.v) }).then((sent) => {
      if (sent) return;
      // The path is for the server's log only: clients never see the server's file system.
      console.error(`[vitrine] the view of "${match[1]}" is not built: ${file}`);
      res.status(404).type("text/plain").send(`The view of "${match[1]}" is not built`);
    }, req.next);
  }

  /**
   * A file a component's view loads lazily (a split-off chunk, a stylesheet, a font): the view's
   * build puts them in a folder named after the type beside its `ui.file`, and the view, served at
   * `components/<type>.js`, reaches them at `components/<type>/<file>`. Only plain file names.
   */
  private componentAsset(req: Request, res: Response): void {
    const type = String(req.params.type);
    const name = String(req.params.file);
    const dir = /^[a-z0-9_-]+$/.test(type) ? this.assetFolder(type) : undefined;
    if (!dir || !/^[A-Za-z0-9_-][\w.-]*$/.test(name)) {
      res.status(404).type("text/plain").send(`No file ${type}/${name}`);
      return;
    }
    const file = join(dir, name);
    sendAsset(req, res, file, { cacheControl: versionedCacheControl(file, req.query.v) }).then((sent) => {
      if (!sent) res.status(404).type("text/plain").send(`No file ${type}/${name}`);
    }, req.next);
  }

  /**
   * The directory behind `components/<folder>/`: the folder beside the view of the component
   * type so named, else a shared folder a component on the page declares in `ui.assets`.
   */
  private assetFolder(folder: string): string | undefined {
    const own = this.componentViews().get(folder) ?? this.renderedViews.get(folder);
    if (own) return join(dirname(own.ui.file), folder);
    for (const views of [this.componentViews().values(), this.renderedViews.values()]) {
      for (const component of views) {
        const dir = component.ui.assets?.[folder];
        if (dir !== undefined) return dir;
      }
    }
    return undefined;
  }

  private page(req: Request, res: Response): void {
    const [path, query = ""] = req.originalUrl.split("?");
    if (!path!.endsWith("/") && !path!.endsWith("/index.html")) {
      res.redirect(308, `${path}/${query ? `?${query}` : ""}`);
      return;
    }
    this.indexHtml ??= readFileSync(join(appDistDir, "index.html"), "utf8");
    const appConfig = this.config(this.guard.rootUrl(req));
    const config = JSON.stringify(appConfig).replaceAll("<", "\\u003c");
    const script = `<script>window.__VITRINE_CONFIG__=${config};</script>`;
    const head = this.head;
    const html = this.indexHtml.replace("</head>", () => `${head}${script}</head>`);
    // Every script of the page carries this response's nonce (see security-headers.ts).
    const { nonce, etag } = pageNonceAndEtag(html, req.headers["if-none-match"]);
    const policy = pageContentSecurityPolicy(this.options, nonce, pageNeeds(appConfig.components));
    if (policy) res.setHeader("Content-Security-Policy", policy);
    res.setHeader("ETag", etag);
    sendPage(req, res, addScriptNonce(html, nonce));
  }

  /** The app theme's stylesheet (computed once). */
  theme(): string {
    return (this.themeCss ??= resolveTheme(this.app.props.theme).css());
  }

  /** Stops all streams and aborts running events. */
  close(): void {
    this.rendered.close();
    this.lifecycle.close();
    this.states.close();
    this.sessions.closeAll();
    this.queue.close();
    void this.cluster?.close();
    for (const res of this.heartbeats) res.end();
    this.heartbeats.clear();
    this.live.close();
    this.streams.closeAll();
    this.uploads.close();
    this.files.close();
  }
}

/**
 * Where the page loads a component type's view: `components/<type>.js?v=<content hash>`, so the
 * browser may cache it for good (a new build changes the URL). Unbuilt views get the bare URL,
 * which answers with a message saying so.
 */
function viewUrl(type: string, component: AnyComponent): string {
  try {
    return `components/${type}.js?v=${assetVersion(component.ui.file)}`;
  } catch {
    return `components/${type}.js`;
  }
}

/** The first yield of a generator, which is then closed. */
async function firstYield(gen: Generator | AsyncGenerator): Promise<unknown> {
  const step = await gen.next();
  await gen.return(undefined);
  return step.value;
}
