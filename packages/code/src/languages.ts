/**
 * The languages a Code block highlights: Gradio's list (`gr.Code.languages`), each with the
 * name of the CodeMirror language (in `@codemirror/language-data`) that highlights it and the
 * file extension its Download button uses. Browser-safe: the server and the view share it.
 */
export const CODE_LANGUAGES = {
  python: { codemirror: "Python", extension: "py" },
  c: { codemirror: "C", extension: "c" },
  cpp: { codemirror: "C++", extension: "cpp" },
  markdown: { codemirror: "Markdown", extension: "md" },
  latex: { codemirror: "LaTeX", extension: "tex" },
  json: { codemirror: "JSON", extension: "json" },
  html: { codemirror: "HTML", extension: "html" },
  css: { codemirror: "CSS", extension: "css" },
  javascript: { codemirror: "JavaScript", extension: "js" },
  jinja2: { codemirror: "Jinja", extension: "jinja2" },
  typescript: { codemirror: "TypeScript", extension: "ts" },
  yaml: { codemirror: "YAML", extension: "yaml" },
  dockerfile: { codemirror: "Dockerfile", extension: "dockerfile" },
  shell: { codemirror: "Shell", extension: "sh" },
  r: { codemirror: "R", extension: "r" },
  sql: { codemirror: "SQL", extension: "sql" },
  "sql-msSQL": { codemirror: "MS SQL", extension: "sql" },
  "sql-mySQL": { codemirror: "MySQL", extension: "sql" },
  "sql-mariaDB": { codemirror: "MariaDB SQL", extension: "sql" },
  "sql-sqlite": { codemirror: "SQLite", extension: "sql" },
  "sql-cassandra": { codemirror: "CQL", extension: "cql" },
  "sql-plSQL": { codemirror: "PLSQL", extension: "sql" },
  // CodeMirror has no Hive, GQL, Greenplum or Spark dialect: standard SQL (PostgreSQL for
  // Greenplum, which speaks it) highlights them.
  "sql-hive": { codemirror: "SQL", extension: "sql" },
  "sql-pgSQL": { codemirror: "PostgreSQL", extension: "sql" },
  "sql-gql": { codemirror: "SQL", extension: "sql" },
  "sql-gpSQL": { codemirror: "PostgreSQL", extension: "sql" },
  "sql-sparkSQL": { codemirror: "SQL", extension: "sql" },
  "sql-esper": { codemirror: "Esper", extension: "sql" },
} as const satisfies Record<string, { codemirror: string; extension: string }>;

/** A language a Code block highlights (Gradio's names). */
export type CodeLanguage = keyof typeof CODE_LANGUAGES;

/** Gradio's language names, in its order (`gr.Code.languages`, without its `None`). */
export const codeLanguages = Object.keys(CODE_LANGUAGES) as CodeLanguage[];

/** Whether `name` is one of the languages a Code block highlights. */
export function isCodeLanguage(name: unknown): name is CodeLanguage {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(CODE_LANGUAGES, name);
}

/** The file name the Download button gives the code: `file.<extension of the language>`, `file.txt` without one. */
export function downloadName(language: string | null | undefined): string {
  return `file.${isCodeLanguage(language) ? CODE_LANGUAGES[language].extension : "txt"}`;
}
