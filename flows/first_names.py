"""Rebuild the generated first names of `flows/data/first_names.toml` from Faker's name lists.

    pip install -e '.[data]'
    python -m flows.first_names --corpora ../shared/corpora

A first name makes "First Surname" a person in an article's index, and gives "er"/"sie" its
gender. The curated names at the top of the file stay as they are; the `[generated]` tables are
the first names of Faker's person providers for the countries German news writes about, in
Latin script, without the words the dev corpora write in lower case ("will", "mark") and
without places, countries and roles ("Paris", "Georgia").
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

from flows.stages.entities import country_of, is_role, lexicon
from flows.stages.places import is_place
from flows.stages.profiles import DATA_DIR

LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "es_MX",
           "pt_PT", "pt_BR", "nl_NL", "sv_SE", "no_NO", "da_DK", "fi_FI", "pl_PL", "cs_CZ",
           "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "lv_LV", "et_EE", "tr_TR", "az_AZ",
           "id_ID")
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃČŠŽŘĚŞĞİ][a-zß-öø-ÿłśżźćńčšžřěşğıëïê'-]{2,}")
_LOWER_WORD = re.compile(r"\b[a-zäöüß]+\b")
_FILE = DATA_DIR / "first_names.toml"


def faker_first_names() -> dict[str, str]:
    """Every Latin-script first name of the locales, with the gender most lists give it."""
    votes: dict[str, Counter] = {}
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for gender, names in (("female", getattr(provider, "first_names_female", ())),
                              ("male", getattr(provider, "first_names_male", ()))):
            for name in names:
                if _LATIN_NAME.fullmatch(name):
                    votes.setdefault(name, Counter())[gender] += 1
    return {name: count.most_common(1)[0][0] for name, count in sorted(votes.items())}


def lower_case_words(corpora: Path) -> set[str]:
    """Words the dev corpora write in lower case: German words, not names."""
    words: set[str] = set()
    with (corpora / "10kgnad" / "test.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            words.update(_LOWER_WORD.findall(row[-1]))
    wikinews = corpora / "wikinews_quotation_attribution_de" / "documents.jsonl"
    with wikinews.open(encoding="utf-8") as handle:
        for line in handle:
            words.update(_LOWER_WORD.findall(json.loads(line)["originalText"]))
    return words


def usable(name: str, german_words: set[str]) -> bool:
    return name.lower() not in german_words and not country_of(name) and \
        not is_place(name) and not is_role(name) and name.lower() not in lexicon().not_names


def _toml_list(key: str, names: list[str]) -> str:
    lines, line = [], ""
    for name in names:
        item = f'"{name}", '
        if len(line) + len(item) > 96:
            lines.append("  " + line.rstrip())
            line = ""
        line += item
    lines.append("  " + line.rstrip().rstrip(","))
    return f"{key} = [\n" + "\n".join(lines) + "\n]\n"


def write(generated: dict[str, str], path: Path = _FILE) -> None:
    text = path.read_text(encoding="utf-8")
    curated = text.split("\n[generated]", 1)[0].rstrip() + "\n"
    known = tomllib.loads(curated)
    taken = set(known["female"]) | set(known["male"])
    fresh = {name: gender for name, gender in generated.items() if name not in taken}
    tables = "".join(_toml_list(gender, sorted(n for n, g in fresh.items() if g == gender))
                     for gender in ("female", "male"))
    path.write_text(curated + "\n# Written by `python -m flows.first_names` (Faker's person "
                    "providers, MIT licence): do not edit.\n[generated]\n" + tables,
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    args = parser.parse_args(argv)
    german_words = lower_case_words(args.corpora)
    names = {name: gender for name, gender in faker_first_names().items()
             if usable(name, german_words)}
    write(names)
    print(f"{len(names)} first names from Faker written to {_FILE}")


if __name__ == "__main__":
    main()
