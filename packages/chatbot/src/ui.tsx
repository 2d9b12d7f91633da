/** Browser entry: the Chatbot view. The page loads this module and renders its default export. */
export { ChatbotView as default, ChatbotView, renderProbe, type ChatbotViewProps } from "./view.js";
export { ChatbotExample as Example } from "./example.js";
export type { NormalizedMessage, ContentPart, MessageMetadata, ChatOption } from "./messages.js";
