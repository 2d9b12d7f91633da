import type { ExampleProps } from "@vitrine/core";

/** The Checkbox's example view: a tick or a cross, named for screen readers. */
export function CheckboxExample({ value }: ExampleProps<boolean | null>) {
  return (
    <span className="vt-example-text" role="img" aria-label={value ? "checked" : "unchecked"}>
      {value ? "✓" : "✗"}
    </span>
  );
}
