/**
 * The gallery's `markdown` demo, and templated HTML, in a real browser through a real server:
 * the Markdown's copy button (`buttons: ["copy"]`) copies the source and its `copy` event reaches
 * the server; `padding` pads it with the theme's block padding; header links navigate; KaTeX
 * typesets formulas (its stylesheet and fonts loaded), a price stays text; the examples switch
 * to highlighted code and a table. The HTML card is a Handlebars + `${…}` template with a scoped
 * `css_template`; its `js_on_load` fires a custom `pick` event whose listener runs on the server.
 * A second app checks `js_on_load`'s `props.value` and `trigger("submit")` (the new value reaches
 * the server as the input), and that template values are sanitized unless `sanitize_html: false`.
 */
import { describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { markdown } from "@vitrine/demo-gallery";
import { useBrowserSuite, waitForValue } from "./browser.js";

function htmlApp() {
  return vt.Blocks(() => {
    const counter = vt.HTML<number>({
      label: "Counter",
      value: 0,
      html_template: '<button type="button" class="count">Clicked ${value} times</button><p class="note">${note}</p>',
      css_template: ".note { color: rgb(200, 0, 0); }",
      js_on_load: `
        element.querySelector("button.count").addEventListener("click", () => {
          props.value = props.value + 1;
          trigger("submit", { at: props.value });
        });
        watch("value", () => { element.dataset.watched = String(props.value); });`,
      props: { note: "a note" },
    });
    const log = vt.Textbox({ label: "Server log" });
    counter.submit({ fn: (n: number, ctx) => `server saw ${n} (event at ${String(ctx.event.at)})`, inputs: [counter], outputs: [log] });
    vt.Button("Reset").click({ fn: () => 10, outputs: [counter] });
    vt.HTML({ label: "Plain", value: '<p class="note">plain note</p>' });
    vt.Markdown("## KaTeX\n\nInline \\(a^2 + b^2 = c^2\\) here.\n\n\\[\\int_0^1 x\\,dx = \\tfrac{1}{2}\\]", {
      latex_delimiters: [
        { left: "\\[", right: "\\]", display: true },
        { left: "\\(", right: "\\)", display: false },
      ],
    });
    vt.HTML({
      label: "Sanitized",
      value: '<img src="data:," onerror="window.__vtBad = 1"><b class="bold">bold</b>',
      html_template: "<div>${value}</div>",
    });
    vt.HTML({
      label: "Trusted",
      value: '<img src="data:," onerror="window.__vtTrusted = 1"><b class="bold">trusted</b>',
      html_template: "<div>${value}</div>",
      sanitize_html: false,
    });
  });
}

describe("Markdown extras and templated HTML in a browser", () => {
  const suite = useBrowserSuite({
    markdown: { create: markdown, description: "the markdown demo" },
    htmljs: { create: htmlApp, description: "HTML with js_on_load" },
  });

  /** The Markdown labelled "Rendered" in the demo (the one with the copy button). */
  const rendered = () => suite.page.locator(".vt-markdown-field", { has: suite.page.getByRole("button", { name: "Copy Markdown" }) });

  it("typesets LaTeX with KaTeX, inline and display, loading its stylesheet and fonts", async () => {
    const page = await suite.open("htmljs");
    const md = page.locator(".vt-markdown", { has: page.locator("h2", { hasText: "KaTeX" }) });
    await md.locator(".vt-math-display .katex-display").waitFor();
    await expect(md.locator(".vt-math-display").count()).resolves.toBe(1);
    await expect(md.locator(".vt-math-display math[display=block]").count()).resolves.toBe(1);
    await expect(md.locator("p .katex math:not([display])").count()).resolves.toBe(1);
    await expect(md.locator(".vt-math-pending").count()).resolves.toBe(0);
    // KaTeX's stylesheet and fonts apply: its formulas are set in KaTeX's fonts.
    await page.waitForFunction(() => document.fonts.check("16px KaTeX_Main"));
    const font = await md.locator(".katex").first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain("KaTeX_Main");
  });

  it("typesets the demo's $…$ and $$…$$ formulas as inline and display; a price stays text", async () => {
    const page = await suite.open("markdown");
    const md = rendered();
    // The source goes in through the Textbox (its change event renders it).
    const source = ["# Formulas", "", "Inline, $e^{i\\pi} + 1 = 0$ here.", "", "$$\\sum_{n=0}^{\\infty} \\frac{x^n}{n!} = e^x$$", "", "A price such as $5 stays text."].join("\n");
    await page.getByLabel("Markdown source").fill(source);
    await md.locator("h1#formulas").waitFor();
    await md.locator(".vt-math-display .katex-display").waitFor();
    await expect(md.locator(".vt-math-display math[display=block]").count()).resolves.toBe(1);
    await expect(md.locator("p .katex math:not([display])").count()).resolves.toBe(1);
    await expect(md.getByText("A price such as $5 stays text.").count()).resolves.toBe(1);
  });

  it("copies the whole source with its copy button, firing copy on the server", async () => {
    const page = await suite.open("markdown");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const source = await page.getByLabel("Markdown source").inputValue();
    await rendered().getByRole("button", { name: "Copy Markdown" }).click();
    await expect(waitForValue(page, "Copied text", source)).resolves.toBe(source);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(source);
  });

  it("pads the Markdown with the theme's block padding", async () => {
    const page = await suite.open("markdown");
    const padded = rendered().locator(".vt-markdown-padded");
    await padded.waitFor();
    const { padding, expected } = await padded.evaluate((el) => {
      const probe = document.createElement("div");
      probe.style.padding = "var(--block-padding)";
      el.parentElement!.append(probe);
      const expected = getComputedStyle(probe).paddingTop;
      probe.remove();
      return { padding: getComputedStyle(el).paddingTop, expected };
    });
    expect(padding).toBe(expected);
    expect(parseFloat(padding)).toBeGreaterThan(0);
    // The page's title Markdown has no padding.
    await expect(page.locator(".vt-markdown-padded").count()).resolves.toBe(1);
  });

  it("gives headings links that navigate, and follows the examples to highlighted code and a table", async () => {
    const page = await suite.open("markdown");
    const link = rendered().getByRole("link", { name: "Link to this section: Euler's identity" });
    await link.waitFor();
    await expect(rendered().locator("h1").getAttribute("id")).resolves.toBe("eulers-identity");
    await link.focus();
    await link.click();
    await page.waitForFunction(() => location.hash === "#eulers-identity");

    // The code example: its source goes in the Textbox, and the Markdown highlights it.
    await page.getByRole("button", { name: /^Examples \d+: # Code/ }).click();
    await rendered().locator("pre code.language-python span.hljs-keyword").first().waitFor();
    await expect(rendered().locator("pre code.language-python span.hljs-keyword").first().textContent()).resolves.toBe("def");
    await expect(rendered().getByRole("link", { name: "Link to this section: TypeScript" }).count()).resolves.toBe(1);

    await page.getByRole("button", { name: /^Examples \d+: # Planets/ }).click();
    const table = rendered().locator("table");
    await table.waitFor();
    await expect(table.locator("th").allTextContents()).resolves.toEqual(["Planet", "Moons", "Rings"]);
    await expect(table.locator("tbody tr").count()).resolves.toBe(2);
  });

  it("fills the HTML card's template, scopes its CSS, and runs js_on_load whose pick event runs on the server", async () => {
    const page = await suite.open("markdown");
    const card = page.getByRole("region", { name: "Outline" });
    const chip = card.getByRole("button", { name: "Euler's identity" });
    await chip.waitFor();
    await expect(card.locator(".counts").textContent()).resolves.toMatch(/\d+ words · 0 code blocks · 2 formulas/);
    // css_template: the chips take the theme's radius, through a rule scoped to the card.
    const radius = await chip.evaluate((el) => {
      const probe = document.createElement("span");
      probe.style.borderRadius = "var(--radius-sm)";
      document.body.append(probe);
      const r = { chip: getComputedStyle(el).borderTopLeftRadius, theme: getComputedStyle(probe).borderTopLeftRadius };
      probe.remove();
      return r;
    });
    expect(radius.chip).toBe(radius.theme);
    await chip.click();
    await expect(waitForValue(page, "Picked heading", "You picked: Euler's identity")).resolves.toBe("You picked: Euler's identity");

    // A new source updates the card (in place) from the server.
    await page.getByRole("button", { name: /^Examples \d+: # Planets/ }).click();
    await card.getByRole("button", { name: "Notes" }).waitFor();
    await expect(card.locator("button.chip").allTextContents()).resolves.toEqual(["Planets", "Notes"]);
    await card.getByRole("button", { name: "Notes" }).click();
    await expect(waitForValue(page, "Picked heading", "You picked: Notes")).resolves.toBe("You picked: Notes");
  });

  it("js_on_load sets props.value and triggers submit: the new value reaches the server as the input", async () => {
    const page = await suite.open("htmljs");
    const counter = page.getByRole("region", { name: "Counter" });
    const button = counter.getByRole("button", { name: "Clicked 0 times" });
    await button.click();
    await counter.getByRole("button", { name: "Clicked 1 times" }).waitFor();
    await expect(waitForValue(page, "Server log", "server saw 1 (event at 1)")).resolves.toBe("server saw 1 (event at 1)");
    await counter.getByRole("button", { name: "Clicked 1 times" }).click();
    await expect(waitForValue(page, "Server log", "server saw 2 (event at 2)")).resolves.toBe("server saw 2 (event at 2)");
    // The server's value re-renders the template in place (the same button) and runs the watcher.
    const same = await counter.locator("button.count").evaluate((el) => ((window as unknown as { __vtButton: Element }).__vtButton = el, true));
    expect(same).toBe(true);
    await page.getByRole("button", { name: "Reset" }).click();
    await counter.getByRole("button", { name: "Clicked 10 times" }).waitFor();
    await expect(counter.locator("button.count").evaluate((el) => el === (window as unknown as { __vtButton: Element }).__vtButton)).resolves.toBe(true);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[aria-label="Counter"]')?.dataset.watched === "10");
    // The css_template is scoped: the counter's note is red, the plain HTML's is not.
    const colours = await page.evaluate(() => ({
      scoped: getComputedStyle(document.querySelector('[aria-label="Counter"] .note')!).color,
      plain: getComputedStyle(document.querySelector('[aria-label="Plain"] .note')!).color,
    }));
    expect(colours.scoped).toBe("rgb(200, 0, 0)");
    expect(colours.plain).not.toBe("rgb(200, 0, 0)");
  });

  it("sanitizes template values by default; sanitize_html: false lets trusted HTML run its handler", async () => {
    const page = await suite.open("htmljs");
    await page.getByRole("region", { name: "Sanitized" }).locator("b.bold").waitFor();
    await page.getByRole("region", { name: "Trusted" }).locator("b.bold").waitFor();
    await page.waitForFunction(() => (window as unknown as { __vtTrusted?: number }).__vtTrusted === 1);
    await expect(page.getByRole("region", { name: "Sanitized" }).locator("img").getAttribute("onerror")).resolves.toBeNull();
    await expect(page.evaluate(() => (window as unknown as { __vtBad?: number }).__vtBad)).resolves.toBeUndefined();
  });
});
