import type { ViewProps } from "@vitrine/core";
import { isSafeUrl } from "./url.js";

/** Config props the Button view reads. */
export interface ButtonViewProps {
  /** `"primary"` for the main action, `"secondary"` (default) for others, `"stop"` to halt something. */
  variant: "primary" | "secondary" | "stop";
  /** Size of the button. */
  size: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon: string | null;
  /** URL opened in a new tab when the button is clicked (http(s), mailto or relative). */
  link: string | null;
}

/**
 * The Button view: a `<button>` that fires `click`, or, with `link`, an `<a>` that opens
 * the link in a new tab (and fires `click` too). Unsafe URLs are ignored.
 */
export function ButtonView({ value, props, interactive, dispatch }: ViewProps<string, ButtonViewProps>) {
  const variant = props.variant ?? "secondary";
  const className = `vt-button vt-button-${variant} vt-button-${props.size ?? "lg"}`;
  const text = value ?? "";
  const icon = props.icon && isSafeUrl(props.icon, { allowMailto: false }) ? props.icon : null;
  const link = props.link && isSafeUrl(props.link) ? props.link : null;
  const ariaLabel = text.trim() === "" ? (props.label ?? "Button") : undefined;
  const content = (
    <>
      {icon ? <img className="vt-button-icon" src={icon} alt="" /> : null}
      {text}
    </>
  );
  if (link && interactive) {
    return (
      <a
        className={className}
        href={link}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={ariaLabel}
        onClick={() => dispatch("click")}
      >
        {content}
      </a>
    );
  }
  return (
    <button type="button" className={className} disabled={!interactive} aria-label={ariaLabel} onClick={() => dispatch("click")}>
      {content}
    </button>
  );
}
