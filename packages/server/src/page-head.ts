/**
 * What the server adds to the page's `<head>`: the theme's stylesheet, the script that picks
 * light or dark before the first paint, the app's custom CSS and its custom head markup.
 */
import type { ThemeLike } from "@vitrine/core";
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
