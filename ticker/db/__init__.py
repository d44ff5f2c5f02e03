"""The only code that speaks SQL: where ``--db`` points (:mod:`.location`), SQLite's settings and a
store at head without SQLAlchemy (:mod:`.sqlite`), the schema and its revisions, migrations run
from code, the writer, page-text storage, and every read (:mod:`.queries`), written once.

Importing ``ticker.db`` imports none of its modules: ``ticker ingest`` into SQLite loads only
the sqlite3-based ones, never SQLAlchemy or Alembic.
"""
