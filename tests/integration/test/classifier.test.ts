/**
 * Gradio's headline demo, `Interface(fn, inputs: "image", outputs: "label")`: in the browser
 * (upload a PNG, see the bars) and from Gradio's official JS client and Vitrine's.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient, handle_file as gradioHandleFile } from "@gradio/client";
import { Client, handle_file } from "@vitrine/client";
import { classifier } from "@vitrine/demo-gallery";
import { Jimp } from "jimp";
import { serveAtRoot, type Served } from "./harness.js";
import { useBrowserSuite } from "./browser.js";

/** A PNG of one colour. */
async function png(rgb: [number, number, number], size = 16): Promise<Buffer> {
  const image = new Jimp({ width: size, height: size, color: ((rgb[0] << 24) | (rgb[1] << 16) | (rgb[2] << 8) | 0xff) >>> 0 });
  return image.getBuffer("image/png");
}

type LabelData = { label: string; confidences: { label: string; confidence: number }[] };

describe("the image classifier in a browser", () => {
  const suite = useBrowserSuite({ classifier: { create: classifier, description: "image → label" } });

  it("upload a PNG with the file chooser, press Submit, see the bars", async () => {
    const { page } = suite;
    await suite.open("classifier");
    const file = join(mkdtempSync(join(tmpdir(), "vt-png-")), "red.png");
    writeFileSync(file, await png([220, 20, 30]));
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: /upload an image/ }).click();
    await (await chooser).setFiles(file);
    await page.locator(".vt-type-image img").first().waitFor();
    await page.getByRole("button", { name: "Submit" }).click();
    const heading = page.locator(".vt-type-label").getByText("red", { exact: true }).first();
    await heading.waitFor();
    await expect(page.locator(".vt-type-label").textContent()).resolves.toMatch(/red[\s\S]*%/);
  });
});

describe("the image classifier from code", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveAtRoot(classifier());
  });
  afterAll(async () => {
    await served.close();
  });

  it("@gradio/client uploads a PNG and gets the label", async () => {
    const client = await GradioClient.connect(served.url);
    const result = await client.predict("/predict", [gradioHandleFile(new Blob([new Uint8Array(await png([20, 200, 30]))], { type: "image/png" }))]);
    const label = result.data as [LabelData];
    expect(label[0].label).toBe("green");
    expect(label[0].confidences[0]!.label).toBe("green");
  });

  it("@vitrine/client uploads a PNG and gets the label", async () => {
    const client = await Client.connect(served.url);
    const result = await client.predict("/predict", [handle_file(await png([20, 30, 220]))]);
    expect((result.data[0] as LabelData).label).toBe("blue");
    client.close();
  });
});
