import type { ViewProps } from "@vitrine/core";
import { ButtonView, type ButtonViewProps } from "@vitrine/button/ui";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the DuplicateButton view reads. */
export interface DuplicateButtonViewProps extends Omit<ButtonViewProps, "variant"> {
  /** The button's colours. */
  variant: ButtonViewProps["variant"] | "huggingface";
}

/** The `huggingface` variant's colours (dark, as on the Hub), from the theme's palette. */
const huggingfaceStyle = `
.vt-button-huggingface { background: var(--neutral-900); color: var(--neutral-50); border-color: var(--neutral-900); }
.vt-button-huggingface:hover:not(:disabled) { background: var(--neutral-700); color: var(--neutral-50); }
`;

/**
 * The DuplicateButton view: the Button's view. On a Space the server gives it the duplication
 * page as its `link`, so it is a link opening in a new tab (and fires `click`); elsewhere a
 * plain button that fires `click`.
 */
export function DuplicateButtonView(props: ViewProps<string, DuplicateButtonViewProps>) {
  const huggingface = (props.props.variant ?? "huggingface") === "huggingface";
  if (huggingface) adoptStylesheet("vt-duplicatebutton-style", huggingfaceStyle);
  const viewProps = props as unknown as ViewProps<string, ButtonViewProps>;
  return <ButtonView {...viewProps} props={{ ...viewProps.props, variant: (props.props.variant ?? "huggingface") as ButtonViewProps["variant"] }} />;
}
