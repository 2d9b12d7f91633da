import * as vt from "vitrine";

/** Every prebuilt theme's stylesheet, by name, for the page to swap between. */
function themeSheets(): Record<string, string> {
  return Object.fromEntries(Object.entries(vt.themes.themes).map(([name, make]) => [name, make().css()]));
}

/**
 * The theme switcher: every prebuilt theme, in light and dark, over a sample of components.
 * The page swaps the theme's stylesheet in place (`js` functions), so no reload is needed;
 * `?__theme=dark` or `?__theme=light` in the URL forces a mode.
 */
export function themes() {
  const sheets = themeSheets();
  const names = Object.keys(sheets);
  return vt.Blocks(
    {
      title: "Themes",
      theme: "default",
      head: `<script>window.__vitrineThemes = ${JSON.stringify(sheets).replaceAll("<", "\\u003c")};</script>`,
    },
    () => {
      vt.Markdown("# Themes\nPick a theme and a mode: the whole page follows.");
      vt.Row(() => {
        const theme = vt.Radio({ label: "theme", choices: names, value: "Default", elem_id: "theme-choice" });
        const mode = vt.Radio({ label: "mode", choices: ["system", "light", "dark"], value: "system", elem_id: "mode-choice" });
        theme.change({
          fn: null,
          inputs: [theme],
          js: "(name) => { document.getElementById('vt-theme').textContent = window.__vitrineThemes[name]; return []; }",
        });
        mode.change({
          fn: null,
          inputs: [mode],
          js:
            "(mode) => { const dark = mode === 'dark' || (mode === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);" +
            " document.documentElement.classList.toggle('dark', dark); return []; }",
        });
      });
      vt.Tabs(() => {
        vt.Tab({ label: "Form" }, () => {
          vt.Row(() => {
            vt.Column(() => {
              const name = vt.Textbox({ label: "name", placeholder: "Ada", info: "Your first name" });
              const size = vt.Slider({ label: "size", minimum: 0, maximum: 10, value: 4 });
              const agree = vt.Checkbox({ label: "I agree" });
              const out = vt.Textbox({ label: "summary" });
              vt.Row(() => {
                vt.Button({ value: "Submit", variant: "primary" }).click({
                  fn: (n: string, s: number, a: boolean) => `${n || "nobody"}, size ${s}, ${a ? "agrees" : "does not agree"}`,
                  inputs: [name, size, agree],
                  outputs: [out],
                  api_name: "summary",
                });
                vt.Button({ value: "Secondary", variant: "secondary" });
                vt.Button({ value: "Stop", variant: "stop" });
              });
            });
            vt.Column(() => {
              vt.Radio({ label: "flavour", choices: ["vanilla", "chocolate", "lemon"], value: "lemon" });
              vt.Number({ label: "count", value: 3 });
              vt.Accordion({ label: "More", open: true }, () => {
                vt.Markdown("Some **Markdown**, a [link](#) and `code`.");
              });
            });
          });
        });
        vt.Tab({ label: "Second tab" }, () => {
          vt.Markdown("The other tab.");
        });
      });
    },
  );
}
