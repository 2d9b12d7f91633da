import { afterAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Blocks, VitrineError, fileData } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Chatbot, ChatbotComponent, chatbotEvents, messageText, splitThinking, type ChatbotValue } from "./index.js";

const store = new TempFileStore();
afterAll(() => store.dispose());

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("Chatbot postprocess", () => {
  it("normalizes strings, lists and parts to Gradio 6's messages, and null to an empty chat", () => {
    const bot = Chatbot();
    expect(bot).toBeInstanceOf(ChatbotComponent);
    expect(bot.postprocess(null)).toEqual([]);
    expect(
      bot.postprocess([
        { role: "user", content: "Hi **there**" },
        { role: "assistant", content: ["one", { type: "text", text: "two" }], metadata: { title: "Thinking", status: "done", duration: 1.5 } },
        { role: "assistant", content: "pick", options: [{ value: "a" }, { value: "b", label: "B" }] },
      ]),
    ).toEqual([
      { role: "user", content: [{ type: "text", text: "Hi **there**" }], metadata: null, options: null },
      {
        role: "assistant",
        content: [{ type: "text", text: "one" }, { type: "text", text: "two" }],
        metadata: { title: "Thinking", status: "done", duration: 1.5 },
        options: null,
      },
      { role: "assistant", content: [{ type: "text", text: "pick" }], metadata: null, options: [{ value: "a" }, { value: "b", label: "B" }] },
    ]);
  });

  it("copies a file given by path into the file cache, and keeps URLs and FileData as they are", async () => {
    const path = join(store.dir, "..", `chatbot-test-${process.pid}.png`);
    writeFileSync(path, new Uint8Array([137, 80, 78, 71]));
    const bot = Chatbot();
    const out = await bot.postprocess(
      [
        { role: "user", content: { path, alt_text: "a cat" } },
        { role: "assistant", content: [{ path: "https://example.org/song.mp3" }, fileData("/already/served.txt")] },
      ],
      store.context,
    );
    const file = out[0]!.content[0]!;
    expect(file).toMatchObject({ type: "file", alt_text: "a cat", file: { orig_name: `chatbot-test-${process.pid}.png`, mime_type: "image/png" } });
    expect(file.type === "file" && file.file.path.startsWith(store.dir)).toBe(true);
    expect(out[1]!.content).toEqual([
      { type: "file", alt_text: null, file: expect.objectContaining({ path: "https://example.org/song.mp3", url: "https://example.org/song.mp3", mime_type: "audio/mpeg" }) },
      { type: "file", alt_text: null, file: fileData("/already/served.txt") },
    ]);
    // Without the file store a path cannot be served: a clear error.
    await expect(Promise.resolve().then(() => bot.postprocess([{ role: "user", content: { path } }]))).rejects.toThrow(/file store/);
  });

  it("turns a component given as content into its type, value and props", async () => {
    const bot = Chatbot();
    const fake = {
      type: "html",
      configProps: () => ({ value: "<b>hi</b>", label: "Snippet" }),
      postprocess: (v: string) => v,
      initialValueNeedsFiles: () => false,
    };
    const out = await bot.postprocess([{ role: "assistant", content: fake }]);
    expect(out[0]!.content[0]).toEqual({
      type: "component",
      component: "html",
      value: "<b>hi</b>",
      constructor_args: {},
      props: { value: "<b>hi</b>", label: "Snippet" },
      alt_text: null,
    });
  });

  it("names the message at fault", () => {
    const bot = Chatbot({ label: "Chat" });
    expect(thrown(() => bot.postprocess([{ role: "user", content: "ok" }, { role: "bot" as "user", content: "x" }])).message).toBe(
      'Chatbot "Chat": message 1: role must be "user", "assistant" or "system", got "bot"',
    );
    const noContent = thrown(() => bot.postprocess([{ role: "user" } as never]));
    expect(noContent).toBeInstanceOf(VitrineError);
    expect(noContent.message).toMatch(/message 0 must be an object with "role" and "content"/);
    expect(thrown(() => bot.postprocess([{ role: "user", content: 5n as never }])).message).toMatch(/message 0: content must be a string, a file/);
    expect(thrown(() => bot.postprocess([{ role: "user", content: "x", metadata: { status: "running" as "done" } }])).message).toMatch(
      /message 0: metadata.status must be "pending" or "done"/,
    );
    expect(thrown(() => bot.postprocess([{ role: "user", content: "x", options: [{ label: "no value" } as never] }])).message).toMatch(
      /message 0: option 0 must be \{ value: string/,
    );
    expect(thrown(() => bot.postprocess("hello" as unknown as ChatbotValue)).message).toMatch(/return a list of messages/);
    // Gradio 5's tuples are gone.
    expect(thrown(() => bot.postprocess([["hi", "hello"] as never])).message).toMatch(/message 0 must be an object/);
  });

  it("splits reasoning tags into a Reasoning thought before the reply", () => {
    const bot = Chatbot({ reasoning_tags: [["<think>", "</think>"]] });
    expect(bot.postprocess([{ role: "assistant", content: "<think>Let me see.</think>The answer is 4." }])).toEqual([
      { role: "assistant", content: [{ type: "text", text: "Let me see." }], metadata: { title: "Reasoning", status: "done" }, options: null },
      { role: "assistant", content: [{ type: "text", text: "The answer is 4." }], metadata: null, options: null },
    ]);
    expect(splitThinking("<think>still going", [["<think>", "</think>"]])).toEqual([{ text: "still going", thinking: true, status: "pending" }]);
  });
});

describe("Chatbot preprocess", () => {
  it("gives the function normalized messages, also from loose API input", async () => {
    const bot = Chatbot();
    expect(await bot.preprocess(null)).toEqual([]);
    expect(await bot.preprocess([{ role: "user", content: "Hello" } as never])).toEqual([
      { role: "user", content: [{ type: "text", text: "Hello" }], metadata: null, options: null },
    ]);
    expect(messageText({ content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] })).toBe("a\nb");
  });

  it("resolves files through the store and refuses files it did not issue", async () => {
    const bot = Chatbot();
    const saved = await store.save(new TextEncoder().encode("hello"), { name: "note.txt", mime_type: "text/plain" });
    const back = await bot.preprocess([{ role: "user", content: [{ type: "file", file: saved, alt_text: null }], metadata: null, options: null }], store.context);
    expect(back[0]!.content[0]).toEqual({ type: "file", file: saved, alt_text: null });
    await expect(
      Promise.resolve().then(() => bot.preprocess([{ role: "user", content: [{ type: "file", file: fileData("/etc/passwd"), alt_text: null }], metadata: null, options: null }], store.context)),
    ).rejects.toThrow(/Not a file of this store/);
    expect(thrown(() => bot.preprocess({} as never)).message).toMatch(/expects a list of messages/);
  });
});

describe("Chatbot props and config", () => {
  it("refuses the tuples format and bad props with clear errors", () => {
    expect(() => Chatbot({ type: "tuples" as "messages" })).toThrow(/"tuples" was removed in Gradio 6/);
    expect(() => Chatbot({ layout: "grid" as "panel" })).toThrow(/layout must be "bubble" or "panel"/);
    expect(() => Chatbot({ editable: "assistant" as "all" })).toThrow(/editable must be/);
    expect(() => Chatbot({ buttons: ["print" as "copy"] })).toThrow(/buttons takes/);
    expect(() => Chatbot({ avatar_images: ["a.png"] as never })).toThrow(/avatar_images must be \[user, assistant\]/);
  });

  it("takes Gradio 5's copy-button props as well as Gradio 6's buttons", () => {
    expect(Chatbot({ show_copy_button: true, show_copy_all_button: false }).configProps()).toMatchObject({ buttons: ["copy"], show_copy_button: true, show_copy_all_button: false });
    expect(Chatbot({ buttons: ["copy_all"] }).configProps()).toMatchObject({ buttons: ["copy_all"], show_copy_button: false });
    expect(Chatbot().configProps()).toMatchObject({ buttons: ["copy", "copy_all"], feedback_options: ["Like", "Dislike"], height: 400, layout: "bubble", type: "messages" });
  });

  it("tells the view which of like, retry, undo and select the app listens to", () => {
    let bot!: ChatbotComponent;
    const app = Blocks(() => {
      bot = Chatbot();
      bot.retry({ fn: (h) => h, inputs: [bot], outputs: [bot] });
      bot.like({ fn: () => undefined });
    });
    const config = app.config().components.find((c) => c.id === bot.id)!;
    expect(config.props).toMatchObject({ likeable: true, _retryable: true, _undoable: false, _selectable: false });
    expect(config.api_info).toMatchObject({ type: "array", title: "ChatbotDataMessages" });
  });

  it("serves avatars and example files through the file store", async () => {
    const avatar = join(store.dir, "..", `avatar-${process.pid}.png`);
    writeFileSync(avatar, new Uint8Array([1, 2, 3]));
    const bot = Chatbot({ avatar_images: [avatar, "https://example.org/bot.png"], examples: [{ text: "Hi", icon: avatar }] });
    expect(bot.configProps().avatar_images).toEqual([null, expect.objectContaining({ url: "https://example.org/bot.png" })]);
    const withFiles = (await bot.configPropsWithFiles(store.context))!;
    const [user, assistant] = withFiles.avatar_images as { path: string }[];
    expect(user!.path.startsWith(store.dir)).toBe(true);
    expect(assistant).toMatchObject({ url: "https://example.org/bot.png" });
    expect((withFiles.examples as { icon: { path: string } }[])[0]!.icon.path.startsWith(store.dir)).toBe(true);
  });

  it("declares Gradio's events", () => {
    expect([...chatbotEvents]).toEqual(["change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy", "edit"]);
    const bot = Chatbot();
    for (const event of chatbotEvents) expect(typeof bot[event]).toBe("function");
  });
});
