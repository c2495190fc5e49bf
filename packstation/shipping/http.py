"""One HTTP exchange with a carrier, with a timeout, over the standard library.

Any failure to get an answer (no route, refused, TLS, timeout) becomes
:class:`LabelUnavailable` with a reason that names neither the request body nor a
secret; an HTTP error status is an answer, returned to the carrier module to read.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Mapping

from packstation.shipping.base import DEFAULT_TIMEOUT, LabelUnavailable


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


def exchange(carrier: str, url: str, *, data: bytes | None = None, method: str = "POST",
             headers: Mapping[str, str] | None = None,
             timeout: float | None = None) -> Answer:
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=timeout or DEFAULT_TIMEOUT) as response:
            return Answer(response.status, dict(response.headers.items()), response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, dict(error.headers.items()), error.read())
    except (socket.timeout, TimeoutError):
        raise LabelUnavailable(carrier, f"timeout {timeout or DEFAULT_TIMEOUT:g} s") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise LabelUnavailable(carrier, f"timeout {timeout or DEFAULT_TIMEOUT:g} s") from None
        raise LabelUnavailable(carrier, getattr(reason, "strerror", None) or str(reason)) from None
    except (OSError, ValueError) as error:
        raise LabelUnavailable(carrier, type(error).__name__) from None


def soap_exchange(carrier: str, url: str, envelope: bytes, *, action: str,
                  timeout: float | None = None) -> tuple[Answer, ET.Element]:
    """One SOAP call: the answer and its parsed XML; an answer that is no XML at all
    (a proxy's error page) is the service being unavailable."""
    answer = exchange(carrier, url, data=envelope, timeout=timeout,
                      headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": action})
    try:
        return answer, ET.fromstring(answer.body)
    except ET.ParseError:
        raise LabelUnavailable(carrier, f"HTTP {answer.status}") from None


def xml_elements(element: ET.Element, name: str) -> list[ET.Element]:
    """The elements named ``name`` below ``element``, whatever their namespace."""
    return [child for child in element.iter() if child.tag.rsplit("}", 1)[-1] == name]


def xml_text(element: ET.Element, name: str) -> str:
    """The text of the first element named ``name`` (any namespace), or ""."""
    found = xml_elements(element, name)
    return (found[0].text or "").strip() if found else ""
