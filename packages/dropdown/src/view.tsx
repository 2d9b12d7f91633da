import { useId, useState, type KeyboardEvent } from "react";
import type { ViewProps } from "@vitrine/core";

/** A choice value as the view holds it. */
type Item = string | number;

/** Config props the Dropdown view reads. */
export interface DropdownViewProps {
  /** `[label, value]` pairs. */
  choices: [string, Item][];
  /** Whether several choices may be selected; the function then receives a list. */
  multiselect: boolean;
  /** Whether the user may type a value that is not among the choices. */
  allow_custom_value: boolean;
  /** With `multiselect`, the most choices that may be selected. */
  max_choices: number | null;
  /** Whether typing in the box filters the choices. */
  filterable: boolean;
}

const listStyle = {
  listStyle: "none",
  margin: 0,
  padding: "var(--spacing-xs) 0",
  position: "absolute",
  zIndex: 10,
  left: 0,
  right: 0,
  top: "100%",
  maxHeight: "16rem",
  overflowY: "auto",
  background: "var(--background-fill-primary)",
  color: "var(--body-text-color)",
  border: "1px solid var(--border-color-primary)",
  borderRadius: "var(--radius-md)",
  fontFamily: "var(--font)",
} as const;

const chipStyle = {
  display: "inline-flex",
  alignItems: "center",
  gap: "var(--spacing-xs)",
  padding: "0 var(--spacing-sm)",
  borderRadius: "var(--radius-md)",
  background: "var(--background-fill-secondary)",
  color: "var(--body-text-color)",
} as const;

/**
 * The Dropdown view: an ARIA combobox (a text box that filters a listbox of the choices).
 * ArrowDown/ArrowUp move through the choices, Enter picks one (or, with `allow_custom_value`,
 * the typed text), Escape closes the list; a click picks too. A multiselect shows its choices as
 * chips with remove buttons and refuses more than `max_choices`. Picking fires `input`/`change`
 * and `select` (`{ index, value, selected }`); the box fires `focus`, `blur` and `key_up`.
 */
export function DropdownView({ value, props, interactive, onChange, dispatch }: ViewProps<Item | Item[] | null, DropdownViewProps>) {
  const id = useId();
  const listId = `${id}-list`;
  const infoId = `${id}-info`;
  const choices = props.choices ?? [];
  const multi = props.multiselect === true;
  const selected: Item[] = multi ? (Array.isArray(value) ? value : []) : value === null || value === undefined || Array.isArray(value) ? [] : [value];
  const labelOf = (item: Item) => choices.find(([, v]) => v === item)?.[0] ?? String(item);
  const shown = !multi && selected.length ? labelOf(selected[0]!) : "";
  const full = multi && props.max_choices !== null && props.max_choices !== undefined && selected.length >= props.max_choices;

  const [open, setOpen] = useState(false);
  /** The text typed since the box took focus; null when the user has not typed (the list is unfiltered). */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);

  const filtered = choices
    .map((choice, index) => ({ label: choice[0], value: choice[1], index }))
    .filter(({ label }) => props.filterable === false || !query || label.toLowerCase().includes(query.toLowerCase()));
  const text = query ?? (multi ? "" : shown);
  const label = props.label ?? "Dropdown";

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };

  const pick = (index: number) => {
    const [, choice] = choices[index]!;
    if (multi) {
      if (selected.includes(choice)) {
        onChange(selected.filter((v) => v !== choice), { userInput: true });
        dispatch("select", { index, value: choice, selected: false });
      } else if (!full) {
        onChange([...selected, choice], { userInput: true });
        dispatch("select", { index, value: choice, selected: true });
      }
      setQuery(null);
      return;
    }
    if (choice !== value) onChange(choice, { userInput: true });
    dispatch("select", { index, value: choice, selected: true });
    close();
  };

  /** Sets the typed text as the value (only with `allow_custom_value`); false when it was not taken. */
  const takeCustom = (typed: string): boolean => {
    if (!props.allow_custom_value || typed === "") return false;
    const index = choices.findIndex(([l]) => l === typed);
    if (index >= 0) {
      pick(index);
      return true;
    }
    if (multi) {
      if (!selected.includes(typed) && !full) onChange([...selected, typed], { userInput: true });
      setQuery(null);
    } else {
      if (typed !== value) onChange(typed, { userInput: true });
      close();
    }
    return true;
  };

  const remove = (item: Item) => {
    onChange(selected.filter((v) => v !== item), { userInput: true });
    const index = choices.findIndex(([, v]) => v === item);
    if (index >= 0) dispatch("select", { index, value: item, selected: false });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      if (filtered.length === 0) return;
      const at = filtered.findIndex((f) => f.index === active);
      const next = e.key === "ArrowDown" ? (at + 1) % filtered.length : at <= 0 ? filtered.length - 1 : at - 1;
      setActive(filtered[next]!.index);
    } else if (e.key === "Enter") {
      if (e.nativeEvent.isComposing) return;
      e.preventDefault();
      if (open && filtered.some((f) => f.index === active)) pick(active);
      else if (query !== null && takeCustom(query)) return;
      else if (open && filtered.length === 1) pick(filtered[0]!.index);
      else setOpen(true);
    } else if (e.key === "Escape") {
      if (open) e.preventDefault();
      close();
    } else if (e.key === "Backspace" && multi && !text && selected.length) {
      remove(selected[selected.length - 1]!);
    }
  };

  const activeVisible = open && filtered.some((f) => f.index === active);
  return (
    <div className="vt-field vt-dropdown" style={{ position: "relative" }}>
      {props.show_label !== false && props.label ? (
        <label className="vt-label" htmlFor={`${id}-input`}>
          {props.label}
        </label>
      ) : null}
      {props.info ? (
        <span className="vt-info" id={infoId}>
          {props.info}
        </span>
      ) : null}
      <div
        className="vt-dropdown-box"
        style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "var(--spacing-xs)", position: "relative" }}
      >
        {multi
          ? selected.map((item) => (
              <span key={String(item)} className="vt-dropdown-chip" style={chipStyle}>
                <span>{labelOf(item)}</span>
                {interactive ? (
                  <button
                    type="button"
                    className="vt-dropdown-remove"
                    aria-label={`Remove ${labelOf(item)}`}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => remove(item)}
                    style={{ border: "none", background: "none", color: "inherit", cursor: "pointer", padding: 0 }}
                  >
                    ×
                  </button>
                ) : null}
              </span>
            ))
          : null}
        <input
          id={`${id}-input`}
          className="vt-input"
          role="combobox"
          aria-label={props.show_label !== false && props.label ? undefined : label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeVisible ? `${id}-opt-${active}` : undefined}
          aria-describedby={props.info ? infoId : undefined}
          disabled={!interactive}
          readOnly={props.filterable === false && !props.allow_custom_value}
          autoComplete="off"
          value={text}
          placeholder={multi && full ? `At most ${props.max_choices}` : undefined}
          style={{ flex: "1 1 6rem", minWidth: "4rem" }}
          onFocus={(e) => {
            // A single dropdown's label is selected, so that typing replaces it and filters.
            if (!multi) e.currentTarget.select();
            setOpen(true);
            dispatch("focus");
          }}
          onBlur={() => {
            if (!multi && query !== null && query !== shown) takeCustom(query);
            close();
            dispatch("blur");
          }}
          onClick={() => setOpen(true)}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => dispatch("key_up", { key: e.key, input_value: e.currentTarget.value })}
        />
        {
          <ul id={listId} role="listbox" aria-label={label} aria-multiselectable={multi || undefined} hidden={!open} style={{ ...listStyle, display: open ? "block" : "none" }}>
            {filtered.length === 0 ? (
              <li role="presentation" style={{ padding: "var(--spacing-sm) var(--spacing-md)", opacity: 0.7 }}>
                No matching choice
              </li>
            ) : null}
            {filtered.map(({ label: optionLabel, value: choice, index }) => {
              const isSelected = selected.includes(choice);
              const disabled = multi && full && !isSelected;
              return (
                <li
                  key={`${index}:${String(choice)}`}
                  id={`${id}-opt-${index}`}
                  role="option"
                  aria-selected={isSelected}
                  aria-disabled={disabled || undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => {
                    if (!disabled) pick(index);
                  }}
                  onMouseEnter={() => setActive(index)}
                  style={{
                    padding: "var(--spacing-sm) var(--spacing-md)",
                    cursor: disabled ? "not-allowed" : "pointer",
                    opacity: disabled ? 0.5 : 1,
                    fontWeight: isSelected ? 600 : undefined,
                    background: index === active ? "var(--background-fill-secondary)" : undefined,
                  }}
                >
                  {isSelected ? "✓ " : ""}
                  {optionLabel}
                </li>
              );
            })}
          </ul>
        }
      </div>
    </div>
  );
}
