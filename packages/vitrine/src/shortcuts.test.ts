import { describe, expect, it } from "@jest/globals";
import { resolveComponent } from "./shortcuts.js";

describe("Gradio's string shortcuts", () => {
  it.each([
    ["image", "image", {}],
    ["webcam", "image", { sources: ["webcam"] }],
    ["label", "label", {}],
    ["audio", "audio", {}],
    ["microphone", "audio", { sources: ["microphone"] }],
    ["video", "video", {}],
    ["playable_video", "video", { format: "mp4" }],
    ["file", "file", { file_count: "single" }],
    ["files", "file", { file_count: "multiple" }],
    ["sketchpad", "imageeditor", { sources: [] }],
    ["gallery", "gallery", {}],
    ["model3d", "model3d", {}],
    ["fileexplorer", "fileexplorer", { file_count: "multiple" }],
    ["annotatedimage", "annotatedimage", {}],
    ["simpleimage", "simpleimage", {}],
    ["imageslider", "imageslider", {}],
    ["dropdown", "dropdown", {}],
    ["checkboxgroup", "checkboxgroup", {}],
    ["colorpicker", "colorpicker", {}],
    ["json", "json", {}],
    ["html", "html", {}],
    ["highlight", "highlightedtext", {}],
    ["code", "code", {}],
    ["paramviewer", "paramviewer", { header: "Parameters" }],
    ["dataframe", "dataframe", { type: "array", headers: ["1", "2", "3"] }],
    ["numpy", "dataframe", { type: "array" }],
    ["matrix", "dataframe", { type: "array" }],
    ["list", "dataframe", { type: "array", headers: ["1"], col_count: [1, "dynamic"] }],
    ["highlightedtext", "highlightedtext", {}],
    ["radio", "radio", { choices: [] }],
    ["chatbot", "chatbot", {}],
    ["button", "button", { value: "Run" }],
    ["clearbutton", "clearbutton", {}],
    ["uploadbutton", "uploadbutton", { file_count: "single" }],
    ["downloadbutton", "downloadbutton", {}],
    ["datetime", "datetime", { type: "timestamp" }],
  ] as const)("%s makes a %s", (shortcut, type, props) => {
    const component = resolveComponent(shortcut);
    expect(component.type).toBe(type);
    expect(component.configProps()).toMatchObject(props);
  });

  it("names the known shortcuts when one is unknown", () => {
    expect(() => resolveComponent("webcams" as never)).toThrow(/Unknown component shortcut "webcams"; known: .*webcam/);
  });
});
