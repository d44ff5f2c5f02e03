"""Alembic environment for ticker.

Run from code by :mod:`ticker.db.migrate` (which hands over an open connection), or by operators
with ``alembic -c alembic.ini upgrade head`` (URL from ``TICKER_DB`` or alembic.ini).
"""

from alembic import context

from ticker.db.schema import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from ticker.db.engine import make_engine  # operators running the alembic command itself

    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    with engine.connect() as connection:
        _run(connection)
        connection.commit()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("ticker migrations run online only (they need a database connection)")
run_migrations_online()
