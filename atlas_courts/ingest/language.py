"""Language of a text from its script and its function words (no model, no download).

Court judgments are long and full of function words, so counting the most
frequent words of each language is reliable well beyond what we need; Thai is
recognised by its script (it is written without spaces, so word counts do
not apply). The same word lists measure text-layer quality in ``quality.py``.
"""

from __future__ import annotations

import re

# The most frequent function words of each language. Words shared by two
# languages ("de", "a", "en", "no") still help: what decides is the total.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the of and to in a is that for it as was with be by on not he his this are
        or at from had has have an which but were been they their its no any all
        shall may would there who into such said upon him her she than so also if
        them these under said court accused appellant prosecution case against
        did does should must other our we you your one two being before after
        where when what whom whose then out only same made because between""".split()
    ),
    "es": frozenset(
        """de la que el en y a los del se las por un para con no una su al lo como
        más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre
        también me hasta hay donde quien desde todo nos durante todos uno les ni
        contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro
        otras otra él tanto esa estos mucho quienes nada muchos cual poco ella
        estar estas algunas algo nosotros dicho dicha según sido son era han
        tribunal acusado imputado causa juez sentencia artículo pena""".split()
    ),
    "pt": frozenset(
        """de a o que e do da em um para é com não uma os no se na por mais as dos
        como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está
        eu também só pelo pela até isso ela entre era depois sem mesmo aos ter
        seus quem nas me esse eles estão você tinha foram essa num nem suas meu
        às minha têm numa pelos elas havia seja qual será nós tenho lhe deles
        essas esses pelas este fosse dele réu acusado pena artigo""".split()
    ),
    "fr": frozenset(
        """de la le et les des en du un une est que à dans qui pour par sur pas au
        ne se il plus ce avec sont son ou elle ses aux été mais cette comme
        leur ont nous vous ils tout fait être sa entre même lui dont aussi
        leurs peut sans ces après avait était très où cour tribunal prévenu""".split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_MIN_LETTERS = 20  # below this, any guess is noise


def words(text: str) -> list[str]:
    """Lower-case alphabetic tokens (accents kept)."""
    return [w.lower() for w in _WORD.findall(text)]


def stop_word_scores(tokens: list[str]) -> dict[str, int]:
    return {lang: sum(t in stops for t in tokens) for lang, stops in STOP_WORDS.items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "es", "th", "pt", "fr"), or None.

    None when the text is too short, has no recognisable function words, or
    two languages score too close to tell apart.
    """
    if not text:
        return None
    sample = text[:200_000]  # plenty for a judgment; keeps long documents cheap
    thai = len(_THAI.findall(sample))
    letters = sum(ch.isalpha() for ch in sample)
    if letters < _MIN_LETTERS:
        return None
    # Thai judgments quote Latin-script citations, but Thai letters dominate.
    if thai >= 0.3 * letters:
        return "th"
    tokens = words(sample)
    if not tokens:
        return None
    scores = stop_word_scores(tokens)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < max(3, 0.08 * len(tokens)):
        return None
    if top < 1.25 * second:
        return None
    return best
