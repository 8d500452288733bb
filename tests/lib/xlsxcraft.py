"""Hand-made .xlsx files for the tests: the XML parts written exactly as given,
so that a test can hold what no library writes (no r attributes, a lying
dimension, phonetic runs, error cells, a DOCTYPE, a 1904 workbook, ...)."""

import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_xml(rows_xml, dimension="A1"):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet {NS}><dimension ref="{dimension}"/><sheetData>{rows_xml}</sheetData></worksheet>')


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def num(ref, v, style=None):
    s = f' s="{style}"' if style is not None else ""
    return f'<c r="{ref}"{s}><v>{v}</v></c>'


def row(n, *cells):
    return f'<row r="{n}">{"".join(cells)}</row>'


def write_xlsx(path, sheets, shared_strings=None, styles=None, date1904=False,
               defined_names="", extra_parts=None, compression=zipfile.ZIP_DEFLATED):
    """sheets: list of (name, sheet xml). shared_strings: the <si> elements."""
    ct = ['<?xml version="1.0" encoding="UTF-8"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    for i in range(len(sheets)):
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    ct.append("</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb_rels = ['<?xml version="1.0" encoding="UTF-8"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    sheet_elems = []
    for i, (name, _) in enumerate(sheets):
        wb_rels.append(f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>')
        sheet_elems.append(f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
    n = len(sheets)
    if shared_strings is not None:
        wb_rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    if styles is not None:
        wb_rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}/styles" Target="styles.xml"/>')
    wb_rels.append("</Relationships>")
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    dn = f"<definedNames>{defined_names}</definedNames>" if defined_names else ""
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}>{pr}<sheets>{"".join(sheet_elems)}</sheets>{dn}</workbook>')
    with zipfile.ZipFile(path, "w", compression) as zf:
        z = _Fixed(zf, compression)
        z.writestr("[Content_Types].xml", "".join(ct))
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", "".join(wb_rels))
        for i, (_, xml) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", xml)
        if shared_strings is not None:
            z.writestr("xl/sharedStrings.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><sst {NS}>{shared_strings}</sst>')
        if styles is not None:
            z.writestr("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}>{styles}</styleSheet>')
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)


class _Fixed:
    """writestr with a fixed time stamp, so that the same call makes the same bytes
    (the golden test hashes outputs that quote the inputs' SHA-256)."""

    def __init__(self, zf, compression):
        self.zf, self.compression = zf, compression

    def writestr(self, name, data):
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = self.compression
        info.external_attr = 0o600 << 16
        self.zf.writestr(info, data)


def styles_with(numfmts, xf_fmt_ids):
    """numfmts: {id: code}; xf_fmt_ids: the numFmtId of each cellXfs entry."""
    nf = "".join(f'<numFmt numFmtId="{i}" formatCode="{c}"/>' for i, c in numfmts.items())
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for i in xf_fmt_ids)
    return (f'<numFmts count="{len(numfmts)}">{nf}</numFmts>'
            '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xf_fmt_ids)}">{xfs}</cellXfs>')


def ole2(payload_names=()):
    """The start of an OLE2 compound file (an .xls or an encrypted .xlsx)."""
    head = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504
    body = b"".join(n.encode("utf-16-le") + b"\0\0" for n in payload_names)
    return head + b"Root Entry".decode().encode("utf-16-le") + body + b"\0" * 512


def _raw_zip(path, members):
    """members: (name, method, crc, uncompressed size, stored bytes), written as they are."""
    import struct
    out, central = bytearray(), bytearray()
    for name, method, crc, usize, data in members:
        n = name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, method, 0, 0x21, crc, len(data), usize, len(n), 0)
        out += n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, method, 0, 0x21, crc, len(data),
                               usize, len(n), 0, 0, 0, 0, 0, offset) + n
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                                 len(out), 0)
    with open(path, "wb") as f:
        f.write(out)


def zip_bomb(path, inflated_mib, lie=False, filler=b" "):
    """A workbook whose one sheet inflates to inflated_mib MiB of spaces from a
    few hundred KiB: the same fully-flushed deflate block, repeated (filler
    repeated to about 1 MiB, inflated_mib times). With lie, its headers claim 4 KiB."""
    import zlib
    head = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>').encode()
    chunk = filler * ((1 << 20) // len(filler))
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head + chunk) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    tail = c.compress(b"</sheetData></worksheet>") + c.flush()
    data = first + block * (inflated_mib - 1) + tail
    crc = zlib.crc32(head + chunk)
    for _ in range(inflated_mib - 1):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b"</sheetData></worksheet>", crc)
    usize = 4096 if lie else len(head) + inflated_mib * len(chunk) + len(b"</sheetData></worksheet>")
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
          '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
          'main+xml"/></Types>').encode()
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>').encode()
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS}><sheets><sheet name="爆弾" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>').encode()
    wrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" '
             'Target="worksheets/sheet1.xml"/></Relationships>').encode()
    members = [(n, 0, zlib.crc32(b), len(b), b) for n, b in (("[Content_Types].xml", ct), ("_rels/.rels", rels),
                                                            ("xl/workbook.xml", wb),
                                                            ("xl/_rels/workbook.xml.rels", wrels))]
    members.append(("xl/worksheets/sheet1.xml", 8, crc, usize, data))
    _raw_zip(path, members)
