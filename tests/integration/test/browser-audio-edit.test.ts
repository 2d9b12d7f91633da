/**
 * The Audio's waveform and editing in a real browser, through a real server: an uploaded 2 s
 * WAV (a sine whose amplitude grows, written by wavefile through `vt.encodeWav`) is drawn as a
 * waveform; half of it selected with the mouse and trimmed reaches the function as about 1 s of
 * the same samples; "Undo trim" brings the 2 s back; an input shorter than `min_length` is
 * refused with a clear message; and with `max_length: 1` chromium's fake microphone recording
 * stops by itself after about a second.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { pollUntil, useBrowserSuite } from "./browser.js";

const RATE = 44_100;

/** 2 s of a 440 Hz sine whose amplitude grows from 6000 to 10000: no two periods alike, so an offset is found from the samples. */
function sine(): Int16Array {
  const frames = 2 * RATE;
  const samples = new Int16Array(frames);
  for (let i = 0; i < frames; i++) samples[i] = Math.round((6000 + (4000 * i) / frames) * Math.sin((2 * Math.PI * 440 * i) / RATE));
  return samples;
}

/** What the function reports of the audio it got: rate, channels, frames and its first samples. */
interface Report { rate: number; channels: number; frames: number; head: number[] }

function editDemo() {
  return vt.Blocks(() => {
    const clip = vt.Audio({ label: "Sine", sources: ["upload"], waveform_options: { waveform_progress_color: "#ff0000" } });
    const about = vt.Textbox({ label: "About" });
    vt.Button("Submit").click({
      fn: (audio: vt.AudioArray | null) =>
        audio
          ? JSON.stringify({ rate: audio.sample_rate, channels: audio.channels, frames: audio.data.length / audio.channels, head: [...audio.data.slice(0, 400)] })
          : "none",
      inputs: [clip],
      outputs: [about],
    });
    const long = vt.Audio({ label: "Minimum three seconds", sources: ["upload"], min_length: 3 });
    const longAbout = vt.Textbox({ label: "Long about" });
    vt.Button("Check the long clip").click({ fn: (audio: vt.AudioArray | null) => (audio ? "accepted" : "none"), inputs: [long], outputs: [longAbout] });
  });
}

function recordDemo() {
  return vt.Blocks(() => {
    const voice = vt.Audio({ label: "Voice", sources: ["microphone"], max_length: 1 });
    const length = vt.Textbox({ label: "Length" });
    vt.Button("Measure").click({
      fn: (audio: vt.AudioArray | null) => (audio ? String(audio.data.length / audio.channels / audio.sample_rate) : "none"),
      inputs: [voice],
      outputs: [length],
    });
  });
}

/** Uploads `bytes` as `name` through the upload area labelled `label`. */
async function uploadWav(page: Page, label: string, name: string, bytes: Uint8Array): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: `${label}: upload an audio file`, exact: true }).click()]);
  await chooser.setFiles({ name, mimeType: "audio/wav", buffer: Buffer.from(bytes) });
}

/** Presses `button` and returns the text field `label` once it changes from `before`. */
async function pressAndRead(page: Page, button: string, label: string, before: string): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  const value = await pollUntil(() => page.getByLabel(label, { exact: true }).inputValue(), (v) => v !== "" && v !== before, 20_000);
  expect(value).not.toBe(before);
  return value;
}

describe("Audio: waveform and trimming", () => {
  const suite = useBrowserSuite({
    edit: { create: editDemo, description: "audio trimming" },
    record: { create: recordDemo, description: "audio max_length" },
  }, { fakeMedia: true });

  it("draws the waveform, trims half of it with the mouse, and the function gets ~1 s of the same samples; undo restores 2 s", async () => {
    const page = await suite.open("edit");
    const samples = sine();
    await uploadWav(page, "Sine", "sine.wav", vt.encodeWav({ sample_rate: RATE, channels: 1, data: samples }));
    const clip = page.locator(".vt-type-audio").filter({ hasText: "Sine" }).first();
    const wave = clip.getByTestId("waveform");
    await wave.waitFor();

    // The canvas is drawn: pixels that are not the (transparent) background.
    const drawn = await pollUntil(
      () => clip.locator(".vt-audio-wave canvas").evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      }),
      (n) => n > 500,
    );
    expect(drawn).toBeGreaterThan(500);

    // The whole clip first: 2 s.
    const whole = JSON.parse(await pressAndRead(page, "Submit", "About", "")) as Report;
    expect(whole.frames).toBe(samples.length);

    // Select from a quarter to three quarters of the waveform with the mouse.
    const box = (await wave.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.25, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 5 });
    await page.mouse.up();
    const region = clip.locator(".vt-audio-region");
    await region.waitFor();
    const start = Number(await region.getAttribute("data-start"));
    const end = Number(await region.getAttribute("data-end"));
    expect(start).toBeCloseTo(0.5, 1);
    expect(end).toBeCloseTo(1.5, 1);
    await expect(clip.getByRole("slider", { name: "Trim start" }).getAttribute("aria-valuenow")).resolves.toBe(String(Number(start.toFixed(3))));

    await clip.getByRole("button", { name: "Trim", exact: true }).click();
    await clip.getByRole("button", { name: "Undo trim" }).waitFor();
    await wave.waitFor();
    const trimmed = JSON.parse(await pressAndRead(page, "Submit", "About", JSON.stringify(whole))) as Report;
    expect(trimmed.rate).toBe(RATE);
    expect(trimmed.channels).toBe(1);
    expect(trimmed.frames / RATE).toBeGreaterThan(0.9);
    expect(trimmed.frames / RATE).toBeLessThan(1.1);
    expect(Math.abs(trimmed.frames - Math.round((end - start) * RATE))).toBeLessThanOrEqual(2 * 0.0005 * RATE + 1);
    // The samples are the original's from the region's start: find the offset near it, then compare.
    const guess = Math.round(start * RATE);
    let best = { offset: -1, error: Infinity };
    for (let offset = guess - 60; offset <= guess + 60; offset++) {
      let error = 0;
      for (let k = 0; k < trimmed.head.length; k++) error = Math.max(error, Math.abs(trimmed.head[k]! - samples[offset + k]!));
      if (error < best.error) best = { offset, error };
    }
    expect(best.error).toBeLessThanOrEqual(2);
    expect(Math.abs(best.offset - guess)).toBeLessThanOrEqual(23);
    for (const k of [0, 1, 57, 123, 399]) expect(Math.abs(trimmed.head[k]! - samples[best.offset + k]!)).toBeLessThanOrEqual(2);

    // Undo: the 2 s clip again.
    await clip.getByRole("button", { name: "Undo trim" }).click();
    await clip.getByRole("button", { name: "Undo trim" }).waitFor({ state: "detached" });
    const restored = JSON.parse(await pressAndRead(page, "Submit", "About", JSON.stringify(trimmed))) as Report;
    expect(restored.frames).toBe(samples.length);
    expect(restored.head).toEqual(whole.head);
  });

  it("moves the trim handles with the keyboard", async () => {
    const page = await suite.open("edit");
    await uploadWav(page, "Sine", "sine.wav", vt.encodeWav({ sample_rate: RATE, channels: 1, data: sine() }));
    const clip = page.locator(".vt-type-audio").filter({ hasText: "Sine" }).first();
    const startHandle = clip.getByRole("slider", { name: "Trim start" });
    await startHandle.waitFor();
    const trim = clip.getByRole("button", { name: "Trim", exact: true });
    await expect(trim.isDisabled()).resolves.toBe(true);
    await startHandle.focus();
    await page.keyboard.press("Shift+ArrowRight");
    await expect(startHandle.getAttribute("aria-valuenow")).resolves.toBe("1");
    await expect(trim.isDisabled()).resolves.toBe(false);
    await trim.click();
    await clip.getByRole("button", { name: "Undo trim" }).waitFor();
    const report = JSON.parse(await pressAndRead(page, "Submit", "About", "")) as Report;
    expect(report.frames).toBe(RATE);
  });

  it("refuses audio shorter than min_length with a clear message", async () => {
    const page = await suite.open("edit");
    await uploadWav(page, "Minimum three seconds", "short.wav", vt.encodeWav({ sample_rate: RATE, channels: 1, data: sine() }));
    await page.locator(".vt-type-audio").filter({ hasText: "Minimum three seconds" }).getByTestId("waveform").waitFor();
    await page.getByRole("button", { name: "Check the long clip" }).click();
    await page.getByText("Audio is too short (2 s): it must be at least 3 s long.").first().waitFor({ timeout: 20_000 });
    expect(await page.getByLabel("Long about", { exact: true }).inputValue()).toBe("");
  });

  it("stops recording by itself at max_length: the function gets about a second", async () => {
    const page = await suite.open("record");
    const voice = page.locator(".vt-type-audio").filter({ hasText: "Voice" }).first();
    await voice.getByRole("button", { name: "● Record" }).click();
    await voice.getByRole("img", { name: "Recording waveform" }).waitFor();
    // Nobody presses Stop: the recorder stops, and the recording becomes the value.
    await voice.locator("audio").waitFor({ state: "attached", timeout: 15_000 });
    await expect(voice.getByRole("button", { name: "■ Stop" }).count()).resolves.toBe(0);
    const seconds = Number(await pressAndRead(page, "Measure", "Length", ""));
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThanOrEqual(1.2);
  });
});
