"""`salon recommend` end to end through call_command, and its input validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

CORPUS = {
    "exhibitors": [
        {
            "id": "skyshield",
            "text": "Counter-drone RF jamming and radar detection for stadiums.",
            "categories": ["anti-uas"],
        },
        {"id": "armorworks", "text": "Wheeled armoured personnel carriers with STANAG level 3 protection."},
        {"id": "forenslab", "text": "Extraction des données de téléphones saisis et analyse forensique."},
        {
            "id": "crisalog",
            "text": "Logiciel de gestion de crise pour les préfectures et la sécurité civile.",
        },
    ],
    "queries": [
        {
            "id": "gendarmerie",
            "text": "Détection et neutralisation de drones autour d'un stade",
            "categories": ["anti-uas", "surveillance"],
        },
        {"id": "police", "text": "Recover data from phones seized during an investigation"},
    ],
    "k": 2,
}


def run(tmp_path: Path, corpus: object, *args: str) -> dict:
    source, target = tmp_path / "corpus.json", tmp_path / "results.json"
    source.write_text(json.dumps(corpus, ensure_ascii=False), encoding="utf-8")
    call_command("recommend", "--in", str(source), "--out", str(target), *args)
    return json.loads(target.read_text(encoding="utf-8"))


def test_ranking_cli_hybrid_writes_top_k_per_query(tmp_path):
    output = run(tmp_path, CORPUS)
    assert output["mode"] == "hybrid" and output["k"] == 2
    assert list(output["results"]) == ["gendarmerie", "police"]
    assert output["results"]["gendarmerie"][0] == "skyshield"
    assert output["results"]["police"][0] == "forenslab"
    assert all(len(ids) == 2 for ids in output["results"].values())
    assert "explanations" not in output


def test_ranking_cli_explain_adds_categories_terms_and_passage(tmp_path):
    output = run(tmp_path, CORPUS, "--mode", "dense", "--explain")
    first = output["explanations"]["gendarmerie"][0]
    assert first["exhibitor"] == "skyshield"
    assert first["shared_categories"] == ["anti-uas"]
    assert first["matched_terms"] == ["drone", "detection"]
    assert first["best_passage"] == "Counter-drone RF jamming and radar detection for stadiums."


def test_ranking_cli_bm25_mode_and_k_larger_than_corpus(tmp_path):
    output = run(tmp_path, CORPUS | {"k": 50}, "--mode", "bm25")
    assert len(output["results"]["gendarmerie"]) == 4
    assert output["results"]["gendarmerie"][0] == "skyshield"


def test_ranking_cli_accepts_integer_ids_and_default_k(tmp_path):
    corpus = {
        "exhibitors": [{"id": i, "text": f"radar number {i}"} for i in range(12)],
        "queries": [{"id": 7, "text": "radar"}],
    }
    output = run(tmp_path, corpus, "--mode", "bm25")
    assert len(output["results"]["7"]) == 10


@pytest.mark.parametrize(
    ("corpus", "message"),
    [
        (
            CORPUS | {"exhibitors": CORPUS["exhibitors"] + [{"id": "skyshield", "text": "Radars."}]},
            'exhibitors\\[4\\] \\(id "skyshield"\\) duplicates the id of exhibitors\\[0\\]',
        ),
        (CORPUS | {"queries": [{"id": "q1", "text": "   "}]}, 'queries\\[0\\] \\(id "q1"\\) has an empty'),
        (CORPUS | {"queries": [{"text": "drones"}]}, 'queries\\[0\\] is missing the "id" field'),
        (CORPUS | {"exhibitors": [{"id": "x"}]}, 'exhibitors\\[0\\] is missing the "text" field'),
        (CORPUS | {"k": 0}, '"k" must be an integer of at least 1, got 0'),
        (CORPUS | {"k": "10"}, '"k" must be an integer of at least 1'),
        ({"queries": []}, '"exhibitors" must be a list'),
        (CORPUS | {"exhibitors": []}, '"exhibitors" is empty'),
        (CORPUS | {"queries": ["drones"]}, "queries\\[0\\] must be an object"),
        (CORPUS | {"queries": [{"id": "", "text": "x"}]}, 'queries\\[0\\] has an invalid "id"'),
        (
            CORPUS | {"queries": [{"id": "q", "text": "x", "categories": "uas"}]},
            '"categories" that is not a list',
        ),
        ([1, 2], "must hold a JSON object"),
    ],
)
def test_ranking_cli_bad_input_names_offending_item(tmp_path, corpus, message):
    with pytest.raises(CommandError, match=message):
        run(tmp_path, corpus, "--mode", "bm25")


def test_ranking_cli_invalid_json_and_missing_file(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"exhibitors": [', encoding="utf-8")
    with pytest.raises(CommandError, match="is not valid UTF-8 JSON"):
        call_command("recommend", "--in", str(broken), "--out", str(tmp_path / "o.json"))
    with pytest.raises(CommandError, match="cannot read"):
        call_command("recommend", "--in", str(tmp_path / "absent.json"), "--out", str(tmp_path / "o.json"))
