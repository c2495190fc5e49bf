"""Local stand-ins for the carriers' label services, on 127.0.0.1, in a thread.

Each answers as the service's documentation says (Colissimo SLS: a ``multipart/mixed``
answer with ``<jsonInfos>`` and ``<label>`` parts; Sendcloud: JSON, HTTP Basic auth;
Mondial Relay: SOAP with an MD5 security key) and records every request it receives, so
that a test checks our requests field by field and counts what was bought.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PDF = b"%PDF-1.4\n% a carrier's label\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ZPL = b"^XA^FO50,50^BCN,100,Y,N,N^FD6A12345678901^FS^XZ"


def _cn23() -> bytes:
    """An A4 PDF standing for Colissimo's customs declaration (its text is checked)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    stream = io.BytesIO()
    page = canvas.Canvas(stream, pagesize=A4)
    page.drawString(72, 770, "CN 23 - DECLARATION EN DOUANE / CUSTOMS DECLARATION")
    page.save()
    return stream.getvalue()


CN23 = _cn23()


@dataclass
class Received:
    method: str
    path: str
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body.decode("utf-8"))


@dataclass
class StandIn:
    """A server whose ``answer(received) -> (status, headers, body)`` is the service."""

    answer: object
    received: list = field(default_factory=list)

    def __post_init__(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                received = Received(self.command, self.path, self.headers,  # case-insensitive
                                    self.rfile.read(length))
                stand_in.received.append(received)
                status, headers, body = stand_in.answer(received)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _serve

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Silent:
    """A service that accepts the connection and never answers."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def close(self):
        self.socket.close()


# -- Colissimo SLS ---------------------------------------------------------------------

COLISSIMO_CONTRACT, COLISSIMO_PASSWORD = "123456", "s3cret-Col!ssimo"
BOUNDARY = "uuid:0a1b2c3d-4e5f-6789-abcd-ef0123456789"
OUTSIDE_EU = {"CH", "GB", "NO", "US", "AD"}


def colissimo_multipart(infos: dict, parts: dict[str, bytes] | None = None) -> tuple[dict, bytes]:
    chunks = [f"--{BOUNDARY}\r\nContent-Type: application/json;charset=UTF-8\r\n"
              f"Content-Transfer-Encoding: binary\r\nContent-ID: <jsonInfos>\r\n\r\n".encode()
              + json.dumps(infos).encode() + b"\r\n"]
    for name, content in (parts or {}).items():
        chunks.append(f"--{BOUNDARY}\r\nContent-Type: application/octet-stream\r\n"
                      f"Content-Transfer-Encoding: binary\r\nContent-ID: <{name}>\r\n\r\n".encode()
                      + content + b"\r\n")
    body = b"".join(chunks) + f"--{BOUNDARY}--\r\n".encode()
    headers = {"Content-Type": f'multipart/mixed; boundary="{BOUNDARY}"; '
                               f'start="<jsonInfos>"; type="application/json"'}
    return headers, body


def colissimo_error(identifier: str, text: str) -> tuple[int, dict, bytes]:
    headers, body = colissimo_multipart({
        "messages": [{"id": identifier, "type": "ERROR", "messageContent": text}],
        "labelXmlV2Reponse": None, "labelV2Response": None})
    return 400, headers, body


class ColissimoSLS:
    """``generateLabel`` and ``generateBordereauByParcelsNumbers`` as SLS documents them."""

    def __init__(self):
        self.issued = 0
        self.refuse_with: tuple[str, str] | None = None
        self.cn23 = True   # outside the EU: the declaration as a part of its own
        self.stand_in = StandIn(self.answer)

    def answer(self, received: Received):
        body = received.json()
        if (body.get("contractNumber"), body.get("password")) != (COLISSIMO_CONTRACT, COLISSIMO_PASSWORD):
            return colissimo_error("30000", "Identifiant ou mot de passe incorrect")
        if received.path.endswith("/generateBordereauByParcelsNumbers"):
            numbers = body["generateBordereauParcelNumberList"]["parcelsNumbers"]
            headers, payload = colissimo_multipart(
                {"messages": [{"id": "0", "type": "SUCCESS", "messageContent": "La requête a été traitée avec succès"}],
                 "bordereauHeader": {"bordereauNumber": 42, "numberOfParcels": len(numbers)}},
                {"bordereau": PDF})
            return 200, headers, payload
        assert received.path.endswith("/generateLabel"), received.path
        if self.refuse_with:
            return colissimo_error(*self.refuse_with)
        letter = body["letter"]
        printing = body["outputFormat"]["outputPrintingType"]
        if printing not in ("PDF_10x15_300dpi", "ZPL_10x15_203dpi", "ZPL_10x15_300dpi"):
            return colissimo_error("30005", "Le format d'impression est incorrect")
        country = letter["addressee"]["address"]["countryCode"]
        if country in OUTSIDE_EU and not letter.get("customsDeclarations"):
            return colissimo_error("30400", "La déclaration douanière est obligatoire pour cette destination")
        self.issued += 1
        number = f"6A{12345678900 + self.issued}"
        label = ZPL if printing.startswith("ZPL") else PDF
        documents = {"label": label}
        if country in OUTSIDE_EU and self.cn23:
            documents["cn23"] = CN23
        headers, payload = colissimo_multipart(
            {"messages": [{"id": "0", "type": "INFOS", "messageContent": "La requête a été traitée avec succès",
                           "replacementValues": []}],
             "labelXmlV2Reponse": None,
             "labelV2Response": {"parcelNumber": number, "parcelNumberPartner": "", "pdfUrl": None,
                                 "fields": None}},
            documents)
        return 200, headers, payload

    @property
    def url(self):
        return self.stand_in.url

    @property
    def received(self):
        return self.stand_in.received

    def close(self):
        self.stand_in.close()


# -- Sendcloud -------------------------------------------------------------------------

SENDCLOUD_PUBLIC, SENDCLOUD_SECRET = "pk_live_abc", "sk-Sendcloud-9f8e7d"


class Sendcloud:
    """``POST /parcels`` (request_label) and ``GET /parcels/{id}/documents/label``."""

    def __init__(self):
        self.parcels: dict[int, dict] = {}
        self.fail_downloads = 0
        self.stand_in = StandIn(self.answer)

    def answer(self, received: Received):
        expected = "Basic " + base64.b64encode(f"{SENDCLOUD_PUBLIC}:{SENDCLOUD_SECRET}".encode()).decode()
        if received.headers.get("Authorization") != expected:
            return 401, {"Content-Type": "application/json"}, json.dumps(
                {"error": {"message": "Invalid username/password.", "code": 401,
                           "request": "api/v2/parcels"}}).encode()
        if received.method == "POST" and received.path == "/api/v2/parcels":
            parcel = received.json()["parcel"]
            if not parcel.get("address") or not parcel.get("postal_code"):
                return 400, {"Content-Type": "application/json"}, json.dumps(
                    {"error": {"message": "address: This field may not be blank.", "code": 400,
                               "request": "api/v2/parcels"}}).encode()
            parcel_id = 90000 + len(self.parcels) + 1
            number = f"3SABCD{parcel_id}"
            self.parcels[parcel_id] = parcel
            return 200, {"Content-Type": "application/json"}, json.dumps({"parcel": {
                "id": parcel_id, "tracking_number": number,
                "tracking_url": f"https://tracking.eu-central-1-0.sendcloud.sc/forward?carrier=colissimo&code={number}",
                "status": {"id": 1000, "message": "Ready to send"}, **parcel}}).encode()
        if received.method == "GET" and received.path.startswith("/api/v2/parcels/"):
            if self.fail_downloads:
                self.fail_downloads -= 1
                return 503, {"Content-Type": "text/html"}, b"<html>Service Unavailable</html>"
            wanted = received.headers.get("Accept")
            return 200, {"Content-Type": wanted}, ZPL if wanted == "application/zpl" else PDF
        return 404, {"Content-Type": "application/json"}, b'{"error": {"message": "Not found", "code": 404}}'

    @property
    def url(self):
        return self.stand_in.url + "/api/v2"

    @property
    def received(self):
        return self.stand_in.received

    def close(self):
        self.stand_in.close()


# -- Mondial Relay ---------------------------------------------------------------------

MR_ENSEIGNE, MR_KEY = "BDTEST13", "PrivateK"
MR_NS = "http://www.mondialrelay.fr/webservice/"
MR_ORDER = ("Enseigne ModeCol ModeLiv NDossier NClient Expe_Langage Expe_Ad1 Expe_Ad2 Expe_Ad3 "
            "Expe_Ad4 Expe_Ville Expe_CP Expe_Pays Expe_Tel1 Expe_Tel2 Expe_Mail Dest_Langage "
            "Dest_Ad1 Dest_Ad2 Dest_Ad3 Dest_Ad4 Dest_Ville Dest_CP Dest_Pays Dest_Tel1 Dest_Tel2 "
            "Dest_Mail Poids Longueur Taille NbColis CRT_Valeur CRT_Devise Exp_Valeur Exp_Devise "
            "COL_Rel_Pays COL_Rel LIV_Rel_Pays LIV_Rel TAvisage TReprise Montage TRDV Assurance "
            "Instructions").split()


def mr_result(stat: str, number: str = "", url: str = "") -> bytes:
    extra = (f"<ExpeditionNum>{number}</ExpeditionNum><URL_Etiquette>{url}</URL_Etiquette>"
             if number else "")
    return ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope '
            'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>'
            f'<WSI2_CreationEtiquetteResponse xmlns="{MR_NS}"><WSI2_CreationEtiquetteResult>'
            f"<STAT>{stat}</STAT>{extra}</WSI2_CreationEtiquetteResult>"
            "</WSI2_CreationEtiquetteResponse></soap:Body></soap:Envelope>").encode()


class MondialRelay:
    def __init__(self):
        self.issued = 0
        self.stand_in = StandIn(self.answer)

    @staticmethod
    def fields(received: Received) -> dict[str, str]:
        root = ET.fromstring(received.body)
        call = root.find(f".//{{{MR_NS}}}WSI2_CreationEtiquette")
        return {child.tag.split("}")[1]: child.text or "" for child in call}

    def answer(self, received: Received):
        xml = {"Content-Type": "text/xml; charset=utf-8"}
        if received.method == "GET":
            assert "format=10x15" in received.path, received.path
            return 200, {"Content-Type": "application/pdf"}, PDF
        assert received.headers.get("SOAPAction") == f'"{MR_NS}WSI2_CreationEtiquette"'
        fields = self.fields(received)
        expected = hashlib.md5(("".join(fields.get(name, "") for name in MR_ORDER) + MR_KEY)
                               .encode()).hexdigest().upper()
        if fields.get("Enseigne") != MR_ENSEIGNE:
            return 200, xml, mr_result("1")
        if fields.get("Security") != expected:
            return 200, xml, mr_result("97")
        if fields["ModeLiv"] == "24R" and not fields.get("LIV_Rel"):
            return 200, xml, mr_result("14")
        self.issued += 1
        number = f"{31000000 + self.issued}"
        return 200, xml, mr_result("0", number,
                                   f"/ww2/PDF/StickerMaker2.aspx?ens={MR_ENSEIGNE}&amp;expedition={number}"
                                   "&amp;lg=FR&amp;format=A4&amp;crc=ABCDEF")

    @property
    def url(self):
        return self.stand_in.url + "/Web_Services.asmx"

    @property
    def received(self):
        return self.stand_in.received

    def close(self):
        self.stand_in.close()


# -- Chronopost ------------------------------------------------------------------------

CHRONO_ACCOUNT, CHRONO_PASSWORD = "19869502", "chrono-P4ss"
CHRONO_NS = "http://cxf.shipping.soap.chronopost.fr/"


def chrono_return(inner: str) -> bytes:
    return ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            f'<ns1:shippingMultiParcelV4Response xmlns:ns1="{CHRONO_NS}"><return>{inner}</return>'
            "</ns1:shippingMultiParcelV4Response></soap:Body></soap:Envelope>").encode()


class Chronopost:
    """``shippingMultiParcelV4``: errorCode 0 and resultMultiParcelValue, or errorCode/errorMessage."""

    def __init__(self):
        self.issued = 0
        self.stand_in = StandIn(self.answer)

    @staticmethod
    def call(received):
        root = ET.fromstring(received.body)
        return root.find(f".//{{{CHRONO_NS}}}shippingMultiParcelV4")

    def answer(self, received):
        xml = {"Content-Type": "text/xml;charset=UTF-8"}
        call = self.call(received)
        account = call.findtext("headerValue/accountNumber")
        if (account, call.findtext("password")) != (CHRONO_ACCOUNT, CHRONO_PASSWORD):
            return 200, xml, chrono_return("<errorCode>3</errorCode><errorMessage>Identifiant ou mot "
                                           "de passe invalide</errorMessage>")
        if not call.findtext("recipientValue/recipientZipCode"):
            return 200, xml, chrono_return("<errorCode>21</errorCode><errorMessage>Code postal du "
                                           "destinataire invalide</errorMessage>")
        self.issued += 1
        mode = call.findtext("skybillParamsValue/mode")
        label = ZPL if mode.startswith("ZPL") else PDF
        number = f"XJ{10000000 + self.issued}FR"
        return 200, xml, chrono_return(
            "<errorCode>0</errorCode><errorMessage></errorMessage><resultMultiParcelValue>"
            f"<codeDepot>75999</codeDepot><pdfEtiquette>{base64.b64encode(label).decode()}</pdfEtiquette>"
            f"<skybillNumber>{number}</skybillNumber></resultMultiParcelValue>")

    @property
    def url(self):
        return self.stand_in.url + "/shipping-cxf/ShippingServiceWS"

    @property
    def received(self):
        return self.stand_in.received

    def close(self):
        self.stand_in.close()


# -- GLS ShipIT --------------------------------------------------------------------------

GLS_USER, GLS_PASSWORD, GLS_CONTACT = "2764200001", "gls-S3cret", "276a45fkqM"


class GLS:
    """``POST /rs/shipments``: CreatedShipment with ParcelData and PrintData, or a 4xx
    status with ``error`` and ``message`` headers."""

    def __init__(self):
        self.issued = 0
        self.stand_in = StandIn(self.answer)

    def answer(self, received):
        expected = "Basic " + base64.b64encode(f"{GLS_USER}:{GLS_PASSWORD}".encode()).decode()
        if received.headers.get("Authorization") != expected:
            return 401, {"error": "UNAUTHORIZED", "message": "Unauthorized"}, b""
        assert received.path == "/backend/rs/shipments", received.path
        assert received.headers.get("Content-Type") == "application/glsVersion1+json"
        shipment = received.json()["Shipment"]
        if not shipment["Consignee"]["Address"].get("ZIPCode"):
            return 400, {"error": "INVALID_ZIPCODE", "message": "Invalid ZIP code for country FR"}, b""
        self.issued += 1
        template = received.json()["PrintingOptions"]["ReturnLabels"]["TemplateSet"]
        label = PDF if template == "NONE" else ZPL
        number = f"ZX{70000 + self.issued}"
        return 201, {"Content-Type": "application/glsVersion1+json"}, json.dumps({"CreatedShipment": {
            "ShipmentReference": shipment["ShipmentReference"],
            "ParcelData": [{"TrackID": number, "ParcelNumber": f"2505{self.issued:08d}"}],
            "PrintData": [{"Data": base64.b64encode(label).decode(), "LabelFormat": "PDF"}]}}).encode()

    @property
    def url(self):
        return self.stand_in.url + "/backend"

    @property
    def received(self):
        return self.stand_in.received

    def close(self):
        self.stand_in.close()


# -- DPD France ----------------------------------------------------------------------------

DPD_LOGIN, DPD_PASSWORD, DPD_CUSTOMER = "GeoLabelTestFR", "dpd-Pa55", "250/77/12345"
DPD_NS = "http://www.cargonet.software"


def dpd_fault(text: str) -> bytes:
    return ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            f"<soap:Fault><faultcode>soap:Server</faultcode><faultstring>{text}</faultstring>"
            "</soap:Fault></soap:Body></soap:Envelope>").encode()


class DPDFrance:
    def __init__(self):
        self.issued = 0
        self.stand_in = StandIn(self.answer)

    @staticmethod
    def request(received):
        root = ET.fromstring(received.body)
        return (root.find(f".//{{{DPD_NS}}}UserCredentials"),
                root.find(f".//{{{DPD_NS}}}CreateShipmentWithLabelsBc/{{{DPD_NS}}}request"))

    def answer(self, received):
        xml = {"Content-Type": "text/xml; charset=utf-8"}
        assert received.headers.get("SOAPAction") == f'"{DPD_NS}/CreateShipmentWithLabelsBc"'
        credentials, request = self.request(received)
        ns = f"{{{DPD_NS}}}"
        if (credentials.findtext(ns + "userid"), credentials.findtext(ns + "password")) != (DPD_LOGIN, DPD_PASSWORD):
            return 500, xml, dpd_fault("Authentication failed: invalid userid or password")
        if not request.findtext(f"{ns}receiveraddress/{ns}zipCode"):
            return 500, xml, dpd_fault("The receiver zip code is not valid")
        self.issued += 1
        kind = request.findtext(f"{ns}labelType/{ns}type")
        label = ZPL if kind.startswith("ZPL") else PDF
        number = f"250077{self.issued:08d}"
        return 200, xml, ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
                          f'<CreateShipmentWithLabelsBcResponse xmlns="{DPD_NS}"><CreateShipmentWithLabelsBcResult>'
                          f"<shipments><ShipmentBc><Shipment><BarcodeId>{number}</BarcodeId>"
                          f"<BarCode>%0077{number}</BarCode></Shipment></ShipmentBc></shipments>"
                          f"<labels><Label><type>EPRINT</type><label>{base64.b64encode(label).decode()}</label>"
                          "</Label></labels></CreateShipmentWithLabelsBcResult></CreateShipmentWithLabelsBcResponse>"
                          "</soap:Body></soap:Envelope>").encode()

    @property
    def url(self):
        return self.stand_in.url + "/dpd-eprintwebservice/eprintwebservice.asmx"

    @property
    def received(self):
        return self.stand_in.received

    def close(self):
        self.stand_in.close()
