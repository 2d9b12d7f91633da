import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { MarkdownView, type MarkdownViewProps } from "@vitrine/markdown/ui";
import type { ChatExample, ChatOption, ContentPart, MessageMetadata, NormalizedMessage } from "./messages.js";
import { useAutoscroll } from "./autoscroll.js";
import { chatbotStyle } from "./style.js";
import { keepTags } from "./tags.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the Chatbot view reads. */
export interface ChatbotViewProps {
  /** Scrolls to the newest message when the value changes, unless the user scrolled up. */
  autoscroll?: boolean;
  /** Height of the message area: pixels, or a CSS length. */
  height?: number | string | null;
  /** Least height (the area grows with its messages up to `height`/`max_height`): pixels or CSS. */
  min_height?: number | string | null;
  /** Most height before the area scrolls: pixels or CSS. */
  max_height?: number | string | null;
  /** Whether the user can resize the message area by dragging its corner. */
  resizable?: boolean;
  /** Which messages the user may edit (fires `edit`): "user", "all", or none (default null). */
  editable?: "user" | "all" | null;
  /** Delimiters of LaTeX in messages. */
  latex_delimiters?: { left: string; right: string; display: boolean }[];
  /** Right-to-left text. */
  rtl?: boolean;
  /** Buttons over the chat (Gradio 6): "copy" on each message, "copy_all" for the whole chat, "share" (not built). */
  buttons?: string[] | null;
  /** Gradio 5's spelling of `buttons: ["copy"]`. */
  show_copy_button?: boolean;
  /** Gradio 5's spelling of `buttons: ["copy_all"]`. */
  show_copy_all_button?: boolean;
  /** Text added after a blank line to every message copied from the chat. */
  watermark?: string | null;
  /** Avatars of the user and the assistant, in that order: file paths, URLs, or null. */
  avatar_images?: [FileData | null, FileData | null] | null;
  /** Whether HTML in messages is sanitized. */
  sanitize_html?: boolean;
  /** Whether messages are rendered as Markdown. */
  render_markdown?: boolean;
  /** Feedback the user may give an assistant message (fires `like`). */
  feedback_options?: string[] | null;
  /** The feedback given so far, one entry per assistant message (an option, or null). */
  feedback_value?: (string | null)[] | null;
  /** Whether single newlines become line breaks. */
  line_breaks?: boolean;
  /** "bubble" (default): bubbles on alternating sides; "panel": a column, as in LLM apps. */
  layout?: "bubble" | "panel";
  /** Markdown shown in the middle of an empty chat. */
  placeholder?: string | null;
  /** Examples shown in an empty chat; a click fires `example_select`. */
  examples?: (Omit<ChatExample, "icon" | "files"> & { icon?: FileData | null; files?: FileData[] })[] | null;
  /** Whether media in messages has a download link. */
  allow_file_downloads?: boolean;
  /** Whether consecutive messages of one role share a bubble. */
  group_consecutive_messages?: boolean;
  /** Whether user messages get feedback buttons too. */
  like_user_message?: boolean;
  /** Tags kept visible in messages (escaped) instead of removed: a list, or true for every non-standard tag. */
  allow_tags?: string[] | boolean;
  /** Set by the server when the app listens to `like`, `retry`, `undo`, `select`. */
  likeable?: boolean;
  /** Set by the server: whether the app listens to `retry`, which shows a retry button. */
  _retryable?: boolean;
  /** Set by the server: whether the app listens to `undo`, which shows an undo button. */
  _undoable?: boolean;
  /** Set by the server: whether the app listens to `select`, which makes messages clickable. */
  _selectable?: boolean;
}

/**
 * Instrumentation for tests and benchmarks: called with a message's index each time its
 * component renders (a streamed token should re-render only the last message).
 */
export const renderProbe: { onMessageRender: ((index: number) => void) | null } = { onMessageRender: null };

/** A message placed in the thought tree: thoughts with a `parent_id` sit inside their parent. */
interface Node {
  index: number;
  message: NormalizedMessage;
  children: Node[];
}

/** What every message needs from the view, fixed while only the value changes. */
interface Settings {
  markdown: boolean;
  allowTags: readonly string[] | boolean;
  markdownProps: MarkdownViewProps & { show_label: false };
  copy: boolean;
  watermark: string | null;
  editable: "user" | "all" | null;
  likeable: boolean;
  likeUser: boolean;
  feedbackOptions: string[];
  retryable: boolean;
  undoable: boolean;
  selectable: boolean;
  downloads: boolean;
  avatars: [FileData | null, FileData | null];
}

/** The view's handlers: one stable object (they read the latest value through a ref). */
interface Actions {
  fileUrl(file: FileData): string;
  renderExample?: ViewProps["renderExample"];
  copy(text: string): void;
  /** Gives feedback `option` on a bubble, or takes it back when `pressed` (it was the feedback given). */
  like(group: Node[], option: string, pressed: boolean): void;
  retry(): void;
  undo(): void;
  select(node: Node): void;
  startEdit(index: number): void;
  cancelEdit(): void;
  saveEdit(index: number, text: string): void;
}

const IDLE = { stage: "idle" } as const;

function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/** The text of a list of parts (text parts joined by blank lines). */
function partsText(parts: readonly ContentPart[]): string {
  return parts.map((p) => (p.type === "text" ? p.text : p.type === "file" ? (p.file.orig_name ?? p.file.path) : "")).filter(Boolean).join("\n\n");
}

/** A message's content as events carry it (Gradio): a lone text as its string, else the parts. */
function contentValue(parts: readonly ContentPart[]): unknown {
  if (parts.length === 1 && parts[0]!.type === "text") return parts[0]!.text;
  return parts.map((p) => (p.type === "text" ? p.text : p.type === "file" ? p.file : p));
}

/** Builds the thought tree of the shown messages (system messages are not shown, as in Gradio). */
function buildTree(messages: readonly NormalizedMessage[]): Node[] {
  const byId = new Map<string, Node>();
  const top: Node[] = [];
  messages.forEach((message, index) => {
    if (!message || (message.role !== "user" && message.role !== "assistant")) return;
    const node: Node = { index, message, children: [] };
    const md = message.metadata;
    const parent = md?.parent_id !== undefined && md?.parent_id !== null ? byId.get(String(md.parent_id)) : undefined;
    if (parent) parent.children.push(node);
    else top.push(node);
    if (md?.id !== undefined && md?.id !== null && md.title) byId.set(String(md.id), node);
  });
  return top;
}

/** Consecutive messages of one role share a bubble (unless grouping is off). */
function groupNodes(nodes: Node[], grouped: boolean): Node[][] {
  const groups: Node[][] = [];
  for (const node of nodes) {
    const last = groups[groups.length - 1];
    if (grouped && last && last[0]!.message.role === node.message.role) last.push(node);
    else groups.push([node]);
  }
  return groups;
}

/** Whether two trees hold the same message objects (what streaming with structural sharing keeps). */
function sameNodes(a: readonly Node[], b: readonly Node[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.index !== y.index || x.message !== y.message || !sameNodes(x.children, y.children)) return false;
  }
  return true;
}

/** Where a file part is shown: inline media by MIME type (or extension), else a link. */
function mediaKind(file: FileData): "image" | "audio" | "video" | "file" {
  const mime = file.mime_type ?? "";
  const name = (file.orig_name ?? file.path).toLowerCase();
  if (mime.startsWith("image/") || /\.(png|jpe?g|gif|webp|svg|avif|bmp)$/.test(name)) return "image";
  if (mime.startsWith("audio/") || /\.(mp3|wav|ogg|flac|m4a|aac)$/.test(name)) return "audio";
  if (mime.startsWith("video/") || /\.(mp4|webm|mov|mkv)$/.test(name)) return "video";
  return "file";
}

function FileView({ file, alt, actions, downloads }: { file: FileData; alt: string | null | undefined; actions: Actions; downloads: boolean }) {
  const src = actions.fileUrl(file);
  const name = file.orig_name ?? file.path.split(/[\\/]/).pop() ?? "file";
  const kind = mediaKind(file);
  const download = downloads ? (
    <a className="vt-chatbot-file" href={src} download={name}>
      Download {name}
    </a>
  ) : null;
  if (kind === "image") return (<><img className="vt-chatbot-media" src={src} alt={alt ?? name} />{download}</>);
  if (kind === "audio") return (<><audio className="vt-chatbot-media" src={src} controls aria-label={alt ?? name} />{download}</>);
  if (kind === "video") return (<><video className="vt-chatbot-media" src={src} controls aria-label={alt ?? name} />{download}</>);
  return (
    <a className="vt-chatbot-file" href={src} download={name} target="_blank" rel="noreferrer">
      📄 {name}
    </a>
  );
}

/** A component returned as content: the media components, HTML and Markdown are drawn here; others by their example view. */
function ComponentView({ part, settings, actions }: { part: Extract<ContentPart, { type: "component" }>; settings: Settings; actions: Actions }) {
  const value = part.value as unknown;
  const fileOf = (v: unknown): FileData | null =>
    typeof v === "object" && v !== null && typeof (v as FileData).path === "string" ? (v as FileData) : null;
  switch (part.component) {
    case "image":
    case "audio":
    case "video":
    case "model3d": {
      const file = fileOf(part.component === "video" && value && typeof value === "object" && "video" in value ? (value as { video: unknown }).video : value);
      return file ? <FileView file={{ ...file, mime_type: file.mime_type ?? `${part.component}/*` }} alt={part.alt_text} actions={actions} downloads={settings.downloads} /> : null;
    }
    case "file":
    case "files": {
      const files = (Array.isArray(value) ? value : [value]).map(fileOf).filter((f): f is FileData => f !== null);
      return <>{files.map((f, i) => <FileView key={i} file={f} alt={null} actions={actions} downloads={settings.downloads} />)}</>;
    }
    case "html":
    case "markdown":
      return <MarkdownView id={-1} value={typeof value === "string" ? value : ""} props={settings.markdownProps} interactive={false}
        status={IDLE} onChange={noop} dispatch={noop} upload={noUpload} fileUrl={actions.fileUrl} />;
    case "textbox":
    case "number":
      return <div className="vt-chatbot-text">{value === null || value === undefined ? "" : String(value)}</div>;
    case "json":
      return <pre className="vt-chatbot-text">{JSON.stringify(value, null, 2)}</pre>;
    default: {
      const preview = actions.renderExample?.(part.component, { value, props: (part.props ?? {}) as Record<string, unknown> });
      return preview ? (preview as ReactNode) : <span className="vt-chatbot-text">[{part.component}]</span>;
    }
  }
}

const noop = () => undefined;
const noUpload = async () => [];

/** One content part. */
function PartView({ part, settings, actions }: { part: ContentPart; settings: Settings; actions: Actions }) {
  if (part.type === "text") {
    return settings.markdown ? (
      <MarkdownView id={-1} value={keepTags(part.text, settings.allowTags)} props={settings.markdownProps} interactive={false} status={IDLE}
        onChange={noop} dispatch={(event, data) => event === "copy" && actions.copy((data as { value: string }).value)}
        upload={noUpload} fileUrl={actions.fileUrl} />
    ) : (
      <div className="vt-chatbot-text">{part.text}</div>
    );
  }
  if (part.type === "file") return <FileView file={part.file} alt={part.alt_text} actions={actions} downloads={settings.downloads} />;
  return <ComponentView part={part} settings={settings} actions={actions} />;
}

function Editor({ index, initial, actions }: { index: number; initial: string; actions: Actions }) {
  const [text, setText] = useState(initial);
  return (
    <div className="vt-chatbot-editor">
      <textarea aria-label="Edit message" value={text} rows={Math.min(10, text.split("\n").length + 1)} autoFocus
        onChange={(e) => setText(e.target.value)} />
      <div className="vt-chatbot-actions">
        <button type="button" className="vt-chatbot-action" onClick={() => actions.saveEdit(index, text)}>Save</button>
        <button type="button" className="vt-chatbot-action" onClick={() => actions.cancelEdit()}>Cancel</button>
      </div>
    </div>
  );
}

/** A thought or tool-use block: collapsible, with its status, duration and log; nested thoughts inside. */
function Thought({ node, settings, actions, editing }: { node: Node; settings: Settings; actions: Actions; editing: number | null }) {
  const md = node.message.metadata as MessageMetadata;
  const [open, setOpen] = useState(md.status !== "done");
  // A thought that finishes closes, as in Gradio; the user may open it again.
  const last = useRef(md.status);
  useEffect(() => {
    if (last.current !== md.status) {
      last.current = md.status;
      setOpen(md.status !== "done");
    }
  }, [md.status]);
  const bodyId = `vt-thought-${node.index}`;
  const meta = [md.log, typeof md.duration === "number" ? `${md.duration < 10 ? md.duration.toFixed(1) : Math.round(md.duration)}s` : null].filter(Boolean).join(" · ");
  return (
    <div className="vt-chatbot-thought" data-status={md.status ?? undefined}>
      <button type="button" className="vt-chatbot-thought-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">{open ? "▾" : "▸"}</span>
        <span>{md.title}</span>
        {md.status === "pending" ? <span className="vt-chatbot-spinner" role="status" aria-label="In progress" /> : null}
        {meta ? <span className="vt-chatbot-thought-meta">{meta}</span> : null}
      </button>
      {open ? (
        <div className="vt-chatbot-thought-body" id={bodyId}>
          {node.message.content.map((part, i) => <PartView key={i} part={part} settings={settings} actions={actions} />)}
          {node.children.map((child) => <MessageItem key={child.index} node={child} settings={settings} actions={actions} editing={editing} />)}
        </div>
      ) : null}
    </div>
  );
}

interface MessageItemProps {
  node: Node;
  settings: Settings;
  actions: Actions;
  /** The index of the message being edited, if any. */
  editing: number | null;
}

/** One message (memoized: a message object that did not change is not rendered again). */
const MessageItem = memo(
  function MessageItem({ node, settings, actions, editing }: MessageItemProps) {
    renderProbe.onMessageRender?.(node.index);
    const { message } = node;
    if (message.metadata?.title) return <Thought node={node} settings={settings} actions={actions} editing={editing} />;
    const canEdit =
      (settings.editable === "all" || (settings.editable === "user" && message.role === "user")) &&
      message.content.every((p) => p.type === "text");
    if (editing === node.index) return <Editor index={node.index} initial={partsText(message.content)} actions={actions} />;
    return (
      <div className="vt-chatbot-message" data-index={node.index} data-selectable={settings.selectable ? "" : undefined}
        onClick={settings.selectable ? (e) => !(e.target as Element).closest("button, a") && actions.select(node) : undefined}>
        {message.content.map((part, i) => <PartView key={i} part={part} settings={settings} actions={actions} />)}
        {canEdit ? (
          <div className="vt-chatbot-actions">
            <button type="button" className="vt-chatbot-action" aria-label="Edit message" onClick={() => actions.startEdit(node.index)}>✎</button>
          </div>
        ) : null}
      </div>
    );
  },
  (a, b) =>
    a.node.index === b.node.index && a.node.message === b.node.message && sameNodes(a.node.children, b.node.children) &&
    a.settings === b.settings && a.actions === b.actions &&
    (a.editing === a.node.index) === (b.editing === b.node.index) && (a.node.children.length === 0 || a.editing === b.editing),
);

interface GroupProps {
  nodes: Node[];
  settings: Settings;
  actions: Actions;
  editing: number | null;
  feedback: string | null;
  showRetry: boolean;
  showUndo: boolean;
}

/** One bubble: the consecutive messages of one role, its avatar, and its buttons. */
const Group = memo(
  function Group({ nodes, settings, actions, editing, feedback, showRetry, showUndo }: GroupProps) {
    const role = nodes[0]!.message.role;
    const avatar = settings.avatars[role === "user" ? 0 : 1];
    const showFeedback = settings.likeable && (role === "assistant" || settings.likeUser);
    const text = () => nodes.map((n) => partsText(n.message.content)).join("\n\n");
    const extraOptions = settings.feedbackOptions.filter((o) => o !== "Like" && o !== "Dislike");
    return (
      <div className="vt-chatbot-group" data-role={role} role="listitem" aria-label={role === "user" ? "User message" : "Assistant message"}>
        {avatar ? <img className="vt-chatbot-avatar" src={actions.fileUrl(avatar)} alt="" /> : null}
        <div className="vt-chatbot-stack">
          <div className="vt-chatbot-bubble">
            {nodes.map((node) => <MessageItem key={node.index} node={node} settings={settings} actions={actions} editing={editing} />)}
          </div>
          <div className="vt-chatbot-actions">
            {settings.copy ? (
              <button type="button" className="vt-chatbot-action" aria-label="Copy message" onClick={() => actions.copy(text())}>⧉</button>
            ) : null}
            {showFeedback && settings.feedbackOptions.includes("Like") ? (
              <button type="button" className="vt-chatbot-action" aria-label="Like" aria-pressed={feedback === "Like"} onClick={() => actions.like(nodes, "Like", feedback === "Like")}>👍</button>
            ) : null}
            {showFeedback && settings.feedbackOptions.includes("Dislike") ? (
              <button type="button" className="vt-chatbot-action" aria-label="Dislike" aria-pressed={feedback === "Dislike"} onClick={() => actions.like(nodes, "Dislike", feedback === "Dislike")}>👎</button>
            ) : null}
            {showFeedback
              ? extraOptions.map((option) => (
                  <button key={option} type="button" className="vt-chatbot-action" aria-label={`Feedback: ${option}`} aria-pressed={feedback === option}
                    onClick={() => actions.like(nodes, option, feedback === option)}>⚑ {option}</button>
                ))
              : null}
            {showRetry ? <button type="button" className="vt-chatbot-action" aria-label="Retry" onClick={() => actions.retry()}>↻</button> : null}
            {showUndo ? <button type="button" className="vt-chatbot-action" aria-label="Undo" onClick={() => actions.undo()}>↶</button> : null}
          </div>
        </div>
      </div>
    );
  },
  (a, b) =>
    sameNodes(a.nodes, b.nodes) && a.settings === b.settings && a.actions === b.actions && a.editing === b.editing &&
    a.feedback === b.feedback && a.showRetry === b.showRetry && a.showUndo === b.showUndo,
);

/** Writes text to the clipboard (where the page may). */
function copyText(text: string): void {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) void navigator.clipboard.writeText(text).catch(() => undefined);
}

/**
 * The Chatbot view: the conversation as a log of bubbles (or a panel), Markdown with highlighted
 * code and KaTeX math (through `@vitrine/markdown`), files inline, thoughts as collapsible
 * blocks, and the buttons of each message (copy, like/dislike, retry, undo, edit). It follows the
 * newest message while the user stays at the bottom. Each message is memoized: a streamed token,
 * which changes only the last message object, re-renders only that message.
 */
export function ChatbotView({ value, props, status, onChange, dispatch, fileUrl, renderExample }: ViewProps<NormalizedMessage[] | null, ChatbotViewProps>) {
  adoptStylesheet("vt-chatbot-style", chatbotStyle);
  const messages = useMemo(() => (Array.isArray(value) ? value : []), [value]);
  const latest = useRef({ messages, dispatch, onChange, fileUrl, renderExample });
  latest.current = { messages, dispatch, onChange, fileUrl, renderExample };
  const [editing, setEditing] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Record<number, string | null>>({});

  const buttons = props.buttons ?? null;
  const settings = useMemo<Settings>(
    () => ({
      markdown: props.render_markdown !== false,
      allowTags: props.allow_tags ?? true,
      markdownProps: {
        sanitize_html: props.sanitize_html !== false,
        line_breaks: props.line_breaks !== false,
        rtl: props.rtl === true,
        latex_delimiters: props.latex_delimiters,
        show_label: false,
      },
      copy: buttons ? buttons.includes("copy") : props.show_copy_button !== false,
      watermark: props.watermark ?? null,
      editable: props.editable ?? null,
      likeable: props.likeable === true,
      likeUser: props.like_user_message === true,
      feedbackOptions: props.feedback_options ?? ["Like", "Dislike"],
      retryable: props._retryable === true,
      undoable: props._undoable === true,
      selectable: props._selectable === true,
      downloads: props.allow_file_downloads !== false,
      avatars: props.avatar_images ?? [null, null],
    }),
    [props.render_markdown, props.allow_tags, props.sanitize_html, props.line_breaks, props.rtl, props.latex_delimiters, buttons, props.show_copy_button,
      props.watermark, props.editable, props.likeable, props.like_user_message, props.feedback_options, props._retryable, props._undoable,
      props._selectable, props.allow_file_downloads, props.avatar_images],
  );
  const watermark = settings.watermark;

  const actions = useMemo<Actions>(() => {
    const lastUser = () => {
      const list = latest.current.messages;
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.role === "user") return { index: i, value: contentValue(list[i]!.content) };
      return null;
    };
    return {
      fileUrl: (file) => latest.current.fileUrl(file),
      renderExample: (type, example) => latest.current.renderExample?.(type, example) ?? null,
      copy: (text) => {
        const copied = watermark ? `${text}\n\n${watermark}` : text;
        copyText(copied);
        latest.current.dispatch("copy", { value: copied });
      },
      like: (group, option, pressed) => {
        const first = group[0]!;
        setFeedback((f) => ({ ...f, [first.index]: pressed ? null : option }));
        latest.current.dispatch("like", {
          index: first.index,
          value: group.map((n) => contentValue(n.message.content)),
          liked: pressed ? null : option === "Like" ? true : option === "Dislike" ? false : option,
        });
      },
      retry: () => {
        const target = lastUser();
        if (target) latest.current.dispatch("retry", target);
      },
      undo: () => {
        const target = lastUser();
        if (target) latest.current.dispatch("undo", target);
      },
      select: (node) => latest.current.dispatch("select", { index: node.index, value: contentValue(node.message.content), selected: true }),
      startEdit: (index) => setEditing(index),
      cancelEdit: () => setEditing(null),
      saveEdit: (index, text) => {
        setEditing(null);
        const list = latest.current.messages;
        const old = list[index];
        if (!old) return;
        const previous = partsText(old.content);
        const next = list.map((m, i) => (i === index ? { ...m, content: [{ type: "text" as const, text }] } : m));
        latest.current.onChange(next);
        latest.current.dispatch("edit", { index, value: text, previous_value: previous });
      },
    };
  }, [watermark]);

  // The thought tree and the bubbles.
  const groups = useMemo(() => groupNodes(buildTree(messages), props.group_consecutive_messages !== false), [messages, props.group_consecutive_messages]);
  // Feedback given before (feedback_value: one entry per assistant bubble), under what the user clicked.
  const initialFeedback = useMemo(() => {
    const out: Record<number, string | null> = {};
    const given = props.feedback_value ?? [];
    let k = 0;
    for (const g of groups) if (g[0]!.message.role === "assistant") out[g[0]!.index] = given[k++] ?? null;
    return out;
  }, [groups, props.feedback_value]);

  // Autoscroll: follow the newest message unless the user scrolled up.
  const log = useRef<HTMLDivElement>(null);
  const onScroll = useAutoscroll(log, ".vt-chatbot-group, .vt-chatbot-pending", props.autoscroll !== false, [messages, status.stage]);

  const lastGroup = groups[groups.length - 1];
  const lastUserGroup = (() => {
    for (let i = groups.length - 1; i >= 0; i--) if (groups[i]![0]!.message.role === "user") return i;
    return -1;
  })();
  const lastMessage = messages[messages.length - 1];
  const options: ChatOption[] = lastMessage?.role === "assistant" ? (lastMessage.options ?? []) : [];
  const label = props.label ?? "Chatbot";
  const showLabel = props.show_label !== false && Boolean(props.label);
  const copyAll = buttons ? buttons.includes("copy_all") : props.show_copy_all_button !== false;
  const pending = status.stage === "pending";

  return (
    <div className="vt-chatbot" data-layout={props.layout ?? "bubble"} dir={props.rtl ? "rtl" : undefined}>
      {showLabel || messages.length > 0 ? (
        <div className="vt-chatbot-toolbar">
          {showLabel ? <span className="vt-label" style={{ marginInlineEnd: "auto" }}>{props.label}</span> : null}
          {messages.length > 0 && copyAll ? (
            <button type="button" className="vt-chatbot-action"
              onClick={() => actions.copy(messages.map((m) => `${m.role}: ${partsText(m.content)}`).join("\n\n"))}>
              <span aria-hidden="true">⧉ </span>Copy all
            </button>
          ) : null}
          {messages.length > 0 ? (
            <button type="button" className="vt-chatbot-action" aria-label="Clear conversation"
              onClick={() => {
                setEditing(null);
                setFeedback({});
                onChange([]);
                dispatch("clear");
              }}>🗑</button>
          ) : null}
        </div>
      ) : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div ref={log} className="vt-chatbot-log" role="log" aria-label={label} aria-busy={pending || status.stage === "generating"}
        data-resizable={props.resizable ? "" : undefined} onScroll={onScroll}
        style={{ height: cssLength(props.height === undefined ? 400 : props.height), minHeight: cssLength(props.min_height), maxHeight: cssLength(props.max_height) }}>
        {messages.length === 0 ? (
          <div className="vt-chatbot-empty">
            {props.placeholder ? (
              <MarkdownView id={-1} value={props.placeholder} props={settings.markdownProps} interactive={false} status={IDLE}
                onChange={noop} dispatch={noop} upload={noUpload} fileUrl={actions.fileUrl} />
            ) : null}
            {props.examples?.length ? (
              <div className="vt-chatbot-examples">
                {props.examples.map((example, index) => (
                  <button key={index} type="button" className="vt-chatbot-example"
                    onClick={() => dispatch("example_select", { index, value: example, selected: true })}>
                    {example.icon ? <img src={fileUrl(example.icon)} alt="" /> : null}
                    <span>{example.display_text ?? example.text ?? ""}</span>
                    {example.files?.length ? <span className="vt-chatbot-thought-meta">{example.files.length} file{example.files.length > 1 ? "s" : ""}</span> : null}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        ) : (
          <div role="list" style={{ display: "contents" }}>
            {groups.map((nodes, i) => {
              const first = nodes[0]!;
              const isLast = nodes === lastGroup;
              return (
                <Group key={first.index} nodes={nodes} settings={settings} actions={actions}
                  editing={editing !== null && nodes.some((n) => containsIndex(n, editing)) ? editing : null}
                  feedback={first.index in feedback ? feedback[first.index]! : (initialFeedback[first.index] ?? null)}
                  showRetry={settings.retryable && isLast && first.message.role === "assistant" && !pending}
                  showUndo={settings.undoable && i === lastUserGroup && !pending} />
              );
            })}
          </div>
        )}
        {pending ? (
          <div className="vt-chatbot-pending" role="status" aria-label="Waiting for a reply"><span /><span /><span /></div>
        ) : null}
      </div>
      {options.length > 0 ? (
        <div className="vt-chatbot-options">
          {options.map((option, index) => (
            <button key={index} type="button" className="vt-chatbot-action"
              onClick={() => dispatch("option_select", { index, value: option.value, selected: true })}>
              {option.label ?? option.value}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function containsIndex(node: Node, index: number): boolean {
  return node.index === index || node.children.some((c) => containsIndex(c, index));
}
