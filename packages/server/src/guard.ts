/**
 * What the server refuses, and how much it holds for clients: CORS origins, the proxies whose
 * `X-Forwarded-*` headers are believed, JSON bodies (content type, size per route, nesting),
 * the limits on sessions that join events but never read them, and on the live channels one
 * client holds open.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";
import proxyaddr from "proxy-addr";
import type { Request, RequestHandler } from "express";
import { ByteBudget, HttpError, MAX_JSON_DEPTH, bodySize, parseSize, readJsonBody, sendJson } from "./http.js";
import { proxyTrust, publicHost, rootUrl, type ProxyTrust } from "./root-url.js";
import type { Session, SessionLimits } from "./sessions.js";
import { requestTimeouts, type RequestTimeoutOptions } from "./server-timeouts.js";

/** Server settings that protect it from hostile pages and clients (part of `ServeOptions`). */
export interface SafetyOptions extends RequestTimeoutOptions {
  /**
   * Origins (`"https://app.example.com"`) whose pages may call the app from the browser (CORS,
   * with credentials). The app's own origin is always allowed, and so are its `localhost`,
   * `127.0.0.1` and `[::1]` aliases on the same port; `"*"` allows any origin (but never
   * `null`). Requests without an `Origin` (server-side clients) are not affected. Default none.
   */
  allowed_origins?: string[];
  /**
   * Addresses of the reverse proxies whose `X-Forwarded-Host` and `X-Forwarded-Proto` headers
   * are believed (for the app's public URL, `root` in the config, and same-origin checks), as
   * express's `trust proxy` takes them: IPs, CIDR subnets (`"10.0.0.0/8"`), or `"loopback"`,
   * `"linklocal"`, `"uniquelocal"`. Default: none with `launch()`; with `mount()`, the host
   * express app's own `trust proxy` setting.
   */
  trusted_proxies?: string[];
  /**
   * Seconds a session's events wait for its `/queue/data` stream to be opened (after joining,
   * or after its last stream ended with events still pending). Past that, its events are
   * cancelled and the session is dropped. Default 60; `null` waits forever (as Gradio).
   */
  stream_timeout?: number | null;
  /**
   * Most events one session may have waiting in the queue (not started yet); a join beyond
   * answers `429`. Default 10; `null` for no limit (as Gradio).
   */
  max_waiting_per_session?: number | null;
  /**
   * Most bytes of messages kept for a session whose stream is not open; beyond, the session is
   * dropped (its events cancelled). Bytes or a size string. Default "64mb".
   */
  max_unread_size?: string | number;
  /**
   * Most bytes held for all clients at once: JSON request bodies being read, the join bodies
   * of events not yet delivered, and unread messages. A join beyond answers `503`. Bytes or a
   * size string. Default "256mb".
   */
  max_buffered_size?: string | number;
  /** Deepest nesting of arrays and objects accepted in a JSON request body (a 400 beyond). Default 64. */
  max_json_depth?: number;
  /**
   * Most sessions one client address may have with events in flight (joined and not yet
   * completed) at once; a join that would start one more answers `429`. Each such session holds
   * at most one open `/queue/data` stream, so this also caps one client's open streams. The
   * address is the connection's, or the one forwarded by `trusted_proxies`. Loopback addresses
   * are not limited: they are this machine, or a reverse proxy on it standing for all its users
   * (list it in `trusted_proxies` to limit each of them). Default 200 (a browser tab is one
   * session); `null` for no limit (as Gradio).
   *
   * It caps as well the live channels one client address holds open: a page's WebSocket
   * (`{API_PREFIX}/live/<session_hash>`) and the heartbeat stream
   * (`GET {API_PREFIX}/heartbeat/<session_hash>`), which stay open for any hash; one more past the
   * cap answers `429`.
   */
  max_sessions_per_client?: number | null;
}

/** Largest body of the small JSON routes (`/cancel`, `/reset`, …): 16 kB. */
export const SMALL_BODY_LIMIT = 16 * 1024;
/** Routes (below the API prefix) whose bodies carry input values, and get `max_body_size`. */
const LARGE_BODY_ROUTES = /^\/(queue\/join|run|api|call)(\/|$)/;
/** Host names of this machine: an origin with one of them and the server's port is its own. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The {@link SafetyOptions} of one app, applied. */
export class RequestGuard {
  /** Bytes held for all clients (bodies and unread messages). */
  readonly budget: ByteBudget;
  /** Largest body of a join or run request. */
  readonly bodyLimit: number;
  /** What every session of the app may hold. */
  readonly sessionLimits: SessionLimits;
  private readonly maxDepth: number;
  /** Most events one session may have waiting (`max_waiting_per_session`). */
  readonly maxWaiting: number | null;
  private readonly trust: ProxyTrust;
  private readonly origins: Set<string>;
  private readonly anyOrigin: boolean;
  private readonly clients: ClientSessions | null;
  private readonly channels: ClientChannels | null;
  private readonly proxies: ((addr: string, i: number) => boolean) | null;

  constructor(options: SafetyOptions & { max_body_size?: string | number }) {
    // A bad request_timeout fails here, when the app is served, not when the server starts.
    requestTimeouts(options);
    this.bodyLimit = parseSize(options.max_body_size ?? "10mb");
    this.budget = new ByteBudget(parseSize(options.max_buffered_size ?? "256mb"));
    this.maxDepth = options.max_json_depth ?? MAX_JSON_DEPTH;
    this.maxWaiting = options.max_waiting_per_session === undefined ? 10 : options.max_waiting_per_session;
    const timeout = options.stream_timeout === undefined ? 60 : options.stream_timeout;
    this.sessionLimits = {
      streamTimeoutMs: timeout === null ? Infinity : Math.max(0, timeout * 1000),
      maxUnreadBytes: parseSize(options.max_unread_size ?? "64mb"),
      budget: this.budget,
    };
    this.trust = proxyTrust(options.trusted_proxies);
    const allowed = options.allowed_origins ?? [];
    this.anyOrigin = allowed.includes("*");
    this.origins = new Set(allowed.filter((o) => o !== "*").map(normalizeOrigin));
    const perClient = options.max_sessions_per_client === undefined ? 200 : options.max_sessions_per_client;
    this.clients = perClient === null ? null : new ClientSessions(perClient);
    this.channels = perClient === null ? null : new ClientChannels(perClient);
    this.proxies = options.trusted_proxies ? proxyaddr.compile([...options.trusted_proxies]) : null;
  }

  /**
   * The address of the client behind a request: the one `trusted_proxies` forwarded, else
   * express's `req.ip` (the host app's `trust proxy` when mounted), else the connection's.
   */
  clientAddress(req: IncomingMessage): string {
    if (this.proxies) return proxyaddr(req, this.proxies);
    return (req as { ip?: string }).ip ?? req.socket?.remoteAddress ?? "unknown";
  }

  /** The public URL of the app for this request (see {@link rootUrl}). */
  rootUrl(req: Request): string {
    return rootUrl(req, this.trust(req));
  }

  /**
   * The request's `Origin` when a browser page of it may read the answer: the app's own
   * origin (the request's host, or the forwarded one behind a trusted proxy), a loopback alias
   * of it, or one of `allowed_origins`; null otherwise, and always for `null` or no origin.
   */
  allowedOrigin(req: IncomingMessage): string | null {
    const origin = req.headers.origin;
    if (typeof origin !== "string" || origin === "" || origin === "null") return null;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (this.anyOrigin || this.origins.has(url.origin)) return origin;
    const host = publicHost(req, this.trust(req))?.toLowerCase();
    if (host !== undefined && url.host === host) return origin;
    if (LOOPBACK.has(url.hostname)) {
      const port = url.port || (url.protocol === "https:" ? "443" : "80");
      if (port === String(req.socket?.localPort)) return origin;
      const own = host === undefined ? null : parseHost(host);
      if (own && LOOPBACK.has(own.hostname) && (own.port || "80") === port) return origin;
    }
    return null;
  }

  /** Sets the CORS headers of a response (the hot routes, which skip express). */
  cors(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader("Vary", "Origin");
    const origin = this.allowedOrigin(req);
    if (origin) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
    }
  }

  /**
   * CORS for express routes, preflights included: allowed origins are reflected, with
   * credentials. A preflight from an origin that is not allowed is answered `403` with a message
   * naming it (and no `Access-Control-Allow-Origin`), so the browser never sends the request.
   */
  corsMiddleware(): RequestHandler {
    const handler = cors<Request>((req, callback) => callback(null, { origin: this.allowedOrigin(req) ?? false, credentials: true }));
    return (req, res, next) => {
      res.vary("Origin");
      const origin = req.headers.origin;
      if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined && origin !== undefined && this.allowedOrigin(req) === null) {
        sendJson(res, 403, { detail: foreignOriginMessage(origin) });
        return;
      }
      handler(req, res, next);
    };
  }

  /**
   * Reads the JSON bodies of the API's requests (in place of `express.json()`): JSON only (415
   * otherwise; multipart bodies are left to their routes), `max_body_size` for routes that
   * carry input values and 16 kB for the others (413), nesting within `max_json_depth` (400).
   */
  jsonBodies(): RequestHandler {
    return (req, res, next) => {
      if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
      if (/^\s*multipart\/form-data/i.test(req.headers["content-type"] ?? "")) return next();
      const limit = LARGE_BODY_ROUTES.test(req.path) ? this.bodyLimit : SMALL_BODY_LIMIT;
      readJsonBody(req, limit, { maxDepth: this.maxDepth, budget: this.budget }).then(
        (body) => {
          req.body = body;
          next();
        },
        (err: unknown) => sendError(res, err, next),
      );
    };
  }

  /** Reads the body of a `/queue/join` request (the hot route). */
  readJoinBody(req: IncomingMessage): Promise<unknown> {
    return readJsonBody(req, this.bodyLimit, { maxDepth: this.maxDepth, budget: this.budget });
  }

  /**
   * Lets one more event into a session: throws a 429 when the session already has
   * `max_waiting_per_session` events waiting, a 503 when the join's body does not fit in the
   * budget. Returns the bytes held for the event (release them with the event).
   */
  admit(session: Session, req: IncomingMessage): number {
    const max = this.maxWaiting;
    if (max !== null && session.waitingCount() >= max) {
      throw new HttpError(
        429,
        `Too many events waiting: this session already has ${max} event(s) waiting in the queue, ` +
          `the most one session may have (max_waiting_per_session). Wait for them to start, then try again.`,
      );
    }
    const client = this.clients ? this.clientAddress(req) : "";
    if (this.clients && !isLoopback(client) && !this.clients.admit(client, session)) {
      throw new HttpError(
        429,
        `Too many sessions from your address: it already has ${this.clients.max} session(s) with events in flight, ` +
          `the most one client may have (max_sessions_per_client). Wait for their events to finish, then try again.`,
      );
    }
    const bytes = bodySize(req);
    if (bytes > 0 && !this.budget.take(bytes)) {
      throw new HttpError(503, "The server is holding too much request data right now; try again later");
    }
    return bytes;
  }

  /**
   * Why this request's client may not open one more live channel (heartbeat stream or
   * WebSocket), or null when it may: it already holds `max_sessions_per_client` open. Loopback
   * clients are not limited.
   */
  channelRefusal(req: IncomingMessage): string | null {
    if (!this.channels) return null;
    const client = this.clientAddress(req);
    if (isLoopback(client) || this.channels.count(client) < this.channels.max) return null;
    return (
      `Too many live connections from your address: it already has ${this.channels.max} heartbeat or live channel(s) open, ` +
      `the most one client may have (max_sessions_per_client). Close some of the app's pages, then try again.`
    );
  }

  /**
   * Counts one open live channel for this request's client (see {@link channelRefusal}) and
   * returns the function that uncounts it, to call when the channel closes (once; more calls do
   * nothing).
   */
  holdChannel(req: IncomingMessage): () => void {
    if (!this.channels) return () => undefined;
    const client = this.clientAddress(req);
    if (isLoopback(client)) return () => undefined;
    return this.channels.hold(client);
  }
}

/** The live channels (heartbeats and WebSockets) each client address holds open. */
class ClientChannels {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** How many channels `client` holds open. */
  count(client: string): number {
    return this.open.get(client) ?? 0;
  }

  /** Counts one more channel of `client`; returns its release. */
  hold(client: string): () => void {
    this.open.set(client, this.count(client) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = this.count(client) - 1;
      if (left > 0) this.open.set(client, left);
      else this.open.delete(client);
    };
  }
}

/**
 * The sessions each client address has with events in flight. A session counts from its first
 * admitted join until it has no event left (completed, cancelled or dropped); finished ones are
 * pruned lazily, per address on its next join and everywhere every few hundred joins.
 */
class ClientSessions {
  private readonly byClient = new Map<string, Set<Session>>();
  private joins = 0;

  constructor(readonly max: number) {}

  /** Counts `session` for `client`; false (nothing counted) when the client is at the limit. */
  admit(client: string, session: Session): boolean {
    if (++this.joins % 512 === 0) this.pruneAll();
    let sessions = this.byClient.get(client);
    if (!sessions) this.byClient.set(client, (sessions = new Set()));
    if (sessions.has(session)) return true;
    prune(sessions);
    if (sessions.size >= this.max) return false;
    sessions.add(session);
    return true;
  }

  private pruneAll(): void {
    for (const [client, sessions] of this.byClient) {
      prune(sessions);
      if (sessions.size === 0) this.byClient.delete(client);
    }
  }
}

/** Whether an address is this machine's (IPv4, IPv6, or IPv4-mapped). */
function isLoopback(address: string): boolean {
  return /^(127\.|::1$|::ffff:127\.)/i.test(address) || address === "unknown";
}

/** Forgets the sessions that have no event left. */
function prune(sessions: Set<Session>): void {
  for (const s of sessions) if (s.events.size === 0) sessions.delete(s);
}

/** Why a CORS preflight of a page of `origin` is refused. */
export function foreignOriginMessage(origin: string): string {
  return (
    `Cross-origin request refused: pages of ${origin === "null" ? "a null (sandboxed or file) origin" : origin} may not call this app. ` +
    `Add the origin to allowed_origins to allow it.`
  );
}

function sendError(res: ServerResponse, err: unknown, next: (err: unknown) => void): void {
  if (err instanceof HttpError) sendJson(res, err.status, { detail: err.message });
  else next(err);
}

function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    throw new Error(`allowed_origins: "${origin}" is not an origin like "https://app.example.com"`);
  }
}

function parseHost(host: string): URL | null {
  try {
    return new URL(`http://${host}`);
  } catch {
    return null;
  }
}
