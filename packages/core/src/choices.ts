/** A choice's value: what the function receives and returns. */
export type ChoiceValue = string | number;

/** A choice: its value (shown as is), or a `[label, value]` pair, as in Gradio. */
export type Choice<C extends ChoiceValue = ChoiceValue> = C | readonly [label: string, value: C];

/** Value type of a list of choices: each plain value, and each pair's value. */
export type ChoiceValues<Choices extends readonly Choice[]> = [Choices[number]] extends [never]
  ? string
  : Choices[number] extends infer Ch
    ? Ch extends readonly [string, infer V extends ChoiceValue]
      ? V
      : Ch extends ChoiceValue
        ? Ch
        : never
    : never;

/** Turns a choice into a `[label, value]` pair, refusing anything else with a TypeError. */
export function normalizeChoice<C extends ChoiceValue>(owner: string, choice: Choice<C>): readonly [string, C] {
  if (Array.isArray(choice)) {
    const [label, value] = choice as readonly [string, C];
    if (choice.length !== 2 || typeof label !== "string" || !isChoiceValue(value)) {
      throw new TypeError(`${owner}: a choice pair must be [label: string, value: string | number], got ${JSON.stringify(choice)}`);
    }
    return [label, value];
  }
  if (!isChoiceValue(choice)) {
    throw new TypeError(`${owner}: a choice must be a string, a number or a [label, value] pair, got ${JSON.stringify(choice)}`);
  }
  return [String(choice), choice as C];
}

/** Whether `value` can be a choice value (a string or a finite number). */
export function isChoiceValue(value: unknown): value is ChoiceValue {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** A value as Python's `repr` prints it (`'add'`, `"it's"`, `3`), for `Literal[...]`. */
export function pythonRepr(value: ChoiceValue): string {
  if (typeof value === "number") return String(value);
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of value) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch < " " || ch === "\x7f") out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return quote + out + quote;
}

/** The JSON schema of one choice value: an enum of the values, typed when they share a type. */
export function choiceSchema(values: readonly ChoiceValue[]): Record<string, unknown> {
  const type: Record<string, unknown> = { enum: [...values] };
  if (values.every((v) => typeof v === "string")) type.type = "string";
  else if (values.every((v) => typeof v === "number")) type.type = "number";
  return type;
}
