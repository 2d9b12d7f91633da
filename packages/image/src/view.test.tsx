import { describe, expect, it } from "@jest/globals";
import { renderToStaticMarkup } from "react-dom/server";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { ImageView, type ImageViewProps } from "./view.js";

function props(value: FileData | null, interactive: boolean, extra: Partial<ImageViewProps> = {}): ViewProps<FileData | null, ImageViewProps> {
  return {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { height: null, width: null, sources: ["upload", "webcam", "clipboard"], show_download_button: true, show_fullscreen_button: true, placeholder: null, label: "Photo", ...extra },
    onChange() {}, dispatch() {}, upload: async () => [], fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
}

describe("ImageView", () => {
  it("previews the value through fileUrl, with download, fullscreen and clear buttons", () => {
    const html = renderToStaticMarkup(<ImageView {...props(fileData("/tmp/a.webp", { orig_name: "a.webp" }), true)} />);
    expect(html).toContain('src="/gradio_api/file=/tmp/a.webp"');
    expect(html).toContain('download="a.webp"');
    expect(html).toContain('aria-label="Fullscreen"');
    expect(html).toContain('aria-label="Clear"');
  });

  it("hides the buttons it is told to, and clear when not interactive", () => {
    const html = renderToStaticMarkup(<ImageView {...props(fileData("/tmp/a.webp"), false, { show_download_button: false, show_fullscreen_button: false })} />);
    expect(html).not.toContain("Download");
    expect(html).not.toContain("Fullscreen");
    expect(html).not.toContain("Clear");
  });

  it("shows an upload area when empty and interactive, with the placeholder", () => {
    const html = renderToStaticMarkup(<ImageView {...props(null, true, { placeholder: "# Drop a cat\nPNG or JPEG" })} />);
    expect(html).toContain('type="file"');
    expect(html).toContain("<strong>Drop a cat</strong>");
    expect(html).toContain("Paste from clipboard");
    expect(renderToStaticMarkup(<ImageView {...props(null, true, { sources: ["upload"] })} />)).not.toContain("Paste from clipboard");
    expect(renderToStaticMarkup(<ImageView {...props(null, false)} />)).not.toContain('type="file"');
  });
});
