"""Bilingual BM25 analysis: accents, stems, stop words, language guess, and BM25 scoring."""

from __future__ import annotations

import numpy as np

from salon.matchmaking.ranking import BM25Index, analyze, detect_language, fold_accents


def test_ranking_fold_accents_lowercases_and_strips_diacritics():
    assert fold_accents("Sécurité CIVILE à Orléans, œuvre") == "securite civile a orleans, œuvre"


def test_ranking_analyze_accented_and_plain_spellings_match():
    assert analyze("DETECTION") == analyze("détection") == ["detect"]
    # Unaccented French still meets the accented spelling through the folded French stem.
    assert set(analyze("sécurisée")) & set(analyze("securisee")) == {"securise"}


def test_ranking_analyze_french_plural_and_singular_share_stem():
    assert set(analyze("véhicules blindés")) & set(analyze("véhicule blindé")) == set(
        analyze("véhicule blindé")
    )


def test_ranking_analyze_english_inflections_share_stem():
    assert "jam" in set(analyze("jamming")) & set(analyze("jammed"))
    assert "detect" in set(analyze("detections")) & set(analyze("detected"))


def test_ranking_analyze_cross_language_cognates_meet():
    # Both analyses are indexed, so a French word and its English cognate share a term.
    assert set(analyze("drones")) & set(analyze("drone")) == {"drone", "dron"}
    assert "detect" in set(analyze("détection")) & set(analyze("detection"))


def test_ranking_analyze_drops_stop_words_of_both_languages():
    assert analyze("le la les de du des et à the of and with pour nous") == []
    assert analyze("the drones of the police") == analyze("drones police")
    assert analyze("les drones de la police") == analyze("drones police")


def test_ranking_analyze_splits_elisions_and_hyphens():
    assert analyze("d'un anti-drone") == ["anti", "dron", "drone"]


def test_ranking_analyze_keeps_short_acronyms_verbatim():
    assert analyze("RF C2 UAS 4x4") == ["rf", "c2", "uas", "4x4"]


def test_ranking_detect_language_on_short_needs():
    assert detect_language("Nous cherchons une solution pour détecter les drones") == "fr"
    assert detect_language("We are looking for a way to detect drones at the stadium") == "en"
    assert detect_language("C-UAS RF 4x4") == "und"


def test_ranking_bm25_ranks_exact_match_first_and_ignores_unknown_terms():
    index = BM25Index(
        [
            "Véhicules blindés de transport de troupes",
            "Counter-drone jamming systems",
            "Brouilleurs anti-drones portatifs pour la gendarmerie",
        ]
    )
    scores = index.score(["brouilleurs de drones", "zzz unknown words"])
    assert scores.shape == (2, 3)
    assert list(np.argsort(-scores[0])) == [2, 1, 0]
    assert scores[0, 0] == 0.0
    assert np.all(scores[1] == 0.0)


def test_ranking_bm25_rare_term_outweighs_common_term():
    index = BM25Index(["radar systems", "radar drones", "radar boats", "sonar systems"])
    scores = index.score(["sonar radar"])[0]
    assert scores[3] > scores[0] > 0.0


def test_ranking_bm25_length_normalisation_prefers_focused_offer():
    focused = "Thermal cameras."
    padded = "Thermal cameras. " + " ".join(f"filler{i}" for i in range(40))
    scores = BM25Index([focused, padded, "Radios."]).score(["thermal camera"])[0]
    assert scores[0] > scores[1] > scores[2] == 0.0
