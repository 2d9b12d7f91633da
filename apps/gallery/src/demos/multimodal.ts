import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import * as vt from "vitrine";

/** One line about a file the function received: its name, size, and an image's pixel size. */
async function describeFile(path: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  const name = basename(path);
  if (!vt.sniffImageFormat(bytes)) return `${name}: ${bytes.length} bytes`;
  const { width, height } = await vt.decodeImage(bytes);
  return `${name}: ${bytes.length} bytes, image ${width}×${height}`;
}

/**
 * A MultimodalTextbox as an input and as an output: write a message and attach files (the
 * paperclip, a drop or a paste); Enter sends it. The function reports the text and every file
 * it received, shows the first image in an Image, echoes the message in a read-only
 * MultimodalTextbox, and clears the box, as a chat box does.
 */
export function multimodal() {
  return vt.Blocks({ title: "Multimodal message" }, () => {
    vt.Markdown("Write a message, attach an image or any file (paperclip, drop or paste), then press Enter.");
    const message = vt.MultimodalTextbox({
      label: "Message",
      placeholder: "Write a message or attach files",
      file_count: "multiple",
      stop_btn: true,
    });
    const report = vt.Textbox({ label: "What the function received", lines: 4 });
    const image = vt.Image({ label: "First image", type: "filepath" });
    const echo = vt.MultimodalTextbox({ label: "Echo", interactive: false });
    const send = message.submit({
      fn: async (value: vt.MultimodalValue) => {
        const files = await Promise.all(value.files.map(describeFile));
        const lines = [`text: ${JSON.stringify(value.text)}`, `${value.files.length} file(s)`, ...files];
        const firstImage = value.files.find((_, i) => files[i]!.includes(", image "));
        return [null, lines.join("\n"), firstImage ?? null, value] as const;
      },
      inputs: [message],
      outputs: [message, report, image, echo],
      api_name: "send",
    });
    message.stop({ fn: () => undefined, inputs: [], outputs: [], cancels: [send] });
  });
}
