/** ChatInterface: its history functions and the page and endpoint it builds (no server: see tests/integration for the wire and the browser). */
import { describe, expect, it } from "@jest/globals";
import * as vt from "./index.js";
import { appendMessages, asMessages, popLastUserTurn } from "./chat-history.js";

describe("the chat history", () => {
  it("turns replies of every kind into messages with the role set", () => {
    expect(asMessages("hi", "assistant")).toEqual([{ role: "assistant", content: "hi" }]);
    expect(asMessages({ role: "user", content: "x", metadata: { title: "Thinking" } }, "assistant")).toEqual([
      { role: "assistant", content: "x", metadata: { title: "Thinking" } },
    ]);
    expect(asMessages(["a", { content: "b" }], "assistant").map((m) => m.content)).toEqual(["a", "b"]);
    expect(asMessages({ text: "look", files: ["/tmp/cat.png"] }, "user")).toEqual([{ role: "user", content: [{ path: "/tmp/cat.png" }, "look"] }]);
    expect(asMessages(null, "assistant")).toEqual([]);
  });

  it("appends without touching the history it was given", () => {
    const history = [{ role: "user" as const, content: "one" }];
    const next = appendMessages(history, "two", "assistant");
    expect(next).toHaveLength(2);
    expect(history).toHaveLength(1);
  });

  it("takes the last user turn back out, with what followed it, as the input that made it", () => {
    const history = [
      { role: "user" as const, content: [{ type: "text" as const, text: "first" }], metadata: null, options: null },
      { role: "assistant" as const, content: "reply 1" },
      { role: "user" as const, content: [{ type: "file" as const, file: { path: "/tmp/a.png", meta: { _type: "gradio.FileData" as const } } }], metadata: null, options: null },
      { role: "user" as const, content: [{ type: "text" as const, text: "second" }], metadata: null, options: null },
      { role: "assistant" as const, content: "reply 2" },
    ];
    const [kept, text] = popLastUserTurn(history as never, false);
    expect(kept).toHaveLength(2);
    expect(text).toBe("second");
    expect(popLastUserTurn(history as never, true)[1]).toEqual({ text: "second", files: ["/tmp/a.png"] });
    expect(popLastUserTurn([], false)).toEqual([[], ""]);
  });
});

describe("ChatInterface", () => {
  it("builds a chat page and a /chat endpoint whose parameters are the message and fn's additional inputs", () => {
    const demo = new vt.ChatInterface({
      fn: (message: string, history: vt.HistoryMessage[], system_prompt: string, tokens: number) => `${system_prompt}:${message}:${tokens}:${history.length}`,
      additional_inputs: [vt.Textbox({ value: "You are nice" }), vt.Slider({ minimum: 1, maximum: 100, value: 10 })],
      title: "Echo",
    });
    const config = demo.config();
    expect(config.mode).toBe("chat_interface");
    expect(config.components.some((c) => c.type === "chatbot")).toBe(true);
    const info = demo.apiInfo();
    const chat = info.named_endpoints["/chat"]!;
    expect(chat.parameters.map((p) => [p.parameter_name, p.parameter_default])).toEqual([
      ["message", ""],
      ["system_prompt", "You are nice"],
      ["tokens", 10],
    ]);
    // Labels of unlabeled additional inputs are fn's parameter names, as in Gradio.
    expect(demo.parts.additionalInputs.map((c) => c.props.label)).toEqual(["system_prompt", "tokens"]);
    // Only the endpoint is documented: the page's own events are not.
    expect(Object.keys(info.named_endpoints)).toEqual(["/chat"]);
  });

  it("uses a MultimodalTextbox when multimodal, and the given chatbot", () => {
    const chatbot = vt.Chatbot({ height: 300, label: "Mine" });
    const demo = new vt.ChatInterface({ fn: (message: vt.MultimodalValue) => message.text, multimodal: true, chatbot });
    expect(demo.parts.textbox).toBeInstanceOf(vt.MultimodalTextboxComponent);
    expect(demo.parts.chatbot).toBe(chatbot);
  });

  it("shows string examples in the empty chat", () => {
    const demo = new vt.ChatInterface({ fn: (m: string) => m, examples: ["hello", "bye"], example_labels: ["Say hello"] });
    expect(demo.parts.chatbot.props.examples).toEqual([{ text: "hello", display_text: "Say hello" }, { text: "bye" }]);
  });

  it("refuses what TypeScript would catch, with a clear message", () => {
    const fn = (m: string) => m;
    expect(() => new vt.ChatInterface({ fn, type: "tuples" } as never)).toThrow(/"tuples" format was removed/);
    expect(() => new vt.ChatInterface({ fn, chatbot: vt.Textbox() } as never)).toThrow(/chatbot must be a vt.Chatbot/);
    expect(() => new vt.ChatInterface({ fn, multimodal: true, textbox: vt.Textbox() } as never)).toThrow(/MultimodalTextbox/);
    expect(() => new vt.ChatInterface({ fn, colour: "red" } as never)).toThrow(/colour/);
    expect(() => new vt.ChatInterface({} as never)).toThrow(/fn must be a function/);
  });
});
