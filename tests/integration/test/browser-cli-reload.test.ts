/**
 * `vitrine app.ts` hot reload in headless chromium (issue 13's "Must show"): the CLI runs a
 * TypeScript app file from a temp project; editing the file makes the open page show the new
 * version by itself — same URL and port, the typed input kept — `vt.NO_RELOAD` setup runs once,
 * and a broken save keeps the last good version served until the next good save.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { fieldValue, launchBrowser, pollUntil, waitForValue } from "./browser.js";
import { CliProcess, tempProject } from "./cli-process.js";

/** The app file: a name box and a greeting; `greeting`, `label` and `output` vary per version. */
function appSource(greeting: string, label: string): string {
  return `import * as vt from "vitrine";
import { punctuate } from "./helper.js";

const setupRun = vt.NO_RELOAD(() => {
  console.log("one-time setup ran");
  return Date.now();
});
console.log(\`app file ran: reloading=\${vt.reloading} setup=\${setupRun}\`);

const demo = vt.Blocks({ title: "Reload me" }, () => {
  const name = vt.Textbox({ label: "Name" });
  const out = vt.Textbox({ label: ${JSON.stringify(label)} });
  name.change({ fn: (n: string) => punctuate(\`${greeting} \${n}\`), inputs: [name], outputs: [out] });
});
await demo.launch();
`;
}

describe("vitrine app.ts reloads the open page on save", () => {
  let dir: string;
  let cli: CliProcess;
  let browser: Browser;
  let page: Page;
  let url: string;
  const pageErrors: string[] = [];
  let navigations = 0;

  beforeAll(async () => {
    dir = tempProject({ "app.ts": appSource("Hello", "Greeting"), "helper.ts": `export const punctuate = (s: string): string => s + ".";\n` });
    cli = new CliProcess(["app.ts", "--port", "0"], dir);
    url = (await cli.waitFor(/Running on local URL:\s+(http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
    await cli.waitFor(/Watching for changes/);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on("pageerror", (err) => pageErrors.push(err.message));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await cli?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the edited app without a manual refresh, on the same port, keeping the typed value", async () => {
    await page.goto(url);
    await page.getByLabel("Name", { exact: true }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Ada");
    expect(await waitForValue(page, "Greeting", "Hello Ada.")).toBe("Hello Ada.");
    const before = navigations;

    // A new label and a new function, in the app file; a new helper too.
    writeFileSync(join(dir, "helper.ts"), `export const punctuate = (s: string): string => s + "!";\n`);
    writeFileSync(join(dir, "app.ts"), appSource("Bonjour", "Salutation"));
    await page.getByLabel("Salutation", { exact: true }).waitFor({ timeout: 15_000 });

    expect(navigations).toBeGreaterThan(before); // the page reloaded itself
    expect(page.url()).toBe(url); // same URL, so same port
    expect(await fieldValue(page, "Name")).toBe("Ada"); // the typed value survived the reload
    // The new function (and the new helper) answer the next change.
    await page.getByLabel("Name", { exact: true }).fill("Ada L");
    expect(await waitForValue(page, "Salutation", "Bonjour Ada L!")).toBe("Bonjour Ada L!");
    expect(cli.stdout).toMatch(/reloading=true/);
    // The NO_RELOAD setup ran on the first run only; its result was kept for the re-run.
    expect(cli.stdout.match(/one-time setup ran/g)).toHaveLength(1);
    const setups = [...cli.stdout.matchAll(/setup=(\d+)/g)].map((m) => m[1]);
    expect(new Set(setups).size).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it("keeps serving the last good version after a broken save, and recovers on the next good one", async () => {
    const errorsBefore = cli.stderr.length;
    writeFileSync(join(dir, "app.ts"), `import * as vt from "vitrine";\nthrow new Error("broken on purpose");\n`);
    await cli.waitFor(/failed to run\. The last good version is still served[\s\S]*broken on purpose/);
    expect(cli.stderr.slice(errorsBefore)).toContain("app.ts");
    // Still the last good app: the page did not change, and a new page gets it too.
    expect(await page.getByLabel("Salutation", { exact: true }).isVisible()).toBe(true);
    const config = (await (await fetch(`${url}config`)).json()) as { components: { props: { label?: string } }[] };
    expect(config.components.map((c) => c.props.label)).toContain("Salutation");

    writeFileSync(join(dir, "app.ts"), appSource("Hey", "Answer"));
    await page.getByLabel("Answer", { exact: true }).waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(url);
    const name = await pollUntil(() => fieldValue(page, "Name"), (v) => v === "Ada L");
    expect(name).toBe("Ada L");
    expect(pageErrors).toEqual([]);
  });
});
