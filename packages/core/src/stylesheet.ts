/**
 * Adds a view's stylesheet to the page once: a `<style>` element with the given id in the
 * document's head, shared by every instance of the view. Calling it again with the same id does
 * nothing, and outside a browser (server rendering, Node tests) it does nothing at all.
 *
 * @example
 * const CSS = `.vt-label { color: var(--body-text-color); }`;
 * export function LabelView() {
 *   adoptStylesheet("vt-label-style", CSS);
 *   return <div className="vt-label">…</div>;
 * }
 */
export function adoptStylesheet(id: string, css: string): void {
  if (typeof document === "undefined" || document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.appendChild(style);
}
