// Background jobs. The jobs table is the record of every job, so nothing enqueued is lost and a job whose worker
// died (process killed mid-run) is picked up again once its lease runs out. Dispatch is behind this interface:
// in-process polling workers now; a Redis-backed dispatcher can wake workers across instances later.

export interface JobContext { id: string; attempt: number; maxAttempts: number }

export interface JobHandler<P = unknown> {
  run(payload: P, job: JobContext): Promise<void>;
  /** Called once when the last attempt failed, so the domain can record why (e.g. media -> failed). */
  giveUp?(payload: P, error: Error): Promise<void>;
}

/** Thrown by a handler when retrying cannot help (bad input): the job fails at once. */
export class PermanentJobError extends Error {}

export interface EnqueueOptions { maxAttempts?: number; delayMs?: number }

export interface JobQueue {
  register<P>(name: string, handler: JobHandler<P>): void;
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Starts the workers; refuses to start when an unfinished job has no registered handler. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}
