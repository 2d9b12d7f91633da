/**
 * Handlebars, as the HTML view's template engine. The view imports this module only when a
 * template uses `{{…}}`, so the page loads Handlebars (a split-off chunk) only then.
 */
import Handlebars from "handlebars";
import type { TemplateCompiler } from "./template.js";

/** Compiles a Handlebars template (`{{value}}` escaped, `{{{raw}}}` not). */
export const compileTemplate: TemplateCompiler = (template) => Handlebars.compile(template);
