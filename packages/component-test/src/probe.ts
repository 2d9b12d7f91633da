import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type Listeners, type ProcessContext } from "@vitrine/core";
import type { AnyComponent } from "./spec.js";

const probeEvents = ["click"] as const;

/**
 * The conformance app's helper block: it shows the component under test's samples through that
 * component's example view (as an Examples table would), and a "Send the next value" button
 * whose `click` the suite binds to an event that outputs the next sample to the component.
 * It is part of the suite, not an app component: it has no API and no value.
 */
export class ConformanceProbe extends Component<null, null, null> {
  static override readonly events = probeEvents;
  readonly type = "vitrineconformanceprobe";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };

  constructor(
    private readonly target: AnyComponent,
    private readonly samples: readonly unknown[],
    elem_id: string,
  ) {
    super({ container: false, elem_id });
  }

  override get skipApi(): boolean {
    return true;
  }

  api(): ApiDescription {
    return { type: { type: "null" }, python_type: { type: "None", description: "" } };
  }

  protected override ownProps(): Record<string, unknown> {
    // A file sample may need the server's file store: configPropsWithFiles makes it then.
    const examples = this.samples.map((sample) => {
      try {
        return this.target.processExample(sample);
      } catch {
        return null;
      }
    });
    return { target: this.target.type, target_props: this.target.configProps(), examples };
  }

  override async configPropsWithFiles(context: ProcessContext): Promise<Record<string, unknown> | null> {
    return { examples: await Promise.all(this.samples.map((sample) => this.target.processExampleWithFiles(sample, context))) };
  }
}
export interface ConformanceProbe extends Listeners<(typeof probeEvents)[number]> {}
