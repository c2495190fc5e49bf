"""Every word that documents print, in French and English, and how values are written.

Documents are printed in their own language (``language`` of the data), not in the
language of the window, so texts are always rendered with an explicit language:
``text("doc.slip.title", "en")``. Messages are registered under keys starting with
``doc.``. Dates, times and weights are formatted here, once, for every document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from packstation.core import i18n

i18n.register({
    # Shipping label.
    "doc.label.sender": ("Expéditeur", "Sender"),
    "doc.label.recipient": ("Destinataire", "Ship to"),
    "doc.label.weight": ("Poids", "Weight"),
    "doc.label.parcel": ("Colis", "Parcel"),
    "doc.label.order": ("Commande", "Order"),
    "doc.label.date": ("Date", "Date"),
    "doc.label.phone": ("Tél. {phone}", "Phone {phone}"),
    "doc.label.tracking": ("Suivi", "Tracking"),
    "doc.service.standard": ("Standard", "Standard"),
    "doc.service.express": ("EXPRESS", "EXPRESS"),
    "doc.label.title": ("Étiquettes d'expédition", "Shipping labels"),
    # Packing slip.
    "doc.slip.title": ("Bon de livraison", "Packing slip"),
    "doc.slip.order_date": ("Commande du {date}", "Ordered on {date}"),
    "doc.slip.ship_to": ("Adresse de livraison", "Shipping address"),
    "doc.slip.shipping": ("Expédition", "Shipping"),
    "doc.slip.note": ("Note du client", "Customer note"),
    "doc.picklist.left_out": ("Pas dans ce lot, stock insuffisant : {orders}",
                              "Not in this batch, short of stock: {orders}"),
    "doc.held": ("COMMANDE BLOQUÉE — NE PAS EXPÉDIER", "ORDER ON HOLD — DO NOT SHIP"),
    "doc.slip.returns": ("Retours", "Returns"),
    "doc.slip.service": ("{carrier} — {service}", "{carrier} — {service}"),
    "doc.slip.pickup_point": ("Point relais : {point}", "Relay point: {point}"),
    "doc.slip.total": ("Total : {units}", "Total: {units}"),
    "doc.units.one": ("{count} article", "{count} item"),
    "doc.units.other": ("{count} articles", "{count} items"),
    "doc.page": ("page {page}/{pages}", "page {page}/{pages}"),
    "doc.footer.order": ("Commande {ref}", "Order {ref}"),
    # Table columns.
    "doc.col.bin": ("Emplacement", "Bin"),
    "doc.col.sku": ("Référence", "SKU"),
    "doc.col.item": ("Article", "Item"),
    "doc.col.quantity": ("Qté", "Qty"),
    "doc.col.check": ("Vérifié", "Checked"),
    "doc.col.orders": ("Par commande", "Per order"),
    "doc.col.number": ("N°", "No."),
    "doc.col.tracking": ("N° de suivi", "Tracking number"),
    "doc.col.order": ("Commande", "Order"),
    "doc.col.recipient": ("Destinataire", "Recipient"),
    "doc.col.postcode": ("Code postal", "Postcode"),
    "doc.col.city": ("Ville", "City"),
    "doc.col.country": ("Pays", "Country"),
    "doc.col.weight": ("Poids", "Weight"),
    # Pick list.
    "doc.picklist.title": ("Liste de préparation", "Pick list"),
    "doc.picklist.printed_at": ("Imprimée le {when}", "Printed on {when}"),
    "doc.picklist.orders_heading": ("Commandes à préparer", "Orders to pack"),
    "doc.orders.one": ("{count} commande", "{count} order"),
    "doc.orders.other": ("{count} commandes", "{count} orders"),
    "doc.products.one": ("{count} produit", "{count} product"),
    "doc.products.other": ("{count} produits", "{count} products"),
    # Carrier manifest.
    "doc.manifest.title": ("Bordereau de remise", "Carrier manifest"),
    "doc.manifest.carrier": ("Transporteur : {carrier}", "Carrier: {carrier}"),
    "doc.manifest.pickup": ("Remise le {when}", "Handed over on {when}"),
    "doc.manifest.total_parcels": ("Nombre de colis", "Number of parcels"),
    "doc.manifest.total_weight": ("Poids total", "Total weight"),
    "doc.manifest.sign_shop": ("L'expéditeur", "The shipper"),
    "doc.manifest.sign_driver": ("Le chauffeur", "The driver"),
    "doc.manifest.sign_hint": ("Nom, date et signature", "Name, date and signature"),
    # Product stickers.
    "doc.stickers.title": ("Étiquettes produits", "Product labels"),
    # Command sheet.
    "doc.commands.title": ("Codes de commande", "Command codes"),
    "doc.commands.intro": (
        "Scannez un de ces codes pour agir sans toucher au clavier.",
        "Scan one of these codes to act without touching the keyboard.",
    ),
    # What a document is called in error messages.
    "doc.document.order": ("Commande {ref}", "Order {ref}"),
    "doc.document.product": ("Produit {sku}", "Product {sku}"),
    "doc.document.pick_list": ("Liste de préparation", "Pick list"),
    "doc.document.manifest": ("Bordereau {carrier}", "Manifest {carrier}"),
    "doc.document.command_sheet": ("Feuille des codes de commande", "Command code sheet"),
    # Field names, as error messages name them.
    "doc.field.recipient": ("adresse du destinataire", "recipient address"),
    "doc.field.sender": ("adresse de l'expéditeur", "sender address"),
    "doc.field.order_ref": ("numéro de commande", "order number"),
    "doc.field.tracking": ("numéro de suivi", "tracking number"),
    "doc.field.carrier": ("transporteur", "carrier"),
    "doc.field.shop_name": ("nom de la boutique", "shop name"),
    "doc.field.shop_address": ("adresse de la boutique", "shop address"),
    "doc.field.return_instructions": ("instructions de retour", "return instructions"),
    "doc.field.note": ("note du client", "customer note"),
    "doc.field.pickup_point": ("point relais", "relay point"),
    "doc.field.item_sku": ("référence d'article", "item SKU"),
    "doc.field.item_name": ("nom d'article", "item name"),
    "doc.field.item_bin": ("emplacement d'article", "item bin"),
    "doc.field.product_name": ("nom du produit", "product name"),
    "doc.field.product_sku": ("référence du produit", "product SKU"),
    "doc.field.product_code": ("code-barres du produit", "product barcode"),
    "doc.field.command": ("libellé de commande", "command label"),
    "doc.field.order_lines": ("lignes de la commande", "order lines"),
    "doc.field.logo": ("logo de la boutique", "shop logo"),
    "doc.field.weight": ("poids", "weight"),
    "doc.field.date": ("date", "date"),
    "doc.field.parcel": ("numéro de colis", "parcel number"),
    "doc.field.service": ("service", "service"),
    # Errors.
    "doc.error.unprintable": (
        "{document} : le champ « {field} » contient des caractères que Packstation ne "
        "sait pas imprimer : {characters}. Corrigez le texte ou installez une police "
        "qui les contient.",
        "{document}: the {field} field holds characters that Packstation cannot print: "
        "{characters}. Correct the text or install a font that has them.",
    ),
    "doc.error.does_not_fit": (
        "{document} : le champ « {field} » est trop long pour le document, même écrit en "
        "{size} points. Raccourcissez-le.",
        "{document}: the {field} field is too long for the document, even written in "
        "{size} pt. Shorten it.",
    ),
    "doc.error.barcode_characters": (
        "{document} : le champ « {field} » ne peut pas devenir un code-barres : il "
        "contient {characters}. Seuls les caractères ASCII imprimables sont permis.",
        "{document}: the {field} field cannot become a barcode: it holds "
        "{characters}. Only printable ASCII characters are allowed.",
    ),
    "doc.error.barcode_empty": (
        "{document} : le champ « {field} » est vide, il n'y a pas de code-barres à imprimer.",
        "{document}: the {field} field is empty, there is no barcode to print.",
    ),
    "doc.error.barcode_too_long": (
        "{document} : le champ « {field} » est trop long pour tenir en code-barres lisible "
        "dans la place prévue. Raccourcissez-le.",
        "{document}: the {field} field is too long to fit as a readable barcode in the "
        "space available. Shorten it.",
    ),
    "doc.error.bad_check_digit": (
        "{document} ({name}) : le code {code} a une clé de contrôle fausse (la bonne "
        "clé serait {expected}). Vérifiez le code du produit.",
        "{document} ({name}): the code {code} has a wrong check digit (the right one "
        "would be {expected}). Check the product's code.",
    ),
    "doc.error.bad_image": (
        "{document} : le {field} n'est pas une image PNG ou JPEG lisible.",
        "{document}: the {field} is not a readable PNG or JPEG image.",
    ),
    "doc.error.unknown_layout": (
        "Format inconnu « {layout} » : choisissez parmi {choices}.",
        "Unknown layout \"{layout}\": choose one of {choices}.",
    ),
    "doc.error.no_internal_codes_left": (
        "Plus de codes internes libres avec le préfixe {prefix}.",
        "No free internal codes left with prefix {prefix}.",
    ),
})


def text(key: str, language: str, /, **params: object) -> str:
    """The document text ``key`` in ``language``."""
    return i18n.tr(key, language, **params)


def plural(key: str, count: int, language: str) -> str:
    """``key.one`` or ``key.other`` for ``count``: French uses the singular for 0 and 1."""
    singular = count < 2 if language == "fr" else count == 1
    return i18n.tr(f"{key}.{'one' if singular else 'other'}", language, count=count)


@dataclass(frozen=True)
class LazyText:
    """A message rendered when it is shown, in the language of the reader.

    Error parameters use it: a document in English may fail in front of a French
    packer, whose error message must name the field in French.
    """

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return i18n.tr(self.key, **self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


_ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date, language: str) -> str:
    """``14/03/2025`` in French, ``14 Mar 2025`` in English (never ambiguous)."""
    if language == "fr":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"


def format_time(moment: datetime, language: str) -> str:
    """``15 h 00`` in French, ``15:00`` in English, in the datetime's own time zone."""
    if language == "fr":
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def format_datetime(moment: datetime, language: str) -> str:
    return f"{format_date(moment.date(), language)} {format_time(moment, language)}"


def format_weight(grams: int, language: str) -> str:
    """``850 g`` below a kilogram, else kilograms with two decimals (``1,25 kg``)."""
    if grams < 1000:
        return f"{grams} g"
    kilograms = (Decimal(grams) / 1000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    number = f"{kilograms:.2f}"
    return f"{number.replace('.', ',') if language == 'fr' else number} kg"
