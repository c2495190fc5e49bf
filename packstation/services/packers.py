"""The shop's packers: who may pack, under which name, with which badge.

A packer is a name and a badge code (what their badge card's barcode says). Retiring a
packer keeps their name in the history but their badge no longer logs in. The window's
settings and ``packstation packer ...`` call these functions; each change is one
transaction with its event.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from packstation.core import i18n
from packstation.core.commands import command_for
from packstation.core.errors import InputError, NotFoundError
from packstation.db import atomic
from packstation.db.models import Event, Packer
from packstation.db.queries import log_event

# Badge codes print as Code 128 and must survive a US-layout scanner on an AZERTY
# keyboard: letters, digits and a dash.
_BADGE = re.compile(r"^[A-Za-z0-9-]{3,40}$")


@dataclass(frozen=True)
class PackerInfo:
    name: str
    badge: str
    active: bool

    def to_json(self) -> dict:
        return {"name": self.name, "badge": self.badge, "active": self.active}


def _info(packer: Packer) -> PackerInfo:
    return PackerInfo(packer.name, packer.badge, bool(packer.active))


def list_packers(*, include_retired: bool = True) -> list[PackerInfo]:
    query = Packer.select().order_by(Packer.active.desc(), Packer.name)
    if not include_retired:
        query = query.where(Packer.active == True)  # noqa: E712
    return [_info(packer) for packer in query]


def badge_packer(code: str) -> PackerInfo | None:
    """The active packer whose badge this code is, if any."""
    packer = Packer.get_or_none((Packer.badge == code.strip()) & (Packer.active == True))  # noqa: E712
    return _info(packer) if packer is not None else None


def badge_cards(names_or_badges: list[str] | tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(name, badge) of these packers, or of every active one, for their badge cards."""
    if names_or_badges:
        packers = [_find(key) for key in names_or_badges]
    else:
        packers = list(Packer.select().where(Packer.active == True).order_by(Packer.name))  # noqa: E712
    if not packers:
        raise NotFoundError("packers.none")
    return [(packer.name, packer.badge) for packer in packers]


def last_packer(station: str) -> str:
    """Who is logged in at ``station`` as its log says (a restart keeps the packer), or ""."""
    event = (Event.select(Event.kind, Event.packer)
             .where((Event.station == station) & Event.kind.in_(["packer_login", "packer_logout"]))
             .order_by(Event.id.desc()).first())
    if event is None or event.kind != "packer_login" or not event.packer:
        return ""
    packer = Packer.select().where(Packer.name == event.packer).order_by(Packer.active.desc()).first()
    return event.packer if packer is None or packer.active else ""  # a retired one is not


def _free_badge(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Z0-9]", "", folded.upper())[:12] or "PACKER"
    taken = {badge for (badge,) in Packer.select(Packer.badge).tuples()}
    number = 1
    while f"BADGE-{base}{number}" in taken:
        number += 1
    return f"BADGE-{base}{number}"


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InputError("packers.name_needed")
    if len(name) > 100:
        raise InputError("packers.name_too_long")
    return name


def _check_badge(badge: str) -> str:
    badge = badge.strip()
    if not _BADGE.match(badge):
        raise InputError("packers.bad_badge", badge=badge)
    if command_for((badge,)) is not None:
        raise InputError("packers.badge_is_command", badge=badge)
    return badge


def add_packer(name: str, badge: str | None = None, *, station: str = "") -> PackerInfo:
    """A new packer; without a badge code one is made up from the name."""
    name = _check_name(name)
    with atomic():
        if Packer.select().where((Packer.name == name) & (Packer.active == True)).exists():  # noqa: E712
            raise InputError("packers.name_taken", name=name)
        badge = _check_badge(badge) if badge else _free_badge(name)
        if Packer.select().where(Packer.badge == badge).exists():
            raise InputError("packers.badge_taken", badge=badge)
        packer = Packer.create(name=name, badge=badge, active=True)
        log_event("packer_added", station=station, data={"name": name, "badge": badge})
    return _info(packer)


def _find(name_or_badge: str) -> Packer:
    key = name_or_badge.strip()
    packer = (Packer.get_or_none(Packer.badge == key)
              or Packer.select().where(Packer.name == key).order_by(Packer.active.desc()).first())
    if packer is None:
        raise NotFoundError("packers.unknown", name=key)
    return packer


def rename_packer(name_or_badge: str, new_name: str, *, station: str = "") -> PackerInfo:
    new_name = _check_name(new_name)
    with atomic():
        packer = _find(name_or_badge)
        old = packer.name
        packer.name = new_name
        packer.save()
        log_event("packer_renamed", station=station, data={"badge": packer.badge, "from": old,
                                                           "to": new_name})
    return _info(packer)


def retire_packer(name_or_badge: str, *, station: str = "") -> PackerInfo:
    """The badge no longer logs in; the packer's name stays in the history."""
    with atomic():
        packer = _find(name_or_badge)
        packer.active = False
        packer.save()
        log_event("packer_retired", station=station, data={"name": packer.name, "badge": packer.badge})
    return _info(packer)


i18n.register({
    "packers.name_needed": ("Donnez le nom du préparateur.", "Give the packer's name."),
    "packers.name_too_long": ("Nom trop long (100 caractères au plus).", "Name too long (100 characters at most)."),
    "packers.name_taken": ("Un préparateur s'appelle déjà « {name} » : choisissez un autre nom.",
                           "A packer is already called “{name}”: choose another name."),
    "packers.bad_badge": ("Code de badge « {badge} » refusé : de 3 à 40 lettres, chiffres ou tirets.",
                          "Badge code “{badge}” refused: 3 to 40 letters, digits or dashes."),
    "packers.badge_is_command": ("« {badge} » est un code de commande de la station : choisissez un autre "
                                 "code de badge.",
                                 "“{badge}” is one of the station's command codes: choose another badge code."),
    "packers.badge_taken": ("Le badge « {badge} » est déjà attribué : choisissez un autre code.",
                            "Badge “{badge}” is already given: choose another code."),
    "packers.added": ("Préparateur ajouté : {name}, badge {badge}.", "Packer added: {name}, badge {badge}."),
    "packers.renamed": ("Préparateur renommé : {name} (badge {badge}).", "Packer renamed: {name} (badge {badge})."),
    "packers.retired": ("Préparateur retiré : {name} — le badge {badge} ne connecte plus.",
                        "Packer retired: {name} — badge {badge} no longer logs in."),
    "packers.none": ("Aucun préparateur : ajoutez-en avec « packstation packer add NOM ».",
                     "No packers: add some with “packstation packer add NAME”."),
    "packers.unknown": ("Aucun préparateur « {name} » : voyez « packstation packer list ».",
                        "No packer “{name}”: see “packstation packer list”."),
})
