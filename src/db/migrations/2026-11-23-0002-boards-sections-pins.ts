// Frozen: boards, sections, pins, and the content-addressed images their media point at.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('boards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('privacy', 'text', (c) => c.notNull())
    .addColumn('pin_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follower_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('collaborator_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('board_pins_modified_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('boards_owner_slug', ['owner_id', 'slug'])
    .execute();
  await db.schema.createIndex('boards_owner_id').on('boards').columns(['owner_id', 'id']).execute();

  await db.schema.createTable('board_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('board_sections_board_slug', ['board_id', 'slug'])
    .execute();

  await db.schema.createTable('images')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('dominant_color', 'text', (c) => c.notNull())
    /** JSON: { "150x150": { key, width, height }, ... } */
    .addColumn('variants', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('pins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    // Deleting a section first moves its pins to the board (see PinsRepository.deleteSection); the cascade is a backstop.
    .addColumn('board_section_id', 'text', (c) => c.references('board_sections.id').onDelete('cascade'))
    .addColumn('title', 'text')
    .addColumn('description', 'text')
    .addColumn('link', 'text')
    .addColumn('alt_text', 'text')
    .addColumn('dominant_color', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('creative_type', 'text', (c) => c.notNull())
    .addColumn('parent_pin_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pins_board').on('pins').columns(['board_id', 'id']).execute();
  await db.schema.createIndex('pins_section').on('pins').columns(['board_section_id', 'id']).execute();
  await db.schema.createIndex('pins_owner').on('pins').columns(['owner_id', 'id']).execute();
  await db.schema.createIndex('pins_link').on('pins').column('link').execute();

  await db.schema.createTable('pin_media')
    .addColumn('pin_id', 'text', (c) => c.notNull().references('pins.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('image_hash', 'text', (c) => c.notNull().references('images.hash'))
    .addColumn('title', 'text')
    .addColumn('description', 'text')
    .addColumn('link', 'text')
    .addPrimaryKeyConstraint('pin_media_pk', ['pin_id', 'position'])
    .execute();
  await db.schema.createIndex('pin_media_image').on('pin_media').column('image_hash').execute();
}
