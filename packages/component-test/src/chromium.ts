import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium, or `CHROMIUM_PATH`; tests fail (never skip) when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium's fake camera and microphone, granted without a prompt. */
export const FAKE_MEDIA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"];

/** Options of {@link launchChromium}. */
export interface ChromiumOptions {
  /** Adds chromium's fake camera and microphone. */
  fakeMedia?: boolean;
  /** More command-line flags. */
  args?: readonly string[];
}

/**
 * Starts headless chromium with the flags a sandboxed test machine needs and a fresh profile
 * (its own HOME, removed when the browser closes). Never downloads a browser.
 */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it ("apt-get install -y chromium") or set CHROMIUM_PATH`);
  }
  const home = mkdtempSync(join(tmpdir(), "vitrine-chromium-"));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(options.fakeMedia ? FAKE_MEDIA_ARGS : []),
      ...(options.args ?? []),
    ],
    env: { ...process.env, HOME: home },
  });
  browser.on("disconnected", () => rmSync(home, { recursive: true, force: true }));
  return browser;
}
