/**
 * XSS through markup (Gradio's advisories on script in Markdown, HTML and Chatbot content):
 * Markdown, HTML, Chatbot messages and `elem_id` / `elem_classes` carrying script payloads
 * (`<script>`, `<img onerror>`, `<svg onload>`, `javascript:` links, `<iframe srcdoc>`, attribute
 * breakouts), shown as initial values and as a function's outputs, never run in chromium: each
 * payload would set `window.__xss`. What `@vitrine/html` documents is checked as promised:
 * its value is sanitized by default, and even with `sanitize_html: false` a `<script>` in the
 * value does not run (only the author's `js_on_load` does). The sanitized cases run with the
 * page's Content-Security-Policy and without it (`content_security_policy: false`, so that the
 * sanitizing alone is tested), and the DOM is checked for any handler attribute, `javascript:`
 * URL, `<script>` or `<iframe>` left.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { launchChromium } from "@vitrine/component-test/chromium";
import type { Browser, Page } from "playwright-core";
import * as vt from "vitrine";
import { openApp, postJson, serve } from "./helpers.js";

/** Sets the page's flag with the payload's name. */
const mark = (name: string) => `(window.__xss=(window.__xss||[]).concat('${name}'))`;

/** Script payloads, each marking its own name if it runs. */
function payloads(tag: string): string {
  return [
    `<script>${mark(`${tag}-script`)}</script>`,
    `<img src="x-${tag}.png" onerror="${mark(`${tag}-onerror`)}">`,
    `<svg onload="${mark(`${tag}-svg`)}"><circle r="3"/></svg>`,
    `<a id="${tag}-js-link" href="javascript:${mark(`${tag}-href`)}">${tag} link</a>`,
    `<a id="${tag}-js-entity-link" href="jav&#x09;ascript:${mark(`${tag}-entity-href`)}">${tag} entity link</a>`,
    `[${tag} md link](javascript:${mark(`${tag}-md-href`)})`,
    `<iframe srcdoc="<script>parent.${mark(`${tag}-srcdoc`)}</script>"></iframe>`,
    `<details open ontoggle="${mark(`${tag}-toggle`)}"><summary>${tag} details</summary></details>`,
    `<form action="javascript:${mark(`${tag}-form`)}"><button id="${tag}-submit">${tag} submit</button></form>`,
  ].join("\n\n");
}

const BREAKOUT_ID = `x" onmouseover="${mark("elem-id")}" data-x="`;
const BREAKOUT_CLASS = `y" onclick="${mark("elem-class")}" data-y="`;

function hostile(): vt.App {
  return vt.Blocks(() => {
    vt.Markdown(payloads("md"));
    vt.HTML(payloads("html"));
    vt.Chatbot({
      value: [
        { role: "user", content: payloads("chat-user") },
        { role: "assistant", content: payloads("chat-bot") },
      ],
    });
    vt.Textbox({ label: "Breakout", elem_id: BREAKOUT_ID, elem_classes: [BREAKOUT_CLASS, "plain"] });
    const md = vt.Markdown("", { elem_id: "out-md" });
    const html = vt.HTML("", { elem_id: "out-html" });
    const chat = vt.Chatbot({ elem_id: "out-chat" });
    vt.Button("Show").click({
      fn: () => [payloads("out-md"), payloads("out-html"), [{ role: "assistant" as const, content: payloads("out-chat") }]] as const,
      outputs: [md, html, chat],
      api_name: "show",
    });
  });
}

/** Every element or attribute a payload could have run from, still in the page. */
function leftovers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll("#vt-root *")) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && /^\s*javascript:/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ""))) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
      if (el.tagName === "SCRIPT" || el.tagName === "IFRAME") found.push(el.tagName);
    }
    return found;
  });
}

/**
 * Twice: with the page's Content-Security-Policy (which blocks inline handlers as a second
 * line), and without it, so that the sanitizing alone is what is tested.
 */
describe.each([
  ["with the page's CSP", {}],
  ["without CSP (sanitizing alone)", { content_security_policy: false }],
] as const)("XSS through markup, %s", (_name, options) => {
  let app: vt.App;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    app = hostile();
    url = await serve(app, options);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The server still answers a normal call. */
  async function stillServes(): Promise<void> {
    const res = await postJson(`${url}gradio_api/run/show`, { data: [] });
    expect(res.status).toBe(200);
  }

  /** Clicks every link and button the payloads made (what a user might do), then reads the flag. */
  async function interactAndReadFlag(page: Page, tags: string[]): Promise<unknown> {
    for (const tag of tags) {
      for (const text of [`${tag} link`, `${tag} entity link`, `${tag} md link`, `${tag} submit`]) {
        const target = page.getByText(text, { exact: true });
        if ((await target.count()) > 0) await target.first().click();
      }
    }
    await page.locator(`[id^="x"]`).first().hover().catch(() => undefined);
    await page.locator(".plain").first().click().catch(() => undefined);
    await page.waitForLoadState("networkidle");
    return page.evaluate(() => (window as { __xss?: string[] }).__xss ?? null);
  }

  it("initial values: Markdown, HTML, Chatbot and elem_id/elem_classes payloads never run", async () => {
    const { page, context, errors } = await openApp(browser, url);
    await page.getByText("md link", { exact: true }).waitFor();
    await page.getByText("chat-bot link", { exact: true }).waitFor();
    expect(await interactAndReadFlag(page, ["md", "html", "chat-user", "chat-bot"])).toBeNull();
    expect(await leftovers(page)).toEqual([]);
    // elem_id and elem_classes are attribute values, never markup: the breakout is the whole id.
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    expect(ids).toContain(BREAKOUT_ID);
    expect(await page.evaluate((c) => document.getElementsByClassName(c).length, BREAKOUT_CLASS.split(" ")[0]!)).toBeGreaterThan(0);
    // The links are still there as text: only the script is gone.
    expect(await page.getByText("html link", { exact: true }).count()).toBeGreaterThan(0);
    await context.close();
    expect(errors).toEqual([]);
    await stillServes();
  });

  it("outputs: payloads a function returns to Markdown, HTML and Chatbot never run", async () => {
    const { page, context, errors } = await openApp(browser, url);
    await page.getByRole("button", { name: "Show" }).click();
    await page.getByText("out-md link", { exact: true }).waitFor();
    await page.getByText("out-html link", { exact: true }).waitFor();
    await page.getByText("out-chat link", { exact: true }).waitFor();
    expect(await interactAndReadFlag(page, ["out-md", "out-html", "out-chat"])).toBeNull();
    expect(await leftovers(page)).toEqual([]);
    await context.close();
    expect(errors).toEqual([]);
    await stillServes();
  });
});

/**
 * `sanitize_html: false` (HTML the app trusts as it is): its markup is shown, but a `<script>`
 * in the value is inert, as `@vitrine/html` documents. Served without a script policy, so that
 * only the view is tested; the same inline payload, put in that page by hand, does run (the
 * detector works).
 */
describe("XSS through markup: HTML with sanitize_html: false", () => {
  let app: vt.App;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    app = vt.Blocks(() => {
      vt.HTML(`<p id="raw-html">raw</p><script>${mark("raw-html-script")}</script>`, { sanitize_html: false });
      const out = vt.HTML("", { sanitize_html: false, elem_id: "raw-out" });
      vt.Button("Raw").click({ fn: () => `<p id="raw-out-p">out</p><script>${mark("raw-out-script")}</script>`, outputs: [out], api_name: "raw" });
    });
    url = await serve(app, { content_security_policy: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the markup but never runs its <script>, as a value or an output; the server serves on", async () => {
    const { page, context, errors } = await openApp(browser, url);
    await expect(page.locator("#raw-html").textContent()).resolves.toBe("raw");
    await page.getByRole("button", { name: "Raw" }).click();
    await expect(page.locator("#raw-out-p").textContent()).resolves.toBe("out");
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as { __xss?: string[] }).__xss ?? null)).toBeNull();
    // The detector works: an inline payload put in this page by hand runs.
    const control = await page.evaluate(
      (html) =>
        new Promise((resolve) => {
          const holder = document.createElement("div");
          holder.innerHTML = html;
          holder.querySelector("img")!.addEventListener("error", () => setTimeout(() => resolve((window as { __xss?: string[] }).__xss ?? null)));
          document.body.append(holder);
        }),
      `<img src="x-control.png" onerror="${mark("control")}">`,
    );
    expect(control).toEqual(["control"]);
    await context.close();
    expect(errors).toEqual([]);
    const res = await postJson(`${url}gradio_api/run/raw`, { data: [] });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toContain("<script>");
  });
});
