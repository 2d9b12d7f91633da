/**
 * DOM helpers of the HTML view: updating rendered HTML in place (so that what `js_on_load` set
 * up on the elements survives a new value), and loading the author's `head` tags once per page.
 */

/**
 * Makes `root`'s children match `html`, changing only what differs: text, attributes, and
 * elements whose tag changed (replaced), extra nodes added or removed at the end. Elements that
 * stay keep their listeners and state.
 */
export function updateChildren(root: Element, html: string): void {
  const fresh = root.ownerDocument.createElement("template");
  fresh.innerHTML = html;
  syncChildren(root, fresh.content);
}

function syncChildren(target: Node, source: Node): void {
  const before = [...target.childNodes];
  const after = [...source.childNodes];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const old = before[i];
    const next = after[i];
    if (!next) target.removeChild(old!);
    else if (!old) target.appendChild(next.cloneNode(true));
    else syncNode(old, next);
  }
}

function syncNode(old: Node, next: Node): void {
  if (old.nodeType !== next.nodeType || (old instanceof Element && old.tagName !== (next as Element).tagName)) {
    old.parentNode!.replaceChild(next.cloneNode(true), old);
    return;
  }
  if (!(old instanceof Element)) {
    if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
    return;
  }
  const fresh = next as Element;
  for (const { name } of [...old.attributes]) if (!fresh.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of [...fresh.attributes]) {
    if (old.getAttribute(name) === value) continue;
    old.setAttribute(name, value);
    // A form field's shown value follows its attribute.
    if (name === "value" && "value" in old) (old as HTMLInputElement).value = value;
  }
  syncChildren(old instanceof HTMLTemplateElement ? old.content : old, fresh instanceof HTMLTemplateElement ? fresh.content : fresh);
}

/** Scripts of `head` tags loading or loaded, by `src`: each loads once per page. */
const scriptLoads = new Map<string, Promise<void>>();

/**
 * Puts the author's `head` HTML in the page's `<head>`: a `<script src>` is added once per page
 * (by its URL) and awaited; an inline script once per text; `<link>` once per `href`; other tags
 * as they are. Resolves when the scripts have loaded (rejects if one fails).
 */
export async function loadHead(html: string, doc: Document = document): Promise<void> {
  if (!html.trim()) return;
  const parsed = new DOMParser().parseFromString(`<head>${html}</head>`, "text/html");
  const waits: Promise<void>[] = [];
  for (const el of [...parsed.head.children]) {
    if (el instanceof HTMLScriptElement) {
      if (el.src) {
        let load = scriptLoads.get(el.src);
        if (!load) {
          const script = doc.createElement("script");
          for (const { name, value } of [...el.attributes]) script.setAttribute(name, value);
          script.async = el.async;
          load = new Promise<void>((resolve, reject) => {
            script.onload = () => resolve();
            script.onerror = () => reject(new Error(`could not load ${el.src}`));
          });
          scriptLoads.set(el.src, load);
          doc.head.append(script);
        }
        waits.push(load);
      } else if (![...doc.scripts].some((s) => !s.src && s.textContent === el.textContent)) {
        const script = doc.createElement("script");
        script.textContent = el.textContent;
        doc.head.append(script);
      }
    } else if (el instanceof HTMLLinkElement && el.href) {
      if (![...doc.querySelectorAll("link")].some((l) => l.href === el.href)) doc.head.append(doc.importNode(el, true));
    } else {
      doc.head.append(doc.importNode(el, true));
    }
  }
  await Promise.all(waits);
}
