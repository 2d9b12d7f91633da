/** The login over real HTTP: a launched app with `auth`, its cookie, its guard on every route. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../../test/fixtures/textbox.js";
import { launch, type RunningServer } from "../index.js";
import { clearedCookie, readCookie, sessionCookie } from "./auth.js";

let server: RunningServer;
let url: string;

function form(fields: Record<string, string>): RequestInit {
  return { method: "POST", body: new URLSearchParams(fields), redirect: "manual" };
}

async function login(user = "ada", password = "lovelace", headers: Record<string, string> = {}): Promise<Response> {
  const body = new FormData();
  body.append("username", user);
  body.append("password", password);
  return fetch(`${url}login`, { method: "POST", body, headers });
}

/** The `name=value` part of a response's session cookie. */
function cookieOf(res: Response): string {
  const set = res.headers.getSetCookie();
  expect(set).toHaveLength(1);
  return set[0]!.split(";")[0]!;
}

beforeAll(async () => {
  const app = Blocks({ title: "Secret" }, () => {
    const text = Textbox({ label: "text" });
    const out = Textbox({ label: "out" });
    text.submit({ fn: (t: string, ctx) => `${t}:${ctx.request.username}`, inputs: [text], outputs: [out], api_name: "whoami" });
  });
  server = await launch(app, {
    server_port: 0,
    quiet: true,
    auth: [
      ["ada", "lovelace"],
      ["alan", "turing"],
    ],
    auth_message: "<b>Members</b> only",
    trusted_proxies: ["loopback"],
  });
  url = server.url;
});

afterAll(() => server.close());

describe("auth", () => {
  it("shows the login form, with auth_message, for the page", async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('action="login"');
    expect(html).toContain("<b>Members</b> only");
    expect(html).toContain("<title>Secret</title>");
    expect(html).toContain('id="vt-theme"');
    expect(html).not.toContain("__VITRINE_CONFIG__");
  });

  it("refuses every other route without a session, as Gradio (401, Not authenticated)", async () => {
    const routes: [string, RequestInit?][] = [
      ["config"],
      ["gradio_api/info"],
      ["gradio_api/app_id"],
      ["gradio_api/queue/join", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }],
      ["gradio_api/queue/data?session_hash=x"],
      ["gradio_api/upload", { method: "POST", body: new FormData() }],
      ["gradio_api/file=/etc/passwd"],
      ["file=/etc/passwd"],
      ["gradio_api/run/whoami", { method: "POST", body: '{"data":["x"]}', headers: { "Content-Type": "application/json" } }],
      ["gradio_api/call/whoami", { method: "POST", body: '{"data":["x"]}', headers: { "Content-Type": "application/json" } }],
      ["gradio_api/mcp/", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }],
      ["gradio_api/heartbeat/x"],
      ["gradio_api/component_server", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }],
      ["components/textbox.js"],
      ["theme.css"],
      ["gradio_api/nonexistent"],
    ];
    for (const [path, init] of routes) {
      const res = await fetch(url + path, init);
      expect([path, res.status]).toEqual([path, 401]);
      expect(await res.json()).toEqual({ detail: { error: "Not authenticated", auth_message: "<b>Members</b> only" } });
    }
  });

  it("refuses a wrong password with 400, as Gradio", async () => {
    const res = await login("ada", "wrong");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: "Incorrect credentials." });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("refuses a login posted from another site's page (login CSRF), and admits one from the app's own", async () => {
    const foreign = await login("ada", "lovelace", { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    expect((await login("ada", "lovelace", { origin: "null" })).status).toBe(403);
    const own = await login("ada", "lovelace", { origin: url.replace(/\/$/, "") });
    expect(own.status).toBe(200);
  });

  it("admits a right one with 200 { success: true } and an HttpOnly, SameSite=Lax cookie (not Secure over HTTP)", async () => {
    const res = await login("alan", "turing");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true });
    const set = res.headers.getSetCookie()[0]!;
    expect(set).toMatch(/^access-token-[\w-]+=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax$/);
    const cookie = cookieOf(res);
    const config = await fetch(`${url}config`, { headers: { Cookie: cookie } });
    expect(config.status).toBe(200);
    const run = await fetch(`${url}gradio_api/run/whoami`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ data: ["hi"] }),
    });
    expect((await run.json()).data).toEqual(["hi:alan"]);
    const page = await (await fetch(url, { headers: { Cookie: cookie } })).text();
    expect(page).toContain("__VITRINE_CONFIG__");
  });

  it("takes urlencoded forms (Python's gradio_client) and trims the user name", async () => {
    const res = await fetch(`${url}login`, form({ username: " ada ", password: "lovelace" }));
    expect(res.status).toBe(200);
    const run = await fetch(`${url}gradio_api/run/whoami`, {
      method: "POST",
      headers: { Cookie: cookieOf(res), "Content-Type": "application/json" },
      body: JSON.stringify({ data: ["x"] }),
    });
    expect((await run.json()).data).toEqual(["x:ada"]);
  });

  it("marks the cookie Secure when the request came over HTTPS through a trusted proxy", async () => {
    const res = await login("ada", "lovelace", { "X-Forwarded-Proto": "https" });
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure$/);
  });

  it("refuses a login form without its fields, and other content types", async () => {
    expect((await fetch(`${url}login`, form({ username: "ada" }))).status).toBe(400);
    const json = await fetch(`${url}login`, { method: "POST", body: '{"username":"ada","password":"lovelace"}', headers: { "Content-Type": "application/json" } });
    expect(json.status).toBe(415);
  });

  it("a browser posting the form without JavaScript is redirected, or shown the form with the error", async () => {
    const ok = await fetch(`${url}login`, { ...form({ username: "ada", password: "lovelace" }), headers: { Accept: "text/html" } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("./");
    const bad = await fetch(`${url}login`, { ...form({ username: "ada", password: "nope" }), headers: { Accept: "text/html" } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Incorrect credentials.");
  });

  it("GET /logout ends the user's sessions, clears the cookie and goes back to the page", async () => {
    const cookie = cookieOf(await login("alan", "turing"));
    const other = cookieOf(await login("alan", "turing"));
    const out = await fetch(`${url}logout`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("./");
    expect(out.headers.getSetCookie()[0]).toMatch(/=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/);
    expect((await fetch(`${url}config`, { headers: { Cookie: cookie } })).status).toBe(401);
    // As Gradio, a logout ends every session of that user.
    expect((await fetch(`${url}config`, { headers: { Cookie: other } })).status).toBe(401);
  });

  it("GET /logout?all_session=false ends only this browser's session", async () => {
    const here = cookieOf(await login());
    const elsewhere = cookieOf(await login());
    const out = await fetch(`${url}logout?all_session=false`, { headers: { Cookie: here }, redirect: "manual" });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie()[0]).toMatch(/Max-Age=0/);
    expect((await fetch(`${url}config`, { headers: { Cookie: here } })).status).toBe(401);
    expect((await fetch(`${url}config`, { headers: { Cookie: elsewhere } })).status).toBe(200);
  });

  it("GET /login shows the form, or goes to the page when logged in", async () => {
    const form = await fetch(`${url}login`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="password"');
    const cookie = cookieOf(await login());
    const res = await fetch(`${url}login`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(res.status).toBe(302);
  });

  it("GET /user names the logged-in user and /login_check answers 200 or 401, as Gradio's (at the root and under the API prefix)", async () => {
    const cookie = cookieOf(await login("alan", "turing"));
    for (const prefix of ["", "gradio_api/"]) {
      const user = await fetch(`${url}${prefix}user`, { headers: { Cookie: cookie } });
      expect([user.status, await user.json()]).toEqual([200, "alan"]);
      expect(await (await fetch(`${url}${prefix}user`)).json()).toBeNull();
      const checked = await fetch(`${url}${prefix}login_check`, { headers: { Cookie: cookie } });
      expect([checked.status, await checked.json()]).toEqual([200, null]);
      const refused = await fetch(`${url}${prefix}login_check`);
      expect([refused.status, await refused.json()]).toEqual([401, { detail: "Not authenticated" }]);
    }
  });

  it("a forged or stale cookie is refused", async () => {
    const name = cookieOf(await login()).split("=")[0]!;
    expect((await fetch(`${url}config`, { headers: { Cookie: `${name}=forged` } })).status).toBe(401);
  });

  it("slows repeated failures from one client (429 with Retry-After), without locking out others", async () => {
    // Failures so far from this address were cleared by its successes; three are free.
    for (let i = 0; i < 3; i++) expect((await login("ada", `bad${i}`)).status).toBe(400);
    expect((await login("ada", "bad3")).status).toBe(400); // this one starts the wait
    const slowed = await login("ada", "lovelace");
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await slowed.json()).detail).toMatch(/Too many failed logins/);
    // Another client (a different address through the trusted proxy) is not slowed.
    expect((await login("ada", "lovelace", { "X-Forwarded-For": "203.0.113.7" })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login("ada", "lovelace")).status).toBe(200);
  });
});

describe("cookies", () => {
  it("session and cleared cookies carry the flags", () => {
    expect(sessionCookie("access-token-x", "t", false)).toBe("access-token-x=t; Path=/; HttpOnly; SameSite=Lax");
    expect(sessionCookie("access-token-x", "t", true)).toBe("access-token-x=t; Path=/; HttpOnly; SameSite=Lax; Secure");
    expect(clearedCookie("access-token-x", true)).toContain("Max-Age=0");
  });

  it("readCookie finds one cookie among several", () => {
    expect(readCookie("a=1; access-token-x=abc; b=2", "access-token-x")).toBe("abc");
    expect(readCookie("access-token-xy=abc", "access-token-x")).toBeNull();
    expect(readCookie(undefined, "a")).toBeNull();
    expect(readCookie("a=", "a")).toBeNull();
  });
});

describe("an app without auth", () => {
  it("serves everything, and /login and /logout go back to the page", async () => {
    const app = Blocks(() => {
      Textbox({ label: "t" });
    });
    const open = await launch(app, { server_port: 0, quiet: true });
    try {
      expect((await fetch(`${open.url}config`)).status).toBe(200);
      expect((await fetch(`${open.url}login`, { redirect: "manual" })).status).toBe(302);
      expect((await fetch(`${open.url}logout`, { redirect: "manual" })).status).toBe(302);
      // Nobody is logged in, and nobody needs to be.
      expect(await (await fetch(`${open.url}user`)).json()).toBeNull();
      const checked = await fetch(`${open.url}login_check`);
      expect([checked.status, await checked.json()]).toEqual([200, null]);
    } finally {
      await open.close();
    }
  });
});

describe("auth_dependency (an external login)", () => {
  let ext: RunningServer;
  const calls: (string | undefined)[] = [];
  beforeAll(async () => {
    const app = Blocks(() => {
      const text = Textbox({ label: "text" });
      const out = Textbox({ label: "out" });
      text.submit({ fn: (t: string, ctx) => `${t}:${ctx.request.username}`, inputs: [text], outputs: [out], api_name: "whoami" });
    });
    ext = await launch(app, {
      server_port: 0,
      quiet: true,
      // A proxy in front signs users in and names them in a header; "mallory" makes the function throw.
      auth_dependency: (req) => {
        const user = req.headers["x-forwarded-user"] as string | undefined;
        calls.push(user);
        if (user === "mallory") throw new Error("banned");
        return user ?? null;
      },
    });
  });
  afterAll(() => ext.close());

  const as = (user: string | null): RequestInit => ({ headers: user === null ? {} : { "X-Forwarded-User": user }, redirect: "manual" });

  it("serves the page, config and API to a request it names a user for, and runs functions as that user", async () => {
    expect((await fetch(ext.url, as("grace"))).status).toBe(200);
    expect((await fetch(`${ext.url}config`, as("grace"))).status).toBe(200);
    const run = await fetch(`${ext.url}gradio_api/run/whoami`, {
      method: "POST",
      body: '{"data":["hi"]}',
      headers: { "Content-Type": "application/json", "X-Forwarded-User": "grace" },
    });
    expect([run.status, (await run.json()).data]).toEqual([200, ["hi:grace"]]);
    expect(await (await fetch(`${ext.url}gradio_api/user`, as("grace"))).json()).toBe("grace");
    expect(calls).toContain("grace");
  });

  it("answers 401 everywhere, the page included (no login form), when it names nobody, returns \"\" or throws", async () => {
    for (const user of [null, "", "mallory"]) {
      for (const route of ["", "config", "gradio_api/info", "login_check"]) {
        const res = await fetch(`${ext.url}${route}`, as(user));
        expect([user, route, res.status]).toEqual([user, route, 401]);
        expect(await res.text()).not.toContain('name="password"');
      }
      expect(await (await fetch(`${ext.url}user`, as(user))).json()).toBeNull();
    }
    // The server keeps serving the next request.
    expect((await fetch(`${ext.url}config`, as("grace"))).status).toBe(200);
  });

  it("has no login form or session of its own: /login goes back to the page, POST /login logs nobody in", async () => {
    expect((await fetch(`${ext.url}login`, as(null))).status).toBe(302);
    const body = new FormData();
    body.append("username", "grace");
    body.append("password", "x");
    const posted = await fetch(`${ext.url}login`, { method: "POST", body, redirect: "manual" });
    expect(posted.status).toBe(302);
    expect(posted.headers.getSetCookie()).toEqual([]);
  });

  it("cannot be given with auth", async () => {
    const app = Blocks(() => {
      Textbox({ label: "t" });
    });
    await expect(launch(app, { server_port: 0, quiet: true, auth: ["a", "b"], auth_dependency: () => "a" })).rejects.toThrow(
      "give `auth` or `auth_dependency`, not both",
    );
  });
});
