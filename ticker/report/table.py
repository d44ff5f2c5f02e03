"""What the writers write: a :class:`Table` of plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Table"]


@dataclass
class Table:
    """What the writers write: column names and rows of plain values (aware datetimes, floats,
    ints, strings, bools, None). :meth:`of` turns a DataFrame into one."""

    columns: list[str]
    rows: list[tuple]

    @classmethod
    def of(cls, data: Table | pd.DataFrame) -> Table:
        if isinstance(data, Table):
            return data
        import pandas as pd

        columns = []
        for name in data.columns:
            col = data[name]
            if isinstance(col.dtype, pd.DatetimeTZDtype):
                values = [None if t is pd.NaT else t for t in col.astype(object)]
            else:
                values = col.astype(object).where(col.notna(), None).tolist()
            columns.append([v.item() if hasattr(v, "item") and not isinstance(v, datetime) else v  # type: ignore[union-attr]
                            for v in values])
        return cls([str(c) for c in data.columns], list(zip(*columns)) if columns else [])

    def numeric(self) -> list[bool]:
        """Which columns hold numbers (right-aligned by the human formats)."""
        kinds = []
        for i in range(len(self.columns)):
            seen = [r[i] for r in self.rows[:1000] if r[i] is not None]
            kinds.append(bool(seen) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in seen))
        return kinds
