export {
  CheckboxGroup,
  CheckboxGroupComponent,
  type ChoiceValues as CheckboxGroupChoiceValues,
  type CheckboxGroupChoice,
  type CheckboxGroupProps,
  type CheckboxGroupType,
  type CheckboxGroupValue,
} from "./process.js";
export { checkboxGroupEvents, type CheckboxGroupEvent, type CheckboxGroupEventData } from "./events.js";
