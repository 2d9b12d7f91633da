/**
 * LinePlot, BarPlot and ScatterPlot in a real browser (the gallery's `plots` demo): each kind draws
 * its table with plotly.js; dragging across a line or bar plot selects an x range and a box on a
 * scatter plot selects points, and the `select` listener on the server gets the range (Gradio's
 * SelectData); a double click fires `double_click`; the axes take the theme's text colour in dark
 * mode, and follow a switch to light; the export button downloads a PNG and the fullscreen button
 * fills the screen; and a page with a LinePlot and a BarPlot downloads plotly.js once.
 */
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import * as vt from "vitrine";
import { plots } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite, waitForValue, fieldValue } from "./browser.js";

/** A page with a LinePlot and a BarPlot, nothing else. */
function lineAndBar() {
  return vt.Blocks({ title: "Two kinds of plot" }, () => {
    vt.LinePlot({ value: { x: [1, 2, 3], y: [2, 4, 3] }, x: "x", y: "y", label: "line" });
    vt.BarPlot({ value: { k: ["a", "b"], v: [1, 2] }, x: "k", y: "v", label: "bars" });
  });
}

/** The chart of the plot whose accessible name starts with `name` ("Line plot: Temperatures"). */
function chart(page: Page, name: string): Locator {
  return page.getByRole("img", { name });
}

/** The chart's drawing area, once plotly has drawn it, scrolled into view. */
async function drawingArea(plot: Locator) {
  const area = plot.locator(".nsewdrag").first();
  await area.waitFor({ state: "visible", timeout: 15_000 });
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  if (!box) throw new Error("the plot has no drawing area");
  return box;
}

/** Drags from (x0, y0) to (x1, y1), given as fractions of the drawing area. */
async function drag(page: Page, plot: Locator, [x0, y0]: [number, number], [x1, y1]: [number, number]): Promise<void> {
  const box = await drawingArea(plot);
  await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((x0 + x1) / 2), box.y + box.height * ((y0 + y1) / 2), { steps: 5 });
  await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1, { steps: 5 });
  await page.mouse.up();
}

/**
 * Double-clicks the drawing area at (x, y), as fractions of it (its middle by default). Not on a
 * selection's edge: there plotly takes the clicks as a grab of the edge, to resize the selection.
 */
async function doubleClick(page: Page, plot: Locator, [x, y]: [number, number] = [0.5, 0.5]): Promise<void> {
  const box = await drawingArea(plot);
  await page.mouse.dblclick(box.x + box.width * x, box.y + box.height * y);
}

/** How many traces plotly drew in `plot` (lines and markers, or bars). */
function traces(plot: Locator): Promise<number> {
  return plot.locator(".scatterlayer .trace, .barlayer .trace").count();
}

describe("LinePlot, BarPlot and ScatterPlot in a browser", () => {
  const suite = useBrowserSuite({
    plots: { create: plots, description: "Native plots" },
    "line-and-bar": { create: lineAndBar, description: "A LinePlot and a BarPlot" },
  });

  it("draws each kind: two city lines on a time axis, bars stacked by shop, three species of points", async () => {
    const page = await suite.open("plots");
    const line = chart(page, "Line plot: Temperatures");
    const bars = chart(page, "Bar plot: Fruit");
    const scatter = chart(page, "Scatter plot: Birds");
    await expect(pollUntil(() => traces(line), (n) => n === 2)).resolves.toBe(2);
    await expect(pollUntil(() => traces(bars), (n) => n === 2)).resolves.toBe(2);
    await expect(pollUntil(() => traces(scatter), (n) => n === 3)).resolves.toBe(3);
    // The line's points: 72 hours per city, drawn as one path each.
    await expect(line.locator(".scatterlayer .trace path.js-line").count()).resolves.toBe(2);
    // Bars: five fruit per shop, sorted by their total, largest first (sort: "-y").
    await expect(bars.locator(".barlayer .trace").first().locator("path").count()).resolves.toBe(5);
    await expect(bars.locator(".xtick text").allTextContents()).resolves.toEqual(["banana", "apple", "pear", "fig", "cherry"]);
    // Titles, legend and the caption.
    await expect(line.locator(".gtitle").textContent()).resolves.toBe("Hourly temperature");
    await expect(scatter.locator(".legendtext").allTextContents()).resolves.toEqual(["ibis", "heron", "crane"]);
    await expect(page.getByText("Sixty birds of three species, measured.").isVisible()).resolves.toBe(true);
    // The line plot has the buttons it asked for; the others none.
    await expect(page.getByRole("button", { name: "Export as PNG" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "Fullscreen" }).count()).resolves.toBe(1);
  });

  it("dragging across the line plot sends the selected time range to the select listener", async () => {
    const page = await suite.open("plots");
    const line = chart(page, "Line plot: Temperatures");
    await drag(page, line, [0.25, 0.5], [0.75, 0.5]);
    const text = await pollUntil(() => fieldValue(page, "Line selection"), (v) => v.startsWith("from"));
    const match = /^from (\S+ \S+) to (\S+ \S+) UTC$/.exec(text);
    expect(match).not.toBeNull();
    const [from, to] = [Date.parse(`${match![1]}Z`), Date.parse(`${match![2]}Z`)];
    // The data runs over 71 hours from 1 June 00:00: a quarter to three quarters of the way along.
    const start = Date.UTC(2024, 5, 1);
    expect(from).toBeGreaterThan(start + 12 * 3_600_000);
    expect(to).toBeLessThan(start + 60 * 3_600_000);
    expect(to - from).toBeGreaterThan(30 * 3_600_000);
    await doubleClick(page, line);
    await expect(waitForValue(page, "Line selection", "cleared")).resolves.toBe("cleared");
  });

  it("a box drawn on the scatter plot sends its x and y ranges and the points inside", async () => {
    const page = await suite.open("plots");
    const scatter = chart(page, "Scatter plot: Birds");
    // The whole drawing area: every bird.
    await drag(page, scatter, [0.01, 0.01], [0.99, 0.99]);
    const all = await pollUntil(() => fieldValue(page, "Scatter selection"), (v) => v.includes("birds"));
    expect(all).toMatch(/^60 birds \(height [\d.]+–[\d.]+ cm, weight [\d.]+–[\d.]+ kg\): crane, heron, ibis$/);
    // A double click clears it (a drag starting inside a selection would move it instead).
    await doubleClick(page, scatter);
    await expect(waitForValue(page, "Scatter selection", "cleared")).resolves.toBe("cleared");
    // The left third: only the smallest species.
    await drag(page, scatter, [0.01, 0.01], [0.3, 0.99]);
    const left = await pollUntil(() => fieldValue(page, "Scatter selection"), (v) => v.includes("birds"));
    expect(left).toMatch(/^\d+ birds \(height .*\): ibis$/);
    const [, x0, x1] = /height ([\d.]+)–([\d.]+) cm/.exec(left)!;
    expect(Number(x0)).toBeLessThan(Number(x1));
    await doubleClick(page, scatter);
    await expect(waitForValue(page, "Scatter selection", "cleared")).resolves.toBe("cleared");
  });

  it("dragging across bars selects their categories", async () => {
    const page = await suite.open("plots");
    const bars = chart(page, "Bar plot: Fruit");
    await drag(page, bars, [0.02, 0.5], [0.5, 0.5]);
    await expect(waitForValue(page, "Bar selection", "fruit: banana, apple, pear")).resolves.toBe("fruit: banana, apple, pear");
    await doubleClick(page, bars, [0.8, 0.5]);
    await expect(waitForValue(page, "Bar selection", "cleared")).resolves.toBe("cleared");
  });

  it("the export button downloads the plot as a PNG named after its title", async () => {
    const page = await suite.open("plots");
    await drawingArea(chart(page, "Line plot: Temperatures"));
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), page.getByRole("button", { name: "Export as PNG" }).click()]);
    expect(download.suggestedFilename()).toBe("Hourly_temperature.png");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const png = Buffer.concat(chunks);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
  });

  it("the fullscreen button fills the screen with the plot, redrawn to its size, and exits", async () => {
    const page = await suite.open("plots");
    const line = chart(page, "Line plot: Temperatures");
    await drawingArea(line);
    const width = () => line.evaluate((el) => Number(el.querySelector(".main-svg")?.getAttribute("width")));
    const before = await width();
    await page.getByRole("button", { name: "Fullscreen" }).click();
    await expect(pollUntil(width, (w) => w > before + 100)).resolves.toBeGreaterThan(before + 100);
    await expect(page.evaluate(() => document.fullscreenElement?.className)).resolves.toBe("vt-nativeplot-frame");
    await page.getByRole("button", { name: "Exit fullscreen" }).click();
    await expect(pollUntil(width, (w) => w === before)).resolves.toBe(before);
    await expect(page.evaluate(() => document.fullscreenElement)).resolves.toBeNull();
  });

  it("draws its axes in the theme's text colour, in dark mode too", async () => {
    const page = suite.page;
    await page.goto(`${suite.url}plots/?__theme=dark`);
    const line = chart(page, "Line plot: Temperatures");
    await drawingArea(line);
    const colours = await line.evaluate((el) => {
      const probe = document.createElement("span");
      probe.style.color = "var(--body-text-color)";
      el.appendChild(probe);
      const text = getComputedStyle(probe).color;
      probe.remove();
      const tick = el.querySelector(".ytick text") as SVGTextElement;
      return { text, tick: tick.style.fill };
    });
    expect(colours.tick).toBe(colours.text);
    // A light colour: dark mode's text.
    const [r, g, b] = colours.text.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeGreaterThan(3 * 160);
    // Switching to light (the page toggles the `dark` class) redraws in light's text colour.
    await page.evaluate(() => document.documentElement.classList.remove("dark"));
    const light = await pollUntil(
      () => line.evaluate((el) => (el.querySelector(".ytick text") as SVGTextElement | null)?.style.fill ?? ""),
      (fill) => fill !== "" && fill !== colours.tick,
    );
    const [lr, lg, lb] = light.match(/\d+/g)!.map(Number);
    expect(lr! + lg! + lb!).toBeLessThan(3 * 120);
  });

  it("a page with a LinePlot and a BarPlot downloads plotly.js once", async () => {
    const page = suite.page;
    const requests: string[] = [];
    page.on("request", (request) => {
      if (/plotly/i.test(request.url())) requests.push(request.url());
    });
    await suite.open("line-and-bar");
    await expect(pollUntil(() => traces(chart(page, "Line plot: line")), (n) => n === 1)).resolves.toBe(1);
    await expect(pollUntil(() => traces(chart(page, "Bar plot: bars")), (n) => n === 1)).resolves.toBe(1);
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]!).pathname).toMatch(/\/components\/plotly\/plotly\.min\.js$/);
  });
});
