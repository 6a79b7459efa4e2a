/**
 * The SQLite schema, migrated forward by `PRAGMA user_version`. Append migrations, never edit one that has
 * shipped: a database records how many it has applied. Records are JSON documents beside the columns that
 * ordering and lookups need, so item shapes can evolve without migrations.
 */
import type { Database } from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE threads (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     created_ms INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX threads_order ON threads (created_ms, seq);
   CREATE TABLE items (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_id TEXT NOT NULL,
     id TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     data TEXT NOT NULL,
     UNIQUE (thread_id, id)
   );
   CREATE INDEX items_order ON items (thread_id, created_ms, seq);
   CREATE TABLE attachments (
     id TEXT PRIMARY KEY,
     thread_id TEXT,
     data TEXT NOT NULL
   );
   CREATE INDEX attachments_thread ON attachments (thread_id);
   CREATE TABLE feedback (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     thread_id TEXT NOT NULL,
     item_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX feedback_thread ON feedback (thread_id);`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database up to `SCHEMA_VERSION`; refuses one written by a newer version of this code. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`database schema version ${current} is newer than this server supports (${SCHEMA_VERSION})`);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
