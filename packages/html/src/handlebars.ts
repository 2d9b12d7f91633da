/**
 * Handlebars, as the HTML view's template engine. The view imports this module only when a
 * template uses `{{…}}`, so the page loads Handlebars (a split-off chunk) only then.
 *
 * `Handlebars.compile` turns a template into JavaScript and runs it with `new Function`, which the
 * page's Content-Security-Policy forbids. Here the template is precompiled to the source of its
 * spec instead, which runs as a script with the page's nonce (`evaluateScript`), and
 * `Handlebars.template` makes the render function of that spec: no `eval` anywhere.
 */
import Handlebars from "handlebars";
import { evaluateScript } from "@vitrine/core/browser";
import type { TemplateCompiler } from "./template.js";

/**
 * Compiles a Handlebars template (`{{value}}` escaped, `{{{raw}}}` not).
 * @throws Error for a template Handlebars cannot parse, or that the page's policy refuses to run.
 */
export const compileTemplate: TemplateCompiler = (template) => {
  const source = Handlebars.precompile(template);
  const outcome = evaluateScript(String(source), { strict: false });
  if ("error" in outcome) throw outcome.error;
  return Handlebars.template(outcome.value as TemplateSpecification);
};

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
