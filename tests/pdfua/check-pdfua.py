#!/usr/bin/python3
"""check-pdfua.py: the machine-checkable PDF/UA-1 conditions of a board pack.

    check-pdfua.py [--boardpack BIN] [--keep DIR] [--allow-heading-skip] [PDF ...]

With PDF files, checks those (their expected language read from their own
/Lang).  Without, makes the sample programme with BIN (default
$BOARDPACK) and checks its pack in English, Welsh and bilingual, and the
pack of the 2025-04-08 meeting.

Checked (Matterhorn Protocol numbers in brackets):
- every operator that paints or shows text (Tj TJ ' " re f F f* B B* b b*
  S s sh Do; a path's painting operator stands for its construction) is
  inside marked content that is an /Artifact or has an /MCID that the
  structure tree refers to [01-005, 18-001];
- every Figure has /Alt [13-004]; every TH has /Scope [15-003];
- the XMP metadata has pdfuaid:part 1 and dc:title [06-002, 06-003];
- /Tabs /S on every page with annotations [28-008];
- /MarkInfo /Marked true, the document /Lang, and /DisplayDocTitle;
- heading levels never skip one (H1 then H3) [14-003];
- text in another language than the document's says so: a Welsh pack is
  /Lang cy, a bilingual one has English spans with /Lang en-GB [11-001].

Prints the counts it found and exits 1 with one line per failure, naming
the page and the operator.  Needs pikepdf (Debian: python3-pikepdf).
"""

import argparse
import os
import subprocess
import sys
import tempfile

try:
    import pikepdf
except ImportError:
    print("check-pdfua: pikepdf is not installed (Debian: python3-pikepdf; "
          "tools/install-deps.sh installs it)")
    sys.exit(77)

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"re", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do"}
XMP_NS = {
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


class Report:
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.counts = {}

    def fail(self, message):
        self.failures.append(message)

    def count(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n


def walk_structure(pdf, report):
    """The structure elements in document order, and the (page, MCID)
    pairs the tree refers to."""
    root = pdf.Root.get("/StructTreeRoot")
    elements = []
    referenced = set()
    if root is None:
        report.fail("no /StructTreeRoot: the document is not tagged")
        return elements, referenced

    def page_key(page):
        return page.objgen if page is not None else None

    def visit(node, page, depth):
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                elements.append((node, depth))
                page = node.get("/Pg", page)
                kids = node.get("/K")
                if kids is not None:
                    visit(kids, page, depth + 1)
            elif node.get("/Type") == "/MCR":
                referenced.add((page_key(node.get("/Pg", page)), int(node.MCID)))
            # /OBJR: an annotation, not marked content.
        elif isinstance(node, pikepdf.Array):
            for kid in node:
                visit(kid, page, depth)
        elif isinstance(node, int):
            referenced.add((page_key(page), int(node)))

    visit(root.get("/K"), None, 0)
    return elements, referenced


def check_content(pdf, referenced, report):
    """Every painting or text operator is an artifact or tagged content."""
    for number, page in enumerate(pdf.pages, start=1):
        stack = []  # per open BDC/BMC: "artifact", "tagged" or "untagged"
        properties = page.obj.get("/Resources", {}).get("/Properties", {})
        first_bad = None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                kind = "untagged"
                if tag == "/Artifact":
                    kind = "artifact"
                elif op == "BDC":
                    props = operands[1]
                    if isinstance(props, pikepdf.Name):
                        props = properties.get(str(props), {})
                    mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
                    if mcid is not None:
                        if (page.obj.objgen, int(mcid)) in referenced:
                            kind = "tagged"
                        else:
                            report.fail(f"page {number}: {tag} MCID {int(mcid)} is not in the structure tree")
                    if isinstance(props, pikepdf.Dictionary) and "/Lang" in props:
                        report.count("lang." + str(props.Lang))
                stack.append(kind)
                continue
            if op == "EMC":
                if stack:
                    stack.pop()
                else:
                    report.fail(f"page {number}: EMC without BDC/BMC")
                continue
            if op not in TEXT_OPS and op not in PAINT_OPS:
                continue
            group = "text" if op in TEXT_OPS else "paint"
            report.count(group)
            if "artifact" in stack:
                report.count(group + ".artifact")
            elif "tagged" in stack:
                report.count(group + ".tagged")
            else:
                report.count(group + ".neither")
                if first_bad is None:
                    first_bad = op
                report.count(f"neither.page{number}")
        if first_bad is not None:
            n = report.counts[f"neither.page{number}"]
            report.fail(f"page {number}: {n} operator(s) neither tagged nor an artifact "
                        f"(the first: {first_bad})")
        if stack:
            report.fail(f"page {number}: {len(stack)} marked-content sequence(s) not closed")


def attribute_has(element, key):
    attributes = element.get("/A")
    if attributes is None:
        return False
    if isinstance(attributes, pikepdf.Dictionary):
        attributes = [attributes]
    return any(isinstance(a, pikepdf.Dictionary) and key in a for a in attributes)


def check_elements(elements, report, document_lang, expect):
    previous_level = 0
    for element, _ in elements:
        kind = str(element.S)[1:]
        page = element.get("/Pg")
        where = f"{kind} {str(element.get('/T', ''))!r}".rstrip(" ''")
        if kind == "Figure":
            report.count("Figure")
            if not str(element.get("/Alt", "")).strip():
                report.fail(f"Figure without /Alt ({where})")
        elif kind == "TH":
            report.count("TH")
            if not attribute_has(element, "/Scope"):
                report.fail("TH without /A /Scope")
        if len(kind) == 2 and kind[0] == "H" and kind[1] in "123456":
            level = int(kind[1])
            report.count("H")
            if level > previous_level + 1:
                report.fail(f"heading skip: H{previous_level} then H{level} "
                            "(a heading level is left out) [14-003]")
                report.count("heading.skips")
            previous_level = level
        if "/Lang" in element:
            report.count("lang." + str(element.Lang))
    if expect == "bilingual" and report.counts.get("lang.en-GB", 0) == 0:
        report.fail("bilingual pack: no structure element or marked content with /Lang en-GB")


def check_catalog(pdf, report, expect):
    root = pdf.Root
    lang = str(root.get("/Lang", ""))
    if not lang:
        report.fail("no document /Lang")
    want = {"en": "en-GB", "cy": "cy", "bilingual": "cy"}.get(expect)
    if want is not None and lang != want:
        report.fail(f"document /Lang is {lang!r}, expected {want!r}")
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        report.fail("/MarkInfo /Marked is not true")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        report.fail("/ViewerPreferences /DisplayDocTitle is not true")

    if "/Metadata" not in root:
        report.fail("no XMP metadata stream (/Metadata) in the catalog")
    else:
        with pdf.open_metadata() as meta:
            part = meta.get("{%s}part" % XMP_NS["pdfuaid"])
            title = meta.get("{%s}title" % XMP_NS["dc"])
            if str(part) != "1":
                report.fail(f"XMP pdfuaid:part is {part!r}, not 1")
            if not title:
                report.fail("XMP has no dc:title")
            info_title = str(pdf.docinfo.get("/Title", ""))
            if title and info_title and str(title) != info_title:
                report.fail(f"XMP dc:title {str(title)!r} is not /Info /Title {info_title!r}")

    for number, page in enumerate(pdf.pages, start=1):
        if "/Annots" in page.obj and len(page.obj.Annots) > 0:
            report.count("pages.with_annots")
            if page.obj.get("/Tabs") != "/S":
                report.fail(f"page {number}: annotations but no /Tabs /S")
    return lang


def check_file(path, expect=None):
    report = Report(os.path.basename(path))
    with pikepdf.open(path) as pdf:
        lang = check_catalog(pdf, report, expect)
        elements, referenced = walk_structure(pdf, report)
        check_content(pdf, referenced, report)
        check_elements(elements, report, lang, expect)
        report.count("pages", len(pdf.pages))
    return report


def print_report(report, allow_heading_skip):
    c = report.counts
    print(f"{report.name}: {c.get('pages', 0)} pages; "
          f"text operators {c.get('text', 0)} (tagged {c.get('text.tagged', 0)}, "
          f"artifact {c.get('text.artifact', 0)}, neither {c.get('text.neither', 0)}); "
          f"painting operators {c.get('paint', 0)} (tagged {c.get('paint.tagged', 0)}, "
          f"artifact {c.get('paint.artifact', 0)}, neither {c.get('paint.neither', 0)}); "
          f"Figure {c.get('Figure', 0)}, TH {c.get('TH', 0)}, headings {c.get('H', 0)}; "
          + ", ".join(f"/Lang {k[5:]} {v}" for k, v in sorted(c.items()) if k.startswith("lang.")))
    failures = report.failures
    if allow_heading_skip:
        failures = [f for f in failures if not f.startswith("heading skip")]
    shown = 0
    for failure in report.failures:
        tag = "FAIL" if failure in failures else "known"
        if shown < 60:
            print(f"  {tag}: {failure}")
        shown += 1
    if shown > 60:
        print(f"  ... and {shown - 60} more")
    return not failures


def make_packs(boardpack, out):
    sample = os.path.join(out, "sample.boardpack")
    subprocess.run([boardpack, "sample", sample], check=True, stdout=subprocess.DEVNULL)
    packs = []
    for name, args in (("en", ["--language", "en"]), ("cy", ["--language", "cy"]),
                       ("bilingual", ["--language", "bilingual"]),
                       ("en", ["--language", "en", "--meeting", "2025-04-08"])):
        pdf = os.path.join(out, f"pack-{name}{'-2025-04-08' if '--meeting' in args else ''}.pdf")
        subprocess.run([boardpack, "pack", sample, "-o", pdf] + args, check=True,
                       stdout=subprocess.DEVNULL)
        packs.append((pdf, name))
    return packs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--boardpack", default=os.environ.get("BOARDPACK"))
    parser.add_argument("--keep", help="make the packs in this folder and keep them")
    parser.add_argument("--allow-heading-skip", action="store_true",
                        help="report heading skips without failing")
    parser.add_argument("pdfs", nargs="*")
    args = parser.parse_args()

    ok = True
    with tempfile.TemporaryDirectory(prefix="bp-pdfua-") as tmp:
        if args.pdfs:
            packs = [(p, None) for p in args.pdfs]
        else:
            if not args.boardpack:
                parser.error("give --boardpack or set $BOARDPACK")
            out = args.keep or tmp
            os.makedirs(out, exist_ok=True)
            packs = make_packs(args.boardpack, out)
        for path, expect in packs:
            ok &= print_report(check_file(path, expect), args.allow_heading_skip)
    print("PDF/UA checks: " + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
