export {
  Queue,
  QueueFullError,
  type BatchOutcome,
  type BatchSpec,
  type Job,
  type JobControl,
  type JobEvent,
  type QueueOptions,
  type Task,
} from "./queue.js";
export { drive, isGenerator, CancelledError } from "./drive.js";
export { SessionFullError } from "./shared.js";
export type {
  PushOptions,
  PushResult,
  SessionReader,
  SharedGroup,
  SharedJob,
  SharedQueueBackend,
  SharedQueueHost,
} from "./shared.js";
