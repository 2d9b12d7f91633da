/**
 * The Hugging Face Space the app runs in, as Gradio's `get_space()` reads it: `SPACE_ID`
 * (`"owner/name"`) when `SYSTEM` is `"spaces"`, else null.
 */
export function currentSpace(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  if (env.SYSTEM !== "spaces") return null;
  const id = env.SPACE_ID?.trim();
  return id ? id : null;
}

/**
 * The page that duplicates a Space: `https://huggingface.co/spaces/<owner>/<name>?duplicate=true`.
 * Each part of the id is URL-encoded, so an odd `SPACE_ID` cannot change the link's target.
 */
export function duplicateUrl(spaceId: string): string {
  const path = spaceId.split("/").map(encodeURIComponent).join("/");
  return `https://huggingface.co/spaces/${path}?duplicate=true`;
}
