/** An error the CLI reports as a plain message, without a stack: a missing file, an app file that builds no app. */
export class CliError extends Error {
  override name = "CliError";
}

/** The message for an error: a {@link CliError}'s text, else the stack (which names the user's file and line). */
export function describeError(err: unknown): string {
  if (err instanceof CliError) return err.message;
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}
