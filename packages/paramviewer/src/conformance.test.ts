import { expect } from "@jest/globals";
import { describeComponent } from "@vitrine/component-test";
import { ParamViewer, type ParamViewerProps } from "./index.js";

const greet = ParamViewer();

describeComponent({
  create: (props: ParamViewerProps) => ParamViewer(props),
  samples: [
    {
      name: { type: "str", description: "Who to greet, e.g. `Ada`.", default: '"World"' },
      times: { type: "int", description: "How many times to say **hello**.", default: "1" },
      loud: { type: "bool", description: "Whether to shout.", default: "False" },
    },
    {
      image: { type: "numpy.ndarray | None", description: "The picture to classify.", default: null },
    },
    // As a function may return it: fields left out, a default as a JSON value.
    { prompt: { type: "str" }, options: { description: "Extra options.", default: { top_k: 5 } } },
  ],
  // A loose sample comes back in the wire's shape (missing fields filled in, defaults as code).
  roundTrip: (back, sample) => expect(back).toEqual(greet.postprocess(sample as never)),
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    upload: "Gradio declares it but never fires it: nothing can be uploaded to a ParamViewer, and its view has no upload control",
  },
});
