/**
 * Flagging from the page (issue 11): an Interface with an Image and a Textbox in and a Textbox
 * out, flagged with its plain "Flag" button and, in another, with "Flag as …" option buttons.
 * The CSV gets one row per click (the option in its `flag` column), the uploaded PNG is copied
 * beside it byte for byte, and the button shows "Saving..."/"Saved!" and then its label again.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** A 2×1 PNG (a red and a blue pixel), byte for byte. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==", "base64");

const dirs = { plain: mkdtempSync(join(tmpdir(), "vitrine-flag-page-")), options: mkdtempSync(join(tmpdir(), "vitrine-flag-page-")) };

function captioner(flagging_dir: string, flagging_options?: string[]) {
  return new vt.Interface({
    fn: (image: string | null, note: string) => `${note.toUpperCase()} (${image ? "with" : "without"} an image)`,
    inputs: [vt.Image({ label: "photo", type: "filepath" }), vt.Textbox({ label: "note" })],
    outputs: vt.Textbox({ label: "caption" }),
    flagging_dir,
    flagging_options,
    flagging_callback: new vt.CSVLogger({ verbose: false }),
  });
}

/** The dataset's rows once it holds `count` of them (header excluded). */
async function rowsOnceThere(dir: string, count: number): Promise<string[][]> {
  const file = join(dir, "dataset1.csv");
  const rows = await pollUntil(
    async () => (existsSync(file) ? ((await vt.readFlagged(file)) ?? []) : []),
    (r) => r.length >= count + 1,
  );
  expect(rows[0]).toEqual(["photo", "note", "caption", "flag", "username", "timestamp"]);
  return rows.slice(1);
}

/** Uploads the PNG, types a note and runs the function. */
async function fillAndSubmit(page: Page, note: string): Promise<void> {
  await page.locator(".vt-type-image input[type=file]").setInputFiles({ name: "pixels.png", mimeType: "image/png", buffer: PNG });
  await page.locator(".vt-type-image img").first().waitFor();
  await page.getByLabel("note", { exact: true }).fill(note);
  await page.getByRole("button", { name: "Submit" }).click();
  await waitForValue(page, "caption", `${note.toUpperCase()} (with an image)`);
}

describe("flagging from an Interface's page", () => {
  const suite = useBrowserSuite({
    "flag-plain": { create: () => captioner(dirs.plain), description: "Flag button" },
    "flag-options": { create: () => captioner(dirs.options, ["blurry", "wrong"]), description: "Flag as … buttons" },
  });

  it("Flag saves the inputs and output as a row, the image copied beside the CSV", async () => {
    const page = await suite.open("flag-plain");
    await fillAndSubmit(page, "a sunset");
    const flag = page.getByRole("button", { name: "Flag", exact: true });
    await flag.click();
    await page.getByRole("button", { name: "Saved!" }).waitFor();
    const [row] = await rowsOnceThere(dirs.plain, 1);
    expect(row!.slice(1, 5)).toEqual(["a sunset", "A SUNSET (with an image)", "", ""]);
    expect(row![0]).toMatch(/^photo\/[0-9a-f]{20}\/[^/]+\.png$/);
    expect(readFileSync(join(dirs.plain, row![0]!)).equals(PNG)).toBe(true);
    expect(Date.now() - Date.parse(row![5]!)).toBeLessThan(60_000);
    // The button comes back to its label.
    await flag.waitFor();
    await expect(flag.isEnabled()).resolves.toBe(true);
  });

  it("each option has its button, and its value goes to the flag column", async () => {
    const page = await suite.open("flag-options");
    await expect(page.getByRole("button", { name: /^Flag/ }).allTextContents()).resolves.toEqual(["Flag as blurry", "Flag as wrong"]);
    await fillAndSubmit(page, "a cat");
    await page.getByRole("button", { name: "Flag as wrong" }).click();
    await page.getByRole("button", { name: "Saved!" }).waitFor();
    await page.getByRole("button", { name: "Flag as wrong" }).waitFor();
    await page.getByLabel("note", { exact: true }).fill("a dog");
    await page.getByRole("button", { name: "Flag as blurry" }).click();
    const rows = await rowsOnceThere(dirs.options, 2);
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["a cat", "A CAT (with an image)", "wrong"],
      ["a dog", "A CAT (with an image)", "blurry"],
    ]);
    expect(rows[0]![0]).not.toBe(rows[1]![0]);
    for (const r of rows) expect(readFileSync(join(dirs.options, r[0]!)).equals(PNG)).toBe(true);
  });
});
