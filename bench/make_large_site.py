#!/usr/bin/env python3
"""Writes a synthetic bilingual (en/sv) site with N controls into DIR, for bench/check_large.sh.

    bench/make_large_site.py DIR [CONTROLS] [CATEGORIES]

Controls are spread over CATEGORIES files (default 20); every control has a localized title
and description (Markdown), a status, a date, a monitor id and framework labels, so every
loader path is exercised.
"""
import os
import sys

def main():
    out = sys.argv[1]
    controls = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    categories = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    statuses = ["implemented", "in_progress", "planned", "not_applicable"]
    os.makedirs(os.path.join(out, "content", "controls"), exist_ok=True)
    with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: {en: Bench Trust Center, sv: Bench Trygghetscenter}\n"
                "base_url: https://trust.bench.example\n"
                "default_locale: en\nlocales: [en, sv]\nupdated: 2026-03-01\n"
                "company:\n  name: Bench AB\n  contact: hello@bench.example\n")
    per = (controls + categories - 1) // categories
    n = 0
    for c in range(categories):
        lines = [f"category:\n  order: {c}\n  title: {{en: Category {c}, sv: Kategori {c}}}\n"
                 f"  summary: {{en: Controls of group {c}., sv: Kontroller i grupp {c}.}}\ncontrols:\n"]
        for _ in range(per):
            if n >= controls:
                break
            lines.append(
                f"  - id: control-{n}\n"
                f"    title: {{en: \"Control {n}: encryption of backups\", sv: \"Kontroll {n}: kryptering av säkerhetskopior\"}}\n"
                f"    description:\n"
                f"      en: Backups are encrypted with **AES-256** and keys rotate yearly. See [policy](https://bench.example/p/{n}).\n"
                f"      sv: Säkerhetskopior krypteras med **AES-256** och nycklarna roteras årligen.\n"
                f"    status: {statuses[n % 4]}\n"
                f"    updated: 2026-02-{(n % 28) + 1:02d}\n"
                f"    monitor: backup_{n}\n"
                f"    frameworks: [\"SOC 2 CC6.1\", \"ISO 27001 A.8.24\"]\n")
            n += 1
        with open(os.path.join(out, "content", "controls", f"group-{c}.yaml"), "w", encoding="utf-8") as f:
            f.write("".join(lines))

if __name__ == "__main__":
    main()
