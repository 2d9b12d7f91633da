/** Shared by the security tests: raw HTTP requests (paths sent exactly as written) and launching apps. */
import { request } from "node:http";
import type { App, LaunchOptions } from "vitrine";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** What {@link raw} got back. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body parsed as JSON, or undefined. */
  json: any;
}

/**
 * Sends one request to the server at `base` with `path` exactly as given (no URL normalisation
 * of `..` or percent-escapes, unlike `fetch`).
 */
export function raw(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  // Node sends the body of a GET/OPTIONS/DELETE with neither length nor chunks unless told its length.
  const headers = options.body !== undefined && !Object.keys(options.headers ?? {}).some((h) => /^content-length$/i.test(h))
    ? { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) }
    : options.headers;
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: options.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString();
        let json: any;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode!, headers: res.headers, body, json });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Posts JSON with `fetch`; the answer's status and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Launches an app on 127.0.0.1 with a free port; its URL (with a trailing slash). */
export async function serve(app: App, options: LaunchOptions = {}): Promise<string> {
  const running = await app.launch({ server_port: 0, quiet: true, ...options });
  return running.url;
}

/** fn_index of the event with `api_name` in the app at `url`. */
export async function fnIndex(url: string, apiName: string): Promise<number> {
  const config = (await (await fetch(`${url}config`)).json()) as { dependencies: { id: number; api_name: string }[] };
  const dep = config.dependencies.find((d) => d.api_name === apiName);
  if (!dep) throw new Error(`No event /${apiName} in ${url}`);
  return dep.id;
}

/**
 * Opens an SSE stream (`GET url`) and collects its JSON messages until `until` holds for one
 * of them, or `timeoutMs` passes; then closes the stream.
 */
export async function readSse(url: string, until: (msg: any) => boolean, timeoutMs: number): Promise<any[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const messages: any[] = [];
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        if (!data) continue;
        const msg = JSON.parse(data.slice(6));
        messages.push(msg);
        if (until(msg)) {
          controller.abort();
          return messages;
        }
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
  }
  return messages;
}

/**
 * Opens the app at `url` in a fresh context of `browser` and waits until it has rendered
 * (every component's view loaded). The page's uncaught errors are collected in `errors`.
 */
export async function openApp(browser: Browser, url: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(url);
  await page.locator("#vt-root .vt-app").waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="skeleton"]').length === 0, undefined, { timeout: 15_000 });
  return { page, context, errors };
}

/** Logs in to an app launched with `auth` over HTTP; the `name=value` of its session cookie. */
export async function login(url: string, username: string, password: string, cookie?: string): Promise<{ status: number; cookie: string | null }> {
  const res = await raw(url, "/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const set = res.headers["set-cookie"];
  const first = Array.isArray(set) ? set[0] : set;
  return { status: res.status, cookie: first ? first.split(";")[0]! : null };
}
