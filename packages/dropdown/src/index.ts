export {
  Dropdown,
  DropdownComponent,
  type ChoiceValues as DropdownChoiceValues,
  type DropdownArg,
  type DropdownArgItem,
  type DropdownChoice,
  type DropdownItem,
  type DropdownProps,
  type DropdownReturn,
  type DropdownType,
  type DropdownValue,
} from "./process.js";
export { dropdownEvents, type DropdownEvent, type DropdownEventData } from "./events.js";
