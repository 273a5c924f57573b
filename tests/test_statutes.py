"""Statute citations: finder, resolver, normaliser and catalog.

Phrasings are taken from the dev judgments in ../shared/corpus/dev (file named
in a comment); none of these tests needs the shared corpus except the last.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atlas_courts.records import CATEGORIES
from atlas_courts.resolve.statutes import Catalog, Citation, find_citations, normalise_article

CATALOG = Catalog.load()


def ids(text: str, **hints) -> list[str]:
    seen: list[str] = []
    for c in find_citations(text, catalog=CATALOG, **hints):
        if c.id and c.id not in seen:
            seen.append(c.id)
    return seen


# --------------------------------------------------------------------------- Spanish

SPANISH = [
    # ar-caba-aymurai__document-01
    ("arts. 40 y 41, 26, 27, 27bis, incs. 1, 2, 6 CP", "AR", None, ["AR:CP:40", "AR:CP:41", "AR:CP:26", "AR:CP:27", "AR:CP:27bis"]),
    ("prevista y reprimida por el art. 1 de la Ley 13.944.", "AR", None, ["AR:L13944:1"]),
    ("(art. 4, 5 inc. 2, 4 y 5, y 6 inc. a) de la Ley 26.485)", "AR", None, ["AR:L26485:4", "AR:L26485:5", "AR:L26485:6"]),
    ("(arts. 5, 26, 27 bis -incisos 1 y 2-, y anteúltimo párrafo, 29 inc. 3, 40, 41, 45 CP)", "AR", None,
     ["AR:CP:5", "AR:CP:26", "AR:CP:27bis", "AR:CP:29", "AR:CP:40", "AR:CP:41", "AR:CP:45"]),
    ("arts. 248 inciso 8º y 343 del CPP", "AR", "AR-CABA", ["AR:CPPCABA:248", "AR:CPPCABA:343"]),
    ("art. 7 Ley Nacional 26.061", "AR", None, ["AR:L26061:7"]),
    # ar-caba-aymurai__document-02
    ("art. 53 agravada en función del 55 inc. 7 del CC", "AR", "AR-CABA", ["AR:CCCABA:53", "AR:CCCABA:55"]),
    ("arts. 5 inc. 1, 2, 4 y 5, 6 y 7 inc. h) y 26 inc. a. 4) de la Ley 26.485", "AR", None,
     ["AR:L26485:5", "AR:L26485:6", "AR:L26485:7", "AR:L26485:26"]),
    ("art. 211 inc. c) del Código Procesal Penal CABA", "AR", "AR-CABA", ["AR:CPPCABA:211"]),
    # ar-caba-aymurai__document-04
    ("SOBRE 89 EN FUNCIÓN DEL 92, 149 BIS, 162 Y 239 DEL CÓDIGO PENAL", "AR", None,
     ["AR:CP:89", "AR:CP:92", "AR:CP:149bis", "AR:CP:162", "AR:CP:239"]),
    ("artículo 13.3 de la Constitución de la Ciudad Autónoma de Buenos Aires", "AR", "AR-CABA", ["AR:CCABA:13"]),
    # ar-caba-aymurai__document-05
    ("arts. 3 inc. c) y d), 16 inc. b), 7 inc. c) y 35 Ley 26.485", "AR", None,
     ["AR:L26485:3", "AR:L26485:16", "AR:L26485:7", "AR:L26485:35"]),
    ("art. 22, 23, inc. 6, 25, 26, 27, 31, 37, 53 y 55 del Código Contravencional", "AR", "AR-CABA",
     ["AR:CCCABA:22", "AR:CCCABA:23", "AR:CCCABA:25", "AR:CCCABA:26", "AR:CCCABA:27", "AR:CCCABA:31", "AR:CCCABA:37", "AR:CCCABA:53", "AR:CCCABA:55"]),
    ("art. 2 bis LN 13.944", "AR", None, ["AR:L13944:2bis"]),
    ("arts. 1º y 28 CN", "AR", None, ["AR:CN:1", "AR:CN:28"]),
    ("arts. 1737 y ss. CCyC", "AR", None, ["AR:CCCN:1737"]),
    ("arts. 77 y 79 del CPP, de aplicación supletoria por el art. 6 de la ley 12", "AR", "AR-CABA",
     ["AR:CPPCABA:77", "AR:CPPCABA:79", "AR:LPCCABA:6"]),
    # ar-caba-aymurai__document-07
    ("(310 y 328 CPPCABA)", "AR", "AR-CABA", ["AR:CPPCABA:310", "AR:CPPCABA:328"]),
    # ar-caba-aymurai__document-09
    ("arts. 403, 431 bis, 530 y 531 del Código Procesal Penal de la Nación", "AR", "AR-CABA",
     ["AR:CPPN:403", "AR:CPPN:431bis", "AR:CPPN:530", "AR:CPPN:531"]),
    ("arts. 55 a 57 del CP", "AR", None, ["AR:CP:55", "AR:CP:56", "AR:CP:57"]),
    # the brief's examples
    ("art. 145 bis del Código Penal", "AR", None, ["AR:CP:145bis"]),
    ("artículo 145 ter, inc. 2", "AR", None, ["AR:CP:145ter"]),
    ("art. 242 del CPP", "AR", None, ["AR:CPPN:242"]),  # national default outside CABA
    ("art. 242 del CPP", "AR", "AR-CABA", ["AR:CPPCABA:242"]),
    ("arts. 5 y 6 de la Ley 4788/12", "PY", None, ["PY:L4788:5", "PY:L4788:6"]),
    ("art. 281 bis del Código Penal", "BO", None, ["BO:CP:281bis"]),
    # ph-sc-lawphil__1941_GR-L-47813 (Spanish-language Philippine decisions)
    ("articulo 109 del Codigo Penal Revisado ... el articulo 110 del mencionado Codigo ... articulo 29 del mismo Codigo",
     "PH", None, ["PH:RPC:109", "PH:RPC:110", "PH:RPC:29"]),
    # ph-sc-lawphil__1948_GR-L-683-L-684
    ("en consonancia con el Articulo 48, relacionado con el Articulo 248 del Codigo Penal Revisado", "PH", None,
     ["PH:RPC:48", "PH:RPC:248"]),
    ("articulo 2 de la Regla 119 de los Reglamentos", "PH", None, ["PH:ROC:119"]),
    # ph-sc-lawphil__1948_GR-L-1710 (image-only; text from the gold)
    ("Ley 4225, articulo 2", "PH", None, ["PH:ACT4225:2"]),
    ("articulos 1 y 2 de la Ley Num. 2709", "PH", None, ["PH:ACT2709:1", "PH:ACT2709:2"]),
]


@pytest.mark.parametrize("text,country,jurisdiction,expected", SPANISH)
def test_spanish(text, country, jurisdiction, expected):
    assert ids(text, lang="es", country=country, jurisdiction=jurisdiction) == expected


# --------------------------------------------------------------------------- English

ENGLISH = [
    # pk-lhc__2023LHC124_state-v-shazam-ali
    ("sections 302, 392 PPC", "PK", None, ["PK:PPC:302", "PK:PPC:392"]),
    ("section 544-A of Cr.P.C", "PK", None, ["PK:CRPC:544a"]),
    ("Article 129 (g) of Qanun-e-Shahadat Order, 1984", "PK", None, ["PK:QSO1984:129"]),
    ("Article 19-A of the Qanoon-e-Shahadat Order, 1984", "PK", None, ["PK:QSO1984:19a"]),
    # pk-lhc__2024LHC6062_muhammad-aslam-v-state
    ("Sections 302/109/148/149 PPC", "PK", None, ["PK:PPC:302", "PK:PPC:109", "PK:PPC:148", "PK:PPC:149"]),
    # pk-lhc__2023LHC7628_hamza-khalid-v-state
    ("under section 18 of the Emigration Ordinance, 1979 read with section 6 of Passport Act, 1974 and sections 34/109 PPC",
     "PK", None, ["PK:EO1979:18", "PK:PA1974:6", "PK:PPC:34", "PK:PPC:109"]),
    ("Articles 4, 9, and 24(1) of the Constitution of 1973", "PK", None, ["PK:CONST:4", "PK:CONST:9", "PK:CONST:24"]),
    ("the Fourth Amendment to the Constitution ... The United States", "PK", None, ["US:CONST:amend4"]),
    # pk-lhc__2024LHC5634_rizwan-sami-khan-v-state
    ("Section 17 of the Anti-Rape (Investigation & Trial) Act, 2021", "PK", None, ["PK:ARITA2021:17"]),
    # pk-lhc__2023LHC2862_rukhsana-bibi-v-federation
    ("Article 4 of the Constitution of the Islamic Republic of Pakistan, 1973. Article 9 ibid", "PK", None,
     ["PK:CONST:4", "PK:CONST:9"]),
    ("u/s 376(iii) PPC read with 377-B", "PK", None, ["PK:PPC:376", "PK:PPC:377b"]),
    # lk-ca__2023-01-30_CA-HCC-0404-2018
    ("section 308A (2) read with section 32 of the Penal Code", "LK", None, ["LK:PC:308a", "LK:PC:32"]),
    ("section 331 (1) of the Code of Criminal Procedure Act No- 15 of 1979", "LK", None, ["LK:CCPA:331"]),
    # lk-sc-ca__2018-03-15-SC-APPEAL-201-2014
    ("sections 9 and 10 of the High Court of the Provinces (Special Provisions) Act No.19 of 1990", "LK", None,
     ["LK:HCPSPA1990:9", "LK:HCPSPA1990:10"]),
    # lk-sc-ca__2020-12-14-SC-APPEAL-154-2014
    ("Section 52 of the Sexual Offences Act 2003 ... Section 57(1) and Section 52 of the said Act", "LK", None,
     ["GB:SOA2003:52", "GB:SOA2003:57"]),
    ("Section 9(1) of the Vagrants Ordinance No.4 of 1841", "LK", None, ["LK:VO1841:9"]),
    ("Articles 128 & 154P3(b) of the Constitution of the Democratic Socialist Republic of Sri Lanka", "LK", None,
     ["LK:CONST:128", "LK:CONST:154p"]),
    # lk-sc-ca__2018-03-15-SC-APPEAL-201-2014: no space after the keyword, the article's letter in brackets
    ("Section 31 of the Judicature Act as well as to the Article154 (P) (3) (a) of the Constitution", "LK", None,
     ["LK:JA1978:31", "LK:CONST:154p"]),
    # ph-sc-lawphil__2005_GR-157718_amployo-v-people
    ("Section 5(b), Article III of Republic Act No. 7610", "PH", None, ["PH:RA7610:5"]),
    ("Article VIII, Section 13 of the Constitution", "PH", None, ["PH:CONST:13"]),
    # ph-sc-lawphil__2000_GR-129670_lavides-v-ca
    ("Art. III, §5(b) of R.A. No. 7610", "PH", None, ["PH:RA7610:5"]),
    ("Rule 114, §2(b) of the Rules on Criminal Procedure", "PH", None, ["PH:ROC:114"]),
    # ph-sc-lawphil__2002_GR-140067-71_people-v-gallardo-and-malapit
    ("Article 13(b) in relation to Article 38(b), 34, and 39 of P.D. No. 442, otherwise known as the New Labor Code",
     "PH", None, ["PH:LC:13", "PH:LC:38", "PH:LC:34", "PH:LC:39"]),
    ("Article 65, in relation to Article 64, of the Revised Penal Code", "PH", None, ["PH:RPC:65", "PH:RPC:64"]),
    # ph-sc-lawphil__2002_GR-130170_people-v-dionisio-mallari
    ("Article 38 and 39 as amended by P.D. 2018 of the Labor Code (P.D. 442)", "PH", None, ["PH:LC:38", "PH:LC:39"]),
    # ph-sc-lawphil__2001_GR-125081_people-v-pascua-et-al
    ("Sec. 2 of Art. 315 of the Revised Penal Code", "PH", None, ["PH:RPC:315"]),
    # ph-sc-lawphil__1998_GR-128777_people-v-larin
    ("Article 336 of Act No. 3815, as amended, the Revised Penal Code", "PH", None, ["PH:RPC:336"]),
    # ph-sc-lawphil__2003_GR-123146_people-v-buli-e-and-alolino
    ("Section 34, Rule 132 of the Rules of Court", "PH", None, ["PH:ROC:132"]),
    # ph-sc-lawphil__2007_GR-147913_navarrete-v-people
    ("Sec. 266-A, paragraph 2 of RA 8353", "PH", None, ["PH:RPC:266a"]),
    # ph-sc-lawphil__1918_GR-13288_us-v-giner-cruz
    ("Section 733 of the Revised Ordinances of the city of Manila", "PH", None, ["PH:ROCM1917:733"]),
    # the brief's examples
    ("18 U.S.C. § 1591(a)(1)", "US", None, ["US:18USC:1591"]),
    ("in violation of 18 U.S.C. §§ 1589, 1590 and 8 U.S.C. § 1324", "US", None,
     ["US:18USC:1589", "US:18USC:1590", "US:8USC:1324"]),
    ("Sections 3 to 5 of the Modern Slavery Act 2015", "GB", None, ["GB:MSA2015:3", "GB:MSA2015:4", "GB:MSA2015:5"]),
    ("Section 2 of the Immoral Traffic (Prevention) Act, 1956 and section 370 of the Indian Penal Code", "IN", None,
     ["IN:ITPA1956:2", "IN:IPC:370"]),
]


@pytest.mark.parametrize("text,country,jurisdiction,expected", ENGLISH)
def test_english(text, country, jurisdiction, expected):
    assert ids(text, lang="en", country=country, jurisdiction=jurisdiction) == expected


def test_historical_philippine_penal_code():
    # ph-sc-lawphil__1906_GR-L-2307_us-v-chu-chang: before 1932 "Penal Code" is the Spanish code
    assert ids("Articles 444 of the Penal Code", lang="en", country="PH", decision_year=1906) == ["PH:OPC:444"]
    assert ids("article 444 of the Penal Code", lang="en", country="PH", decision_year=1950) == ["PH:RPC:444"]
    assert ids("article 444 of the Penal Code", lang="en", country="PH") == ["PH:RPC:444"]  # default: RPC


def test_thai():
    text = "ความผิดตามพระราชบัญญัติป้องกันและปราบปรามการค้ามนุษย์ พ.ศ. 2551 มาตรา 6 และ มาตรา 52"
    assert ids(text, lang="th", country="TH") == ["TH:ATIPA2551:6", "TH:ATIPA2551:52"]
    assert ids("ประมวลกฎหมายอาญา มาตรา ๒๘๘", lang="th", country="TH") == ["TH:CC:288"]


# --------------------------------------------------------------------------- not citations, unresolved


@pytest.mark.parametrize(
    "text",
    [
        "as shown in Ex. PA/1 and by PW-1 at paragraph 12",
        "G.R. Nos. 129577-80, decided 12 March 2001",
        "Article 13 of the contract between the parties",
        "Section 1 of the Judgment of the trial court",
        "Article 3(a) of the TIP Protocol",
        "art. 7 inc. g) CBP",  # Convención de Belém do Pará
    ],
)
def test_not_citations(text):
    assert ids(text, lang="en", country="PK") == []


def test_unresolved_are_kept_with_a_reason():
    cites = find_citations("Section 5 of the Police Act, 1861", lang="en", country="PK", catalog=CATALOG)
    assert [(c.id, c.article, c.reason) for c in cites] == [(None, "5", "unknown_instrument")]
    cites = find_citations("Section 12 provides that", lang="en", country="ZZ", catalog=CATALOG)
    assert [(c.id, c.article, c.reason) for c in cites] == [(None, "12", "no_instrument")]
    cites = find_citations("Art. 2 de la Convención de Belém do Pará", lang="es", country="AR", catalog=CATALOG)
    assert [(c.id, c.reason) for c in cites] == [(None, "treaty")]


def test_whole_instruments_are_returned_apart():
    # ar-caba-aymurai__document-01: "Ley 26.061, Ley 26.485" cited without an article
    cites = find_citations("art. 1 Ley 13.944, Ley 26.061, Ley 26.485", lang="es", country="AR", catalog=CATALOG)
    whole = [(c.instrument, c.reason) for c in cites if c.id is None]
    assert whole == [("AR:L26061", "whole_instrument"), ("AR:L26485", "whole_instrument")]
    # ANNOTATION.md: "P.D. 2018" named as an amending law
    cites = find_citations("Article 38 as amended by P.D. 2018 of the Labor Code", lang="en", country="PH", catalog=CATALOG)
    assert [c.id for c in cites if c.id] == ["PH:LC:38"]
    assert [(c.instrument, c.reason) for c in cites if c.id is None] == [("PH:PD2018", "whole_instrument")]


def test_oblique_reference_without_antecedent():
    cites = find_citations("Section 4 of the said Act", lang="en", country="PK", catalog=CATALOG)
    assert [(c.id, c.reason) for c in cites] == [(None, "no_instrument")]


def test_citation_fields():
    [c] = find_citations("artículo 145 ter, inc. 2 del Código Penal", lang="es", country="AR", catalog=CATALOG)
    assert (c.id, c.article, c.subsection, c.instrument, c.reason) == ("AR:CP:145ter", "145ter", "inc. 2", "AR:CP", None)
    assert c.text == "artículo 145 ter, inc. 2 del Código Penal"
    [c] = find_citations("18 U.S.C. § 1591(a)(1)", lang="en", country="US", catalog=CATALOG)
    assert (c.id, c.subsection) == ("US:18USC:1591", "(a)(1)")


def test_bad_arguments_raise():
    with pytest.raises(TypeError):
        find_citations(b"art. 5", lang="es")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        find_citations("art. 5", lang="es", country="Argentina")


# --------------------------------------------------------------------------- normalise_article

NORMALISE = [
    ("145 ter", "145ter"),
    ("145 bis", "145bis"),
    ("27bis", "27bis"),
    ("149 BIS", "149bis"),
    ("266-A", "266a"),
    ("377-A", "377a"),
    ("377A", "377a"),
    ("382-B", "382b"),
    ("360A", "360a"),
    ("1591(a)(1)", "1591"),
    ("Art. 266-A", "266a"),
    ("§ 1589", "1589"),
    ("section 360A", "360a"),
    ("1º", "1"),
    ("3°", "3"),
    ("13.3", "13"),
    ("42(B)(5)(a)", "42b"),
    ("154 (P)", "154p"),
    ("5(a)", "5"),
    ("๒๘๘", "288"),
    ("III", None),
    ("", None),
]


@pytest.mark.parametrize("raw,expected", NORMALISE)
def test_normalise_article(raw, expected):
    assert normalise_article(raw) == expected


def test_normalise_decimal_sections():
    assert normalise_article("14.70", decimal=True) == "14.70"
    assert normalise_article("279.01", decimal=True) == "279.01"


# --------------------------------------------------------------------------- catalog

# ANNOTATION.md, "Instrument codes in use so far" (the patterned PH families
# RA<n>, ACT<n>, CA<n>, PD<n> are represented by their listed members).
ANNOTATION_CODES = {
    "AR": "CP CN L26364 L26842 L13944 L26485 CPPCABA CCCABA CCABA CPPN CCCN L26061 L25871 LPCCABA",
    "BO": "CP CPP L263 CONST",
    "PY": "CP CPP L4788 CONST",
    "LR": "ATIP2005 PL CL2011 CPL CONST",
    "TH": "ATIPA2551 CC CPC LPA2541 CONST",
    "US": "18USC 8USC 21USC CONST FRCP",
    "GB": "MSA2015 SOA1956 SOA2003 CLAA1885",
    "PH": "RPC OPC CONST ROC LC FC CC RA7610 RA7659 RA8042 RA9262 RA9208 RA10364 ACT4103 ACT2709 ACT4225 CA682 PD651 ROCM1917",
    "PK": "PPC CRPC PTPA2018 PSMA2018 EO1979 CNSA1997 PECA2016 QSO1984 ATA1997 CONST PA1974 FIAA1974 STA1990 OZEHO1979 "
    "ARITA2021 PVO1958 PDNCA2004 PPWAVA2016 PWPAA2017 NCRCA2017 PTRIA2013",
    "LK": "PC CCPA EO SLBFEA1985 PDDO CONST HCPSPA1990 JA1978 ICCPRA2007 VO1841 BO1889 LRL1972",
    "IN": "IPC ITPA1956 CRPC CONST IEA1872 ICA1872 CA1956 ESA1908 PCSOA2012",
    "ES": "CP",
    "CA": "CC",
}


@pytest.mark.parametrize("country", sorted(ANNOTATION_CODES))
def test_catalog_has_every_annotation_code(country):
    missing = [code for code in ANNOTATION_CODES[country].split() if CATALOG.instrument(f"{country}:{code}") is None]
    assert missing == []


def test_catalog_is_sound():
    assert CATALOG.validate() == []
    for inst in CATALOG:
        assert re.fullmatch(r"[A-Z]{2}", inst.country)
        assert re.fullmatch(r"[A-Z0-9]+", inst.code), inst.id
    for art_id, info in CATALOG.articles.items():
        country, code, article = art_id.split(":")
        assert CATALOG.instrument(f"{country}:{code}") is not None
        assert info.category in CATEGORIES
        lo, hi = CATALOG.penalty_range(art_id)
        if lo is not None and hi is not None:
            assert lo <= hi
        assert article == article.lower() and " " not in article and "-" not in article


def test_catalog_lookups():
    assert CATALOG.category("AR:CP:145bis") == "trafficking"
    assert CATALOG.penalty_range("AR:CP:145bis") == (48, 96)
    assert "26.842" in CATALOG.article("AR:CP:145bis").source
    assert CATALOG.category("PH:RA7610:5") == "sexual_exploitation"
    assert CATALOG.category("PH:LC:38") == "forced_labour"
    assert CATALOG.category("US:8USC:1324") == "smuggling"
    assert CATALOG.category("TH:LPA2541:44") == "child_labour"
    assert CATALOG.category("AR:CP:79") == "other"  # not listed: other
    assert CATALOG.category("LR:ATIP2005:4") == "trafficking"  # instrument default
    assert CATALOG.category("ZZ:XX:1") is None
    assert CATALOG.penalty_range("AR:CP:79") == (None, None)
    assert CATALOG.instrument("Cr.P.C.", country="PK").id == "PK:CRPC"
    assert CATALOG.instrument("Qanoon-e-Shahadat", country="PK").id == "PK:QSO1984"
    assert CATALOG.instrument("PD442", country="PH").id == "PH:LC"
    assert CATALOG.instrument("ACT3815", country="PH").id == "PH:RPC"
    assert CATALOG.instrument("CPP", country="AR", jurisdiction="AR-CABA").id == "AR:CPPCABA"
    assert CATALOG.instrument("CPP", country="AR").id == "AR:CPPN"
    assert CATALOG.instrument("Penal Code", country="PH", year=1920).id == "PH:OPC"
    assert CATALOG.instrument("Penal Code", country="PH").id == "PH:RPC"
    assert CATALOG.instrument("Penal Code", country="LK").id == "LK:PC"


def test_catalog_load_is_cached():
    assert Catalog.load() is Catalog.load()


# --------------------------------------------------------------------------- offsets

_PIECES = st.sampled_from(
    [
        "arts. 40 y 41 CP",
        " section 302 PPC ",
        "Article 13(b) in relation to Article 38(b) of P.D. No. 442",
        "Ley 26.485",
        "del mismo cuerpo legal",
        "§§ 1589, 1590",
        "Rule 114, §2(b)",
        "á",
        "\n",
        " ",
        "42",
        "the said Act",
        "inc. 2, 4 y 5,",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=12), st.sampled_from(["AR", "PH", "PK", None]))
def test_offsets_invariant(parts, country):
    text = "".join(parts)
    for c in find_citations(text, lang="es" if country == "AR" else "en", country=country, catalog=CATALOG):
        assert isinstance(c, Citation)
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.text
        assert (c.id is None) == (c.reason is not None)


# --------------------------------------------------------------------------- the dev corpus (optional)

# Micro F1 measured on the dev set (52 documents with a text layer): 0.883; floor = that minus a margin.
DEV_F1_FLOOR = 0.86


@pytest.mark.shared
@pytest.mark.slow
def test_dev_corpus_f1(shared_corpus: Path):
    import importlib.util

    pytest.importorskip("pdfplumber")
    path = Path(__file__).resolve().parent.parent / "scripts" / "eval_statutes.py"
    spec = importlib.util.spec_from_file_location("eval_statutes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.evaluate(shared_corpus / "dev")
    scores = result["scores"]
    assert scores["all"]["tp"] > 0
    assert scores["all"]["f1"] >= DEV_F1_FLOOR


@pytest.mark.parametrize(
    "text, country, expected",
    [
        # lk-sc-ca__2020-12-14-SC-APPEAL-154-2014: a spaced suffix letter, and a subsection across a page break
        ("a charge under section 360 A (1) of the Penal\nCode", "LK", ["LK:PC:360a"]),
        ("occurs in Section 360A\n\n(1) of the Penal Code as well", "LK", ["LK:PC:360a"]),
        # ph-sc-lawphil__2007_GR-147913 footnote: sections of a Roman-numbered article are the Constitution's
        ("20 Article III, Section 14 (2).", "PH", ["PH:CONST:14"]),
        # ph-sc-lawphil__2005_GR-163866 footnotes: "id." points back, and a Rules of Court section
        # without its rule number names nothing
        ("20 Section 1(b), Rule 115, The Revised Rules of Criminal Procedure.\n21 Section 6, Rule 110, id .\n"
         "22 Section 8, id .\n", "PH", ["PH:ROC:115", "PH:ROC:110", None]),
    ],
)
def test_spacing_divisions_and_ibid(text, country, expected):
    assert [c.id for c in find_citations(text, lang="en", country=country)] == expected


def test_a_bare_article_after_a_treaty_is_the_treaty_s():
    from atlas_courts.resolve.statutes import find_citations

    text = ("Article 128 (2) of the Constitution. Paragraph 5 of Article 14 of the Covenant lays down that everyone "
            "convicted has a right of appeal. The author states that Article 14, paragraph 5 provides that everyone")
    cited = [(c.id, c.reason) for c in find_citations(text, lang="en", country="LK")]
    assert cited == [("LK:CONST:128", None), (None, "treaty"), (None, "treaty")]
    # With no treaty named, the bare article still takes the instrument named last.
    cited = [c.id for c in find_citations("Article 128 (2) of the Constitution. Article 14 provides", lang="en", country="LK")]
    assert cited == ["LK:CONST:128", "LK:CONST:14"]
