import type { AppConfig, RenderConfig } from "@vitrine/core";

/** Whether a value looks like a `render_config` (a `vt.render` / `@gr.render` region). */
export function isRenderConfig(value: unknown): value is RenderConfig {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<RenderConfig>;
  return typeof v.render_id === "number" && Array.isArray(v.components) && Array.isArray(v.dependencies);
}

/**
 * Merges a rebuilt region into a config, as Gradio's clients do: the blocks and listeners of
 * the region's previous run are replaced by the new ones, so later calls can reach the new
 * listeners by their `fn_index`.
 */
export function mergeRenderConfig(config: AppConfig, region: RenderConfig): void {
  const id = region.render_id;
  config.dependencies = [...config.dependencies.filter((d) => d.rendered_in !== id), ...region.dependencies];
  config.components = [...config.components.filter((c) => c.rendered_in !== id), ...region.components];
  if (region.ui_modules && config.ui_modules) Object.assign(config.ui_modules, region.ui_modules);
}
