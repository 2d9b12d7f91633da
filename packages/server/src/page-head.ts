/**
 * What the server adds to the page's `<head>`: the theme's stylesheet, the script that picks
 * light or dark before the first paint, the app's custom CSS and its custom head markup.
 */
import { readFileSync } from "node:fs";
import type { BlocksProps, ThemeLike } from "@vitrine/core";
import { Default, themeByName } from "@vitrine/themes";

/** The app's theme as an object with a stylesheet: a name is looked up, nothing means Default. */
export function resolveTheme(theme: ThemeLike | null | undefined): { css(): string } {
  if (!theme) return Default();
  return typeof theme === "string" ? themeByName(theme) : theme;
}

/**
 * Dark mode: `?__theme=dark` or `?__theme=light` force it; otherwise the page follows the
 * system setting, and changes with it. The class goes on `<html>`, where the theme's
 * `.dark` variables apply. It runs before the body is drawn, so there is no flash.
 */
export const DARK_MODE_SCRIPT =
  "(function(){var d=document.documentElement,t=new URLSearchParams(location.search).get('__theme');" +
  "function set(on){d.classList.toggle('dark',on);d.style.colorScheme=on?'dark':'light';}" +
  "if(t==='dark'||t==='light'){set(t==='dark');return;}" +
  "var m=window.matchMedia&&window.matchMedia('(prefers-color-scheme: dark)');set(!!(m&&m.matches));" +
  "if(m&&m.addEventListener)m.addEventListener('change',function(e){set(e.matches);});})();";

/** Keeps text inside a `<style>` element: it can never close the element early. */
function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, "<\\/$1");
}

/** The markup the server puts before `</head>`. */
export function pageHead(parts: { themeCss: string; css: string | null; head: string | null }): string {
  return [
    `<style id="vt-theme">${styleText(parts.themeCss)}</style>`,
    `<script>${DARK_MODE_SCRIPT}</script>`,
    parts.css ? `<style data-vitrine="custom-css">${styleText(parts.css)}</style>` : "",
    parts.head ?? "",
  ].join("");
}

/** The app's custom CSS (`css`, then the files of `css_paths`) and head markup (`head`, then `head_paths`). */
export function customCssAndHead(props: Pick<BlocksProps, "css" | "css_paths" | "head" | "head_paths">): {
  css: string | null;
  head: string | null;
} {
  const join = (text: string | null | undefined, paths: string | readonly string[] | null | undefined) => {
    const parts = [text ?? "", ...readAll(paths)].filter((p) => p !== "");
    return parts.length ? parts.join("\n") : null;
  };
  return { css: join(props.css, props.css_paths), head: join(props.head, props.head_paths) };
}

function readAll(paths: string | readonly string[] | null | undefined): string[] {
  const list = paths === null || paths === undefined ? [] : typeof paths === "string" ? [paths] : paths;
  return list.map((path) => {
    try {
      return readFileSync(path, "utf8");
    } catch (err) {
      throw new Error(`Could not read ${path} (css_paths / head_paths): ${(err as Error).message}`);
    }
  });
}
