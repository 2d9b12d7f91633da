import { expect, it } from "@jest/globals";
import { declaredEvents } from "./conformance-app.js";
import { TempFileStore } from "./file-store.js";
import type { AnyComponent, ComponentSpec } from "./spec.js";

/** A component's config as a snapshot keeps it: no block id, no path on this machine. */
export function snapshotOf(component: AnyComponent): Record<string, unknown> {
  const { id: _id, ...props } = component.configProps() as Record<string, unknown>;
  return {
    type: component.type,
    events: [...declaredEvents(component)],
    props,
    api: component.skipApi ? "not in the API" : component.api(),
    example_input: component.skipApi ? null : component.exampleInput(),
  };
}

/** Registers the checks that need no browser: events covered, round trips, config and API snapshot. */
export function registerNodeChecks<P extends object>(spec: ComponentSpec<P>): void {
  const create = (props: Record<string, unknown>) => spec.create({ ...(spec.props ?? {}), ...props } as P);

  it("has a trigger (or a stated reason) for every event it declares, and none it does not declare", () => {
    const declared = declaredEvents(create({}));
    const missing = declared.filter((event) => spec.events[event] === undefined);
    const unknown = Object.keys(spec.events).filter((event) => !declared.includes(event));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
    for (const [event, trigger] of Object.entries(spec.events)) {
      if (typeof trigger === "string") expect(`${event}: ${trigger}`).toMatch(/^\w+: \S.{9,}/);
    }
  });

  it("round trips every sample through postprocess, JSON and preprocess", async () => {
    expect(spec.samples.length).toBeGreaterThanOrEqual(2);
    const store = new TempFileStore();
    try {
      const component = create({});
      for (const sample of spec.samples) {
        const payload = await component.postprocess(sample, store.context);
        const wire = JSON.parse(JSON.stringify(payload ?? null)) as unknown;
        const back = await component.preprocess(wire, store.context);
        if (spec.roundTrip) await spec.roundTrip(back, sample);
        else expect(back).toEqual(sample);
      }
    } finally {
      store.dispose();
    }
  });

  it("keeps its config and API schema (snapshot)", () => {
    expect(snapshotOf(create({ label: "Snapshot" }))).toMatchSnapshot();
  });
}
