/**
 * JSON, HTML and HighlightedText in a real browser (the gallery's `textdata` demo): the JSON tree
 * folds and unfolds; HTML with an `onerror` image, a `<script>` and a `javascript:` link shows its
 * safe markup and runs nothing; HighlightedText shows its legend and spans, and `select` carries
 * the span's index to a function. Then each value round trips through `@gradio/client`.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { textdata } from "@vitrine/demo-gallery";
import { useBrowserSuite, waitForValue } from "./browser.js";

describe("JSON, HTML and HighlightedText in the browser", () => {
  const suite = useBrowserSuite({ textdata: { create: textdata, description: "text and data components" } });

  it("JSON: Parse shows a tree whose nested object expands and collapses from the keyboard and the mouse", async () => {
    const page = await suite.open("textdata");
    await page.getByRole("button", { name: "Parse", exact: true }).click();
    const tree = page.getByRole("tree", { name: "Parsed" });
    await tree.getByText('"Ada"').waitFor();
    const expand = tree.getByRole("button", { name: 'Expand "born"' });
    await expect(expand.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(tree.getByText("1815").count()).resolves.toBe(0);
    await expand.focus();
    await page.keyboard.press("Enter");
    await tree.getByText("1815").waitFor();
    await expect(tree.getByRole("button", { name: 'Collapse "born"' }).getAttribute("aria-expanded")).resolves.toBe("true");
    await tree.getByRole("button", { name: 'Collapse "born"' }).click();
    await expect(tree.getByText("1815").count()).resolves.toBe(0);
    // The parsed value goes back to the server as an input.
    await page.getByRole("button", { name: "Describe", exact: true }).click();
    await page.getByRole("tree", { name: "Shape" }).getByText('"born"').waitFor();
  });

  it("HTML: the safe markup shows; the onerror image, the script and the javascript: link run nothing", async () => {
    const page = await suite.open("textdata");
    await page.getByRole("button", { name: "Render", exact: true }).click();
    const region = page.getByRole("region", { name: "Rendered" });
    await region.locator("h3.card-title").getByText("Safe title").waitFor();
    await expect(region.locator("b").textContent()).resolves.toBe("bold");
    await expect(region.locator("script").count()).resolves.toBe(0);
    await expect(region.locator("img").getAttribute("onerror")).resolves.toBeNull();
    await region.getByText("a link").click();
    // Give a failed image load time to fire its handler, had it survived.
    await page.waitForTimeout(500);
    await expect(page.evaluate(() => (window as unknown as { __vtPwned?: string }).__vtPwned)).resolves.toBeUndefined();
    // The control: the same HTML inserted unsanitized does run its onerror handler, on this app's
    // page opened without its script policy (which, with the sanitizer, refuses inline handlers too).
    const source = await page.getByLabel("HTML source").inputValue();
    const open = await page.context().browser()!.newContext({ bypassCSP: true });
    const control = await open.newPage();
    await control.goto(page.url());
    await expect(control.evaluate(async (html) => {
      const div = document.createElement("div");
      div.innerHTML = html;
      document.body.appendChild(div);
      for (let i = 0; i < 50 && !(window as unknown as { __vtPwned?: string }).__vtPwned; i++) await new Promise((r) => setTimeout(r, 20));
      div.remove();
      return (window as unknown as { __vtPwned?: string }).__vtPwned;
    }, source)).resolves.toBe("img");
    await open.close();
    // A click on the HTML fires its click event.
    await waitForValue(page, "HTML clicks", "1");
    await page.getByRole("button", { name: "Measure", exact: true }).click();
    const expected = `${(await page.getByLabel("HTML source").inputValue()).length} characters`;
    await expect(waitForValue(page, "HTML length", expected)).resolves.toBe(expected);
  });

  it("HighlightedText: the legend and spans show, and select carries the span index", async () => {
    const page = await suite.open("textdata");
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    const tagged = page.locator(".vt-highlightedtext").filter({ has: page.getByRole("group", { name: "Tagged" }) });
    const legend = tagged.getByRole("list", { name: "Legend" });
    await legend.getByText("NAME").waitFor();
    await expect(legend.locator("li").allTextContents()).resolves.toEqual(["NAME", "NUMBER"]);
    const spans = tagged.locator(".vt-hl-span");
    await expect(spans.allTextContents()).resolves.toEqual(["AdaNAME", " met ", "AlanNAME", " in ", "LondonNAME", " in ", "1835NUMBER"]);
    await spans.nth(4).click();
    await waitForValue(page, "Selected span", "4: London (NAME)");
    await spans.nth(6).click();
    await waitForValue(page, "Selected span", "6: 1835 (NUMBER)");
  });

  it("HighlightedText as an input: an edited label reaches the function", async () => {
    const page = await suite.open("textdata");
    const label = page.getByLabel("Span 2 label", { exact: true });
    await label.fill("PLACE");
    await label.blur();
    await page.getByRole("button", { name: "Count labels", exact: true }).click();
    const counts = page.getByRole("tree", { name: "Label counts" });
    await counts.getByText('"PLACE"').waitFor();
    await expect(counts.textContent()).resolves.toContain('"ANIMAL": 1');
  });

  it("each value round trips through @gradio/client", async () => {
    const client = await Client.connect(`${suite.url}textdata/`);
    const api = await client.view_api();
    expect(api.named_endpoints["/tag"]!.returns[0]).toMatchObject({ label: "Tagged", component: "Highlightedtext" });
    expect(api.named_endpoints["/count_labels"]!.parameters[0]).toMatchObject({ label: "Editable spans", component: "Highlightedtext" });
    expect(api.named_endpoints["/describe_json"]!.parameters[0]).toMatchObject({ label: "Parsed", component: "Json" });
    const parsed = await client.predict("/parse_json", ['{"a": [1, {"b": null}]}']);
    expect(parsed.data).toEqual([{ a: [1, { b: null }] }]);
    const shape = await client.predict("/describe_json", [[1, 2, 3]]);
    expect(shape.data).toEqual([{ type: "array", length: 3 }]);
    const html = await client.predict("/render_html", ["<b>x</b>"]);
    expect(html.data).toEqual(["<b>x</b>"]);
    const measured = await client.predict("/measure_html", ["<i>yy</i>"]);
    expect(measured.data).toEqual(["9 characters"]);
    const tagged = await client.predict("/tag", ["Hi Bo 7"]);
    expect(tagged.data).toEqual([[
      { token: "Hi", class_or_confidence: "NAME" }, { token: " ", class_or_confidence: null },
      { token: "Bo", class_or_confidence: "NAME" }, { token: " ", class_or_confidence: null },
      { token: "7", class_or_confidence: "NUMBER" },
    ]]);
    const counted = await client.predict("/count_labels", [[
      { token: "a", class_or_confidence: "X" }, { token: "b", class_or_confidence: "X" }, { token: "c", class_or_confidence: null },
    ]]);
    expect(counted.data).toEqual([{ X: 2, none: 1 }]);
  });
});
