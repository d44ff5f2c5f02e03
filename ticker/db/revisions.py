"""The schema revisions this ticker knows, without importing SQLAlchemy or Alembic (the fast
read path in :mod:`ticker.db.queries` checks a store against them). :mod:`ticker.db.migrate` re-exports
them; a test checks them against Alembic's own answer."""

HEAD_REVISION = "0004"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
