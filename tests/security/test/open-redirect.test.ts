/**
 * Open redirects (a Gradio advisory class: a redirect that takes a user from
 * the app to another site, for phishing): every redirect the server makes — the page's trailing
 * slash (308, when mounted under a path), `/login/` and `/logout/` to their bare forms, the login
 * page and form post back to the app, `/logout` back to the page — stays on the app's origin,
 * whatever the path looks like: `//evil.example`, `/\evil.example`, `https:evil.example`,
 * percent-encoded slashes and backslashes, tabs and `@`. Each Location is resolved against
 * the request's URL, as a browser would, and must keep the app's origin.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { calculator } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { login, postJson, raw, serve } from "./helpers.js";

/** Path forms that turn a relative redirect into one to another host, if echoed carelessly. */
const EVIL = [
  "//evil.example",
  "//evil.example/",
  "/\\evil.example",
  "/\\/evil.example/",
  "/%2f%2fevil.example",
  "/%2F%2Fevil.example/",
  "/%5cevil.example",
  "/%5C%5Cevil.example/",
  "/https:evil.example",
  "/https://evil.example",
  "/%09/evil.example",
  "/@evil.example",
  "///evil.example/%2e%2e",
  "/.//evil.example",
];

/** Sends `path` (as written) and, for a redirect, checks that its target keeps the origin of `base`. */
async function expectNoForeignRedirect(base: string, path: string, options: Parameters<typeof raw>[2] = {}): Promise<number> {
  const res = await raw(base, path, options);
  const location = res.headers.location as string | undefined;
  if (res.status >= 300 && res.status < 400) {
    expect({ path, location: typeof location }).toEqual({ path, location: "string" });
    // The URL the browser asked for: the path as sent, on the app's origin.
    const requested = new URL(new URL(base).origin + path.replace(/\\/g, "%5C"));
    const target = new URL(location!, requested);
    expect({ path, location, origin: target.origin }).toEqual({ path, location, origin: new URL(base).origin });
    // Nor a protocol-relative or backslash form a browser might read as another host.
    expect({ path, location, bad: /^\s*[/\\]{2}|^\s*[a-z][\w+.-]*:/i.test(location!) }).toEqual({ path, location, bad: false });
  }
  return res.status;
}

describe("open redirects", () => {
  let app: vt.App;
  let url: string;
  let authed: vt.App;
  let authedUrl: string;
  let host: Server;
  let hostUrl: string;
  let mounted: vt.App;

  beforeAll(async () => {
    app = calculator();
    url = await serve(app);
    authed = calculator();
    authedUrl = await serve(authed, { auth: ["admin", "secret"] });
    // An app mounted under /app of a host express app: its page redirects /app to /app/.
    const express = (await import("express")).default;
    const hostApp = express();
    mounted = calculator();
    vt.mount(hostApp, "/app", mounted);
    host = createServer(hostApp);
    await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await app?.close();
    await authed?.close();
    await new Promise((r) => host?.close(r));
  });

  it("the mounted page's trailing-slash redirect stays under the app, whatever precedes or follows", async () => {
    expect(await expectNoForeignRedirect(hostUrl, "/app")).toBe(308);
    expect((await raw(hostUrl, "/app?x=1")).headers.location).toBe("/app/?x=1");
    for (const evil of EVIL) {
      await expectNoForeignRedirect(hostUrl, `/app${evil}`);
      await expectNoForeignRedirect(hostUrl, evil);
      await expectNoForeignRedirect(hostUrl, `/app?next=${encodeURIComponent(evil)}`);
    }
    const res = await postJson(`${hostUrl}app/gradio_api/run/predict`, { data: [2, "add", 2] });
    expect(res.body.data).toEqual([4]);
  });

  it("no path of a launched app redirects to another origin", async () => {
    for (const evil of EVIL) {
      for (const path of [evil, `${evil}/`, `/gradio_api${evil}`, `/gradio_api/file=${evil}`, `/components${evil}`, `/login${evil}`, `/logout${evil}`, `/assets${evil}`]) {
        await expectNoForeignRedirect(url, path);
      }
    }
    const res = await postJson(`${url}gradio_api/run/predict`, { data: [2, "multiply", 3] });
    expect(res.body.data).toEqual([6]);
  });

  it("login and logout redirects stay on the app, next= and Referer are never followed", async () => {
    for (const base of [url, authedUrl]) {
      for (const path of ["/login/", "/logout/", "/login", "/logout", "/login?next=//evil.example", "/logout?next=https://evil.example", "/login/?next=%2F%2Fevil.example"]) {
        await expectNoForeignRedirect(base, path, { headers: { referer: "https://evil.example/", accept: "text/html" } });
      }
      for (const evil of EVIL) await expectNoForeignRedirect(base, `/login/${evil.slice(1)}/`, { headers: { accept: "text/html" } });
      // These do redirect (and were checked above): to the bare forms and back to the page.
      expect(await expectNoForeignRedirect(base, "/login/?next=//evil.example")).toBe(302);
      expect(await expectNoForeignRedirect(base, "/logout/")).toBe(302);
      expect(await expectNoForeignRedirect(base, "/logout?next=//evil.example")).toBe(302);
    }
    // A form login (no JavaScript) redirects back to the app with 303.
    const form = await raw(authedUrl, "/login?next=//evil.example", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", referer: "https://evil.example/" },
      body: "username=admin&password=secret",
    });
    expect(form.status).toBe(303);
    expect(form.headers.location).toBe("./");
    const { cookie } = await login(authedUrl, "admin", "secret");
    const logout = await raw(authedUrl, "/logout?next=https://evil.example", { headers: { cookie: cookie! } });
    expect(logout.status).toBe(302);
    expect(logout.headers.location).toBe("./");
    const again = await login(authedUrl, "admin", "secret");
    const res = await postJson(`${authedUrl}gradio_api/run/predict`, { data: [1, "add", 1] }, { cookie: again.cookie! });
    expect(res.body.data).toEqual([2]);
  });
});
