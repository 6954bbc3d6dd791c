"""French/English text analysis for the lexical (BM25) side of matchmaking.

Exhibitors and visitors write in either language, often mixing both ("solution C-UAS pour stades").
Rather than trusting a language detector on two-line texts, every token is analysed with *both*
Snowball stemmers and the two stems are indexed together: a French "drones" and an English "drone"
then meet on a shared stem, and a misdetected language never drops a match. Stemming runs before
accent folding because the French stemmer relies on accents to find suffixes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_FRENCH = snowballstemmer.stemmer("french")
_ENGLISH = snowballstemmer.stemmer("english")

# Split on anything that is not a letter or digit: hyphens ("anti-drone"), apostrophes ("l'armée",
# "d’un"), slashes ("C2/ISR") all separate tokens.
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

_ENGLISH_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves us via within without across per among upon whose etc
    need needs looking seek seeking want wants our we're i'm it's"""

_FRENCH_STOP_TEXT = """
    a à au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur
    leurs lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses
    son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y été étée étées étés étant
    suis es est sommes êtes sont serai sera seront serait seraient étais était étions étiez étaient
    fus fut ai as avons avez ont aurai aura auront aurait auraient avais avait avions aviez avaient
    eu eue eus ceci cela celà cet cette ici ils les leurs quel quels quelle quelles sans soi
    tout tous toute toutes très plus moins afin ainsi alors aussi autre autres avant après chez comme
    dont donc entre lors lorsque parmi selon sous vers voici voilà dès depuis ni car si
    cherchons cherche recherchons recherche besoin souhaitons souhaite"""
# Visitors' boilerplate ("we need", "nous cherchons") is listed too: it says nothing about the capability.
ENGLISH_STOP_WORDS = frozenset(_ENGLISH_STOP_TEXT.split())
FRENCH_STOP_WORDS = frozenset(_FRENCH_STOP_TEXT.split())

STOP_WORDS = ENGLISH_STOP_WORDS | FRENCH_STOP_WORDS


def fold_accents(text: str) -> str:
    """Lower-case and strip diacritics so "Sécurité", "securite" and "SECURITÉ" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens, accents kept (the French stemmer needs them)."""
    return _TOKEN.findall(text.casefold())


@lru_cache(maxsize=200_000)
def _is_stop_word(token: str) -> bool:
    return token in STOP_WORDS or fold_accents(token) in STOP_WORDS


@lru_cache(maxsize=200_000)
def stems(token: str) -> tuple[str, ...]:
    """The distinct French and English stems of one lower-cased token, accent-folded, in a fixed order."""
    if token.isdigit() or len(token) <= 3:
        # Acronyms and short tokens (uas, c2, isr, rf, 4x4) are kept verbatim: stemming mangles them.
        return (fold_accents(token),)
    folded = fold_accents(token)
    # The French stemmer is also run on the accent-less spelling, because visitors typing on English
    # keyboards write "securisee": its stem must meet one of the stems of "sécurisée".
    candidates = (fold_accents(_FRENCH.stemWord(token)), _FRENCH.stemWord(folded), _ENGLISH.stemWord(folded))
    return tuple(dict.fromkeys(candidates))


def analyze(text: str) -> list[str]:
    """Index terms of a text: tokens minus stop words, each expanded to its French and English stems."""
    terms: list[str] = []
    for token in tokenize(text):
        if len(token) < 2 and not token.isdigit():
            continue
        if _is_stop_word(token):
            continue
        terms.extend(stems(token))
    return terms


def detect_language(text: str) -> str:
    """Best guess "fr", "en" or "und" from stop-word and accent evidence.

    Only used for reporting and benchmark sanity checks; analysis never depends on it.
    """
    french = english = 0
    for token in tokenize(text):
        if len(token) > 1:  # "c", "d", "l" elisions are weak evidence
            evidence = _language_evidence(token)
            french += evidence > 0
            english += evidence < 0
    if french == english:
        return "und"
    return "fr" if french > english else "en"


_FRENCH_ONLY = FRENCH_STOP_WORDS - ENGLISH_STOP_WORDS
_ENGLISH_ONLY = ENGLISH_STOP_WORDS - FRENCH_STOP_WORDS


@lru_cache(maxsize=200_000)
def _language_evidence(token: str) -> int:
    """+1 for a French-only stop word or a French accent, -1 for an English-only stop word, else 0."""
    if token in _FRENCH_ONLY or any(ch in "éèêàùçôîûœ" for ch in token):
        return 1
    return -1 if token in _ENGLISH_ONLY else 0
