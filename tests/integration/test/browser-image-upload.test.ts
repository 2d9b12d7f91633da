/**
 * The headline demo's other two ways in (issue 8): a PNG dropped on the Image's upload area and
 * a PNG pasted from the clipboard, each followed by Submit and the label's bars; and the
 * uploaded image's preview (and its download link) serve the uploaded PNG's exact bytes (the
 * classifier has no image output, so the preview is the file to check).
 */
import { describe, expect, it } from "@jest/globals";
import type { JSHandle, Page } from "playwright-core";
import { classifier } from "@vitrine/demo-gallery";
import { Jimp } from "jimp";
import { useBrowserSuite } from "./browser.js";

/** A PNG of one colour with a gradient in its first row, so that its bytes are not trivial. */
async function png(rgb: [number, number, number], size = 24): Promise<Buffer> {
  const image = new Jimp({ width: size, height: size, color: ((rgb[0] << 24) | (rgb[1] << 16) | (rgb[2] << 8) | 0xff) >>> 0 });
  for (let x = 0; x < size; x++) image.setPixelColor(((x * 10) << 24 | (rgb[1] << 16) | (rgb[2] << 8) | 0xff) >>> 0, x, 0);
  return image.getBuffer("image/png");
}

/** A DataTransfer in the page holding `bytes` as a PNG File named `name`. */
function pngTransfer(page: Page, bytes: Buffer, name: string): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(
    ({ data, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: "image/png" }));
      return transfer;
    },
    { data: [...bytes], name },
  );
}

/** Presses Submit and waits for the label to name `colour`, with its bars' percentages. */
async function submitAndSeeBars(page: Page, colour: string): Promise<void> {
  await page.getByRole("button", { name: "Submit" }).click();
  await page.locator(".vt-type-label").getByText(colour, { exact: true }).first().waitFor();
  await expect(page.locator(".vt-type-label").textContent()).resolves.toMatch(new RegExp(`${colour}[\\s\\S]*%`));
}

/** The bytes the page's preview image (and its download link) point at, fetched in the page's context. */
async function previewBytes(page: Page): Promise<{ img: Buffer; download: Buffer; downloadName: string | null }> {
  const img = page.locator(".vt-type-image img").first();
  await img.waitFor();
  const src = await img.evaluate((el) => (el as HTMLImageElement).src);
  const link = page.locator(".vt-type-image a[aria-label='Download']").first();
  const href = await link.evaluate((el) => (el as HTMLAnchorElement).href);
  const get = async (url: string) => {
    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    return Buffer.from(await res.body());
  };
  return { img: await get(src), download: await get(href), downloadName: await link.getAttribute("download") };
}

describe("the image classifier: drop and paste", () => {
  const suite = useBrowserSuite({ classifier: { create: classifier, description: "image → label" } });

  it("drop a PNG on the upload area, press Submit, see the bars; the preview serves the same bytes", async () => {
    const { page } = suite;
    await suite.open("classifier");
    const bytes = await png([220, 20, 30]);
    const area = page.getByRole("button", { name: /upload an image/ });
    const dataTransfer = await pngTransfer(page, bytes, "dropped.png");
    await area.dispatchEvent("dragenter", { dataTransfer });
    await area.dispatchEvent("dragover", { dataTransfer });
    await expect(area.getAttribute("data-dragging")).resolves.toBe("true");
    await area.dispatchEvent("drop", { dataTransfer });
    const served = await previewBytes(page);
    expect(served.img.equals(bytes)).toBe(true);
    expect(served.download.equals(bytes)).toBe(true);
    expect(served.downloadName).toBe("dropped.png");
    await submitAndSeeBars(page, "red");
  });

  it("paste a PNG from the clipboard on the upload area, press Submit, see the bars; the preview serves the same bytes", async () => {
    const { page } = suite;
    await suite.open("classifier");
    const bytes = await png([20, 30, 220]);
    const area = page.getByRole("button", { name: /upload an image/ });
    const clipboardData = await pngTransfer(page, bytes, "pasted.png");
    await area.evaluate((el, data) => {
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, clipboardData);
    const served = await previewBytes(page);
    expect(served.img.equals(bytes)).toBe(true);
    expect(served.download.equals(bytes)).toBe(true);
    await submitAndSeeBars(page, "blue");
  });

  it("a dropped file that is not an image is refused with a message, and nothing is uploaded", async () => {
    const { page } = suite;
    await suite.open("classifier");
    const uploads: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/upload")) uploads.push(r.url());
    });
    const area = page.getByRole("button", { name: /upload an image/ });
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["hello"], "notes.txt", { type: "text/plain" }));
      return transfer;
    });
    await area.dispatchEvent("dragover", { dataTransfer });
    await area.dispatchEvent("drop", { dataTransfer });
    await expect(page.locator(".vt-type-image [role='alert']").textContent()).resolves.toBe("That is not an image.");
    expect(uploads).toEqual([]);
  });
});
