import type { FileData, ViewProps } from "@vitrine/core";

/** Config props the DownloadButton view reads. */
export interface DownloadButtonViewProps {
  /** `"primary"`, `"secondary"` (default) or `"stop"`. */
  variant: "primary" | "secondary" | "stop";
  /** Size of the button. */
  size: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon: string | null;
}

/** The name a file downloads as: `orig_name`, else its path's last segment. */
function downloadName(file: FileData): string {
  return file.orig_name || file.path.split(/[\\/]/).pop()?.split("?")[0] || "file";
}

/**
 * The DownloadButton view: an `<a download>` styled as a button, pointing at the value's file
 * (`fileUrl`), that fires `click`; a disabled button while there is no file or when not interactive.
 */
export function DownloadButtonView({ value, props, interactive, dispatch, fileUrl }: ViewProps<FileData | null, DownloadButtonViewProps>) {
  const className = `vt-button vt-button-${props.variant ?? "secondary"} vt-button-${props.size ?? "lg"}`;
  const text = props.label ?? "Download";
  const icon = props.icon && (!/^[a-z][a-z0-9+.-]*:/i.test(props.icon) || /^https?:\/\//i.test(props.icon)) ? props.icon : null;
  const content = (
    <>
      {icon ? <img className="vt-button-icon" src={icon} alt="" /> : null}
      {text}
    </>
  );
  if (value && interactive) {
    return (
      <a className={className} href={fileUrl(value)} download={downloadName(value)} onClick={() => dispatch("click")}>
        {content}
      </a>
    );
  }
  return <button type="button" className={className} disabled>{content}</button>;
}
