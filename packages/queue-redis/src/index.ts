export { RedisQueue, type RedisQueueOptions } from "./redis-queue.js";
