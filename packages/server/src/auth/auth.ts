/**
 * Login for an app launched with `auth` (Gradio's `launch(auth=…)`): `POST /login` gives a
 * session cookie, `GET /logout` takes it back, and every other route of the app answers 401
 * without one, except the page itself, which shows the login form. With `auth_dependency`, a
 * function of yours names the user of each request instead (an external login: a proxy's
 * header, your own cookie), and a request it names no user for answers 401.
 * `GET /user` and `GET /login_check` tell a page who is logged in, as Gradio's.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import proxyaddr from "proxy-addr";
import { API_PREFIX } from "@vitrine/core";
import { HttpError, sendJson } from "../http.js";
import { readLoginForm } from "./body.js";
import { Credentials, type AuthSpec } from "./credentials.js";
import { loginPage } from "./page.js";
import { LoginThrottle, type ThrottleOptions } from "./throttle.js";

/** The login settings of an app (part of `ServeOptions`, so of `launch()` and `mount()`). */
export interface AuthOptions {
  /**
   * Require a login: one `[username, password]` pair, a list of them, or a function
   * `(username, password) => boolean | Promise<boolean>`. Without a session, the page shows a
   * login form and every other route (config, API, queue, uploads, files, …) answers 401.
   * Gradio's clients log in as with Gradio (`Client.connect(url, { auth: [user, pass] })`).
   * Functions read the user as `ctx.request.username`. Default none: no login.
   */
  auth?: AuthSpec | null;
  /** HTML shown above the login form (as Gradio's `auth_message`): written by you, not escaped. */
  auth_message?: string | null;
  /**
   * Names the user of each request from an external login (Gradio's `auth_dependency`): a
   * reverse proxy's header, a cookie of your own sign-in. Return the user's id, or null (or
   * throw) to refuse the request: every route then answers 401, the page included. Functions
   * read the user as `ctx.request.username`. It is called on every request, so keep it fast
   * and synchronous. Cannot be used with `auth`.
   *
   * @example launch(demo, { auth_dependency: (req) => (req.headers["x-forwarded-user"] as string | undefined) ?? null })
   */
  auth_dependency?: ((request: IncomingMessage) => string | null | undefined) | null;
}

/** What the login needs from the service it guards. */
export interface AuthHost {
  /** Whether the request reached the app over HTTPS (directly or through a trusted proxy). */
  https(req: Request): boolean;
  /** The `<head>` markup of the app's pages (theme stylesheet, dark mode). */
  head(): string;
  /** The app's title. */
  title(): string;
  /**
   * Whether a browser page of the request's `Origin` may log in: a login posted from another
   * site (login CSRF) would sign the visitor in as the attacker's account. Requests without an
   * `Origin` (the official clients, curl) are not browser pages and pass.
   */
  originAllowed?(req: Request): boolean;
}

/** Sessions kept per user at most; the oldest is dropped beyond. */
const MAX_SESSIONS_PER_USER = 100;

/** An app's logins and sessions. When the app has no `auth`, it lets everything through. */
export class Auth {
  /** Whether the app requires a login. */
  readonly enabled: boolean;
  /** The session cookie's name: per app, as Gradio's `access-token-<id>`, so apps on one host never mix. */
  readonly cookieName = `access-token-${randomBytes(12).toString("base64url")}`;
  private readonly credentials: Credentials | null;
  private readonly dependency: ((request: IncomingMessage) => string | null | undefined) | null;
  private readonly message: string | null;
  /** Session tokens and their users. */
  private readonly tokens = new Map<string, string>();
  readonly throttle: LoginThrottle;
  /** Which proxies' `X-Forwarded-For` names the client (`trusted_proxies`), or null for express's `req.ip`. */
  private readonly proxies: ((addr: string, i: number) => boolean) | null;

  constructor(
    options: AuthOptions & { trusted_proxies?: string[] },
    private readonly host: AuthHost,
    throttle: ThrottleOptions = {},
  ) {
    this.credentials = options.auth === undefined || options.auth === null ? null : new Credentials(options.auth);
    this.dependency = options.auth_dependency ?? null;
    if (this.credentials && this.dependency) throw new TypeError("launch: give `auth` or `auth_dependency`, not both");
    if (this.dependency !== null && typeof this.dependency !== "function") throw new TypeError("launch: `auth_dependency` must be a function (request) => user id or null");
    this.enabled = this.credentials !== null || this.dependency !== null;
    this.message = options.auth_message ?? null;
    this.throttle = new LoginThrottle(throttle);
    this.proxies = options.trusted_proxies ? proxyaddr.compile([...options.trusted_proxies]) : null;
  }

  /**
   * The address failed logins are counted against: the client's, as forwarded by trusted
   * proxies (`trusted_proxies`, else the host express app's `trust proxy`), so that one
   * client's failures never slow everyone behind the same proxy.
   */
  private clientAddress(req: Request): string {
    if (this.proxies) return proxyaddr(req, this.proxies);
    return req.ip ?? req.socket.remoteAddress ?? "unknown";
  }

  /** The logged-in user of a request, or null (always null when the app has no login). */
  username(req: IncomingMessage): string | null {
    if (!this.enabled) return null;
    if (this.dependency) return this.userOf(req);
    const token = this.sessionToken(req);
    return token === null ? null : (this.tokens.get(token) ?? null);
  }

  /** The request's session cookie, or null. */
  private sessionToken(req: IncomingMessage): string | null {
    return readCookie(req.headers.cookie, this.cookieName);
  }

  /** What `auth_dependency` names the request's user: a non-empty string, else null (a throw is logged, and refuses). */
  private userOf(req: IncomingMessage): string | null {
    try {
      const user = this.dependency!(req);
      if (typeof user === "string") return user === "" ? null : user;
      if (user !== null && user !== undefined) console.error(`[vitrine] auth_dependency returned ${typeof user}, not a user id or null: the request is refused`);
    } catch (err) {
      console.error("[vitrine] auth_dependency threw, so the request is refused:", err);
    }
    return null;
  }

  /**
   * Answers 401 when the app requires a login and the request has no session; returns whether
   * it did. CORS preflights pass (they never carry cookies; the CORS handler answers them).
   */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.enabled || isPreflight(req) || this.username(req) !== null) return false;
    req.resume();
    sendJson(res, 401, this.notAuthenticated());
    return true;
  }

  /** Gradio's answer to a request without a session. */
  notAuthenticated(): { detail: { error: string; auth_message: string | null } } {
    return { detail: { error: "Not authenticated", auth_message: this.message } };
  }

  /**
   * The express handler that goes first in the app's router: `POST /login`, `GET /login` (the
   * form), `GET /logout`, and the guard of every other route.
   */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const path = req.path.replace(/\/+$/, "") || "/";
      if (req.method === "GET" || req.method === "HEAD") {
        // Who is logged in (Gradio's `/user` and `/login_check`, at the root and under the API prefix).
        const route = path.startsWith(API_PREFIX + "/") ? path.slice(API_PREFIX.length) : path;
        if (route === "/user") return void res.set("Cache-Control", "no-store").json(this.username(req));
        if (route === "/login_check") {
          res.set("Cache-Control", "no-store");
          if (!this.enabled || this.username(req) !== null) return void res.json(null);
          return void res.status(401).json({ detail: "Not authenticated" });
        }
      }
      if (path === "/login" && req.method === "POST") return void this.login(req, res).catch(next);
      if ((path === "/login" || path === "/logout") && req.path.endsWith("/") && req.method === "GET") return res.redirect(302, `..${path}`);
      if (path === "/login" && (req.method === "GET" || req.method === "HEAD")) return this.showLogin(req, res);
      if (path === "/logout" && (req.method === "GET" || req.method === "HEAD")) return this.logout(req, res);
      if (!this.enabled || isPreflight(req) || this.username(req) !== null) return next();
      req.resume();
      // An external login has no form here: everything answers 401, the page too (as Gradio).
      if (!this.credentials) return void res.status(401).json(this.notAuthenticated());
      if ((req.method === "GET" || req.method === "HEAD") && (path === "/" || path === "/index.html")) {
        return this.sendForm(res, 200);
      }
      // A browser opening another address of the app gets the form too; everything else, Gradio's 401.
      if (req.method === "GET" && !req.path.startsWith(API_PREFIX) && /text\/html/.test(req.headers.accept ?? "")) {
        return this.sendForm(res, 401);
      }
      res.status(401).json(this.notAuthenticated());
    };
  }

  private sendForm(res: Response, status: number, error: string | null = null): void {
    res.status(status).set("Cache-Control", "no-store").type("html");
    res.send(loginPage({ head: this.host.head(), title: this.host.title(), message: this.message, error }));
  }

  private showLogin(req: Request, res: Response): void {
    if (!this.credentials || this.username(req) !== null) return void res.redirect(302, "./");
    this.sendForm(res, 200);
  }

  /** `POST /login`: 200 `{ success: true }` with the session cookie, or 400 "Incorrect credentials." as Gradio. */
  private async login(req: Request, res: Response): Promise<void> {
    if (!this.credentials) {
      req.resume();
      return void res.redirect(302, "./");
    }
    if (this.host.originAllowed && !this.host.originAllowed(req)) {
      req.resume();
      return void res.status(403).json({ detail: "Logins from this origin are not allowed." });
    }
    const client = this.clientAddress(req);
    // A browser posting the form without JavaScript gets pages back, not JSON.
    const wantsPage = /^\s*application\/x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "") && /text\/html/.test(req.headers.accept ?? "");
    const wait = this.throttle.wait(client);
    if (wait > 0) {
      req.resume();
      const seconds = Math.ceil(wait / 1000);
      const detail = `Too many failed logins. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
      res.set("Retry-After", String(seconds));
      return wantsPage ? this.sendForm(res, 429, detail) : void res.status(429).json({ detail });
    }
    let form;
    try {
      form = await readLoginForm(req);
    } catch (err) {
      if (err instanceof HttpError) return void res.status(err.status).json({ detail: err.message });
      throw err;
    }
    const username = form.username.trim();
    if (!(await this.credentials!.verify(username, form.password))) {
      this.throttle.failed(client);
      return wantsPage ? this.sendForm(res, 400, "Incorrect credentials.") : void res.status(400).json({ detail: "Incorrect credentials." });
    }
    this.throttle.succeeded(client);
    const token = this.startSession(username);
    res.set("Cache-Control", "no-store");
    res.append("Set-Cookie", sessionCookie(this.cookieName, token, this.host.https(req)));
    if (wantsPage) return void res.redirect(303, "./");
    res.json({ success: true });
  }

  private startSession(username: string): string {
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, username);
    let count = 0;
    for (const user of this.tokens.values()) if (user === username) count++;
    for (const [t, user] of this.tokens) {
      if (count <= MAX_SESSIONS_PER_USER) break;
      if (user === username) {
        this.tokens.delete(t);
        count--;
      }
    }
    return token;
  }

  /**
   * `GET /logout`: ends every session of the user (as Gradio), or with `?all_session=false` only
   * this browser's; clears the cookie, back to the page.
   */
  private logout(req: Request, res: Response): void {
    const token = this.credentials ? this.sessionToken(req) : null;
    const user = token === null ? undefined : this.tokens.get(token);
    if (token !== null && user !== undefined) {
      if (String(req.query.all_session).toLowerCase() === "false") this.tokens.delete(token);
      else for (const [t, u] of this.tokens) if (u === user) this.tokens.delete(t);
    }
    res.set("Cache-Control", "no-store");
    if (this.credentials) res.append("Set-Cookie", clearedCookie(this.cookieName, this.host.https(req)));
    res.redirect(302, "./");
  }
}

/** The `Set-Cookie` value of a session: HttpOnly, SameSite=Lax, Secure over HTTPS; it lasts as long as the browser session. */
export function sessionCookie(name: string, token: string, secure: boolean): string {
  return `${name}=${token}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The `Set-Cookie` value that removes the session cookie. */
export function clearedCookie(name: string, secure: boolean): string {
  return `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The value of one cookie of a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === "" ? null : value;
    }
  }
  return null;
}

function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}
