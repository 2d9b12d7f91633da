/**
 * Issue 12, findings of a probe of the landed server, each test named after its finding: session
 * takeover by a known session_hash, a 404 that showed an absolute path, no clickjacking protection
 * (and the page's security headers), and no path or stack trace reaching a client unless
 * `show_error` asks for the message.
 */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { get as httpGet } from "node:http";
import { Blocks } from "@vitrine/core";
import { Textbox, TextboxComponent } from "../test/fixtures/textbox.js";
import { launch, type LaunchOptions, type RunningServer } from "./index.js";
import { addScriptNonce, frameAncestorsDirective, pageContentSecurityPolicy, pageNeeds } from "./security-headers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(10);
}

/** A secret-looking absolute path the failing function names in its error. */
const SECRET_PATH = "/home/deploy/secret-app/config/credentials.json";
/** Where the unbuilt view "is": it must never reach a client. */
const UNBUILT_VIEW = "/nonexistent-vitrine-build/private/unbuiltbox/ui.js";

/** A component whose view was never built. */
class UnbuiltBox extends TextboxComponent {
  override readonly type = "unbuiltbox" as "textbox";
  override readonly ui = { file: UNBUILT_VIEW };
}

function testApp() {
  return Blocks(() => {
    const text = Textbox({ label: "text" });
    const out = Textbox({ label: "out" });
    new UnbuiltBox({ label: "unbuilt" });
    text.submit({
      fn: (t: string, { signal }) => new Promise<string>((resolve) => signal.addEventListener("abort", () => resolve(t))),
      inputs: [text],
      outputs: [out],
      api_name: "forever",
    });
    text.change({
      fn: () => {
        throw new Error(`ENOENT: no such file or directory, open '${SECRET_PATH}'`);
      },
      inputs: [text],
      outputs: [out],
      api_name: "boom",
    });
  });
}

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  jest.restoreAllMocks();
});

async function serve(options: LaunchOptions = {}): Promise<RunningServer> {
  const server = await launch(testApp(), { server_port: 0, quiet: true, ...options });
  servers.push(server);
  return server;
}

const JSON_TYPE = { "content-type": "application/json" };

function join(server: RunningServer, fn_index: number, data: unknown[], session_hash: string) {
  return fetch(`${server.url}gradio_api/queue/join`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ data, fn_index, session_hash }) });
}

async function readStream(server: RunningServer, session: string): Promise<any[]> {
  const raw = await (await fetch(`${server.url}gradio_api/queue/data?session_hash=${session}`)).text();
  return raw
    .split("\n\n")
    .filter(Boolean)
    .map((block) => JSON.parse(block.slice("data: ".length)));
}

/** The server logs the error it hides: keep the test output quiet, and check what was logged. */
function quietErrors() {
  return jest.spyOn(console, "error").mockImplementation(() => undefined);
}

describe("Session takeover by a known session_hash", () => {
  it("refuses a second /queue/data reader (409) while the first is open; the first keeps its stream and its running job", async () => {
    const server = await serve();
    expect((await join(server, 0, ["mine"], "victim")).status).toBe(200);
    const first = readStream(server, "victim");
    const session = server.service.sessions.get("victim")!;
    await until(() => session.streaming && [...session.events.values()][0]?.job?.state === "running");
    const second = await fetch(`${server.url}gradio_api/queue/data?session_hash=victim`);
    expect(second.status).toBe(409);
    expect((await second.json()).detail).toMatch(/already open/);
    await sleep(100);
    // The thief's request is over: the job still runs and the first stream is still attached.
    expect(session.streaming).toBe(true);
    expect([...session.events.values()][0]!.job!.state).toBe("running");
    const [eventId] = [...session.events.keys()];
    await fetch(`${server.url}gradio_api/cancel`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ event_id: eventId, session_hash: "victim" }) });
    const messages = await first;
    expect(messages.map((m) => m.msg)).toEqual(["estimation", "process_starts", "process_completed", "close_stream"]);
  });
});

describe("A 404 that shows an absolute path", () => {
  it("answers an unbuilt component view with its type only, and logs the path on the server", async () => {
    const logged = quietErrors();
    const server = await serve();
    const res = await fetch(`${server.url}components/unbuiltbox.js`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).toBe('The view of "unbuiltbox" is not built');
    expect(text).not.toContain("/nonexistent-vitrine-build");
    expect(logged.mock.calls.flat().join(" ")).toContain(UNBUILT_VIEW);
  });
});

describe("No clickjacking protection, and the page's security headers", () => {
  it("sends frame-ancestors 'self', nosniff and strict-origin-when-cross-origin on the page, the config and the API", async () => {
    const server = await serve();
    for (const path of ["", "config", "gradio_api/info", "gradio_api/no-such-route"]) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      const csp = res.headers.get("content-security-policy") ?? "";
      // The page's policy (its script policy, below) ends with the same directive.
      expect([path, path === "" ? csp.split("; ").at(-1) : csp]).toEqual([path, "frame-ancestors 'self'"]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });

  it("sends the headers on the queue's hot routes too (join and the event stream)", async () => {
    const server = await serve();
    const joined = await join(server, 0, ["x"], "hot");
    expect(joined.headers.get("x-content-type-options")).toBe("nosniff");
    expect(joined.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    const controller = new AbortController();
    const stream = await fetch(`${server.url}gradio_api/queue/data?session_hash=hot`, { signal: controller.signal });
    expect(stream.headers.get("x-content-type-options")).toBe("nosniff");
    expect(stream.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    controller.abort();
  });

  it("lets other sites embed the app with frame_ancestors (a list, or * for any site)", async () => {
    const server = await serve({ frame_ancestors: ["'self'", "https://example.com", "https://*.hf.space"] });
    const res = await fetch(`${server.url}config`);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'self' https://example.com https://*.hf.space");
    expect((await fetch(server.url)).headers.get("content-security-policy")).toMatch(/; frame-ancestors 'self' https:\/\/example\.com https:\/\/\*\.hf\.space$/);
    const open = await serve({ frame_ancestors: "*" });
    expect((await fetch(`${open.url}config`)).headers.get("content-security-policy")).toBe("frame-ancestors *");
  });

  it("refuses a frame_ancestors entry that is not one CSP source, at launch", async () => {
    expect(() => frameAncestorsDirective({ frame_ancestors: "https://a.com; script-src *" })).toThrow(/frame_ancestors: .* is not a CSP source/);
    expect(() => frameAncestorsDirective({ frame_ancestors: ["https://a.com,https://b.com"] })).toThrow(/not a CSP source/);
    expect(() => frameAncestorsDirective({ frame_ancestors: [] })).toThrow(/at least one source/);
    expect(() => frameAncestorsDirective({ frame_ancestors: ["'none'", "*"] })).toThrow(/cannot be combined/);
    expect(frameAncestorsDirective({ frame_ancestors: "'none'" })).toBe("frame-ancestors 'none'");
    await expect(serve({ frame_ancestors: "self; x" })).rejects.toThrow(/frame_ancestors/);
  });
});

describe("A Content-Security-Policy without unsafe-eval on the page", () => {
  /** The page's policy, and the nonce of each `<script>` tag in its HTML (null for a tag with none). */
  async function page(server: RunningServer): Promise<{ csp: string; nonces: (string | null)[] }> {
    const res = await fetch(server.url);
    const html = await res.text();
    const nonces = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attrs]) => /\bnonce="([^"]+)"/.exec(attrs!)?.[1] ?? null);
    return { csp: res.headers.get("content-security-policy") ?? "", nonces };
  }

  it("allows only the app's own scripts and the page's inline scripts, by a nonce fresh for each response", async () => {
    const server = await serve({ head: '<script>window.fromHead = 1;</script><meta name="x" content="y">' });
    const first = await page(server);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(first.csp)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.csp).toBe(`script-src 'self' 'nonce-${nonce}'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'`);
    expect(first.csp).not.toMatch(/unsafe-(eval|inline)/);
    // The import map, the entry module, the dark-mode switch, the app's head markup and the config.
    expect(first.nonces.length).toBeGreaterThanOrEqual(5);
    expect(new Set(first.nonces)).toEqual(new Set([nonce]));
    const second = await page(server);
    expect(second.csp).not.toContain(nonce);
    expect(new Set(second.nonces).size).toBe(1);
  });

  it("answers a revalidation of the same page with 304 and the policy of the nonce the browser's copy holds", async () => {
    const server = await serve();
    const first = await fetch(server.url);
    await first.text();
    const etag = first.headers.get("etag")!;
    const csp = first.headers.get("content-security-policy");
    expect(etag).toMatch(/^W\/"p-[\w-]{27}-[A-Za-z0-9+/]{22}=="$/);
    // node:http, as a browser revalidates (fetch adds Cache-Control: no-cache to a conditional request).
    const revalidate = (tag: string) =>
      new Promise<{ status: number; csp: string | undefined; body: string }>((resolve, reject) => {
        httpGet(server.url, { headers: { "if-none-match": tag } }, (res) => {
          let body = "";
          res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, csp: res.headers["content-security-policy"] as string | undefined, body }));
        }).on("error", reject);
      });
    const again = await revalidate(etag);
    expect([again.status, again.csp]).toEqual([304, csp]);
    // A tag naming other content, or no valid nonce, gets the whole page with a fresh nonce.
    for (const tag of [etag.replace(/p-[\w-]{27}/, `p-${"x".repeat(27)}`), etag.replace(/-[^-]+"$/, '-bad"'), '"abc"']) {
      const res = await revalidate(tag);
      expect(res.status).toBe(200);
      expect(res.csp).not.toBe(csp);
      expect(res.body).toContain("__VITRINE_CONFIG__");
    }
  });

  it("content_security_policy: false sends no script policy; a string replaces it, with {nonce} and frame-ancestors filled in", async () => {
    const off = await page(await serve({ content_security_policy: false }));
    expect(off.csp).toBe("frame-ancestors 'self'");
    const custom = await page(await serve({ content_security_policy: "script-src 'self' 'nonce-{nonce}' https://cdn.example.com; img-src 'self'" }));
    const nonce = custom.nonces[0]!;
    expect(custom.csp).toBe(`script-src 'self' 'nonce-${nonce}' https://cdn.example.com; img-src 'self'; frame-ancestors 'self'`);
    const own = await page(await serve({ content_security_policy: "default-src 'self'; frame-ancestors 'none'" }));
    expect(own.csp).toBe("default-src 'self'; frame-ancestors 'none'");
    await expect(serve({ content_security_policy: "  " })).rejects.toThrow(/content_security_policy/);
  });

  it("relaxes the policy only for what a page's components need: unsafe-inline for trusted HTML, a head script's origin, never eval", () => {
    const textbox = { type: "textbox", props: {} };
    expect(pageNeeds([textbox, { type: "markdown", props: { sanitize_html: true } }])).toEqual({ inline: false, origins: [] });
    // A vt.HTML's templates and js_on_load run as nonce scripts: the page needs nothing more.
    expect(pageNeeds([{ type: "html", props: { head: null, html_template: "<b>${value}</b>", js_on_load: "element.focus()" } }])).toEqual({ inline: false, origins: [] });
    expect(pageNeeds([{ type: "chatbot", props: { sanitize_html: false } }])).toEqual({ inline: true, origins: [] });
    const head = `<script src="https://cdn.example.com/lib.js"></script><script src='/local.js'></script><script>init()</script>`;
    expect(pageNeeds([{ type: "html", props: { head } }])).toEqual({ inline: true, origins: ["https://cdn.example.com"] });
    expect(pageContentSecurityPolicy({}, "N", { inline: false, origins: ["https://cdn.example.com"] })).toBe(
      "script-src 'self' https://cdn.example.com 'nonce-N'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
    );
    expect(pageContentSecurityPolicy({}, "N", { inline: true, origins: [] })).toBe("script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'");
    expect(addScriptNonce('<script>a</script><script type="module" src="x.js"></script><scripts>', "N")).toBe(
      '<script nonce="N">a</script><script nonce="N" type="module" src="x.js"></script><scripts>',
    );
  });
});

describe("Stack traces or filesystem paths reaching a client", () => {
  const leaks = (text: string) => text.includes(SECRET_PATH) || /ENOENT|\bat .*\.(js|ts):\d+/.test(text);

  it("sends only the generic error over /queue/join, /run and /call when show_error is off", async () => {
    quietErrors();
    const server = await serve();
    expect((await join(server, 1, ["x"], "thrower")).status).toBe(200);
    const messages = await readStream(server, "thrower");
    const done = messages.find((m) => m.msg === "process_completed");
    expect(done).toMatchObject({ success: false, output: { error: null } });
    expect(leaks(JSON.stringify(messages))).toBe(false);

    const run = await fetch(`${server.url}gradio_api/run/boom`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ data: ["x"] }) });
    expect(run.status).toBe(500);
    const runText = await run.text();
    expect(leaks(runText)).toBe(false);

    const call = await fetch(`${server.url}gradio_api/call/boom`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ data: ["x"] }) });
    const { event_id } = (await call.json()) as { event_id: string };
    const result = await (await fetch(`${server.url}gradio_api/call/boom/${event_id}`)).text();
    expect(result).toMatch(/^event: error$/m);
    expect(leaks(result)).toBe(false);
  });

  it("shows the message (never a stack) when show_error asks for it", async () => {
    quietErrors();
    const server = await serve({ show_error: true });
    const run = await fetch(`${server.url}gradio_api/run/boom`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ data: ["x"] }) });
    const text = await run.text();
    expect(text).toContain(SECRET_PATH);
    expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });
});
