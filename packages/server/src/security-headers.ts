import type { NextFunction, Request, Response } from "express";
import { createHash, randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/** Which sites may show the app in a frame, and the page's script policy. */
export interface SecurityHeaderOptions {
  /**
   * The sources that may embed the app's pages in a frame (`<iframe>`), sent as the page's
   * `Content-Security-Policy: frame-ancestors …` (clickjacking protection). Default `"'self'"`:
   * only pages of the app's own origin may frame it, so another site cannot overlay it and trick
   * a user into clicking. Gradio apps are often embedded on other sites: give those sites here
   * (`["https://example.com", "https://*.example.org"]`), or `"*"` to let any site frame it as
   * Gradio does (no protection). `"'none'"` forbids all framing. Each entry is one CSP source
   * expression (no spaces, `;` or `,`); a bad one fails at launch.
   */
  frame_ancestors?: string | readonly string[];
  /**
   * The app page's `Content-Security-Policy`. By default (`true` or not given) the page gets
   * `script-src 'self' 'nonce-<random, per response>'; object-src 'none'; base-uri 'self'` and
   * the `frame-ancestors` directive: only the app's own scripts and the page's own inline
   * scripts run (the config, the theme's dark-mode switch, the app's `head` markup, its `js`
   * functions and a `vt.HTML`'s `html_template` expressions and `js_on_load`, which all run as
   * scripts carrying the nonce), so script injected through a value cannot, and no `eval` is
   * allowed, on any page. Two exceptions, decided from the page's components: a page showing a
   * `vt.HTML` whose `head` loads `<script src>` from other origins gets those origins; a page
   * showing HTML the app trusts as it is (`sanitize_html: false` on an HTML, Markdown or
   * Chatbot), or a `vt.HTML` whose `head` has an inline `<script>`, gets `'unsafe-inline'`
   * instead of the nonce, so that those scripts and inline event handlers run (components added
   * later by `vt.render` are not looked at). `false` sends no script policy (only
   * `frame-ancestors`). A string
   * replaces the page's policy: `{nonce}` in it stands for the response's nonce
   * (`"script-src 'self' 'nonce-{nonce}' https://cdn.example.com"`), and the `frame-ancestors`
   * directive is added when the string has none.
   */
  content_security_policy?: boolean | string;
}

/** Headers every response of the app carries. */
const ALWAYS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;

/**
 * The `frame-ancestors` directive for the options, checked.
 * @throws Error naming the bad entry when a source is not a single CSP source expression.
 */
export function frameAncestorsDirective(options: SecurityHeaderOptions): string {
  const given = options.frame_ancestors ?? "'self'";
  const sources = typeof given === "string" ? given.trim().split(/\s+/) : [...given];
  if (sources.length === 0 || sources.every((s) => s === "")) {
    throw new Error(`frame_ancestors: give at least one source ("'self'", "'none'", "*" or an origin like "https://example.com")`);
  }
  for (const source of sources) {
    if (typeof source !== "string" || !/^[^\s;,'"]+$|^'(self|none)'$/.test(source)) {
      throw new Error(`frame_ancestors: ${JSON.stringify(source)} is not a CSP source ("'self'", "'none'", "*" or an origin like "https://example.com")`);
    }
  }
  if (sources.includes("'none'") && sources.length > 1) throw new Error(`frame_ancestors: "'none'" cannot be combined with other sources`);
  return `frame-ancestors ${sources.join(" ")}`;
}

/**
 * Sets the security headers on every response of the app: `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: strict-origin-when-cross-origin`, and a `Content-Security-Policy` of
 * `frame-ancestors` only (see {@link SecurityHeaderOptions.frame_ancestors}); it is sent on every
 * response, so the login page and any HTML a route returns are covered as well as the page. The
 * app's page replaces it with its script policy ({@link pageContentSecurityPolicy}).
 */
export function securityHeaders(options: SecurityHeaderOptions): (req: Request, res: Response, next: NextFunction) => void {
  directiveOf(options);
  const csp = options.content_security_policy;
  if (csp !== undefined && typeof csp !== "boolean" && (typeof csp !== "string" || csp.trim() === "")) {
    throw new Error(`content_security_policy: give true, false or a policy string, not ${JSON.stringify(csp)}`);
  }
  return (_req, res, next) => {
    applySecurityHeaders(res, options);
    next();
  };
}

/** The checked directive of each options object, made once. */
const directives = new WeakMap<SecurityHeaderOptions, string>();

function directiveOf(options: SecurityHeaderOptions): string {
  let csp = directives.get(options);
  if (csp === undefined) directives.set(options, (csp = frameAncestorsDirective(options)));
  return csp;
}

/** A fresh nonce for one page response: 128 random bits, base64. */
export function pageNonce(): string {
  return randomBytes(16).toString("base64");
}

const NONCE = "[A-Za-z0-9+/]{22}==";

/**
 * The page's nonce and `ETag`. The page differs in each response by its nonce, so its `ETag`
 * names both the content (`html`, before the nonce goes in) and the nonce: a browser that
 * revalidates its copy (`If-None-Match`) of the same content gets a 304 with the policy of the
 * nonce that copy holds, not a new one its scripts would not match. Anything else gets a fresh
 * nonce (and the full page).
 */
export function pageNonceAndEtag(html: string, ifNoneMatch: string | undefined): { nonce: string; etag: string } {
  const content = createHash("sha256").update(html).digest("base64url").slice(0, 27);
  const held = ifNoneMatch ? new RegExp(`W/"p-${content}-(${NONCE})"`).exec(ifNoneMatch)?.[1] : undefined;
  const nonce = held ?? pageNonce();
  return { nonce, etag: `W/"p-${content}-${nonce}"` };
}

/** What a page needs beyond its own scripts (never `eval`: the app's code runs as nonce scripts). */
export interface PageNeeds {
  /**
   * The page runs inline script it cannot give the nonce: the inline event handlers
   * (`onclick="…"`) of HTML the app trusts as it is (`sanitize_html: false`), or the inline
   * `<script>` of a `vt.HTML`'s `head`. Only `'unsafe-inline'` allows them, and a nonce in the
   * policy would turn that off, so such a page's policy has no nonce.
   */
  inline: boolean;
  /** Other origins the page loads scripts from (the `<script src>` of a `vt.HTML`'s `head`). */
  origins: string[];
}

/** The `src` of each `<script>` in some HTML, and whether any has none (an inline script). */
function scriptTags(html: string): { sources: string[]; inline: boolean } {
  const sources: string[] = [];
  let inline = false;
  for (const [, attributes = ""] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    if (src) sources.push(src[1] ?? src[2] ?? src[3] ?? "");
    else inline = true;
  }
  return { sources, inline };
}

/** What the page of these components needs (see {@link PageNeeds}). */
export function pageNeeds(components: readonly { type: string; props: Record<string, unknown> }[]): PageNeeds {
  const needs: PageNeeds = { inline: false, origins: [] };
  for (const c of components) {
    if (c.props.sanitize_html === false) needs.inline = true;
    if (c.type !== "html" || typeof c.props.head !== "string") continue;
    const tags = scriptTags(c.props.head);
    if (tags.inline) needs.inline = true;
    for (const src of tags.sources) {
      try {
        const url = new URL(src);
        if ((url.protocol === "https:" || url.protocol === "http:") && !needs.origins.includes(url.origin)) needs.origins.push(url.origin);
      } catch {
        // A relative URL: the app's own origin, which 'self' allows.
      }
    }
  }
  return needs;
}

/**
 * The `Content-Security-Policy` of one app page (see
 * {@link SecurityHeaderOptions.content_security_policy}), for the response's `nonce`; null when
 * the option is `false` (the page then keeps the `frame-ancestors` policy every response has).
 */
export function pageContentSecurityPolicy(options: SecurityHeaderOptions, nonce: string, needs: PageNeeds = { inline: false, origins: [] }): string | null {
  const given = options.content_security_policy ?? true;
  if (given === false) return null;
  const frameAncestors = directiveOf(options);
  if (typeof given === "string") {
    const policy = given.replaceAll("{nonce}", nonce).trim().replace(/;\s*$/, "");
    return /(^|;)\s*frame-ancestors\s/i.test(policy) ? policy : `${policy}; ${frameAncestors}`;
  }
  const script = ["'self'", ...needs.origins, needs.inline ? "'unsafe-inline'" : `'nonce-${nonce}'`];
  return `script-src ${script.join(" ")}; object-src 'none'; base-uri 'self'; ${frameAncestors}`;
}

/**
 * Gives every `<script>` tag of a page the `nonce`: the page is built by the server from its own
 * template, the config (whose `<` are escaped, so it holds no tag) and the app author's `head`
 * markup, so each of its scripts is the app's own.
 */
export function addScriptNonce(html: string, nonce: string): string {
  return html.replace(/<script(?=[\s>])/gi, `<script nonce="${nonce}"`);
}

/**
 * Sets the headers of {@link securityHeaders} on one response (for the routes served ahead of
 * express, `/queue/join` and `/queue/data`). They go out with the response's `writeHead`.
 */
export function applySecurityHeaders(res: ServerResponse, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(ALWAYS)) res.setHeader(name, value);
  res.setHeader("Content-Security-Policy", directiveOf(options));
}

/**
 * Refuses a second reader of a session's `/queue/data` stream while the first is open: knowing a
 * `session_hash` must not let anyone take its events over or, by disconnecting, cancel them. The
 * first stream keeps every event.
 */
export function refuseSecondStream(res: ServerResponse): void {
  const body = JSON.stringify({ detail: "This session's stream is already open: one reader per session_hash." });
  res.writeHead(409, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
