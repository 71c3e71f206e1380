// In-process workers over the jobs table: a bounded number of jobs run at once, each under a lease that a
// heartbeat extends while it runs. Enqueueing wakes the workers at once; otherwise they poll, which is also how
// jobs of a restarted process (or of another instance sharing the database) are found.
import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '../../lib/ids.js';
import type { JobsRepository } from '../../repositories/jobs.js';
import { PermanentJobError, type EnqueueOptions, type JobHandler, type JobQueue } from './queue.js';

export interface LocalQueueOptions { concurrency: number; leaseSeconds: number; pollMs?: number; log?: (msg: string, err?: unknown) => void }

const RETRY_BASE_MS = 1000;
const RETRY_MAX_MS = 60_000;

export class LocalJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler<any>>();
  private readonly worker = `w-${randomBytes(6).toString('hex')}`;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private pumping = false;
  private again = false;

  constructor(private readonly repo: JobsRepository, private readonly ids: IdGenerator, private readonly opts: LocalQueueOptions) {}

  register<P>(name: string, handler: JobHandler<P>): void {
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
    if (!this.handlers.has(name)) throw new Error(`no handler registered for job ${name}`);
    const now = new Date();
    const id = this.ids.next();
    await this.repo.insert({
      id, name, payload: JSON.stringify(payload), status: 'queued', attempts: 0, max_attempts: options.maxAttempts ?? 5,
      run_after: new Date(now.getTime() + (options.delayMs ?? 0)).toISOString(), locked_by: null, locked_until: null,
      last_error: null, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    this.wake();
    return id;
  }

  async start(): Promise<void> {
    if (this.started) return;
    const orphans = (await this.repo.pendingNames()).filter((n) => !this.handlers.has(n));
    if (orphans.length) throw new Error(`unfinished jobs have no handler: ${orphans.join(', ')}`);
    this.started = true;
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 500);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Fills free worker slots with due jobs. Re-entrant calls coalesce into one more pass. */
  private wake(): void {
    if (!this.started) return;
    if (this.pumping) { this.again = true; return; }
    this.pumping = true;
    void (async () => {
      try {
        do {
          this.again = false;
          while (this.started && this.running.size < this.opts.concurrency) {
            const now = Date.now();
            const job = await this.repo.claim([...this.handlers.keys()], this.worker, new Date(now).toISOString(), this.leaseFrom(now));
            if (!job) break;
            const run = this.run(job.id, job.name, job.payload, job.attempts, job.max_attempts).finally(() => { this.running.delete(run); this.wake(); });
            this.running.add(run);
          }
        } while (this.again && this.started);
      } catch (err) {
        this.opts.log?.('job queue poll failed', err);
      } finally {
        this.pumping = false;
      }
    })();
  }

  private leaseFrom(now: number): string {
    return new Date(now + this.opts.leaseSeconds * 1000).toISOString();
  }

  private async run(id: string, name: string, rawPayload: string, attempt: number, maxAttempts: number): Promise<void> {
    const handler = this.handlers.get(name)!;
    const payload = JSON.parse(rawPayload) as unknown;
    const beat = setInterval(() => {
      this.repo.heartbeat(id, this.worker, this.leaseFrom(Date.now())).catch((err) => this.opts.log?.(`heartbeat of job ${id} failed`, err));
    }, Math.max(200, (this.opts.leaseSeconds * 1000) / 3));
    try {
      await handler.run(payload, { id, attempt, maxAttempts });
      await this.repo.finish(id, this.worker, 'done', null, new Date().toISOString());
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const now = Date.now();
      if (!(error instanceof PermanentJobError) && attempt < maxAttempts) {
        const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
        this.opts.log?.(`job ${name} ${id} failed (attempt ${attempt}/${maxAttempts}); retrying in ${delay} ms`, error);
        await this.repo.retryLater(id, this.worker, error.message, new Date(now + delay).toISOString(), new Date(now).toISOString());
      } else {
        this.opts.log?.(`job ${name} ${id} failed for good`, error);
        try { await handler.giveUp?.(payload, error); } finally {
          await this.repo.finish(id, this.worker, 'failed', error.message, new Date(now).toISOString());
        }
      }
    } finally {
      clearInterval(beat);
    }
  }
}
