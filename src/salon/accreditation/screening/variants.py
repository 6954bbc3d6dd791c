"""Equivalence tables for given names that are the same name written in different conventions.

Passports transliterate, they do not translate: "Yusuf" and "Youssef" are one name spelled two ways, but
"Joseph" is a different name on a different passport, so translations are deliberately left out. Each
group lists spellings in folded form (lower-case ASCII, particles already glued, see `normalize`); the
first spelling is the canonical key the index stores.
"""

from __future__ import annotations

# fmt: off
EQUIVALENT_NAME_GROUPS: tuple[tuple[str, ...], ...] = (
    # Arabic / Turkish / Persian / West-African forms of the same given names.
    (
        "muhammad", "mohammad", "mohammed", "muhammed", "mohamed", "mohamad", "muhamad", "mouhamed",
        "mouhammad", "mohamud", "mahamat", "mehmet", "mehmed", "mamadou", "mamadu", "mohamadou",
        "muhammadu", "mahomed", "mukhammad", "magomed",
    ),
    ("ahmad", "ahmed", "ahmet", "ahmadou", "amadou", "hamadou", "akhmed", "akhmad"),
    ("mahmud", "mahmoud", "mahmut", "makhmud"),
    ("mustafa", "mostafa", "moustafa", "mustapha", "moustapha", "mustaf"),
    ("husayn", "hussein", "husein", "hussain", "husain", "hossein", "hosein", "huseyin", "houssein",
     "husseyn"),
    ("hasan", "hassan", "hasen", "hassane", "gasan"),
    ("umar", "omar", "omer", "oumar", "umer"),
    ("uthman", "usman", "osman", "othman", "ousmane", "ousman", "usmon"),
    ("usama", "osama", "oussama", "ousama"),
    ("yusuf", "yousef", "youssef", "yousuf", "yusif", "yousif", "jusuf", "youcef", "yussuf", "yosef",
     "yossef"),
    ("ibrahim", "ebrahim", "ibragim", "brahim", "ibrahima", "brahima", "ibraheem"),
    ("ismail", "ismael", "ismayil", "smail", "ismoil"),
    ("khalid", "khaled", "halid", "khaleed"),
    ("sulayman", "suleiman", "sulaiman", "suleyman", "soliman", "souleymane", "sulejman", "sleiman"),
    ("abubakr", "abubakar", "aboubakar", "aboubacar", "boubacar", "abubaker", "aboubakr", "abubakir"),
    ("yahya", "yahia", "yehia", "yahiya"),
    ("zakariya", "zakaria", "zakariyya", "zakaryia", "zakariyah", "zakari"),
    ("musa", "moussa", "mousa", "moosa", "mussa"),
    ("isa", "issa", "eissa"),
    ("idris", "idriss", "edris"),
    ("karim", "kareem", "kerim"),
    ("rashid", "rachid", "rasheed", "reshid", "rashed"),
    ("walid", "waleed", "velid", "oualid"),
    ("jamal", "gamal", "cemal", "djamel", "jamel", "djamal"),
    ("salih", "saleh"),
    ("tariq", "tarek", "tarik", "tareq"),
    ("faysal", "faisal", "feisal", "faycal"),
    ("abdullah", "abdallah", "abdoulaye", "abdullahi", "abdulla", "abdalla", "abdellah", "abdollah"),
    ("ali", "aly", "aliou", "aliyu"),
    ("said", "saeed", "saied", "saeid", "sayid"),
    ("sayyid", "sayed", "seyed", "seyyed", "syed", "sayyed"),
    ("javad", "jawad", "cevat", "djawad"),
    ("mahdi", "mehdi"),
    ("riza", "reza", "rida", "ridha"),
    ("yaqub", "yacoub", "yakub", "yaakov", "yakov", "jakub", "yacob", "yaqoob"),
    ("yitzhak", "itzhak", "yitzchak", "itzchak", "yitshak"),
    ("moshe", "moishe", "mosheh"),
    ("shlomo", "shelomo", "schlomo"),
    ("shaykh", "sheikh", "cheikh", "shaikh", "sheik", "cheick"),
    ("tahir", "taher", "tahar"),
    ("nasir", "naser", "nasser"),
    ("fatima", "fatma", "fatimah", "fatoumata", "fatuma"),
    ("aisha", "aicha", "aysha", "ayesha", "aissatou", "aishatu", "ayse"),
    ("khadija", "khadidja", "hatice", "khadijah", "kadidia", "kadiatou"),
    ("zaynab", "zeinab", "zainab", "zeynep", "zenab"),
    ("maryam", "mariam", "meryem", "mariama"),
    # East-Slavic given names across Russian, Ukrainian, Belarusian and older Latin spellings.
    ("aleksandr", "alexander", "aleksander", "alexandr", "oleksandr", "aliaksandr", "alexandre"),
    ("aleksey", "alexei", "alexey", "aleksei", "oleksiy", "oleksii", "oleksij", "aliaksei"),
    ("sergey", "sergei", "serguei", "sergiy", "serhiy", "serhii", "sergii", "siarhei"),
    ("dmitry", "dmitri", "dmitriy", "dmytro", "dmitrii", "dzmitry"),
    ("yuri", "yury", "yuriy", "iurii", "yurii", "jurij", "yurij", "iouri", "yurey"),
    ("andrey", "andrei", "andriy", "andrii", "andrej", "andrij"),
    ("yevgeny", "evgeny", "evgeni", "yevgeni", "evgeniy", "yevgeniy", "yevhen", "evgenii", "ievgen",
     "yevhenii", "yevgen", "evgen"),
    ("mikhail", "mykhailo", "michail", "mikhael", "mikhailo", "mikhal"),
    ("nikolay", "nikolai", "mykola", "nicolai", "mikalai"),
    ("vladimir", "volodymyr", "wladimir", "uladzimir", "volodimir"),
    ("pyotr", "petr", "piotr", "petro", "pjotr"),
    ("pavel", "pavlo", "paval"),
    ("grigory", "grigori", "grigoriy", "hryhoriy", "hryhorii", "grigorii"),
    ("vasily", "vasili", "vasiliy", "vasyl", "vassili", "vasilii"),
    ("anatoly", "anatoli", "anatoliy", "anatolii"),
    ("vitaly", "vitali", "vitaliy", "vitalii"),
    ("valery", "valeri", "valeriy", "valerii"),
    ("gennady", "gennadi", "gennadiy", "hennadiy", "hennadii", "gennadii"),
    ("ivan", "ivan", "iwan"),
    ("olga", "olha", "volha"),
    ("tatyana", "tatiana", "tetiana", "tetyana", "tatjana"),
    ("natalya", "natalia", "nataliya", "natalja"),
    ("yelena", "elena", "olena", "jelena", "alena", "alyona"),
    ("yekaterina", "ekaterina", "kateryna", "katerina", "katsiaryna"),
    ("igor", "ihor", "igour"),
    ("oleg", "oleh", "aleh"),
    ("kirill", "kyrylo", "kiril", "kirill"),
    ("georgy", "georgi", "georgiy", "heorhiy", "heorhii", "georgii"),
    ("yevgenia", "evgenia", "yevheniia", "evgeniya"),
)
# fmt: on


def build_equivalence_map() -> dict[str, str]:
    """Variant spelling -> canonical spelling (first of its group)."""
    mapping: dict[str, str] = {}
    for group in EQUIVALENT_NAME_GROUPS:
        canonical = group[0]
        for spelling in group:
            mapping.setdefault(spelling, canonical)
    return mapping
