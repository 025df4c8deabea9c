#!/usr/bin/env python3
"""Write one synthetic article of a given size and shape, for the
single-article benchmark (bench/long.sh).

Usage: long_article.py OUT_FILE MEGABYTES SHAPE

SHAPE is one of
  paragraph  one paragraph with no sentence end in it: clauses with dates and
             names joined by commas and semicolons (what a page with its
             full stops lost, or a table flattened to one line, looks like)
  prose      ordinary text: short paragraphs of sentences with dates and names
  lines      short lines, one fragment each (a list, a log, a flattened table)

Every word and name is made up here; the same arguments always give the same
bytes.
"""
import random
import sys

GIVEN = ["Anika", "Bertil", "Corvin", "Dagny", "Eskil", "Fenna", "Goran", "Halde",
         "Ilsa", "Jorund", "Kasimir", "Liva", "Mattis", "Nelda", "Oskar", "Pirjo"]
FAMILY = ["Brannvik", "Carstedt", "Dolmer", "Elvang", "Fjellhus", "Grundt", "Hovmark",
          "Iversholm", "Jadrak", "Kvellan", "Lorvik", "Mossgard", "Norrbeck", "Ostrand"]
ROLES = ["minister", "mayor", "spokeswoman", "envoy", "chair of the council", "director"]
PLACES = ["Velmora", "Saltkrag", "Ostravik", "Lunden Bay", "Harrowfield", "Kestrel Point"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
VERBS = ["met", "called", "criticised", "thanked", "visited", "wrote to", "replied to"]
NOUNS = ["the budget", "the harbour plan", "a new bridge", "the water board",
         "the ferry timetable", "the school reform", "the grain tender"]


def name(r):
    return f"{r.choice(GIVEN)} {r.choice(FAMILY)}"


def date(r):
    return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2019, 2026)}"


def clause(r):
    """A dated statement about two people, without terminal punctuation."""
    return (f"{name(r)}, the {r.choice(ROLES)} of {r.choice(PLACES)}, {r.choice(VERBS)} "
            f"{name(r)} on {date(r)} about {r.choice(NOUNS)}")


def sentence(r):
    s = clause(r)
    return s[0].upper() + s[1:] + r.choice([".", ".", ".", "?", "!"])


def main():
    out, megabytes, shape = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    target = int(megabytes * 1_000_000)
    r = random.Random(f"{megabytes}-{shape}")
    parts = [f"Harbour council news\n\nCouncil weighs the {r.choice(NOUNS)[4:]}\n\n"]
    size = len(parts[0])
    while size < target:
        if shape == "paragraph":
            piece = clause(r) + r.choice([", ", "; ", ", and "])
        elif shape == "prose":
            piece = " ".join(sentence(r) for _ in range(r.randint(2, 5))) + "\n\n"
        elif shape == "lines":
            piece = f"{date(r)} {name(r)} {r.choice(VERBS)}\n"
        else:
            sys.exit(f"unknown shape {shape}: paragraph, prose or lines")
        parts.append(piece)
        size += len(piece.encode())
    text = "".join(parts).encode()[:target]
    # Cut on a character boundary (everything above is ASCII) and end cleanly.
    with open(out, "wb") as f:
        f.write(text.rstrip() + b"\n")


if __name__ == "__main__":
    main()
