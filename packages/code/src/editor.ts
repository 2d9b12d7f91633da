/**
 * The CodeMirror 6 editor behind a Code block. The view `import()`s this module, so the page
 * loads CodeMirror (a split-off chunk beside the view, `components/code/…`) only when it shows
 * a Code block; each language's parser is a further chunk, loaded when a block needs it.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, LanguageDescription, syntaxHighlighting } from "@codemirror/language";
import { languages } from "@codemirror/language-data";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { CODE_LANGUAGES, isCodeLanguage } from "./languages.js";

/** What the editor shows and allows. */
export interface EditorOptions {
  language: string | null;
  lines: number;
  max_lines: number | null;
  wrap_lines: boolean;
  show_line_numbers: boolean;
  autocomplete: boolean;
  editable: boolean;
  /** The accessible name of the editing area. */
  label: string;
}

/** What the editor tells its view. */
export interface EditorCallbacks {
  /** The user changed the text. */
  onInput(text: string): void;
  onFocus(): void;
  onBlur(): void;
}

/** A live editor: its text can be replaced, its options changed; destroy it when done. */
export interface EditorHandle {
  readonly view: EditorView;
  /** Shows `text` (without firing `onInput`), unless the editor already holds it. */
  setText(text: string): void;
  setOptions(options: EditorOptions): void;
  destroy(): void;
}

/** Marks the transactions that bring in the store's value, so they are not echoed back as input. */
const fromStore = Annotation.define<boolean>();

/**
 * A token colour: `color` (a palette shade), `percent` of it mixed with the body text colour, which
 * darkens it in light mode and lightens it in dark mode. At 60% every shade the editor uses meets
 * WCAG AA (4.5:1) on the code background in both modes of the default theme.
 */
function tone(color: string, percent = 60): string {
  return `color-mix(in srgb, ${color} ${percent}%, var(--body-text-color))`;
}

/** The editor's look, from the theme's CSS variables (which follow light and dark mode). */
const vitrineTheme = EditorView.theme({
  "&": {
    color: "var(--body-text-color)",
    backgroundColor: "var(--code-background-fill, var(--input-background-fill))",
    fontSize: "var(--text-sm, 14px)",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-mono, monospace)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--body-text-color)", padding: "4px 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--body-text-color)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--color-accent-soft, rgba(128, 128, 255, 0.25))",
  },
  ".cm-activeLine": { backgroundColor: "transparent" },
  "&.cm-focused .cm-activeLine": { backgroundColor: "var(--background-fill-secondary)" },
  ".cm-gutters": {
    backgroundColor: "var(--code-background-fill, var(--input-background-fill))",
    color: "var(--body-text-color-subdued)",
    borderRight: "1px solid var(--border-color-primary)",
  },
  ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--body-text-color)" },
  ".cm-tooltip": {
    backgroundColor: "var(--background-fill-primary)",
    color: "var(--body-text-color)",
    border: "1px solid var(--border-color-primary)",
  },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--color-accent-soft)", color: "var(--body-text-color)" },
  // Tokens (classHighlighter's tok-* classes), coloured from the palette the theme defines, each
  // mixed with the body text colour (dark in light mode, light in dark mode) so that every token
  // keeps a 4.5:1 contrast on the code background in both modes.
  ".tok-keyword, .tok-operatorKeyword, .tok-modifier": { color: tone("var(--primary-600)") },
  ".tok-string, .tok-string2": { color: tone("var(--secondary-600)") },
  ".tok-number, .tok-bool, .tok-atom": { color: tone("var(--primary-500)") },
  ".tok-comment": { color: tone("var(--body-text-color-subdued)", 80), fontStyle: "italic" },
  ".tok-propertyName, .tok-attributeName": { color: tone("var(--secondary-500)") },
  ".tok-definition, .tok-variableName.tok-definition": { color: "var(--body-text-color)", fontWeight: "bold" },
  ".tok-typeName, .tok-className, .tok-namespace": { color: tone("var(--secondary-700)") },
  ".tok-meta, .tok-macroName": { color: tone("var(--body-text-color-subdued)", 80) },
  ".tok-invalid": { color: "var(--error-text-color)" },
  ".tok-heading": { fontWeight: "bold" },
  ".tok-emphasis": { fontStyle: "italic" },
  ".tok-strong": { fontWeight: "bold" },
  ".tok-link": { textDecoration: "underline" },
});

/** The height rules: at least `lines` lines, at most `max_lines` before scrolling. */
function heightTheme(lines: number, maxLines: number | null): Extension {
  const height = (n: number) => `calc(${n * 1.5}em + 8px)`;
  return EditorView.theme({
    ".cm-scroller": { minHeight: height(lines), ...(maxLines ? { maxHeight: height(Math.max(maxLines, lines)) } : {}), overflow: "auto" },
    ".cm-gutters": { minHeight: height(lines) },
  });
}

/** The parser of a Gradio language name, loaded (a chunk of its own) the first time it is asked for. */
async function loadLanguage(language: string | null): Promise<Extension> {
  if (!isCodeLanguage(language)) return [];
  const description = LanguageDescription.matchLanguageName(languages, CODE_LANGUAGES[language].codemirror, false);
  return description ? await description.load() : [];
}

/** The compartments whose contents follow the options. */
function compartments() {
  return { language: new Compartment(), lineNumbers: new Compartment(), wrap: new Compartment(), height: new Compartment(),
    complete: new Compartment(), editable: new Compartment(), label: new Compartment() };
}

/** The extension of each compartment for `o`, the language aside (it loads asynchronously). */
function optionExtensions(o: EditorOptions) {
  return {
    lineNumbers: o.show_line_numbers ? [lineNumbers(), highlightActiveLineGutter()] : [],
    wrap: o.wrap_lines ? EditorView.lineWrapping : [],
    height: heightTheme(o.lines, o.max_lines),
    complete: o.autocomplete ? [autocompletion(), keymap.of(completionKeymap)] : [],
    editable: [EditorView.editable.of(o.editable), EditorState.readOnly.of(!o.editable)],
    label: EditorView.contentAttributes.of({ "aria-label": o.label }),
  };
}

/** Makes an editor in `parent` showing `text`. */
export function createEditor(parent: HTMLElement, text: string, options: EditorOptions, callbacks: EditorCallbacks): EditorHandle {
  const parts = compartments();
  const exts = optionExtensions(options);
  const state = EditorState.create({
    doc: text,
    extensions: [
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
      syntaxHighlighting(classHighlighter),
      vitrineTheme,
      parts.language.of([]),
      parts.lineNumbers.of(exts.lineNumbers),
      parts.wrap.of(exts.wrap),
      parts.height.of(exts.height),
      parts.complete.of(exts.complete),
      parts.editable.of(exts.editable),
      parts.label.of(exts.label),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((t) => t.annotation(fromStore))) {
          callbacks.onInput(update.state.doc.toString());
        }
      }),
      // The editing area's own focus and blur (as a native field fires them): CodeMirror's
      // `focusChanged` settles after a delay and misses a blur quickly followed by a focus.
      EditorView.domEventHandlers({
        focus: () => void callbacks.onFocus(),
        blur: () => void callbacks.onBlur(),
      }),
    ],
  });
  const view = new EditorView({ state, parent });
  let current = options;
  let languageRequest = 0;
  const applyLanguage = (language: string | null) => {
    const request = ++languageRequest;
    loadLanguage(language).then(
      (ext) => {
        if (request === languageRequest && !destroyed) view.dispatch({ effects: parts.language.reconfigure(ext) });
      },
      (err: unknown) => console.warn(`[vitrine] could not load the ${language} highlighter; the code shows as plain text:`, err),
    );
  };
  let destroyed = false;
  applyLanguage(options.language);
  return {
    view,
    setText(next) {
      if (view.state.doc.toString() === next) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next }, annotations: fromStore.of(true) });
    },
    setOptions(o) {
      const e = optionExtensions(o);
      view.dispatch({
        effects: [
          parts.lineNumbers.reconfigure(e.lineNumbers), parts.wrap.reconfigure(e.wrap), parts.height.reconfigure(e.height),
          parts.complete.reconfigure(e.complete), parts.editable.reconfigure(e.editable), parts.label.reconfigure(e.label),
        ],
      });
      if (o.language !== current.language) applyLanguage(o.language);
      current = o;
    },
    destroy() {
      destroyed = true;
      view.destroy();
    },
  };
}
