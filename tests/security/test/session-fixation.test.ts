/**
 * Session fixation and logout (Gradio advisories on login cookies): a cookie an attacker plants
 * before the victim logs in is never promoted to a session — the login issues a new random
 * token, and the planted value still opens nothing — and a cookie from another app on the same
 * host is not accepted. Logging out ends the session on the server: replaying the old cookie
 * afterwards is refused on the page, the config, the API and the queue, as is every other
 * session of that user (as Gradio).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { calculator } from "@vitrine/demo-gallery";
import type { App } from "vitrine";
import { login, postJson, raw, serve } from "./helpers.js";

describe("session fixation and logout", () => {
  let app: App;
  let url: string;
  let other: App;
  let otherUrl: string;
  /** fn_index of /predict (the same in both apps). */
  let predict: number;

  beforeAll(async () => {
    app = calculator();
    url = await serve(app, { auth: ["admin", "secret"] });
    other = calculator();
    otherUrl = await serve(other, { auth: ["admin", "secret"] });
    const { cookie } = await login(url, "admin", "secret");
    const config = (await raw(url, "/config", { headers: { cookie: cookie! } })).json as { dependencies: { id: number; api_name: string }[] };
    predict = config.dependencies.find((d) => d.api_name === "predict")!.id;
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
  });

  /** Whether `cookie` opens the app: config, API call and queue join all answer. */
  async function opens(base: string, cookie: string): Promise<boolean[]> {
    const config = await raw(base, "/config", { headers: { cookie } });
    const run = await postJson(`${base}gradio_api/run/predict`, { data: [1, "add", 2] }, { cookie });
    const join = await postJson(`${base}gradio_api/queue/join`, { data: [1, "add", 2], fn_index: predict, session_hash: `s${Math.random()}` }, { cookie });
    return [config.status === 200, run.status === 200, join.status === 200];
  }

  it("does not promote a cookie planted before login: the login sets a new token", async () => {
    const first = await login(url, "admin", "secret");
    const name = first.cookie!.split("=")[0]!;
    const planted = `${name}=attacker-chosen-token-value-0123456789abcdef`;
    const after = await login(url, "admin", "secret", planted);
    expect(after.status).toBe(200);
    expect(after.cookie).not.toBe(planted);
    expect(after.cookie!.startsWith(`${name}=`)).toBe(true);
    expect(after.cookie!.length).toBeGreaterThan(`${name}=`.length + 40);
    expect(await opens(url, planted)).toEqual([false, false, false]);
    // Planting a token the server issued before does not fix the new session to it either.
    const again = await login(url, "admin", "secret", first.cookie!);
    expect(again.cookie).not.toBe(first.cookie);
    expect(await opens(url, after.cookie!)).toEqual([true, true, true]);
  });

  it("accepts no cookie of another app on the same host", async () => {
    const mine = await login(url, "admin", "secret");
    const theirs = await login(otherUrl, "admin", "secret");
    expect(theirs.cookie!.split("=")[0]).not.toBe(mine.cookie!.split("=")[0]);
    const value = theirs.cookie!.split("=")[1]!;
    expect(await opens(url, `${mine.cookie!.split("=")[0]}=${value}`)).toEqual([false, false, false]);
    expect(await opens(url, theirs.cookie!)).toEqual([false, false, false]);
    expect(await opens(otherUrl, theirs.cookie!)).toEqual([true, true, true]);
  });

  it("logout ends the session on the server: the old cookie, replayed, is refused", async () => {
    const session = await login(url, "admin", "secret");
    const second = await login(url, "admin", "secret");
    expect(await opens(url, session.cookie!)).toEqual([true, true, true]);
    const out = await raw(url, "/logout", { headers: { cookie: session.cookie! } });
    expect(out.status).toBe(302);
    expect(String(out.headers["set-cookie"])).toMatch(/Max-Age=0/);
    expect(await opens(url, session.cookie!)).toEqual([false, false, false]);
    const refused = await raw(url, "/config", { headers: { cookie: session.cookie! } });
    expect(refused.status).toBe(401);
    expect(refused.json.detail.error).toBe("Not authenticated");
    // Every session of the user ended with it (as Gradio's logout).
    expect(await opens(url, second.cookie!)).toEqual([false, false, false]);
    // Logging in again works.
    const fresh = await login(url, "admin", "secret");
    expect(await opens(url, fresh.cookie!)).toEqual([true, true, true]);
  });
});
