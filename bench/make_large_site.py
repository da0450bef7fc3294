#!/usr/bin/env python3
"""Writes a synthetic bilingual (en/sv) Trust Center site with N controls into DIR.

    bench/make_large_site.py DIR [CONTROLS] [PER_CATEGORY]

The site looks like the example site at scale (bench/build_scale.sh, bench/check_large.sh):

- site.yaml like the example's (title, tagline, company, security_txt, a local monitoring file);
- content/controls/: one file per category of PER_CATEGORY controls (default 100); every
  control has a localized title, a Markdown description of about 300 bytes per locale, a
  status, a date, framework labels, and every fourth one a monitor id;
- content/subprocessors.yaml: 20 sub-processors and 12 changes (one of them a removal);
- content/ai.yaml: 3 disclosures;
- content/pages/: 5 pages per locale (about 5 KB of Markdown each);
- monitoring/status.json: a trustsite-status/v1 item for every monitor id.

Texts are assembled from word lists by a seeded pseudo-random generator, so the output is
deterministic (the same bytes for the same arguments) but varied, not trivially compressible;
the Swedish texts have å, ä and ö like real ones. All dates are in 2024 and 2025.
"""
import json
import os
import random
import sys

SEED = 15

# ---------------------------------------------------------------- vocabulary

EN = {
    "see": "see", "procedure": "procedure", "in": "in",
    "subject": ["Production databases", "Customer files", "Backups", "Audit logs", "Payroll exports",
                "Support tickets", "API tokens", "Employee records", "Benefit claims", "Session cookies",
                "Build artifacts", "Staff laptops", "Admin accounts", "Network traffic", "Encryption keys",
                "Container images", "Service accounts", "Object storage buckets", "Message queues",
                "Analytics events", "Receipt images", "Identity numbers", "Invoices", "Mobile devices"],
    "verb": ["are encrypted", "are reviewed", "are monitored", "are logged", "are rotated",
             "are backed up", "are restricted", "are scanned", "are tested", "are replicated",
             "are signed", "are inventoried", "are classified", "are isolated", "are audited",
             "are patched", "are verified", "are retained", "are deleted", "are hardened"],
    "manner": ["with AES-256", "every quarter", "within 24 hours", "by two engineers",
               "in the EU only", "before each release", "on every change", "with hardware keys",
               "against the CIS benchmark", "through an automated pipeline", "at least yearly",
               "under a written procedure", "with tamper-evident storage", "in separate accounts",
               "by an independent auditor", "within 72 hours", "with least privilege",
               "using short-lived credentials", "through the change board", "every night"],
    "reason": ["so that a stolen disk reveals nothing", "so that mistakes are caught early",
               "so that customers can verify our claims", "to limit the impact of an incident",
               "to meet our contractual commitments", "to keep personal data in the EU",
               "so that access is always traceable", "to detect tampering quickly",
               "so that recovery is rehearsed", "to keep the attack surface small",
               "because regulators expect it", "so that no single person can bypass it"],
    "extra": ["Exceptions need written approval from the CISO.",
              "Findings are tracked until they are closed.",
              "The results are shared with enterprise customers on request.",
              "Alerts page the on-call engineer around the clock.",
              "The procedure is reviewed after every incident.",
              "Evidence is kept for at least three years.",
              "New staff learn the rules during their first week.",
              "The configuration is stored as code and peer reviewed.",
              "Deviations are reported to management every month.",
              "Automated checks block a release that breaks the rule."],
    "count": ["for {n} systems", "across {n} accounts", "since {y}", "(ticket SEC-{n})",
              "in {n} of our services", "after {n} days", "for the {n} people on call"],
    "bold": ["AES-256", "TLS 1.3", "multi-factor authentication", "least privilege", "single sign-on",
             "FIDO2 keys", "immutable backups", "four-eyes review", "EU hosting", "signed commits"],
    "title_a": ["Encryption", "Review", "Monitoring", "Logging", "Rotation", "Backup", "Restriction",
                "Scanning", "Testing", "Replication", "Signing", "Inventory", "Classification",
                "Isolation", "Auditing", "Patching", "Verification", "Retention", "Deletion", "Hardening"],
    "title_b": ["of production data", "of access rights", "of staff laptops", "of audit logs",
                "of encryption keys", "of vendor access", "of build pipelines", "of backups",
                "of customer files", "of admin accounts", "of network traffic", "of API tokens",
                "of support tooling", "of mobile devices", "of container images", "of identity data"],
    "category": ["Data at rest", "Data in transit", "Access control", "Authentication",
                 "Business continuity", "Incident response", "People security", "Product security",
                 "Vendor management", "Security operations", "Data governance", "Hosting",
                 "Privacy", "Physical security", "Change management", "Asset management"],
}

SV = {
    "see": "se", "procedure": "rutin", "in": "i",
    "subject": ["Produktionsdatabaser", "Kundfiler", "Säkerhetskopior", "Granskningsloggar",
                "Löneexporter", "Supportärenden", "API-nycklar", "Personaluppgifter", "Förmånsärenden",
                "Sessionskakor", "Byggartefakter", "Personalens datorer", "Administratörskonton",
                "Nätverkstrafik", "Krypteringsnycklar", "Containeravbildningar", "Tjänstekonton",
                "Lagringsbehållare", "Meddelandeköer", "Analyshändelser", "Kvittobilder",
                "Personnummer", "Fakturor", "Mobila enheter"],
    "verb": ["krypteras", "granskas", "övervakas", "loggas", "roteras", "säkerhetskopieras",
             "begränsas", "skannas", "testas", "replikeras", "signeras", "inventeras",
             "klassificeras", "isoleras", "revideras", "uppdateras", "verifieras", "bevaras",
             "raderas", "härdas"],
    "manner": ["med AES-256", "varje kvartal", "inom 24 timmar", "av två utvecklare",
               "enbart inom EU", "före varje release", "vid varje ändring", "med hårdvarunycklar",
               "enligt CIS-riktlinjerna", "i ett automatiserat flöde", "minst en gång om året",
               "enligt en skriftlig rutin", "i manipulationssäker lagring", "i separata konton",
               "av en oberoende revisor", "inom 72 timmar", "med minsta möjliga behörighet",
               "med kortlivade behörighetsuppgifter", "via ändringsnämnden", "varje natt"],
    "reason": ["så att en stulen disk inte avslöjar något", "så att misstag upptäcks tidigt",
               "så att kunderna kan kontrollera våra påståenden", "för att begränsa följderna av en incident",
               "för att uppfylla våra avtalsåtaganden", "för att personuppgifter ska stanna inom EU",
               "så att all åtkomst går att spåra", "för att snabbt upptäcka manipulation",
               "så att återställningen är inövad", "för att hålla attackytan liten",
               "eftersom tillsynsmyndigheter förväntar sig det",
               "så att ingen enskild person kan kringgå det"],
    "extra": ["Undantag kräver skriftligt godkännande från säkerhetschefen.",
              "Avvikelser följs upp tills de är åtgärdade.",
              "Resultaten delas med företagskunder på begäran.",
              "Larm går till jourhavande tekniker dygnet runt.",
              "Rutinen ses över efter varje incident.",
              "Underlagen sparas i minst tre år.",
              "Nyanställda lär sig reglerna under sin första vecka.",
              "Konfigurationen lagras som kod och granskas av en kollega.",
              "Avvikelser rapporteras till ledningen varje månad.",
              "Automatiska kontroller stoppar en release som bryter mot regeln."],
    "count": ["för {n} system", "i {n} konton", "sedan {y}", "(ärende SEC-{n})",
              "i {n} av våra tjänster", "efter {n} dagar", "för de {n} personerna i jouren"],
    "bold": ["AES-256", "TLS 1.3", "tvåfaktorsautentisering", "minsta möjliga behörighet",
             "enkel inloggning", "FIDO2-nycklar", "oföränderliga säkerhetskopior", "fyraögonsprincipen",
             "drift inom EU", "signerade ändringar"],
    "title_a": ["Kryptering", "Granskning", "Övervakning", "Loggning", "Rotation", "Säkerhetskopiering",
                "Begränsning", "Skanning", "Testning", "Replikering", "Signering", "Inventering",
                "Klassificering", "Isolering", "Revision", "Uppdatering", "Verifiering", "Bevarande",
                "Radering", "Härdning"],
    "title_b": ["av produktionsdata", "av behörigheter", "av personalens datorer", "av granskningsloggar",
                "av krypteringsnycklar", "av leverantörers åtkomst", "av byggflöden", "av säkerhetskopior",
                "av kundfiler", "av administratörskonton", "av nätverkstrafik", "av API-nycklar",
                "av supportverktyg", "av mobila enheter", "av containeravbildningar", "av identitetsdata"],
    "category": ["Data i vila", "Data under överföring", "Åtkomstkontroll", "Autentisering",
                 "Kontinuitet", "Incidenthantering", "Personalsäkerhet", "Produktsäkerhet",
                 "Leverantörsstyrning", "Säkerhetsdrift", "Datastyrning", "Drift och lagring",
                 "Integritet", "Fysisk säkerhet", "Ändringshantering", "Tillgångsförvaltning"],
}

FRAMEWORKS = ["SOC 2 CC6.1", "SOC 2 CC6.6", "SOC 2 CC7.2", "SOC 2 CC8.1", "ISO 27001 A.5.15",
              "ISO 27001 A.8.24", "ISO 27001 A.8.13", "ISO 27001 A.5.24", "GDPR Art. 32",
              "GDPR Art. 28", "GDPR Art. 33", "NIS2 Art. 21", "DORA Art. 9"]
STATUSES = ["implemented"] * 14 + ["in_progress"] * 3 + ["planned"] * 2 + ["not_applicable"]
ICONS = ["📦", "🔐", "🛡️", "🔑", "🧭", "🚨", "👥", "🧪", "🤝", "📡", "🗂️", "☁️"]


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def date(rng):
    return f"{rng.choice((2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def sentence(rng, words, n):
    """One sentence, varied by the control number `n` and the generator."""
    text = (f"{rng.choice(words['subject'])} {rng.choice(words['verb'])} {rng.choice(words['manner'])} "
            f"{rng.choice(words['reason'])}")
    if rng.random() < 0.5:
        text += " " + rng.choice(words["count"]).format(n=rng.randint(2, 999), y=rng.randint(2016, 2025))
    roll = rng.random()
    if roll < 0.25:
        text += f" (**{rng.choice(words['bold'])}**)"
    elif roll < 0.4:
        text += f", {words['see']} [{words['procedure']} {n}](https://bench.example/p/{n})"
    elif roll < 0.5:
        text += f" {words['in']} `{rng.choice(('eu-north-1', 'eu-central-1', 'prod', 'staging'))}-{n % 97}`"
    return text + "."


def paragraph(rng, words, n, target):
    """Sentences until the text has about `target` bytes (UTF-8)."""
    parts = []
    size = 0
    while size < target - 40:
        part = sentence(rng, words, n) if rng.random() < 0.75 or not parts else rng.choice(words["extra"])
        parts.append(part)
        size += len(part.encode("utf-8")) + 1
    return " ".join(parts)


def folded(text, indent):
    """`text` as the lines of a folded block scalar (>-), wrapped near 100 columns."""
    pad = " " * indent
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > 100 - indent:
            lines.append(pad + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(pad + line)
    return "\n".join(lines)


def localized_block(key, en, sv, indent):
    pad = " " * indent
    return (f"{pad}{key}:\n{pad}  en: >-\n{folded(en, indent + 4)}\n"
            f"{pad}  sv: >-\n{folded(sv, indent + 4)}\n")


# ---------------------------------------------------------------- files

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def site_yaml():
    return """title: {en: Bench Trust Center, sv: Bench Trygghetscenter}
tagline:
  en: "How Bench AB protects the payroll and HR data that employers entrust to us: controls, hosting, sub-processors and AI."
  sv: "Så skyddar Bench AB de löne- och personaluppgifter som arbetsgivare anförtror oss: åtgärder, drift, underbiträden och AI."
base_url: https://trust.bench.example
default_locale: en
locales: [en, sv]
theme: default
updated: auto
company:
  name: Bench AB
  contact: hello@bench.example
  security_contact: security@bench.example
  privacy_contact: privacy@bench.example
security_txt:
  contact: [mailto:security@bench.example]
  expires_after_days: 365
  policy_page: responsible-disclosure
  preferred_languages: [en, sv]
monitoring:
  source: monitoring/status.json
  format: trustsite
  timeout_seconds: 10
  max_age_hours: 168
  on_error: warn
"""


def write_controls(out, rng, controls, per_category):
    """Writes the category files; returns the monitor ids in order."""
    monitors = []
    categories = (controls + per_category - 1) // per_category
    width = len(str(max(categories - 1, 1)))
    n = 0
    for c in range(categories):
        topic = c % len(EN["category"])
        parts = [
            "category:\n"
            f"  order: {c}\n"
            f"  icon: {q(ICONS[c % len(ICONS)])}\n"
            f"  title: {{en: {q(EN['category'][topic] + ' ' + str(c))}, sv: {q(SV['category'][topic] + ' ' + str(c))}}}\n",
            localized_block("summary", paragraph(rng, EN, c, 200), paragraph(rng, SV, c, 200), 2),
            "controls:\n",
        ]
        for _ in range(min(per_category, controls - n)):
            a, b = rng.randrange(len(EN["title_a"])), rng.randrange(len(EN["title_b"]))
            labels = sorted(rng.sample(FRAMEWORKS, rng.randint(1, 4)))
            parts.append(
                f"  - id: control-{n}\n"
                f"    title: {{en: {q(EN['title_a'][a] + ' ' + EN['title_b'][b])}, "
                f"sv: {q(SV['title_a'][a] + ' ' + SV['title_b'][b])}}}\n")
            parts.append(localized_block("description", paragraph(rng, EN, n, 300),
                                         paragraph(rng, SV, n, 300), 4))
            parts.append(f"    status: {rng.choice(STATUSES)}\n    updated: {date(rng)}\n")
            if n % 4 == 0:
                monitors.append(f"check-{n}")
                parts.append(f"    monitor: check-{n}\n")
            parts.append(f"    frameworks: [{', '.join(q(label) for label in labels)}]\n\n")
            n += 1
        write(os.path.join(out, "content", "controls", f"c{c:0{width}d}.yaml"), "".join(parts))
    return monitors


VENDORS = [("northcloud", "Northcloud Hosting"), ("fjordcdn", "Fjord CDN"), ("smsbud", "SMS-Bud"),
           ("helpdeskly", "Helpdeskly"), ("paystream", "Paystream"), ("logvault", "LogVault"),
           ("idbridge", "ID Bridge"), ("mailpost", "Mailpost"), ("modelworks", "Modelworks AI"),
           ("metricsly", "Metricsly"), ("watchtower", "Watchtower MDR"), ("docsign", "DocSign"),
           ("backupberg", "Backupberg"), ("translato", "Translato"), ("calendo", "Calendo"),
           ("searchly", "Searchly"), ("queuebase", "Queuebase"), ("vaultkey", "VaultKey"),
           ("surveyo", "Surveyo"), ("chatdesk", "Chatdesk")]
PLACES = [("EU (Stockholm, Sweden)", "EU (Stockholm, Sverige)"), ("EU (Frankfurt, Germany)", "EU (Frankfurt, Tyskland)"),
          ("Sweden", "Sverige"), ("EU (Ireland)", "EU (Irland)"), ("Finland", "Finland"),
          ("USA, under the EU Standard Contractual Clauses", "USA, enligt EU:s standardavtalsklausuler")]


def subprocessors_yaml(rng):
    parts = ["subprocessors:\n"]
    for i, (sid, name) in enumerate(VENDORS):
        place = PLACES[i % len(PLACES)]
        parts.append(f"  - id: {sid}\n    name: {q(name)}\n")
        parts.append(localized_block("purpose", paragraph(rng, EN, i, 160), paragraph(rng, SV, i, 160), 4))
        parts.append(f"    location: {{en: {q(place[0])}, sv: {q(place[1])}}}\n"
                     f"    website: https://www.{sid}.example\n"
                     f"    dpa: {'in_progress' if i == 10 else 'signed'}\n"
                     f"    since: {2024 + i % 2}-{1 + i % 12:02d}-{1 + i:02d}\n\n")
    parts.append("changes:\n")
    for i in range(12):
        month = 12 - i
        if i == 5:
            head = f"  - date: 2025-{month:02d}-15\n    type: removed\n    subprocessor: sendmail\n    name: Sendmail Cloud\n"
        else:
            kind = "added" if i % 3 == 0 else "updated"
            head = f"  - date: 2025-{month:02d}-15\n    type: {kind}\n    subprocessor: {VENDORS[i][0]}\n"
        parts.append(head)
        parts.append(localized_block("note", paragraph(rng, EN, i, 200), paragraph(rng, SV, i, 200), 4))
        parts.append("\n")
    return "".join(parts)


def ai_yaml(rng):
    titles = [("Receipt scanning", "Kvittotolkning"), ("Support reply drafts", "Svarsutkast i supporten"),
              ("Anomaly detection in payroll runs", "Avvikelsedetektering i lönekörningar")]
    parts = ["disclosures:\n"]
    for i, (en, sv) in enumerate(titles):
        parts.append(f"  - id: ai-{i}\n    title: {{en: {q(en)}, sv: {q(sv)}}}\n")
        parts.append(localized_block("description", paragraph(rng, EN, i, 400), paragraph(rng, SV, i, 400), 4))
        parts.append(f"    status: {('implemented', 'in_progress', 'planned')[i]}\n"
                     f"    provider: modelworks\n    opt_in: {'true' if i != 2 else 'false'}\n")
        for key in ("data_sent", "data_excluded", "human_oversight"):
            parts.append(localized_block(key, paragraph(rng, EN, i, 150), paragraph(rng, SV, i, 150), 4))
        parts.append("    used_for_training: false\n\n")
    return "".join(parts)


PAGES = [("privacy", "Privacy notice", "Integritetsmeddelande"),
         ("responsible-disclosure", "Responsible disclosure", "Ansvarsfullt avslöjande"),
         ("data-processing-agreement", "Data processing agreement", "Personuppgiftsbiträdesavtal"),
         ("incident-response", "Incident response", "Incidenthantering"),
         ("business-continuity", "Business continuity", "Kontinuitetsplanering")]


def page_md(rng, words, title, order, locale):
    head = "Avsnitt" if locale == "sv" else "Section"
    parts = [f"---\ntitle: {q(title)}\ndescription: {q(paragraph(rng, words, order, 120))}\n"
             f"order: {order * 10}\nupdated: {date(rng)}\nmenu: true\n---\n\n",
             paragraph(rng, words, order, 400), "\n\n"]
    for s in range(6):
        parts.append(f"## {head} {s + 1}: {rng.choice(words['title_a'])} {rng.choice(words['title_b'])}\n\n")
        parts.append(paragraph(rng, words, order, 450) + "\n\n")
        if s % 2 == 0:
            for _ in range(3):
                parts.append(f"- {sentence(rng, words, order)}\n")
            parts.append("\n")
        if s == 3:
            parts.append("| Data | Place | Days |\n|---|---|---|\n" if locale == "en"
                         else "| Uppgifter | Plats | Dagar |\n|---|---|---|\n")
            for _ in range(4):
                parts.append(f"| {rng.choice(words['subject'])} | {rng.choice(words['manner'])} | {rng.randint(1, 400)} |\n")
            parts.append("\n")
    return "".join(parts)


def status_json(rng, monitors):
    states = ["passing"] * 8 + ["warning", "failing"]
    items = [{"id": m, "status": rng.choice(states), "checked_at": "2025-12-30T05:30:00Z",
              "detail": f"Automated check {m} ran {rng.randint(1, 500)} assertions"} for m in monitors]
    return json.dumps({"schema": "trustsite-status/v1", "generated_at": "2025-12-30T06:00:00Z",
                       "items": items}, ensure_ascii=False, indent=1) + "\n"


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    out = sys.argv[1]
    controls = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    per_category = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    rng = random.Random(SEED)
    write(os.path.join(out, "site.yaml"), site_yaml())
    monitors = write_controls(out, rng, controls, per_category)
    write(os.path.join(out, "content", "subprocessors.yaml"), subprocessors_yaml(rng))
    write(os.path.join(out, "content", "ai.yaml"), ai_yaml(rng))
    for i, (slug, en, sv) in enumerate(PAGES):
        write(os.path.join(out, "content", "pages", f"{slug}.en.md"), page_md(rng, EN, en, i + 1, "en"))
        write(os.path.join(out, "content", "pages", f"{slug}.sv.md"), page_md(rng, SV, sv, i + 1, "sv"))
    write(os.path.join(out, "monitoring", "status.json"), status_json(rng, monitors))


if __name__ == "__main__":
    main()
