/**
 * The "Use via API" page in a real browser (issue 11): the panel lists each endpoint with its
 * parameters; its snippets, read from the page and run as written (Node for `@vitrine/client`
 * and `@gradio/client`, bash for curl), return what the page returns for the same inputs, at
 * the root of a gallery entry and mounted under a path; the Python snippet is checked for shape
 * (gradio_client is not installable here) and parsed by Python. The API recorder's snippet
 * reproduces the clicks made while it recorded.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect, promisify } from "node:util";
import type { Page } from "playwright-core";
import { axeViolations, describeViolations } from "@vitrine/component-test";
import { calculator, classifier, hello } from "@vitrine/demo-gallery";
import { Jimp } from "jimp";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";
import { serveMounted, type Served } from "./harness.js";

const run = promisify(execFile);

// Each test starts Node, curl and the page several times over: on a loaded machine that takes a while.
jest.setTimeout(120_000);

/** Snippets are written here, inside the integration package, so its node_modules resolve their imports. */
const packageDir = fileURLToPath(new URL("..", import.meta.url));
let scratch = "";
let fileCount = 0;

/** Runs a JavaScript snippet as an ES module with `node`; returns what it printed. */
async function runNode(source: string): Promise<string> {
  const file = join(scratch, `snippet-${++fileCount}.mjs`);
  writeFileSync(file, source);
  const { stdout } = await run("node", [file], { cwd: packageDir, timeout: 90_000 });
  return stdout;
}

/** Runs a curl snippet with bash; returns what it printed (the result's event stream). */
async function runBash(source: string): Promise<string> {
  const { stdout } = await run("bash", ["-c", source], { timeout: 90_000 });
  return stdout;
}

/** The data of each `event: complete` in a server-sent event stream, in order. */
function completedData(stream: string): unknown[] {
  return [...stream.matchAll(/^event: complete\r?\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
}

/** Opens the API panel from the footer and waits for its endpoints. */
async function openApiPanel(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Use via API" }).click();
  await page.getByRole("dialog", { name: "Use via API" }).waitFor();
  await page.locator(".vt-api-endpoint").first().waitFor();
}

/** The snippet labelled `label` in the open panel, as the page shows it. */
async function snippet(page: Page, label: string): Promise<string> {
  return (await page.getByRole("figure", { name: label }).locator("code").textContent()) ?? "";
}

/** Switches the panel to `language` (a tab). */
async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole("tab", { name: language, exact: true }).click();
  await expect(page.getByRole("tab", { name: language, exact: true }).getAttribute("aria-selected")).resolves.toBe("true");
}

/** The four snippets of one endpoint, by language tab. */
async function endpointSnippets(page: Page, apiName: string): Promise<Record<"vitrine" | "gradio" | "python" | "curl", string>> {
  const out = {} as Record<"vitrine" | "gradio" | "python" | "curl", string>;
  for (const [key, tab] of [["vitrine", "@vitrine/client"], ["gradio", "@gradio/client"], ["python", "Python"], ["curl", "cURL"]] as const) {
    await chooseLanguage(page, tab);
    out[key] = await snippet(page, `${tab} call of ${apiName}`);
  }
  await chooseLanguage(page, "@vitrine/client");
  return out;
}

/** The example value of each parameter, as the panel's table lists them (row header → Example cell). */
async function exampleValues(page: Page, apiName: string): Promise<Record<string, unknown>> {
  const table = page.getByRole("table", { name: `Parameters of ${apiName}` });
  const rows = await table.locator("tbody tr").all();
  const values: Record<string, unknown> = {};
  for (const row of rows) {
    const name = (await row.locator("th").textContent())!;
    values[name] = JSON.parse((await row.locator("td").nth(3).textContent())!);
  }
  return values;
}

/** Checks Python's snippet: its shape, and that Python parses it. */
async function checkPython(source: string, url: string, apiName: string, args: Record<string, unknown>): Promise<void> {
  expect(source.startsWith("from gradio_client import Client\n\n")).toBe(true);
  expect(source).toContain(`client = Client(${JSON.stringify(url)})`);
  for (const [name, value] of Object.entries(args)) expect(source).toContain(`    ${name}=${JSON.stringify(value)},\n`);
  expect(source).toContain(`    api_name=${JSON.stringify(apiName)},\n)\nprint(result)`);
  await run("python3", ["-c", "import ast, sys; ast.parse(sys.argv[1])", source]);
}

beforeAll(() => {
  scratch = mkdtempSync(join(packageDir, ".api-snippets-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("the API page in a browser", () => {
  const suite = useBrowserSuite({
    hello: { create: hello, description: "hello" },
    calculator: { create: calculator, description: "calculator" },
    classifier: { create: classifier, description: "image → label" },
  });
  let mounted: Served;
  beforeAll(async () => {
    mounted = await serveMounted(hello(), "/apps/demo");
  });
  afterAll(async () => {
    await mounted.close();
  });

  it("opens from the footer as a labelled dialog listing /predict's parameters; Escape closes it and focus returns", async () => {
    const page = await suite.open("hello");
    await openApiPanel(page);
    const dialog = page.getByRole("dialog", { name: "Use via API" });
    await expect(dialog.getByRole("heading", { name: "/predict" }).count()).resolves.toBe(1);
    const row = dialog.getByRole("table", { name: "Parameters of /predict" }).locator("tbody tr");
    await expect(row.allInnerTexts()).resolves.toEqual([expect.stringMatching(/^name\s+str\s+Textbox “name”\s+""\s+"Hello!!"$/)]);
    await expect(dialog.getByRole("tab").allTextContents()).resolves.toEqual(["@vitrine/client", "@gradio/client", "Python", "cURL"]);
    // Arrow keys move between the language tabs.
    await page.getByRole("tab", { name: "@vitrine/client" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "@gradio/client" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("@gradio/client");
    await page.keyboard.press("Escape");
    await expect(dialog.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Use via API");
  });

  it("is axe-clean in light and dark", async () => {
    for (const theme of ["light", "dark"]) {
      const page = suite.page;
      await page.goto(`${suite.url}calculator/?__theme=${theme}`);
      await page.locator("#vt-root .vt-app").waitFor();
      await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(theme === "dark");
      await openApiPanel(page);
      const violations = await axeViolations(page, [".vt-api-panel"]);
      expect(describeViolations(violations)).toBe("");
    }
  });

  it("copies a snippet with its copy button", async () => {
    const page = await suite.open("hello");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openApiPanel(page);
    await page.getByRole("button", { name: "Copy @vitrine/client call of /predict" }).click();
    const copy = page.getByRole("button", { name: "Copy @vitrine/client call of /predict" });
    await expect(pollUntil(() => copy.textContent(), (t) => t === "Copied")).resolves.toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await snippet(page, "@vitrine/client call of /predict"));
  });

  /** Reads /predict's snippets on the page at `url`, runs them, and compares with what the page returns for the same inputs. */
  async function snippetsReturnWhatThePageReturns(page: Page, url: string, fillAndSubmit: (args: Record<string, unknown>) => Promise<unknown>) {
    await openApiPanel(page);
    const args = await exampleValues(page, "/predict");
    const snippets = await endpointSnippets(page, "/predict");
    for (const source of [snippets.vitrine, snippets.gradio]) expect(source).toContain(`Client.connect(${JSON.stringify(url)})`);
    expect(snippets.vitrine).toContain(`from "@vitrine/client"`);
    expect(snippets.gradio).toContain(`from "@gradio/client"`);
    await checkPython(snippets.python, url, "/predict", args);

    const [fromVitrine, fromGradio, fromCurl] = await Promise.all([runNode(snippets.vitrine), runNode(snippets.gradio), runBash(snippets.curl)]);

    await page.keyboard.press("Escape");
    const shown = await fillAndSubmit(args);
    expect(fromVitrine).toBe(`${inspect([shown])}\n`);
    expect(fromGradio).toBe(`${inspect([shown])}\n`);
    expect(completedData(fromCurl)).toEqual([[shown]]);
  }

  it("hello: the snippets, run as written, return what the page returns", async () => {
    const page = await suite.open("hello");
    await snippetsReturnWhatThePageReturns(page, `${suite.url}hello/`, async ({ name }) => {
      await page.getByLabel("name", { exact: true }).fill(String(name));
      await page.getByRole("button", { name: "Submit" }).click();
      return waitForValue(page, "greeting", `Hello, ${String(name)}!`);
    });
  });

  it("calculator: the snippets, run as written, return what the page returns", async () => {
    const page = await suite.open("calculator");
    await snippetsReturnWhatThePageReturns(page, `${suite.url}calculator/`, async ({ a, operation, b }) => {
      await page.getByLabel("a", { exact: true }).fill(String(a));
      await page.getByRole("radio", { name: String(operation) }).check();
      await page.getByLabel("b", { exact: true }).fill(String(b));
      await page.getByRole("button", { name: "Submit" }).click();
      const shown = await pollUntil(() => fieldValue(page, "result"), (v) => v !== "");
      return Number(shown);
    });
  });

  it("an app mounted under /apps/demo: the snippets carry the mount path and work", async () => {
    const page = suite.page;
    await page.goto(mounted.url);
    await page.locator("#vt-root .vt-app").waitFor();
    await snippetsReturnWhatThePageReturns(page, mounted.url, async ({ name }) => {
      await page.getByLabel("name", { exact: true }).fill(String(name));
      await page.getByRole("button", { name: "Submit" }).click();
      return waitForValue(page, "greeting", `Hello, ${String(name)}!`);
    });
  });

  it("the recorder: a Submit clicked while recording gives snippets that reproduce it, quotes and all", async () => {
    const page = await suite.open("hello");
    await openApiPanel(page);
    await page.getByRole("button", { name: "Record API calls" }).click();
    await expect(page.getByRole("dialog").count()).resolves.toBe(0);
    const badge = page.getByRole("status").filter({ hasText: "Recording API calls" });
    await expect(badge.textContent()).resolves.toContain("[0]");
    const name = `O'Brien "the" \\ great`;
    await page.getByLabel("name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Submit" }).click();
    const shown = await waitForValue(page, "greeting", `Hello, ${name}!`);
    expect(shown).toBe(`Hello, ${name}!`);
    await expect(pollUntil(() => badge.textContent(), (t) => t?.includes("[1]") ?? false)).resolves.toContain("/predict");
    await badge.getByRole("button").click();
    await page.getByRole("dialog", { name: "Use via API" }).waitFor();
    await expect(page.getByRole("button", { name: "Record API calls" }).getAttribute("aria-pressed")).resolves.toBe("false");

    const recorded = await snippet(page, "Recorded calls, @vitrine/client");
    expect(recorded).toContain(`name: ${JSON.stringify(name)},`);
    await chooseLanguage(page, "@gradio/client");
    const recordedGradio = await snippet(page, "Recorded calls, @gradio/client");
    await chooseLanguage(page, "cURL");
    const recordedCurl = await snippet(page, "Recorded calls, cURL");
    await chooseLanguage(page, "Python");
    await checkPython(await snippet(page, "Recorded calls, Python"), `${suite.url}hello/`, "/predict", { name });

    await expect(runNode(recorded)).resolves.toBe(`${inspect([shown])}\n`);
    await expect(runNode(recordedGradio)).resolves.toBe(`${inspect([shown])}\n`);
    expect(completedData(await runBash(recordedCurl))).toEqual([[shown]]);
  });

  it("the recorder keeps several calls in order; Clear forgets them", async () => {
    const page = await suite.open("calculator");
    await openApiPanel(page);
    await page.getByRole("button", { name: "Record API calls" }).click();
    const results: number[] = [];
    for (const [a, operation, b] of [[3, "multiply", 4], [10, "divide", 4]] as const) {
      await page.getByLabel("a", { exact: true }).fill(String(a));
      await page.getByRole("radio", { name: operation }).check();
      await page.getByLabel("b", { exact: true }).fill(String(b));
      const before = await fieldValue(page, "result");
      await page.getByRole("button", { name: "Submit" }).click();
      results.push(Number(await pollUntil(() => fieldValue(page, "result"), (v) => v !== "" && v !== before)));
    }
    expect(results).toEqual([12, 2.5]);
    await page.getByRole("status").filter({ hasText: "Recording API calls" }).getByRole("button").click();
    await page.getByRole("dialog", { name: "Use via API" }).waitFor();
    const recorded = await snippet(page, "Recorded calls, @vitrine/client");
    await expect(runNode(recorded)).resolves.toBe(`${inspect([12])}\n${inspect([2.5])}\n`);
    await chooseLanguage(page, "cURL");
    expect(completedData(await runBash(await snippet(page, "Recorded calls, cURL")))).toEqual([[12], [2.5]]);
    await page.getByRole("button", { name: "Clear recorded calls" }).click();
    await expect(page.getByRole("figure", { name: "Recorded calls, cURL" }).count()).resolves.toBe(0);
  });

  it("files: the example image and an image dropped while recording are fetched for handle_file (JS), uploaded by curl, and classified alike", async () => {
    const page = await suite.open("classifier");
    await openApiPanel(page);
    // The documented call's example image is a file on this server: curl uploads it from its URL, then calls.
    const example = await endpointSnippets(page, "/predict");
    expect(example.curl).toMatch(/^FILE_1=\$\(curl -s http:\/\/127\.0\.0\.1:\d+\/classifier\/gradio_api\/file=\S+ \| curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/classifier\/gradio_api\/upload -F 'files=@-;filename=example.png'/);
    expect(example.python).toMatch(/image=handle_file\("http:\/\/127\.0\.0\.1:\d+\/classifier\/gradio_api\/file=\S+"\),/);
    const [exampleVitrine, exampleGradio, exampleCurl] = await Promise.all([runNode(example.vitrine), runNode(example.gradio), runBash(example.curl)]);
    const [exampleData] = completedData(exampleCurl) as [[{ label: string }]];
    expect(typeof exampleData[0].label).toBe("string");
    expect(exampleVitrine).toBe(`${inspect(exampleData)}\n`);
    expect(exampleGradio).toBe(`${inspect(exampleData)}\n`);
    await page.getByRole("button", { name: "Record API calls" }).click();
    const red = await new Jimp({ width: 16, height: 16, color: 0xdc141eff }).getBuffer("image/png");
    const area = page.getByRole("button", { name: /upload an image/ });
    const dataTransfer = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "red.png", { type: "image/png" }));
      return transfer;
    }, [...red]);
    await area.dispatchEvent("drop", { dataTransfer });
    await page.locator(".vt-type-image img").first().waitFor();
    await page.getByRole("button", { name: "Submit" }).click();
    await page.locator(".vt-type-label").getByText("red", { exact: true }).first().waitFor();
    await page.getByRole("status").filter({ hasText: "Recording API calls" }).getByRole("button").click();
    await page.getByRole("dialog", { name: "Use via API" }).waitFor();

    const recorded = await snippet(page, "Recorded calls, @vitrine/client");
    expect(recorded).toContain(`import { Client, handle_file } from "@vitrine/client";`);
    expect(recorded).toMatch(/^const file1 = new File\(\[await \(await fetch\("http:\/\/127\.0\.0\.1:\d+\/classifier\/gradio_api\/file=[^"]+"\)\)\.blob\(\)\], "red\.png"\);$/m);
    expect(recorded).toContain("  image: handle_file(file1),");
    await chooseLanguage(page, "@gradio/client");
    const recordedGradio = await snippet(page, "Recorded calls, @gradio/client");
    await chooseLanguage(page, "cURL");
    const recordedCurl = await snippet(page, "Recorded calls, cURL");
    await chooseLanguage(page, "Python");
    expect(await snippet(page, "Recorded calls, Python")).toContain("from gradio_client import Client, handle_file");

    const [fromVitrine, fromGradio, fromCurl] = await Promise.all([runNode(recorded), runNode(recordedGradio), runBash(recordedCurl)]);
    const [curlData] = completedData(fromCurl) as [[{ label: string }]];
    expect(curlData[0].label).toBe("red");
    expect(fromVitrine).toBe(`${inspect(curlData)}\n`);
    expect(fromGradio).toBe(`${inspect(curlData)}\n`);
  });
});
