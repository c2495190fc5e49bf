"""Reading a ``multipart/mixed`` answer (Colissimo's SLS: a JSON part and binary parts),
by Content-ID, without touching the binary bytes."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)


def boundary_of(content_type: str) -> str | None:
    found = _BOUNDARY.search(content_type or "")
    return found.group(1).strip() if found else None


def parts(body: bytes, boundary: str) -> dict[str, tuple[dict[str, str], bytes]]:
    """Content-ID (as written, ``<label>``) -> (headers, content) of each part."""
    delimiter = b"--" + boundary.encode("ascii")
    found: dict[str, tuple[dict[str, str], bytes]] = {}
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk.lstrip(b"\n")
        separator = b"\r\n\r\n" if b"\r\n\r\n" in chunk else b"\n\n"
        head, _, content = chunk.partition(separator)
        if content.endswith(b"\r\n"):
            content = content[:-2]
        elif content.endswith(b"\n"):
            content = content[:-1]
        headers = {}
        for line in head.decode("latin-1").splitlines():
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        found[headers.get("content-id", f"part{len(found)}")] = (headers, content)
    return found
