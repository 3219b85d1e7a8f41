"""docker-compose.yml (no Docker engine here, so its promises are checked directly): pinned
images, no working default password, and a restart that deploys the current code."""

from __future__ import annotations

import re
import subprocess

import yaml

from .conftest import REPO

COMPOSE = REPO / "docker-compose.yml"


def load() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_every_image_is_pinned_to_a_version():
    text = COMPOSE.read_text()
    images = re.findall(r"^\s*image:\s*(\S+)", text, flags=re.M)
    assert len(images) >= 3
    for image in images:
        name, _, tag = image.partition(":")
        assert tag and tag != "latest" and re.search(r"\d+\.\d+", tag), image


def test_no_secret_has_a_default_that_would_work_in_production():
    text = COMPOSE.read_text()
    assert "POSTGRES_PASSWORD" in text
    assert not re.search(r"PASSWORD:-", text), "a password must not fall back to a default"
    assert "${POSTGRES_PASSWORD:?" in text, "compose must refuse to start without the password"


def test_a_restart_installs_the_current_code_not_a_stale_copy(tmp_path):
    """Run the install step's copy commands twice (as two container starts would, /tmp/src
    surviving the restart) against a source that changed in between: the second start sees
    the new code, at the same path pip installs from."""
    install = load()["x-install"]
    copy_steps = install.split("&&")[:3]
    assert "rm -rf /tmp/src" in copy_steps[0]
    app, src = tmp_path / "app", tmp_path / "src"
    (app / "property_pipeline").mkdir(parents=True)
    script = " && ".join(copy_steps).replace("/tmp/src", str(src)).replace("/app", str(app))
    for version in ("old", "new"):
        (app / "property_pipeline" / "code.py").write_text(f"VERSION = {version!r}\n")
        subprocess.run(["sh", "-c", script], check=True, timeout=60)
    assert (src / "property_pipeline" / "code.py").read_text() == "VERSION = 'new'\n"
    assert not (src / "app").exists()
