import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { HtmlComponent, type HtmlProps } from "./index.js";

/** A short silent WAV (0.3 s, 8 kHz, 8-bit mono): the sample player's sound, as a data URL. */
function silentWav(): string {
  const samples = 2400;
  const wav = Buffer.alloc(44 + samples, 128);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples, 40);
  return `data:audio/wav;base64,${wav.toString("base64")}`;
}

/**
 * A small app page as an author writes one with `html_template`: the value, a form, a player,
 * a recorder, a clock, a details section and a row of action buttons. Every part is a real
 * control a user works with.
 */
const template = `
<div class="demo">
  <p class="demo-title">Results viewer</p>
  <div class="demo-content">\${value}</div>
  <form class="demo-form">
    <label>Name <input type="text" name="name" value="Ada"></label>
    <label>Model <select name="model"><option>small</option><option>large</option></select></label>
    <label>Volume <input type="range" name="volume" min="0" max="10" value="5"></label>
    <label>Attachment <input type="file" name="attachment"></label>
    <button type="submit">Send</button>
  </form>
  <div class="demo-row" aria-label="Player">
    <audio controls src="${silentWav()}"></audio>
    <button type="button" data-media="play">Play</button>
    <button type="button" data-media="pause">Pause</button>
  </div>
  <div class="demo-row" aria-label="Recorder">
    <button type="button" data-record="start_recording">Record</button>
    <button type="button" data-record="pause_recording">Pause recording</button>
    <button type="button" data-record="stop_recording">Stop recording</button>
    <button type="button" data-clock>Clock</button>
  </div>
  <details><summary>Details</summary><p>Scores are rounded to whole percents.</p></details>
  <div class="demo-row" aria-label="Actions">
    <button type="button" data-trigger="example_select">Example: Ada</button>
    <button type="button" data-trigger="edit">Edit</button>
    <button type="button" data-trigger="apply">Apply</button>
    <button type="button" data-trigger="undo">Undo</button>
    <button type="button" data-trigger="retry">Retry</button>
    <button type="button" data-trigger="like">Like</button>
    <button type="button" data-trigger="delete">Delete</button>
    <button type="button" data-trigger="clear">Clear</button>
    <button type="button" data-trigger="stop">Stop</button>
    <a data-trigger="download" download="notes.txt" href="#">Download notes</a>
  </div>
</div>`;

/** Its style, from the theme's variables (the view scopes it to the component). */
const css = `
.demo-row, .demo-form { display: flex; flex-wrap: wrap; gap: var(--spacing-sm); align-items: center; margin: var(--spacing-sm) 0; }
button, input, select { font: inherit; color: var(--button-secondary-text-color); background: var(--button-secondary-background-fill); border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); }
`;

/**
 * The author's script: each DOM event a user causes fires its event with `trigger(name)`, as an
 * app author wires them (Gradio's HTML fires nothing else by itself).
 */
const jsOnLoad = `
const on = (type, fn) => element.addEventListener(type, fn, true);
let recording = null;
let clock = null;
on("click", (e) => {
  trigger("click");
  const t = e.target.closest("[data-trigger], [data-media], [data-record], [data-clock]");
  if (!t) return;
  if (t.dataset.trigger === "download") t.href = URL.createObjectURL(new Blob(["Notes\\n"], { type: "text/plain" }));
  if (t.dataset.trigger) trigger(t.dataset.trigger);
  const audio = element.querySelector("audio");
  if (t.dataset.media === "play") audio.play().catch(() => undefined);
  if (t.dataset.media === "pause") audio.pause();
  if (t.dataset.record) {
    trigger(t.dataset.record);
    clearInterval(recording);
    recording = t.dataset.record === "start_recording" ? setInterval(() => trigger("stream"), 100) : null;
  }
  if (t.hasAttribute("data-clock")) {
    clearInterval(clock);
    clock = clock ? null : setInterval(() => trigger("tick"), 100);
  }
});
on("dblclick", () => trigger("double_click"));
on("focusin", () => trigger("focus"));
on("focusout", () => trigger("blur"));
on("keyup", () => trigger("key_up"));
on("input", () => trigger("input"));
on("select", () => trigger("select"));
on("copy", () => trigger("copy"));
on("submit", (e) => { e.preventDefault(); trigger("submit"); });
on("change", (e) => {
  if (e.target.type === "file") trigger("upload", { name: e.target.files[0]?.name ?? null });
  if (e.target.type === "range") trigger("release", { value: e.target.value });
  if (e.target.tagName === "SELECT") trigger("option_select", { value: e.target.value });
});
on("toggle", (e) => trigger(e.target.open ? "expand" : "collapse"));
on("play", () => trigger("play"));
on("pause", () => trigger("pause"));
on("ended", () => trigger("end"));
trigger("load");
`;

type Locator = TriggerContext["block"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const button = (block: Locator, name: string) => block.getByRole("button", { name, exact: true });
const input = (block: Locator) => block.getByRole("textbox", { name: "Name" });
const details = (block: Locator) => block.locator("details");
/** Clicks the summary until the details are `open` (true) or closed (false). */
async function toggleTo(block: Locator, open: boolean): Promise<void> {
  if ((await details(block).evaluate((d: unknown) => (d as { open: boolean }).open)) === open) {
    await block.getByText("Details", { exact: true }).click();
  }
  await block.getByText("Details", { exact: true }).click();
}

describeComponent({
  create: (props: HtmlProps) => new HtmlComponent(props),
  // Gradio's HTML hides its label by default (show_label false); the suite checks a shown label,
  // so every instance here shows it (the suite's show_label: false instance hides it).
  props: { show_label: true, html_template: template, css_template: css, js_on_load: jsOnLoad },
  samples: [
    "<h2>Report</h2><p>Accuracy: <strong>93%</strong> on <em>1,000</em> images.</p>",
    '<ul><li>Ada</li><li>Alan</li></ul><p>See <a href="https://example.com/docs">the docs</a>.</p>',
    "",
  ],
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => input(block).fill("Grace"),
    click: ({ block }) => block.getByText("Results viewer").click(),
    double_click: ({ block }) => block.getByText("Results viewer").dblclick(),
    submit: ({ block }) => input(block).press("Enter"),
    stop: ({ block }) => button(block, "Stop").click(),
    edit: ({ block }) => button(block, "Edit").click(),
    clear: ({ block }) => button(block, "Clear").click(),
    play: ({ block }) => button(block, "Play").click(),
    pause: async ({ block }) => {
      await button(block, "Play").click();
      await button(block, "Pause").click();
    },
    end: ({ block }) => button(block, "Play").click(), // the 0.3 s sound plays to its end
    start_recording: ({ block }) => button(block, "Record").click(),
    pause_recording: ({ block }) => button(block, "Pause recording").click(),
    stop_recording: ({ block }) => button(block, "Stop recording").click(),
    focus: async ({ block }) => {
      await input(block).blur();
      await input(block).focus();
    },
    blur: async ({ block }) => {
      await input(block).focus();
      await input(block).blur();
    },
    upload: async ({ block }) => {
      const dir = mkdtempSync(join(tmpdir(), "vitrine-html-"));
      const file = join(dir, "notes.txt");
      writeFileSync(file, "Notes\n");
      await block.getByLabel("Attachment").setInputFiles(file);
    },
    release: ({ block }) => block.getByRole("slider", { name: "Volume" }).fill("8"),
    select: async ({ block }) => {
      await input(block).press("End");
      await input(block).press("Shift+Home");
    },
    stream: async ({ block }) => {
      await button(block, "Record").click();
      await sleep(300);
      await button(block, "Stop recording").click();
    },
    like: ({ block }) => button(block, "Like").click(),
    example_select: ({ block }) => button(block, "Example: Ada").click(),
    option_select: async ({ block }) => {
      await block.getByRole("combobox", { name: "Model" }).selectOption("large");
    },
    load: async ({ page }) => {
      // Another visitor opens the app: js_on_load runs, and fires "load".
      const other = await page.context().newPage();
      await other.goto(page.url());
      await other.getByText("Results viewer").first().waitFor();
      await sleep(300);
      await other.close();
    },
    key_up: ({ block }) => input(block).press("a"),
    apply: ({ block }) => button(block, "Apply").click(),
    delete: ({ block }) => button(block, "Delete").click(),
    tick: async ({ block }) => {
      await button(block, "Clock").click();
      await sleep(300);
      await button(block, "Clock").click();
    },
    undo: ({ block }) => button(block, "Undo").click(),
    retry: ({ block }) => button(block, "Retry").click(),
    expand: ({ block }) => toggleTo(block, true),
    collapse: ({ block }) => toggleTo(block, false),
    download: ({ block }) => block.getByRole("link", { name: "Download notes" }).click(),
    copy: async ({ block }) => {
      await input(block).fill("Grace Hopper");
      await input(block).press("Control+A");
      await input(block).press("Control+C");
    },
  },
});
