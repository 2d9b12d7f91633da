/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { FileData } from "@vitrine/core";
import type { NormalizedMessage } from "./messages.js";
import { ChatbotView, renderProbe, type ChatbotViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text = (role: "user" | "assistant", t: string, extra: Partial<NormalizedMessage> = {}): NormalizedMessage => ({
  role,
  content: [{ type: "text", text: t }],
  metadata: null,
  options: null,
  ...extra,
});

interface Mounted {
  container: HTMLDivElement;
  events: [string, unknown][];
  changes: unknown[];
  render(value: NormalizedMessage[] | null, props?: Partial<ChatbotViewProps>): void;
  button(name: string): HTMLButtonElement;
  buttons(name: string): HTMLButtonElement[];
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  renderProbe.onMessageRender = null;
});

function mount(initialProps: Partial<ChatbotViewProps> = {}): Mounted {
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  const events: [string, unknown][] = [];
  const changes: unknown[] = [];
  // Stable callbacks and props, as the page gives them while only the value changes.
  const dispatch = (e: string, d?: unknown) => void events.push([e, d]);
  const onChange = (v: unknown) => void changes.push(v);
  const fileUrl = (f: FileData) => `/file=${f.path}`;
  const upload = async () => [];
  let props: ChatbotViewProps & { label?: string } = { label: "Chat", ...initialProps };
  const buttons = (name: string) => [...container.querySelectorAll<HTMLButtonElement>("button")].filter((b) => (b.getAttribute("aria-label") ?? b.textContent?.trim()) === name);
  return {
    container,
    events,
    changes,
    render(value, more) {
      if (more) props = { ...props, ...more };
      act(() =>
        root!.render(
          <ChatbotView id={1} value={value} props={props} interactive status={{ stage: "idle" }} onChange={onChange} dispatch={dispatch} upload={upload} fileUrl={fileUrl} />,
        ),
      );
    },
    button(name) {
      const found = buttons(name);
      if (found.length === 0) throw new Error(`no button named ${name}`);
      return found[found.length - 1]!;
    },
    buttons,
  };
}

describe("ChatbotView in a DOM", () => {
  it("shows the placeholder and examples when empty; an example fires example_select", () => {
    const m = mount({ placeholder: "**Ask me** anything", examples: [{ text: "Hello there", display_text: "Say hello" }] });
    m.render([]);
    expect(m.container.querySelector(".vt-chatbot-empty strong")?.textContent).toBe("Ask me");
    act(() => m.button("Say hello").click());
    expect(m.events).toEqual([["example_select", { index: 0, value: { text: "Hello there", display_text: "Say hello" }, selected: true }]]);
  });

  it("draws messages as bubbles in a log, Markdown rendered and HTML sanitized", () => {
    const m = mount();
    m.render([text("user", "Hi *you*"), text("assistant", "Hello <img src=x onerror=alert(1)> **friend**")]);
    const log = m.container.querySelector('[role="log"]')!;
    expect(log.getAttribute("aria-label")).toBe("Chat");
    const groups = log.querySelectorAll('[role="listitem"]');
    expect([...groups].map((g) => g.getAttribute("data-role"))).toEqual(["user", "assistant"]);
    expect(groups[0]!.querySelector("em")?.textContent).toBe("you");
    expect(groups[1]!.querySelector("strong")?.textContent).toBe("friend");
    expect(groups[1]!.innerHTML).not.toContain("onerror");
  });

  it("adds its stylesheets to the page once, not once per message", () => {
    const m = mount();
    m.render(Array.from({ length: 20 }, (_, i) => text(i % 2 ? "assistant" : "user", `message *${i}*`)));
    expect(m.container.querySelectorAll("em")).toHaveLength(20);
    expect(m.container.querySelectorAll("style")).toHaveLength(0);
    const ids = [...document.head.querySelectorAll("style")].map((s) => s.id);
    expect(ids.filter((id) => id === "vt-chatbot-style")).toHaveLength(1);
    expect(ids.filter((id) => id === "vt-markdown-style")).toHaveLength(1);
  });

  it("keeps a model's own tags visible (allow_tags, default true) and drops them with allow_tags: false", () => {
    const m = mount();
    m.render([text("assistant", "<thinking>plan it</thinking> The answer is **4**.")]);
    expect(m.container.querySelector('[role="log"]')!.textContent).toContain("<thinking>plan it</thinking> The answer is 4.");
    m.render([text("assistant", "<thinking>plan it</thinking> The answer is **4**.")], { allow_tags: false });
    expect(m.container.querySelector('[role="log"]')!.textContent).not.toContain("<thinking>");
  });

  it("groups consecutive messages of one role unless asked not to", () => {
    const m = mount();
    const value = [text("user", "a"), text("assistant", "b"), text("assistant", "c")];
    m.render(value);
    expect(m.container.querySelectorAll('[role="listitem"]')).toHaveLength(2);
    m.render(value, { group_consecutive_messages: false });
    expect(m.container.querySelectorAll('[role="listitem"]')).toHaveLength(3);
  });

  it("fires like with Gradio's LikeData, and shows feedback only when the app listens", () => {
    const m = mount();
    const value = [text("user", "Q"), text("assistant", "A1"), text("assistant", "A2")];
    m.render(value);
    expect(m.buttons("Like")).toHaveLength(0);
    m.render(value, { likeable: true, feedback_options: ["Like", "Dislike", "Wrong"] });
    act(() => m.button("Like").click());
    expect(m.button("Like").getAttribute("aria-pressed")).toBe("true");
    act(() => m.button("Dislike").click());
    act(() => m.button("Feedback: Wrong").click());
    act(() => m.button("Feedback: Wrong").click()); // taken back
    expect(m.button("Feedback: Wrong").getAttribute("aria-pressed")).toBe("false");
    expect(m.events).toEqual([
      ["like", { index: 1, value: ["A1", "A2"], liked: true }],
      ["like", { index: 1, value: ["A1", "A2"], liked: false }],
      ["like", { index: 1, value: ["A1", "A2"], liked: "Wrong" }],
      ["like", { index: 1, value: ["A1", "A2"], liked: null }],
    ]);
  });

  it("fires retry and undo with the last user message", () => {
    const m = mount({ _retryable: true, _undoable: true });
    m.render([text("user", "first"), text("assistant", "one"), text("user", "second"), text("assistant", "two")]);
    expect(m.buttons("Retry")).toHaveLength(1);
    expect(m.buttons("Undo")).toHaveLength(1);
    act(() => m.button("Retry").click());
    act(() => m.button("Undo").click());
    expect(m.events).toEqual([
      ["retry", { index: 2, value: "second" }],
      ["undo", { index: 2, value: "second" }],
    ]);
  });

  it("edits a user message inline and fires edit with EditData", () => {
    const m = mount({ editable: "user" });
    const value = [text("user", "typo"), text("assistant", "answer")];
    m.render(value);
    expect(m.buttons("Edit message")).toHaveLength(1); // the user's message only
    act(() => m.button("Edit message").click());
    const area = m.container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Edit message"]')!;
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
      setter.call(area, "fixed");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
    act(() => m.button("Save").click());
    expect(m.events).toEqual([["edit", { index: 0, value: "fixed", previous_value: "typo" }]]);
    expect(m.changes).toEqual([[{ ...value[0], content: [{ type: "text", text: "fixed" }] }, value[1]]]);
  });

  it("copies a message (with the watermark), clears the chat, and fires option_select", () => {
    const writes: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    const m = mount({ watermark: "(AI)" });
    m.render([text("user", "Q"), text("assistant", "A", { options: [{ value: "yes", label: "Yes please" }] })]);
    act(() => m.button("Copy message").click());
    expect(m.events[0]).toEqual(["copy", { value: "A\n\n(AI)" }]);
    expect(writes).toEqual(["A\n\n(AI)"]);
    act(() => m.button("Yes please").click());
    expect(m.events[1]).toEqual(["option_select", { index: 0, value: "yes", selected: true }]);
    act(() => m.button("Clear conversation").click());
    expect(m.changes).toEqual([[]]);
    expect(m.events[2]).toEqual(["clear", undefined]);
  });

  it("shows thoughts as collapsible blocks, nested by parent_id, open while pending and closed when done", () => {
    const m = mount();
    const thought = (status: "pending" | "done") =>
      text("assistant", "Reading the question", { metadata: { title: "Thinking", id: "t1", status, ...(status === "done" ? { duration: 2.5 } : {}) } });
    const tool = text("assistant", "called the tool", { metadata: { title: "Search", parent_id: "t1", log: "3 results" } });
    m.render([text("user", "Q"), thought("pending"), tool]);
    const toggle = () => m.container.querySelector<HTMLButtonElement>(".vt-chatbot-thought-toggle")!;
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    expect(m.container.querySelector('[role="status"][aria-label="In progress"]')).not.toBeNull();
    // The tool call sits inside the thought.
    const body = m.container.querySelector(".vt-chatbot-thought-body")!;
    expect(body.querySelector(".vt-chatbot-thought")?.textContent).toContain("Search");
    expect(body.textContent).toContain("3 results");
    m.render([text("user", "Q"), thought("done"), tool]);
    expect(toggle().getAttribute("aria-expanded")).toBe("false");
    expect(toggle().textContent).toContain("2.5s");
    expect(m.container.textContent).not.toContain("Reading the question");
    act(() => toggle().click());
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    expect(m.container.textContent).toContain("Reading the question");
  });

  it("shows files: images inline, other files as download links", () => {
    const m = mount();
    const file = (path: string, mime: string | null): FileData => ({ path, mime_type: mime, orig_name: path.split("/").pop()!, meta: { _type: "gradio.FileData" } });
    m.render([
      { role: "user", content: [{ type: "file", file: file("/c/cat.png", "image/png"), alt_text: "A cat" }], metadata: null, options: null },
      { role: "assistant", content: [{ type: "file", file: file("/c/report.pdf", "application/pdf") }], metadata: null, options: null },
    ]);
    const img = m.container.querySelector<HTMLImageElement>("img.vt-chatbot-media")!;
    expect(img.getAttribute("src")).toBe("/file=/c/cat.png");
    expect(img.alt).toBe("A cat");
    const link = [...m.container.querySelectorAll("a")].find((a) => a.textContent?.includes("report.pdf"))!;
    expect(link.getAttribute("href")).toBe("/file=/c/report.pdf");
    expect(link.hasAttribute("download")).toBe(true);
  });

  it("draws components given as content: an image, sanitized HTML, a file list; others by name", () => {
    const m = mount();
    const file = (path: string): FileData => ({ path, orig_name: path.split("/").pop()!, meta: { _type: "gradio.FileData" } });
    m.render([
      {
        role: "assistant",
        content: [
          { type: "component", component: "image", value: file("/c/dog.webp"), props: {} },
          { type: "component", component: "html", value: "<p class=\"x\">Hi <script>alert(1)</script><b>there</b></p>", props: {} },
          { type: "component", component: "file", value: [file("/c/a.csv"), file("/c/b.zip")], props: {} },
          { type: "component", component: "dataframe", value: { data: [] }, props: {} },
        ],
        metadata: null,
        options: null,
      },
    ]);
    expect(m.container.querySelector<HTMLImageElement>("img.vt-chatbot-media")!.getAttribute("src")).toBe("/file=/c/dog.webp");
    expect(m.container.querySelector("p.x b")?.textContent).toBe("there");
    expect(m.container.innerHTML).not.toContain("<script>");
    const names = [...m.container.querySelectorAll("a.vt-chatbot-file")].map((a) => a.textContent);
    expect(names).toEqual(["Download dog.webp", "📄 a.csv", "📄 b.zip"]); // media get a download link (allow_file_downloads)
    expect(m.container.textContent).toContain("[dataframe]");
  });

  it("re-renders only the last message while 50 tokens stream into it (20-message history)", () => {
    const m = mount({ likeable: true, _retryable: true, _undoable: true });
    const history: NormalizedMessage[] = Array.from({ length: 20 }, (_, i) => text(i % 2 ? "assistant" : "user", `message ${i}`));
    let value = [...history, text("assistant", "")];
    m.render(value);
    const renders = new Map<number, number>();
    renderProbe.onMessageRender = (index) => void renders.set(index, (renders.get(index) ?? 0) + 1);
    for (let t = 0; t < 50; t++) {
      // What the page's diff does: a new list and a new last message, every other object shared.
      const last = value[value.length - 1]!;
      const grown: NormalizedMessage = { ...last, content: [{ type: "text", text: `${(last.content[0] as { text: string }).text} tok${t}` }] };
      value = [...value.slice(0, -1), grown];
      m.render(value);
    }
    expect([...renders.keys()]).toEqual([20]);
    expect(renders.get(20)).toBe(50);
    expect(m.container.textContent).toContain("tok49");
  });
});
