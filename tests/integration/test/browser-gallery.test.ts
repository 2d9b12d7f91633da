/**
 * The `images` demo in a real browser: a Gallery of generated squares (thumbnails, the preview
 * with its caption, the arrow keys and Escape, the select event reaching a function), upload
 * into an interactive Gallery reaching a function, and an ImageSlider's two images and its
 * slider moved by keyboard and by dragging; a SimpleImage's file handed back and shown byte for byte.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { images } from "@vitrine/demo-gallery";
import { Jimp } from "jimp";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** A PNG of `width` x `height` in one colour. */
async function png(width: number, height: number, rgba: number): Promise<Buffer> {
  return new Jimp({ width, height, color: rgba }).getBuffer("image/png");
}

/** The RGB of the top-left pixel of the image an <img> shows, fetched and decoded here. */
async function topLeftPixel(page: Page, src: string): Promise<[number, number, number]> {
  const res = await page.request.get(src);
  expect(res.status()).toBe(200);
  const image = await Jimp.fromBuffer(Buffer.from(await res.body()));
  const [r, g, b] = image.bitmap.data;
  return [r!, g!, b!];
}

/** Sets "How many", presses Generate and waits for `n` thumbnails in the Colours gallery. */
async function generate(page: Page, n: number) {
  await page.getByLabel("How many", { exact: true }).fill(String(n));
  await page.getByRole("button", { name: "Generate" }).click();
  const thumbs = page.getByRole("list", { name: "Colours" }).getByRole("button");
  await pollUntil(() => thumbs.count(), (c) => c === n);
  return thumbs;
}

describe("the images demo: Gallery and ImageSlider", () => {
  const suite = useBrowserSuite({ images: { create: images, description: "gallery, upload gallery, image slider" } });

  it("shows N thumbnails; a click opens the preview with its caption, ArrowRight moves on, Escape closes; select reaches the function", async () => {
    const { page } = suite;
    await suite.open("images");
    const thumbs = await generate(page, 5);
    await expect(thumbs.count()).resolves.toBe(5);
    await expect(thumbs.nth(1).getAttribute("aria-label")).resolves.toBe("Image 2: 2: orange");
    // Every thumbnail has loaded its image.
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>(".vt-gallery-grid img")].every((i) => i.complete && i.naturalWidth === 96));

    await thumbs.nth(1).click();
    const preview = page.getByRole("dialog", { name: "Colours preview" });
    await preview.waitFor();
    await expect(preview.locator(".vt-gallery-preview-caption").textContent()).resolves.toBe("2: orange");
    await waitForValue(page, "Selected", "You picked image 2 (2: orange)");
    // The large image is the returned PNG, pixel for pixel: orange at its top-left corner.
    const large = preview.locator("img.vt-gallery-large");
    await expect(topLeftPixel(page, (await large.getAttribute("src"))!)).resolves.toEqual([240, 140, 30]);

    await page.keyboard.press("ArrowRight");
    await pollUntil(() => preview.locator(".vt-gallery-preview-caption").textContent(), (t) => t === "3: yellow");
    await expect(preview.locator(".vt-gallery-preview-caption").textContent()).resolves.toBe("3: yellow");
    await waitForValue(page, "Selected", "You picked image 3 (3: yellow)");
    await expect(topLeftPixel(page, (await large.getAttribute("src"))!)).resolves.toEqual([235, 210, 40]);

    await page.getByRole("button", { name: "Next image" }).click();
    await waitForValue(page, "Selected", "You picked image 4 (4: green)");

    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "detached" });
    await expect(page.getByRole("list", { name: "Colours" }).getByRole("button").count()).resolves.toBe(5);
  });

  it("uploads images into the interactive gallery, and the function receives them", async () => {
    const { page } = suite;
    await suite.open("images");
    const mine = page.locator(".vt-type-gallery").filter({ has: page.getByText("Your images", { exact: true }) });
    await mine.getByRole("button", { name: "Your images: upload images" }).waitFor();
    await mine.locator('input[type="file"]').setInputFiles([
      { name: "wide.png", mimeType: "image/png", buffer: await png(24, 16, 0x3366ccff) },
      { name: "small.png", mimeType: "image/png", buffer: await png(10, 10, 0xcc3333ff) },
    ]);
    await waitForValue(page, "Uploaded", "2 image(s): 24×16, 10×10");
    await expect(page.getByRole("list", { name: "Your images" }).getByRole("button", { name: /^Image \d$/ }).count()).resolves.toBe(2);
  });

  it("shows both images of the ImageSlider and moves the slider by keyboard and by dragging", async () => {
    const { page } = suite;
    await suite.open("images");
    await generate(page, 2);
    const first = page.getByRole("img", { name: "Before / after: first image" });
    const second = page.getByRole("img", { name: "Before / after: second image" });
    await first.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>(".vt-imageslider img")].every((i) => i.complete && i.naturalWidth === 96));
    // The first is the red square, the second its negative.
    await expect(topLeftPixel(page, (await first.getAttribute("src"))!)).resolves.toEqual([220, 40, 40]);
    await expect(topLeftPixel(page, (await second.getAttribute("src"))!)).resolves.toEqual([35, 215, 215]);

    const knob = page.getByRole("slider", { name: "Before / after: slider position" });
    await expect(knob.getAttribute("aria-valuenow")).resolves.toBe("50");
    await knob.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await expect(knob.getAttribute("aria-valuenow")).resolves.toBe("61");
    await page.keyboard.press("Home");
    await expect(knob.getAttribute("aria-valuenow")).resolves.toBe("0");
    await expect(first.evaluate((el) => (el as HTMLElement).style.clipPath)).resolves.toBe("inset(0px 100% 0px 0px)");

    // Drag from a quarter of the way across to three quarters.
    const box = (await page.locator(".vt-slider-stack").boundingBox())!;
    expect(box.width).toBeGreaterThan(50);
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await page.mouse.down();
    await expect(knob.getAttribute("aria-valuenow").then(Number)).resolves.toBeCloseTo(25, 0);
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(knob.getAttribute("aria-valuenow").then(Number)).resolves.toBeCloseTo(75, 0);
    // What shows left of the slider is the first image, right of it the second.
    const clip = await first.evaluate((el) => (el as HTMLElement).style.clipPath);
    expect(clip).toMatch(/^inset\(0px 2[45](\.\d+)?% 0px 0px\)$/);
  });

  it("hands a SimpleImage's upload to the function as a path, and shows the returned file byte for byte", async () => {
    const { page } = suite;
    await suite.open("images");
    // A PNG with bytes after its end: any re-encoding would drop them.
    const bytes = Buffer.concat([await png(12, 8, 0x22aa44ff), Buffer.from("vitrine: as is")]);
    const given = page.locator(".vt-type-simpleimage").filter({ has: page.getByText("Upload a file", { exact: true }) });
    await given.getByRole("button", { name: "Upload a file: upload an image" }).waitFor();
    await given.locator('input[type="file"]').setInputFiles({ name: "asis.png", mimeType: "image/png", buffer: bytes });
    const shown = page.getByRole("img", { name: "Returned as is" });
    await shown.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img[alt="Returned as is"]');
      return img !== null && img.complete && img.naturalWidth === 12;
    });
    const res = await page.request.get((await shown.getAttribute("src"))!);
    expect(Buffer.from(await res.body()).equals(bytes)).toBe(true);
    const download = page.locator(".vt-type-simpleimage").filter({ has: shown }).getByRole("link", { name: "Download" });
    await expect(download.getAttribute("download")).resolves.toBe("asis.png");
  });
});
