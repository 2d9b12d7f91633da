import type { ViewProps } from "@vitrine/core";

/** The State view: draws nothing (the value lives on the server). */
export function StateView(_props: ViewProps<null>) {
  return null;
}
