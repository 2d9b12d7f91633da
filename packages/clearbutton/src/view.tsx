import type { ViewProps } from "@vitrine/core";
import { ButtonView, type ButtonViewProps } from "@vitrine/button/ui";

/** Config props the ClearButton view reads: the Button's. */
export type ClearButtonViewProps = ButtonViewProps;

/**
 * The ClearButton view: the Button's view (a `<button>` firing `click`). The clearing itself is
 * the client-side `js` listener the server side attached to `click`.
 */
export function ClearButtonView(props: ViewProps<string, ClearButtonViewProps>) {
  return <ButtonView {...props} />;
}
