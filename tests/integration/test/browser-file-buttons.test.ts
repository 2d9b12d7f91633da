/**
 * Files through the page, byte for byte (issue 8): an UploadButton's file reaches the function,
 * whose DownloadButton then downloads the same bytes; a File's upload comes back through an output
 * File's download link unchanged; a WAV's samples go through Audio (`type: "array"`) and back
 * exactly. Each through a real server and headless chromium.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { useBrowserSuite, waitForValue } from "./browser.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A mono 16-bit PCM WAV of `samples` at `rate`. */
function wav(samples: Int16Array, rate: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const head = Buffer.alloc(44);
  head.write("RIFF", 0);
  head.writeUInt32LE(36 + data.length, 4);
  head.write("WAVEfmt ", 8);
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write("data", 36);
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** The sample rate, channel count and 16-bit samples of a PCM WAV (walking its chunks). */
function readWav(bytes: Buffer): { rate: number; channels: number; bits: number; samples: Int16Array } {
  expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
  let at = 12;
  let rate = 0;
  let channels = 0;
  let bits = 0;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString("ascii", at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === "fmt ") {
      channels = bytes.readUInt16LE(at + 10);
      rate = bytes.readUInt32LE(at + 12);
      bits = bytes.readUInt16LE(at + 22);
    } else if (id === "data") {
      const data = Buffer.from(bytes.subarray(at + 8, at + 8 + size));
      return { rate, channels, bits, samples: new Int16Array(data.buffer, data.byteOffset, data.length / 2) };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error("no data chunk");
}

function filesDemo() {
  return vt.Blocks(() => {
    const upload = vt.UploadButton("Upload a report");
    const digest = vt.Textbox({ label: "Digest" });
    const download = vt.DownloadButton("Download the copy");
    upload.upload({
      fn: async (path: string | null) => {
        if (path === null) return ["", null] as const;
        return [sha(await readFile(path)), path] as const;
      },
      inputs: [upload],
      outputs: [digest, download],
    });

    const fileIn = vt.File({ label: "Original" });
    const fileOut = vt.File({ label: "Copy" });
    vt.Button("Copy the file").click({ fn: (path: string | null) => path, inputs: [fileIn], outputs: [fileOut] });

    const soundIn = vt.Audio({ label: "Sound", type: "array", sources: ["upload"] });
    const soundOut = vt.Audio({ label: "Echo", format: "wav" });
    const shape = vt.Textbox({ label: "Shape" });
    vt.Button("Echo the sound").click({
      fn: (sound: vt.AudioArray | string | null) => {
        if (sound === null || typeof sound === "string") throw new vt.Error("Upload a WAV");
        return [sound, `${sound.sample_rate} Hz, ${sound.channels} channel(s), ${sound.data.length} samples`] as const;
      },
      inputs: [soundIn],
      outputs: [soundOut, shape],
    });
  });
}

/** Chooses `bytes` (named `name`) in the file chooser the `open` click brings up. */
async function choose(page: Page, open: () => Promise<void>, name: string, mimeType: string, bytes: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open()]);
  await chooser.setFiles({ name, mimeType, buffer: bytes });
}

describe("files through the page, byte for byte", () => {
  const suite = useBrowserSuite({ files: { create: filesDemo, description: "upload and download buttons, File and Audio round trips" } });

  it("an UploadButton's file reaches the function; the DownloadButton downloads the same bytes", async () => {
    const page = await suite.open("files");
    const bytes = randomBytes(50_000);
    await choose(page, () => page.getByRole("button", { name: "Upload a report" }).click(), "report.bin", "application/octet-stream", bytes);
    await expect(waitForValue(page, "Digest", sha(bytes))).resolves.toBe(sha(bytes));
    const link = page.getByRole("link", { name: "Download the copy" });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("report.bin");
    const saved = await readFile((await download.path())!);
    expect(sha(saved)).toBe(sha(bytes));
  });

  it("a File's bytes come back unchanged through an output File's download link", async () => {
    const page = await suite.open("files");
    const bytes = randomBytes(80_000);
    await choose(page, () => page.getByRole("button", { name: "Original: upload a file" }).click(), "data.bin", "application/octet-stream", bytes);
    await page.getByRole("link", { name: "Download data.bin" }).first().waitFor();
    await page.getByRole("button", { name: "Copy the file" }).click();
    const out = page.locator(".vt-type-file").filter({ hasText: "Copy" }).getByRole("link", { name: "Download data.bin" });
    await out.waitFor();
    const res = await page.request.get((await out.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(sha(Buffer.from(await res.body()))).toBe(sha(bytes));
  });

  it("a WAV's samples go through Audio as an array and back exactly", async () => {
    const page = await suite.open("files");
    const rate = 16_000;
    const samples = new Int16Array(rate / 2);
    for (let i = 0; i < samples.length; i++) samples[i] = Math.round(12_000 * Math.sin((2 * Math.PI * 440 * i) / rate)) + ((i * 7) % 13);
    await choose(page, () => page.getByRole("button", { name: "Sound: upload an audio file" }).click(), "tone.wav", "audio/wav", wav(samples, rate));
    await page.locator(".vt-type-audio").filter({ hasText: "Sound" }).locator("audio").first().waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Echo the sound" }).click();
    const shape = `${rate} Hz, 1 channel(s), ${samples.length} samples`;
    await expect(waitForValue(page, "Shape", shape)).resolves.toBe(shape);
    const player = page.locator(".vt-type-audio").filter({ hasText: "Echo" }).locator("audio").first();
    await player.waitFor({ state: "attached" });
    const res = await page.request.get((await player.getAttribute("src"))!);
    expect(res.status()).toBe(200);
    const back = readWav(Buffer.from(await res.body()));
    expect([back.rate, back.channels, back.bits]).toEqual([rate, 1, 16]);
    expect(back.samples.length).toBe(samples.length);
    expect(Buffer.from(back.samples.buffer, back.samples.byteOffset, back.samples.byteLength).equals(Buffer.from(samples.buffer))).toBe(true);
  });
});
