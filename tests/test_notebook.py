"""examples/quickstart.ipynb runs top to bottom in a fresh kernel, and shows what it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


@pytest.mark.slow
def test_quickstart_notebook_runs_without_errors():
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    committed = _texts(nb)
    # Raises CellExecutionError (naming the cell) if any cell raises.
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "4 pages stored (60 quotes)" in text
    assert "Nikkei 225" in text and "largest_move" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the chart
    # The notebook is committed with its outputs (a reader on GitHub sees them), and they are true:
    # what a fresh run prints, cell by cell.
    assert all(committed[i] for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and "close()" not in cell.source)
    assert _texts(nb) == committed


def _texts(nb) -> list[str]:
    """Each cell's text outputs (stdout, text/plain), the same whatever the machine."""
    return ["".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", []))
            if cell.cell_type == "code" else "" for cell in nb.cells]
