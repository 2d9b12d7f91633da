/** The fields MiniSearch indexes, shared by the build (which writes the index) and the page's script (which loads it). */
export const SEARCH_FIELDS = ["title", "text"] as const;
/** The fields stored with each result. */
export const SEARCH_STORE = ["title", "path", "section"] as const;
