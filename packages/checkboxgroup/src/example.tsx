import type { ExampleProps } from "@vitrine/core";

/** The CheckboxGroup's example view: the ticked choices' labels, comma-separated. */
export function CheckboxGroupExample({ value, props }: ExampleProps<(string | number)[] | null, { choices?: [string, string | number][] }>) {
  const items = Array.isArray(value) ? value : [];
  const labelOf = (item: string | number) => (props.choices ?? []).find(([, choice]) => choice === item)?.[0] ?? String(item);
  return <span className="vt-example-text">{items.map(labelOf).join(", ")}</span>;
}
