/**
 * The events an HTML component fires, as Gradio 6 declares them (`EVENTS = all_events`): every
 * event of Gradio's list. The view fires `change` when its value changes and `click` when it is
 * clicked (Gradio's default `js_on_load`); the author's `js_on_load` fires any of them, and
 * events of its own, with `trigger(name, data)`.
 */
export const htmlEvents = [
  "change",
  "input",
  "click",
  "double_click",
  "submit",
  "stop",
  "edit",
  "clear",
  "play",
  "pause",
  "end",
  "start_recording",
  "pause_recording",
  "stop_recording",
  "focus",
  "blur",
  "upload",
  "release",
  "select",
  "stream",
  "like",
  "example_select",
  "option_select",
  "load",
  "key_up",
  "apply",
  "delete",
  "tick",
  "undo",
  "retry",
  "expand",
  "collapse",
  "download",
  "copy",
] as const;
/** One of the names in `htmlEvents`, for typing listeners and event data. */
export type HtmlEvent = (typeof htmlEvents)[number];

/**
 * The data its events carry: whatever `js_on_load` passes to `trigger(name, data)` (an object's
 * fields are spread on `ctx.event`, as Gradio's `evt.option`); none for the built-in `change`
 * and `click`.
 */
export type HtmlEventData = { [K in HtmlEvent]: Record<string, unknown> };

/**
 * The names of the events `js_on_load` fires with `trigger("name", …)` (a quoted name), beyond
 * {@link htmlEvents}: the component gets a listener method for each, as Gradio's HTML does for
 * custom events.
 */
export function customEventNames(jsOnLoad: string | null | undefined): string[] {
  if (!jsOnLoad) return [];
  const names = new Set<string>();
  for (const m of jsOnLoad.matchAll(/\btrigger\s*\(\s*(['"`])([A-Za-z_$][\w$]*)\1/g)) {
    const name = m[2]!;
    if (!(htmlEvents as readonly string[]).includes(name)) names.add(name);
  }
  return [...names];
}
