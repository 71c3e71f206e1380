// Frozen: full-text indexes for searching one's own pins (title, description, alt text, board name) and boards
// (name, description). SQLite: contentless FTS5 tables keyed by the numeric id; PostgreSQL: tsvector side tables
// with GIN indexes. Each row also holds its owner and (board) privacy, so a search filters, ranks and pages inside
// the index and joins only the page it serves. Triggers keep both in step with every write (a board's rename or
// privacy change reaches its pins), so no service can forget; rows that exist already are indexed here. Both
// stem English words (porter / snowball) and keep stop words.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL has to_tsvector; on SQLite the probe fails, which changes nothing (no transaction, a mere SELECT). */
async function hasTsvector(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select to_tsvector('simple', 'probe')`.execute(db);
    return true;
  } catch {
    return false;
  }
}

// FTS5 rowids are the ids themselves (19 digits < 2^63): pins and boards have no stable rowid of their own.
const FTS5 = [
  `CREATE VIRTUAL TABLE pin_search USING fts5(owner, privacy, title, description, alt_text, board_name,
     content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')`,
  `CREATE VIRTUAL TABLE board_search USING fts5(owner, privacy, name, description,
     content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')`,
  `INSERT INTO pin_search (rowid, owner, privacy, title, description, alt_text, board_name)
     SELECT CAST(p.id AS INTEGER), p.owner_id, b.privacy, p.title, p.description, p.alt_text, b.name FROM pins p JOIN boards b ON b.id = p.board_id`,
  `INSERT INTO board_search (rowid, owner, privacy, name, description) SELECT CAST(id AS INTEGER), owner_id, privacy, name, description FROM boards`,
  `CREATE TRIGGER pin_search_insert AFTER INSERT ON pins BEGIN
     INSERT INTO pin_search (rowid, owner, privacy, title, description, alt_text, board_name)
       SELECT CAST(new.id AS INTEGER), new.owner_id, b.privacy, new.title, new.description, new.alt_text, b.name FROM boards b WHERE b.id = new.board_id;
   END`,
  // contentless_delete tables take no partial UPDATE: replace the row.
  `CREATE TRIGGER pin_search_update AFTER UPDATE OF owner_id, board_id, title, description, alt_text ON pins BEGIN
     DELETE FROM pin_search WHERE rowid = CAST(old.id AS INTEGER);
     INSERT INTO pin_search (rowid, owner, privacy, title, description, alt_text, board_name)
       SELECT CAST(new.id AS INTEGER), new.owner_id, b.privacy, new.title, new.description, new.alt_text, b.name FROM boards b WHERE b.id = new.board_id;
   END`,
  // Also runs for the pins a board or user deletion cascades to.
  `CREATE TRIGGER pin_search_delete AFTER DELETE ON pins BEGIN
     DELETE FROM pin_search WHERE rowid = CAST(old.id AS INTEGER);
   END`,
  `CREATE TRIGGER board_search_insert AFTER INSERT ON boards BEGIN
     INSERT INTO board_search (rowid, owner, privacy, name, description) VALUES (CAST(new.id AS INTEGER), new.owner_id, new.privacy, new.name, new.description);
   END`,
  `CREATE TRIGGER board_search_update AFTER UPDATE OF owner_id, name, description, privacy ON boards BEGIN
     DELETE FROM board_search WHERE rowid = CAST(old.id AS INTEGER);
     INSERT INTO board_search (rowid, owner, privacy, name, description) VALUES (CAST(new.id AS INTEGER), new.owner_id, new.privacy, new.name, new.description);
   END`,
  // A rename changes what every pin on the board is found by; a privacy change, who finds them.
  `CREATE TRIGGER board_search_pins AFTER UPDATE OF name, privacy ON boards
     WHEN old.name IS NOT new.name OR old.privacy IS NOT new.privacy BEGIN
     DELETE FROM pin_search WHERE rowid IN (SELECT CAST(id AS INTEGER) FROM pins WHERE board_id = new.id);
     INSERT INTO pin_search (rowid, owner, privacy, title, description, alt_text, board_name)
       SELECT CAST(p.id AS INTEGER), p.owner_id, new.privacy, p.title, p.description, p.alt_text, new.name FROM pins p WHERE p.board_id = new.id;
   END`,
  `CREATE TRIGGER board_search_delete AFTER DELETE ON boards BEGIN
     DELETE FROM board_search WHERE rowid = CAST(old.id AS INTEGER);
   END`,
];

// Weights: title A, description B, alt text and board name C (ts_rank's 1.0, 0.4, 0.2), as bm25's 4, 2, 1, 1 on SQLite.
const TSVECTOR = [
  // english stemming without english_stem's stop-word list: "the" is searchable, as with FTS5's porter.
  `CREATE TEXT SEARCH DICTIONARY corkboard_english (TEMPLATE = snowball, LANGUAGE = english)`,
  `CREATE TEXT SEARCH CONFIGURATION corkboard_search (COPY = english)`,
  `ALTER TEXT SEARCH CONFIGURATION corkboard_search ALTER MAPPING REPLACE english_stem WITH corkboard_english`,
  `CREATE FUNCTION corkboard_pin_document(title text, description text, alt_text text, board_name text) RETURNS tsvector
     LANGUAGE sql IMMUTABLE AS $$
       SELECT setweight(to_tsvector('corkboard_search', coalesce(title, '')), 'A')
           || setweight(to_tsvector('corkboard_search', coalesce(description, '')), 'B')
           || setweight(to_tsvector('corkboard_search', coalesce(alt_text, '')), 'C')
           || setweight(to_tsvector('corkboard_search', coalesce(board_name, '')), 'C')
     $$`,
  `CREATE FUNCTION corkboard_board_document(name text, description text) RETURNS tsvector
     LANGUAGE sql IMMUTABLE AS $$
       SELECT setweight(to_tsvector('corkboard_search', coalesce(name, '')), 'A')
           || setweight(to_tsvector('corkboard_search', coalesce(description, '')), 'B')
     $$`,
  `CREATE TABLE pin_search (
     pin_id text PRIMARY KEY REFERENCES pins(id) ON DELETE CASCADE,
     owner_id text NOT NULL,
     privacy text NOT NULL,
     document tsvector NOT NULL)`,
  // No owner index beside it: before statistics exist, the planner would scan all of an owner's pins through it.
  `CREATE INDEX pin_search_document ON pin_search USING gin (document)`,
  `CREATE TABLE board_search (
     board_id text PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     owner_id text NOT NULL,
     privacy text NOT NULL,
     document tsvector NOT NULL)`,
  `CREATE INDEX board_search_document ON board_search USING gin (document)`,
  `CREATE INDEX board_search_owner ON board_search (owner_id, privacy)`,
  `INSERT INTO pin_search (pin_id, owner_id, privacy, document)
     SELECT p.id, p.owner_id, b.privacy, corkboard_pin_document(p.title, p.description, p.alt_text, b.name) FROM pins p JOIN boards b ON b.id = p.board_id`,
  `INSERT INTO board_search (board_id, owner_id, privacy, document)
     SELECT id, owner_id, privacy, corkboard_board_document(name, description) FROM boards`,
  // Deletes need no trigger: the side rows cascade with their pin or board.
  `CREATE FUNCTION corkboard_pin_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO pin_search (pin_id, owner_id, privacy, document)
       SELECT NEW.id, NEW.owner_id, b.privacy, corkboard_pin_document(NEW.title, NEW.description, NEW.alt_text, b.name) FROM boards b WHERE b.id = NEW.board_id
       ON CONFLICT (pin_id) DO UPDATE SET owner_id = excluded.owner_id, privacy = excluded.privacy, document = excluded.document;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER pin_search_sync AFTER INSERT OR UPDATE OF owner_id, board_id, title, description, alt_text ON pins
     FOR EACH ROW EXECUTE FUNCTION corkboard_pin_search_sync()`,
  `CREATE FUNCTION corkboard_board_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO board_search (board_id, owner_id, privacy, document)
       VALUES (NEW.id, NEW.owner_id, NEW.privacy, corkboard_board_document(NEW.name, NEW.description))
       ON CONFLICT (board_id) DO UPDATE SET owner_id = excluded.owner_id, privacy = excluded.privacy, document = excluded.document;
     -- a rename changes what every pin on the board is found by; a privacy change, who finds them
     IF TG_OP = 'UPDATE' AND (NEW.name IS DISTINCT FROM OLD.name OR NEW.privacy IS DISTINCT FROM OLD.privacy) THEN
       UPDATE pin_search s SET privacy = NEW.privacy, document = corkboard_pin_document(p.title, p.description, p.alt_text, NEW.name)
         FROM pins p WHERE p.board_id = NEW.id AND s.pin_id = p.id;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER board_search_sync AFTER INSERT OR UPDATE OF owner_id, name, description, privacy ON boards
     FOR EACH ROW EXECUTE FUNCTION corkboard_board_search_sync()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of (await hasTsvector(db)) ? TSVECTOR : FTS5) await sql.raw(statement).execute(db);
}
