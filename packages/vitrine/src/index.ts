/**
 * Vitrine: turn any TypeScript function into a web app and an API.
 *
 * @example
 * import * as vt from "vitrine";
 * const demo = new vt.Interface({ fn: (name: string) => `Hello ${name}!`, inputs: "text", outputs: "text" });
 * await demo.launch();
 */
export * from "@vitrine/core";
/** Themes: `vt.themes.Soft()`, `vt.themes.Base({ primary_hue: "blue" })`, … (see `@vitrine/themes`). */
export * as themes from "@vitrine/themes";
export { App, Blocks } from "./app.js";
export { Interface, type InterfaceOptions, type InterfaceComponents } from "./interface.js";
export { DEFAULT_FLAGGING_DIR, FLAGGING_MODE_ENV, type FlaggingMode, type FlaggingOption } from "./flagging.js";
export { ChatInterface, type ChatInterfaceOptions, type ChatInterfaceParts, type ChatFn, type ChatFnResult } from "./chat-interface.js";
export { appendMessages, asMessages, popLastUserTurn, type ChatInput, type ChatResponse, type HistoryMessage } from "./chat-history.js";
export { TabbedInterface, Parallel, Series, type AnyInterface, type ComposeOptions, type TabbedInterfaceOptions, type Tabbable } from "./compose.js";
export { load, LoadedApp, LOADABLE_TYPES, type LoadOptions, type RemoteFunction } from "./load.js";
export { copyComponent } from "./copy.js";
export { NO_RELOAD, reloading } from "./cli/reload-state.js";
export { api, SchemaValue } from "./api-schema.js";
export { resolveComponent, type ComponentShortcuts, type ComponentLike, type Resolve, type ResolveAll } from "./shortcuts.js";
export { launch, mount, attachLiveChannel, installCrashGuards, listenOnFreePort, closeServer, AppService, type LaunchOptions, type RunningServer, type ServeOptions, type SafetyOptions } from "@vitrine/server";
export * from "@vitrine/textbox";
export * from "@vitrine/multimodaltextbox";
export * from "@vitrine/number";
export * from "@vitrine/slider";
export * from "@vitrine/checkbox";
export * from "@vitrine/radio";
export * from "@vitrine/dropdown";
export * from "@vitrine/checkboxgroup";
export * from "@vitrine/button";
export * from "@vitrine/markdown";
export * from "@vitrine/dataset";
export * from "@vitrine/dataframe";
export * from "@vitrine/timer";
export * from "@vitrine/state";
export * from "@vitrine/browserstate";
export * from "@vitrine/image";
export * from "@vitrine/audio";
export * from "@vitrine/label";
export * from "@vitrine/file";
export * from "@vitrine/fileexplorer";
export * from "@vitrine/uploadbutton";
export * from "@vitrine/downloadbutton";
export * from "@vitrine/annotatedimage";
export * from "@vitrine/model3d";
export * from "@vitrine/video";
export * from "@vitrine/imageeditor";
export * from "@vitrine/gallery";
export * from "@vitrine/simpleimage";
export * from "@vitrine/imageslider";
export * from "@vitrine/json";
export * from "@vitrine/html";
export * from "@vitrine/highlightedtext";
export * from "@vitrine/code";
export * from "@vitrine/colorpicker";
export * from "@vitrine/datetime";
export * from "@vitrine/clearbutton";
export * from "@vitrine/loginbutton";
export * from "@vitrine/duplicatebutton";
export * from "@vitrine/paramviewer";
export * from "@vitrine/flagging";
export {
  Chatbot,
  ChatbotComponent,
  chatbotEvents,
  type ChatbotProps,
  type ChatbotValue,
  type ChatbotPayload,
  type ChatbotButton,
  type ChatbotEvent,
  type ChatMessage,
  type ChatOption,
  type ChatRole,
  type ChatExample,
  type MessageContent,
  type MessageMetadata,
  type NormalizedMessage,
  type ContentPart,
  type FilePart,
  type TextPart,
  type ComponentPart,
  type FileRef,
  type UndoData,
  type ChatbotLikeData,
  type ChatbotEventData,
  messageText,
} from "@vitrine/chatbot";
export * from "@vitrine/plot";
export * from "@vitrine/nativeplot";
