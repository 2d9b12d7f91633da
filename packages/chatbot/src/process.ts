import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  FILE_DATA_SCHEMA,
  fileData,
  isFileData,
  needFiles,
  type ApiDescription,
  type Block,
  type ComponentProps,
  type FileData,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { markdownAssetsFolder } from "@vitrine/markdown";
import { chatbotEvents, type ChatbotEvent, type ChatbotEventData } from "./events.js";
import {
  CHAT_ROLES,
  type ChatExample,
  type ChatMessage,
  type ChatOption,
  type ChatbotPayload,
  type ChatbotValue,
  type ComponentLike,
  type ComponentPart,
  type ContentPart,
  type FilePart,
  type MessageMetadata,
  type NormalizedMessage,
} from "./messages.js";

/** A LaTeX delimiter pair (Gradio's `latex_delimiters` entries): `{ left, right, display }`. */
type LatexDelimiter = import("@vitrine/markdown").LatexDelimiter;

/** A button of the Chatbot's toolbar and messages (Gradio 6's `buttons`). */
export type ChatbotButton = "copy" | "copy_all" | "share";

/** Props of a Chatbot. */
export interface ChatbotProps extends ComponentProps<ChatbotValue> {
  /** Only "messages" (Gradio 6 dropped "tuples"); kept for code written for Gradio 5. */
  type?: "messages";
  /** Scrolls to the newest message when the value changes, unless the user scrolled up. Default true. */
  autoscroll?: boolean;
  /** Height of the message area: pixels, or a CSS length. Default 400. */
  height?: number | string | null;
  /** Least height (the area grows with its messages up to `height`/`max_height`): pixels or CSS. */
  min_height?: number | string | null;
  /** Most height before the area scrolls: pixels or CSS. */
  max_height?: number | string | null;
  /** Whether the user can resize the message area by dragging its corner. Default false. */
  resizable?: boolean;
  /** Which messages the user may edit (fires `edit`): "user", "all", or none (default null). */
  editable?: "user" | "all" | null;
  /** Delimiters of LaTeX in messages. Default `$$…$$` (display); `[]` turns math off. */
  latex_delimiters?: LatexDelimiter[] | null;
  /** Right-to-left text. Default false. */
  rtl?: boolean;
  /**
   * Buttons (Gradio 6): "copy" (a copy button on each message), "copy_all" (one for the whole
   * chat), "share" (not built: listed for compatibility). Default `["copy", "copy_all"]`.
   */
  buttons?: ChatbotButton[] | null;
  /** Gradio 5's spelling of `buttons: ["copy"]`. */
  show_copy_button?: boolean;
  /** Gradio 5's spelling of `buttons: ["copy_all"]`. */
  show_copy_all_button?: boolean;
  /** Text added after a blank line to every message copied from the chat. */
  watermark?: string | null;
  /**
   * Avatars of the user and the assistant, in that order: paths (served through the app's file
   * cache; from the working directory, the temp folder or `allowed_paths`), URLs, or null.
   */
  avatar_images?: readonly [string | FileData | null, string | FileData | null] | null;
  /** Whether HTML in messages is sanitized. Default true; turn it off only for trusted text. */
  sanitize_html?: boolean;
  /** Whether messages are rendered as Markdown. Default true. */
  render_markdown?: boolean;
  /**
   * Feedback the user may give an assistant message (fires `like`): "Like" and "Dislike" show as
   * thumbs, any other option under a flag. Default `["Like", "Dislike"]`; shown only when the app
   * listens to `like`.
   */
  feedback_options?: readonly string[] | null;
  /** The feedback given so far, one entry per assistant message (an option, or null). */
  feedback_value?: readonly (string | null)[] | null;
  /** Whether single newlines become line breaks. Default true. */
  line_breaks?: boolean;
  /** "bubble" (default): bubbles on alternating sides; "panel": a column, as in LLM apps. */
  layout?: "bubble" | "panel" | null;
  /** Markdown shown in the middle of an empty chat. */
  placeholder?: string | null;
  /** Examples shown in an empty chat; a click fires `example_select`. */
  examples?: readonly ChatExample[] | null;
  /** Whether media in messages has a download link. Default true. */
  allow_file_downloads?: boolean;
  /** Whether consecutive messages of one role share a bubble. Default true. */
  group_consecutive_messages?: boolean;
  /** HTML tags kept by the sanitizer: a list, true (every non-standard tag; default) or false. */
  allow_tags?: readonly string[] | boolean;
  /**
   * Tags around reasoning (`[["<thinking>", "</thinking>"]]`): text between them in a returned
   * message becomes a separate "Reasoning" thought before it. Default none.
   */
  reasoning_tags?: readonly (readonly [string, string])[] | null;
  /** Whether user messages get feedback buttons too. Default false. */
  like_user_message?: boolean;
}

/** Gradio's default delimiters: `$$…$$`, display. */
const DEFAULT_LATEX: LatexDelimiter[] = [{ left: "$$", right: "$$", display: true }];

const MEDIA_TYPES: Record<string, string> = {
  png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp", svg: "image/svg+xml",
  avif: "image/avif", bmp: "image/bmp", mp3: "audio/mpeg", wav: "audio/wav", ogg: "audio/ogg", flac: "audio/flac",
  m4a: "audio/mp4", mp4: "video/mp4", webm: "video/webm", mov: "video/quicktime", pdf: "application/pdf",
  txt: "text/plain", csv: "text/csv", json: "application/json", md: "text/markdown",
};

/** The MIME type of a file name from its extension (common media types), or null. */
export function mimeFromName(name: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
  return (ext && MEDIA_TYPES[ext]) || null;
}

type Maybe<T> = T | Promise<T>;
const isPromise = (v: unknown): v is Promise<unknown> => typeof (v as Promise<unknown> | null)?.then === "function";
function all<T>(items: readonly Maybe<T>[]): Maybe<T[]> {
  return items.some(isPromise) ? Promise.all(items) : (items as T[]);
}
function then<T, U>(value: Maybe<T>, f: (v: T) => U): Maybe<U> {
  return isPromise(value) ? value.then(f) : f(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Whether a value is a component instance (duck-typed). */
export function isComponentLike(value: unknown): value is ComponentLike {
  const v = value as ComponentLike | null;
  return (
    typeof v === "object" && v !== null && typeof v.type === "string" && typeof v.configProps === "function" &&
    typeof v.postprocess === "function"
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "object") return `an object with keys ${Object.keys(value).map((k) => JSON.stringify(k)).join(", ") || "(none)"}`;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return `${typeof value} ${JSON.stringify(value)}`;
  return typeof value;
}

/**
 * A conversation: a list of messages from the user and the assistant, shown as bubbles, with
 * Markdown (code highlighted, LaTeX typeset), files, thoughts and tool-use blocks, feedback,
 * retry/undo/edit and streaming. As an input the function receives the history as
 * {@link NormalizedMessage}s; as an output it returns {@link ChatMessage}s.
 */
export class ChatbotComponent extends Component<ChatbotPayload, ChatbotValue | null, ChatbotPayload> {
  static override readonly events = chatbotEvents;
  readonly type = "chatbot";
  readonly ui = {
    file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)),
    assets: { markdown: markdownAssetsFolder() },
  };
  declare readonly props: ChatbotProps;

  constructor(props: ChatbotProps = {}) {
    checkProps(props);
    super(props);
  }

  private get title(): string {
    return this.props.label ? `Chatbot "${this.props.label}"` : "Chatbot";
  }

  // ---- preprocess: wire → function ----

  /**
   * Turns the wire value into what the function receives: normalized messages (content as a
   * list of parts; a bare string or file sent by an API client is normalized too), each file
   * checked by the server's file store and given with its local path.
   */
  override preprocess(payload: ChatbotPayload | null | undefined, ctx?: ProcessContext): Maybe<ChatbotPayload> {
    if (payload === null || payload === undefined) return [];
    if (!Array.isArray(payload)) throw new VitrineError(`${this.title} expects a list of messages, got ${describe(payload)}`);
    return all(payload.map((message, index) => this.preprocessMessage(message, index, ctx)));
  }

  private preprocessMessage(message: unknown, index: number, ctx: ProcessContext | undefined): Maybe<NormalizedMessage> {
    const { role, metadata, options, contents } = this.checkMessage(message, index);
    const parts = contents.map(
      (item) => then(this.contentPart(item, index, undefined, false), (p) => (p.type === "file" ? this.resolveFile(p, ctx) : p)) as Maybe<ContentPart>,
    );
    return then(all(parts), (content) => ({ role, content, metadata, options }));
  }

  private resolveFile(part: FilePart, ctx: ProcessContext | undefined): Maybe<FilePart> {
    // A URL stays a URL: the function fetches it if it needs it (a history is sent every turn).
    if (isUrl(part.file.path)) return part;
    return needFiles(this.title, ctx)
      .resolve(part.file)
      .then((path) => ({ ...part, file: { ...part.file, path } }));
  }

  // ---- postprocess: function → wire ----

  /**
   * Turns what the function returned into the wire value: every message checked (a clear
   * error names the message's index), each content normalized to a list of parts, files given
   * as paths copied into the app's file cache, components turned into their type, value and
   * props. `null` is an empty chat. Returns a promise only when files or components need the store.
   */
  override postprocess(value: ChatbotValue | null | undefined, ctx?: ProcessContext): Maybe<ChatbotPayload> {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) throw new VitrineError(`${this.title}: return a list of messages ({ role, content }), got ${describe(value)}`);
    const messages = (value as readonly unknown[]).map((message, index) => {
      const { role, metadata, options, contents } = this.checkMessage(message, index);
      return then(all(contents.map((item) => this.contentPart(item, index, ctx, true))), (content) =>
        this.splitReasoning({ role, content, metadata, options }),
      );
    });
    return then(all(messages), (lists) => lists.flat());
  }

  /** Checks a message's role, metadata and options, and lists its contents. */
  private checkMessage(message: unknown, index: number) {
    const where = `${this.title}: message ${index}`;
    if (!isObject(message) || !("content" in message)) {
      throw new VitrineError(`${where} must be an object with "role" and "content" ({ role: "user", content: "Hello" }), got ${describe(message)}`);
    }
    const role = message.role ?? "assistant";
    if (!CHAT_ROLES.includes(role as never)) {
      throw new VitrineError(`${where}: role must be "user", "assistant" or "system", got ${JSON.stringify(role)}`);
    }
    const metadata = checkMetadata(message.metadata, where);
    const options = checkOptions(message.options, where);
    const content = message.content;
    const contents = Array.isArray(content) ? (content as unknown[]) : content === null || content === undefined ? [] : [content];
    return { role: role as NormalizedMessage["role"], metadata, options, contents };
  }

  /** One content item as a part; `adopt` copies paths into the cache (postprocess) or leaves them to `resolve` (preprocess). */
  private contentPart(item: unknown, index: number, ctx: ProcessContext | undefined, adopt: boolean): Maybe<ContentPart> {
    const where = `${this.title}: message ${index}`;
    if (typeof item === "string") return { type: "text", text: item };
    if (typeof item === "number" || typeof item === "boolean") return { type: "text", text: String(item) };
    if (isFileData(item)) return { type: "file", file: item, alt_text: null };
    if (isComponentLike(item)) {
      if (!adopt) throw new VitrineError(`${where}: a component instance cannot be sent as input; send { type: "component", component, value }`);
      return componentPart(item, ctx);
    }
    if (isObject(item)) {
      if (item.type === "text") {
        if (typeof item.text !== "string") throw new VitrineError(`${where}: a text part needs a string "text", got ${describe(item.text)}`);
        return { type: "text", text: item.text };
      }
      if (item.type === "component") {
        if (typeof item.component !== "string") throw new VitrineError(`${where}: a component part needs its type as "component", got ${describe(item.component)}`);
        return {
          type: "component",
          component: item.component,
          value: item.value ?? null,
          constructor_args: isObject(item.constructor_args) ? item.constructor_args : {},
          props: isObject(item.props) ? item.props : {},
          alt_text: typeof item.alt_text === "string" ? item.alt_text : null,
        } satisfies ComponentPart;
      }
      if (item.type === "file" || ("file" in item && item.type === undefined)) {
        const alt = typeof item.alt_text === "string" ? item.alt_text : null;
        return this.filePart(item.file, alt, where, ctx, adopt);
      }
      if (typeof item.path === "string") {
        return this.filePart(item, typeof item.alt_text === "string" ? item.alt_text : null, where, ctx, adopt);
      }
    }
    throw new VitrineError(
      `${where}: content must be a string, a file ({ path }), a FileData, a component, or a list of these; got ${describe(item)}`,
    );
  }

  private filePart(file: unknown, alt_text: string | null, where: string, ctx: ProcessContext | undefined, adopt: boolean): Maybe<FilePart> {
    if (isFileData(file)) return { type: "file", file, alt_text };
    if (!isObject(file) || typeof file.path !== "string" || file.path === "") {
      throw new VitrineError(`${where}: a file needs a "path" (a path or URL), got ${describe(file)}`);
    }
    const path = file.path;
    const name = typeof file.orig_name === "string" ? file.orig_name : basename(path.split(/[?#]/)[0]!) || "file";
    const mime = typeof file.mime_type === "string" ? file.mime_type : mimeFromName(name);
    if (isUrl(path)) return { type: "file", file: fileData(path, { url: path, orig_name: name, mime_type: mime }), alt_text };
    if (!adopt) return { type: "file", file: fileData(path, { orig_name: name, mime_type: mime }), alt_text };
    return needFiles(this.title, ctx)
      .adopt(path, { name, ...(mime ? { mime_type: mime } : {}) })
      .then((saved) => ({ type: "file" as const, file: { ...saved, mime_type: saved.mime_type ?? mime }, alt_text }));
  }

  /** Gradio's `reasoning_tags`: text between the tags becomes a "Reasoning" thought before the message. */
  private splitReasoning(message: NormalizedMessage): NormalizedMessage[] {
    const tags = this.props.reasoning_tags;
    if (!tags?.length) return [message];
    const out: NormalizedMessage[] = [];
    const others = message.content.filter((p) => p.type !== "text");
    for (const part of message.content) {
      if (part.type !== "text") continue;
      for (const segment of splitThinking(part.text, tags)) {
        out.push(
          segment.thinking
            ? { role: message.role, content: [{ type: "text", text: segment.text }], metadata: { title: "Reasoning", status: segment.status }, options: null }
            : { ...message, content: [{ type: "text", text: segment.text }] },
        );
      }
    }
    if (others.length) out.push({ ...message, content: others });
    return out;
  }

  // ---- config ----

  override emptyPayload(): ChatbotPayload {
    return [];
  }

  /** Whether the initial value, avatars or examples hold paths that need the file store. */
  override initialValueNeedsFiles(): boolean {
    const value = this.valueProp;
    if (!Array.isArray(value)) return false;
    try {
      return isPromise(this.postprocess(value));
    } catch {
      return true;
    }
  }

  override initialPayload(): unknown {
    if (this.initialValueNeedsFiles()) return [];
    return super.initialPayload();
  }

  override async configPropsWithFiles(context: ProcessContext): Promise<Record<string, unknown> | null> {
    const out: Record<string, unknown> = (await super.configPropsWithFiles(context)) ?? {};
    const avatars = this.props.avatar_images;
    if (avatars && avatars.some((a) => typeof a === "string" && !isUrl(a))) {
      out.avatar_images = await Promise.all(avatars.map((a) => servedFile(a, context)));
    }
    const examples = this.props.examples;
    if (examples?.some((e) => (typeof e.icon === "string" && !isUrl(e.icon)) || e.files?.some((f) => typeof f === "string" && !isUrl(f)))) {
      out.examples = await Promise.all(
        examples.map(async (e) => ({
          ...e,
          ...(e.icon !== undefined ? { icon: await servedFile(e.icon, context) } : {}),
          ...(e.files ? { files: await Promise.all(e.files.map((f) => servedFile(f, context))) } : {}),
        })),
      );
    }
    return Object.keys(out).length ? out : null;
  }

  api(): ApiDescription {
    return {
      type: CHATBOT_SCHEMA,
      python_type: {
        type: "list[Dict(role: str, metadata: Dict(title: str, id: int | str, parent_id: int | str, log: str, duration: float, status: Literal['pending', 'done']) | None, content: list[Dict(text: str, type: Literal['text']) | Dict(file: filepath, alt_text: str | None, type: Literal['file']) | Dict(component: str, value: Any, constructor_args: Dict(str, Any), props: Dict(str, Any), type: Literal['component'])], options: list[Dict(value: str, label: str)] | None)]",
        description: "a list of chat message dictionaries in openai format, e.g. {'role': 'user', 'content': 'Hello'}",
      },
    };
  }

  override exampleInput(): ChatbotPayload {
    return [
      { role: "user", content: [{ type: "text", text: "Hello!" }], metadata: null, options: null },
      { role: "assistant", content: [{ type: "text", text: "How can I help you?" }], metadata: null, options: null },
    ];
  }

  override processExample(example: unknown): unknown {
    if (example === null || example === undefined) return [];
    const out = this.postprocess(example as ChatbotValue);
    return isPromise(out) ? [] : out;
  }

  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return [];
    return this.postprocess(example as ChatbotValue, context);
  }

  protected override ownProps(): Record<string, unknown> {
    const p = this.props;
    const buttons = chatbotButtons(p);
    const listened = listenedEvents(this);
    return {
      type: "messages",
      autoscroll: p.autoscroll ?? true,
      height: p.height === undefined ? 400 : p.height,
      min_height: p.min_height ?? null,
      max_height: p.max_height ?? null,
      resizable: p.resizable ?? false,
      editable: p.editable ?? null,
      latex_delimiters: p.latex_delimiters ?? DEFAULT_LATEX,
      rtl: p.rtl ?? false,
      buttons,
      show_copy_button: buttons.includes("copy"),
      show_copy_all_button: buttons.includes("copy_all"),
      watermark: p.watermark ?? null,
      avatar_images: (p.avatar_images ?? [null, null]).map((a) => storelessAvatar(a)),
      sanitize_html: p.sanitize_html ?? true,
      render_markdown: p.render_markdown ?? true,
      feedback_options: p.feedback_options === undefined ? ["Like", "Dislike"] : p.feedback_options,
      feedback_value: p.feedback_value ?? null,
      line_breaks: p.line_breaks ?? true,
      layout: p.layout ?? "bubble",
      placeholder: p.placeholder ?? null,
      examples: p.examples ? p.examples.map((e) => storelessExample(e)) : null,
      allow_file_downloads: p.allow_file_downloads ?? true,
      group_consecutive_messages: p.group_consecutive_messages ?? true,
      allow_tags: p.allow_tags ?? true,
      reasoning_tags: p.reasoning_tags ?? null,
      like_user_message: p.like_user_message ?? false,
      // What Gradio's server sets when the app listens to these events: the view shows the
      // feedback, retry and undo buttons, and makes messages clickable, only then.
      likeable: listened.has("like"),
      _retryable: listened.has("retry"),
      _undoable: listened.has("undo"),
      _selectable: listened.has("select"),
    };
  }
}
export interface ChatbotComponent extends Listeners<ChatbotEvent, ChatbotEventData> {}

/** A component returned as content: its type, wire value (files through the store) and config props. */
function componentPart(component: ComponentLike, ctx: ProcessContext | undefined): Maybe<ComponentPart> {
  const c = component as unknown as Component;
  const props = c.configProps();
  const make = (value: unknown): ComponentPart => ({
    type: "component",
    component: c.type,
    value: c.type === "file" && value !== null && !Array.isArray(value) ? [value] : value,
    constructor_args: {},
    props: { ...props, value },
    alt_text: null,
  });
  if (typeof c.initialValueNeedsFiles === "function" && c.initialValueNeedsFiles()) {
    needFiles(`Chatbot: the ${c.type} in a message`, ctx);
    return c.initialPayloadWithFiles(ctx!).then(make);
  }
  return make(props.value ?? null);
}

/** An avatar or example file without the store: FileData and URLs as FileData; a path waits for it (null). */
function storelessAvatar(a: string | FileData | null | undefined): FileData | null {
  if (a === null || a === undefined) return null;
  if (isFileData(a)) return a;
  return isUrl(a) ? fileData(a, { url: a, orig_name: basename(new URL(a).pathname) || null }) : null;
}

function storelessExample(e: ChatExample): Record<string, unknown> {
  return {
    ...e,
    ...(e.icon !== undefined ? { icon: storelessAvatar(e.icon) } : {}),
    ...(e.files ? { files: e.files.map((f) => storelessAvatar(f)).filter((f) => f !== null) } : {}),
  };
}

/** A path, URL or FileData as a FileData served by the app (a path is copied into the cache). */
async function servedFile(a: string | FileData | null | undefined, ctx: ProcessContext): Promise<FileData | null> {
  if (a === null || a === undefined) return null;
  if (isFileData(a) || isUrl(a)) return storelessAvatar(a);
  const name = basename(a);
  const mime = mimeFromName(name);
  return ctx.files.adopt(a, { name, ...(mime ? { mime_type: mime } : {}) });
}

/** The buttons shown, from Gradio 6's `buttons` or Gradio 5's `show_copy_button`/`show_copy_all_button`. */
function chatbotButtons(p: ChatbotProps): ChatbotButton[] {
  if (p.buttons !== undefined && p.buttons !== null) return [...p.buttons];
  if (p.show_copy_button !== undefined || p.show_copy_all_button !== undefined) {
    return [...(p.show_copy_button ? (["copy"] as const) : []), ...(p.show_copy_all_button ? (["copy_all"] as const) : [])];
  }
  return ["copy", "copy_all"];
}

/**
 * The events of `block` some dependency of its app listens to: read from the dependency
 * registries of the containers it sits in (the app, or a render region).
 */
export function listenedEvents(block: Block): Set<string> {
  const out = new Set<string>();
  for (let node: Block | null = block; node; node = node.parent) {
    const deps = (node as unknown as { dependencies?: unknown }).dependencies;
    const list = Array.isArray(deps) ? deps : deps instanceof Map ? [...deps.values()] : [];
    for (const dep of list as { targets?: readonly (readonly [Block, string])[] }[]) {
      for (const [target, event] of dep.targets ?? []) if (target === block) out.add(event);
    }
  }
  return out;
}

function checkMetadata(metadata: unknown, where: string): MessageMetadata | null {
  if (metadata === null || metadata === undefined) return null;
  if (!isObject(metadata)) throw new VitrineError(`${where}: metadata must be an object ({ title, status, … }), got ${describe(metadata)}`);
  const m = metadata as MessageMetadata & Record<string, unknown>;
  const str = (k: string) => m[k] === undefined || m[k] === null || typeof m[k] === "string";
  const id = (k: string) => m[k] === undefined || m[k] === null || typeof m[k] === "string" || typeof m[k] === "number";
  if (!str("title") || !str("log")) throw new VitrineError(`${where}: metadata.title and metadata.log must be strings`);
  if (!id("id") || !id("parent_id")) throw new VitrineError(`${where}: metadata.id and metadata.parent_id must be strings or numbers`);
  if (m.duration !== undefined && m.duration !== null && (typeof m.duration !== "number" || !Number.isFinite(m.duration)))
    throw new VitrineError(`${where}: metadata.duration must be a number of seconds, got ${describe(m.duration)}`);
  if (m.status !== undefined && m.status !== null && m.status !== "pending" && m.status !== "done")
    throw new VitrineError(`${where}: metadata.status must be "pending" or "done", got ${JSON.stringify(m.status)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (v !== undefined) out[k] = v;
  return out as MessageMetadata;
}

function checkOptions(options: unknown, where: string): ChatOption[] | null {
  if (options === null || options === undefined) return null;
  if (!Array.isArray(options)) throw new VitrineError(`${where}: options must be a list of { value, label? }, got ${describe(options)}`);
  return options.map((o, i) => {
    if (!isObject(o) || typeof o.value !== "string" || (o.label !== undefined && o.label !== null && typeof o.label !== "string"))
      throw new VitrineError(`${where}: option ${i} must be { value: string, label?: string }, got ${describe(o)}`);
    return o.label === undefined || o.label === null ? { value: o.value } : { value: o.value, label: o.label };
  });
}

/** Splits text at reasoning tags: `[text, thinking?, status]` segments in order (an unclosed tag is pending). */
export function splitThinking(text: string, tags: readonly (readonly [string, string])[]): { text: string; thinking: boolean; status: "pending" | "done" }[] {
  const out: { text: string; thinking: boolean; status: "pending" | "done" }[] = [];
  let rest = text;
  for (;;) {
    let best: { at: number; open: string; close: string } | null = null;
    for (const [open, close] of tags) {
      const at = rest.indexOf(open);
      if (at >= 0 && (!best || at < best.at)) best = { at, open, close };
    }
    if (!best) break;
    const before = rest.slice(0, best.at).trim();
    if (before) out.push({ text: before, thinking: false, status: "done" });
    const inner = rest.slice(best.at + best.open.length);
    const end = inner.indexOf(best.close);
    const thought = (end >= 0 ? inner.slice(0, end) : inner).trim();
    if (thought) out.push({ text: thought, thinking: true, status: end >= 0 ? "done" : "pending" });
    rest = end >= 0 ? inner.slice(end + best.close.length) : "";
  }
  const after = rest.trim();
  if (after) out.push({ text: after, thinking: false, status: "done" });
  return out;
}

function checkProps(props: ChatbotProps): void {
  const type = (props as { type?: unknown }).type;
  if (type === "tuples") {
    throw new TypeError('Chatbot: type "tuples" was removed in Gradio 6; use the messages format: [{ role: "user", content: "Hi" }, …]');
  }
  if (type !== undefined && type !== "messages") throw new TypeError(`Chatbot: type must be "messages", got ${JSON.stringify(type)}`);
  if (props.layout !== undefined && props.layout !== null && props.layout !== "bubble" && props.layout !== "panel")
    throw new TypeError(`Chatbot: layout must be "bubble" or "panel", got ${JSON.stringify(props.layout)}`);
  if (props.editable !== undefined && props.editable !== null && props.editable !== "user" && props.editable !== "all")
    throw new TypeError(`Chatbot: editable must be "user", "all" or null, got ${JSON.stringify(props.editable)}`);
  for (const b of props.buttons ?? []) {
    if (b !== "copy" && b !== "copy_all" && b !== "share") throw new TypeError(`Chatbot: buttons takes "copy", "copy_all" and "share", got ${JSON.stringify(b)}`);
  }
  if (props.avatar_images !== undefined && props.avatar_images !== null && (!Array.isArray(props.avatar_images) || props.avatar_images.length !== 2))
    throw new TypeError("Chatbot: avatar_images must be [user, assistant] (a path, URL or null each)");
  if (props.latex_delimiters) {
    for (const d of props.latex_delimiters) {
      if (!isObject(d) || typeof d.left !== "string" || typeof d.right !== "string")
        throw new TypeError(`Chatbot: latex_delimiters entries are { left, right, display }, got ${describe(d)}`);
    }
  }
  if (props.examples) {
    props.examples.forEach((e, i) => {
      if (!isObject(e)) throw new TypeError(`Chatbot: example ${i} must be { text?, display_text?, files?, icon? }`);
      if (e.files !== undefined && !Array.isArray(e.files)) throw new TypeError(`Chatbot: example ${i}: files must be a list of paths or URLs`);
    });
  }
}

const METADATA_SCHEMA = {
  properties: {
    title: { title: "Title", type: "string" },
    id: { anyOf: [{ type: "integer" }, { type: "string" }], title: "Id" },
    parent_id: { anyOf: [{ type: "integer" }, { type: "string" }], title: "Parent Id" },
    log: { title: "Log", type: "string" },
    duration: { title: "Duration", type: "number" },
    status: { enum: ["pending", "done"], title: "Status", type: "string" },
  },
  title: "MetadataDict",
  type: "object",
};

/** The JSON schema of a Chatbot's value, as Gradio's `/info` gives it (ChatbotDataMessages). */
export const CHATBOT_SCHEMA = {
  items: {
    properties: {
      role: { title: "Role", type: "string" },
      metadata: { anyOf: [METADATA_SCHEMA, { type: "null" }], default: null },
      content: {
        items: {
          anyOf: [
            {
              properties: { text: { title: "Text", type: "string" }, type: { const: "text", default: "text", title: "Type", type: "string" } },
              required: ["text"],
              title: "TextMessage",
              type: "object",
            },
            {
              properties: {
                file: FILE_DATA_SCHEMA,
                alt_text: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Alt Text" },
                type: { const: "file", default: "file", title: "Type", type: "string" },
              },
              required: ["file"],
              title: "FileMessage",
              type: "object",
            },
            {
              properties: {
                component: { title: "Component", type: "string" },
                value: { title: "Value" },
                constructor_args: { additionalProperties: true, title: "Constructor Args", type: "object" },
                props: { additionalProperties: true, title: "Props", type: "object" },
                type: { const: "component", default: "component", title: "Type", type: "string" },
              },
              required: ["component", "value", "constructor_args", "props"],
              title: "ComponentMessage",
              type: "object",
            },
          ],
        },
        title: "Content",
        type: "array",
      },
      options: {
        anyOf: [
          {
            items: {
              properties: { value: { title: "Value", type: "string" }, label: { title: "Label", type: "string" } },
              required: ["value"],
              title: "OptionDict",
              type: "object",
            },
            type: "array",
          },
          { type: "null" },
        ],
        default: null,
        title: "Options",
      },
    },
    required: ["role", "content"],
    title: "Message",
    type: "object",
  },
  title: "ChatbotDataMessages",
  type: "array",
};

/**
 * A chat, like Gradio's `gr.Chatbot` (messages format). Return a list of `{ role, content }`
 * messages; stream a reply by yielding the history with the last message growing.
 * @example vt.Chatbot({ label: "Chat", placeholder: "Ask me anything" })
 * @example vt.Chatbot({ value: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello!" }] })
 */
export function Chatbot(props: ChatbotProps = {}): ChatbotComponent {
  return new ChatbotComponent(props);
}
export type Chatbot = ChatbotComponent;

export type { ChatMessage, ChatbotPayload, ChatbotValue, NormalizedMessage };
