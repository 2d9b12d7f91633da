export { Block, Container, currentScope, rootScope, dropUndefined, type BlockProps } from "./block.js";
export {
  Component,
  type AnyComponent,
  type ApiDescription,
  type ComponentProps,
  type ComponentUi,
  type JsonSchema,
  type Listeners,
  type ReturnOf,
  type ServerFunction,
  type ServerFunctionContext,
  type ValueOf,
} from "./component.js";
export { FileValuedComponent } from "./file-valued.js";
export {
  Row,
  Column,
  Group,
  Tabs,
  Tab,
  TabItem,
  Accordion,
  Sidebar,
  RowBlock,
  ColumnBlock,
  GroupBlock,
  TabsBlock,
  TabBlock,
  AccordionBlock,
  SidebarBlock,
  type Built,
  type RowProps,
  type ColumnProps,
  type GroupProps,
  type TabsProps,
  type TabProps,
  type AccordionProps,
  type SidebarProps,
} from "./layout.js";
export { Blocks, BlocksApp, componentDisplayName, renderIdOf, type BlocksProps, type PageOptions, type QueueSettings, type ThemeLike, type UnloadFn } from "./blocks.js";
export { render, renderBlockOf, RenderBlock, RenderedRegion, type RenderOptions, type RenderFn, type FnIndexAllocator } from "./render.js";
export { attachListeners } from "./listeners.js";
export { unknownOptionError, closestName } from "./options.js";
export {
  Dependency,
  listen,
  on,
  eventListener,
  type AnyEventOptions,
  type BatchArgsOf,
  type BatchFn,
  type BatchResultOf,
  type CommonEventOptions,
  type JsFunction,
  type OutputOf,
  type ArgsOf,
  type ComponentList,
  type AnyOutput,
  type OutputList,
  type DependencyRegistry,
  type EventFn,
  type EventListener,
  type EventName,
  type EventOptions,
  type EventTarget,
  type FnResult,
  type ResultOf,
} from "./events.js";
export { api, isStandardSchema, jsonSchemaOf, validateWith, type ApiComponentOptions, type ApiEndpointOptions, type ApiObjectSchemaOptions, type ApiSchemaListOptions, type SchemaComponentFactory, type SchemaSlot, type StandardSchema, type StandardResult } from "./api-endpoint.js";
export { eventData, type EventContext, type EventData, type RequestInfo } from "./context.js";
export type { SelectData, KeyUpData, LikeData, EditData, RetryData, CopyData, DownloadData } from "./event-data.js";
export { VitrineError, VitrineError as Error, isUserError, type MessageOptions } from "./errors.js";
export * from "./config.js";
export { parameterNames, toIdentifier, withParameterNames } from "./names.js";
export { VERSION } from "./version.js";
export { StartupError, StartupTasks, type StartTask } from "./startup.js";
export {
  registerEveryTimer,
  hasValueFunction,
  valueFunctionEvent,
  type AnyValueFunction,
  type TimerLike,
  type ValueFunction,
  type ValueFunctionProps,
  type ValueResult,
  type WithValueFunction,
} from "./value-function.js";
export type { ViewProps, ViewStatus, CommonViewProps, ExampleProps } from "./view.js";
export { update, isUpdate, UPDATE_TYPE, type Update } from "./update.js";
export type { Progress, ProgressOptions, ProgressUnit } from "./progress.js";
export { createProgress, progressUnit } from "./progress.js";
export { Info, Warning, setLogSink, logEntry, emitLog, printLog, type LogEntry, type LogLevel, type LogOptions, type LogSink } from "./messages.js";
export { FILE_DATA_TYPE, FILE_DATA_SCHEMA, fileData, isFileData, needFiles, storelessFile, fileExample, type FileData, type FileStore, type ProcessContext, type SaveOptions } from "./files.js";
export { normalizeChoice, isChoiceValue, pythonRepr, choiceSchema, type Choice, type ChoiceValue, type ChoiceValues } from "./choices.js";
