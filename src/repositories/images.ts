import type { Db } from '../db/database.js';
import type { ImagesTable, ImageVariant } from '../db/schema.js';
import { chunks } from '../lib/chunks.js';

export type ImageRow = ImagesTable;

export class ImagesRepository {
  constructor(private readonly db: Db) {}

  byHash(hash: string): Promise<ImageRow | undefined> {
    return this.db.selectFrom('images').selectAll().where('hash', '=', hash).executeTakeFirst();
  }

  byHashes(hashes: string[]): Promise<ImageRow[]> {
    return hashes.length ? this.db.selectFrom('images').selectAll().where('hash', 'in', [...new Set(hashes)]).execute() : Promise.resolve([]);
  }

  /** Inserts unless the same content is already stored (content addressing makes this idempotent). */
  async insert(row: ImageRow): Promise<void> {
    await this.db.insertInto('images').values(row).onConflict((oc) => oc.column('hash').doNothing()).execute();
  }

  /**
   * Of the given hashes, those no pin, video cover or profile image refers to any more; their rows are deleted and
   * returned for blob cleanup.
   */
  async deleteUnreferenced(hashes: string[]): Promise<ImageRow[]> {
    if (!hashes.length) return [];
    return this.db.transaction().execute(async (trx) => {
      const unpinned = await trx.selectFrom('images').selectAll().where('hash', 'in', [...new Set(hashes)])
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('pin_media').select('pin_id').whereRef('pin_media.image_hash', '=', 'images.hash'))))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('media_uploads').select('id').whereRef('media_uploads.cover_hash', '=', 'images.hash'))))
        .execute();
      // A profile image is named by one of its variants' keys (users.profile_image).
      const keysOf = new Map(unpinned.map((row) => [row.hash, Object.values(JSON.parse(row.variants) as Record<string, ImageVariant>).map((v) => v.key)]));
      const used = new Set<string>();
      for (const some of chunks([...keysOf.values()].flat())) {
        for (const u of await trx.selectFrom('users').select('profile_image').where('profile_image', 'in', some).execute()) used.add(u.profile_image!);
      }
      const orphans = unpinned.filter((row) => !keysOf.get(row.hash)!.some((key) => used.has(key)));
      if (orphans.length) await trx.deleteFrom('images').where('hash', 'in', orphans.map((o) => o.hash)).execute();
      return orphans;
    });
  }
}
