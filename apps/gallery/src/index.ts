import { blocks } from "./demos/blocks.js";
import { calculator } from "./demos/calculator.js";
import { chain } from "./demos/chain.js";
import { hello } from "./demos/hello.js";
import { js } from "./demos/js.js";
import { progress } from "./demos/progress.js";
import { scroll } from "./demos/scroll.js";
import { stream } from "./demos/stream.js";
import { timer } from "./demos/timer.js";
import { liveValues } from "./demos/live-values.js";
import { toasts } from "./demos/toasts.js";
import { triggers } from "./demos/triggers.js";
import { layouts } from "./demos/layouts.js";
import { tabs } from "./demos/tabs.js";
import { accordion } from "./demos/accordion.js";
import { sidebar } from "./demos/sidebar.js";
import { render } from "./demos/render.js";
import { themes } from "./demos/themes.js";
import { examples } from "./demos/examples.js";
import { state } from "./demos/state.js";
import { classifier } from "./demos/classifier.js";
import { annotated } from "./demos/annotated.js";
import { model3d } from "./demos/model3d.js";
import { live } from "./demos/live.js";
import { tabbed } from "./demos/tabbed.js";
import { parallel } from "./demos/parallel.js";
import { series } from "./demos/series.js";
import { load, type GalleryContext } from "./demos/load.js";
import { sketch } from "./demos/sketch.js";
import { video } from "./demos/video.js";
import { webcam } from "./demos/webcam.js";
import { microphone } from "./demos/microphone.js";
import { streaming, streamingInterface, streamingOutputs } from "./demos/streaming.js";
import { images } from "./demos/images.js";
import { explorer } from "./demos/explorer.js";
import { pickers } from "./demos/pickers.js";
import { choices } from "./demos/choices.js";
import { code } from "./demos/code.js";
import { textdata } from "./demos/textdata.js";
import { buttonsExtra } from "./demos/buttons-extra.js";
import { dataframe } from "./demos/dataframe.js";
import { markdown } from "./demos/markdown.js";
import { plot } from "./demos/plot.js";
import { plots } from "./demos/plots.js";
import { chatbot, type ChatbotDemoOptions } from "./demos/chatbot.js";
import { chatEcho, chatMultimodal, type ChatDemoOptions } from "./demos/chat.js";
import { multimodal } from "./demos/multimodal.js";
import { fileButtons } from "./demos/file-buttons.js";
import { request } from "./demos/request.js";

export { hello, calculator, blocks, stream, progress, toasts, chain, timer, liveValues, js, triggers, scroll };
export { layouts, tabs, accordion, sidebar, render, themes, state, classifier, annotated, model3d };
export { examples, video, webcam, microphone, images, explorer, streaming, streamingInterface, streamingOutputs };
export { live, tabbed, parallel, series, load, sketch, choices, textdata, code, type GalleryContext };
export { pickers, dataframe, buttonsExtra, markdown, plot, chatbot, type ChatbotDemoOptions };
export { chatEcho, chatMultimodal, plots, multimodal, fileButtons, request, type ChatDemoOptions };
export { startGallery, type Gallery, type GalleryEntry } from "./gallery.js";
import type { GalleryEntry } from "./gallery.js";

/** Every demo of the gallery by its URL name, with a one-line description. */
export const demos: Record<string, GalleryEntry> = {
  hello: { create: hello, description: "Interface: a Textbox in, a greeting out, with examples" },
  calculator: { create: calculator, description: "Interface: Number, Radio, Number → Number; vt.Error on division by zero" },
  blocks: { create: blocks, description: "Blocks: a Row of inputs, two buttons bound to two functions" },
  stream: { create: stream, description: "A generator streaming text word by word, with a Stop button" },
  progress: { create: progress, description: "Progress bars over the output, and show_progress full / minimal / hidden" },
  toasts: { create: toasts, description: "vt.Info and vt.Warning toasts while a function runs, and a vt.Error" },
  chain: { create: chain, description: "Chained events: .then, .success and .failure" },
  timer: { create: timer, description: "A Timer ticking a counter (pause, resume, faster), and a clock refreshed with every" },
  "live-values": { create: () => liveValues(), description: "Values made by functions: a clock every second, a random number per page load, a summary following a Slider" },
  js: { create: js, description: "Client-side js functions, instead of or before the server function" },
  triggers: { create: triggers, description: "trigger_mode once / multiple / always_last on a slow function" },
  scroll: { create: scroll, description: "scroll_to_output brings a far-away output into view" },
  layouts: { create: layouts, description: "Row, Column and Group: variants, scale, min_width, equal_height" },
  tabs: { create: tabs, description: "Tabs: select and change events, a tab chosen at load, a disabled tab" },
  accordion: { create: accordion, description: "Accordion: settings folded away; expand and collapse events" },
  sidebar: { create: sidebar, description: "Sidebar: filters in a collapsible side panel (an overlay on phones)" },
  render: { create: render, description: "vt.render: buttons rebuilt from the words you type, keyed boxes" },
  themes: { create: themes, description: "Every prebuilt theme, in light and dark" },
  examples: { create: examples, description: "Examples: cached at start, cached on first click, run on click" },
  state: { create: state, description: "State per session, BrowserState across reloads, unload" },
  annotated: { create: annotated, description: "AnnotatedImage: two boxes and a circular mask over an image; hover the legend, click an annotation" },
  model3d: { create: model3d, description: "Model3D: a cube drawn by three.js; upload a model to see it shown back" },
  classifier: { create: classifier, description: "Interface(fn, \"image\", \"label\"): upload an image, see its colour scores" },
  live: { create: live, description: "A live Interface: outputs follow every keystroke, no Submit button; LaTeX in its description" },
  tabbed: { create: tabbed, description: "TabbedInterface: two Interfaces in tabs, each its own endpoint" },
  parallel: { create: parallel, description: "Parallel: two Interfaces on the same input, outputs side by side" },
  series: { create: series, description: "Series: each Interface's output feeds the next one" },
  load: { create: () => load(), createInGallery: load, description: "vt.load: the hello demo called through its API, as a function" },
  sketch: { create: sketch, description: "Sketchpad: draw with the mouse, undo, erase; the drawing comes back cropped to where you drew" },
  webcam: { create: () => webcam(), description: "Webcam: frames streamed into a function that flips and greys them; a photo with the capture button" },
  microphone: { create: () => microphone(), description: "Microphone: streamed into a level meter, recorded as a clip, and a tone streamed out chunk by chunk" },
  streaming: { create: () => streaming(), description: "Streaming: the webcam streamed with a Gain slider the frames follow as it moves" },
  video: { create: video, description: "Video: upload or record a video, flip, trim or gray it with ffmpeg; subtitles on the result" },
  explorer: { create: () => explorer(), description: "FileExplorer: tick files in a folder tree, see their names and sizes" },
  choices: { create: choices, description: "Dropdown (single, multiselect with max_choices, custom values) and CheckboxGroup with Select All, as inputs and outputs" },
  code: { create: code, description: "Code: a Python editor (CodeMirror 6) in, its summary as read-only JSON out" },
  textdata: { create: textdata, description: "JSON, HTML and HighlightedText: a tree, sanitized HTML and highlighted entities, each as input and output" },
  "buttons-extra": { create: buttonsExtra, description: "ClearButton (clears a Textbox, Number, Image, Dropdown and State), DuplicateButton, and ParamViewer documenting a tool from its JSON" },
  dataframe: { create: dataframe, description: "Dataframe: an editable order (sort, search, copy) whose totals a function computes, and a virtualised 100,000-row table" },
  pickers: { create: pickers, description: "ColorPicker and DateTime in and out: a colour inverted, a meeting in Paris a day later in UTC, relative dates" },
  markdown: { create: markdown, description: "Markdown: source in, rendered out (KaTeX, highlighted code, tables, header links, a copy button), and a templated HTML card whose js_on_load fires an event" },
  chatbot: { create: () => chatbot(), description: "Chatbot: a streamed reply after a thinking block (pending, then done with its duration), Markdown with code and math, likes recorded below" },
  plot: { create: plot, description: "Plot: a frequency in, a plotly figure of a sine and a cosine out; plotly.js loads only when the first figure arrives" },
  chat: { create: () => chatEcho(), description: "ChatInterface: a streaming echo with additional inputs (a prefix, a repeat count), examples, Stop, retry, undo, edit, and conversations kept in the browser" },
  "chat-multimodal": { create: () => chatMultimodal(), description: "ChatInterface(multimodal): attach an image and write; the image and your text come back" },
  multimodal: { create: multimodal, description: "MultimodalTextbox: text and attached files (paperclip, drop, paste) in; what the function got, the first image, and an echo out" },
  plots: { create: plots, description: "LinePlot, BarPlot and ScatterPlot of generated tables, each with a selection: drag a range (a box on the scatter plot), see it in a Textbox; double-click clears" },
  "file-buttons": { create: fileButtons, description: "File, UploadButton and DownloadButton: upload a file and download it back, copy a File, download a report made as bytes" },
  request: { create: request, description: "ctx.request and ctx.session: the headers, the page's query and the client an event function sees" },
  images: { create: images, description: "Gallery of generated squares with captions (select, preview), an upload gallery, and an ImageSlider before/after" },
};
