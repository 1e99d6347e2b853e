#!/usr/bin/env python3
"""Writes N random but valid voorwie session files, for benchmarks.

Usage: gen_sessions.py KAART.json DIR N [SEED]

KAART.json is the output of `voorwie kaart --format json` (question and
option ids). Files go into DIR/000/, DIR/001/, ... (1000 per directory).
"""
import json
import os
import random
import sys


def answer(q, rnd):
    kind = q["type"]
    opts = [o["id"] for o in q["opties"]]
    r = rnd.random()
    if kind in ("tekst", "volgorde"):
        return None
    if r < 0.05:
        return "weet_niet"
    if r < 0.10:
        return None
    if kind == "meerkeuze":
        return rnd.sample(opts, rnd.randint(0, min(4, len(opts))))
    return rnd.choice(opts)


def emit(value):
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return value


def main():
    kaart, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    card = json.load(open(kaart))
    case_qs = [card["startvraag"]] + [q for lvl in card["niveaus"] for q in lvl["vragen"]]
    goal_qs = card["per_doel"]
    moments = ["nieuwe_aanmelding", "casuistiekbespreking", "opschalen", "afschalen", "evaluatie"]
    for i in range(n):
        d = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(d, exist_ok=True)
        lines = ["versie: 1", f"moment: {rnd.choice(moments)}", f'datum: "2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"', "antwoorden:"]
        for q in case_qs:
            a = answer(q, rnd)
            if a is not None:
                lines.append(f"  {q['id']}: {emit(a)}")
        lines.append("doelen:")
        for g in range(rnd.randint(1, 4)):
            lines.append(f"  - label: Doel {g + 1}")
            lines.append("    antwoorden:")
            for q in goal_qs:
                a = answer(q, rnd)
                if a is not None:
                    lines.append(f"      {q['id']}: {emit(a)}")
        with open(os.path.join(d, f"sessie-{i:06d}.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
