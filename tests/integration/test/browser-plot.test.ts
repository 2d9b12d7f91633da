/**
 * Plot in a real browser: a function returning a plotly figure draws it (SVG traces, the title),
 * themed from the page in dark mode; plotly.js comes from `components/plotly/plotly.min.js`, once
 * per page whatever the number of plots, only when a plot has a value to show: a page without
 * plots never downloads it, and a page whose Plot is empty downloads it when the value arrives.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { plot } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** A page with no plot: a Textbox and a Button. */
function noPlots() {
  return vt.Blocks({ title: "No plots" }, () => {
    const name = vt.Textbox({ label: "name" });
    const out = vt.Textbox({ label: "greeting" });
    vt.Button("Greet").click({ fn: (n: string) => `Hi ${n}`, inputs: [name], outputs: [out] });
  });
}

/** A page with two plots: one drawn at load, one set by a button; and an image of a plot. */
function twoPlots() {
  return vt.Blocks({ title: "Two plots" }, () => {
    vt.Plot({ label: "at load", value: { data: [{ type: "bar", x: ["a", "b", "c"], y: [3, 1, 2] }], layout: { title: { text: "Bars at load" } } } });
    const later = vt.Plot({ label: "later" });
    const image = vt.Plot({ label: "image" });
    vt.Button("Draw").click({
      fn: (): vt.PlotlyFigure => ({ data: [{ type: "scatter", y: [1, 3, 2] }, { type: "scatter", y: [2, 1, 3] }], layout: { title: { text: "Lines later" } } }),
      outputs: [later],
    });
    vt.Button("Picture").click({
      fn: () => '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="teal"/></svg>',
      outputs: [image],
    });
  });
}

/** Records the URLs the page requests that ask for plotly.js. */
function plotlyRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (/plotly/i.test(request.url())) urls.push(request.url());
  });
  return urls;
}

/** The number of SVG traces plotly drew in the plot labelled `label`. */
function traceCount(page: Page, label: string): Promise<number> {
  return page.getByRole("figure", { name: new RegExp(`^${label}`) }).locator(".scatterlayer .trace, .barlayer .trace").count();
}

describe("Plot in a browser", () => {
  const suite = useBrowserSuite({
    plot: { create: plot, description: "Plot" },
    "no-plots": { create: noPlots, description: "A page without plots" },
    "two-plots": { create: twoPlots, description: "Two plots" },
  });

  it("draws the figure a function returns: two SVG traces and the title; plotly.js loads once, when it arrives", async () => {
    const page = suite.page;
    const requests = plotlyRequests(page);
    await suite.open("plot");
    await expect(page.getByTestId("plot-empty").textContent()).resolves.toBe("No plot");
    // An empty Plot does not load plotly.js.
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);

    await page.getByRole("button", { name: "Submit" }).click();
    const figure = page.getByRole("figure", { name: "waves: Sine and cosine at 2 Hz" });
    await figure.locator(".main-svg").first().waitFor();
    await expect(pollUntil(() => traceCount(page, "waves"), (n) => n === 2)).resolves.toBe(2);
    await expect(figure.locator(".gtitle").textContent()).resolves.toBe("Sine and cosine at 2 Hz");
    await expect(figure.locator(".gtitle").isVisible()).resolves.toBe(true);
    await expect(figure.locator(".legendtext").allTextContents()).resolves.toEqual(["sine", "cosine"]);
    expect(requests).toEqual([`${suite.url}plot/components/plotly/plotly.min.js`]);

    // A new value redraws the same plot; plotly.js is not fetched again.
    await page.getByLabel("frequency value").fill("5");
    await page.getByLabel("frequency value").press("Enter");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(pollUntil(() => page.locator(".gtitle").textContent(), (t) => t === "Sine and cosine at 5 Hz")).resolves.toBe("Sine and cosine at 5 Hz");
    await expect(traceCount(page, "waves")).resolves.toBe(2);
    expect(requests).toHaveLength(1);
  });

  it("a page without plots never requests plotly.js", async () => {
    const page = suite.page;
    const requests = plotlyRequests(page);
    await suite.open("no-plots");
    await page.getByLabel("name").fill("Ada");
    await page.getByRole("button", { name: "Greet" }).click();
    await expect(waitForValue(page, "greeting", "Hi Ada")).resolves.toBe("Hi Ada");
    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
    await expect(page.evaluate(() => "Plotly" in window)).resolves.toBe(false);
  });

  it("several plots on a page share one download of plotly.js; a plot image shows as an image", async () => {
    const page = suite.page;
    const requests = plotlyRequests(page);
    await suite.open("two-plots");
    await expect(pollUntil(() => traceCount(page, "at load"), (n) => n === 1)).resolves.toBe(1);
    await expect(page.getByRole("figure", { name: "at load: Bars at load" }).locator(".gtitle").textContent()).resolves.toBe("Bars at load");
    await page.getByRole("button", { name: "Draw" }).click();
    await expect(pollUntil(() => traceCount(page, "later"), (n) => n === 2)).resolves.toBe(2);
    expect(requests).toEqual([`${suite.url}two-plots/components/plotly/plotly.min.js`]);

    await page.getByRole("button", { name: "Picture" }).click();
    const img = page.getByRole("img", { name: "image (plot)" });
    await img.waitFor();
    await expect(img.getAttribute("src")).resolves.toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).resolves.toBe(40);
  });

  it("takes its colours from the theme in dark mode", async () => {
    const page = suite.page;
    await page.goto(`${suite.url}plot/?__theme=dark`);
    await page.locator("#vt-root .vt-app").waitFor();
    await page.getByRole("button", { name: "Submit" }).click();
    const figure = page.getByRole("figure", { name: /^waves/ });
    await figure.locator(".gtitle").waitFor();
    const colours = await page.evaluate(() => {
      const box = document.querySelector(".vt-plot")!;
      const style = getComputedStyle(box);
      const probe = (value: string) => {
        const ctx = new OffscreenCanvas(1, 1).getContext("2d")!;
        ctx.fillStyle = value;
        ctx.fillRect(0, 0, 1, 1);
        return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
      };
      const title = document.querySelector<SVGElement>(".gtitle")!;
      const paper = document.querySelector<SVGElement>(".main-svg .bg")!;
      return {
        dark: document.documentElement.classList.contains("dark"),
        text: probe(style.color),
        title: probe(getComputedStyle(title).fill),
        paper: probe(getComputedStyle(paper).fill),
        background: probe(style.getPropertyValue("--block-background-fill").trim() || style.getPropertyValue("--background-fill-primary").trim()),
      };
    });
    expect(colours.dark).toBe(true);
    expect(colours.title).toEqual(colours.text);
    expect(colours.paper).toEqual(colours.background);
    // Light text on a dark paper.
    expect(colours.text.reduce((a, b) => a + b, 0)).toBeGreaterThan(colours.paper.reduce((a, b) => a + b, 0));
  });
});
