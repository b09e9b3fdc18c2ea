#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of "same story" for a built fihris site.

usage: score-stories.py STORIES_JSON TRUTH_JSON

STORIES_JSON is data/stories.json of a site built from a labelled corpus;
TRUTH_JSON gives each article (by file name without .md, which is its slug)
a "story" label, null for an article in no story. A pair of articles counts
as "same story" when both carry the same non-null label; the grouping's pairs
are the pairs inside each of its stories. Prints the figures and the pairs it
got wrong (missed, and joined wrongly).
"""
import itertools
import json
import os
import sys


def labels(truth):
    """{slug: story label or None} from the truth file, whatever its shape."""
    if isinstance(truth, dict) and "articles" in truth:
        truth = truth["articles"]
    out = {}
    if isinstance(truth, dict):
        items = truth.items()
    else:
        items = []
        for entry in truth:
            key = next(entry[k] for k in ("id", "file", "slug", "name", "path") if k in entry)
            items.append((key, entry))
    for key, entry in items:
        slug = os.path.splitext(os.path.basename(str(key)))[0]
        out[slug] = entry.get("story") if isinstance(entry, dict) else entry
    return out


def pairs(groups):
    found = set()
    for group in groups:
        for a, b in itertools.combinations(sorted(group), 2):
            found.add((a, b))
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    stories = json.load(open(sys.argv[1], encoding="utf-8"))["stories"]
    truth = labels(json.load(open(sys.argv[2], encoding="utf-8")))
    predicted = pairs(s["articles"] for s in stories)
    by_label = {}
    for slug, label in truth.items():
        if label is not None:
            by_label.setdefault(label, []).append(slug)
    expected = pairs(by_label.values())
    right = len(predicted & expected)
    precision = right / len(predicted) if predicted else 1.0
    recall = right / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"stories found: {len(stories)}; true stories: {len(by_label)}")
    print(f"pairs: predicted {len(predicted)}, true {len(expected)}, right {right}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    for a, b in sorted(expected - predicted):
        print(f"missed: {a} {b} ({truth[a]})")
    for a, b in sorted(predicted - expected):
        print(f"wrongly joined: {a} ({truth.get(a)}) {b} ({truth.get(b)})")


main()
