import type { ExampleProps } from "@vitrine/core";

/** The LoginButton's example view: the button's text. */
export function LoginButtonExample({ value }: ExampleProps<string | null>) {
  return <span className="vt-example-text">{value ?? ""}</span>;
}
