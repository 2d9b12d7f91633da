/** Browser entry: the conformance probe's view (the suite's helper block). */
export { ConformanceProbeView as default } from "./probe-view.js";
