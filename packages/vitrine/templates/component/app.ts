// Try the component: `npm run build`, then `npx vitrine app.ts` (it reloads when you save).
import * as vt from "vitrine";
import { __CLASS__ } from "./dist/index.js";

const demo = vt.Blocks({ title: "__CLASS__" }, () => {
  const text = __CLASS__({ label: "Message", placeholder: "Type and press Enter" });
  const shout = __CLASS__({ label: "Shouted", interactive: false });
  text.submit({ fn: (s: string) => s.toUpperCase(), inputs: [text], outputs: [shout] });
});

await demo.launch();
