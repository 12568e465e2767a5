"""Over the whole ANT archive: the same URL filed under two categories is one article (slow: reads
the 31k members)."""
from __future__ import annotations

from collections import defaultdict

import pytest
from tests.golden.corpus import ARCHIVES

import rasd
from rasd.store import canonical_url


@pytest.mark.slow
def test_ant_same_url_pairs_fold_to_one_article_each() -> None:
    if not ARCHIVES["ant"].exists():
        pytest.skip("the shared corpora (../shared/data/news) are not available")
    by_url: dict[str, set[str]] = defaultdict(set)
    by_raw: dict[str, set[str]] = defaultdict(set)
    for item in rasd.read([str(ARCHIVES["ant"])]):
        if isinstance(item, rasd.Article) and item.url:
            key = canonical_url(item.url)
            assert key is not None
            by_url[key].add(item.id)
            by_raw[item.url].add(item.id)
    # Written the same, 1,180+ URLs are filed under two categories (two DOCNOs); the canonical URL
    # (http = https, no www.) folds the copies filed under both spellings too: 1,329 pairs and 7
    # triples (culture + internationalNews + middleEast), each one article in the store.
    assert sum(1 for ids in by_raw.values() if len(ids) > 1) >= 1180
    sizes = sorted(len(ids) for ids in by_url.values() if len(ids) > 1)
    assert len(sizes) == 1336 and sizes.count(2) == 1329 and sizes.count(3) == 7
