import type { ExampleProps, FileData } from "@vitrine/core";
import { asValue, fileLabel, isImage } from "./view.js";

/** How many characters of the text an Examples cell shows before an ellipsis. */
const MAX_CHARS = 80;

/** The MultimodalTextbox's example view: the text (cut short), then each file: a thumbnail for images, else its name. */
export function MultimodalTextboxExample({ value, fileUrl }: ExampleProps<{ text: string; files: FileData[] } | string | null>) {
  const { text, files } = asValue(value);
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  return (
    <span className="vt-example-text" title={text.length > MAX_CHARS ? text : undefined}>
      {short}
      {files.map((file, i) =>
        isImage(file) ? (
          <img key={i} src={fileUrl(file)} alt={fileLabel(file)} style={{ height: "2em", marginLeft: "var(--spacing-sm)", verticalAlign: "middle" }} />
        ) : (
          <span key={i} style={{ marginLeft: "var(--spacing-sm)" }}>{fileLabel(file)}</span>
        ),
      )}
    </span>
  );
}
