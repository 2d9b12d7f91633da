import type { ReactNode } from "react";
import type { ViewProps } from "@vitrine/core";

/** Props of the conformance probe's view. */
export interface ProbeProps {
  target: string;
  target_props: Record<string, unknown>;
  examples: unknown[];
}

/** The samples through the tested component's example view, and the button that sends the next value. */
export function ConformanceProbeView({ props, dispatch, renderExample }: ViewProps<null, ProbeProps>) {
  return (
    <div className="vt-conformance-probe">
      <ul aria-label="Example previews" style={{ display: "flex", gap: "var(--spacing-md)", listStyle: "none", padding: 0 }}>
        {props.examples.map((value, index) => (
          <li key={index} data-testid="vt-ct-example">
            {(renderExample?.(props.target, { value, props: props.target_props }) as ReactNode) ?? null}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dispatch("click")}>
        Send the next value
      </button>
    </div>
  );
}
