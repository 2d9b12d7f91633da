/**
 * Gradio's `allow_tags`: tags a model writes (`<thinking>`, `<tool_call>`) are kept in a message
 * as visible text instead of being removed by the HTML sanitizer. Here they are escaped in the
 * Markdown source, outside code (where Markdown shows them as text already).
 */

/** Standard HTML and SVG tag names: tags that `allow_tags: true` leaves to the sanitizer. */
const STANDARD_TAGS = new Set(
  (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup " +
    "data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head " +
    "header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol " +
    "optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span " +
    "strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr " +
    "center font big marquee " +
    "svg animate animatemotion animatetransform circle clippath defs desc ellipse feblend fecolormatrix fecomponenttransfer " +
    "fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg " +
    "fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile " +
    "feturbulence filter foreignobject g image line lineargradient marker mask metadata mpath path pattern polygon polyline " +
    "radialgradient rect set stop switch symbol text textpath tspan use view " +
    "math mi mn mo ms mtext mrow msup msub mfrac msqrt mroot mtable mtr mtd semantics annotation"
  ).split(" "),
);

const escapeMatch = (match: string) => match.replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Escapes the allowed tags of one stretch of Markdown outside code. */
function escapeIn(text: string, allow: readonly string[] | true): string {
  if (allow === true) {
    return text.replace(/<\/?([a-zA-Z][a-zA-Z0-9_-]*)(?=[\s/>])[^<>]*>/g, (match, name: string) =>
      STANDARD_TAGS.has(name.toLowerCase()) ? match : escapeMatch(match),
    );
  }
  const names = new Set(allow.map((t) => t.toLowerCase()));
  return text.replace(/<\/?([a-zA-Z][a-zA-Z0-9_-]*)(?=[\s/>])[^<>]*>/g, (match, name: string) =>
    names.has(name.toLowerCase()) ? escapeMatch(match) : match,
  );
}

/**
 * The Markdown source with the tags `allow` keeps made visible (escaped), leaving fenced code
 * blocks and inline code untouched. `false` or `[]` changes nothing.
 */
export function keepTags(markdown: string, allow: readonly string[] | boolean | null | undefined): string {
  if (!allow || (Array.isArray(allow) && allow.length === 0) || !markdown.includes("<")) return markdown;
  const list = allow === true ? true : (allow as readonly string[]);
  // Split into code (``` / ~~~ fences, `inline` spans) and the rest; only the rest is escaped.
  const code = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)|`[^`\n]+`/g;
  let out = "";
  let last = 0;
  for (let m = code.exec(markdown); m; m = code.exec(markdown)) {
    out += escapeIn(markdown.slice(last, m.index), list) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapeIn(markdown.slice(last), list);
}
