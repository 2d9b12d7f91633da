import * as vt from "vitrine";

/** Where the gallery is served, known once it listens (see `startGallery`). */
export interface GalleryContext {
  /** The gallery's base URL, with a trailing slash; throws before the gallery listens. */
  readonly url: string;
}

/**
 * `vt.load`: the gallery's own `hello` demo, loaded through the API as if it ran elsewhere, and
 * called as a function ("Using Blocks like functions"). The gallery serves every demo from one
 * process, so the remote app is loaded lazily, on the first click, from the gallery's URL
 * (`VITRINE_LOAD_URL` overrides it). `vt.load` itself renders a remote Interface: see the
 * interface-family test and docs/interface-family.md.
 */
export function load(gallery?: GalleryContext) {
  let remote: Promise<vt.LoadedApp> | null = null;
  const hello = () => {
    const url = process.env.VITRINE_LOAD_URL ?? (gallery ? `${gallery.url}hello/` : null);
    if (!url) throw new vt.Error("This demo needs the URL of a running hello demo: set VITRINE_LOAD_URL.");
    remote ??= vt.load(url).catch((err: unknown) => {
      remote = null;
      throw new vt.Error(`Could not load ${url}: ${err instanceof Error ? err.message : String(err)}`);
    });
    return remote;
  };
  return vt.Blocks({ title: "Load" }, () => {
    vt.Markdown("# Load\nThe greeting comes from the `hello` demo, called through its API with `vt.load(url).fn(\"/predict\")`.");
    const name = vt.Textbox({ label: "name", value: "Ada" });
    const greeting = vt.Textbox({ label: "remote greeting" });
    const button = vt.Button({ value: "Greet remotely", variant: "primary" });
    vt.on([button.click, name.submit], {
      fn: async (n: string, ctx) => (await hello()).fn("/predict")(n, ctx),
      inputs: [name],
      outputs: [greeting],
      api_name: "greet",
    });
  });
}
