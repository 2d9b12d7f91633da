/**
 * ClearButton, DuplicateButton and ParamViewer in a real browser (the gallery's `buttons-extra`
 * demo): Clear empties a Textbox, a Number, an uploaded Image and a Dropdown in the page (its
 * `.add` was called twice), fires its own `click` listeners, and resets a State on the server;
 * DuplicateButton is a plain button off a Space and, on one, a link to the duplication page
 * (asserted, never followed); ParamViewer documents a tool's JSON, fires `change`, opens and
 * closes its parameters, renders sanitized Markdown, links its anchors, and shows static docs.
 */
import { describe, expect, it } from "@jest/globals";
import { Jimp } from "jimp";
import type { Page } from "playwright-core";
import { buttonsExtra } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

const SPACE = "ada/analytical-engine";

/** Builds the demo as it would be on a Hugging Face Space (the env Gradio's get_space() reads). */
function onSpace() {
  const saved = { SYSTEM: process.env.SYSTEM, SPACE_ID: process.env.SPACE_ID };
  process.env.SYSTEM = "spaces";
  process.env.SPACE_ID = SPACE;
  try {
    return buttonsExtra();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function png(): Promise<Buffer> {
  const image = new Jimp({ width: 16, height: 16, color: 0x3366ccff });
  return image.getBuffer("image/png");
}

/** The combobox value of the Dropdown labelled `label`. */
function dropdownText(page: Page, label: string): Promise<string> {
  return page.getByRole("combobox", { name: label }).inputValue();
}

describe("ClearButton, DuplicateButton and ParamViewer in the browser", () => {
  const suite = useBrowserSuite({
    "buttons-extra": { create: buttonsExtra, description: "off a Space" },
    "buttons-extra-space": { create: onSpace, description: "on a Space" },
  });

  it("ClearButton clears a Textbox, a Number, an Image and a Dropdown, fires click, and resets a State", async () => {
    const page = await suite.open("buttons-extra");
    await page.getByLabel("Name", { exact: true }).fill("Grace");
    await page.getByLabel("Age", { exact: true }).fill("45");
    await page.locator(".vt-type-image input[type=file]").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await png() });
    await page.locator(".vt-type-image img").first().waitFor();
    await expect(dropdownText(page, "Colour")).resolves.toBe("green");

    const summarize = page.getByRole("button", { name: "Summarize", exact: true });
    await summarize.click();
    await waitForValue(page, "Summary", "Grace, 45, with a photo, green; summary #1");
    await summarize.click();
    await waitForValue(page, "Summary", "Grace, 45, with a photo, green; summary #2");

    await page.getByRole("button", { name: "Clear form", exact: true }).click();
    await waitForValue(page, "Name", "");
    await waitForValue(page, "Summary", "");
    await expect(page.getByLabel("Age", { exact: true }).inputValue()).resolves.toBe("");
    await expect(pollUntil(() => dropdownText(page, "Colour"), (v) => v === "")).resolves.toBe("");
    await page.getByRole("button", { name: "Photo: upload an image" }).waitFor();
    await expect(page.locator(".vt-type-image img").count()).resolves.toBe(0);
    // The app's own click listener ran beside the clearing.
    await waitForValue(page, "Clears", "1");

    // The tally (a State) was reset on the server: the next summary is #1 again.
    await page.getByLabel("Name", { exact: true }).fill("Alan");
    await page.getByLabel("Age", { exact: true }).fill("41");
    await page.getByRole("combobox", { name: "Colour" }).click();
    await page.getByRole("option", { name: "red", exact: true }).click();
    await summarize.click();
    await waitForValue(page, "Summary", "Alan, 41, no photo, red; summary #1");

    await page.getByRole("button", { name: "Clear form", exact: true }).click();
    await waitForValue(page, "Clears", "2");
    await waitForValue(page, "Name", "");
  });

  it("DuplicateButton off a Space: a plain button that fires click", async () => {
    const page = await suite.open("buttons-extra");
    const button = page.getByRole("button", { name: "Duplicate Space", exact: true });
    await expect(button.evaluate((el) => el.tagName)).resolves.toBe("BUTTON");
    await expect(page.getByRole("link", { name: "Duplicate Space" }).count()).resolves.toBe(0);
    await button.click();
    await waitForValue(page, "Duplicate clicks", "1");
  });

  it("DuplicateButton on a Space: a link to the duplication page in a new tab (not followed); click fires", async () => {
    const page = await suite.open("buttons-extra-space");
    // Nothing leaves the machine: any request to huggingface.co is aborted, and the click's navigation prevented.
    const outside: string[] = [];
    await page.context().route(/huggingface\.co/, (route) => {
      outside.push(route.request().url());
      return route.abort();
    });
    const popups: string[] = [];
    page.on("popup", (p) => popups.push(p.url()));
    const link = page.getByRole("link", { name: "Duplicate Space", exact: true });
    await expect(link.getAttribute("href")).resolves.toBe(`https://huggingface.co/spaces/${SPACE}?duplicate=true`);
    await expect(link.getAttribute("target")).resolves.toBe("_blank");
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await expect(link.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toBe("rgba(0, 0, 0, 0)");
    await page.evaluate(() => document.addEventListener("click", (e) => e.preventDefault(), true));
    await link.click();
    await waitForValue(page, "Duplicate clicks", "1");
    expect(popups).toEqual([]);
    expect(outside).toEqual([]);
  });

  it("ParamViewer documents a tool from its JSON; change fires; parameters open and close", async () => {
    const page = await suite.open("buttons-extra");
    await page.getByRole("button", { name: "Document", exact: true }).click();
    const docs = page.getByRole("region", { name: "get_forecast()" });
    await docs.locator("summary").first().waitFor();
    await expect(docs.locator("summary code").allTextContents()).resolves.toEqual([
      "location: str",
      "unit: Literal['celsius', 'fahrenheit']",
      "days: int",
      "hourly: bool",
    ]);
    // change ran a function with the ParamViewer as its input.
    await waitForValue(page, "Documented", "4 parameters: location, unit, days, hourly; required: location");

    const details = docs.locator("details");
    const openStates = () => details.evaluateAll((els) => els.map((d) => (d as HTMLDetailsElement).open));
    await expect(openStates()).resolves.toEqual([false, false, false, false]);
    // A click on a summary opens that parameter: its default and description show.
    await docs.locator("summary").nth(1).click();
    await expect(pollUntil(openStates, (s) => s[1] === true)).resolves.toEqual([false, true, false, false]);
    await expect(details.nth(1).locator(".vt-param-default").innerText()).resolves.toMatch(/default\s*= "celsius"/i);

    const toggle = docs.getByRole("button", { name: "Open All" });
    await toggle.click();
    await expect(pollUntil(openStates, (s) => s.every(Boolean))).resolves.toEqual([true, true, true, true]);
    // Descriptions are Markdown: bold text, and a link to elsewhere opening in a new tab (not followed).
    await expect(details.nth(0).locator(".vt-param-description strong").textContent()).resolves.toBe("Paris, France");
    const isoLink = details.nth(2).locator(".vt-param-description a");
    await expect(isoLink.getAttribute("href")).resolves.toBe("https://en.wikipedia.org/wiki/ISO_8601");
    await expect(isoLink.getAttribute("target")).resolves.toBe("_blank");
    // linkify: "Literal" in a type links to #h-literal.
    await expect(details.nth(1).locator("summary a[href='#h-literal']").textContent()).resolves.toBe("Literal");
    await docs.getByRole("button", { name: "Close All" }).click();
    await expect(pollUntil(openStates, (s) => s.every((o) => !o))).resolves.toEqual([false, false, false, false]);

    // Anchor links: each parameter has an id; the page's hash opens the one it names.
    await expect(details.evaluateAll((els) => els.map((d) => d.id))).resolves.toEqual([
      "param-tool-location",
      "param-tool-unit",
      "param-tool-days",
      "param-tool-hourly",
    ]);
    await expect(docs.getByRole("link", { name: "Link to parameter days" }).getAttribute("href")).resolves.toBe("#param-tool-days");
    await page.evaluate(() => {
      window.location.hash = "#param-tool-days";
    });
    await expect(pollUntil(openStates, (s) => s[2] === true)).resolves.toEqual([false, false, true, false]);
  });

  it("ParamViewer: a new value fires change again; the static viewer shows its documentation", async () => {
    const page = await suite.open("buttons-extra");
    const static_ = page.getByRole("region", { name: "vt.ClearButton(components, props)" });
    await expect(static_.locator("summary").allTextContents()).resolves.toEqual([
      "components: Component | Component[] | null",
      "value: str",
      "variant: Literal['primary', 'secondary', 'stop']",
      "size: Literal['sm', 'md', 'lg']",
    ]);
    await static_.locator("summary").nth(1).click();
    await expect(static_.locator("details").nth(1).locator(".vt-param-default code").textContent()).resolves.toBe('= "Clear"');
    await expect(static_.locator("details").nth(0).locator(".vt-param-description code").textContent()).resolves.toBe(".add()");

    // Edit the tool's JSON: a new value, and change fires again.
    const tool = page.getByLabel("Tool definition (JSON)");
    await tool.fill(JSON.stringify({ parameters: { properties: { q: { type: "string", description: "Query" }, n: { type: ["integer", "null"] } }, required: ["q"] } }));
    await page.getByRole("button", { name: "Document", exact: true }).click();
    await waitForValue(page, "Documented", "2 parameters: q, n; required: q");
    const docs = page.getByRole("region", { name: "get_forecast()" });
    await expect(docs.locator("summary code").allTextContents()).resolves.toEqual(["q: str", "n: int | None"]);
  });
});
