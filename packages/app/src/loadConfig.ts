import type { AppConfig } from "@vitrine/core";

declare global {
  interface Window {
    /** The config, when the server inlined it into the page. */
    __VITRINE_CONFIG__?: AppConfig;
  }
}

/** The app's config: the copy the server inlined into the page, else `GET ./config`. */
export async function loadConfig(): Promise<AppConfig> {
  if (window.__VITRINE_CONFIG__) return window.__VITRINE_CONFIG__;
  const response = await fetch("./config", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Could not load the app's config (HTTP ${response.status}).`);
  return (await response.json()) as AppConfig;
}

/**
 * The app's absolute URL without a trailing slash: the config's `root`, else the directory
 * of the page (`http://host/hello/` → `http://host/hello`).
 */
export function appRoot(config: Pick<AppConfig, "root">, documentUrl: string): string {
  const root = config.root || new URL(".", documentUrl).href;
  return root.replace(/\/+$/, "");
}
