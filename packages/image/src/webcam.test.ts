/** The webcam's props as the page gets them (issue 8): Gradio 5's `mirror_webcam`/`webcam_constraints` and Gradio 6's `webcam_options`. */
import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Image } from "./index.js";

/** The config props of the Image `make` creates inside an app. */
function props(make: () => ReturnType<typeof Image>): Record<string, unknown> {
  let image!: ReturnType<typeof Image>;
  const app = Blocks(() => void (image = make()));
  return app.config().components.find((c) => c.id === image.id)!.props as Record<string, unknown>;
}

describe("the webcam's props", () => {
  it("mirror by default, with no constraints; a streaming Image takes only the webcam", () => {
    expect(props(() => Image())).toMatchObject({ mirror_webcam: true, webcam_constraints: null, streaming: false, sources: ["upload", "webcam", "clipboard"] });
    expect(props(() => Image({ streaming: true }))).toMatchObject({ streaming: true, sources: ["webcam"] });
  });

  it("take mirror_webcam and webcam_constraints, and Gradio 6's webcam_options over them", () => {
    expect(props(() => Image({ mirror_webcam: false, webcam_constraints: { width: 320 } }))).toMatchObject({ mirror_webcam: false, webcam_constraints: { width: 320 } });
    expect(props(() => Image({ mirror_webcam: false, webcam_options: { mirror: true, constraints: { facingMode: "environment" } } }))).toMatchObject({
      mirror_webcam: true,
      webcam_constraints: { facingMode: "environment" },
    });
    expect(props(() => Image({ webcam_options: { constraints: { height: 240 } } }))).toMatchObject({ mirror_webcam: true, webcam_constraints: { height: 240 } });
  });
});
