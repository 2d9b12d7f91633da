/**
 * AnnotatedImage in a real browser (the gallery's `annotated` demo): the overlays the server
 * painted sit on the image, the legend names them, hovering singles one out, and clicking an
 * annotation on the image (or in the legend) fires `select` with its index and label, which a
 * function writes to a Textbox.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { annotated } from "@vitrine/demo-gallery";
import { Jimp } from "jimp";
import { useBrowserSuite, waitForValue } from "./browser.js";

const WIDTH = 320;
const HEIGHT = 200;

/** Clicks the point (x, y), in the base image's pixels, of the annotated image. */
async function clickImageAt(page: Page, x: number, y: number): Promise<void> {
  const box = (await page.locator(".vt-type-annotatedimage img.vt-annotated-base").boundingBox())!;
  await page.mouse.click(box.x + ((x + 0.5) * box.width) / WIDTH, box.y + ((y + 0.5) * box.height) / HEIGHT);
}

describe("AnnotatedImage in the browser", () => {
  const suite = useBrowserSuite({ annotated: { create: annotated, description: "AnnotatedImage" } });

  it("shows the image with one overlay per annotation, painted by the server, and a legend", async () => {
    const page = await suite.open("annotated");
    const legend = page.getByRole("list", { name: "Detections: legend" });
    await legend.waitFor();
    await expect(legend.getByRole("button").allTextContents()).resolves.toEqual(["house", "car", "sun"]);
    const masks = page.locator(".vt-type-annotatedimage img.vt-annotated-mask");
    await expect(masks.count()).resolves.toBe(3);
    // The "house" overlay (color_map #ff7f0e): its box's border is solid, inside half-transparent, outside clear.
    const src = await masks.nth(0).evaluate((el) => (el as HTMLImageElement).src);
    const res = await page.request.get(src);
    expect(res.status()).toBe(200);
    const { bitmap } = await Jimp.fromBuffer(await res.body());
    const at = (x: number, y: number) => [...bitmap.data.subarray((y * bitmap.width + x) * 4, (y * bitmap.width + x) * 4 + 4)];
    expect([bitmap.width, bitmap.height]).toEqual([WIDTH, HEIGHT]);
    expect(at(30, 70)).toEqual([255, 127, 14, 255]);
    expect(at(80, 120)).toEqual([255, 127, 14, 128]);
    expect(at(200, 20)[3]).toBe(0);
  });

  it("clicking an annotation on the image fires select with its index; the function's output shows it", async () => {
    const page = await suite.open("annotated");
    await page.getByRole("list", { name: "Detections: legend" }).waitFor();
    await page.locator(".vt-type-annotatedimage img.vt-annotated-mask").nth(2).evaluate((el) => (el as HTMLImageElement).decode());
    await clickImageAt(page, 235, 140); // inside the car's box
    await expect(waitForValue(page, "selected annotation", "1: car")).resolves.toBe("1: car");
    await clickImageAt(page, 250, 50); // the sun's disc
    await expect(waitForValue(page, "selected annotation", "2: sun")).resolves.toBe("2: sun");
    await clickImageAt(page, 60, 100); // inside the house's box
    await expect(waitForValue(page, "selected annotation", "0: house")).resolves.toBe("0: house");
  });

  it("hovering a legend item highlights its annotation and dims the others; clicking it selects it", async () => {
    const page = await suite.open("annotated");
    const legend = page.getByRole("list", { name: "Detections: legend" });
    await legend.waitFor();
    const masks = page.locator(".vt-type-annotatedimage img.vt-annotated-mask");
    await legend.getByRole("button", { name: "car" }).hover();
    await expect(masks.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).resolves.toEqual(["dimmed", "active", "dimmed"]);
    const opacity = await masks.nth(0).evaluate((el) => new Promise<string>((r) => setTimeout(() => r(getComputedStyle(el).opacity), 300)));
    expect(Number(opacity)).toBeLessThan(0.5);
    await legend.getByRole("button", { name: "sun" }).click();
    await expect(waitForValue(page, "selected annotation", "2: sun")).resolves.toBe("2: sun");
  });
});
