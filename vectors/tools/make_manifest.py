#!/usr/bin/env python3
"""Regenerates vectors/manifest.json from ../shared/vectors/SOURCES.md and the files themselves.

Usage: python3 vectors/tools/make_manifest.py [VECTORS_DIR]   (default: ../shared/vectors beside the repo)

Every file under VECTORS_DIR (except SOURCES.md, the provenance document itself) must appear in a SOURCES.md
table, and its size and SHA-256 there must match the file, or lie in a folder that a SOURCES.md bullet maps from an
upstream folder ("- owner/repo (...), commit SHA, `upstream/` -> `local/`: ..."); such bullets give no size or hash,
so the manifest records the file's own. Otherwise the script stops with an error.
"""
import hashlib
import json
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VECTORS = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "vectors"))


def kind_of(path):
    name = os.path.basename(path)
    if path.startswith("wycheproof/schemas/"):
        return "wycheproof-schema"
    if path.startswith("wycheproof/"):
        return "wycheproof"
    if path.startswith("acvp/"):
        return "acvp-" + name[: -len(".json")]
    return path.split("/")[0]


def set_of(path):
    if path.startswith("acvp/"):
        return os.path.dirname(path)
    return path.rsplit(".", 1)[0]


BULLET_MAP = re.compile(r"^- ([\w.-]+/[\w.-]+)\b.*?commit ([0-9a-f]{40}), (.+?) ->\s*`([^`]+/)`")
BESIDE = re.compile(r"of ([\w.-]+/[\w.-]+) \([^)]*\), commit ([0-9a-f]{40}), `([^`]*/)?([^`./]+)-NN\.\{([^}]*)\}`, copied beside")


def bullet_sets(text):
    """The folder mappings of SOURCES.md's bullets: local folder -> list of (repository, commit, upstream folder,
    licence, predicate on the local file name, upstream name of a local name)."""
    bullets, current = [], None
    for line in text.splitlines():
        if line.startswith("- "):
            current = [line]
            bullets.append(current)
        elif current is not None and line.startswith("  "):
            current.append(line.strip())
        else:
            current = None
    maps = {}
    for b in (" ".join(lines) for lines in bullets):
        m = BULLET_MAP.match(b)
        if not m:
            continue
        repo, commit, upstream, local = m.groups()
        lic = re.search(r"Licen[cs]e: (.*?)\.?$", b)
        licence = lic.group(1).strip() if lic else "see SOURCES.md"
        up = re.match(r"`([^`]*/)`$", upstream.strip())
        up_dir = up.group(1) if up else ""
        entries = maps.setdefault(local, [])
        beside = BESIDE.search(b)
        if beside:
            brepo, bcommit, bdir, stem, exts = beside.groups()
            names = re.compile("^" + re.escape(stem) + r"-\d\d[.-](" + "|".join(re.escape(e) for e in exts.split(",")) + ")$")
            entries.append((brepo, bcommit, bdir or "", licence, names.match,
                            lambda n: re.sub(r"^(\w+-\w+-\d\d)-", r"\1.", n)))
        entries.append((repo, commit, up_dir, licence, lambda n: True, lambda n: n))
    return maps


def main():
    text = open(os.path.join(VECTORS, "SOURCES.md"), encoding="utf-8").read()
    licences = {}
    rows = {}
    section = None
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        m = re.match(r"^- ([\w.-]+/[\w.-]+): licence: (.*)$", line)
        if m:
            licences[m.group(1)] = m.group(2).strip()
        if line.startswith("| ") and not line.startswith("| file ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 8:
                continue
            path, repo, upstream, commit, size, sha, trimmed, notes = cells[:8]
            commit_id, _, commit_label = commit.partition(" ")
            rows[path] = {
                "repository": repo,
                "upstreamPath": upstream,
                "commit": commit_id,
                "commitLabel": commit_label.strip("()") or None,
                "size": int(size),
                "sha256": sha.lower(),
                "trimmed": trimmed != "no",
                "notes": notes or None,
                "section": section,
            }

    on_disk = []
    for root, _, files in os.walk(VECTORS):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), VECTORS).replace(os.sep, "/")
            if rel != "SOURCES.md":
                on_disk.append(rel)
    on_disk.sort()

    errors = []
    for local, mappings in bullet_sets(text).items():
        for rel in on_disk:
            if rel in rows or not rel.startswith(local):
                continue
            name = rel[len(local):]
            for repo, commit, up_dir, licence, accepts, upstream_name in mappings:
                if accepts(name):
                    licences.setdefault(repo, licence)
                    data = open(os.path.join(VECTORS, rel), "rb").read()
                    rows[rel] = {"repository": repo, "upstreamPath": up_dir + upstream_name(name), "commit": commit,
                                 "commitLabel": None, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                                 "trimmed": False, "notes": "folder copy described in SOURCES.md (no per-file row)",
                                 "section": None}
                    break
    missing = sorted(set(on_disk) - set(rows))
    extra = sorted(set(rows) - set(on_disk))
    if missing:
        errors.append("files not in SOURCES.md: " + ", ".join(missing))
    if extra:
        errors.append("SOURCES.md rows without a file: " + ", ".join(extra))

    sets = []
    for rel in on_disk:
        row = rows.get(rel)
        if row is None:
            continue
        data = open(os.path.join(VECTORS, rel), "rb").read()
        sha = hashlib.sha256(data).hexdigest()
        if sha != row["sha256"]:
            errors.append(f"{rel}: SHA-256 {sha} but SOURCES.md says {row['sha256']}")
        if len(data) != row["size"]:
            errors.append(f"{rel}: {len(data)} bytes but SOURCES.md says {row['size']}")
        entry = {
            "id": rel[: -len(".json")] if rel.endswith(".json") else rel,
            "set": set_of(rel),
            "path": rel,
            "kind": kind_of(rel),
            "repository": row["repository"],
            "upstreamPath": row["upstreamPath"],
            "commit": row["commit"],
        }
        if row["commitLabel"]:
            entry["commitLabel"] = row["commitLabel"]
        entry.update({
            "size": len(data),
            "sha256": sha,
            "license": licences.get(row["repository"], "see SOURCES.md"),
        })
        if row["notes"]:
            entry["notes"] = row["notes"]
        sets.append(entry)

    if errors:
        sys.exit("make_manifest: " + "\n".join(errors))

    manifest = {
        "description": "Every upstream test-vector file this project runs. The files are not committed: the loader "
                       "(FintechCrypto.Testing VectorFiles) looks for each path under vectors/upstream/ first, then "
                       "../shared/vectors/ beside the checkout (or $FINTECHCRYPTO_VECTORS), and checks size and SHA-256.",
        "provenance": "../shared/vectors/SOURCES.md (copied from it by vectors/tools/make_manifest.py; SOURCES.md itself is not a vector file)",
        "files": sets,
    }
    out = os.path.join(REPO, "vectors", "manifest.json")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out}: {len(sets)} files, all SHA-256 verified")


if __name__ == "__main__":
    main()
