"""Restore the landing files of `samples/real` and `samples/real_unseen` from their origin repositories.

The real sets' landing files are third-party data and are not committed; their labels and
`PROVENANCE.md` are. This script rebuilds every landing file from the row of `PROVENANCE.md`
that names it (origin repository, path, commit, size, sha256 prefix) and refuses any file whose
size or hash differs.

    python samples/restore_real.py                       # clones the three origin repositories (bare) into .cache/
    python samples/restore_real.py --git-dir owner/name=/path/to/repo.git ...   # use existing clones

Rows marked "byte-for-byte copy" are the origin file itself. The others are one JSON value out of a
larger saved file: the description starts with its path (`a[0].b.c`); "(verbatim string)" means
the value is a string written as is (with or without a final newline), otherwise it is written with `json.dumps(indent=2)`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
SETS = ("real", "real_unseen")
ROW = re.compile(
    r"^\| `(?P<landing>[^`]+)` \| (?P<repo>[\w.-]+/[\w.-]+) \| `(?P<path>[^`]+)` \| `(?P<commit>[0-9a-f]+)` "
    r"\| (?P<size>\d+) \| `(?P<sha>[0-9a-f]+)…?` \| (?P<what>.*) \|$"
)
STEP = re.compile(r"\.?([A-Za-z_]\w*)|\[(\d+)\]")


def provenance_rows(set_root: Path) -> list[dict]:
    rows = []
    for line in (set_root / "PROVENANCE.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line.strip())
        if match:
            rows.append(match.groupdict())
    return rows


def json_value(document: object, path: str) -> object:
    """`apn_results[1].search_result.raw_data` applied to a parsed JSON document."""
    value = document
    for key, index in STEP.findall(path):
        value = value[int(index)] if index else value[key]
    return value


def candidates(blob: bytes, what: str):
    """The byte strings the row's description can mean, most likely first."""
    if what.startswith("byte-for-byte"):
        yield blob
        return
    path = re.match(r"`([^`]+)`", what)
    if path is None:
        raise ValueError(f"no JSON path at the start of {what!r}")
    value = json_value(json.loads(blob), path.group(1))
    if isinstance(value, str):
        yield value.encode("utf-8")
        yield (value + "\n").encode("utf-8")
        return
    for ensure_ascii in (True, False):
        text = json.dumps(value, indent=2, ensure_ascii=ensure_ascii)
        yield text.encode("utf-8")
        yield (text + "\n").encode("utf-8")


def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def repository(name: str, given: dict[str, Path], cache: Path) -> Path:
    if name in given:
        return given[name]
    mirror = Path("/work/.mirror") / name.replace("/", "+") / "repo"
    if mirror.exists():
        return mirror
    target = cache / name.replace("/", "+")
    if not target.exists():
        subprocess.run(["git", "clone", "--bare", "--quiet", f"https://github.com/{name}", str(target)], check=True)
    return target


def restore(given: dict[str, Path], cache: Path) -> int:
    problems = 0
    for set_name in SETS:
        root = SAMPLES / set_name
        for row in provenance_rows(root):
            out = root / "landing" / row["landing"]
            git_dir = repository(row["repo"], given, cache)
            blob = git_show(git_dir, row["commit"], row["path"])
            for data in candidates(blob, row["what"]):
                if len(data) == int(row["size"]) and hashlib.sha256(data).hexdigest().startswith(row["sha"]):
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(data)
                    break
            else:
                problems += 1
                print(f"MISMATCH {set_name}/{row['landing']}: no rebuild has {row['size']} bytes and sha256 {row['sha']}")
        print(f"{set_name}: {len(provenance_rows(root))} rows")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--git-dir", action="append", default=[], metavar="OWNER/NAME=PATH")
    parser.add_argument("--cache", type=Path, default=SAMPLES.parent / ".cache" / "real_origins")
    args = parser.parse_args()
    given = dict((name, Path(path)) for name, _, path in (g.partition("=") for g in args.git_dir))
    sys.exit(1 if restore(given, args.cache) else 0)


if __name__ == "__main__":
    main()
