import { Blocks, type BlocksApp } from "@vitrine/core";
import { ConformanceProbe } from "./probe.js";
import type { AnyComponent, ComponentSpec } from "./spec.js";

/** The texts and ids the conformance app puts on the page, which the checks look for. */
export const MARKS = {
  label: "Conformance label",
  info: "Conformance info text",
  hiddenLabel: "Unshown label",
  elemClass: "vt-ct-class",
  /** The component under test: interactive, labelled, with info, holding the first sample. */
  main: "vt-ct-main",
  /** The same, `interactive: false`. */
  static: "vt-ct-static",
  /** `show_label: false`. */
  noLabel: "vt-ct-nolabel",
  /** `visible: false`. */
  invisible: "vt-ct-invisible",
  /** `visible: "hidden"`. */
  hidden: "vt-ct-hidden",
  /** The probe: example previews and the "Send the next value" button. */
  probe: "vt-ct-probe",
} as const;

/** The conformance app, and the component under test in it. */
export interface ConformanceApp {
  app: BlocksApp;
  main: AnyComponent;
  /** The events the page fired on the main component, in order (its listeners record them). */
  fired: string[];
}

/** The events a component's class declares. */
export function declaredEvents(component: AnyComponent): readonly string[] {
  return (component.constructor as { events?: readonly string[] }).events ?? [];
}

/**
 * Builds the page the browser checks run on: the component in each configuration the suite
 * checks, a probe showing its samples through its example view, and a listener on every
 * declared event the spec can trigger that records the event in `fired`.
 */
export function conformanceApp<P extends object>(spec: ComponentSpec<P>): ConformanceApp {
  const base = (spec.props ?? {}) as Record<string, unknown>;
  const first = spec.samples[0];
  const create = (props: Record<string, unknown>) => spec.create({ ...base, ...props } as P);
  const fired: string[] = [];
  let main: AnyComponent | undefined;
  const app = Blocks({ title: `Conformance: ${spec.name ?? "component"}` }, () => {
    if (spec.drawn === false) {
      // Nothing to see: only the component, for its events.
      main = create({ elem_id: MARKS.main, value: first });
    } else {
      main = create({ label: MARKS.label, info: MARKS.info, elem_id: MARKS.main, elem_classes: [MARKS.elemClass], interactive: true, value: first });
      create({ label: "Static", elem_id: MARKS.static, interactive: false, value: first });
      create({ label: MARKS.hiddenLabel, show_label: false, elem_id: MARKS.noLabel, interactive: true, value: first });
      create({ label: "Invisible", visible: false, elem_id: MARKS.invisible, value: first });
      create({ label: "Hidden", visible: "hidden", elem_id: MARKS.hidden, value: first });
    }
    const probe = new ConformanceProbe(main, spec.samples, MARKS.probe);
    let next = 0;
    probe.click({ fn: () => spec.samples[++next % spec.samples.length], inputs: [], outputs: [main], api_name: "send_next" });
    const target = main as unknown as Record<string, (listener: object) => unknown>;
    for (const event of declaredEvents(main)) {
      if (typeof spec.events[event] !== "function") continue;
      target[event]!({ fn: () => void fired.push(event), inputs: [], outputs: [], api_name: `on_${event}`, queue: false });
    }
  });
  return { app, main: main!, fired };
}
