import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { MultimodalTextbox, type MultimodalReturn, type MultimodalValue } from "./index.js";
import { pngBytes } from "../test/png.js";

// The API's example input is @vitrine/file's text file, by absolute path: the snapshot keeps it from that package's folder.
const fileDir = fileURLToPath(new URL("../../file/", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(fileDir),
  serialize: (value: string) => JSON.stringify(`<@vitrine/file>/${value.slice(fileDir.length)}`),
});

// A real PNG the function returns (the server copies it into its cache).
const dir = mkdtempSync(join(tmpdir(), "vitrine-mmt-conformance-"));
const png = join(dir, "sunset.png");
writeFileSync(png, pngBytes(12, 8, 40));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text area of a block. */
const textbox = (block: TriggerContext["block"]) => block.getByRole("textbox");

describeComponent({
  create: MultimodalTextbox,
  // The microphone source too, so that axe checks its button.
  props: { file_count: "multiple", sources: ["upload", "microphone"] },
  samples: ["Hello, world", { text: "What is in this picture?", files: [png] }] as MultimodalReturn[],
  // Text comes back as it went; a file comes back as a cached copy with the same bytes.
  roundTrip: (back, sample) => {
    const value = back as MultimodalValue;
    const given = typeof sample === "string" ? { text: sample, files: [] as string[] } : (sample as { text: string; files: string[] });
    expect(value.text).toBe(given.text);
    expect(value.files.map((f) => readFileSync(f))).toEqual(given.files.map((f) => readFileSync(f)));
  },
  editor: (block) => textbox(block),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => textbox(block).fill("typed by the user"),
    select: async ({ block }) => {
      await textbox(block).fill("select me");
      await textbox(block).press("End");
      await textbox(block).press("Shift+Home");
    },
    submit: ({ block }) => textbox(block).press("Enter"),
    focus: async ({ block }) => {
      await textbox(block).blur();
      await textbox(block).focus();
    },
    blur: async ({ block }) => {
      await textbox(block).focus();
      await textbox(block).blur();
    },
    stop: "its button shows only while an event that updates the box runs; browser-multimodaltextbox.test.ts fires it",
  },
});
