"""Page text as stored: zstd, safe to compress from many threads at once (a notebook's
``concurrent.futures`` over one Store)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from ticker.db.textstore import compress_text, decompress_text


def test_page_text_compresses_exactly_from_many_threads_at_once():
    pages = [("• Nikkei\n40,074.69\n+443.63 (+1.12%)\n" * 2000) + f"page {i}\n" for i in range(64)]

    def round_trip(text: str) -> bool:
        return all(decompress_text(compress_text(text)) == text for _ in range(20))

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(round_trip, pages))
