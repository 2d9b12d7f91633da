import type { NextFunction, Request, Response } from "express";
import type { ServerResponse } from "node:http";

/** Which sites may show the app in a frame. */
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
 * response, so the login page and any HTML a route returns are covered as well as the page. No
 * `script-src` yet: the page evaluates the app's `js` options.
 */
export function securityHeaders(options: SecurityHeaderOptions): (req: Request, res: Response, next: NextFunction) => void {
  directiveOf(options);
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
