import type { Db } from '../db/database.js';

/** Instance-wide values every process shares (e.g. the upload-signing secret). */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  /** The stored value, or `make()` stored first; concurrent first calls all end with the same value. */
  async getOrCreate(name: string, make: () => string): Promise<string> {
    await this.db.insertInto('settings').values({ name, value: make() }).onConflict((oc) => oc.column('name').doNothing()).execute();
    return (await this.db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
  }
}
