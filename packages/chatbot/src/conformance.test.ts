import { expect } from "@jest/globals";
import { copyFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Chatbot, messageText, type ChatMessage, type ChatbotProps, type NormalizedMessage } from "./index.js";

// A small PNG in the temp folder (a place returned files may come from), for the file message.
type Locator = TriggerContext["block"];

const picture = join(tmpdir(), "vitrine-chatbot-conformance.png");
if (!existsSync(picture)) copyFileSync(fileURLToPath(new URL("../../image/assets/example.png", import.meta.url)), picture);

const conversation: ChatMessage[] = [
  { role: "user", content: "Show me some **code** and a formula" },
  {
    role: "assistant",
    content: "```python\nprint('hello')\n```\n\nEnergy: $$E = mc^2$$",
    options: [{ value: "more", label: "Tell me more" }],
  },
];
const withFile: ChatMessage[] = [
  { role: "user", content: [{ path: picture, alt_text: "A small picture" }, "What is this?"] },
  { role: "assistant", content: "A small picture." },
];
const withThought: ChatMessage[] = [
  { role: "user", content: "What is 2 + 2?" },
  { role: "assistant", content: "Adding the numbers.", metadata: { title: "Thinking", id: 1, status: "done", duration: 1.2 } },
  { role: "assistant", content: "Checked with a calculator.", metadata: { title: "Tool: calculator", parent_id: 1, log: "2 + 2 = 4" } },
  { role: "assistant", content: "4" },
];

/** Sends the next sample until `target` shows in the block (some controls need a given sample). */
async function showing(ctx: TriggerContext, target: (block: Locator) => Locator): Promise<Locator> {
  for (let i = 0; i < 4; i++) {
    const found = target(ctx.block).first();
    if (await found.isVisible()) return found;
    await ctx.sendValue();
    await found.waitFor({ state: "visible", timeout: 3000 }).catch(() => undefined);
  }
  return target(ctx.block).first();
}

describeComponent({
  create: (props: ChatbotProps) => Chatbot(props),
  props: { editable: "user", examples: [{ text: "Tell me a joke", display_text: "A joke" }] },
  samples: [conversation, withFile, withThought],
  roundTrip: (back, sample) => {
    const messages = back as NormalizedMessage[];
    const given = sample as ChatMessage[];
    expect(messages.map((m) => m.role)).toEqual(given.map((m) => m.role));
    expect(messages.map(messageText)).toEqual(given.map(messageText));
    expect(messages.map((m) => m.metadata)).toEqual(given.map((m) => m.metadata ?? null));
    const files = messages.flatMap((m) => m.content).filter((p) => p.type === "file");
    for (const part of files) expect(part.type === "file" && existsSync(part.file.path)).toBe(true);
  },
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    select: async (ctx) => (await showing(ctx, (b) => b.locator(".vt-chatbot-message"))).click(),
    like: async (ctx) => (await showing(ctx, (b) => b.getByRole("button", { name: "Like", exact: true }))).click(),
    retry: async (ctx) => (await showing(ctx, (b) => b.getByRole("button", { name: "Retry" }))).click(),
    undo: async (ctx) => (await showing(ctx, (b) => b.getByRole("button", { name: "Undo" }))).click(),
    example_select: async (ctx) => {
      await (await showing(ctx, (b) => b.getByRole("button", { name: "Clear conversation" }))).click();
      await ctx.block.getByRole("button", { name: "A joke" }).click();
    },
    option_select: async (ctx) => (await showing(ctx, (b) => b.getByRole("button", { name: "Tell me more" }))).click(),
    clear: async (ctx) => (await showing(ctx, (b) => b.getByRole("button", { name: "Clear conversation" }))).click(),
    copy: async (ctx) => (await showing(ctx, (b) => b.getByRole("button", { name: "Copy message" }))).click(),
    edit: async (ctx) => {
      await (await showing(ctx, (b) => b.getByRole("button", { name: "Edit message" }))).click();
      await ctx.block.getByRole("textbox", { name: "Edit message" }).fill("An edited question");
      await ctx.block.getByRole("button", { name: "Save" }).click();
    },
  },
});
