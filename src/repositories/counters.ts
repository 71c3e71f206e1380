import type { Db } from '../db/database.js';

export class CountersRepository {
  constructor(private readonly db: Db) {}

  /** Atomically adds one to a named counter and returns the new value. */
  async increment(name: string): Promise<number> {
    const row = await this.db.updateTable('counters').set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', name).returning('value').executeTakeFirstOrThrow();
    return Number(row.value);
  }
}
