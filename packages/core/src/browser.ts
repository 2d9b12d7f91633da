/**
 * `@vitrine/core/browser`: what the page and the component views share in the browser, apart
 * from the types of `@vitrine/core` (which hold no browser code).
 */
export { evaluateScript, pageScriptNonce, type ScriptOptions, type ScriptOutcome } from "./page-script.js";
export { adoptStylesheet } from "./stylesheet.js";
