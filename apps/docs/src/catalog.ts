/**
 * What the docs site holds, by hand where the code cannot tell: which gallery demo shows each
 * component, and which core symbols and guide sections make each layout and helper page.
 */

/** A gallery demo: its URL name in the gallery, and its source file in apps/gallery/src/demos/. */
export interface DemoRef {
  /** The gallery's key (`/demos/<name>/`). */
  name: string;
  /** The file under apps/gallery/src/demos/, when not `<name>.ts`. */
  file?: string;
}

/** A section of a guide in docs/: its file and heading (null: the text before the first `##`). */
export interface GuideRef {
  file: string;
  heading: string | null;
}

/**
 * The gallery demos that show each component package (the first runs in its page); an empty
 * list means the gallery has no demo of it yet, which its page says.
 */
export const componentDemos: Record<string, DemoRef[]> = {
  annotatedimage: [{ name: "annotated" }],
  audio: [{ name: "microphone" }],
  browserstate: [{ name: "state" }],
  button: [{ name: "blocks" }, { name: "chain" }],
  chatbot: [{ name: "chatbot" }, { name: "chat", file: "chat.ts" }],
  checkbox: [{ name: "sidebar" }, { name: "accordion" }],
  checkboxgroup: [{ name: "choices" }],
  clearbutton: [{ name: "buttons-extra" }],
  code: [{ name: "code" }],
  colorpicker: [{ name: "pickers" }],
  dataframe: [{ name: "dataframe" }],
  dataset: [{ name: "examples" }],
  datetime: [{ name: "pickers" }],
  downloadbutton: [{ name: "file-buttons" }],
  dropdown: [{ name: "choices" }],
  duplicatebutton: [{ name: "buttons-extra" }],
  file: [{ name: "file-buttons" }],
  fileexplorer: [{ name: "explorer" }],
  gallery: [{ name: "images" }],
  highlightedtext: [{ name: "textdata" }],
  html: [{ name: "textdata" }, { name: "markdown" }],
  image: [{ name: "classifier" }, { name: "webcam" }],
  imageeditor: [{ name: "sketch" }],
  imageslider: [{ name: "images" }],
  json: [{ name: "textdata" }, { name: "code" }],
  label: [{ name: "classifier" }],
  loginbutton: [],
  markdown: [{ name: "markdown" }],
  model3d: [{ name: "model3d" }],
  multimodaltextbox: [{ name: "multimodal" }, { name: "chat-multimodal", file: "chat.ts" }],
  nativeplot: [{ name: "plots" }],
  number: [{ name: "calculator" }, { name: "blocks" }],
  paramviewer: [{ name: "buttons-extra" }],
  plot: [{ name: "plot" }],
  radio: [{ name: "calculator" }],
  simpleimage: [{ name: "images" }],
  slider: [{ name: "live-values" }, { name: "render" }],
  state: [{ name: "state" }],
  textbox: [{ name: "hello" }, { name: "blocks" }],
  timer: [{ name: "timer" }, { name: "live-values" }],
  uploadbutton: [{ name: "file-buttons" }],
  video: [{ name: "video" }, { name: "streaming" }],
};

/** A page for a layout or a helper: core symbols documented from TSDoc, plus a guide section. */
export interface ReferencePage {
  /** The page's file name (without `.html`). */
  slug: string;
  title: string;
  /** One line for the index and search. */
  summary: string;
  /** Symbols to document, as `<package folder>:<export name>` (e.g. `core:Row`). */
  symbols: string[];
  /** For a layout: its block class, whose `EventListener` members are its events. */
  eventsOf?: string;
  guide: GuideRef;
  demo: DemoRef | null;
}

/** The guide section that documents the layouts (all but `vt.render`). */
const layoutsGuide: GuideRef = { file: "layouts-and-themes.md", heading: "Layouts" };

/** One page per layout. */
export const layoutPages: ReferencePage[] = [
  {
    slug: "row",
    title: "Row",
    summary: "Children side by side; they stack on narrow screens.",
    symbols: ["core:Row", "core:RowProps"],
    guide: layoutsGuide,
    demo: { name: "layouts" },
  },
  {
    slug: "column",
    title: "Column",
    summary: "Children stacked; columns in a row share its width by scale.",
    symbols: ["core:Column", "core:ColumnProps"],
    guide: layoutsGuide,
    demo: { name: "layouts" },
  },
  {
    slug: "group",
    title: "Group",
    summary: "Children joined with no gap, inside one border.",
    symbols: ["core:Group", "core:GroupProps"],
    guide: layoutsGuide,
    demo: { name: "layouts" },
  },
  {
    slug: "tabs",
    title: "Tabs and Tab",
    summary: "One tab's content at a time; select and change events.",
    symbols: ["core:Tabs", "core:TabsProps", "core:Tab", "core:TabProps"],
    eventsOf: "core:TabsBlock",
    guide: layoutsGuide,
    demo: { name: "tabs" },
  },
  {
    slug: "accordion",
    title: "Accordion",
    summary: "A section that opens and closes under a header; expand and collapse events.",
    symbols: ["core:Accordion", "core:AccordionProps"],
    eventsOf: "core:AccordionBlock",
    guide: layoutsGuide,
    demo: { name: "accordion" },
  },
  {
    slug: "sidebar",
    title: "Sidebar",
    summary: "A collapsible side panel (an overlay on phones).",
    symbols: ["core:Sidebar", "core:SidebarProps"],
    eventsOf: "core:SidebarBlock",
    guide: layoutsGuide,
    demo: { name: "sidebar" },
  },
  {
    slug: "render",
    title: "render",
    summary: "vt.render: a region rebuilt from its inputs each time they change.",
    symbols: ["core:render", "core:RenderOptions"],
    guide: { file: "layouts-and-themes.md", heading: "`vt.render`: regions rebuilt from inputs" },
    demo: { name: "render" },
  },
];

/** One page per helper. */
export const helperPages: ReferencePage[] = [
  {
    slug: "state",
    title: "State",
    summary: "Per-session values kept on the server: vt.State (and vt.BrowserState in the browser).",
    symbols: ["state:State", "state:StateProps", "browserstate:BrowserState", "browserstate:BrowserStateProps"],
    guide: { file: "state-and-sessions.md", heading: "Per-user State" },
    demo: { name: "state" },
  },
  {
    slug: "examples",
    title: "Examples",
    summary: "vt.Examples: sample inputs under a form, cached or run on click.",
    symbols: ["dataset:Examples", "dataset:ExamplesOptions", "dataset:ExamplesHandle"],
    guide: { file: "state-and-sessions.md", heading: "Examples" },
    demo: { name: "examples" },
  },
  {
    slug: "progress",
    title: "Progress",
    summary: "ctx.progress(...) and progress.track(...): progress bars over the outputs.",
    symbols: ["core:Progress", "core:ProgressOptions", "core:ProgressUnit"],
    guide: { file: "blocks-and-events.md", heading: "Progress, messages and updates" },
    demo: { name: "progress" },
  },
  {
    slug: "request",
    title: "Request and event context",
    summary: "ctx.request, ctx.session, ctx.event: what an event function knows about its call.",
    symbols: ["core:EventContext", "core:RequestInfo", "core:EventData"],
    guide: { file: "state-and-sessions.md", heading: "The request and event data" },
    demo: { name: "request" },
  },
  {
    slug: "events",
    title: "Events",
    summary: "Listeners (`.click`, `.change`, vt.on), their options, chains and event data types.",
    symbols: ["core:on", "core:CommonEventOptions", "core:EventListener", "core:SelectData", "core:KeyUpData", "core:LikeData", "core:EditData", "core:RetryData", "core:CopyData", "core:DownloadData"],
    guide: { file: "blocks-and-events.md", heading: null },
    demo: { name: "chain" },
  },
  {
    slug: "messages",
    title: "Messages and updates",
    summary: "vt.Info, vt.Warning and vt.Error toasts; vt.update to change a component's props.",
    symbols: ["core:Info", "core:Warning", "core:Error", "core:MessageOptions", "core:LogOptions", "core:update"],
    guide: { file: "blocks-and-events.md", heading: "Progress, messages and updates" },
    demo: { name: "toasts" },
  },
];

/** Packages that are not components, each given a page of its README. */
export const otherPackages = ["vitrine", "core", "server", "client", "themes", "flagging", "queue", "queue-redis", "component-test"];
