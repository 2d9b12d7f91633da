/**
 * The login page an app launched with `auth` shows to a browser without a session: a themed
 * form (the app's theme CSS variables, light and dark) that posts `username` and `password` to
 * `login` and reloads the app on success. Everything it needs is inline: it loads no asset.
 */

/** What the login page shows. */
export interface LoginPageParts {
  /** The page's `<head>` additions: the theme stylesheet and the dark-mode script (see page-head.ts). */
  head: string;
  /** The app's title. */
  title: string;
  /** `auth_message`: HTML written by the app's developer, shown above the form (as Gradio's). */
  message: string | null;
  /** An error to show at once (a form posted without JavaScript that failed). */
  error?: string | null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Styles from the theme's variables only. The button takes the secondary colours: the default theme's primary ones (white on orange) fall short of WCAG AA contrast at this size. */
const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;min-height:100%}
body{background:var(--body-background-fill);color:var(--body-text-color);font-family:var(--font);font-size:var(--body-text-size, 16px);}
main{display:flex;justify-content:center;align-items:flex-start;padding:calc(4 * var(--spacing-xl, 12px)) var(--spacing-lg, 8px);}
.vt-login{width:100%;max-width:480px;background:var(--block-background-fill);border:1px solid var(--block-border-color);border-radius:var(--block-radius, var(--radius-lg));padding:var(--spacing-xxl, 16px);display:flex;flex-direction:column;gap:var(--spacing-lg, 8px);}
h1{margin:0 0 var(--spacing-md, 6px);font-size:var(--text-xl, 22px);font-weight:var(--section-header-text-weight, 600);color:var(--body-text-color);}
.vt-login-message{margin:0;color:var(--body-text-color);}
.vt-login-error{margin:0;color:var(--error-text-color);font-weight:600;}
.vt-login-error:empty{display:none}
label{display:flex;flex-direction:column;gap:var(--spacing-sm, 4px);color:var(--block-title-text-color, var(--body-text-color));font-size:var(--block-title-text-size, 14px);}
input{font:inherit;color:var(--body-text-color);background:var(--input-background-fill);border:1px solid var(--input-border-color);border-radius:var(--input-radius, var(--radius-sm));padding:var(--input-padding, 10px);}
input:focus{outline:2px solid var(--color-accent);outline-offset:1px;border-color:var(--input-border-color-focus);}
button{font:inherit;cursor:pointer;margin-top:var(--spacing-md, 6px);color:var(--button-secondary-text-color);background:var(--button-secondary-background-fill);border:1px solid var(--button-secondary-border-color, var(--input-border-color));border-radius:var(--button-large-radius, var(--radius-md));padding:var(--button-large-padding, 10px 20px);font-weight:var(--button-large-text-weight, 600);font-size:var(--button-large-text-size, 16px);}
button:hover{background:var(--button-secondary-background-fill-hover);color:var(--button-secondary-text-color-hover);}
button:focus-visible{outline:2px solid var(--color-accent);outline-offset:2px;}
`;

/**
 * The form is posted by a small script (as `FormData`, like Gradio's page and clients), so that a
 * wrong password shows its message without leaving the page; without JavaScript the browser
 * posts it itself, and the server answers with a redirect or this page again.
 */
const SCRIPT = `(function(){var f=document.getElementById('vt-login-form'),e=document.getElementById('vt-login-error');
f.addEventListener('submit',function(ev){ev.preventDefault();e.textContent='';
fetch(f.getAttribute('action'),{method:'POST',body:new FormData(f),credentials:'same-origin'}).then(function(r){
if(r.ok){location.href=f.getAttribute('data-next');return;}
return r.json().catch(function(){return {};}).then(function(b){
e.textContent=r.status===429&&b&&b.detail?b.detail:'Incorrect credentials.';
f.reset();f.elements.username.focus();});
}).catch(function(){e.textContent='Could not reach the server. Try again.';});});})();`;

/** The login page's HTML. */
export function loginPage(parts: LoginPageParts): string {
  const message = parts.message ? `<p class="vt-login-message">${parts.message}</p>` : "";
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(parts.title)}</title>${parts.head}<style>${STYLE}</style></head>` +
    `<body><main><form class="vt-login" id="vt-login-form" method="post" action="login" data-next="./" aria-labelledby="vt-login-title">` +
    `<h1 id="vt-login-title">Login</h1>${message}` +
    `<p class="vt-login-error" id="vt-login-error" role="alert">${escapeHtml(parts.error ?? "")}</p>` +
    `<label>Username<input name="username" autocomplete="username" required autofocus></label>` +
    `<label>Password<input name="password" type="password" autocomplete="current-password" required></label>` +
    `<button type="submit">Login</button>` +
    `</form></main><script>${SCRIPT}</script></body></html>`
  );
}
