import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import cors from "cors";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { API_PREFIX, type AppConfig, type BlocksApp } from "@vitrine/core";
import { Queue, QueueFullError } from "@vitrine/queue";
import { appDistDir } from "@vitrine/app";
import { invoke } from "./invoke.js";
import { BadRequest, parseCall } from "./join.js";
import { errorPayload, messages } from "./protocol.js";
import { rootUrl } from "./root-url.js";
import { eventTask } from "./run-event.js";
import { SessionHub } from "./sessions.js";
import { openEventStream, writeEvent } from "./sse.js";

/** Server settings for one app. */
export interface ServeOptions {
  /** Show the message of any throw to users, not only `vt.Error`'s (default false). */
  show_error?: boolean;
  /** Largest JSON request body, in bytes or a size string like "10mb" (default "10mb"). */
  max_body_size?: string | number;
}

/**
 * Everything that serves one app: its queue, its sessions and its express router
 * (API routes, the page and the component views). Mount `router` anywhere.
 */
export class AppService {
  readonly router: Router;
  readonly queue: Queue;
  private readonly sessions = new SessionHub();
  private readonly heartbeats = new Set<Response>();
  private baseConfig: Omit<AppConfig, "root"> | null = null;
  private indexHtml: string | null = null;

  constructor(
    readonly app: BlocksApp,
    private readonly options: ServeOptions = {},
  ) {
    this.queue = new Queue({ maxSize: app.queueSettings.max_size });
    this.router = this.routes();
  }

  /** The config as served, for a given public root URL. */
  config(root: string): AppConfig {
    this.baseConfig ??= this.buildConfig();
    return { ...this.baseConfig, root };
  }

  private buildConfig(): Omit<AppConfig, "root"> {
    const uiModules: Record<string, string> = {};
    for (const type of this.app.componentTypes().keys()) uiModules[type] = `components/${type}.js`;
    return { ...this.app.config(), show_error: this.options.show_error ?? false, ui_modules: uiModules };
  }

  private routes(): Router {
    const router = express.Router();
    const api = express.Router();
    router.use(cors({ origin: true, credentials: true }));
    api.use(express.json({ limit: this.options.max_body_size ?? "10mb" }));

    router.get(["/config", "/config/"], (req, res) => {
      res.json(this.config(rootUrl(req)));
    });
    api.get(["/info", "/info/"], (_req, res) => {
      res.json(this.app.apiInfo());
    });
    api.get("/app_id", (_req, res) => {
      res.json({ app_id: this.app.appId });
    });
    api.post("/queue/join", (req, res) => this.join(req, res));
    api.get("/queue/data", (req, res) => this.stream(req, res));
    api.get("/heartbeat/:session_hash", (req, res) => this.heartbeat(req, res));
    api.post(["/cancel", "/cancel/"], (req, res) => {
      const { event_id, session_hash } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof event_id === "string" && typeof session_hash === "string") {
        this.sessions.get(session_hash)?.events.get(event_id)?.cancel();
      }
      res.json({ success: true });
    });
    api.post(["/reset", "/reset/"], (_req, res) => {
      res.json({ success: true });
    });
    api.post(["/run/:api_name", "/api/:api_name"], (req, res, next) => {
      this.runDirect(req, res).catch(next);
    });
    api.use((req, res) => {
      res.status(404).json({ detail: `Not found: ${req.method} ${API_PREFIX}${req.path}` });
    });
    router.use(API_PREFIX, api);

    router.get("/components/:file", (req, res) => this.componentView(req, res));
    router.get(["/", "/index.html"], (req, res) => this.page(req, res));
    router.use(express.static(appDistDir, { index: false, fallthrough: true, maxAge: "1h" }));
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

  private requestInfo(req: Request) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    return { headers, client: { host: req.ip ?? null }, path: req.originalUrl };
  }

  private join(req: Request, res: Response): void {
    let call;
    try {
      call = parseCall(this.app, req.body, { requireSession: true });
    } catch (err) {
      return this.reject(res, err);
    }
    const session = this.sessions.ensure(call.sessionHash);
    const eventId = randomUUID().replaceAll("-", "");
    session.events.set(eventId, null);
    try {
      const job = this.queue.push(
        eventTask({
          eventId,
          call,
          request: this.requestInfo(req),
          defaultConcurrencyLimit: this.app.queueSettings.default_concurrency_limit,
          showError: this.options.show_error ?? false,
          send: (message) => session.send(message),
        }),
      );
      if (session.events.has(eventId)) session.events.set(eventId, job);
    } catch (err) {
      session.events.delete(eventId);
      if (err instanceof QueueFullError) {
        res.status(503).json({ detail: err.message });
        return;
      }
      return this.reject(res, err);
    }
    res.json({ event_id: eventId });
  }

  private reject(res: Response, err: unknown): void {
    if (err instanceof BadRequest) {
      res.status(err.status).json({ detail: err.message });
      return;
    }
    throw err;
  }

  private stream(req: Request, res: Response): void {
    const hash = typeof req.query.session_hash === "string" ? req.query.session_hash : "";
    const session = this.sessions.get(hash);
    if (!session) {
      openEventStream(res);
      writeEvent(res, messages.sessionNotFound());
      res.end();
      return;
    }
    session.attach(res);
  }

  private heartbeat(_req: Request, res: Response): void {
    openEventStream(res);
    res.write("data: ALIVE\n\n");
    const timer = setInterval(() => res.write("data: ALIVE\n\n"), 15_000);
    this.heartbeats.add(res);
    res.on("close", () => {
      clearInterval(timer);
      this.heartbeats.delete(res);
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
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const started = performance.now();
    try {
      const result = invoke(call.dependency, call.data, {
        signal: controller.signal,
        session: { hash: call.sessionHash },
        request: this.requestInfo(req),
        event: { target: call.triggerId, data: call.eventData },
      });
      const data = await firstResult(result);
      const duration = (performance.now() - started) / 1000;
      res.json({ data, is_generating: false, duration, average_duration: duration, render_config: null, changed_state_ids: [] });
    } catch (err) {
      res.status(500).json(errorPayload(err, this.options.show_error ?? false));
    }
  }

  private componentView(req: Request, res: Response): void {
    const match = /^([a-z0-9_-]+)\.js(\.map)?$/.exec(String(req.params.file));
    const component = match ? this.app.componentTypes().get(match[1]!) : undefined;
    if (!match || !component) {
      res.status(404).type("text/plain").send(`No component view ${req.params.file}`);
      return;
    }
    const file = component.ui.file + (match[2] ?? "");
    res.type(match[2] ? "application/json" : "text/javascript");
    res.sendFile(file, (err) => {
      if (err && !res.headersSent) {
        res.status(404).type("text/plain").send(`The view of "${match[1]}" is not built: ${file}`);
      }
    });
  }

  private page(req: Request, res: Response): void {
    const [path, query = ""] = req.originalUrl.split("?");
    if (!path!.endsWith("/") && !path!.endsWith("/index.html")) {
      res.redirect(308, `${path}/${query ? `?${query}` : ""}`);
      return;
    }
    this.indexHtml ??= readFileSync(join(appDistDir, "index.html"), "utf8");
    const config = JSON.stringify(this.config(rootUrl(req))).replaceAll("<", "\\u003c");
    const script = `<script>window.__VITRINE_CONFIG__=${config};</script>`;
    res.type("html").send(this.indexHtml.replace("</head>", `${script}</head>`));
  }

  /** Stops all streams and aborts running events. */
  close(): void {
    this.sessions.closeAll();
    for (const res of this.heartbeats) res.end();
    this.heartbeats.clear();
  }
}

/** The first result of a call: a promise's value, or a generator's first yield. */
async function firstResult(result: unknown): Promise<unknown> {
  if (result && typeof (result as AsyncGenerator).next === "function") {
    const gen = result as AsyncGenerator;
    const step = await gen.next();
    await gen.return(undefined);
    return step.value;
  }
  return await result;
}
