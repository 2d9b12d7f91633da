import type { ExampleProps } from "@vitrine/core";

/** The Radio's example view: the chosen choice's label (its value when no choice matches). */
export function RadioExample({ value, props }: ExampleProps<string | number | null, { choices?: [string, string | number][] }>) {
  if (value == null) return <span className="vt-example-text" />;
  const pair = (props.choices ?? []).find(([, choice]) => choice === value);
  return <span className="vt-example-text">{pair ? pair[0] : String(value)}</span>;
}
