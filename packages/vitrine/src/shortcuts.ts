import type { AnyComponent } from "@vitrine/core";
import { Checkbox, type CheckboxComponent } from "@vitrine/checkbox";
import { Markdown, type MarkdownComponent } from "@vitrine/markdown";
import { Number as NumberInput, type NumberComponent } from "@vitrine/number";
import { Slider, type SliderComponent } from "@vitrine/slider";
import { Textbox, type TextboxComponent } from "@vitrine/textbox";
import { State, type StateComponent } from "@vitrine/state";
import { Image, type ImageComponent } from "@vitrine/image";
import { Audio, Microphone, type AudioComponent } from "@vitrine/audio";
import { Label, type LabelComponent } from "@vitrine/label";
import { File, Files, type FileComponent } from "@vitrine/file";

/**
 * Gradio's string shortcuts for components (`"text"`, `"number"`, …), by the component
 * each makes. Packages can add their own by augmenting this interface.
 */
export interface ComponentShortcuts {
  text: TextboxComponent;
  textbox: TextboxComponent;
  textarea: TextboxComponent;
  number: NumberComponent;
  slider: SliderComponent;
  checkbox: CheckboxComponent;
  markdown: MarkdownComponent;
  /** A per-session State; in an Interface, a "state" input and a "state" output are the same State. */
  state: StateComponent<any>;
  image: ImageComponent;
  audio: AudioComponent;
  /** An Audio whose only source is the microphone (Gradio's `gr.Microphone`). */
  microphone: AudioComponent;
  label: LabelComponent;
  file: FileComponent<"filepath", "single">;
  files: FileComponent<"filepath", "multiple">;
}

const factories: { [K in keyof ComponentShortcuts]: () => ComponentShortcuts[K] } = {
  text: () => Textbox(),
  textbox: () => Textbox(),
  textarea: () => Textbox({ lines: 7 }),
  number: () => NumberInput(),
  slider: () => Slider(),
  checkbox: () => Checkbox(),
  markdown: () => Markdown(),
  state: () => State(),
  image: () => Image(),
  audio: () => Audio(),
  microphone: () => Microphone(),
  label: () => Label(),
  file: () => File(),
  files: () => Files(),
};

/** A component, or the name of one. */
export type ComponentLike = AnyComponent | keyof ComponentShortcuts;

/** The component type a shortcut or component stands for. */
export type Resolve<C> = C extends keyof ComponentShortcuts ? ComponentShortcuts[C] : C extends AnyComponent ? C : never;

/** Resolves each entry of a list (or a single entry) of shortcuts and components. */
export type ResolveAll<L> = L extends readonly unknown[] ? { -readonly [K in keyof L]: Resolve<L[K]> } : Resolve<L>;

/** Makes the component a shortcut stands for, or returns a component as it is. */
export function resolveComponent(c: ComponentLike): AnyComponent {
  if (typeof c !== "string") return c;
  const make = factories[c];
  if (!make) {
    throw new Error(`Unknown component shortcut "${c}"; known: ${Object.keys(factories).join(", ")}`);
  }
  return make();
}
