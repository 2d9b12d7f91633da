import type { ExampleProps } from "@vitrine/core";

/** The Dropdown's example view: the chosen choice's label (or the labels, comma-separated, of a multiselect). */
export function DropdownExample({ value, props }: ExampleProps<string | number | (string | number)[] | null, { choices?: [string, string | number][] }>) {
  if (value === null || value === undefined) return <span className="vt-example-text" />;
  const labelOf = (item: string | number) => (props.choices ?? []).find(([, choice]) => choice === item)?.[0] ?? String(item);
  const items = Array.isArray(value) ? value : [value];
  return <span className="vt-example-text">{items.map(labelOf).join(", ")}</span>;
}
