export {
  BullMQExecutor,
  type BullMQExecutorOptions,
} from './bullmqExecutor.js';
export { QueueError, type QueueErrorCode } from './queueError.js';
export {
  type QueueWorker,
  type QueueWorkerEvent,
  type QueueWorkerOptions,
  startQueueWorker,
} from './queueWorker.js';
export { parseRedisUrl, redactUrl } from './redisUrl.js';
