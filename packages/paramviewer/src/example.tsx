import type { ExampleProps } from "@vitrine/core";
import type { ParamViewerValue } from "./value.js";

/** How many characters an Examples cell shows before an ellipsis. */
const MAX_CHARS = 60;

/** The ParamViewer's example view: the parameters as a signature, `name: type, …`, cut short when long. */
export function ParamViewerExample({ value }: ExampleProps<ParamViewerValue | null>) {
  const text = Object.entries(value ?? {})
    .map(([name, p]) => (p?.type ? `${name}: ${p.type}` : name))
    .join(", ");
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  return (
    <code className="vt-example-text" title={short !== text ? text : undefined}>
      {short}
    </code>
  );
}
