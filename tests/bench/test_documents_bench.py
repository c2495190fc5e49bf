"""Documents speed: labels and slips per second, and ReportLab against WeasyPrint.

Run: python -m pytest tests/bench/test_documents_bench.py -o addopts="" --benchmark-enable -p no:cacheprovider -s
Targets (DESIGN.md): a label and a slip each ready well within 100 ms of the last scan;
a packing slip at least 30 times faster with ReportLab than the same slip written as
HTML and rendered by WeasyPrint (the usual alternative), measured in the same run.
Ratios compare the fastest runs of each, the ones least disturbed by other processes.
"""

from __future__ import annotations

import html
import time

import barcode as python_barcode
import pytest
from barcode.writer import SVGWriter

from packstation.documents import render_labels, render_slips
from packstation.documents.countries import country_name
from packstation.core.paths import resources_dir
from packstation.documents.model import SlipData
from packstation.documents.slips import sorted_lines
from packstation.documents.texts import format_date, plural, text
from tests.documents import samples

RATIO_GOAL = 30
WEASYPRINT_ROUNDS = 15


def slip() -> SlipData:
    return samples.slip(samples.slip_lines(10), recipient=samples.RECIPIENTS["greek"])


def test_labels_per_second(benchmark):
    labels = [samples.label(samples.RECIPIENTS["polish"])]
    render_labels(labels)  # fonts and styles load once per process
    pdf = benchmark(render_labels, labels)
    assert pdf.startswith(b"%PDF")
    benchmark.extra_info["labels_per_second"] = round(1 / benchmark.stats["mean"], 1)
    print(f"\nlabels per second: {1 / benchmark.stats['mean']:.0f}")
    assert benchmark.stats["median"] < 0.1


def test_slips_per_second(benchmark):
    slips = [slip()]
    render_slips(slips)
    benchmark(render_slips, slips)
    benchmark.extra_info["slips_per_second"] = round(1 / benchmark.stats["mean"], 1)
    print(f"\nslips per second: {1 / benchmark.stats['mean']:.0f}")
    assert benchmark.stats["median"] < 0.1


def slip_html(data: SlipData) -> str:
    """The same packing slip as HTML: same texts, fonts, frames, barcode and page numbers."""
    language = data.language
    fonts = resources_dir() / "fonts"
    code = python_barcode.get("code128", data.order_ref, writer=SVGWriter())
    symbol = code.render(writer_options={"module_width": 0.38, "module_height": 13,
                                         "write_text": False}).decode()
    symbol = symbol[symbol.index("<svg"):]
    address = data.recipient
    rows = "".join(
        f"<tr><td class=bin>{html.escape(line.bin)}</td><td>{html.escape(line.sku)}</td>"
        f"<td>{html.escape(line.name)}</td><td class=qty>{line.quantity}</td>"
        f"<td><span class=tick></span></td></tr>"
        for line in sorted_lines(data.lines))
    units = sum(line.quantity for line in data.lines)
    footer = html.escape(f"{text('doc.slip.title', language)} — "
                         f"{text('doc.footer.order', language, ref=data.order_ref)}")
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: Sans; src: url("{(fonts / 'DejaVuSans.ttf').as_uri()}"); }}
@font-face {{ font-family: Sans; font-weight: bold;
             src: url("{(fonts / 'DejaVuSans-Bold.ttf').as_uri()}"); }}
@page {{ size: A4; margin: 15mm 15mm 18mm 15mm;
        @bottom-left {{ content: "{footer}"; font: 8pt Sans; color: #595959; }}
        @bottom-right {{ content: "page " counter(page) "/" counter(pages); font: 8pt Sans; }} }}
body {{ font: 9.5pt Sans; }}
.header {{ display: flex; justify-content: space-between; }}
.right {{ text-align: right; }} h1 {{ font-size: 15pt; margin: 0; }}
.ref {{ font-size: 18pt; font-weight: bold; }} .small {{ font-size: 8pt; color: #595959; }}
.boxes {{ display: flex; gap: 5mm; margin: 5mm 0 4mm; }}
.box {{ border: 1.2pt solid black; padding: 2mm 2.5mm; font-size: 11pt; }}
.note {{ border: 2pt solid black; background: #e0e0e0; padding: 2mm 2.5mm; font: bold 12pt Sans; }}
table {{ width: 100%; border-collapse: collapse; margin-top: 4mm; }}
th {{ background: #e0e0e0; border-bottom: 1.2pt solid black; text-align: left; font-size: 8.5pt; }}
td, th {{ padding: 1.5mm; border-bottom: 0.5pt solid #8c8c8c; }}
.bin {{ font-weight: bold; font-size: 10.5pt; }} .qty {{ font: bold 16pt Sans; text-align: center; }}
.tick {{ display: inline-block; width: 5mm; height: 5mm; border: 1.2pt solid black; }}
</style></head><body>
<div class=header>
  <div><b>{html.escape(data.shop.name)}</b><br><span class=small>{html.escape(data.shop.address.line1)}<br>
  {html.escape(data.shop.address.postcode)} {html.escape(data.shop.address.city)}</span></div>
  <div class=right><h1>{html.escape(text('doc.slip.title', language).upper())}</h1>
  <div class=ref>{html.escape(data.order_ref)}</div>{symbol}<div class=small>
  {html.escape(text('doc.slip.order_date', language, date=format_date(data.order_date.date(), language)))}
  </div></div>
</div>
<div class=boxes>
  <div class=box style="flex: 58"><b>{html.escape(text('doc.slip.ship_to', language))}</b><br>
  <b>{html.escape(address.name)}</b><br>{html.escape(address.line1)}<br>
  {html.escape(address.postcode)} {html.escape(address.city)}<br>{html.escape(address.region)}<br>
  {html.escape(country_name(address.country, language).upper())}</div>
  <div class=box style="flex: 42"><b>{html.escape(text('doc.slip.shipping', language))}</b><br>
  <b>{html.escape(data.carrier_name)}</b><br>{plural('doc.units', units, language)}</div>
</div>
<div class=note>{html.escape(text('doc.slip.note', language).upper())}<br>{html.escape(data.note)}</div>
<table><tr><th>{text('doc.col.bin', language)}</th><th>{text('doc.col.sku', language)}</th>
<th>{text('doc.col.item', language)}</th><th>{text('doc.col.quantity', language)}</th>
<th>{text('doc.col.check', language)}</th></tr>{rows}</table>
<p class=right><b>{html.escape(text('doc.slip.total', language, units=plural('doc.units', units, language)))}</b></p>
<h3>{text('doc.slip.returns', language)}</h3><p>{html.escape(data.shop.return_instructions)}</p>
</body></html>"""


def test_reportlab_slip_against_weasyprint(benchmark):
    weasyprint = pytest.importorskip("weasyprint")
    data = slip()
    document = slip_html(data)
    assert weasyprint.HTML(string=document).write_pdf().startswith(b"%PDF")  # warm up
    render_slips([data])
    weasyprint_times: list[float] = []

    def weasyprint_round() -> tuple[tuple, dict]:
        # Each ReportLab round follows a WeasyPrint one, so that both see the same load
        # from whatever else runs on the machine.
        started = time.perf_counter()
        weasyprint.HTML(string=document).write_pdf()
        weasyprint_times.append(time.perf_counter() - started)
        return ([data],), {}

    benchmark.pedantic(render_slips, setup=weasyprint_round, rounds=WEASYPRINT_ROUNDS)
    ratio = min(weasyprint_times) / benchmark.stats["min"]
    benchmark.extra_info.update({
        "weasyprint_min_seconds": round(min(weasyprint_times), 4),
        "reportlab_min_seconds": round(benchmark.stats["min"], 4),
        "weasyprint_ratio": round(ratio, 1),
        "ratio_goal": RATIO_GOAL,
    })
    print(f"\nslip: ReportLab {benchmark.stats['min'] * 1000:.1f} ms, "
          f"WeasyPrint {min(weasyprint_times) * 1000:.0f} ms: {ratio:.0f}x faster "
          f"(goal {RATIO_GOAL}x)")
    assert ratio >= RATIO_GOAL
