"""Build NER clusters, name lists, optional embeddings: `python -m rasd.training.build_ner_tables`."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from rasd.extract.ner.tagger import MODELS_DIR
from rasd.training.clusters import ClusterConfig, build_clusters
from rasd.training.embeddings import EmbeddingConfig, build_embeddings
from rasd.training.gazetteer import GazetteerConfig, build_gazetteer
from rasd.training.ner import CLUSTERS_NAME, EMBEDDINGS_NAME, GAZETTEER_NAME, VECTORS_NAME
from rasd.training.news import news_texts
from rasd.training.vectors import VectorConfig, build_vectors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=MODELS_DIR, help="output folder (default: shipped models)")
    ap.add_argument("--docs", type=int, help="use only the first N news documents (quick builds)")
    ap.add_argument("--skip-clusters", action="store_true")
    ap.add_argument("--embeddings", action="store_true",
                    help="also build ner_embeddings.tsv.gz (not used by the shipped model)")
    ap.add_argument("--vectors", action="store_true",
                    help="also build ner_vectors.npz (word vectors of the neural tagger)")
    ap.add_argument("--skip-gazetteer", action="store_true")
    args = ap.parse_args(argv)
    if not args.skip_clusters:
        t = time.perf_counter()
        n = build_clusters(news_texts(args.docs), args.out / CLUSTERS_NAME, ClusterConfig())
        print(f"clusters: {n} words in {time.perf_counter() - t:.0f}s -> {args.out / CLUSTERS_NAME}")
    if args.embeddings:
        t = time.perf_counter()
        n = build_embeddings(news_texts(args.docs), args.out / EMBEDDINGS_NAME, EmbeddingConfig())
        print(f"embeddings: {n} words in {time.perf_counter() - t:.0f}s -> {args.out / EMBEDDINGS_NAME}")
    if args.vectors:
        t = time.perf_counter()
        n = build_vectors(news_texts(args.docs), args.out / VECTORS_NAME, VectorConfig())
        print(f"vectors: {n} words in {time.perf_counter() - t:.0f}s -> {args.out / VECTORS_NAME}")
    if not args.skip_gazetteer:
        t = time.perf_counter()
        n = build_gazetteer(news_texts(args.docs), args.out / GAZETTEER_NAME, GazetteerConfig())
        print(f"gazetteer: {n} words in {time.perf_counter() - t:.0f}s -> {args.out / GAZETTEER_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
