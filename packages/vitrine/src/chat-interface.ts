import {
  Accordion,
  BlocksApp,
  Column,
  Component,
  Row,
  listen,
  parameterNames,
  rootScope,
  unknownOptionError,
  update,
  withParameterNames,
  type AnyComponent,
  type ArgsOf,
  type Dependency,
  type EventContext,
  type SelectData,
  type ThemeLike,
  type BlocksProps,
} from "@vitrine/core";
import { Button } from "@vitrine/button";
import { BrowserState } from "@vitrine/browserstate";
import { Chatbot, ChatbotComponent, type ChatExample, type ChatbotProps, type EditData } from "@vitrine/chatbot";
import { Dataset, Examples, ExamplesCache } from "@vitrine/dataset";
import { JSON as JsonComponent } from "@vitrine/json";
import { Markdown } from "@vitrine/markdown";
import { MultimodalTextbox, MultimodalTextboxComponent, type MultimodalValue } from "@vitrine/multimodaltextbox";
import { State } from "@vitrine/state";
import { Textbox, TextboxComponent } from "@vitrine/textbox";
import { App } from "./app.js";
import { appendMessages, popLastUserTurn, textOf, type ChatInput, type ChatResponse, type HistoryMessage } from "./chat-history.js";
import { copyComponent } from "./copy.js";
import { isGeneratorFunction, pageProps } from "./interface.js";
import { resolveComponent, type ComponentLike, type ResolveAll } from "./shortcuts.js";

/** What a chat function returns: a reply, a promise of one, or a (async) generator of the reply so far. */
export type ChatFnResult =
  | ChatResponse
  | Promise<ChatResponse>
  | Generator<ChatResponse, unknown, unknown>
  | AsyncGenerator<ChatResponse, unknown, unknown>;

/**
 * A ChatInterface's function: the user's message (text, or `{ text, files }` with
 * `multimodal: true`), the history so far (the Chatbot's messages), the values of the
 * additional inputs, then the event context (`ctx.signal` fires on Stop).
 */
export type ChatFn<M extends boolean, A> = (
  message: M extends true ? MultimodalValue : string,
  history: HistoryMessage[],
  ...rest: [...ArgsOf<ResolveAll<A>>, EventContext, ...undefined[]]
) => ChatFnResult;

/** Options of a {@link ChatInterface}. */
export interface ChatInterfaceOptions<A extends readonly ComponentLike[] = readonly [], M extends boolean = false> {
  /**
   * The chat function: `(message, history, ...additional_inputs, ctx)`. It returns the reply (a
   * string, a message `{ role, content, metadata? }`, a list of messages, a component, or a file),
   * or is a generator yielding the reply so far, which streams into the chat.
   */
  fn: NoInfer<ChatFn<M, A>>;
  /** Whether the user sends files with the text (a MultimodalTextbox; `message` is `{ text, files }`). Default false. */
  multimodal?: M;
  /** The history's format: "messages", the only one (Gradio 6 dropped "tuples"). */
  type?: "messages";
  /** A Chatbot to use instead of the default one (to set its height, avatars, …). */
  chatbot?: ChatbotComponent | null;
  /** A Textbox (or, when multimodal, a MultimodalTextbox) to use instead of the default one. */
  textbox?: TextboxComponent | MultimodalTextboxComponent | null;
  /** Components whose values follow the history as `fn`'s next parameters, shown in an accordion. */
  additional_inputs?: A;
  /** The accordion's label, or its props (`{ label, open }`). Default "Additional Inputs", closed. */
  additional_inputs_accordion?: string | { label?: string; open?: boolean } | null;
  /** Components `fn` also returns values for (it then returns `[reply, ...values]`). */
  additional_outputs?: readonly ComponentLike[];
  /**
   * Example messages, shown in the empty chat: strings, `{ text, files }` when multimodal, or
   * lists `[message, ...additional input values]` (then shown as a table under the chat).
   */
  examples?: readonly (string | { text?: string; files?: readonly string[] } | readonly unknown[])[] | null;
  /** Labels shown for the examples instead of their text. */
  example_labels?: readonly string[] | null;
  /** Icons (image paths or URLs) shown beside the examples. */
  example_icons?: readonly string[] | null;
  /** Whether clicking an example sends it (default true); false only fills the textbox. */
  run_examples_on_click?: boolean;
  /** Whether the examples' replies are computed once and kept (`true`: at start; `"lazy"`: on first click). Default false. */
  cache_examples?: boolean | "lazy";
  /** With `cache_examples: true`: "eager" (default) or "lazy". */
  cache_mode?: "eager" | "lazy";
  /** Title shown above the chat and in the browser tab. */
  title?: string | null;
  /** Markdown shown under the title. */
  description?: string | null;
  /** The submit button inside the textbox: `true` (an arrow), a label, or `false`. Default true. */
  submit_btn?: boolean | string;
  /** The stop button shown while a reply streams: `true` (a square), a label, or `false`. Default true. */
  stop_btn?: boolean | string;
  /** Whether the user may edit their messages, which runs `fn` again from there. Default false. */
  editable?: boolean;
  /**
   * Whether conversations are kept in the browser (localStorage), listed beside the chat to
   * reopen, with a "New chat" button. Default false.
   */
  save_history?: boolean;
  /** Whether the textbox has focus when the page loads. Default true. */
  autofocus?: boolean;
  /** Whether the chat scrolls to the newest message. Default true. */
  autoscroll?: boolean;
  /** Name of the API endpoint. Default "chat"; `false` keeps it off the API. */
  api_name?: string | false;
  /** Description of the endpoint on the API page. */
  api_description?: string | null;
  /** Whether the endpoint is listed on the API page. Default true. */
  show_api?: boolean;
  /** How many replies may run at once (default 1; `null` for unlimited). */
  concurrency_limit?: number | null | "default";
  /** How progress shows while a reply runs. Default "minimal". */
  show_progress?: "full" | "minimal" | "hidden";
  /** The page's theme. */
  theme?: ThemeLike | null;
  /** Custom CSS for the page. */
  css?: string | null;
  /** JavaScript run when the page loads. */
  js?: BlocksProps["js"];
  /** HTML added to the page's `<head>`. */
  head?: string | null;
  /** Whether the chat fills the window's height. Default true. */
  fill_height?: boolean;
  /** Whether the app spans the window's width. Default false. */
  fill_width?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyChatOptions = ChatInterfaceOptions<any, boolean>;

const OPTION_NAMES = [
  "fn",
  "multimodal",
  "type",
  "chatbot",
  "textbox",
  "additional_inputs",
  "additional_inputs_accordion",
  "additional_outputs",
  "examples",
  "example_labels",
  "example_icons",
  "run_examples_on_click",
  "cache_examples",
  "cache_mode",
  "title",
  "description",
  "submit_btn",
  "stop_btn",
  "editable",
  "save_history",
  "autofocus",
  "autoscroll",
  "api_name",
  "api_description",
  "show_api",
  "concurrency_limit",
  "show_progress",
  "theme",
  "css",
  "js",
  "head",
  "fill_height",
  "fill_width",
] as const satisfies readonly (keyof AnyChatOptions)[];
type UnlistedOption = Exclude<keyof AnyChatOptions, (typeof OPTION_NAMES)[number]>;
const allOptionsListed: [UnlistedOption] extends [never] ? true : UnlistedOption = true;
void allOptionsListed;

/** The parts of a ChatInterface's page, for tests and for apps that wire more events to them. */
export interface ChatInterfaceParts {
  /** The chat shown. */
  chatbot: ChatbotComponent;
  /** The box the user types messages in. */
  textbox: TextboxComponent | MultimodalTextboxComponent;
  /** Inputs shown under the chat whose values the function also gets. */
  additionalInputs: AnyComponent[];
  /** The history as of the last finished reply (a State: one per session). */
  chatState: AnyComponent;
  /** The `/chat` endpoint. */
  api: Dependency;
  /** The reply to a submitted message. */
  submit: Dependency;
}

/**
 * Gradio's ChatInterface: a chat page around a function of the message and the history, with
 * streaming replies (a generator's yields), Stop, retry, undo, edit, examples, additional
 * inputs, multimodal messages and an API endpoint (`/chat`).
 *
 * As in Gradio, the history is State: an API client's successive calls in one session see the
 * earlier exchanges; another session starts empty. The additional inputs are the endpoint's
 * next parameters, named after `fn`'s.
 *
 * @example
 * const demo = new vt.ChatInterface({
 *   fn: async function* (message: string) {
 *     let reply = "";
 *     for (const word of `You said: ${message}`.split(" ")) yield (reply += word + " ");
 *   },
 *   title: "Echo",
 * });
 * await demo.launch();
 */
export class ChatInterface<const A extends readonly ComponentLike[] = readonly [], const M extends boolean = false> extends App {
  /** The options the ChatInterface was made with. */
  readonly options: Readonly<ChatInterfaceOptions<A, M>>;
  /** The parts of its page. */
  readonly parts: ChatInterfaceParts;

  constructor(options: ChatInterfaceOptions<A, M>) {
    checkOptions(options);
    super({ ...pageProps({ ...options, title: options.title ?? undefined, fill_height: options.fill_height ?? true }), mode: "chat_interface" });
    this.options = options;
    let parts: ChatInterfaceParts | undefined;
    this.fill(() => {
      parts = buildChatInterface(options as AnyChatOptions, false);
    });
    this.parts = parts!;
  }

  /** Rebuilds this ChatInterface inside the app being built (a Tab of `vt.Blocks`), with copies of its components. */
  override render(): this {
    if (!rootScope()) throw new Error("ChatInterface.render() must be called inside a Blocks builder callback");
    buildChatInterface(this.options as AnyChatOptions, true);
    return this;
  }
}

/** Builds a ChatInterface's page and events into the app being built. */
function buildChatInterface(options: AnyChatOptions, copy: boolean): ChatInterfaceParts {
  const fn = options.fn as (...args: unknown[]) => unknown;
  const multimodal = options.multimodal === true;
  const names = parameterNames(fn);
  const place = <C extends AnyComponent>(c: C): C => (copy ? copyComponent(c) : c).render() as C;

  const additionalInputs = (options.additional_inputs ?? []).map((c: ComponentLike) => {
    const component = resolveComponent(c);
    return copy ? copyComponent(component) : component;
  });
  additionalInputs.forEach((c: AnyComponent, i: number) => {
    const name = names[i + 2];
    if (name) (c.props as { label?: string | null }).label ??= name;
  });
  const additionalOutputs = (options.additional_outputs ?? []).map((c: ComponentLike) => {
    const component = resolveComponent(c);
    return copy ? copyComponent(component) : component;
  });
  const submitLabel = options.submit_btn ?? true;
  const stopLabel = options.stop_btn ?? true;
  const emptyInput: ChatInput = multimodal ? { text: "", files: [] } : "";
  const examples = options.examples ?? [];
  const examplesWithInputs = examples.some((e) => Array.isArray(e));

  let chatbot!: ChatbotComponent;
  let textbox!: TextboxComponent | MultimodalTextboxComponent;
  let conversations: AnyComponent | null = null;
  let newChat: AnyComponent | null = null;

  const body = () => {
    if (options.title) Markdown({ value: `<h1 style="text-align: center">${escapeHtml(options.title)}</h1>`, elem_classes: ["vt-title"] });
    if (options.description) Markdown({ value: options.description, elem_classes: ["vt-description"] });
    if (options.chatbot) {
      chatbot = place(options.chatbot);
    } else {
      chatbot = Chatbot({ label: "Chatbot", show_label: false, scale: 1, height: options.fill_height === false ? 400 : "100%", autoscroll: options.autoscroll ?? true });
    }
    const chatProps = chatbot.props as ChatbotProps;
    if (!examplesWithInputs && examples.length > 0 && !chatProps.examples) chatProps.examples = examples.map((e, i) => chatExample(e, i, options));
    if (options.editable && !chatProps.editable) chatProps.editable = "user";
    Row(() => {
      if (options.textbox) {
        textbox = place(options.textbox);
      } else {
        const common = { show_label: false, label: "Message", placeholder: "Type a message...", scale: 7, autofocus: options.autofocus ?? true, submit_btn: submitLabel };
        textbox = multimodal ? MultimodalTextbox({ ...common, stop_btn: stopLabel }) : Textbox({ ...common, stop_btn: stopLabel, lines: 1, max_lines: 20 });
      }
    });
    if (examplesWithInputs) {
      Examples({ examples: examples.map((e) => (Array.isArray(e) ? e : [e])) as never, inputs: [textbox, ...additionalInputs] });
    }
    if (additionalInputs.length > 0) {
      const accordion = options.additional_inputs_accordion;
      const props = typeof accordion === "string" ? { label: accordion, open: false } : { label: "Additional Inputs", open: false, ...(accordion ?? {}) };
      Accordion(props, () => additionalInputs.forEach((c: AnyComponent) => c.render()));
    }
    additionalOutputs.forEach((c: AnyComponent) => c.render());
  };

  if (options.save_history) {
    Row({ equal_height: false }, () => {
      Column({ scale: 1, min_width: 120 }, () => {
        newChat = Button({ value: "＋ New chat", variant: "secondary", size: "sm" });
        conversations = Dataset({ components: [Textbox({ render: false, label: "Conversation" })], samples: [], label: "Chats", type: "index", samples_per_page: 100 });
      });
      Column({ scale: 6 }, body);
    });
  } else {
    Column({ scale: 1 }, body);
  }

  const savedInput = State<ChatInput>({ value: emptyInput });
  const chatState = State<HistoryMessage[]>({ value: [...((chatbot.props.value as HistoryMessage[] | null | undefined) ?? [])] });
  const nullState = State();
  const apiButton = Button({ value: "Fake API", visible: false });
  const apiResponse = JsonComponent({ label: "Response", visible: false });

  const hidden = { api_name: false, show_api: false } as const;
  const local = { ...hidden, queue: false } as const;
  const settings = {
    concurrency_limit: options.concurrency_limit,
    show_progress: options.show_progress ?? "minimal",
  };

  // The reply: fn(message, history, ...additional) → the chat, streamed. The textbox is an output
  // too (left as it is) so that its stop button shows while the reply runs.
  const reply = replyFunction(fn, isGeneratorFunction(fn), additionalOutputs.length, (result) => [...result, update({})]);
  const submitOptions = {
    fn: reply as never,
    inputs: [savedInput, chatState, ...additionalInputs],
    outputs: [nullState, chatbot, ...additionalOutputs, textbox],
    ...hidden,
    ...settings,
  };
  const sync = { fn: ((history: HistoryMessage[]) => history) as never, inputs: [chatbot], outputs: [chatState], ...local };
  const release = { fn: (() => update({ interactive: true })) as never, inputs: [], outputs: [textbox], ...local };
  const lock = { fn: (() => update({ interactive: false })) as never, inputs: [], outputs: [textbox], ...local };
  const appendUser = {
    fn: ((message: ChatInput, history: HistoryMessage[]) => appendMessages(history, message, "user")) as never,
    outputs: [chatbot],
    ...local,
  };
  let save: ((dep: Dependency) => void) | null = null;

  // Submit: keep the message, clear the box, show the message, then run fn.
  const userSubmit = listen([[textbox, "submit"]], {
    fn: ((message: ChatInput) => [update({ value: multimodal ? null : "", interactive: false }), message]) as never,
    inputs: [textbox],
    outputs: [textbox, savedInput],
    ...local,
  });
  const submitEvent = userSubmit.then({ ...appendUser, inputs: [savedInput, chatbot] }).then(submitOptions);
  const afterSubmit = submitEvent.then(sync).then(release);

  // Retry: take the last user turn off, show it again, run fn again.
  const retryEvent = listen([[chatbot, "retry"]], {
    fn: ((history: HistoryMessage[]) => popLastUserTurn(history, multimodal)) as never,
    inputs: [chatState],
    outputs: [chatState, savedInput],
    ...local,
  })
    .then({ ...appendUser, inputs: [savedInput, chatState] })
    .then(lock)
    .then(submitOptions);
  const afterRetry = retryEvent.then(sync).then(release);

  // Undo: take the last user turn off and put the message back in the box.
  const undoEvent = listen([[chatbot, "undo"]], {
    fn: ((history: HistoryMessage[]) => popLastUserTurn(history, multimodal)) as never,
    inputs: [chatbot],
    outputs: [chatbot, textbox],
    ...local,
  }).then(sync);

  // An option under a reply: send its value as the user's message.
  const optionEvent = listen([[chatbot, "option_select"]], {
    fn: ((history: HistoryMessage[], ctx: EventContext<SelectData>) => {
      const value = String(ctx.event.data?.value ?? "");
      return [appendMessages(history, value, "user"), value];
    }) as never,
    inputs: [chatbot],
    outputs: [chatbot, savedInput],
    ...local,
  }).then(submitOptions);
  const afterOption = optionEvent.then(sync);

  const cancellable: Dependency[] = [submitEvent, retryEvent, optionEvent];

  // Edit a user message: the history up to it, the edited text as the message, fn again.
  let afterEdit: Dependency | null = null;
  if (options.editable) {
    const editEvent = listen([[chatbot, "edit"]], {
      fn: ((history: HistoryMessage[], ctx: EventContext<EditData>) => {
        const data = ctx.event.data;
        const index = Array.isArray(data?.index) ? Number(data.index[0]) : Number(data?.index ?? history.length);
        const kept = history.slice(0, Math.max(0, index));
        const value = multimodal ? { text: String(data?.value ?? ""), files: [] } : String(data?.value ?? "");
        return [kept, kept, value];
      }) as never,
      inputs: [chatbot],
      outputs: [chatbot, chatState, savedInput],
      ...local,
    })
      .then({ ...appendUser, inputs: [savedInput, chatState] })
      .success(lock)
      .success(submitOptions);
    cancellable.push(editEvent);
    afterEdit = editEvent.then(sync).then(release);
  }

  // Examples in the empty chat: send one (or its cached reply), or only fill the box.
  let afterExample: Dependency | null = null;
  if (!examplesWithInputs && examples.length > 0) {
    const runs = options.cache_examples ? true : options.run_examples_on_click ?? true;
    if (options.cache_examples) {
      const mode = options.cache_examples === "lazy" || options.cache_mode === "lazy" ? "lazy" : "eager";
      const root = rootScope();
      const app = root instanceof BlocksApp ? root : null;
      const cache = new ExamplesCache({
        id: `${slug(app?.title ?? "chat")}-chat-${chatbot.id - (app?.id ?? 0)}`,
        inputs: [textbox, ...additionalInputs],
        outputs: [chatbot],
        fn: exampleReplyFunction(fn, multimodal),
        examples: examples.map((e) => [exampleInput(e, multimodal), ...additionalInputs.map((c: AnyComponent) => c.props.value ?? null)]),
        mode,
        name: "ChatInterface examples",
      });
      if (mode === "eager") app?.onStart(() => cache.prepare());
      afterExample = listen([[chatbot, "example_select"]], {
        fn: (async (ctx: EventContext<SelectData>) => {
          const index = Number(ctx.event.data?.index ?? 0);
          const [history] = await cache.outputsOf(index, ctx);
          return [history, exampleInput(examples[index]!, multimodal)];
        }) as never,
        inputs: [],
        outputs: [chatbot, savedInput],
        postprocess: false,
        ...hidden,
        queue: mode === "lazy",
      }).then(sync);
    } else if (runs) {
      const exampleEvent = listen([[chatbot, "example_select"]], {
        fn: ((ctx: EventContext<SelectData>) => {
          const message = exampleInput(examples[Number(ctx.event.data?.index ?? 0)] ?? "", multimodal);
          return [appendMessages([], message, "user"), message];
        }) as never,
        inputs: [],
        outputs: [chatbot, savedInput],
        ...local,
      })
        .then({ fn: (() => []) as never, inputs: [], outputs: [chatState], ...local })
        .then(submitOptions);
      cancellable.push(exampleEvent);
      afterExample = exampleEvent.then(sync).then(release);
    } else {
      listen([[chatbot, "example_select"]], {
        fn: ((ctx: EventContext<SelectData>) => exampleInput(examples[Number(ctx.event.data?.index ?? 0)] ?? "", multimodal)) as never,
        inputs: [],
        outputs: [textbox],
        ...local,
      });
    }
  }

  // Stop ends the reply (its generator's signal fires); the chat keeps what it had streamed.
  listen([[textbox, "stop"]], { fn: null, cancels: cancellable, ...local }).then(sync).then(release);

  // Clearing the chat clears the history.
  const clearEvent = listen([[chatbot, "clear"]], { fn: (() => []) as never, inputs: [], outputs: [chatState], ...local });

  // The endpoint: (message, ...additional) → the reply; the history is the session's State.
  const api = listen([[apiButton, "click"]], {
    fn: withParameterNames(
      replyFunction(fn, isGeneratorFunction(fn), additionalOutputs.length, (response) => response),
      ["message", "history", ...names.slice(2)],
    ) as never,
    inputs: [textbox, chatState, ...additionalInputs],
    outputs: [apiResponse, chatState, ...additionalOutputs],
    api_name: options.api_name === undefined ? "chat" : options.api_name,
    api_description: options.api_description ?? null,
    show_api: options.show_api ?? true,
    concurrency_limit: options.concurrency_limit,
    postprocess: false,
  });

  if (options.save_history && conversations && newChat) {
    const saved = BrowserState<HistoryMessage[][]>({ value: [], storage_key: "vitrine_chat_conversations" });
    const current = State<number | null>({ value: null });
    const listed = conversations as AnyComponent;
    const saveConversation = {
      fn: ((id: number | null, history: HistoryMessage[], all: HistoryMessage[][] | null) => {
        const list = [...(all ?? [])];
        if (!history || history.length === 0) return [id, list];
        if (id === null || id >= list.length) {
          list.unshift(history);
          return [0, list];
        }
        list[id] = history;
        return [id, list];
      }) as never,
      inputs: [current, chatState, saved],
      outputs: [current, saved],
      ...local,
    };
    save = (dep) => void dep.then(saveConversation);
    for (const dep of [afterSubmit, afterRetry, undoEvent, afterOption, afterEdit, afterExample]) if (dep) save(dep);
    const samples = (all: HistoryMessage[][] | null) =>
      update({ samples: (all ?? []).map((history) => [textOf(history.find((m) => m.role === "user")).slice(0, 60) || "(empty)"]) });
    listen([[saved, "change"]], { fn: samples as never, inputs: [saved], outputs: [listed], ...local });
    const root = rootScope();
    if (root instanceof BlocksApp) root.load({ fn: samples as never, inputs: [saved], outputs: [listed], ...local });
    listen([[newChat, "click"]], { fn: (() => [null, [], []]) as never, inputs: [], outputs: [current, chatbot, chatState], ...local });
    listen([[listed, "click"]], {
      fn: ((index: number, all: HistoryMessage[][] | null) => {
        const history = (all ?? [])[index] ?? [];
        return [index, history, history];
      }) as never,
      inputs: [listed, saved],
      outputs: [current, chatbot, chatState],
      ...local,
    });
    clearEvent.then({
      fn: ((id: number | null, all: HistoryMessage[][] | null) => {
        const list = [...(all ?? [])];
        if (id !== null && id < list.length) list.splice(id, 1);
        return [null, list];
      }) as never,
      inputs: [current, saved],
      outputs: [current, saved],
      ...local,
    });
  }
  return { chatbot, textbox, additionalInputs, chatState, api, submit: submitEvent };
}

/**
 * The function behind a reply: calls `fn(message, history, ...rest)` with a copy of the history
 * and answers `[reply, history with the message and the reply, ...additional outputs]`, mapped
 * by `shape`; for a generator `fn`, an async generator yielding that for each partial reply.
 */
function replyFunction(
  fn: (...args: unknown[]) => unknown,
  streams: boolean,
  additionalOutputs: number,
  shape: (result: unknown[]) => unknown[],
): (...args: unknown[]) => unknown {
  const split = (response: unknown): [unknown, unknown[]] => {
    if (additionalOutputs === 0) return [response, []];
    if (!Array.isArray(response)) throw new TypeError(`ChatInterface: with additional_outputs, fn returns [reply, ...${additionalOutputs} values]`);
    return [response[0], response.slice(1, additionalOutputs + 1)];
  };
  if (streams) {
    return async function* (message: unknown, history: unknown, ...rest: unknown[]) {
      const before = appendMessages(history as HistoryMessage[], message, "user");
      let any = false;
      for await (const response of fn(message, [...((history as HistoryMessage[]) ?? [])], ...rest) as AsyncIterable<unknown>) {
        any = true;
        const [reply, extra] = split(response);
        yield shape([reply, appendMessages(before, reply, "assistant"), ...extra]);
      }
      if (!any) yield shape([null, before, ...Array.from({ length: additionalOutputs }, () => update({}))]);
    };
  }
  return async function (message: unknown, history: unknown, ...rest: unknown[]) {
    const response = await fn(message, [...((history as HistoryMessage[]) ?? [])], ...rest);
    const [reply, extra] = split(response);
    const after = appendMessages(appendMessages(history as HistoryMessage[], message, "user"), reply, "assistant");
    return shape([reply, after, ...extra]);
  };
}

/** For cached examples: the whole exchange (the message and the final reply) as the Chatbot's value. */
function exampleReplyFunction(fn: (...args: unknown[]) => unknown, multimodal: boolean): (...args: unknown[]) => unknown {
  return async (message: unknown, ...rest: unknown[]) => {
    const input = multimodal ? message : typeof message === "string" ? message : String(message ?? "");
    let result = fn(input, [], ...rest);
    let reply: unknown = null;
    if (isIterator(result)) {
      for await (const partial of result as AsyncIterable<unknown>) reply = partial;
    } else {
      reply = await result;
    }
    result = appendMessages(appendMessages([], input, "user"), reply, "assistant");
    return result;
  };
}

function isIterator(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { next?: unknown }).next === "function";
}

/** An example as the Chatbot shows it in the empty chat. */
function chatExample(example: unknown, index: number, options: AnyChatOptions): ChatExample {
  const label = options.example_labels?.[index];
  const icon = options.example_icons?.[index];
  const base = typeof example === "string" ? { text: example } : { text: (example as { text?: string }).text ?? "", files: (example as { files?: readonly string[] }).files };
  return { ...base, ...(label ? { display_text: label } : {}), ...(icon ? { icon } : {}) } as ChatExample;
}

/** An example as the message it sends. */
function exampleInput(example: unknown, multimodal: boolean): ChatInput {
  if (typeof example === "string") return multimodal ? { text: example, files: [] } : example;
  const e = example as { text?: string; files?: readonly string[] };
  return multimodal ? { text: e.text ?? "", files: [...(e.files ?? [])] } : (e.text ?? "");
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "chat";
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rejects what TypeScript would have caught, for JavaScript callers. */
function checkOptions(options: unknown): void {
  if (typeof options !== "object" || options === null) throw new TypeError("ChatInterface takes an options object: { fn, … }");
  for (const key of Object.keys(options)) {
    if (!(OPTION_NAMES as readonly string[]).includes(key)) throw unknownOptionError(key, OPTION_NAMES);
  }
  const o = options as Record<string, unknown>;
  if (typeof o.fn !== "function") throw new TypeError("ChatInterface: fn must be a function");
  if (o.type !== undefined && o.type !== "messages") {
    throw new TypeError(`ChatInterface: type must be "messages" (the "tuples" format was removed in Gradio 6), got ${JSON.stringify(o.type)}`);
  }
  if (o.chatbot != null && !(o.chatbot instanceof ChatbotComponent)) throw new TypeError("ChatInterface: chatbot must be a vt.Chatbot(...)");
  if (o.textbox != null) {
    const want = o.multimodal === true ? MultimodalTextboxComponent : TextboxComponent;
    if (!(o.textbox instanceof want)) {
      throw new TypeError(`ChatInterface: textbox must be a vt.${o.multimodal === true ? "MultimodalTextbox" : "Textbox"}(...)${o.multimodal === true ? " when multimodal" : ""}`);
    }
  }
  if (o.additional_inputs !== undefined && !Array.isArray(o.additional_inputs)) throw new TypeError("ChatInterface: additional_inputs must be a list of components");
  for (const c of (o.additional_inputs as unknown[] | undefined) ?? []) {
    if (!(c instanceof Component) && typeof c !== "string") throw new TypeError("ChatInterface: additional_inputs must be components (or shortcuts such as \"text\")");
  }
}
