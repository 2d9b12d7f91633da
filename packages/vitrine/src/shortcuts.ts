import type { AnyComponent } from "@vitrine/core";
import { Checkbox, type CheckboxComponent } from "@vitrine/checkbox";
import { Dropdown, type DropdownComponent } from "@vitrine/dropdown";
import { CheckboxGroup, type CheckboxGroupComponent } from "@vitrine/checkboxgroup";
import { Markdown, type MarkdownComponent } from "@vitrine/markdown";
import { Number as NumberInput, type NumberComponent } from "@vitrine/number";
import { Slider, type SliderComponent } from "@vitrine/slider";
import { Textbox, type TextboxComponent } from "@vitrine/textbox";
import { MultimodalTextbox, type MultimodalTextboxComponent } from "@vitrine/multimodaltextbox";
import { State, type StateComponent } from "@vitrine/state";
import { Image, type ImageComponent } from "@vitrine/image";
import { Audio, Microphone, type AudioComponent } from "@vitrine/audio";
import { Label, type LabelComponent } from "@vitrine/label";
import { File, Files, type FileComponent } from "@vitrine/file";
import { Model3D, type Model3DComponent } from "@vitrine/model3d";
import { FileExplorer, type FileExplorerComponent } from "@vitrine/fileexplorer";
import { Video, PlayableVideo, type VideoComponent } from "@vitrine/video";
import { ImageEditor, ImageMask, Paint, Sketchpad, type ImageEditorComponent } from "@vitrine/imageeditor";
import { Gallery, type GalleryComponent } from "@vitrine/gallery";
import { SimpleImage, type SimpleImageComponent } from "@vitrine/simpleimage";
import { ImageSlider, type ImageSliderComponent } from "@vitrine/imageslider";
import { AnnotatedImage, type AnnotatedImageComponent } from "@vitrine/annotatedimage";
import { ColorPicker, type ColorPickerComponent } from "@vitrine/colorpicker";
import { JSON as JsonViewer, type JsonComponent } from "@vitrine/json";
import { HTML, type HtmlComponent } from "@vitrine/html";
import { HighlightedText, type HighlightedTextComponent } from "@vitrine/highlightedtext";
import { Code, type CodeComponent } from "@vitrine/code";
import { ParamViewer, type ParamViewerComponent } from "@vitrine/paramviewer";
import { Dataframe, type DataframeComponent } from "@vitrine/dataframe";
import { Plot, type PlotComponent } from "@vitrine/plot";
import { Radio, type RadioComponent } from "@vitrine/radio";
import { Chatbot, type ChatbotComponent } from "@vitrine/chatbot";
import { Button, type ButtonComponent } from "@vitrine/button";
import { ClearButton, type ClearButtonComponent } from "@vitrine/clearbutton";
import { UploadButton, type UploadButtonComponent } from "@vitrine/uploadbutton";
import { DownloadButton, type DownloadButtonComponent } from "@vitrine/downloadbutton";
import { DateTime, type DateTimeComponent } from "@vitrine/datetime";
import { BarPlot, LinePlot, ScatterPlot, type BarPlotComponent, type LinePlotComponent, type ScatterPlotComponent } from "@vitrine/nativeplot";

/**
 * Gradio's string shortcuts for components (`"text"`, `"number"`, …), by the component
 * each makes. Packages can add their own by augmenting this interface.
 */
export interface ComponentShortcuts {
  /** A one-line Textbox (Gradio's `"text"`). */
  text: TextboxComponent;
  /** A one-line Textbox (Gradio's `"textbox"`). */
  textbox: TextboxComponent;
  /** A Textbox of 7 lines (Gradio's `"textarea"`). */
  textarea: TextboxComponent;
  /** A text box that takes files too; the function gets `{ text, files }` (Gradio's `"multimodaltextbox"`). */
  multimodaltextbox: MultimodalTextboxComponent;
  /** A Number field (Gradio's `"number"`). */
  number: NumberComponent;
  /** A Slider from 0 to 100 (Gradio's `"slider"`). */
  slider: SliderComponent;
  /** A Checkbox; the function gets a boolean (Gradio's `"checkbox"`). */
  checkbox: CheckboxComponent;
  /** A Dropdown with no choices yet (Gradio's `"dropdown"`); give it choices with `update()`. */
  dropdown: DropdownComponent;
  /** A CheckboxGroup with no choices yet (Gradio's `"checkboxgroup"`). */
  checkboxgroup: CheckboxGroupComponent;
  /** Markdown text (Gradio's `"markdown"`). */
  markdown: MarkdownComponent;
  /** A per-session State; in an Interface, a "state" input and a "state" output are the same State. */
  state: StateComponent<any>;
  /** An Image; the function gets its pixels (Gradio's `"image"`). */
  image: ImageComponent;
  /** An Audio player and recorder (Gradio's `"audio"`). */
  audio: AudioComponent;
  /** An Audio whose only source is the microphone (Gradio's `gr.Microphone`). */
  microphone: AudioComponent;
  /** An Image whose only source is the webcam (Gradio's `"webcam"`). */
  webcam: ImageComponent;
  /** A Label of classes and confidences (Gradio's `"label"`). */
  label: LabelComponent;
  /** One file; the function gets its path (Gradio's `"file"`). */
  file: FileComponent<"filepath", "single">;
  /** Several files; the function gets their paths (Gradio's `"files"`). */
  files: FileComponent<"filepath", "multiple">;
  /** A 3D model viewer (Gradio's `"model3d"`). */
  model3d: Model3DComponent;
  /** Files picked from a folder of the server, the working directory by default (Gradio's `"fileexplorer"`). */
  fileexplorer: FileExplorerComponent;
  /** A Video player and recorder (Gradio's `"video"`). */
  video: VideoComponent;
  /** A Video whose videos are always mp4 (Gradio's `gr.PlayableVideo`, "playable_video"). */
  playablevideo: VideoComponent;
  /** The snake-case spelling of `playablevideo`. */
  playable_video: VideoComponent;
  /** An ImageEditor with the default tools (Gradio's `"imageeditor"`). */
  imageeditor: ImageEditorComponent;
  /** The snake-case spelling of `imageeditor`. */
  image_editor: ImageEditorComponent;
  /** An ImageEditor with a blank white canvas and a black brush (Gradio's `gr.Sketchpad`). */
  sketchpad: ImageEditorComponent;
  /** An ImageEditor with a blank canvas and the default brush (Gradio's `gr.Paint`). */
  paint: ImageEditorComponent;
  /** An ImageEditor to draw a mask over an uploaded image (Gradio's `gr.ImageMask`, "image_mask"). */
  imagemask: ImageEditorComponent;
  /** The snake-case spelling of `imagemask`. */
  image_mask: ImageEditorComponent;
  /** A gallery of images with captions; the function gets `[path, caption]` pairs (Gradio's `"gallery"`). */
  gallery: GalleryComponent<"filepath">;
  /** An image passed as a file, neither decoded nor re-encoded (Gradio's `"simpleimage"`). */
  simpleimage: SimpleImageComponent;
  /** Two images compared with a slider (Gradio's `"imageslider"`). */
  imageslider: ImageSliderComponent<"array">;
  /** An image with labelled overlays (Gradio's `"annotatedimage"`). */
  annotatedimage: AnnotatedImageComponent;
  /** A JSON tree view (Gradio's `"json"`). */
  json: JsonComponent;
  /** HTML shown as is (Gradio's `"html"`). */
  html: HtmlComponent;
  /** Gradio's name for HighlightedText. */
  highlight: HighlightedTextComponent;
  /** Text with labelled spans (Gradio's `"highlightedtext"`). */
  highlightedtext: HighlightedTextComponent;
  /** A code editor (Gradio's `"code"`). */
  code: CodeComponent;
  /** A colour picker; the function gets `#rrggbb` (Gradio's `"colorpicker"`). */
  colorpicker: ColorPickerComponent;
  /** A function's parameters as an expandable list (Gradio's `"paramviewer"`, its class name). */
  paramviewer: ParamViewerComponent;
  /** An editable table; the function gets its rows (Gradio's `"dataframe"`). */
  dataframe: DataframeComponent;
  /** Gradio's `gr.Numpy` (`type="numpy"`): a table whose function gets its rows as arrays, JavaScript having no numpy. */
  numpy: DataframeComponent;
  /** Gradio's `gr.Matrix`: a table whose function gets its rows as arrays (`type="array"`). */
  matrix: DataframeComponent;
  /** Gradio's `gr.List`: a table of one column; the function gets its rows, one cell each. */
  list: DataframeComponent;
  /** A Radio with no choices yet (Gradio's `"radio"`); give it choices with `update()`. */
  radio: RadioComponent;
  /** A chat transcript (Gradio's `"chatbot"`). */
  chatbot: ChatbotComponent;
  /** A button labelled "Run" (Gradio's `"button"`). */
  button: ButtonComponent;
  /** A button that clears the components it is given (Gradio's `"clearbutton"`). */
  clearbutton: ClearButtonComponent;
  /** A button that uploads one file; the function gets its path (Gradio's `"uploadbutton"`). */
  uploadbutton: UploadButtonComponent;
  /** A button that downloads the file the function returns (Gradio's `"downloadbutton"`). */
  downloadbutton: DownloadButtonComponent;
  /** A date and time field; the function gets a timestamp (Gradio's `"datetime"`). */
  datetime: DateTimeComponent;
  /** A plot: the function returns a plotly figure or a plot image (Gradio's `"plot"`). */
  plot: PlotComponent;
  /** A line plot of a table the function returns (Gradio's `"lineplot"`). */
  lineplot: LinePlotComponent;
  /** A bar plot of a table the function returns (Gradio's `"barplot"`). */
  barplot: BarPlotComponent;
  /** A scatter plot of a table the function returns (Gradio's `"scatterplot"`). */
  scatterplot: ScatterPlotComponent;
}

const factories: { [K in keyof ComponentShortcuts]: () => ComponentShortcuts[K] } = {
  text: () => Textbox(),
  textbox: () => Textbox(),
  textarea: () => Textbox({ lines: 7 }),
  multimodaltextbox: () => MultimodalTextbox(),
  number: () => NumberInput(),
  slider: () => Slider(),
  checkbox: () => Checkbox(),
  dropdown: () => Dropdown(),
  checkboxgroup: () => CheckboxGroup(),
  markdown: () => Markdown(),
  state: () => State(),
  image: () => Image(),
  audio: () => Audio(),
  microphone: () => Microphone(),
  webcam: () => Image({ sources: ["webcam"] }),
  label: () => Label(),
  file: () => File(),
  files: () => Files(),
  model3d: () => Model3D(),
  fileexplorer: () => FileExplorer(),
  video: () => Video(),
  playablevideo: () => PlayableVideo(),
  playable_video: () => PlayableVideo(),
  imageeditor: () => ImageEditor(),
  image_editor: () => ImageEditor(),
  sketchpad: () => Sketchpad(),
  paint: () => Paint(),
  imagemask: () => ImageMask(),
  image_mask: () => ImageMask(),
  gallery: () => Gallery(),
  simpleimage: () => SimpleImage(),
  imageslider: () => ImageSlider(),
  annotatedimage: () => AnnotatedImage(),
  json: () => JsonViewer(),
  html: () => HTML(),
  highlight: () => HighlightedText(),
  highlightedtext: () => HighlightedText(),
  code: () => Code(),
  colorpicker: () => ColorPicker(),
  paramviewer: () => ParamViewer(),
  dataframe: () => Dataframe(),
  numpy: () => Dataframe({ type: "array" }),
  matrix: () => Dataframe({ type: "array" }),
  list: () => Dataframe({ type: "array", col_count: 1 }),
  radio: () => Radio(),
  chatbot: () => Chatbot(),
  button: () => Button(),
  clearbutton: () => ClearButton(),
  uploadbutton: () => UploadButton(),
  downloadbutton: () => DownloadButton(),
  datetime: () => DateTime(),
  plot: () => Plot(),
  lineplot: () => LinePlot(),
  barplot: () => BarPlot(),
  scatterplot: () => ScatterPlot(),
};

/** A component, or the name of one. */
export type ComponentLike = AnyComponent | keyof ComponentShortcuts;

/** The component type a shortcut or component stands for. */
export type Resolve<C> = C extends keyof ComponentShortcuts ? ComponentShortcuts[C] : C extends AnyComponent ? C : never;

/** Resolves each entry of a list (or a single entry) of shortcuts and components. */
export type ResolveAll<L> = L extends readonly unknown[] ? { -readonly [K in keyof L]: Resolve<L[K]> } : Resolve<L>;

/** Makes the component a shortcut stands for, or returns a component as it is. */
export function resolveComponent(c: ComponentLike): AnyComponent {
  if (typeof c !== "string") return c;
  const make = factories[c];
  if (!make) {
    throw new Error(`Unknown component shortcut "${c}"; known: ${Object.keys(factories).join(", ")}`);
  }
  return make();
}
