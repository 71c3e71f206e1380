import type { Db } from '../db/database.js';
import type { JobsTable } from '../db/schema.js';

export type JobRow = JobsTable;

export class JobsRepository {
  constructor(private readonly db: Db) {}

  async insert(job: JobRow): Promise<void> {
    await this.db.insertInto('jobs').values(job).execute();
  }

  async byId(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Claims the next due job: queued and due, or running under a lease that ran out (its worker died). The claim is
   * a compare-and-set on the row, so two workers, in one process or several, never both win the same job.
   */
  async claim(names: string[], worker: string, now: string, leaseUntil: string): Promise<JobRow | undefined> {
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await this.db.selectFrom('jobs').selectAll()
        .where('name', 'in', names)
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_after', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]))
        .orderBy('run_after').orderBy('id').limit(1).executeTakeFirst();
      if (!candidate) return undefined;
      const won = await this.db.updateTable('jobs')
        .set({ status: 'running', locked_by: worker, locked_until: leaseUntil, attempts: candidate.attempts + 1, updated_at: now })
        .where('id', '=', candidate.id).where('status', '=', candidate.status).where('attempts', '=', candidate.attempts)
        .executeTakeFirst();
      if (Number(won.numUpdatedRows) === 1) return { ...candidate, status: 'running', locked_by: worker, locked_until: leaseUntil, attempts: candidate.attempts + 1 };
    }
    return undefined;
  }

  /** Extends the lease of a job this worker still holds. */
  async heartbeat(id: string, worker: string, leaseUntil: string): Promise<void> {
    await this.db.updateTable('jobs').set({ locked_until: leaseUntil }).where('id', '=', id).where('locked_by', '=', worker).where('status', '=', 'running').execute();
  }

  async finish(id: string, worker: string, status: 'done' | 'failed', error: string | null, now: string): Promise<void> {
    await this.db.updateTable('jobs').set({ status, last_error: error, locked_by: null, locked_until: null, updated_at: now })
      .where('id', '=', id).where('locked_by', '=', worker).execute();
  }

  async retryLater(id: string, worker: string, error: string, runAfter: string, now: string): Promise<void> {
    await this.db.updateTable('jobs').set({ status: 'queued', last_error: error, run_after: runAfter, locked_by: null, locked_until: null, updated_at: now })
      .where('id', '=', id).where('locked_by', '=', worker).execute();
  }

  /** Names of unfinished jobs, to check at start that every one has a handler. */
  async pendingNames(): Promise<string[]> {
    const rows = await this.db.selectFrom('jobs').select('name').distinct().where('status', 'in', ['queued', 'running']).execute();
    return rows.map((r) => r.name);
  }
}
