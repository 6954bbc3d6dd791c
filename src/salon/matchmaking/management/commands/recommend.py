"""`salon recommend`: rank exhibitors for visitor needs from a JSON corpus (format: docs/cli-recommend.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from salon.matchmaking.ranking import MODES, Ranker, embed_needs, embed_offers, explain

DEFAULT_K = 10


def _items(corpus: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """Validated list of {"id", "text", optional "categories"} items, ids as strings."""
    items = corpus.get(key)
    if not isinstance(items, list):
        raise CommandError(f'"{key}" must be a list of {{"id", "text"}} objects')
    seen: dict[str, int] = {}
    cleaned = []
    for position, item in enumerate(items):
        where = f"{key}[{position}]"
        if not isinstance(item, dict):
            raise CommandError(f'{where} must be an object with "id" and "text"')
        for field in ("id", "text"):
            if field not in item:
                raise CommandError(f'{where} is missing the "{field}" field')
        raw_id = item["id"]
        if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or str(raw_id).strip() == "":
            raise CommandError(
                f'{where} has an invalid "id" {raw_id!r} (expected a non-empty string or integer)'
            )
        item_id = str(raw_id)
        where = f'{key}[{position}] (id "{item_id}")'
        if item_id in seen:
            raise CommandError(f"{where} duplicates the id of {key}[{seen[item_id]}]")
        seen[item_id] = position
        text = item["text"]
        if not isinstance(text, str) or not text.strip():
            raise CommandError(f'{where} has an empty or non-text "text"')
        categories = item.get("categories", [])
        if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
            raise CommandError(f'{where} has "categories" that is not a list of strings')
        cleaned.append({"id": item_id, "text": text, "categories": categories})
    return cleaned


def _k(corpus: dict[str, Any]) -> int:
    k = corpus.get("k", DEFAULT_K)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise CommandError(f'"k" must be an integer of at least 1, got {k!r}')
    return k


class Command(BaseCommand):
    help = "Recommend exhibitors for each visitor need (hybrid BM25 + multilingual embeddings, FR/EN)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--in", dest="input", required=True, type=Path, help="corpus JSON file")
        parser.add_argument("--out", dest="output", required=True, type=Path, help="results JSON file")
        parser.add_argument("--mode", choices=MODES, default="hybrid")
        parser.add_argument(
            "--explain",
            action="store_true",
            help="add an explanation (best sentence, shared words) per result",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["input"]
        try:
            corpus = json.loads(source.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read {source}: {error.strerror}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{source} is not valid UTF-8 JSON: {error}") from error
        if not isinstance(corpus, dict):
            raise CommandError(f'{source} must hold a JSON object with "exhibitors", "queries" and "k"')
        exhibitors = _items(corpus, "exhibitors")
        queries = _items(corpus, "queries")
        k = _k(corpus)
        if not exhibitors:
            raise CommandError('"exhibitors" is empty: nothing to recommend')
        mode = options["mode"]

        offer_texts = [e["text"] for e in exhibitors]
        need_texts = [q["text"] for q in queries]
        offer_vectors = need_vectors = None
        if mode != "bm25":
            offer_vectors, need_vectors = embed_offers(offer_texts), embed_needs(need_texts)
        ranker = Ranker(offer_texts, offer_vectors)
        ranking = ranker.rank(need_texts, need_vectors, k=k, mode=mode)

        results = {
            query["id"]: [exhibitors[i]["id"] for i in ranking.indices[row]]
            for row, query in enumerate(queries)
        }
        output: dict[str, Any] = {"mode": mode, "k": k, "results": results}
        if options["explain"]:
            output["explanations"] = self._explanations(exhibitors, queries, ranking, need_vectors, mode)

        destination: Path = options["output"]
        try:
            destination.write_text(json.dumps(output, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"cannot write {destination}: {error.strerror}") from error
        self.stdout.write(
            f"{len(queries)} queries x {len(exhibitors)} exhibitors ranked ({mode}) -> {destination}"
        )

    @staticmethod
    def _explanations(
        exhibitors, queries, ranking, need_vectors, mode: str
    ) -> dict[str, list[dict[str, Any]]]:
        # Each exhibitor's sentences are embedded once, however many queries it is recommended for.
        sentence_vectors: dict[str, Any] = {}

        def embed_passages(passages):
            key = "\n".join(passages)
            if key not in sentence_vectors:
                sentence_vectors[key] = embed_offers(passages)
            return sentence_vectors[key]

        explanations = {}
        for row, query in enumerate(queries):
            entries = []
            for column, index in enumerate(ranking.indices[row]):
                exhibitor = exhibitors[index]
                explanation = explain(
                    query["text"],
                    exhibitor["text"],
                    need_categories=query["categories"],
                    offer_categories=exhibitor["categories"],
                    need_vector=None if need_vectors is None else need_vectors[row],
                    embed_passages=None if mode == "bm25" else embed_passages,
                )
                entries.append(
                    {"exhibitor": exhibitor["id"], "score": round(float(ranking.scores[row, column]), 6)}
                    | explanation.as_dict()
                )
            explanations[query["id"]] = entries
        return explanations
