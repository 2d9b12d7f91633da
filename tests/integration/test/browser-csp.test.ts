/**
 * Issue 12, "CSP without unsafe-eval", in headless chromium: the page is sent with
 * `script-src 'self' 'nonce-…'` (no `unsafe-eval`, no `unsafe-inline`), and everything still
 * works under it: the app's `js` options (Blocks' `js`, an event's `js` alone and before the
 * server function, a method-shorthand source), the app's `head` script, Markdown with KaTeX math
 * and highlighted code, a Code editor and a plotly Plot; no `securitypolicyviolation` event and no
 * console error. Then the policy is shown to bite: a script injected without the nonce and an
 * `eval` are refused, and a reload (a 304: the browser keeps its copy and its nonce) still works.
 * A page with a `vt.HTML` gets the same policy, no `'unsafe-eval'`: its `html_template` (`${…}`
 * expressions and Handlebars) and `js_on_load` run as scripts carrying the page's nonce, with no
 * violation, and `eval` is refused there too.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { fieldValue, useBrowserSuite, waitForValue, type BrowserSuite } from "./browser.js";

/** Every page option and view the policy must let run. */
function cspApp() {
  return vt.Blocks(
    {
      title: "CSP",
      js: "() => { document.body.dataset.appJs = 'ran'; }",
      head: "<script>document.documentElement.dataset.headScript = 'ran';</script>",
    },
    () => {
      vt.Markdown(["## Math and code", "", "$$\\sum_{n=0}^{\\infty} \\frac{x^n}{n!} = e^x$$", "", "```python", "def square(x):", "    return x * x", "```"].join("\n"), {
        elem_id: "md",
      });
      vt.Code({ label: "source", value: "def f(x):\n    return x + 1\n", language: "python" });
      vt.Plot({ label: "bars", value: { data: [{ type: "bar", x: ["a", "b", "c"], y: [3, 1, 2] }], layout: { title: { text: "Bars" } } } });
      const text = vt.Textbox({ label: "text", value: "Hello" });
      const out = vt.Textbox({ label: "result" });
      vt.Button("Reverse in the browser").click({ fn: null, js: "(t) => [...t].reverse().join('')", inputs: [text], outputs: [out] });
      vt.Button("Shout, then the server").click({
        fn: (t: string) => `${t} (seen by the server)`,
        js: "js(t) { return t.toUpperCase(); }",
        inputs: [text],
        outputs: [out],
      });
    },
  );
}

/** A page with a templated vt.HTML (`${…}` and Handlebars) whose js_on_load fires an event. */
function htmlApp() {
  return vt.Blocks({ title: "CSP with HTML" }, () => {
    const html = vt.HTML({
      label: "Templated",
      value: "world",
      html_template: "<p class='greeting'>Hello, ${value.toUpperCase()}!</p><ul>{{#each fruits}}<li class='fruit'>{{this}}</li>{{/each}}</ul><button>Ping</button>",
      js_on_load: "element.dataset.loaded = 'yes'; element.querySelector('button').addEventListener('click', () => trigger('click'));",
      props: { fruits: ["apple", "pear"] },
    });
    const pings = vt.Textbox({ label: "pings" });
    html.click({ fn: () => "pinged", outputs: [pings] });
  });
}

/** Records the page's CSP violations (from before its first script) and console errors. */
async function watch(page: Page): Promise<{ console: string[]; violations: () => Promise<string[]> }> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return { console: errors, violations: () => page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]) };
}

/** The policy every page is sent with: scripts from the server or with the page's nonce, no eval. */
const PAGE_POLICY = /^script-src 'self' 'nonce-[A-Za-z0-9+/=]+'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'$/;

/** Opens the demo `name` and resolves with the Content-Security-Policy header its page came with. */
async function openWithPolicy(suite: BrowserSuite, name: string): Promise<string | null> {
  const policy = suite.page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/${name}/`)).then((r) => r.headerValue("content-security-policy"));
  await suite.open(name);
  return policy;
}

/**
 * Runs `eval('1 + 1')` in a script carrying the page's nonce, from a timer (DevTools lets code
 * it evaluates eval), and resolves with its result, or the name of the error it threw.
 */
async function evalWithNonce(page: Page): Promise<string> {
  await page.evaluate(() => {
    delete (window as unknown as { __evaluated?: string }).__evaluated;
    setTimeout(() => {
      const trusted = document.createElement("script");
      trusted.nonce = document.querySelector<HTMLScriptElement>("script[nonce]")!.nonce;
      trusted.textContent = "try { window.__evaluated = String(eval('1 + 1')); } catch (err) { window.__evaluated = err.name; }";
      document.body.append(trusted);
    }, 0);
  });
  const evaluated = await page.waitForFunction(() => (window as unknown as { __evaluated?: string }).__evaluated);
  return (await evaluated.jsonValue()) as string;
}

describe("the page's Content-Security-Policy in a browser", () => {
  const suite = useBrowserSuite({
    csp: { create: cspApp, description: "js options, head script, KaTeX, Code and Plot under the CSP" },
    "csp-html": { create: htmlApp, description: "a templated HTML under the CSP" },
  });

  it("runs the js options, the head script, KaTeX, highlighted code, Code and Plot with no violation and no console error", async () => {
    const { page } = suite;
    const seen = await watch(page);
    expect(await openWithPolicy(suite, "csp")).toMatch(PAGE_POLICY);

    // The app's js and head script ran.
    await page.waitForFunction(() => document.body.dataset.appJs === "ran");
    await expect(page.evaluate(() => document.documentElement.dataset.headScript)).resolves.toBe("ran");
    // KaTeX typeset the formula; highlight.js coloured the code block.
    const md = page.locator("#md");
    await md.locator(".katex-display math[display=block]").waitFor();
    await md.locator("pre code .hljs-keyword").first().waitFor();
    // CodeMirror shows the source; plotly drew the bars.
    await page.locator(".cm-editor .cm-line", { hasText: "return x + 1" }).waitFor();
    await page.getByRole("figure", { name: /^bars/ }).locator(".barlayer .trace").first().waitFor();

    // An event's js alone, then a method-shorthand js before the server function.
    await page.getByRole("button", { name: "Reverse in the browser" }).click();
    await expect(waitForValue(page, "result", "olleH")).resolves.toBe("olleH");
    await page.getByRole("button", { name: "Shout, then the server" }).click();
    await expect(waitForValue(page, "result", "HELLO (seen by the server)")).resolves.toBe("HELLO (seen by the server)");

    expect(await seen.violations()).toEqual([]);
    expect(seen.console).toEqual([]);

    // The policy is enforced: a script without the nonce does not run, and a page script cannot eval.
    await page.evaluate(() => {
      const bare = document.createElement("script");
      bare.textContent = "window.__injected = true;";
      document.body.append(bare);
    });
    await expect(evalWithNonce(page)).resolves.toBe("EvalError");
    await expect(page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false)).resolves.toBe(false);
    await expect(seen.violations()).resolves.toEqual([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src eval/)]);
    await expect(fieldValue(page, "result")).resolves.toBe("HELLO (seen by the server)");

    // A reload revalidates the page: its copy (and its nonce) is kept with a 304, and still runs.
    // What the server answered on the wire (the browser reports the revalidated copy as a 200).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    const documents = new Set<string>();
    const statuses: number[] = [];
    cdp.on("Network.requestWillBeSent", (e) => {
      if (e.type === "Document") documents.add(e.requestId);
    });
    cdp.on("Network.responseReceivedExtraInfo", (e) => {
      if (documents.has(e.requestId)) statuses.push(e.statusCode);
    });
    const consoleBefore = seen.console.length;
    await page.reload();
    expect(statuses).toEqual([304]);
    await page.waitForFunction(() => document.body.dataset.appJs === "ran");
    await page.getByRole("button", { name: "Reverse in the browser" }).click();
    await expect(waitForValue(page, "result", "olleH")).resolves.toBe("olleH");
    expect(await seen.violations()).toEqual([]);
    expect(seen.console.slice(consoleBefore)).toEqual([]);
  });

  it("runs a vt.HTML's html_template (${…} and Handlebars) and js_on_load with no unsafe-eval and no violation", async () => {
    const { page } = suite;
    const seen = await watch(page);
    expect(await openWithPolicy(suite, "csp-html")).toMatch(PAGE_POLICY);
    await page.getByText("Hello, WORLD!").waitFor();
    await expect(page.locator(".fruit").allTextContents()).resolves.toEqual(["apple", "pear"]);
    await page.waitForFunction(() => document.querySelector("[data-loaded=yes]") !== null);
    // js_on_load's listener fires the HTML's click event, which the server answers.
    await page.getByRole("button", { name: "Ping" }).click();
    await expect(waitForValue(page, "pings", "pinged")).resolves.toBe("pinged");
    expect(await seen.violations()).toEqual([]);
    expect(seen.console).toEqual([]);

    // The page allows no eval either.
    await expect(evalWithNonce(page)).resolves.toBe("EvalError");
    await expect(seen.violations()).resolves.toEqual([expect.stringMatching(/^script-src eval/)]);
  });
});
