#!/usr/bin/env python3
"""Checks one PDF against the machine-checkable rules of PDF/A-2a and
PDF/UA-1, each named by its rule in veraPDF's validation profiles
(PDF_A/PDFA-2A.xml, PDF_UA/PDFUA-1), and that its structure tree matches
the document. Reads the file only through tools planpress did not write:
qpdf's JSON (objects, decoded streams), poppler's pdftotext and mutool's
outline. Prints TAP lines ("ok - RULE: what", "not ok - RULE: what");
exits 1 when a check fails.

usage: tagged_pdf.py FILE.pdf [--langs OUT.tsv]   (OUT: each element with a /Lang:
its language and text, one a line)
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct
Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote
Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula
Form""".split())
# PDF operators (ISO 32000-1, Annex A)
OPERATORS = set("""b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f*
G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ
TL Tm Tr Ts Tw Tz v w W W* y ' \"""".split())
PAINT = set("S s f F f* B B* b b* sh Do".split())
SHOW = set(["Tj", "TJ", "'", '"'])

failures = 0
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")


def report(rule, what, good, detail=""):
    global failures
    if good:
        print(f"ok - {rule}: {what}")
    else:
        failures += 1
        print(f"not ok - {rule}: {what}" + (f"\n#   {detail}" if detail else ""))


# ---- reading the file ---------------------------------------------------------

def load(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                          "--decode-level=generalized", path, "-"],
                         check=True, capture_output=True).stdout
    objs = {}
    for key, v in json.loads(out)["qpdf"][1].items():
        objs[key[4:] if key.startswith("obj:") else key] = v
    return objs


class Doc:
    def __init__(self, path):
        self.raw = open(path, "rb").read()
        self.objs = load(path)
        self.trailer = self.objs["trailer"]["value"]
        self.catalog = self.get(self.trailer["/Root"])

    def entry(self, ref):
        return self.objs.get(ref, {})

    def get(self, v):
        """The value of a reference (a dictionary, or a stream's dictionary), else v."""
        if isinstance(v, str) and v.endswith(" R"):
            e = self.entry(v)
            return e["value"] if "value" in e else e.get("stream", {}).get("dict", {})
        return v

    def data(self, ref):
        s = self.entry(ref).get("stream", {})
        return base64.b64decode(s.get("data", "")) if "data" in s else b""

    def pages(self):
        out = []

        def walk(ref):
            node = self.get(ref)
            if node.get("/Type") == "/Pages":
                for k in node["/Kids"]:
                    walk(k)
            else:
                out.append((ref, node))
        walk(self.catalog["/Pages"])
        return out


def text_of(v):
    """A JSON string of qpdf: u: text, b: bytes in hex."""
    if v.startswith("u:"):
        return v[2:]
    return bytes.fromhex(v[2:]).decode("latin-1")


# ---- content streams ----------------------------------------------------------

TOKEN = re.compile(rb"""\s*(?:(?P<lit>\()|(?P<hex><[0-9A-Fa-f\s]*>)|(?P<dict><<|>>)|(?P<arr>[\[\]])
    |(?P<name>/[^\s/\[\]()<>{}%]*)|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))|(?P<op>[A-Za-z'"*][A-Za-z0-9'"*]*)
    |(?P<comment>%[^\r\n]*))""", re.X)


def literal(buf, i):
    depth, out = 1, bytearray()
    esc = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while depth:
        c = buf[i]
        i += 1
        if c == 0x5C:
            d = buf[i]
            i += 1
            if d in esc:
                out.append(esc[d])
            elif 0x30 <= d <= 0x37:
                n = d - 0x30
                for _ in range(2):
                    if 0x30 <= buf[i] <= 0x37:
                        n = n * 8 + buf[i] - 0x30
                        i += 1
                out.append(n & 0xFF)
            elif d in (10, 13):
                pass
            else:
                out.append(d)
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                break
        out.append(c)
    return bytes(out), i


def operations(buf):
    """(operator, operands) for each operator of a content stream."""
    stack, ops, i = [[]], [], 0
    while i < len(buf):
        m = TOKEN.match(buf, i)
        if not m or m.end() == i:
            i += 1
            continue
        i = m.end()
        kind = m.lastgroup
        if kind == "lit":
            s, i = literal(buf, i)
            stack[-1].append(s)
        elif kind == "hex":
            h = re.sub(rb"\s", b"", m.group("hex")[1:-1])
            stack[-1].append(bytes.fromhex((h + b"0" * (len(h) % 2)).decode()))
        elif kind in ("dict", "arr"):
            t = m.group(kind)
            if t in (b"<<", b"["):
                stack.append([])
            else:
                items = stack.pop()
                stack[-1].append(items if t == b"]" else {"dict": items})
        elif kind == "name":
            stack[-1].append(m.group("name").decode("latin-1"))
        elif kind == "num":
            stack[-1].append(float(m.group("num")))
        elif kind == "op":
            ops.append((m.group("op").decode(), stack[-1]))
            stack[-1] = []
    return ops


def to_unicode_map(data):
    """code bytes -> text, and the code length, from a ToUnicode CMap."""
    s = data.decode("latin-1")
    m = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", s)
    width = len(m.group(1)) // 2 if m else 2
    table = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", s, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[bytes.fromhex(code)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", s, re.S):
        for lo, hi, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            a, b, u = int(lo, 16), int(hi, 16), int(uni, 16)
            for c in range(a, b + 1):
                table[c.to_bytes(len(lo) // 2, "big")] = chr(u + c - a)
    return table, width


class Page:
    """What one page shows: marked-content sequences, their text, problems."""

    def __init__(self, doc, ref, node):
        self.ref, self.node = ref, node
        self.fonts = {}
        res = doc.get(node.get("/Resources", {}))
        for name, fref in doc.get(res.get("/Font", {})).items():
            font = doc.get(fref)
            tu = font.get("/ToUnicode")
            self.fonts[name] = to_unicode_map(doc.data(tu)) if tu else ({}, 1)
        self.mcid_text = {}     # MCID -> text
        self.artifact_text = []
        self.unmarked = []      # operators outside marked content
        self.nesting = []       # artifact/tagged nesting problems
        self.bad_ops = set()
        self.codes = []         # (font, code) of every glyph shown
        self.device_rgb = False
        contents = node.get("/Contents")
        refs = contents if isinstance(contents, list) else [contents]
        buf = b"".join(doc.data(r) + b"\n" for r in refs if r)
        self.read(operations(buf))

    def decode(self, font, s):
        table, width = self.fonts.get(font, ({}, 1))
        out = []
        for i in range(0, len(s), width):
            code = s[i:i + width]
            self.codes.append((font, code))
            out.append(table.get(code, "\ufffd"))
        return "".join(out)

    def read(self, ops):
        marks = []  # (kind, mcid, actual) open
        font = None
        for op, args in ops:
            if op not in OPERATORS:
                self.bad_ops.add(op)
            if op in ("BDC", "BMC"):
                tag = args[0] if args else ""
                props = args[1]["dict"] if len(args) > 1 and isinstance(args[1], dict) else []
                p = dict(zip(props[::2], props[1::2]))
                kind = "artifact" if tag == "/Artifact" else "tagged" if "/MCID" in p else "span"
                inside = [k for k, _, _ in marks if k != "span"]
                if kind == "artifact" and "tagged" in inside:
                    self.nesting.append("7.1-1")
                if kind == "tagged" and "artifact" in inside:
                    self.nesting.append("7.1-2")
                actual = p.get("/ActualText")
                if isinstance(actual, bytes):
                    actual = (actual[2:].decode("utf-16-be") if actual[:2] == b"\xfe\xff"
                              else actual.decode("latin-1"))
                marks.append((kind, int(p["/MCID"]) if "/MCID" in p else None, actual))
                if kind == "tagged":
                    self.mcid_text.setdefault(marks[-1][1], "")
                    if actual is not None:
                        self.mcid_text[marks[-1][1]] += actual
            elif op == "EMC":
                if marks:
                    marks.pop()
            elif op == "Tf":
                font = args[0][1:] if args else None
                font = "/" + font if font else None
            elif op in ("rg", "RG"):
                self.device_rgb = True
            elif op in ("Td", "TD", "Tm", "T*"):
                enclosing = [m for m in marks if m[0] == "tagged"]
                if enclosing and not any(m[2] is not None for m in marks):
                    self.mcid_text[enclosing[-1][1]] += " "
            if op in SHOW or op in PAINT:
                enclosing = [m for m in marks if m[0] != "span"]
                if not enclosing:
                    self.unmarked.append(op)
            if op in SHOW:
                items = args[-1] if op == "TJ" and args and isinstance(args[-1], list) else args[-1:]
                text = ""
                for it in items:
                    if isinstance(it, bytes):
                        text += self.decode(font, it)
                    elif isinstance(it, float) and it < -200:
                        text += " "
                enclosing = [m for m in marks if m[0] != "span"]
                if enclosing and enclosing[-1][0] == "tagged":
                    mcid = enclosing[-1][1]
                    has_actual = any(m[2] is not None for m in marks)
                    if not has_actual:
                        self.mcid_text[mcid] += text
                elif enclosing:
                    self.artifact_text.append(text)


# ---- the structure tree ---------------------------------------------------------

class Tree:
    def __init__(self, doc):
        self.doc = doc
        root = doc.catalog.get("/StructTreeRoot")
        self.root = doc.get(root) if root else None
        self.rolemap = doc.get(self.root.get("/RoleMap", {})) if self.root else {}
        self.elems = []  # (ref, dict, depth) in tree order
        self.parent_of = {}
        if self.root:
            kids = self.root.get("/K")
            for k in kids if isinstance(kids, list) else [kids]:
                self.walk(k, root, 0)

    def walk(self, ref, parent, depth):
        e = self.doc.get(ref)
        if not isinstance(e, dict) or e.get("/Type") in ("/MCR", "/OBJR"):
            return
        self.elems.append((ref, e, depth))
        self.parent_of[ref] = parent
        kids = e.get("/K", [])
        for k in kids if isinstance(kids, list) else [kids]:
            if isinstance(k, str):
                self.walk(k, ref, depth + 1)

    def role(self, e):
        s = e.get("/S", "")[1:]
        seen = set()
        while s not in STANDARD and ("/" + s) in self.rolemap and s not in seen:
            seen.add(s)
            s = self.rolemap["/" + s][1:]
        return s

    def kid_roles(self, e):
        kids = e.get("/K", [])
        out = []
        for k in kids if isinstance(kids, list) else [kids]:
            if isinstance(k, str):
                d = self.doc.get(k)
                if isinstance(d, dict) and "/S" in d:
                    out.append(self.role(d))
        return out

    def marks(self, e):
        """(page ref, MCID) of an element's own marked content."""
        pg = e.get("/Pg")
        kids = e.get("/K", [])
        out = []
        for k in kids if isinstance(kids, list) else [kids]:
            if isinstance(k, (int, float)):
                out.append((pg, int(k)))
            elif isinstance(k, dict) and k.get("/Type") == "/MCR":
                out.append((k.get("/Pg", pg), int(k["/MCID"])))
        return out

    def text(self, ref, pages):
        """The text of an element and its descendants, in order."""
        e = self.doc.get(ref)
        out = []
        pg = e.get("/Pg")
        kids = e.get("/K", [])
        for k in kids if isinstance(kids, list) else [kids]:
            if isinstance(k, (int, float)):
                out.append(pages[pg].mcid_text.get(int(k), "") if pg in pages else "")
            elif isinstance(k, dict) and k.get("/Type") == "/MCR":
                p = k.get("/Pg", pg)
                out.append(pages[p].mcid_text.get(int(k["/MCID"]), "") if p in pages else "")
            elif isinstance(k, str):
                d = self.doc.get(k)
                if isinstance(d, dict) and "/S" in d:
                    out.append(self.text(k, pages))
        return "".join(out)


# ---- the checks ---------------------------------------------------------------------

def check_file(doc):
    raw = doc.raw
    report("6.1.2-1", "the header is %PDF-1.n and an EOL (PDF/UA 6.1-1)",
           re.match(rb"%PDF-1\.[0-7]\r?\n", raw) is not None)
    second = raw.split(b"\n", 2)[1] if raw.count(b"\n") > 1 else b""
    report("6.1.2-2", "a comment of four bytes above 127 follows the header",
           second.startswith(b"%") and sum(b > 127 for b in second[1:5]) == 4)
    ids = doc.trailer.get("/ID", [])
    report("6.1.3-1", "the trailer has an /ID of two strings",
           len(ids) == 2 and all(len(text_of(i)) == 16 for i in ids), str(ids))
    report("6.1.3-2", "the trailer has no /Encrypt", "/Encrypt" not in doc.trailer)
    report("6.1.3-3", "nothing follows the last %%EOF but an EOL",
           re.search(rb"%%EOF\r?\n?$", raw) is not None)
    filters = set()
    for v in doc.objs.values():
        f = v.get("stream", {}).get("dict", {}).get("/Filter")
        filters.update(f if isinstance(f, list) else [f] if f else [])
    report("6.1.7.2-1", "no LZWDecode or Crypt filter", not filters & {"/LZWDecode", "/Crypt"},
           str(filters))


def xmp_property(root, ns, name):
    return root.findall(f".//{{{ns}}}{name}")


def check_metadata(doc):
    meta = doc.catalog.get("/Metadata")
    md = doc.get(meta) if meta else {}
    report("6.6.2.1-1", "the catalog has an XMP metadata stream (PDF/UA 7.1-8)",
           md.get("/Type") == "/Metadata" and md.get("/Subtype") == "/XML")
    report("6.6.2.1-1", "the metadata stream is not compressed", "/Filter" not in md)
    data = doc.data(meta) if meta else b""
    header = re.match(rb"<\?xpacket ([^?]*)\?>", data)
    report("6.6.2.1-2", "the xpacket header has no bytes attribute",
           header is not None and b"bytes=" not in header.group(1))
    report("6.6.2.1-3", "the xpacket header has no encoding attribute",
           header is not None and b"encoding=" not in header.group(1))
    try:
        text = data.decode("utf-8")
        report("6.6.2.1-5", "the XMP is UTF-8", True)
    except UnicodeDecodeError as e:
        report("6.6.2.1-5", "the XMP is UTF-8", False, str(e))
        return
    try:
        root = ET.fromstring(re.sub(r"<\?xpacket[^?]*\?>", "", text))
        report("6.6.2.1-4", "the XMP is well-formed XML", True)
    except ET.ParseError as e:
        report("6.6.2.1-4", "the XMP is well-formed XML", False, str(e))
        return
    A = "http://www.aiim.org/pdfa/ns/id/"
    UA = "http://www.aiim.org/pdfua/ns/id/"
    DC = "http://purl.org/dc/elements/1.1/"
    part = [e.text for e in xmp_property(root, A, "part")]
    conf = [e.text for e in xmp_property(root, A, "conformance")]
    report("6.6.4-1", "pdfaid identifies the PDF/A part", part == ["2"], str(part))
    report("6.6.4-3", "pdfaid:conformance is A", conf == ["A"], str(conf))
    ua = [e.text for e in xmp_property(root, UA, "part")]
    report("5-1", "pdfuaid identifies PDF/UA (PDF/UA 5-1, 5-2)", ua == ["1"], str(ua))
    title = [e.text for e in root.findall(f".//{{{DC}}}title//*")]
    info = doc.get(doc.trailer.get("/Info", "")) or {}
    info_title = text_of(info["/Title"]) if "/Title" in info else None
    report("7.1-9", "dc:title is the document's title",
           any(t and t == info_title for t in title), f"{title} / {info_title}")
    E = "http://www.aiim.org/pdfa/ns/extension/"
    S = "http://www.aiim.org/pdfa/ns/schema#"
    P = "http://www.aiim.org/pdfa/ns/property#"
    schemas = root.findall(f".//{{{E}}}schemas//{{{S}}}namespaceURI")
    described = [s for s in schemas if s.text == UA]
    report("6.6.2.3.1-1", "pdfuaid is described by an extension schema", bool(described))
    fields = {f"{{{S}}}{n}" for n in ("schema", "namespaceURI", "prefix", "property")}
    props = {f"{{{P}}}{n}" for n in ("name", "valueType", "category", "description")}
    found = {e.tag for e in root.iter()}
    report("6.6.2.3.3-2", "the schema has schema, namespaceURI, prefix and property (-2 … -5)",
           fields <= found)
    report("6.6.2.3.3-7", "its property has name, valueType, category, description (-7 … -10)",
           props <= found)


def check_catalog(doc, pages):
    cat = doc.catalog
    intents = cat.get("/OutputIntents", [])
    rgb = False
    for oi in intents:
        oi = doc.get(oi)
        prof = oi.get("/DestOutputProfile")
        icc = doc.data(prof) if prof else b""
        good = (oi.get("/S") == "/GTS_PDFA1" and len(icc) > 128 and icc[12:16] in (b"mntr", b"prtr")
                and icc[16:20] in (b"RGB ", b"CMYK", b"GRAY") and doc.get(prof).get("/N") == 3)
        rgb = rgb or (good and icc[16:20] == b"RGB ")
        report("6.2.3-1", "a GTS_PDFA1 output intent with a monitor or printer ICC profile", good)
    report("6.2.3-1", "there is an output intent", bool(intents))
    report("6.2.4.3-2", "DeviceRGB is used only under an RGB output intent",
           rgb or not any(p.device_rgb for p in pages.values()))
    report("6.7.2.2-1", "/MarkInfo /Marked is true (PDF/UA 6.2-1)",
           doc.get(cat.get("/MarkInfo", {})).get("/Marked") is True)
    report("7.1-10", "ViewerPreferences /DisplayDocTitle is true",
           doc.get(cat.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is True)
    lang = text_of(cat.get("/Lang", "u:"))
    report("6.7.4-1", "the catalog's /Lang is a language tag (PDF/UA 7.2-29, 7.2-34)",
           LANGUAGE_TAG.fullmatch(lang) is not None, lang)


def check_fonts(doc, pages):
    seen = {}
    for p in pages.values():
        res = doc.get(p.node.get("/Resources", {}))
        for name, ref in doc.get(res.get("/Font", {})).items():
            seen[ref] = doc.get(ref)
    for ref, font in seen.items():
        descendants = font.get("/DescendantFonts", [])
        fd = doc.get(doc.get(descendants[0]).get("/FontDescriptor")) if descendants else \
            doc.get(font.get("/FontDescriptor", {}))
        embedded = any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        report("6.2.11.4.1-1", f"font {font.get('/BaseFont')} is embedded (PDF/UA 7.21.4.1-1)",
               embedded)
        if descendants:
            cid = doc.get(descendants[0])
            report("7.21.3.2-1", f"{font.get('/BaseFont')} has a CIDToGIDMap",
                   cid.get("/Subtype") != "/CIDFontType2" or "/CIDToGIDMap" in cid)
        report("6.2.11.7.2-1", f"{font.get('/BaseFont')} has a ToUnicode map (PDF/UA 7.21.7-1)",
               "/ToUnicode" in font)
    missing, bad = set(), set()
    for p in pages.values():
        for fname, code in p.codes:
            table = p.fonts.get(fname, ({}, 1))[0]
            u = table.get(code)
            if u is None:
                missing.add((fname, code.hex()))
            elif any(ord(c) == 0 or c in "\ufeff\ufffe" for c in u):
                bad.add((fname, code.hex()))
    report("6.2.11.7.2-1", "every code shown maps to Unicode", not missing, str(sorted(missing)[:5]))
    report("6.2.11.7.2-2", "no code maps to U+0000, U+FEFF or U+FFFE (PDF/UA 7.21.7-2)", not bad)


def check_content(pages):
    unmarked = {k: p.unmarked for k, p in pages.items() if p.unmarked}
    report("7.1-3", "every text and path is in marked content, as artifact or tagged",
           not unmarked, str({k: v[:3] for k, v in unmarked.items()}))
    report("7.1-1", "no artifact inside tagged content",
           not any("7.1-1" in p.nesting for p in pages.values()))
    report("7.1-2", "no tagged content inside an artifact",
           not any("7.1-2" in p.nesting for p in pages.values()))
    bad = set().union(*(p.bad_ops for p in pages.values()))
    report("6.2.2-1", "only operators of ISO 32000-1 in content streams", not bad, str(bad))


PARENTS = {"TR": {"Table", "THead", "TBody", "TFoot"}, "THead": {"Table"}, "TBody": {"Table"},
           "TH": {"TR"}, "TD": {"TR"}, "LI": {"L"}, "LBody": {"LI"}, "TOCI": {"TOC"}}
PARENT_RULE = {"TR": "7.2-4", "THead": "7.2-5", "TBody": "7.2-6", "TH": "7.2-8", "TD": "7.2-9",
               "LI": "7.2-17", "LBody": "7.2-18", "TOCI": "7.2-26"}
KIDS = {"Table": ({"TR", "THead", "TBody", "TFoot", "Caption"}, "7.2-3"),
        "TR": ({"TH", "TD"}, "7.2-10"), "L": ({"L", "LI", "Caption"}, "7.2-19"),
        "LI": ({"Lbl", "LBody"}, "7.2-20"), "TOC": ({"TOC", "TOCI", "Caption"}, "7.2-27"),
        "THead": ({"TR"}, "7.2-36"), "TBody": ({"TR"}, "7.2-37")}


def table_rows(tree, e):
    rows = []
    for ref in (e.get("/K") if isinstance(e.get("/K"), list) else [e.get("/K")]):
        d = tree.doc.get(ref) if isinstance(ref, str) else None
        if not isinstance(d, dict):
            continue
        r = tree.role(d)
        if r == "TR":
            rows.append(d)
        elif r in ("THead", "TBody", "TFoot"):
            rows.extend(table_rows(tree, d))
    return rows


def cells(tree, tr):
    out = []
    for ref in (tr.get("/K") if isinstance(tr.get("/K"), list) else [tr.get("/K")]):
        d = tree.doc.get(ref) if isinstance(ref, str) else None
        if isinstance(d, dict) and tree.role(d) in ("TH", "TD"):
            span = d.get("/A", {})
            span = tree.doc.get(span) if isinstance(span, str) else span
            out.append((tree.role(d), int(span.get("/ColSpan", 1)) if isinstance(span, dict) else 1,
                        span.get("/Scope") if isinstance(span, dict) else None, ref))
    return out


FIGURE = re.compile(r"[-+\u2212\u2013]?(\d+([ \u00a0\u202f\u2009]\d{3})*([,.]\d+)?"
                    r"[ \u00a0\u202f]?(%|\u2030|tkr|mkr|kr|st)?)?")


def column_of_figures(texts):
    """Figures in every filled cell, at least one more than a dash."""
    filled = [t for t in texts if t]
    return all(FIGURE.fullmatch(t) for t in filled) and any(re.search(r"\d", t) for t in filled)


def stub_problems(tree, pages, rows, cols):
    """Body rows whose first cell names the row (text before a column of
    figures) must begin with a TH /Scope /Row, and no other body cell is a TH."""
    body = rows[1:]
    text = [[" ".join(tree.text(ref, pages).split()) for _, _, _, ref in row] for row in body]
    group = [len(row) == 1 and cols > 1 for row in body]
    columns = [[t[c] for t, g in zip(text, group) if len(t) > c and (c == 0 or not g)]
               for c in range(cols)]
    stub = cols > 1 and bool(body) and not column_of_figures(columns[0]) and \
        any(column_of_figures(col) for col in columns[1:])
    bad = []
    for row, t, g in zip(body, text, group):
        want_row = stub and not g and bool(t[0])
        first_ok = (row[0][0], row[0][2]) == (("TH", "/Row") if want_row else ("TD", None))
        if not first_ok or any(r == "TH" for r, _, _, _ in row[1:]):
            bad.append((t[0], [(r, s) for r, _, s, _ in row]))
    return bad


def check_tree(doc, tree, pages, page_refs):
    report("6.7.3.3-1", "a structure tree rooted in StructTreeRoot (PDF/UA 7.1-11)",
           tree.root is not None and bool(tree.elems))
    if not tree.root:
        return
    report("7.1-12", "every structure element has /P",
           all("/P" in e for _, e, _ in tree.elems))
    nonstd = {e.get("/S", "")[1:] for _, e, _ in tree.elems} - STANDARD
    report("6.7.3.4-1", "non-standard types are role-mapped to standard ones (PDF/UA 7.1-5)",
           all(tree.role({"/S": "/" + s}) in STANDARD for s in nonstd), str(nonstd))
    report("6.7.3.4-3", "no standard type is remapped (PDF/UA 7.1-7)",
           not any(k[1:] in STANDARD for k in tree.rolemap))
    problems = {}
    for ref, e, _ in tree.elems:
        r = tree.role(e)
        parent = tree.doc.get(tree.parent_of[ref])
        prole = tree.role(parent) if isinstance(parent, dict) and "/S" in parent else None
        if r in PARENTS and prole not in PARENTS[r]:
            problems.setdefault(PARENT_RULE[r], []).append(f"{r} in {prole}")
        if r in KIDS:
            allowed, rule = KIDS[r]
            bad = [k for k in tree.kid_roles(e) if k not in allowed]
            if bad:
                problems.setdefault(rule, []).append(f"{r} holds {bad}")
    for rule in sorted(set(PARENT_RULE.values()) | {v[1] for v in KIDS.values()}):
        report(rule, "tables, lists and tables of contents nest as ISO 32000-1 says",
               rule not in problems, str(problems.get(rule, [])[:3]))
    ragged, no_header, stubs, unscoped = [], [], [], []
    for _, e, _ in tree.elems:
        if tree.role(e) != "Table":
            continue
        rows = [cells(tree, tr) for tr in table_rows(tree, e)]
        widths = {sum(span for _, span, _, _ in row) for row in rows}
        if len(widths) > 1:
            ragged.append(widths)
        cols = max(widths) if widths else 0
        first = rows[0] if rows else []
        if not first or any(r != "TH" for r, _, _, _ in first) or len(first) != cols \
                or any(s != "/Column" for _, _, s, _ in first):
            no_header.append([(r, s) for r, _, s, _ in first])
        stubs.extend(stub_problems(tree, pages, rows, cols))
        unscoped += [r for row in rows for r, _, s, _ in row if r == "TH" and s is None]
    report("7.2-42", "every row of a table has as many columns (with /ColSpan)", not ragged,
           str(ragged[:3]))
    report("7.5-1", "every TH has a /Scope (no Headers/IDs are written)", not unscoped,
           str(len(unscoped)))
    report("7.5-1", "each table's first row is TH cells, /Scope /Column, one per column",
           not no_header, str(no_header[:3]))
    report("7.5-1", "the stub column (text before figures) is TH /Scope /Row in the body rows",
           not stubs, str(stubs[:3]))
    figures = [e for _, e, _ in tree.elems if tree.role(e) == "Figure"]
    report("7.3-1", "every Figure has an /Alt", all(text_of(f.get("/Alt", "u:")).strip()
                                                     for f in figures))
    notes = [e for _, e, _ in tree.elems if tree.role(e) == "Note"]
    ids = [text_of(n["/ID"]) for n in notes if "/ID" in n]
    report("7.9-1", "every Note has an /ID", len(ids) == len(notes))
    report("7.9-2", "the IDs of Notes are unique", len(set(ids)) == len(ids))
    langs = [(text_of(e["/Lang"]), tree.text(ref, pages)) for ref, e, _ in tree.elems if "/Lang" in e]
    report("6.7.4-1", "an element's /Lang is a language tag, on text (PDF/UA 7.2-34)",
           all(LANGUAGE_TAG.fullmatch(lang) and text.strip() for lang, text in langs),
           str(langs[:3]))
    if "--langs" in sys.argv:
        with open(sys.argv[sys.argv.index("--langs") + 1], "w", encoding="utf-8") as out:
            for lang, text in langs:
                out.write(f"{lang}\t{' '.join(text.split())}\n")
    levels = [int(tree.role(e)[1]) for _, e, _ in tree.elems if re.fullmatch(r"H[1-6]", tree.role(e))]
    skips = [(a, b) for a, b in zip([0] + levels, levels) if b > a + 1]
    report("7.4.2-1", "heading levels never skip going down", not skips, str(skips[:3]))
    check_parent_tree(doc, tree, pages, page_refs)


def check_parent_tree(doc, tree, pages, page_refs):
    pt = doc.get(tree.root.get("/ParentTree", {}))
    nums = pt.get("/Nums", [])
    entries = dict(zip(nums[::2], nums[1::2]))
    owner = {}  # (page ref, mcid) -> element ref
    for ref, e, _ in tree.elems:
        for pg, mcid in tree.marks(e):
            owner[(pg, mcid)] = ref
    wrong, keys = [], set()
    for ref in page_refs:
        node = pages[ref].node
        key = node.get("/StructParents")
        if key is None:
            wrong.append(f"page {ref} has no /StructParents")
            continue
        keys.add(key)
        arr = entries.get(key, [])
        arr = doc.get(arr) if isinstance(arr, str) else arr
        for mcid in pages[ref].mcid_text:
            if mcid >= len(arr) or owner.get((ref, mcid)) != arr[mcid]:
                wrong.append(f"page {ref} MCID {mcid}")
    report("7.1-11", "each page's MCIDs lead to the element whose /K holds them (ParentTree)",
           not wrong, str(wrong[:3]))
    report("7.1-11", "/ParentTreeNextKey is above every key",
           tree.root.get("/ParentTreeNextKey", -1) > max(list(entries) + [-1]))
    # links
    objr = {}
    for ref, e, _ in tree.elems:
        for k in (e.get("/K") if isinstance(e.get("/K"), list) else [e.get("/K")]):
            if isinstance(k, dict) and k.get("/Type") == "/OBJR":
                objr[k["/Obj"]] = ref
    untagged, unnamed, flags, tabs = [], [], [], []
    for ref in page_refs:
        node = pages[ref].node
        annots = node.get("/Annots", [])
        if annots and node.get("/Tabs") != "/S":
            tabs.append(ref)
        for a in annots:
            ad = doc.get(a)
            if ad.get("/Subtype") != "/Link":
                continue
            parent = entries.get(ad.get("/StructParent"))
            if objr.get(a) is None or parent != objr.get(a) or \
                    tree.role(doc.get(objr[a])) != "Link":
                untagged.append(a)
            if not text_of(ad.get("/Contents", "u:")).strip():
                unnamed.append(a)
            if int(ad.get("/F", 0)) & 0b100111 != 4:
                flags.append(a)
    report("7.18.3-1", "every page with annotations has /Tabs /S", not tabs, str(tabs[:3]))
    report("7.18.5-1", "every link annotation is in a Link element by an OBJR and /StructParent",
           not untagged, str(untagged[:3]))
    report("7.18.5-2", "every link annotation says what it does in /Contents", not unnamed)
    report("6.3.2-1", "every annotation has /F with Print set and no hidden flag (6.3.2-2)",
           not flags)


# ---- the structure matches the document ------------------------------------------

def outline_titles(doc):
    out = []

    def walk(ref):
        while ref:
            node = doc.get(ref)
            out.append(text_of(node.get("/Title", "u:")))
            if "/First" in node:
                walk(node["/First"])
            ref = node.get("/Next")
    ol = doc.catalog.get("/Outlines")
    if ol and "/First" in doc.get(ol):
        walk(doc.get(ol)["/First"])
    return out


def words(s):
    return re.findall(r"\w+", s)


def check_matches(doc, tree, pages, path):
    headings = ["".join(tree.text(ref, pages).split()) for ref, e, _ in tree.elems
                if re.fullmatch(r"H[1-6]", e.get("/S", "")[1:])]
    outline = ["".join(t.split()) for t in outline_titles(doc)]
    report("structure-1", "the headings of the tree, in order, are the outline",
           not outline or headings == outline,
           f"tree {headings[:4]}… outline {outline[:4]}…")
    figures = [(tree.text(ref, pages), text_of(e.get("/Alt", "u:"))) for ref, e, _ in tree.elems
               if tree.role(e) == "Figure"]
    unnamed = []
    for shown, alt in figures:
        for fig in re.findall(r"\d+(?: \d{3})*(?:,\d+)?(?: ?%)?", shown.replace("\u00a0", " ")):
            f = fig.strip()
            if re.search(r"\d", f) and f not in alt.replace("\u00a0", " ") and f not in ("0 %", "0"):
                unnamed.append(f)
    report("structure-3", "each Figure's /Alt names the figures it shows", not unnamed,
           str(unnamed[:5]))
    tagged = set()
    for p in pages.values():
        for t in p.mcid_text.values():
            tagged.update(words(t))
    for ref, _, depth in tree.elems:
        if depth == 0:
            tagged.update(words(tree.text(ref, pages)))
    artifact = set()
    for p in pages.values():
        for t in p.artifact_text:
            artifact.update(words(t))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    known = tagged | artifact
    loose = [w for w in words(text) if w not in known and  # a footnote's number sticks to its word
             not any(w[:i] in known and w[i:] in known for i in range(1, len(w)))]
    report("structure-4", "every word pdftotext reads (running heads aside) is in the tree's text",
           not loose, str(loose[:8]))
    report("structure-5", "pdftotext joins words the line breaker hyphenated",
           not re.search(r"\w-\n[a-zåäö]", text) or "-" in "".join(loose),
           str(re.findall(r"\w+-\n[a-zåäö]\w*", text)[:5]))


def main():
    path = sys.argv[1]
    doc = Doc(path)
    page_list = doc.pages()
    pages = {ref: Page(doc, ref, node) for ref, node in page_list}
    tree = Tree(doc)
    check_file(doc)
    check_metadata(doc)
    check_catalog(doc, pages)
    check_fonts(doc, pages)
    check_content(pages)
    check_tree(doc, tree, pages, [ref for ref, _ in page_list])
    check_matches(doc, tree, pages, path)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
