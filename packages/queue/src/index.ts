export { Queue, QueueFullError, type Job, type JobEvent, type QueueOptions, type Task } from "./queue.js";
export { drive, isGenerator, CancelledError } from "./drive.js";
