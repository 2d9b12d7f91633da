export { Code, CodeComponent, type CodeProps, type CodeReturn, type CodeButton } from "./process.js";
export { codeEvents, type CodeEvent, type CodeEventData } from "./events.js";
export { CODE_LANGUAGES, codeLanguages, isCodeLanguage, type CodeLanguage } from "./languages.js";
