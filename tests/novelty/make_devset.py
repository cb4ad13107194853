#!/usr/bin/env python3
"""Builds the labelled development set for the "new information only" feature:
tests/novelty/devset/NNN-slug/{01.eml,02.eml,...,labels.toml} and tests/novelty/devset/README.md.

    python3 tests/novelty/make_devset.py [OUTDIR]   # default: tests/novelty/devset next to this script
    python3 tests/novelty/make_devset.py --check [OUTDIR]

Each sequence is a run of emails from one (fictional) customer to council addresses. Every
message is labelled new = true/false: does it carry new and pertinent information compared with
that sender's earlier messages in the sequence (the council's Managing Customer Contact policy:
"only acknowledging further correspondence where new and pertinent information is presented
which has not previously been considered"). README.md explains the conventions.

All text below is hand-written by the project: synthetic, fictional senders (all domains end in
.example), no real customer data. The script only wraps the text in RFC 5322 messages (CRLF line
ends, MIME, transfer encodings, quoted replies and forwards, tiny generated JPEG/PNG/PDF
attachments), deterministically: running it twice gives byte-identical files. Existing NNN-*
folders in OUTDIR are removed first, so the folder always matches this script. Standard library
only (Python 3.11+ for tomllib).

Writing a message:  s.m(greet=..., paras=[...], close=..., new=..., note=...)
  * a paragraph is a string or a list of sentences; wrap a sentence in N("...") to mark it as
    new in this message (it becomes that message's `novel` list);
  * like=m copies an earlier message's greeting, paragraphs (unmarked) and sign-off;
  * quote=, qstyle= (gmail, gmail_cy, apple, outlook, outlook_cy, original), fwd=, fstyle=,
    inline=, fmt= (plain, html, alt), att=, related=, rfc822=, mangle=, cte=, charset=.
"""
import datetime
import hashlib
import html
import json
import os
import re
import shutil
import struct
import sys
import textwrap
import tomllib
import zlib
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from zoneinfo import ZoneInfo


# ---------------------------------------------------------------------------------------------
# Tiny attachments: PNG, greyscale JPEG, PDF (pure Python, deterministic)
# ---------------------------------------------------------------------------------------------
def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def png(seed, w=16, h=12, level=9, filt=0):
    """A tiny valid RGB PNG whose pixels depend only on seed (level/filt change bytes, not pixels)."""
    rows = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            v = (seed * 2654435761 + (x // 4) * 97 + (y // 4) * 193) & 0xFFFFFF
            row += bytes(((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF))
        if filt == 1:  # Sub filter: same pixels, different bytes
            out = bytearray(row[:3])
            for i in range(3, len(row)):
                out.append((row[i] - row[i - 3]) & 0xFF)
            rows.append(b"\x01" + bytes(out))
        else:
            rows.append(b"\x00" + bytes(row))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), level)) + _chunk(b"IEND", b""))

# Baseline greyscale JPEG, 8x8 blocks of flat grey (DC only): enough for a distinct tiny photo.
_DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
_DC_VALS = list(range(12))

def _codes(bits, vals):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes

def jpeg(greys, bw=2, bh=2, comment=b""):
    """greys: bw*bh grey levels (0..255), one per 8x8 block, row-major."""
    assert len(greys) == bw * bh
    q = 8
    dc = _codes(_DC_BITS, _DC_VALS)
    bits = []
    def put(value, n):
        for i in range(n - 1, -1, -1):
            bits.append((value >> i) & 1)
    pred = 0
    for g in greys:
        coef = round(8 * (g - 128) / q)
        diff = coef - pred
        pred = coef
        mag = abs(diff)
        cat = mag.bit_length()
        code, ln = dc[cat]
        put(code, ln)
        if cat:
            put(diff if diff > 0 else diff + (1 << cat) - 1, cat)
        put(0, 1)  # AC: EOB, code '0' in our one-symbol AC table
    while len(bits) % 8:
        bits.append(1)
    data = bytearray()
    for i in range(0, len(bits), 8):
        b = int("".join(map(str, bits[i:i + 8])), 2)
        data.append(b)
        if b == 0xFF:
            data.append(0)
    def seg(marker, payload):
        return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    if comment:
        out += seg(0xFE, comment)
    out += seg(0xDB, b"\x00" + bytes([q] * 64))
    out += seg(0xC0, b"\x08" + struct.pack(">HH", bh * 8, bw * 8) + b"\x01" + b"\x01\x11\x00")
    out += seg(0xC4, b"\x00" + bytes(_DC_BITS) + bytes(_DC_VALS))
    out += seg(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += bytes(data) + b"\xff\xd9"
    return out

def pdf(lines):
    """A minimal one-page PDF showing lines of ASCII text."""
    text = "BT /F1 11 Tf 56 780 Td 14 TL " + " ".join(
        "(%s) '" % l.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for l in lines) + " ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text.encode()) + text.encode() + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------------------------
LONDON = ZoneInfo("Europe/London")
OUT_POLICY = policy.SMTP  # CRLF line ends


class N(str):
    """A sentence that is new in the message where it is written with N(...)."""


def _items(p):
    return list(p) if isinstance(p, (list, tuple)) else [p]


def ptext(p):
    return " ".join(str(x) for x in _items(p))


def pnovel(p):
    return [str(x) for x in _items(p) if isinstance(x, N)]


def unmark(p):
    return [str(x) for x in p] if isinstance(p, (list, tuple)) else str(p)


WELSH_DAYS = ["Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul"]
WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
                "Hydref", "Tachwedd", "Rhagfyr"]
WELSH_MON = ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"]


def rfcdate(dt):
    return dt.strftime("%a, %d %b %Y %H:%M:%S %z")


def wrap_quote(text, prefix="> ", width=76):
    out = []
    for line in text.split("\n"):
        if line.startswith(">"):
            out.append(">" + line if prefix.startswith(">") else prefix + line)
            continue
        if not line.strip():
            out.append(prefix.rstrip())
            continue
        for w in textwrap.wrap(line, width - len(prefix), break_long_words=False, break_on_hyphens=False):
            out.append(prefix + w)
    return "\n".join(out)


def mangle(text, how):
    if how == "upper":
        return text.upper()
    if how == "lower":
        return text.lower()
    if how == "ws":  # extra blank lines, double spaces, trailing spaces, tabs
        text = text.replace(". ", ".  ").replace("\n\n", "\n \n\n")
        return "\n".join(("  " + l + "   ") if i % 3 == 1 else l for i, l in enumerate(text.split("\n")))
    if how == "punct":  # commas dropped, paragraph-final full stops shouted, apostrophes straightened away
        text = text.replace(",", "").replace("\u2019", "'")
        return re.sub(r"\.(\n|$)", r"!!!\1", text)
    if how == "squash":  # one paragraph: all blank lines removed, lines joined
        return " ".join(l.strip() for l in text.split("\n") if l.strip())
    if how == "nopunct":  # all sentence punctuation dropped, lower case
        return re.sub(r"[.,;:!?]", "", text).lower()
    raise ValueError(how)


class Council:
    """A council reply that the set does not contain, but the customer may quote."""

    def __init__(self, seq, idx, after, days, name, addr, text, quotes=None, hour=14, minute=3, subject=None):
        self.seq, self.name, self.addr, self.text = seq, name, addr, text
        self.date = (after.date + datetime.timedelta(days=days)).replace(hour=hour, minute=minute)
        self.id = "<%s.%s@council.example>" % (hashlib.sha1(("%s/c%d" % (seq.slug, idx)).encode()).hexdigest()[:16], idx)
        self.refs = after.refs + [after.id]
        self.subject = subject or ("RE: " + re.sub(r"^(Re|RE|Fwd|FW): ", "", after.subject))
        self.quotes = quotes  # customer message quoted at the bottom of the reply (nested quoting)
        self.to = "%s <%s>" % (seq.name, seq.addr)
        self.sender = "%s <%s>" % (name, addr)

    def render(self):
        t = self.text
        if self.quotes is not None:
            q = self.quotes
            t += "\n\n" + "On %s, %s wrote:\n" % (q.date.strftime("%d/%m/%Y %H:%M"), q.sender) + wrap_quote(q.render_text())
        return t


class Msg:
    pass


class Seq:
    ALL = []

    def __init__(self, slug, about, name, addr, to, subject, start, lang="en", topic=""):
        self.slug, self.about, self.name, self.addr = slug, about, name, addr
        self.to, self.subject, self.lang, self.topic = to, subject, lang, topic
        self.msgs, self.councils = [], []
        self.t = datetime.datetime.strptime(start, "%Y-%m-%d %H:%M").replace(tzinfo=LONDON)
        Seq.ALL.append(self)

    def council(self, after, days, name, addr, text, **kw):
        c = Council(self, len(self.councils) + 1, after, days, name, addr, text, **kw)
        self.councils.append(c)
        return c

    def m(self, like=None, days=1, hour=None, minute=None, **kw):
        m = Msg()
        m.seq = self
        base = {}
        if like is not None:
            base = dict(greet=like.greet, paras=[unmark(p) for p in like.paras], close=like.close, sig=like.sig)
        m.greet = kw.pop("greet", base.get("greet"))
        m.paras = kw.pop("paras", base.get("paras", []))
        m.close = kw.pop("close", base.get("close"))
        m.sig = kw.pop("sig", base.get("sig"))
        m.pre = kw.pop("pre", [])
        m.post = kw.pop("post", [])
        m.top = kw.pop("top", [])  # paragraphs above the greeting (e.g. a note on a forward)
        order = kw.pop("order", None)
        if order:
            m.paras = [m.paras[i] for i in order]
        m.quote = kw.pop("quote", None)  # Council or Msg to quote below the text
        m.qstyle = kw.pop("qstyle", "gmail")
        m.quote_top = kw.pop("quote_top", False)  # bottom-posting: quote first, text below
        m.inline = kw.pop("inline", None)  # list of (quoted_text, reply_paragraphs) for interleaved replies
        m.fwd = kw.pop("fwd", None)
        m.fstyle = kw.pop("fstyle", "gmail")
        m.fmt = kw.pop("fmt", "plain")  # plain | html | alt
        m.cte = kw.pop("cte", None)
        m.charset = kw.pop("charset", "utf-8")
        m.att = kw.pop("att", [])  # (filename, mime, bytes)
        m.related = kw.pop("related", [])  # (cid, filename, mime, bytes) inline images in html
        m.rfc822 = kw.pop("rfc822", None)  # earlier Msg attached as message/rfc822
        m.mangle = kw.pop("mangle", [])
        m.new = kw.pop("new")
        m.note = kw.pop("note")
        m.novel_att = kw.pop("novel_att", [])
        m.reply_to = kw.pop("reply_to", None)
        m.to = kw.pop("to", self.to)
        m.cc = kw.pop("cc", None)
        subj = kw.pop("subject", None)
        m.xmailer = kw.pop("mailer", None)
        assert not kw, kw
        last = self.msgs[-1].date if self.msgs else None
        if self.msgs or m.reply_to:
            prev = max([x.date for x in self.msgs] + [c.date for c in self.councils] + [self.t])
            d = prev + datetime.timedelta(days=days)
            d = d.replace(hour=hour if hour is not None else (8 + (len(self.msgs) * 5) % 14),
                          minute=minute if minute is not None else (len(self.msgs) * 17 + 4) % 60)
            if d <= prev:
                d = prev + datetime.timedelta(minutes=37)
        else:
            d = self.t
        m.date = d
        if last is not None:
            assert m.date > last
        m.file = "%02d.eml" % (len(self.msgs) + 1)
        h = hashlib.sha1(("%s/%s" % (self.slug, m.file)).encode()).hexdigest()
        m.id = "<%s.%s@%s>" % (h[:12], h[12:20], self.addr.split("@")[1])
        if m.reply_to is not None:
            m.refs = m.reply_to.refs + [m.reply_to.id]
        else:
            m.refs = []
        if subj is None:
            if m.fwd is not None:
                subj = "Fwd: " + re.sub(r"^(Re|RE|Fwd): ", "", m.fwd.subject)
            elif m.reply_to is not None:
                subj = "Re: " + re.sub(r"^(Re|RE|Fwd|FW): ", "", m.reply_to.subject)
            else:
                subj = self.subject
        m.subject = subj
        m.sender = "%s <%s>" % (self.name, self.addr)
        m.render_text = lambda m=m: render_text(m)
        self.msgs.append(m)
        return m


def own_paras(m):
    return [x for x in [*m.top] + [m.greet] + [*m.pre, *m.paras, *m.post] + [m.close, m.sig] if x]


def own_text(m):
    t = "\n\n".join(ptext(p) for p in own_paras(m))
    for how in m.mangle:
        t = mangle(t, how)
    return t


def novel_of(m):
    out = []
    for p in own_paras(m):
        out += pnovel(p)
    for q, replies in (m.inline or []):
        for p in replies:
            out += pnovel(p)
    return out


def quote_header(m, q, style):
    if isinstance(q, Council):
        who, when, subj, to = q.sender, q.date, q.subject, q.to
    else:
        who, when, subj, to = q.sender, q.date, q.subject, q.to
    if style == "gmail":
        return "On %s at %s, %s wrote:" % (when.strftime("%a, %-d %b %Y"), when.strftime("%H:%M"), who)
    if style == "gmail_cy":
        return "Ar ddydd %s, %d %s %d am %s, %s ysgrifennodd:" % (
            WELSH_DAYS[when.weekday()], when.day, WELSH_MON[when.month - 1], when.year, when.strftime("%H:%M"), who)
    if style == "apple":
        return "On %s, at %s, %s wrote:" % (when.strftime("%-d %b %Y"), when.strftime("%H:%M"), who)
    if style == "outlook":
        return "________________________________\nFrom: %s\nSent: %s\nTo: %s\nSubject: %s" % (
            who, when.strftime("%d %B %Y %H:%M"), to, subj)
    if style == "outlook_cy":
        return "________________________________\nOddi wrth: %s\nAnfonwyd: %d %s %d %s\nAt: %s\nPwnc: %s" % (
            who, when.day, WELSH_MONTHS[when.month - 1], when.year, when.strftime("%H:%M"), to, subj)
    if style == "original":
        return "-----Original Message-----\nFrom: %s\nSent: %s\nTo: %s\nSubject: %s" % (
            who, when.strftime("%A, %B %-d, %Y %-I:%M %p"), to, subj)
    raise ValueError(style)


def quoted_body(q):
    return q.render() if isinstance(q, Council) else render_text(q)


def quote_block(m, q, style):
    hdr = quote_header(m, q, style)
    body = quoted_body(q)
    if style in ("outlook", "outlook_cy", "original"):
        return hdr + "\n\n" + body
    return hdr + "\n\n" + wrap_quote(body) if style == "apple" else hdr + "\n" + wrap_quote(body)


def fwd_block(m, f, style):
    if style == "gmail":
        hdr = "---------- Forwarded message ---------\nFrom: %s\nDate: %s\nSubject: %s\nTo: <%s>\n\n" % (
            f.sender, f.date.strftime("%a, %-d %b %Y at %H:%M"), f.subject, f.to)
    elif style == "gmail_cy":
        hdr = "---------- Neges wedi'i hanfon ymlaen ---------\nOddi wrth: %s\nDyddiad: %s, %d %s %d am %s\nPwnc: %s\nAt: <%s>\n\n" % (
            f.sender, WELSH_DAYS[f.date.weekday()], f.date.day, WELSH_MON[f.date.month - 1], f.date.year,
            f.date.strftime("%H:%M"), f.subject, f.to)
    elif style == "outlook":
        hdr = "________________________________\nFrom: %s\nSent: %s\nTo: %s\nSubject: %s\n" % (
            f.sender, f.date.strftime("%d %B %Y %H:%M"), f.to, f.subject)
    elif style == "apple":
        hdr = "Begin forwarded message:\n\nFrom: %s\nSubject: %s\nDate: %s\nTo: %s\n" % (
            f.sender, f.subject, f.date.strftime("%-d %B %Y at %H:%M:%S %Z"), f.to)
    else:
        raise ValueError(style)
    return hdr + "\n" + render_text(f)


def render_text(m):
    t = own_text(m)
    if m.inline:
        blocks = []
        if t:
            blocks.append(t)
        for q, replies in m.inline:
            blocks.append(wrap_quote(q))
            blocks.append("\n\n".join(ptext(p) for p in replies))
        t = "\n\n".join(blocks)
    if m.quote is not None:
        qb = quote_block(m, m.quote, m.qstyle)
        t = (qb + "\n\n" + t) if m.quote_top else (t + "\n\n" + qb)
    if m.fwd is not None:
        t = (t + "\n\n" if t else "") + fwd_block(m, m.fwd, m.fstyle)
    return t


# --- HTML -----------------------------------------------------------------------------------------
def h(s):
    return html.escape(s, quote=False)


def html_paras(text):
    out = []
    for para in text.split("\n\n"):
        if para.strip():
            out.append("<div>%s</div>" % "<br>\n".join(h(l) for l in para.split("\n")))
        else:
            out.append("<div><br></div>")
    return "\n<div><br></div>\n".join(out)


def html_quote_body(q):
    if isinstance(q, Council):
        return html_paras(q.render())
    return render_html_inner(q)


def render_html_inner(m):
    parts = [html_paras(own_text(m))] if own_text(m) else []
    if m.inline:
        for q, replies in m.inline:
            parts.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">%s</blockquote>' % html_paras(q))
            parts.append(html_paras("\n\n".join(ptext(p) for p in replies)))
    for cid, fn, mime, data in m.related:
        parts.append('<div><img src="cid:%s" alt="%s" width="320"></div>' % (cid, h(fn)))
    if m.quote is not None:
        q = m.quote
        if m.qstyle in ("outlook", "outlook_cy", "original"):
            hdr = quote_header(m, q, m.qstyle).split("\n")
            hdr = [l for l in hdr if not l.startswith("____")]
            qb = ('<hr style="display:inline-block;width:98%%">\n<div id="divRplyFwdMsg" dir="ltr">%s</div>\n<div>%s</div>'
                  % ("<br>\n".join(h(l) for l in hdr), html_quote_body(q)))
        else:
            qb = ('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">%s<br></div>\n'
                  '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">\n%s\n</blockquote></div>'
                  % (h(quote_header(m, q, m.qstyle)), html_quote_body(q)))
        if m.quote_top:
            parts.insert(0, qb)
        else:
            parts.append(qb)
    if m.fwd is not None:
        f = m.fwd
        fb = fwd_block(m, f, m.fstyle)
        hdr = fb[: fb.index("\n\n")]
        parts.append('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">%s<br></div><br>\n%s</div>'
                     % ("<br>\n".join(h(l) for l in hdr.split("\n")), render_html_inner(f)))
    return "\n<div><br></div>\n".join(parts)


def render_html(m):
    return ('<html>\n<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
            '<body>\n<div dir="ltr">\n%s\n</div>\n</body>\n</html>\n' % render_html_inner(m))


# --- MIME ----------------------------------------------------------------------------------------
def build(m):
    e = EmailMessage(policy=policy.default)
    e["From"] = m.sender
    e["To"] = m.to
    if m.cc:
        e["Cc"] = m.cc
    e["Subject"] = m.subject
    e["Date"] = rfcdate(m.date)
    e["Message-ID"] = m.id
    if m.reply_to is not None:
        e["In-Reply-To"] = m.reply_to.id
        e["References"] = " ".join(m.refs)
    if m.xmailer:
        e["X-Mailer"] = m.xmailer
    text = render_text(m)
    kw = {}
    if m.cte:
        kw["cte"] = m.cte
    if m.fmt == "plain":
        e.set_content(text + "\n", charset=m.charset, **kw)
    elif m.fmt == "html":
        e.set_content(render_html(m), subtype="html", charset=m.charset, **kw)
    elif m.fmt == "alt":
        e.set_content(text + "\n", charset=m.charset, **kw)
        e.add_alternative(render_html(m), subtype="html", charset=m.charset, **kw)
    else:
        raise ValueError(m.fmt)
    if m.related:
        hp = e.get_body(("html",))
        for cid, fn, mime, data in m.related:
            mt, st = mime.split("/")
            hp.add_related(data, mt, st, cid="<%s>" % cid, filename=fn, disposition="inline")
    for fn, mime, data in m.att:
        mt, st = mime.split("/")
        e.add_attachment(data, mt, st, filename=fn)
    if m.rfc822 is not None:
        e.add_attachment(build(m.rfc822), filename=(m.rfc822.subject + ".eml"))
    # deterministic boundaries; no MIME-Version on sub-parts
    for i, part in enumerate(e.walk()):
        if part is not e and "MIME-Version" in part and part.get_content_type() != "message/rfc822":
            del part["MIME-Version"]
        if part.is_multipart():
            part.set_boundary("=_%s_%d" % (hashlib.sha1((m.id + str(i)).encode()).hexdigest()[:20], i))
    return e


def body_texts(e):
    """Decoded text of the sender's message: text/plain and text/html parts that are not attachments
    (not descending into attached messages)."""
    out = []
    def walk(p):
        if p.get_content_maintype() == "multipart":
            for s in p.iter_parts():
                walk(s)
        elif p.get_content_type() in ("text/plain", "text/html") and not p.is_attachment():
            out.append(p.get_content())
    walk(e)
    return out


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Sequences
# ---------------------------------------------------------------------------------------------
JPG, PNG, PDF = "image/jpeg", "image/png", "application/pdf"


def photo(n):
    """A distinct tiny JPEG 'photo' for each n."""
    return jpeg([(n * 53 + k * 71 + 17) % 256 for k in range(4)])


def picture(n, **kw):
    return png(n, **kw)


EN_FILLER = {
    "wait": "I am still waiting for a reply.",
    "noacc": "I do not accept this.",
    "said": "As I said before, this is not good enough.",
    "respond": "Please respond.",
    "fifth": "This is my fifth email about this.",
    "ten": "I expect a reply within 10 days.",
}
CY_FILLER = {
    "wait": "Rwy'n dal i aros am ateb.",
    "noacc": "Nid wyf yn derbyn hyn.",
    "said": "Fel y dywedais o'r blaen, nid yw hyn yn ddigon da.",
    "respond": "Atebwch os gwelwch yn dda.",
    "fifth": "Dyma fy mhumed e-bost am hyn.",
    "ten": "Rwy'n disgwyl ateb o fewn 10 diwrnod.",
}
F, FC = EN_FILLER, CY_FILLER

REPAIRS = "housing.repairs@council.example"
HOUSING = "housing@council.example"
PLANNING = "planning@council.example"
WASTE = "waste@council.example"
PARKING = "parking@council.example"
ENVH = "environmental.health@council.example"
CTAX = "council.tax@council.example"
HIGHWAYS = "highways@council.example"
TRANSPORT = "school.transport@council.example"
SOCIAL = "adult.social.care@council.example"
COMPLAINTS = "complaints@council.example"
CYMRAEG = "gwasanaethau.cymraeg@council.example"

# 001 ----------------------------------------------------------------------------------------
s = Seq("001-damp-mould-bedroom", "damp and mould: resends, greetings, quoted reply with filler, new symptom, new photo, same photo renamed",
        "Sharon Whitfield", "sharon.whitfield@btinternet.example", REPAIRS,
        "Damp and mould - 14 Heol y Nant, Haverfordwest", "2026-01-12 09:14", topic="housing repairs: damp and mould")
m1 = s.m(greet="Dear Sir,", paras=[
    "I am a council tenant at 14 Heol y Nant, Haverfordwest SA61 2QT. There is black mould on the walls and ceiling of the back bedroom where my two children sleep.",
    "The mould started in November and it keeps coming back however often I wipe it down with bleach. The window frames are wet every morning and the wallpaper is peeling off.",
    "I reported this by phone on 8 December 2025 and was told someone would call me back, but nobody did. Please arrange for an inspection as soon as possible."],
    close="Regards,\nSharon Whitfield", new=True, note="original complaint")
s.m(like=m1, days=6, new=False, note="exact resend of 01")
m3 = s.m(like=m1, days=4, greet="To whom it may concern,", close="Yours faithfully,\nSharon Whitfield (Mrs)",
         new=False, note="resend of 01 with a new greeting and sign-off")
c1 = s.council(m3, 2, "Rhian Evans", "r.evans@council.example",
               "Dear Mrs Whitfield,\n\nThank you for your email. I have passed your report to our surveyor, who will contact you to arrange an inspection.\n\nKind regards,\n\nRhian Evans\nHousing Repairs Officer")
s.m(reply_to=c1, quote=c1, greet="Ms Evans,", paras=[
    "I do not accept this. I have been told this before and nothing happens.",
    "I am still waiting for someone to come and look at the mould."],
    close="Sharon Whitfield", new=False, note="quotes the council reply (On ... wrote:) and adds only filler")
m5 = s.m(reply_to=c1, quote=c1, greet="Ms Evans,", paras=[
    [N("My youngest son, who is 4, has been diagnosed with asthma and the GP says the mould is making it worse."),
     N("I have a letter from Dr Morgan at Prendergast Surgery dated 2 February 2026 which I can send you.")],
    "Please send someone out."],
    close="Sharon Whitfield", days=9, new=True, note="new fact: the child's asthma diagnosis and a GP letter")
s.m(like=m5, mangle=["upper"], new=False, note="05 repeated in capital letters, without the quote")
s.m(greet="Hello,", paras=["Please see the attached photo of the bedroom ceiling taken this morning.",
                           F["wait"]], close="Sharon Whitfield", days=10,
    att=[("IMG_20260214_081522.jpg", JPG, photo(1))], new=True, novel_att=["IMG_20260214_081522.jpg"],
    note="new photo attached; the text adds nothing")
s.m(greet="Hello,", paras=["I am attaching the photo again in case you did not get it."], close="Sharon Whitfield",
    att=[("bedroom ceiling.jpg", JPG, photo(1))], new=False,
    note="the same photo as 07 (identical bytes) under a different filename")

# 002 ----------------------------------------------------------------------------------------
s = Seq("002-planning-objection-extension", "planning objection: hard paraphrase, new objection grounds, forwarded copy, fifth-email filler, new topic (works started)",
        "Arthur Pendleton", "a.pendleton@talktalk.example", PLANNING,
        "Objection to planning application 25/1187/PA - 3 Ridgeway, Narberth", "2026-01-19 19:40", topic="planning objection")
m1 = s.m(greet="Dear Planning Officer,", paras=[
    "I wish to object to planning application 25/1187/PA for a two-storey side extension at 3 Ridgeway, Narberth. I live next door at 5 Ridgeway.",
    "The extension would be built right up to our shared boundary and would be overbearing. It would block the morning sun from our garden and patio.",
    "There is already very little parking in Ridgeway and the plans remove the driveway space at number 3, so two more cars would be parked on the road."],
    close="Yours faithfully,\nArthur Pendleton", new=True, note="original objection")
s.m(greet="Dear Planning Officer,", paras=[
    "I am writing again about application 25/1187/PA at 3 Ridgeway, which is the house next to mine at number 5.",
    "My objection is that the proposed two-storey extension sits on the boundary line and will dominate our property. Our garden and patio will lose the sun in the mornings.",
    "Parking is also a problem. Ridgeway is already full of parked cars, and because the driveway at number 3 would disappear, two more vehicles would end up on the street."],
    close="Yours faithfully,\nArthur Pendleton", days=3,
    new=False, note="hard: the same three objections (boundary/overbearing, morning sun, parking) reworded")
m3 = s.m(greet="Dear Planning Officer,", paras=[
    "Further to my objection to application 25/1187/PA,",
    [N("Since writing I have measured the gap and the extension would be only 40 centimetres from the kitchen window at number 5, which is the only window in our kitchen.")],
    [N("The site notice for this application was not put up on Ridgeway until 19 January 2026, which left only nine days for comments.")]],
    close="Yours faithfully,\nArthur Pendleton", days=2, new=True,
    note="two new facts: distance to the only kitchen window; late site notice")
s.m(top=["Forwarding my objection again as I have had no acknowledgement."], fwd=m1, close="Arthur Pendleton",
    new=False, note="forwarded copy of 01 (Gmail '---------- Forwarded message ---------') with a one-line note")
s.m(like=m3, pre=[F["fifth"]], new=False, note="03 repeated with 'this is my fifth email'")
s.m(greet="Dear Planning Officer,", paras=[
    [N("I also want to report that the builders at 3 Ridgeway have already started digging the footings this week, before any decision has been made.")],
    "Please send an enforcement officer."], close="Arthur Pendleton", new=True,
    note="new topic: works started before a decision (planning enforcement)")
s.m(paras=["Any update?"], close="Arthur", new=False, note="very short chaser")

# 003 ----------------------------------------------------------------------------------------
s = Seq("003-missed-bin-priory-road", "missed bins: short chasers, new incident date, Outlook-quoted reply with filler, punctuation-stripped repeat, new symptom, new photo",
        "Gary Hopkins", "garyhopkins71@gmail.example", WASTE,
        "Missed bin collection - 22 Priory Road, Milford Haven", "2026-01-14 07:52", topic="bins: missed collection")
m1 = s.m(greet="Hi,", paras=[
    "My black bin at 22 Priory Road, Milford Haven was not emptied on Tuesday 13 January. The rest of the street was done.",
    "This is the third time since Christmas. Can you send the crew back please."],
    close="Thanks\nGary", new=True, note="original report")
s.m(reply_to=m1, paras=["Any update?"], close="Gary", sig="Sent from my iPhone", days=2, new=False,
    note="very short chaser, a reply to his own 01")
m3 = s.m(greet="Hi,", paras=[
    ["It has happened again.", N("The black bin was missed again on Tuesday 27 January."),
     N("Nobody came back for it after the last time either.")]],
    close="Thanks\nGary", days=12, new=True, note="new incident date; the first missed bin was never collected")
c1 = s.council(m3, 1, "Waste and Recycling", "waste@council.example",
               "Dear Mr Hopkins,\n\nThank you for contacting us. We are sorry your bin was missed. We have reported this to the crew supervisor and your bin will be collected within two working days.\n\nWaste and Recycling Team")
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=["Please respond properly. You said that last time."],
    close="Gary", new=False, note="quotes the council reply (Outlook From:/Sent: block) and adds only filler")
s.m(paras=["Well?"], sig="Sent from my iPhone", new=False, note="very short chaser")
s.m(like=m3, mangle=["nopunct"], new=False, note="03 with punctuation removed and lower case")
m7 = s.m(greet="Hi,", paras=[
    [N("The bin has still not been collected and it is now overflowing, and foxes have ripped the bags open all over the pavement.")]],
    close="Gary", days=4, new=True, note="new symptom: overflowing bin, bags torn open on the pavement")
s.m(paras=["Photo attached."], close="Gary", sig="Sent from my iPhone",
    att=[("IMG_4471.JPG", JPG, photo(2))], new=True, novel_att=["IMG_4471.JPG"], note="new photo; the text adds nothing")

# 004 ----------------------------------------------------------------------------------------
s = Seq("004-pcn-appeal-castle-street", "parking PCN: greeting change, new fact with new photo, same photo renamed, reordered paragraphs, 10-day demand, original-message quote, Notice to Owner",
        "Nicola Fenwick", "nicola.fenwick@outlook.example", PARKING,
        "Appeal against PCN PM40218857", "2026-01-12 20:31", topic="parking fine")
m1 = s.m(greet="Dear Sir or Madam,", paras=[
    "I am writing to appeal against Penalty Charge Notice PM40218857, issued on 9 January 2026 in Castle Street car park, Tenby.",
    "I had paid for two hours at the machine at 10:12 and returned to my car at 11:58. The ticket was on the dashboard but it must have slid down when I closed the door.",
    "I have kept the pay and display ticket and can send a copy. I ask you to cancel the charge."],
    close="Yours faithfully,\nNicola Fenwick", new=True, note="original challenge")
s.m(like=m1, greet="To whom it may concern,", close="Kind regards,\nNicola Fenwick (Miss)", days=5, new=False,
    note="resend of 01 with a new greeting and sign-off")
m3 = s.m(greet="Dear Sir or Madam,", paras=[
    [N("I am also a Blue Badge holder, badge number GT 7381 0922, and the badge was displayed on the dashboard the whole time.")],
    "I attach a photo of the pay and display ticket."],
    close="Yours faithfully,\nNicola Fenwick", att=[("IMG_0412.jpg", JPG, photo(3))],
    new=True, novel_att=["IMG_0412.jpg"], note="new fact (Blue Badge displayed) and a new photo of the ticket")
s.m(greet="Dear Sir or Madam,", paras=["Here is the photo of the ticket again."], close="Nicola Fenwick",
    att=[("ticket.jpg", JPG, photo(3))], new=False, note="the same photo as 03 under a different filename")
s.m(greet="Dear Sir or Madam,", paras=[m1.paras[2], unmark(m3.paras[0]), m1.paras[0], m1.paras[1]],
    close="Yours faithfully,\nNicola Fenwick", new=False, note="paragraphs of 01 and 03 reordered")
s.m(like=m1, post=[F["ten"]], new=False, note="01 with 'I expect a reply within 10 days'")
c1 = s.council(s.msgs[-1], 6, "Parking Services", "parking@council.example",
               "Dear Miss Fenwick,\n\nWe have considered your representations regarding PCN PM40218857. The civil enforcement officer's notes record that no valid ticket or Blue Badge was visible. Your challenge has therefore been rejected.\n\nYou may pay the charge at the discounted rate of \u00a335 within 14 days or wait for the Notice to Owner.\n\nParking Services")
s.m(reply_to=c1, quote=c1, qstyle="original", paras=[
    "I do not accept this decision. I have explained twice that the ticket and the badge were on display."],
    close="Nicola Fenwick", new=False, note="quotes the rejection (-----Original Message-----) and repeats old facts")
s.m(reply_to=c1, quote=c1, qstyle="original", paras=[
    [N("I have now received a Notice to Owner dated 16 February 2026 for this PCN, asking for \u00a370.")],
    "Please explain why my appeal was rejected."],
    close="Nicola Fenwick", days=20, new=True, note="new fact: Notice to Owner received")

# 005 ----------------------------------------------------------------------------------------
s = Seq("005-noise-music-meadow-close", "noise: new incident date, 'as I said before' summary, noise diary PDF, HTML-only copy, new topic (dog), multipart copy",
        "Keith Barlow", "keith.barlow@sky.example", ENVH,
        "Noise nuisance from 7 Meadow Close, Pembroke Dock", "2026-01-19 10:05", topic="noise")
m1 = s.m(greet="Dear Environmental Health,", paras=[
    "I want to report a noise nuisance from my neighbour at 7 Meadow Close, Pembroke Dock. I live at number 9.",
    "Most weekends they play loud music with heavy bass from about 11pm until 3 or 4 in the morning. The walls shake and we cannot sleep.",
    "I have asked them politely to turn it down but they just laugh."],
    close="Regards,\nKeith Barlow", new=True, note="original report")
m2 = s.m(greet="Dear Environmental Health,", paras=[
    [N("Last night, Saturday 24 January, the music went on until 4:30am and I had to get up for work at 6.")],
    "Please tell me what you are going to do."], close="Regards,\nKeith Barlow", days=6, new=True,
    note="new incident date")
s.m(greet="Dear Environmental Health,", paras=[
    "As I said before, my neighbour at 7 Meadow Close plays loud music most weekends from 11pm into the early hours and the walls shake.",
    "On Saturday 24 January it went on until 4:30am.", F["respond"]],
    close="Regards,\nKeith Barlow", new=False, note="hard: 01 and 02 summarised with 'as I said before'; no new fact")
s.m(greet="Dear Environmental Health,", paras=["I have filled in the noise diary sheets and attach them."],
    close="Regards,\nKeith Barlow", days=9,
    att=[("noise-diary-9-meadow-close.pdf", PDF, pdf([
        "Noise diary - 9 Meadow Close, Pembroke Dock",
        "Fri 30 Jan 2026 23:10-02:45 loud music, bass through the wall",
        "Sat 31 Jan 2026 23:30-04:10 loud music, shouting in the garden",
        "Sat 7 Feb 2026 00:15-03:00 loud music"]))],
    new=True, novel_att=["noise-diary-9-meadow-close.pdf"], note="new attachment: a completed noise diary (PDF)")
s.m(like=m2, fmt="html", new=False, note="HTML-only (text/html) copy of 02")
m6 = s.m(greet="Dear Environmental Health,", paras=[
    [N("There is also a dog at 7 Meadow Close that is left in the back garden all day while they are at work, and it barks and howls from 8am until about 6pm.")]],
    close="Regards,\nKeith Barlow", new=True, note="new topic: barking dog")
s.m(like=m6, fmt="alt", days=3, new=False, note="multipart/alternative (text and HTML) copy of 06")

# 006 ----------------------------------------------------------------------------------------
s = Seq("006-council-tax-single-person-discount", "council tax: hard paraphrase, Outlook top-posted reply with new facts, quoting her own mail with filler, multipart copy, reminder notice, ISO-8859-1 resend",
        "Margaret Thornton", "m.thornton@btinternet.example", CTAX,
        "Single person discount removed - account 40012345", "2026-03-09 11:20", topic="council tax")
m1 = s.m(greet="Dear Sir/Madam,", paras=[
    "My council tax account number is 40012345. I have lived alone at 2 Church Lane, Fishguard since my husband died in 2023 and I have always had the single person discount.",
    "My new bill for 2026/27 has arrived without the discount and the amount has gone up from \u00a31,412 to \u00a31,883. Nobody else lives here.",
    "Please put the discount back and send me a corrected bill."],
    close="Yours sincerely,\nMargaret Thornton", new=True, note="original complaint")
s.m(greet="Dear Sir/Madam,", paras=[
    "I am the only person living at 2 Church Lane in Fishguard and have been since 2023, when I was widowed. I have had the single person discount ever since.",
    "The 2026/27 bill for account 40012345 does not show the discount and asks for \u00a31,883 instead of \u00a31,412.",
    "I would be grateful if you would reinstate it and issue a new bill."],
    close="Yours sincerely,\nMargaret Thornton", days=4, new=False, note="hard: the same facts reworded")
c1 = s.council(s.msgs[-1], 3, "Council Tax Section", "council.tax@council.example",
               "Dear Mrs Thornton,\n\nThank you for your email. The discount was removed following our review of single person discounts, as our records suggest another adult may be living at the property. If this is not correct please complete the review form on our website.\n\nCouncil Tax Section")
m3 = s.m(reply_to=c1, quote=c1, qstyle="outlook", greet="Dear Sir/Madam,", paras=[
    [N("The other adult you mean must be my grandson Daniel, who stayed with me for two weeks in January while his flat was being repaired and then went home to Swansea.")],
    [N("His post has been redirected to his own address at 18 Bryn Road, Swansea since 1 February.")]],
    close="Yours sincerely,\nMargaret Thornton", new=True, note="new facts: who the other adult was and where he lives")
s.m(reply_to=m3, quote=m3, paras=["Please respond. This is very worrying."], close="Margaret Thornton", days=5,
    new=False, note="quotes her own 03 and adds only filler")
s.m(like=m1, fmt="alt", new=False, note="multipart/alternative copy of 01")
m6 = s.m(greet="Dear Sir/Madam,", paras=[
    [N("I have now received a reminder notice dated 10 April 2026 saying I am behind with my payments, even though I have paid the amount on my old bill by direct debit.")]],
    close="Yours sincerely,\nMargaret Thornton", days=20, new=True, note="new fact: reminder notice")
s.m(like=m1, charset="iso-8859-1", new=False, note="exact resend of 01 encoded as ISO-8859-1")

# 007 ----------------------------------------------------------------------------------------
s = Seq("007-pothole-b4329-crosswell", "pothole: damage claim, new sign-off, new photo, same photo renamed, invoice PDF, chaser, the same picture re-encoded",
        "Tom Ellery", "tom.ellery@gmail.example", HIGHWAYS,
        "Dangerous pothole on the B4329 near Crosswell", "2026-02-02 17:45", topic="potholes")
m1 = s.m(greet="Hello,", paras=[
    "There is a deep pothole on the B4329 about 200 metres north of the Crosswell junction, on the left-hand side heading towards Eglwyswrw.",
    "It is about a metre wide and deep enough to hide a car wheel. It fills with water when it rains so you cannot see it."],
    close="Tom Ellery", new=True, note="original report")
m2 = s.m(greet="Hello,", paras=[
    [N("My car hit the pothole on the evening of 4 February 2026 and the front left tyre and wheel were damaged.")],
    [N("The repair at Crymych Tyres cost \u00a3186.40 and I would like to claim this back from the council.")]],
    close="Tom Ellery", days=3, new=True, note="new facts: damage on 4 February and the repair cost")
s.m(like=m2, greet="Dear Sir,", close="Regards,\nTom Ellery", new=False, note="02 with a new greeting and sign-off")
s.m(greet="Hello,", paras=["Here is a picture of the pothole."], close="Tom Ellery",
    att=[("Screenshot_20260207-101201.png", PNG, picture(41))], new=True,
    novel_att=["Screenshot_20260207-101201.png"], note="new picture")
s.m(greet="Hello,", paras=["Picture attached again."], close="Tom Ellery",
    att=[("pothole.png", PNG, picture(41))], new=False, note="the same picture as 04 (identical bytes) renamed")
s.m(greet="Hello,", paras=["Here is the invoice for the tyre and wheel."], close="Tom Ellery",
    att=[("invoice-crymych-tyres.pdf", PDF, pdf([
        "Crymych Tyres - Invoice 20931", "5 February 2026", "1 x tyre 205/55 R16 89.00",
        "1 x wheel repair and balance 66.00", "VAT 31.40", "Total GBP 186.40"]))],
    new=True, novel_att=["invoice-crymych-tyres.pdf"], note="new attachment: the repair invoice")
s.m(paras=["Any update?"], close="Tom", new=False, note="very short chaser")
s.m(greet="Hello,", paras=["Sending the picture of the pothole once more."], close="Tom Ellery",
    att=[("pothole (1).png", PNG, picture(41, level=1, filt=1))], new=False,
    note="hard: the picture from 04 re-encoded (identical pixels, different bytes)")


# 008 ----------------------------------------------------------------------------------------
s = Seq("008-school-taxi-no-show", "school transport: new missed pick-up, quoted reply with filler, new safeguarding topic, whitespace-mangled repeat, quoting own mail",
        "Priya Sharma", "priya.sharma@yahoo.example", TRANSPORT,
        "School taxi not turning up - Aarav Sharma, Ysgol Harri Tudur", "2026-03-02 09:02", topic="school transport")
m1 = s.m(greet="Dear Sir/Madam,", paras=[
    "My son Aarav (Year 8) is entitled to school transport from our home at Flat 3, 11 Main Street, Pembroke to Ysgol Harri Tudur.",
    "This morning, Monday 2 March, the taxi did not arrive at 7:50 as it should. I waited until 8:20 and then had to drive him in myself and was late for work.",
    "Please tell me what happened and make sure it does not happen again."],
    close="Kind regards,\nPriya Sharma", new=True, note="original complaint")
m2 = s.m(greet="Dear Sir/Madam,", paras=[
    [N("The taxi failed to turn up again this morning, Thursday 5 March."), N("I had no phone call or text to warn me.")]],
    close="Kind regards,\nPriya Sharma", days=3, hour=8, minute=31, new=True, note="new missed pick-up; no warning given")
c1 = s.council(m2, 1, "School Transport Team", "school.transport@council.example",
               "Dear Mrs Sharma,\n\nWe apologise for the missed pick-ups. The operator has had a driver off sick. A replacement driver is now in place and the route should run normally from Monday 9 March.\n\nSchool Transport Team")
s.m(reply_to=c1, quote=c1, paras=["I do not accept this. A driver being off sick is no excuse for not letting parents know."],
    close="Priya Sharma", new=False, note="quotes the council reply and argues; no new fact")
m4 = s.m(reply_to=c1, quote=c1, paras=[
    [N("On Tuesday 10 March the new driver let Aarav and two other children ride without seatbelts and was using his mobile phone while driving.")],
    "This is a safeguarding matter and I want it investigated."],
    close="Priya Sharma", days=6, new=True, note="new topic: driver conduct (seatbelts, phone)")
s.m(like=m4, quote=None, mangle=["ws"], new=False, note="04 with extra spaces and blank lines, without the quote")
s.m(reply_to=m4, quote=m4, qstyle="apple", paras=[F["respond"]], close="Priya", sig="Sent from my iPad",
    new=False, note="quotes her own 04 (Apple Mail 'On ..., at ..., wrote:') with 'Please respond.'")

# 009 ----------------------------------------------------------------------------------------
s = Seq("009-care-package-mother", "adult social care: hard paraphrase, fall and hospital admission, forward to complaints, discharge letter PDF, polite chaser, Outlook-quoted reply, new date from social worker",
        "Julie Sweeney", "julie.sweeney@hotmail.example", SOCIAL,
        "Mum's care package - Mrs Eileen Sweeney", "2026-02-25 21:10", topic="adult social care")
m1 = s.m(greet="Dear Adult Social Care,", paras=[
    "I am writing about my mother, Mrs Eileen Sweeney, who is 87 and lives alone at 4 Goat Street, St Davids.",
    "She was assessed by a social worker on 14 January and we were told she would get two carer visits a day, morning and evening. It is now the end of February and the visits have still not started.",
    "I live in Bristol and cannot be there every day. Please tell me when the care will start."],
    close="Julie Sweeney", new=True, note="original complaint")
s.m(greet="Dear Adult Social Care,", paras=[
    "I am chasing the care package for my mum, Eileen Sweeney (87), at 4 Goat Street in St Davids.",
    "After her assessment in mid-January we were promised morning and evening calls, but six weeks on nothing has been put in place.",
    "Because I am in Bristol I cannot get to her daily. When will the carers start?"],
    close="Julie Sweeney", days=3, new=False,
    note="hard: 01 reworded ('mid-January' for 14 January, 'six weeks on' for the end of February)")
m3 = s.m(greet="Dear Adult Social Care,", paras=[
    [N("Mum fell in her kitchen on the night of 3 March and lay on the floor until a neighbour found her in the morning."),
     N("She is now in Withybush Hospital with a broken wrist.")],
    "This would not have happened if the carers had started."],
    close="Julie Sweeney", days=7, new=True, note="new fact: a fall and a hospital admission")
s.m(top=["Forwarding this to the complaints team as nobody in social care is replying."], fwd=m3, fstyle="outlook",
    close="Julie Sweeney", to=COMPLAINTS, new=False, note="Outlook-style forward of 03 to the complaints address")
m5 = s.m(greet="Dear Adult Social Care,", paras=[
    [N("The hospital says she can be discharged on 20 March, but only if care is in place at home.")],
    "I attach the letter from the ward doctor."], close="Julie Sweeney", days=5,
    att=[("Discharge letter E Sweeney.pdf", PDF, pdf([
        "Withybush General Hospital - Ward 7", "Re: Mrs Eileen Sweeney, DOB 02/05/1938",
        "Medically fit for discharge from 20/03/2026 subject to a package of care:",
        "two calls daily for personal care and meals."]))],
    new=True, novel_att=["Discharge letter E Sweeney.pdf"], note="new fact (discharge date, condition) and a new PDF letter")
s.m(paras=[F["wait"]], close="Julie Sweeney", days=2, new=False, note="'I am still waiting for a reply.' only")
c1 = s.council(s.msgs[-1], 1, "Sunita Patel", "s.patel@council.example",
               "Dear Ms Sweeney,\n\nI am sorry to hear about your mother's fall. I have asked the hospital social work team to arrange a package of care before discharge. A social worker will contact you this week.\n\nKind regards,\nSunita Patel\nSenior Practitioner, Adult Social Care", quotes=m5)
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=["Thank you. Please can you confirm the date the care will start."],
    close="Julie", new=False, note="polite follow-up quoting the reply (which quotes 05); no new fact")
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=[
    [N("The social worker, Mr Hughes, phoned on 18 March and said the care agency cannot start until 6 April, so the hospital will not discharge Mum.")]],
    close="Julie Sweeney", days=4, new=True, note="new fact: care start delayed to 6 April, discharge blocked")


# 010 (Welsh) --------------------------------------------------------------------------------
s = Seq("010-cy-lleithder-llwydni", "Welsh: damp and mould; exact resend, new greeting/sign-off, new symptom, Welsh Gmail quote with filler, new photo, short chaser",
        "Si\u00e2n Llywelyn", "sian.llywelyn@btinternet.example", REPAIRS,
        "Lleithder a llwydni - 6 Maes y Dderwen, Crymych", "2026-01-20 10:30", lang="cy", topic="housing repairs: damp and mould")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Rwy'n denant i'r cyngor yn 6 Maes y Dderwen, Crymych. Mae llwydni du ar waliau'r ystafell ymolchi a'r ystafell wely fawr.",
    "Mae d\u0175r yn rhedeg i lawr y ffenestri bob bore ac mae arogl tamp drwy'r t\u0177. Mae'r dillad yn y wardrob wedi llwydo.",
    "Ffoniais i ar 12 Ionawr a does neb wedi dod i weld y broblem. Trefnwch archwiliad cyn gynted \u00e2 phosibl, os gwelwch yn dda."],
    close="Yn gywir,\nSi\u00e2n Llywelyn", new=True, note="original complaint")
s.m(like=m1, days=7, new=False, note="exact resend of 01")
s.m(like=m1, greet="I bwy bynnag a fynno wybod,", close="Cofion,\nSi\u00e2n", days=3, new=False,
    note="01 with a new greeting ('to whom it may concern') and sign-off")
m4 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Mae fy merch, sy'n chwech oed, wedi bod yn pesychu ers pythefnos ac mae'r meddyg teulu yn dweud bod y llwydni yn gwneud ei hasthma yn waeth.")]],
    close="Yn gywir,\nSi\u00e2n Llywelyn", days=2, new=True, note="new symptom: the daughter's cough and asthma")
c1 = s.council(m4, 2, "Rhian Evans", "r.evans@council.example",
               "Annwyl Ms Llywelyn,\n\nDiolch am eich e-bost. Rydym wedi trosglwyddo'ch adroddiad i'n syrf\u00ebwr, a fydd yn cysylltu \u00e2 chi i drefnu ymweliad.\n\nYn gywir,\n\nRhian Evans\nSwyddog Atgyweirio Tai")
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=[FC["noacc"] + " " + FC["wait"]], close="Si\u00e2n Llywelyn",
    new=False, note="quotes the council reply ('Ar ddydd ... ysgrifennodd:') with filler")
s.m(paras=["Dyma lun o wal yr ystafell wely a dynnwyd heddiw."], close="Si\u00e2n", days=6,
    att=[("IMG_20260210_092233.jpg", JPG, photo(10))], new=True, novel_att=["IMG_20260210_092233.jpg"],
    note="new photo")
s.m(paras=["Unrhyw newyddion?"], close="Si\u00e2n", new=False, note="very short chaser ('Any news?')")

# 011 (Welsh) --------------------------------------------------------------------------------
s = Seq("011-cy-bin-heb-ei-gasglu", "Welsh: missed bin; short chaser, new incident date, HTML copy, fifth-email filler, new topic (fly-tipping), capitals",
        "Dafydd Roberts", "dafydd.roberts@gmail.example", "gwastraff@council.example",
        "Bin heb ei gasglu - 15 Heol Dewi, Abergwaun", "2026-01-15 13:12", lang="cy", topic="bins: missed collection")
m1 = s.m(greet="Prynhawn da,", paras=[
    "Ni chafodd fy min ailgylchu ei gasglu ddydd Mercher 14 Ionawr yn 15 Heol Dewi, Abergwaun.",
    "Cafodd biniau gweddill y stryd eu casglu. Dyma'r ail dro y mis hwn."],
    close="Diolch,\nDafydd Roberts", new=True, note="original report")
s.m(reply_to=m1, paras=["Unrhyw newyddion?"], close="Dafydd", days=3, new=False, note="very short chaser")
m3 = s.m(greet="Prynhawn da,", paras=[
    [N("Cafodd y bin ei fethu eto ddydd Mercher 28 Ionawr."), N("Mae'r bagiau glas bellach yn pentyrru wrth y drws ffrynt.")]],
    close="Diolch,\nDafydd Roberts", days=11, new=True, note="new incident date; bags piling up")
s.m(like=m3, fmt="html", new=False, note="HTML-only copy of 03")
s.m(like=m1, pre=[FC["fifth"]], new=False, note="01 with 'this is my fifth email'")
m6 = s.m(greet="Prynhawn da,", paras=[
    [N("Hefyd, mae rhywun wedi gadael hen soffa a matres ar y llwybr cyhoeddus y tu \u00f4l i Heol Dewi ers dydd Sul.")]],
    close="Diolch,\nDafydd Roberts", days=4, new=True, note="new topic: fly-tipping")
s.m(like=m6, mangle=["upper"], new=False, note="06 in capital letters")

# 012 (Welsh) --------------------------------------------------------------------------------
s = Seq("012-cy-twll-yn-y-ffordd", "Welsh: pothole; hard paraphrase, cyclist injured, forward to the councillor, punctuation changes, short chaser",
        "Gwenllian ap Rhys", "gwenllian.aprhys@outlook.example", "priffyrdd@council.example",
        "Twll peryglus yn y ffordd - Heol Pentre, Trefdraeth", "2026-02-03 08:40", lang="cy", topic="potholes")
m1 = s.m(greet="Annwyl Swyddog,", paras=[
    "Hoffwn roi gwybod am dwll mawr yn y ffordd ar Heol Pentre, Trefdraeth, y tu allan i'r swyddfa bost.",
    "Mae'r twll tua hanner metr ar draws ac yn ddwfn. Mae ceir yn gwyro i ochr arall y ffordd i'w osgoi."],
    close="Yn gywir,\nGwenllian ap Rhys", new=True, note="original report")
s.m(greet="Annwyl Swyddog,", paras=[
    "Rwy'n ysgrifennu eto am y twll yn Heol Pentre yn Nhrefdraeth, o flaen y swyddfa bost.",
    "Mae'n hanner metr o led ac yn ddwfn iawn, ac mae gyrwyr yn symud i'r l\u00f4n arall er mwyn ei osgoi."],
    close="Yn gywir,\nGwenllian ap Rhys", days=3, new=False, note="hard: 01 reworded in Welsh")
m3 = s.m(greet="Annwyl Swyddog,", paras=[
    [N("Ddydd Sadwrn 7 Chwefror syrthiodd beiciwr oddi ar ei feic ar \u00f4l taro'r twll a chafodd ei anafu i'w ysgwydd.")],
    "Mae'n rhaid trwsio'r twll cyn i rywun gael ei ladd."],
    close="Yn gywir,\nGwenllian ap Rhys", days=5, new=True, note="new fact: a cyclist fell and was injured")
s.m(top=["Anfonaf hwn ymlaen atoch fel fy nghynghorydd lleol."], fwd=m3, fstyle="gmail_cy", close="Gwenllian",
    to="cllr.dafydd.morgan@council.example", new=False, note="Welsh Gmail forward of 03 to the local councillor")
s.m(like=m3, mangle=["punct"], new=False, note="03 with commas dropped and exclamation marks")
s.m(paras=["Wel?"], new=False, note="very short chaser ('Well?')")

# 013 (Welsh) --------------------------------------------------------------------------------
s = Seq("013-cy-treth-gyngor-debyd", "Welsh: council tax arrears; new reference number, quoting own mail with filler, Welsh Outlook quote with new fact (double payment), short chaser, resend",
        "Iolo Jenkins", "iolo.jenkins@btinternet.example", "treth.gyngor@council.example",
        "Treth gyngor - cyfrif 40098765", "2026-02-05 18:22", lang="cy", topic="council tax")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Rwyf wedi talu fy nhreth gyngor ar gyfer cyfrif 40098765 drwy ddebyd uniongyrchol bob mis, ond rwyf wedi cael llythyr atgoffa yn dweud fy mod ar ei h\u00f4l hi.",
    "Mae fy nghyfriflen banc yn dangos bod pob taliad wedi mynd allan. Cywirwch y cyfrif os gwelwch yn dda."],
    close="Yn gywir,\nIolo Jenkins", new=True, note="original complaint")
m2 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Cyfeirnod y llythyr atgoffa yw RM/2026/118345, dyddiedig 3 Chwefror 2026.")]],
    close="Yn gywir,\nIolo Jenkins", days=1, new=True, note="new reference number of the reminder letter")
s.m(reply_to=m2, quote=m2, qstyle="gmail_cy", paras=[FC["respond"]], close="Iolo Jenkins", days=6,
    new=False, note="quotes his own 02 with 'please respond'")
c1 = s.council(s.msgs[-1], 2, "Adran y Dreth Gyngor", "treth.gyngor@council.example",
               "Annwyl Mr Jenkins,\n\nDiolch am eich e-bost. Mae ein cofnodion yn dangos na chafodd y taliad ar gyfer mis Ionawr ei dderbyn. Gwiriwch gyda'ch banc os gwelwch yn dda.\n\nAdran y Dreth Gyngor")
m4 = s.m(reply_to=c1, quote=c1, qstyle="outlook_cy", paras=[
    [N("Mae fy manc wedi cadarnhau bod \u00a3158.00 wedi'i dalu i'r cyngor ar 1 Ionawr ac eto ar 15 Ionawr, felly rydych wedi cymryd y taliad ddwywaith.")]],
    close="Iolo Jenkins", new=True, note="new fact: the bank confirms January was paid twice (Welsh Outlook quote)")
s.m(paras=["Wel?"], close="Iolo", days=5, new=False, note="very short chaser")
s.m(like=m4, greet="I bwy bynnag a fynno wybod,", close="Yn gywir iawn,\nIolo Jenkins", new=False,
    note="04 resent with a new greeting and sign-off, quote kept")

# 014 (Welsh) --------------------------------------------------------------------------------
s = Seq("014-cy-swn-tafarn", "Welsh: noise from a pub; new incident, reordered paragraphs, new aspect (early deliveries), greeting change, 'as I said before' filler",
        "Catrin Huws", "catrin.huws@gmail.example", "iechyd.amgylcheddol@council.example",
        "S\u0175n o'r dafarn - Sgw\u00e2r y Farchnad, Arberth", "2026-01-12 22:48", lang="cy", topic="noise")
m1 = s.m(greet="Annwyl Iechyd yr Amgylchedd,", paras=[
    "Rwy'n byw uwchben y siop yn 2 Sgw\u00e2r y Farchnad, Arberth. Mae'r dafarn drws nesaf yn chwarae cerddoriaeth fyw yn uchel iawn bob nos Wener a nos Sadwrn tan ar \u00f4l hanner nos.",
    "Mae'r drysau'n cael eu gadael ar agor ac mae pobl yn ysmygu ac yn gweiddi y tu allan i'm ffenestr tan 1 o'r gloch y bore."],
    close="Cofion,\nCatrin Huws", new=True, note="original report")
m2 = s.m(greet="Annwyl Iechyd yr Amgylchedd,", paras=[
    [N("Nos Sadwrn 17 Ionawr bu ymladd y tu allan i'r dafarn am 12:40 y bore a bu'n rhaid galw'r heddlu.")]],
    close="Cofion,\nCatrin Huws", days=6, new=True, note="new incident: a fight and the police called")
s.m(like=m1, order=[1, 0], new=False, note="01 with its two paragraphs swapped")
m4 = s.m(greet="Annwyl Iechyd yr Amgylchedd,", paras=[
    [N("Mae lor\u00efau hefyd yn dadlwytho cwrw y tu allan i'r dafarn am 5:30 y bore ddwywaith yr wythnos, gyda'r injan yn rhedeg.")]],
    close="Cofion,\nCatrin Huws", days=4, new=True, note="new aspect: early-morning deliveries")
s.m(like=m4, greet="I bwy bynnag a fynno wybod,", close="Yn gywir,\nCatrin Huws", new=False,
    note="04 with a new greeting and sign-off")
s.m(like=m2, pre=[FC["said"]], days=3, new=False, note="02 with 'as I said before, this is not good enough'")

# 015 (Welsh) --------------------------------------------------------------------------------
s = Seq("015-cy-cludiant-ysgol-pellter", "Welsh: school transport eligibility appeal; measured route, hard paraphrase, 10-day demand, new map picture, same map renamed",
        "Gethin Lewis", "gethin.lewis@hotmail.example", "cludiant.ysgol@council.example",
        "Cludiant ysgol i Ysgol y Preseli - Elis Lewis", "2026-06-29 20:15", lang="cy", topic="school transport")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Mae fy mab Elis yn dechrau ym Mlwyddyn 7 yn Ysgol y Preseli ym mis Medi. Rydym yn byw ar fferm Pant-y-Gwair, y tu allan i Grymych.",
    "Cawsom lythyr yn dweud nad yw Elis yn gymwys i gael cludiant am ddim oherwydd bod y pellter dan 3 milltir. Mae'r daith ar y ffordd yn fwy na 4 milltir.",
    "Hoffwn apelio yn erbyn y penderfyniad."],
    close="Yn gywir,\nGethin Lewis", new=True, note="original appeal")
m2 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Rwyf wedi mesur y llwybr cerdded byrraf gyda fy ff\u00f4n ac mae'n 4.3 milltir, ac nid oes palmant am 2 filltir ohono.")]],
    close="Yn gywir,\nGethin Lewis", days=2, new=True, note="new fact: measured walking route and no pavement")
s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Rwy'n ysgrifennu eto am gludiant i Elis, a fydd yn ei flwyddyn gyntaf yn Ysgol y Preseli o fis Medi.",
    "Yn \u00f4l eich llythyr mae ein cartref o fewn 3 milltir i'r ysgol, ond mae'r daith o fferm Pant-y-Gwair yn fwy na 4 milltir.",
    "Rwyf am herio'r penderfyniad hwn."],
    close="Yn gywir,\nGethin Lewis", days=5, new=False, note="hard: 01 reworded in Welsh")
s.m(like=m2, post=[FC["ten"]], new=False, note="02 with 'I expect a reply within 10 days'")
s.m(paras=["Atodaf fap o'r llwybr."], close="Gethin Lewis",
    att=[("map-llwybr.png", PNG, picture(150))], new=True, novel_att=["map-llwybr.png"], note="new picture (map)")
s.m(paras=["Dyma'r map eto."], close="Gethin Lewis",
    att=[("Screenshot 2026-07-08 at 19.02.11.png", PNG, picture(150))], new=False, note="the same map as 05 renamed")

# 016 (Welsh) --------------------------------------------------------------------------------
s = Seq("016-cy-gwrthwynebiad-cynllunio", "Welsh: planning objection to 12 houses; exact resend to a councillor, new fact (barn owls), multipart copy, filler, new photo",
        "Eleri Watkins", "eleri.watkins@btinternet.example", "cynllunio@council.example",
        "Gwrthwynebiad i gais cynllunio 26/0042/PA - tir ger Heol yr Eglwys, Tyddewi", "2026-02-16 16:05", lang="cy", topic="planning objection")
m1 = s.m(greet="Annwyl Swyddog Cynllunio,", paras=[
    "Hoffwn wrthwynebu cais cynllunio 26/0042/PA i godi 12 t\u0177 ar y cae ger Heol yr Eglwys, Tyddewi.",
    "Mae'r ffordd yn gul heb balmant, ac mae plant yn cerdded ar hyd-ddi i'r ysgol bob dydd. Byddai traffig ychwanegol yn beryglus.",
    "Mae'r cae yn gorlifo bob gaeaf, ac mae d\u0175r eisoes yn dod i mewn i erddi Heol yr Eglwys."],
    close="Yn gywir,\nEleri Watkins\n3 Heol yr Eglwys, Tyddewi", new=True, note="original objection")
s.m(like=m1, to="cllr.dafydd.morgan@council.example", days=1, new=False, note="exact copy of 01 sent to the local councillor")
m3 = s.m(greet="Annwyl Swyddog Cynllunio,", paras=[
    [N("Mae tylluanod gwyn yn nythu yn yr hen ysgubor ar y cae, ac rwyf wedi'u gweld yn hela yno bron bob nos.")],
    "Dylai'r cyngor ofyn am arolwg ecolegol."],
    close="Yn gywir,\nEleri Watkins\n3 Heol yr Eglwys, Tyddewi", days=4, new=True, note="new fact: barn owls nesting on the site")
s.m(like=m3, fmt="alt", new=False, note="multipart/alternative copy of 03")
s.m(like=m1, pre=["Nid wyf wedi cael ateb eto."], days=6, new=False, note="01 with 'I have not had a reply yet'")
s.m(paras=["Dyma lun o'r cae dan dd\u0175r y bore 'ma."], close="Eleri Watkins",
    att=[("cae-dan-ddwr.jpg", JPG, photo(16))], new=True, novel_att=["cae-dan-ddwr.jpg"], note="new photo of the flooded field")

# 017 (Welsh) --------------------------------------------------------------------------------
s = Seq("017-cy-apel-parcio", "Welsh: parking appeal (loading); greeting change, new delivery note PDF and fact, forward, chaser, quoted rejection with filler, new CCTV evidence",
        "Aled Bowen", "aled.bowen@gmail.example", "parcio@council.example",
        "Ap\u00eal yn erbyn hysbysiad t\u00e2l cosb PM40377120", "2026-01-22 12:40", lang="cy", topic="parking fine")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Rwy'n apelio yn erbyn hysbysiad t\u00e2l cosb PM40377120 a roddwyd i mi ar 20 Ionawr ar y Stryd Fawr, Hwlffordd.",
    "Roeddwn yn dadlwytho nwyddau i siop fy mam, sy'n cael ei ganiat\u00e1u ar y llinellau melyn am hyd at 20 munud. Roeddwn yno am 8 munud.",
    "Gofynnaf i chi ganslo'r t\u00e2l."],
    close="Yn gywir,\nAled Bowen", new=True, note="original appeal")
s.m(like=m1, greet="I bwy bynnag a fynno wybod,", close="Diolch yn fawr,\nAled", days=4, new=False,
    note="01 with a new greeting and sign-off")
m3 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Mae gennyf nodyn danfon wedi'i lofnodi gan fy mam am 10:41 y bore hwnnw, sy'n dangos yr amser y cafodd y nwyddau eu danfon.")],
    "Atodaf gopi."], close="Yn gywir,\nAled Bowen", days=1,
    att=[("nodyn-danfon.pdf", PDF, pdf(["Siop Bowen - Nodyn danfon 0441", "20/01/2026 10:41", "6 x bocs, derbyniwyd gan M. Bowen"]))],
    new=True, novel_att=["nodyn-danfon.pdf"], note="new fact and new PDF: signed delivery note")
s.m(top=["Anfonaf hwn eto gan nad wyf wedi cael ateb."], fwd=m3, fstyle="gmail_cy", close="Aled",
    new=False, note="forward of 03 without its attachment; nothing new")
s.m(paras=["Wel?"], close="Aled", new=False, note="very short chaser")
c1 = s.council(s.msgs[-1], 3, "Gwasanaethau Parcio", "parcio@council.example",
               "Annwyl Mr Bowen,\n\nRydym wedi ystyried eich sylwadau. Ni welodd y swyddog gorfodi unrhyw weithgarwch llwytho yn ystod y cyfnod arsylwi o 5 munud, felly mae'r her wedi'i gwrthod.\n\nGwasanaethau Parcio")
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=[FC["noacc"]], close="Aled Bowen", new=False,
    note="quotes the rejection and says only 'I do not accept this'")
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=[
    [N("Mae gan siop y cigydd drws nesaf gamera cylch cyfyng sy'n dangos fy fan yn cael ei dadlwytho rhwng 10:33 a 10:41, ac maen nhw'n fodlon rhoi copi i chi.")]],
    close="Aled Bowen", days=2, new=True, note="new evidence: CCTV footage exists")

# 018 (Welsh) --------------------------------------------------------------------------------
s = Seq("018-cy-taliadau-uniongyrchol", "Welsh: direct payments for a father's carer; hard paraphrase, carer's deadline, quoting own mail, new topic (OT assessment), multipart copy",
        "Mererid Prys", "mererid.prys@outlook.example", "gofal.cymdeithasol@council.example",
        "Taliadau uniongyrchol - fy nhad, Mr Emrys Prys", "2026-03-04 09:50", lang="cy", topic="adult social care")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Rwy'n ysgrifennu am fy nhad, Emrys Prys, sy'n 91 oed ac yn byw yn 8 Ffordd y Cei, Aberdaugleddau.",
    "Mae'n derbyn taliadau uniongyrchol i dalu gofalwr, ond nid yw'r taliad ar gyfer mis Chwefror wedi cyrraedd ei gyfrif. Nid yw'r gofalwr wedi cael ei thalu.",
    "Gofynnaf i chi ddatrys hyn ar frys."],
    close="Yn gywir,\nMererid Prys", new=True, note="original complaint")
s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Mae fy nhad Emrys Prys (91), o 8 Ffordd y Cei, Aberdaugleddau, yn cael taliadau uniongyrchol ar gyfer ei ofalwr.",
    "Ni thalwyd arian mis Chwefror i'w gyfrif, felly mae'r gofalwr heb ei chyflog.",
    "Mae angen datrys hyn yn syth."],
    close="Yn gywir,\nMererid Prys", days=2, new=False, note="hard: 01 reworded in Welsh")
m3 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Mae'r gofalwr wedi dweud na fydd hi'n gallu parhau i ddod ar \u00f4l dydd Gwener 13 Mawrth os na chaiff ei thalu.")]],
    close="Yn gywir,\nMererid Prys", days=2, new=True, note="new fact: the carer will stop after 13 March")
s.m(reply_to=m3, quote=m3, qstyle="gmail_cy", paras=[FC["wait"]], close="Mererid", days=2, new=False,
    note="quotes her own 03 with 'I am still waiting for a reply'")
m5 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Mae Dad hefyd angen asesiad newydd gan therapydd galwedigaethol, gan nad yw'n gallu mynd i mewn ac allan o'r bath ar ei ben ei hun bellach.")]],
    close="Yn gywir,\nMererid Prys", days=3, new=True, note="new topic: occupational therapy assessment")
s.m(like=m5, fmt="alt", new=False, note="multipart/alternative copy of 05")

# 019 (bilingual) ----------------------------------------------------------------------------
s = Seq("019-en-cy-assisted-bin-collection", "bilingual (English and Welsh in each message): assisted bin collection; Welsh-only copy, new fact in both languages, English-only copy, bilingual chaser",
        "Rhys Pritchard", "rhys.pritchard@btinternet.example", WASTE,
        "Assisted bin collection / Casgliad biniau \u00e2 chymorth - 12 Bro Dawel, Goodwick", "2026-01-26 11:11",
        lang="en+cy", topic="bins: assisted collection")
EN1 = "I am registered for an assisted bin collection at 12 Bro Dawel, Goodwick because I use a walking frame. For the last three weeks the crew has left my bins at the kitchen door instead of returning them to the shed, and I cannot move them."
CY1 = "Rwyf wedi fy nghofrestru ar gyfer casgliad biniau \u00e2 chymorth yn 12 Bro Dawel, Wdig, gan fy mod yn defnyddio ffr\u00e2m gerdded. Ers tair wythnos mae'r criw wedi gadael fy miniau wrth ddrws y gegin yn lle eu rhoi'n \u00f4l yn y sied, ac ni allaf eu symud."
m1 = s.m(greet="Dear Sir/Madam / Annwyl Syr/Fadam,", paras=[EN1, "Cymraeg isod.", "---", CY1],
         close="Regards / Cofion,\nRhys Pritchard", new=True, note="original complaint, English then Welsh")
s.m(greet="Annwyl Syr/Fadam,", paras=[CY1], close="Cofion,\nRhys Pritchard", days=5, new=False,
    note="hard: the Welsh half of 01 only")
EN3 = "On Friday 23 January I tripped over the bins left at the kitchen door and bruised my hip."
CY3 = "Ddydd Gwener 23 Ionawr baglais dros y biniau a adawyd wrth ddrws y gegin a chleisio fy nghlun."
s.m(greet="Dear Sir/Madam / Annwyl Syr/Fadam,", paras=[[N(EN3)], "---", [N(CY3)]],
    close="Regards / Cofion,\nRhys Pritchard", days=1, new=True, note="new fact (a fall) stated in both languages")
s.m(greet="Dear Sir/Madam,", paras=[EN1, EN3], close="Regards,\nRhys Pritchard", days=4, new=False,
    note="English-only combination of 01 and 03")
s.m(paras=["Any update? / Unrhyw newyddion?"], close="Rhys", new=False, note="very short bilingual chaser")

# 020 (bilingual) ----------------------------------------------------------------------------
s = Seq("020-en-cy-street-light", "bilingual: street light out; Welsh translation of an English mail (not new), new fact in Welsh, English translation of it (not new), chaser",
        "Ffion Rees", "ffion.rees@gmail.example", HIGHWAYS,
        "Street light out - Ffordd Caerfyrddin, Narberth", "2026-01-08 18:35", lang="en+cy", topic="street lighting")
m1 = s.m(greet="Hello,", paras=[
    "The street light outside 27 Ffordd Caerfyrddin, Narberth has been out since before Christmas.",
    "It is the only light on that stretch and the pavement is completely dark. I walk home from the bus stop at 6pm and it is dangerous."],
    close="Ffion Rees", new=True, note="original report in English")
s.m(greet="Helo,", paras=[
    "Mae'r golau stryd y tu allan i 27 Ffordd Caerfyrddin, Arberth wedi bod allan ers cyn y Nadolig.",
    "Dyma'r unig olau ar y darn yna ac mae'r palmant yn hollol dywyll. Rwy'n cerdded adref o'r safle bws am 6 yr hwyr ac mae'n beryglus."],
    close="Ffion Rees", subject="Golau stryd allan - Ffordd Caerfyrddin, Arberth", days=4, new=False,
    note="hard: Welsh translation of 01")
s.m(greet="Helo,", paras=[
    [N("Rhif y polyn golau yw NB/114, ac mae'r golau nesaf, NB/115, bellach yn fflachio ymlaen ac i ffwrdd hefyd.")]],
    close="Ffion Rees", subject="Golau stryd allan - Ffordd Caerfyrddin, Arberth", days=3, new=True,
    note="new facts in Welsh: the column number and a second faulty light")
s.m(greet="Hello,", paras=[
    "The lamp post number is NB/114, and the next light, NB/115, is now flashing on and off as well."],
    close="Ffion Rees", days=1, new=False, note="hard: English translation of 03")
s.m(paras=["Well?"], close="Ffion", days=6, new=False, note="very short chaser")

# 021 (Welsh with a bilingual council reply) --------------------------------------------------
s = Seq("021-cy-boeler-wedi-torri", "Welsh: broken boiler; restating the council's own engagement date (not new), the engineer did not come (new), chaser, sick baby (new), resend with Welsh Outlook quote",
        "Bethan Mai Owen", "bethan.owen@hotmail.example", REPAIRS,
        "Boeler wedi torri - 5 T\u0177 Glyn, Doc Penfro", "2026-02-09 07:45", lang="cy", topic="housing repairs: heating")
m1 = s.m(greet="Bore da,", paras=[
    "Mae'r boeler yn fy fflat, 5 T\u0177 Glyn, Doc Penfro, wedi torri ers bore heddiw, dydd Llun 9 Chwefror. Does dim gwres na d\u0175r poeth.",
    "Mae gen i fabi chwe mis oed. Anfonwch rywun heddiw os gwelwch yn dda."],
    close="Diolch,\nBethan Owen", new=True, note="original report")
c1 = s.council(m1, 0, "Atgyweirio Tai / Housing Repairs", "housing.repairs@council.example",
               "Annwyl Ms Owen / Dear Ms Owen,\n\nDiolch am roi gwybod i ni. Mae peiriannydd wedi'i drefnu ar gyfer dydd Mercher 11 Chwefror.\n\nThank you for letting us know. An engineer has been booked for Wednesday 11 February.\n\nAtgyweirio Tai / Housing Repairs",
               hour=11, minute=20)
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=[
    "Rydych chi'n dweud bod peiriannydd yn dod ddydd Mercher 11 Chwefror. Does dim gwres gyda ni tan hynny."],
    close="Bethan", days=0, hour=12, minute=2, new=False,
    note="hard: repeats the date from the council's own reply and an old fact")
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=[
    [N("Ni ddaeth y peiriannydd ddydd Mercher 11 Chwefror, ac ni ffoniodd neb i ddweud pam.")]],
    close="Bethan", days=2, hour=19, minute=30, new=True,
    note="hard: new fact contradicting the council's reply (the engineer did not come)")
s.m(paras=["Unrhyw newyddion?"], close="Bethan", days=1, new=False, note="very short chaser")
m5 = s.m(greet="Bore da,", paras=[
    [N("Mae'r babi wedi bod yn s\u00e2l gyda brest gaeth ers dydd Iau ac mae'r nyrs iechyd wedi dweud bod rhaid cadw'r fflat yn gynnes.")],
    "Does dim gwres o hyd."], close="Diolch,\nBethan Owen", days=1, new=True, note="new fact: the baby is ill")
s.m(like=m5, reply_to=c1, quote=c1, qstyle="outlook_cy", greet="Annwyl Swyddog,", close="Yn gywir,\nBethan Mai Owen",
    new=False, note="05 resent as a reply with a new greeting and a Welsh Outlook quote of the council reply")


# 022 ----------------------------------------------------------------------------------------
s = Seq("022-cctv-camera-persistent", "a persistent correspondent (12 messages): escalating subjects, exact resends, copies to a councillor, replies to his own mail, three genuinely new facts among them",
        "Bernard Quigley", "bernard.quigley@aol.example", PLANNING,
        "Neighbour's CCTV camera - 31 Bay View, Saundersfoot", "2026-04-06 08:05", topic="planning enforcement / privacy")
m1 = s.m(greet="Dear Sir,", paras=[
    "My neighbour at 33 Bay View, Saundersfoot has put up a CCTV camera on a pole on his side of the fence. It points straight into my back garden and my kitchen window at number 31.",
    "The pole is about four metres high and I believe it needs planning permission. I want the council to make him take it down or turn it away from my property."],
    close="Yours faithfully,\nBernard Quigley", new=True, note="original complaint")
s.m(like=m1, subject="SECOND REQUEST: Neighbour's CCTV camera - 31 Bay View, Saundersfoot", days=2, new=False,
    note="exact body of 01, subject 'SECOND REQUEST'")
s.m(like=m1, subject="THIRD REQUEST: Neighbour's CCTV camera - 31 Bay View, Saundersfoot", cc="cllr.helen.pratt@council.example",
    days=1, new=False, note="exact body of 01, subject 'THIRD REQUEST', copied to a councillor")
m4 = s.m(greet="Dear Sir,", paras=[
    [N("The camera also has a microphone, and on 10 April I could hear my own conversation with my wife being played back from his garden.")]],
    close="Yours faithfully,\nBernard Quigley", days=2, new=True, note="new fact: the camera records sound")
s.m(reply_to=m4, paras=["Well? I have now written four times."], close="B. Quigley", days=1, new=False,
    note="short chaser replying to his own 04")
s.m(reply_to=m4, quote=m4, paras=[F["noacc"] + " " + F["ten"]], close="B. Quigley", days=1, new=False,
    note="quotes his own 04 with filler")
m7 = s.m(greet="Dear Sir,", paras=[
    [N("He has now put up a second camera above his garage door, which looks straight into my front bedroom.")]],
    close="Yours faithfully,\nBernard Quigley", days=3, new=True, note="new fact: a second camera")
s.m(like=m7, subject="FINAL REQUEST: Neighbour's CCTV camera", cc="cllr.helen.pratt@council.example", days=1, new=False,
    note="07 resent with a 'FINAL REQUEST' subject and a councillor copied")
s.m(greet="Dear Sir,", paras=[
    "To summarise: two cameras at 33 Bay View, one on a four-metre pole aimed at my garden and kitchen and one over the garage aimed at my bedroom, and the first one records sound.",
    "I expect the council to act."], close="Yours faithfully,\nBernard Quigley", days=2, new=False,
    note="hard: a summary of 01, 04 and 07 in new words")
c1 = s.council(s.msgs[-1], 2, "Planning Enforcement", "planning.enforcement@council.example",
               "Dear Mr Quigley,\n\nWe have opened enforcement case EN/26/0311. An officer will visit the site within 15 working days. Please note that the use of domestic CCTV and data protection matters fall to the Information Commissioner's Office, not the council.\n\nPlanning Enforcement")
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=[
    "So you have opened case EN/26/0311 and someone will visit within 15 working days. That is far too long.", F["said"]],
    close="B. Quigley", new=False, note="hard: repeats the case number and timescale from the council's own reply, plus filler")
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=[
    [N("I have reported the sound recording to the Information Commissioner's Office as you suggested and their reference is IC-402231-K8T2.")]],
    close="B. Quigley", days=4, new=True, note="new external reference number")
s.m(paras=["Any news?"], close="B. Quigley", days=3, new=False, note="very short chaser")

# 023 ----------------------------------------------------------------------------------------
s = Seq("023-benefit-overpayment-original-message", "housing benefit overpayment: Outlook '-----Original Message-----' chains with nested quotes; filler, then a new fact top-posted",
        "Wayne Parry", "wayne.parry@btinternet.example", "benefits@council.example",
        "Housing benefit overpayment claim HB/771203", "2026-05-11 13:30", topic="benefits")
m1 = s.m(greet="Dear Benefits Team,", paras=[
    "I have received a letter saying I have been overpaid housing benefit of \u00a31,240 on claim HB/771203 and must pay it back.",
    "I told you about my change of hours at work in September 2025 by phone on the day it happened. The overpayment is your error, not mine, and I should not have to repay it."],
    close="Regards,\nWayne Parry", new=True, note="original dispute", mailer="Microsoft Outlook 16.0")
c1 = s.council(m1, 3, "Benefits Section", "benefits@council.example",
               "Dear Mr Parry,\n\nWe have no record of a telephone call about your change of hours. The overpayment arose because the change was reported in January 2026. If you disagree you may ask for a reconsideration in writing within one month.\n\nBenefits Section", quotes=m1)
s.m(reply_to=c1, quote=c1, qstyle="original", paras=[
    "I did tell you. I do not accept this and I want the overpayment cancelled."],
    close="Wayne Parry", new=False, note="Original Message quote of the reply (which itself quotes 01, nested '>'); filler only",
    mailer="Microsoft Outlook 16.0")
m3 = s.m(reply_to=c1, quote=c1, qstyle="original", paras=[
    [N("I have found the call on my phone bill: I rang 01437 764551 on 15 September 2025 at 10:42 and the call lasted 14 minutes.")],
    "Please treat this as my request for a reconsideration."],
    close="Wayne Parry", days=2, new=True, note="new evidence: the call on the phone bill", mailer="Microsoft Outlook 16.0")
s.m(reply_to=m3, quote=m3, qstyle="original", paras=["Please see my email below."], close="Wayne Parry", days=5,
    new=False, note="quotes his own 03 (and the nested thread) with 'please see my email below'", mailer="Microsoft Outlook 16.0")
s.m(reply_to=m3, quote=m3, qstyle="original", paras=[
    [N("I have also now had a letter from Debt Recovery dated 22 May 2026 saying the money will be taken from my wages.")]],
    close="Wayne Parry", days=6, new=True, note="new fact: debt recovery letter", mailer="Microsoft Outlook 16.0")

# 024 ----------------------------------------------------------------------------------------
s = Seq("024-noise-inline-answers", "noise from a workshop: the customer answers the council's questions inline (interleaved quote) - new; the same answers again - not new",
        "Sandra Pike", "sandra.pike@virgin.example", ENVH,
        "Noise from workshop behind Dimond Street, Pembroke Dock", "2026-03-16 21:00", topic="noise")
m1 = s.m(greet="Hello,", paras=[
    "There is a workshop in the lane behind Dimond Street, Pembroke Dock where someone is using power tools and an angle grinder late at night.",
    "It goes on for hours and I cannot get my children to sleep."],
    close="Sandra Pike", new=True, note="original report")
c1 = s.council(m1, 2, "Environmental Health", "environmental.health@council.example",
               "Dear Ms Pike,\n\nTo investigate we need some more details. Please reply with:\n\n1. Your full address.\n2. Which days and times the noise happens.\n3. Whether you know who runs the workshop.\n\nEnvironmental Health")
m2 = s.m(reply_to=c1, greet="Hi, answers below.", paras=[], inline=[
    ("1. Your full address.", [[N("I live at 18 Dimond Street, Pembroke Dock SA72 6AH.")]]),
    ("2. Which days and times the noise happens.", [[N("It is every Tuesday, Thursday and Sunday, from about 9pm until midnight or later.")]]),
    ("3. Whether you know who runs the workshop.", [[N("It is the unit with the green doors and I think the man who uses it repairs motorbikes.")]])],
    close=None, new=True, note="answers the council's questions inline between quoted lines: three new facts")
s.m(reply_to=c1, paras=[
    "I live at 18 Dimond Street, Pembroke Dock SA72 6AH. It is every Tuesday, Thursday and Sunday, from about 9pm until midnight or later. It is the unit with the green doors and I think the man who uses it repairs motorbikes."],
    close="Sandra", days=6, new=False, note="the same answers as 02 run together in one paragraph")
s.m(reply_to=m2, quote=m2, paras=[F["wait"]], close="Sandra", days=4, new=False,
    note="quotes her own inline reply with filler")
s.m(paras=[[N("Last night, Sunday 29 March, the grinding went on until 1:15am.")]], close="Sandra Pike", days=1,
    new=True, note="new incident date")

# 025 ----------------------------------------------------------------------------------------
s = Seq("025-overhanging-trees-html-sender", "overhanging council trees: an HTML-only sender; a plain-text copy (not new), HTML with a new fact, multipart copy",
        "Hilary Rowe", "hilary.rowe@outlook.example", "parks@council.example",
        "Overhanging trees from Bush Hill play area", "2026-05-04 16:16", topic="trees")
m1 = s.m(greet="Good afternoon,", paras=[
    "The sycamore trees on the edge of the council play area at Bush Hill, Pembroke are overhanging my garden at 9 Orchard View by about three metres.",
    "They block all the light to my vegetable beds and drop sap on my car. Please arrange for them to be cut back."],
    close="Kind regards,\nHilary Rowe", fmt="html", new=True, note="original request (text/html only)")
s.m(like=m1, fmt="plain", days=7, new=False, note="plain-text copy of the HTML 01")
m3 = s.m(greet="Good afternoon,", paras=[
    [N("A large branch from one of the sycamores fell onto my greenhouse during the wind on Saturday 16 May and smashed four panes of glass.")]],
    close="Kind regards,\nHilary Rowe", fmt="html", days=5, new=True, note="new fact: storm damage (HTML only)")
s.m(like=m3, fmt="alt", pre=["I sent this on Saturday and have heard nothing."], days=4, new=False,
    note="multipart/alternative copy of 03 with a line of filler")
s.m(like=m1, fmt="html", mangle=["lower"], new=False, note="01 again in lower case, HTML")

# 026 ----------------------------------------------------------------------------------------
s = Seq("026-fly-tipping-inline-photos", "fly-tipping: HTML mail with an inline (multipart/related, cid:) photo; the same photo as an ordinary attachment (not new); a new inline photo (new)",
        "Darren Lloyd", "darren.lloyd@gmail.example", "street.scene@council.example",
        "Fly-tipping in the lay-by on the A477 near Red Roses", "2026-06-01 07:20", topic="fly-tipping")
m1 = s.m(greet="Hi,", paras=[
    "Someone has dumped a load of building rubble, plasterboard and about twenty black bags in the lay-by on the A477 just west of Red Roses.",
    "Photo below."], close="Darren Lloyd", fmt="alt",
    related=[("img-ff01@gmail.example", "image001.jpg", JPG, photo(26))], new=True, note="original report with an inline photo")
s.m(greet="Hi,", paras=["Sending the photo again as an attachment in case the first one did not come through."],
    close="Darren Lloyd", att=[("laybyA477.jpg", JPG, photo(26))], days=3, new=False,
    note="the same photo as 01, now an ordinary attachment under a new name")
s.m(greet="Hi,", paras=[
    [N("Even more has been dumped since, including an old fridge and a car bumper, and the bags have been torn open.")],
    "New photo below."], close="Darren Lloyd", fmt="alt",
    related=[("img-ff02@gmail.example", "image001.jpg", JPG, photo(27))], days=4, new=True, novel_att=["image001.jpg"],
    note="new fact and a new inline photo (same filename as 01's, different content)")
s.m(like=m1, fmt="html", related=[("img-ff03@gmail.example", "image002.jpg", JPG, photo(26))], days=2, new=False,
    note="01 again as HTML only, with the first photo inline under a new filename")
s.m(paras=["Still not cleared."], close="Darren", days=5, new=False, note="very short chaser")

# 027 ----------------------------------------------------------------------------------------
s = Seq("027-dog-fouling-forwards", "dog fouling: forwarded copies in three styles (Apple 'Begin forwarded message:', Outlook, as a message/rfc822 attachment) - none new; one new fact",
        "Linda Shaw", "linda.shaw@icloud.example", "dog.wardens@council.example",
        "Dog fouling on the path to Gelliswick beach", "2026-07-06 10:03", topic="dog fouling")
m1 = s.m(greet="Dear Dog Warden,", paras=[
    "The footpath from Gelliswick Road down to the beach in Milford Haven is covered in dog mess, especially by the steps at the bottom.",
    "Children use this path every day in the summer holidays. There is no dog bin anywhere along it."],
    close="Linda Shaw", new=True, note="original report")
s.m(top=["Did you get this?"], fwd=m1, fstyle="apple", close=None, sig="Sent from my iPhone", days=5, new=False,
    note="Apple Mail forward of 01 with 'Did you get this?'")
s.m(top=["Forwarding again."], fwd=m1, fstyle="outlook", close="Linda", days=3, new=False,
    note="Outlook-style forward of 01")
s.m(paras=["I attach my original email."], close="Linda Shaw", rfc822=m1, days=2, new=False,
    note="01 attached as message/rfc822; the cover note adds nothing")
s.m(greet="Dear Dog Warden,", paras=[
    [N("I have seen the same man with a black Labrador let it foul by the steps three mornings this week at about 7am, and he never picks it up.")]],
    close="Linda Shaw", days=1, new=True, note="new fact: a repeat offender seen")


# 028 ----------------------------------------------------------------------------------------
s = Seq("028-garden-waste-encodings", "garden waste subscription: exact resends in different transfer encodings and charsets (base64, quoted-printable, 8bit, windows-1252); a new payment reference",
        "Colin Ashworth", "colin.ashworth@btinternet.example", WASTE,
        "Garden waste paid for but not collected", "2026-04-20 09:00", topic="bins: garden waste")
m1 = s.m(greet="Dear Sir/Madam,", paras=[
    "I paid \u00a348 for the 2026 garden waste subscription for 6 Slade Lane, Haverfordwest in March and I was sent the green sticker.",
    "The brown bin has not been emptied once since the collections started on 6 April. Every other house in the lane has been done."],
    close="Yours faithfully,\nColin Ashworth", new=True, note="original complaint")
s.m(like=m1, cte="base64", days=5, new=False, note="exact resend of 01, body base64-encoded")
s.m(like=m1, cte="quoted-printable", days=1, new=False, note="exact resend of 01, quoted-printable")
s.m(like=m1, cte="8bit", days=1, new=False, note="exact resend of 01, 8bit UTF-8")
s.m(like=m1, charset="windows-1252", days=1, new=False, note="exact resend of 01 in windows-1252")
s.m(greet="Dear Sir/Madam,", paras=[
    [N("My payment reference was GW-2026-018842 and it was taken from my card on 4 March.")]],
    close="Yours faithfully,\nColin Ashworth", cte="base64", days=2, new=True, note="new payment reference (base64 body)")

# 029 ----------------------------------------------------------------------------------------
s = Seq("029-housing-transfer-rhetoric", "housing transfer complaint: new rhetoric, opinions and threats to escalate add nothing (not new); an Ombudsman case number is a new fact",
        "Tracey Baxter", "tracey.baxter@hotmail.example", COMPLAINTS,
        "Complaint - housing transfer application HT/2025/3391", "2026-02-23 15:42", topic="housing")
m1 = s.m(greet="Dear Complaints Team,", paras=[
    "I applied for a housing transfer in May 2025, reference HT/2025/3391, because my flat at 40 Kensington Gardens, Haverfordwest is on the third floor and I now use a wheelchair.",
    "I was put in Band C. With my mobility I should be in Band A. I want the banding reviewed."],
    close="Tracey Baxter", new=True, note="original complaint")
s.m(greet="Dear Complaints Team,", paras=[
    "This council is a joke. Councillors get paid a fortune while disabled people are left stuck on the third floor.",
    "I applied for a transfer in May 2025 (HT/2025/3391) and I am in Band C when I should be in Band A."],
    close="Tracey Baxter", days=4, new=False, note="hard: new opinions and rhetoric only; the facts are all in 01")
s.m(greet="Dear Complaints Team,", paras=[
    "I will be going to my MP, the Ombudsman and the newspapers if this is not sorted.",
    "My banding on HT/2025/3391 is wrong. I should be Band A."],
    close="Tracey Baxter", days=3, new=False, note="hard: threats to escalate are not new information")
m4 = s.m(greet="Dear Complaints Team,", paras=[
    [N("I have now complained to the Public Services Ombudsman for Wales and my case number is 202601877.")]],
    close="Tracey Baxter", days=9, new=True, note="hard: escalation that has happened, with a new reference number, is a new fact")
s.m(greet="Dear Complaints Team,", paras=[
    [N("Since my last email the lift in my block has been out of order for eight days and I have not been able to leave the flat at all.")]],
    close="Tracey Baxter", days=5, new=True, note="new fact: the lift is broken")
s.m(greet="Dear Complaints Team,", paras=[
    "Honestly, what is the point of you. My late mum always said you can never trust the council and she was right.",
    "I am still stuck on the third floor with a broken lift."],
    close="Tracey Baxter", days=2, new=False, note="hard: new rhetoric and a repeat of the lift fact from 05")

# 030 ----------------------------------------------------------------------------------------
s = Seq("030-resident-permit-formats", "residents' parking permit: the same facts with dates, times and amounts written differently (not new); one genuinely different date (new)",
        "Oliver Grant", "oliver.grant@gmail.example", PARKING,
        "Residents parking permit not received - Zone T3", "2026-03-03 19:25", topic="parking permit")
m1 = s.m(greet="Hello,", paras=[
    "I applied online for a Zone T3 residents' parking permit for 11 Victoria Street, Tenby on 3rd February 2026 and paid \u00a330.",
    "The permit has not arrived, and I was given a parking ticket outside my own house on 27 February."],
    close="Oliver Grant", new=True, note="original complaint")
s.m(greet="Hello,", paras=[
    "I applied online for a Zone T3 residents' parking permit for 11 Victoria Street, Tenby on 03/02/2026 and paid thirty pounds.",
    "The permit has not arrived, and I was given a parking ticket outside my own house on 27/02/2026."],
    close="Oliver Grant", days=4, new=False, note="hard: the same dates and amount written in another format")
s.m(greet="Hello,", paras=[
    "On Tuesday the 3rd of February I applied on your website for a T3 permit for 11 Victoria St and paid GBP 30.00.",
    "Still no permit. I got a ticket outside my house on Friday 27th Feb."],
    close="Oliver", days=3, new=False, note="hard: the same facts in different words and date formats")
s.m(greet="Hello,", paras=[
    [N("I got a second ticket outside my house on 9 March.")]],
    close="Oliver Grant", days=3, new=True, note="hard: a new date of a new ticket")
s.m(greet="Hello,", paras=["Two tickets now, on 27/02 and 09/03, and still no permit."], close="Oliver", days=2,
    new=False, note="hard: both ticket dates again in short form")

# 031 ----------------------------------------------------------------------------------------
s = Seq("031-abandoned-car-correction", "abandoned vehicle: a correction of a wrong registration is new; the corrected report resent is not",
        "Angela Kerr", "angela.kerr@sky.example", "street.scene@council.example",
        "Abandoned car on Hill Street, Haverfordwest", "2026-08-10 12:00", topic="abandoned vehicle")
m1 = s.m(greet="Hi there,", paras=[
    "There is a silver Ford Focus, registration WX14 KLM, that has been parked outside 52 Hill Street, Haverfordwest for over six weeks without moving.",
    "It has two flat tyres, the tax ran out in June and kids have smashed the rear window."],
    close="Angela Kerr", new=True, note="original report")
s.m(like=m1, greet="Hello,", close="Thanks,\nAngela Kerr", days=6, new=False, note="01 with a new greeting and sign-off")
m3 = s.m(greet="Hi there,", paras=[
    [N("Sorry, I gave the wrong registration before: it is WX14 KLN, not WX14 KLM.")]],
    close="Angela Kerr", days=1, new=True, note="hard: a correction of an earlier fact is new")
s.m(greet="Hi there,", paras=[
    "To confirm, the car is a silver Ford Focus WX14 KLN outside 52 Hill Street, there for over six weeks with two flat tyres, no tax since June and a smashed rear window."],
    close="Angela Kerr", days=4, new=False, note="hard: 01 restated with the corrected registration from 03")
s.m(paras=["Any update?"], close="Angela", days=7, new=False, note="very short chaser")

# 032 ----------------------------------------------------------------------------------------
s = Seq("032-roof-leak-status-changes", "roof leak: a change of state is new (repaired, then leaking again); repeating a state is not",
        "Derek Ingham", "derek.ingham@talktalk.example", REPAIRS,
        "Roof leaking - 3 Upper Frog Street, Tenby", "2026-10-05 08:10", topic="housing repairs: leak")
m1 = s.m(greet="Dear Repairs,", paras=[
    "Rain is coming through the ceiling on the landing of my council house at 3 Upper Frog Street, Tenby. I have a bucket under it.",
    "I think some slates have slipped after the wind last week."],
    close="Regards,\nDerek Ingham", new=True, note="original report")
s.m(like=m1, pre=[F["wait"]], days=4, new=False, note="01 with 'I am still waiting for a reply'")
m3 = s.m(greet="Dear Repairs,", paras=[
    [N("Your roofer came on 14 October and replaced the slates, and the leak has stopped.")],
    "Thank you. The ceiling is still stained, though."],
    close="Regards,\nDerek Ingham", days=6, new=True,
    note="hard: the state changes (repaired, leak stopped); the stained ceiling is implied by 01 and not itself counted")
m4 = s.m(greet="Dear Repairs,", paras=[
    [N("The leak came back last night in heavy rain, in the same place on the landing.")]],
    close="Regards,\nDerek Ingham", days=9, new=True, note="hard: the state changes back (leaking again)")
s.m(greet="Dear Repairs,", paras=["It is still leaking on the landing, same place as before. " + F["respond"]],
    close="Regards,\nDerek Ingham", days=3, new=False, note="hard: the same state as 04 restated")
s.m(greet="Dear Repairs,", paras=[
    [N("Water has now got into the light fitting on the landing and the electricity tripped out this morning.")]],
    close="Regards,\nDerek Ingham", days=1, new=True, note="new symptom: water in the light fitting")

# 033 ----------------------------------------------------------------------------------------
s = Seq("033-phone-mast-merge-and-subset", "objection to a phone mast: a merge of two earlier emails and a shorter subset are not new",
        "Rosemary Cartwright", "r.cartwright@btinternet.example", PLANNING,
        "Objection: 20m telecoms mast, land off Golden Hill Road, Pembroke (26/0219/TC)", "2026-05-18 10:00", topic="planning objection")
m1 = s.m(greet="Dear Sir or Madam,", paras=[
    "I object to prior approval application 26/0219/TC for a 20 metre telecommunications mast on land off Golden Hill Road, Pembroke.",
    "The mast would be 60 metres from Golden Hill primary school and would be visible from every house on the estate."],
    close="Yours faithfully,\nRosemary Cartwright", new=True, note="original objection")
m2 = s.m(greet="Dear Sir or Madam,", paras=[
    [N("There is already a mast on the water tower at Monkton, less than a kilometre away, that the operator could share.")]],
    close="Yours faithfully,\nRosemary Cartwright", days=2, new=True, note="new objection point: a mast to share")
s.m(greet="Dear Sir or Madam,", paras=[m1.paras[0], m1.paras[1], unmark(m2.paras[0])],
    close="Yours faithfully,\nRosemary Cartwright", days=3, new=False, note="01 and 02 merged into one email")
s.m(greet="Dear Sir or Madam,", paras=["I object to 26/0219/TC. The mast would be 60 metres from the primary school."],
    close="R. Cartwright", days=2, new=False, note="a shorter subset of 01")
s.m(greet="Dear Sir or Madam,", paras=[
    [N("The site notice was fixed to a gate that is hidden behind a hedge, so most people on the estate have not seen it.")]],
    close="Yours faithfully,\nRosemary Cartwright", days=1, new=True, note="new fact: hidden site notice")

# 034 ----------------------------------------------------------------------------------------
s = Seq("034-street-cleansing-subject-escalation", "broken glass in a car park: only the subject line escalates ('URGENT!!!', 'FINAL REQUEST') - not new; lower-case and squashed copies",
        "Craig Holloway", "craig.holloway@gmail.example", "street.scene@council.example",
        "Broken glass in Salterns car park, Tenby", "2026-07-27 18:40", topic="street cleansing")
m1 = s.m(greet="Hi,", paras=[
    "There is broken glass all over the lower level of Salterns car park in Tenby, near the pay machine, from smashed bottles.",
    "My dog cut her paw on it this evening. Families are walking through it to the beach."],
    close="Craig Holloway", new=True, note="original report")
s.m(like=m1, subject="URGENT!!! Broken glass in Salterns car park, Tenby", days=1, new=False, note="01 with an 'URGENT!!!' subject")
s.m(like=m1, subject="FINAL REQUEST - broken glass Salterns car park", days=2, new=False, note="01 with a 'FINAL REQUEST' subject")
s.m(like=m1, mangle=["squash"], days=1, new=False, note="01 squashed into one line")
s.m(greet="Hi,", paras=[[N("The glass has now been cleared from the lower level, but there is more by the toilets on the top level.")]],
    close="Craig", days=3, new=True, note="hard: partly cleared (state change) and a new location")

# 035 ----------------------------------------------------------------------------------------
s = Seq("035-council-tax-moved-address", "council tax after moving house: the new address is new; the same new address repeated in a signature is not",
        "Sophie Bennett", "sophie.bennett@outlook.example", CTAX,
        "Council tax account 40055510 - moved out", "2026-06-08 20:20", topic="council tax")
m1 = s.m(greet="Dear Council Tax,", paras=[
    "I moved out of 7 Quay Street, Haverfordwest on 31 May 2026 at the end of my tenancy. My account number is 40055510.",
    "Please close the account and send me a final bill."],
    close="Sophie Bennett", new=True, note="original notice")
m2 = s.m(greet="Dear Council Tax,", paras=[
    [N("My new address is 21 Harbour Court, Neyland SA73 1TR, which I moved into on 1 June.")]],
    close="Sophie Bennett", days=3, new=True, note="new address")
s.m(like=m1, close="Sophie Bennett\n21 Harbour Court, Neyland SA73 1TR", days=5, new=False,
    note="01 again with the (already known) new address in the signature")
s.m(like=m1, pre=[F["respond"]], sig="Sent from Outlook for Android", days=3, new=False, note="01 with 'Please respond.' and a client signature")
s.m(greet="Dear Council Tax,", paras=[
    [N("I have been sent a bill for June for 7 Quay Street, even though I had moved out by then.")]],
    close="Sophie Bennett", days=10, new=True, note="new fact: a bill after moving out")

# 036 ----------------------------------------------------------------------------------------
s = Seq("036-window-repair-access", "broken window: access arrangements for an inspection are new and pertinent; the same arrangements repeated are not",
        "Mohammed Iqbal", "m.iqbal@gmail.example", REPAIRS,
        "Broken window lock - Flat 2, 14 Dew Street, Haverfordwest", "2026-09-01 08:30", topic="housing repairs")
m1 = s.m(greet="Dear Sir/Madam,", paras=[
    "The lock on the living room window at Flat 2, 14 Dew Street, Haverfordwest is broken and the window will not shut properly.",
    "The flat is on the ground floor and I am worried about security. Please send someone to repair it."],
    close="Mohammed Iqbal", new=True, note="original report")
m2 = s.m(greet="Dear Sir/Madam,", paras=[
    [N("I work nights, so I am only at home between 9am and 1pm, Monday to Thursday.")],
    [N("If nobody is in, my neighbour at Flat 1 has a key and is happy to let your contractor in.")]],
    close="Mohammed Iqbal", days=2, new=True, note="new, pertinent access details")
s.m(greet="Dear Sir/Madam,", paras=[
    "Just to remind you that I am only in from 9am to 1pm, Monday to Thursday, and Flat 1 has a key.", F["wait"]],
    close="Mohammed Iqbal", days=5, new=False, note="access details from 02 repeated with filler")
s.m(greet="Dear Sir/Madam,", paras=[
    [N("Someone tried to open the window from outside on the night of 9 September and I have reported it to the police, crime reference DP-20260909-0117.")]],
    close="Mohammed Iqbal", days=3, new=True, note="new incident and a police reference")
s.m(like=m1, greet="To whom it may concern,", close="Yours faithfully,\nMohammed Iqbal", days=2, new=False, note="01 with a new greeting and sign-off")

# 037 ----------------------------------------------------------------------------------------
s = Seq("037-admissions-work-disclaimer", "primary school admission: sent from a work address with a changing legal disclaimer and signature; only a sibling fact is new",
        "Anjali Mistry", "anjali.mistry@firm.example", "school.admissions@council.example",
        "Reception place for Maya Mistry - Prendergast CP School", "2026-04-17 12:45", topic="school admissions")
DISC1 = ("This email and any attachments are confidential and intended solely for the addressee. If you have received it in error please notify the sender and delete it. "
         "Mistry & Hale LLP is registered in England and Wales, number OC123456.")
DISC2 = ("CONFIDENTIALITY NOTICE: The information in this email may be privileged. It is intended only for the named recipient. "
         "Any views expressed are those of the author and not of Mistry & Hale LLP.")
m1 = s.m(greet="Dear Admissions Team,", paras=[
    "My daughter Maya Mistry (date of birth 14/02/2022) has been offered a reception place at Hakin CP School for September 2026, which was our third preference.",
    "Our first preference was Prendergast CP School, which is 0.4 miles from our home at 8 Cartlett Road, Haverfordwest. Hakin is 7 miles away and I do not drive.",
    "Please tell me how to appeal."],
    close="Kind regards,\nAnjali Mistry\nAssociate | Mistry & Hale LLP | 01437 000000", sig=DISC1, new=True, note="original request")
s.m(like=m1, sig=DISC2, days=6, new=False, note="01 resent with a different legal disclaimer")
s.m(like=m1, close="Anjali Mistry\nSent from my mobile", sig=None, days=1, new=False, note="01 from a phone, signature and disclaimer gone")
s.m(greet="Dear Admissions Team,", paras=[
    [N("I should have said that Maya's older brother Ravi is already in Year 2 at Prendergast CP School, so she should have sibling priority.")]],
    close="Kind regards,\nAnjali Mistry\nAssociate | Mistry & Hale LLP | 01437 000000", sig=DISC1, days=2, new=True,
    note="new fact: sibling at the school (with the disclaimer)")
s.m(paras=["Following up on the below."], close="Anjali", sig=DISC2, quote=s.msgs[-1], qstyle="outlook", days=4,
    new=False, note="'following up on the below' over an Outlook quote of 04")

# 038 ----------------------------------------------------------------------------------------
s = Seq("038-asb-neighbour-witness", "anti-social behaviour: a named witness and a new incident are new; retelling the same incident is not",
        "Patricia Ogden", "patricia.ogden@btinternet.example", "community.safety@council.example",
        "Anti-social behaviour - Barn Street flats, Haverfordwest", "2026-02-02 10:20", topic="anti-social behaviour")
m1 = s.m(greet="Dear Community Safety,", paras=[
    "A group of youths have been gathering in the stairwell of Barn Street flats every evening. They smoke cannabis, leave rubbish and shout at residents.",
    "On Friday 30 January one of them kicked my door at 11pm and ran off laughing. I am 74 and I am frightened to go out."],
    close="Patricia Ogden\nFlat 9, Barn Street flats", new=True, note="original report")
s.m(greet="Dear Community Safety,", paras=[
    "I want to tell you again about the young people in our stairwell. Every night they are there with their drugs and their mess, shouting at us.",
    "On Friday the 30th one kicked my front door at about eleven o'clock and ran away. At my age I am scared to leave the flat."],
    close="Patricia Ogden\nFlat 9, Barn Street flats", days=5, new=False, note="hard: 01 retold in other words")
s.m(greet="Dear Community Safety,", paras=[
    [N("My neighbour Mr Evans at Flat 11 saw what happened on 30 January and is willing to give a statement.")]],
    close="Patricia Ogden\nFlat 9, Barn Street flats", days=2, new=True, note="new fact: a named witness")
s.m(greet="Dear Community Safety,", paras=[
    [N("Last night, 12 February, they set fire to the bin store at the back of the flats and the fire brigade had to come.")]],
    close="Patricia Ogden\nFlat 9, Barn Street flats", days=4, new=True, note="new incident")
s.m(like=s.msgs[-1], fmt="alt", new=False, note="multipart/alternative copy of 04")
s.m(paras=["Please respond, I am very worried."], close="Patricia Ogden", days=3, new=False, note="short filler")

# 039 ----------------------------------------------------------------------------------------
s = Seq("039-exhausted-complaint-variations", "after the complaints process is exhausted: 'treat this as a new complaint' with the same facts, or re-labelled as Stage 2, is not new (policy: additions or variations do not make a new complaint)",
        "Trevor Lamb", "trevor.lamb@aol.example", COMPLAINTS,
        "Complaint about the handling of my planning complaint", "2026-09-07 09:15", topic="complaints process")
m1 = s.m(greet="Dear Sir,", paras=[
    "I am complaining about how my complaint about the raised decking at 12 Castle Terrace, Pembroke was handled. The enforcement officer took 15 working days to visit and then decided no action was needed.",
    "I was never told the outcome in writing. I want the decision reviewed."],
    close="Yours faithfully,\nTrevor Lamb", new=True, note="original complaint about complaint handling")
c1 = s.council(m1, 10, "Complaints Team", "complaints@council.example",
               "Dear Mr Lamb,\n\nYour complaint has been considered at Stage 2 of our complaints procedure and our final response was sent on 14 September. This concludes the council's complaints process. If you remain dissatisfied you may contact the Public Services Ombudsman for Wales.\n\nComplaints Team")
s.m(reply_to=c1, quote=c1, paras=[
    "I want this treated as a new complaint. The officer took 15 working days to visit, decided to do nothing and never wrote to me."],
    close="Trevor Lamb", new=False, note="hard: asks for a new complaint, with the same facts (policy: variations are not new)")
s.m(subject="NEW Stage 2 complaint - planning enforcement EN/26/0502", greet="Dear Sir,", paras=[
    "Please log this as a new Stage 2 complaint. The visit took 15 working days, no action was taken and I was not told in writing.",
    "This is a separate complaint from my earlier one because it is about the officer, not the department."],
    close="Trevor Lamb", days=4, new=False, note="hard: the same facts re-labelled as a separate complaint")
s.m(reply_to=c1, quote=c1, paras=[
    [N("I have now found out that the enforcement officer who visited, Mr Price, is the brother-in-law of my neighbour at 12 Castle Terrace.")]],
    close="Trevor Lamb", days=3, new=True, note="new fact: an alleged conflict of interest")
s.m(reply_to=c1, quote=c1, paras=["As I said before, the officer is related to my neighbour. " + F["ten"]],
    close="Trevor Lamb", days=2, new=False, note="04 repeated with filler")


# 040 ----------------------------------------------------------------------------------------
s = Seq("040-customer-services-new-topics", "one sender, several topics: each new topic is new; a resend of a topic is not",
        "Karen Bishop", "karen.bishop@gmail.example", "customer.services@council.example",
        "Recycling boxes not returned - 5 Springfield Avenue, Neyland", "2026-03-23 08:15", topic="bins, council tax, potholes")
m1 = s.m(greet="Hello,", paras=[
    "For the last two Thursdays the recycling crew has emptied my boxes at 5 Springfield Avenue, Neyland and then thrown them in the road instead of leaving them at the gate.",
    "One of the lids has blown away. Please can you ask them to be more careful."],
    close="Karen Bishop", new=True, note="original complaint")
s.m(paras=["Any update on this?"], close="Karen", reply_to=m1, days=4, new=False, note="short chaser")
m3 = s.m(greet="Hello,", subject="Change of direct debit date - council tax account 40077218", paras=[
    [N("Separately, I would like to change the date of my council tax direct debit on account 40077218 from the 1st to the 15th of each month, because my pay date has changed.")]],
    close="Karen Bishop", days=2, new=True, note="new topic: council tax direct debit date")
s.m(like=m3, subject=m3.subject, days=6, new=False, note="exact resend of 03")
s.m(greet="Hello,", subject="Pothole outside 5 Springfield Avenue, Neyland", paras=[
    [N("There is also a pothole about 30 centimetres across in the road right outside my house, where the recycling lorry stops.")]],
    close="Karen Bishop", days=1, new=True, note="new topic: pothole")
s.m(greet="Hello,", subject="All my outstanding issues", paras=[
    "To recap my three open issues: the recycling boxes thrown in the road, changing my direct debit to the 15th, and the pothole outside my house.",
    F["respond"]], close="Karen Bishop", days=5, new=False, note="a recap of the three topics; nothing new")

# 041 ----------------------------------------------------------------------------------------
s = Seq("041-rats-multiple-attachments", "rats in a council flat: several attachments per message; one new photo among old ones is new, only old ones (renamed) is not",
        "Mick Dunn", "mick.dunn@hotmail.example", "pest.control@council.example",
        "Rats in Flat 12, Ocean Way, Milford Haven", "2026-11-02 09:40", topic="pest control / housing")
P1, P2, P3 = photo(41), photo(42), photo(43)
m1 = s.m(greet="Dear Pest Control,", paras=[
    "We have rats in the kitchen of our council flat at Flat 12, Ocean Way, Milford Haven. They have chewed through the back of the cupboard under the sink.",
    "I have attached two photos of the droppings and the hole."],
    close="Mick Dunn", att=[("IMG_1001.jpg", JPG, P1), ("IMG_1002.jpg", JPG, P2)], new=True, note="original report with two photos")
s.m(like=m1, att=[("droppings.jpg", JPG, P1), ("hole.jpg", JPG, P2)], days=3, new=False,
    note="01 resent with the same two photos renamed")
s.m(greet="Dear Pest Control,", paras=["Photos again, plus another one from last night."],
    close="Mick Dunn", att=[("IMG_1001.jpg", JPG, P1), ("IMG_1002.jpg", JPG, P2), ("IMG_1019.jpg", JPG, P3)],
    days=2, new=True, novel_att=["IMG_1019.jpg"], note="two old photos and one new one")
s.m(greet="Dear Pest Control,", paras=[
    [N("A rat ran across my granddaughter's bedroom floor on Sunday night, so they are now in the bedrooms too.")]],
    close="Mick Dunn", att=[("IMG_1019 (2).jpg", JPG, P3)], days=3, new=True,
    note="new fact in the text; the photo is old (from 03) under a new name")
s.m(greet="Dear Pest Control,", paras=["All three photos attached."], close="Mick Dunn",
    att=[("a.jpg", JPG, P1), ("b.jpg", JPG, P2), ("c.jpg", JPG, P3)], days=2, new=False, note="all three old photos, renamed")

# 042 ----------------------------------------------------------------------------------------
s = Seq("042-blue-badge-pasted-copies", "Blue Badge application: earlier mail pasted into the body without quote markers, 'please see my email below' over Outlook quotes - not new",
        "Maureen Tilley", "maureen.tilley@btinternet.example", "blue.badge@council.example",
        "Blue Badge application BB-26-04417", "2026-04-14 14:14", topic="blue badge")
m1 = s.m(greet="Dear Sir/Madam,", paras=[
    "I applied for a Blue Badge on 2 March 2026, reference BB-26-04417. I had a hip replacement in January and cannot walk more than a few metres.",
    "The website says applications take six weeks. It has been six weeks and I have heard nothing."],
    close="Yours faithfully,\nMaureen Tilley", new=True, note="original enquiry")
s.m(greet="Dear Sir/Madam,", paras=["I sent you this on 14 April:",
    "Dear Sir/Madam, I applied for a Blue Badge on 2 March 2026, reference BB-26-04417. I had a hip replacement in January and cannot walk more than a few metres. The website says applications take six weeks. It has been six weeks and I have heard nothing."],
    close="Maureen Tilley", days=7, new=False, note="01 pasted into the body as plain text, no quote markers")
s.m(paras=["Please see my email below."], close="Maureen Tilley", quote=m1, qstyle="outlook", days=3, new=False,
    note="'please see my email below' over an Outlook quote of 01")
m4 = s.m(greet="Dear Sir/Madam,", paras=[
    [N("My GP, Dr Rees at Harbour View Surgery in Neyland, has written a letter supporting my application and I can post it or email it.")]],
    close="Maureen Tilley", days=2, new=True, note="new fact: supporting letter from the GP")
s.m(greet="Dear Sir/Madam,", paras=["Here is what I wrote last week:", m4.paras[0] if isinstance(m4.paras[0], str) else " ".join(unmark(m4.paras[0])), "Still no reply."],
    close="Maureen Tilley", days=7, new=False, note="04 pasted without quote markers, with filler")

# 043 ----------------------------------------------------------------------------------------
s = Seq("043-sheltered-heating-short-messages", "heating in sheltered housing: a run of very short chasers (not new) and two very short messages that are new",
        "Brenda Oakes", "brenda.oakes@aol.example", HOUSING,
        "No heating - Flat 4, Glasfryn sheltered housing, Fishguard", "2026-11-16 07:30", topic="housing repairs: heating")
m1 = s.m(greet="Dear Housing,", paras=[
    "The heating in my flat at Flat 4, Glasfryn, Fishguard has not worked since Saturday. The radiators are stone cold.",
    "I am 82 and have COPD and it is very cold at night. The warden has reported it but nobody has come."],
    close="Brenda Oakes", new=True, note="original report")
s.m(reply_to=m1, paras=["?"], close=None, days=1, new=False, note="very short: '?'")
s.m(reply_to=m1, paras=["Hello??"], close=None, days=0, hour=16, minute=2, new=False, note="very short: 'Hello??'")
s.m(reply_to=m1, paras=[[N("Now the hot water has gone too.")]], close="Brenda", days=1, new=True, note="hard: very short but new (hot water failed)")
s.m(reply_to=m1, paras=["Chasing."], close=None, days=1, new=False, note="very short: 'Chasing.'")
s.m(reply_to=m1, paras=["Still nothing."], close="B Oakes", days=0, hour=18, minute=30, new=False, note="very short: 'Still nothing.'")
s.m(reply_to=m1, paras=[[N("I am going to stay with my son in Goodwick from tonight until it is fixed.")]], close="Brenda",
    days=1, new=True, note="hard: very short but new (she has left the flat; affects access)")
s.m(reply_to=m1, paras=["Well?"], close=None, days=1, new=False, note="very short: 'Well?'")

# 044 ----------------------------------------------------------------------------------------
s = Seq("044-knotweed-typos", "Japanese knotweed on council land: typo-ridden and corrected copies are not new; a spread into the garden is",
        "Dean Walsh", "dean.walsh@sky.example", "countryside@council.example",
        "japanese knotweed on council land behind Slade Park", "2026-06-15 22:10", topic="invasive weeds")
m1 = s.m(greet="hi", paras=[
    "theres japanese knotweed growing on the council owned strip of land behind slade park haverfordwest, its about 3 metres tall now and spreading towards the houses",
    "can someone come and treat it before it gets into peoples gardens"],
    close="dean", new=True, note="original report (no capitals, typos)")
s.m(greet="Hi,", paras=[
    "There's Japanese knotweed growing on the council-owned strip of land behind Slade Park, Haverfordwest. It's about 3 metres tall now and spreading towards the houses.",
    "Can someone come and treat it before it gets into people's gardens?"],
    close="Dean", days=6, new=False, note="01 with spelling, capitals and punctuation corrected")
m3 = s.m(greet="Hi,", paras=[
    [N("It has now come up through the patio at 14 Slade Park, which is my house, in three places.")]],
    close="Dean Walsh", days=9, new=True, note="new fact: knotweed in his patio")
s.m(greet="hi", paras=["its now come up thru the patio at 14 slade park which is my house in 3 places", "can someone come and treat it"],
    close="dean", days=3, new=False, note="03 (and 01) again with typos and no capitals")

# 045 ----------------------------------------------------------------------------------------
s = Seq("045-temporary-accommodation-council-facts", "temporary accommodation: quoting a council reply that carries new facts (an inspection date) adds nothing from the customer; what happened at the inspection is new",
        "Chloe Harper", "chloe.harper@gmail.example", "housing.options@council.example",
        "Conditions in temporary accommodation - Room 6, Seaview Guest House", "2026-05-26 17:30", topic="homelessness / temporary accommodation")
m1 = s.m(greet="Dear Housing Options,", paras=[
    "I have been placed in Room 6 at the Seaview Guest House, Milford Haven with my two children since 4 May.",
    "There is mould around the window, the shower leaks into the room below and we have no cooking facilities at all. My children are eating takeaway food every day."],
    close="Chloe Harper", new=True, note="original complaint")
c1 = s.council(m1, 2, "Kamal Ahmed", "k.ahmed@council.example",
               "Dear Ms Harper,\n\nThank you for raising these concerns. I have asked our Private Sector Housing team to inspect Room 6. An officer will visit on Wednesday 3 June between 10am and 12pm. We are also looking for self-contained accommodation for you.\n\nKamal Ahmed\nHousing Options Officer")
s.m(reply_to=c1, quote=c1, paras=["OK. " + F["noacc"] + " We should not be living like this."], close="Chloe", new=False,
    note="hard: the quoted reply carries new facts (inspection on 3 June) but they are the council's; the customer adds filler")
s.m(reply_to=c1, quote=c1, paras=[
    [N("The officer came on 3 June but only looked at the shower and did not check the mould or the kitchen.")]],
    close="Chloe Harper", days=5, new=True, note="new fact: what happened at the inspection")
s.m(reply_to=c1, quote=c1, paras=[
    [N("My daughter has had three chest infections since we moved in and her school attendance has dropped to 70 per cent.")]],
    close="Chloe Harper", days=6, new=True, note="new fact: the child's health and attendance")
s.m(like=s.msgs[-1], quote=None, reply_to=None, greet="Dear Housing Options,", days=3, new=False, note="04 resent as a new email with a greeting")

# 046 ----------------------------------------------------------------------------------------
s = Seq("046-barking-dog-diary-emails", "barking dog: diary entries by email; a new date is new, a date already reported is not",
        "Paul Mercer", "paul.mercer@outlook.example", ENVH,
        "Barking dog at 4 Slade Park, Haverfordwest", "2026-08-03 07:02", topic="noise")
m1 = s.m(greet="Hi,", paras=[
    "The dog at 4 Slade Park, Haverfordwest barks almost non-stop when its owners are out. I work from home next door at number 6 and cannot take calls.",
    "Sunday 2 August: barking from 8:15am to 1:40pm without a break."],
    close="Paul Mercer", new=True, note="original complaint with a first diary entry")
s.m(greet="Hi,", paras=[[N("Tuesday 4 August: barking from 9am to 12:30pm and again from 2pm to 5pm.")]], close="Paul", days=2,
    new=True, note="a new diary date")
s.m(greet="Hi,", paras=["Sunday 2 August: barking from 8:15am to 1:40pm without a break."], close="Paul", days=1,
    new=False, note="a diary date already reported in 01")
s.m(greet="Hi,", paras=[[N("Friday 7 August: 10am to 4pm, and it was howling as well as barking.")],
    "Tuesday 4 August: 9am to 12:30pm and 2pm to 5pm."], close="Paul", days=3,
    new=True, note="one new diary date and one repeated")
s.m(greet="Hi,", paras=["Diary so far: 2 August 8:15am-1:40pm; 4 August 9am-12:30pm and 2pm-5pm; 7 August 10am-4pm with howling."],
    close="Paul", days=2, new=False, note="hard: all known dates in a compressed list")

# 047 ----------------------------------------------------------------------------------------
s = Seq("047-holiday-let-bullets-vs-prose", "change of use to a holiday let: the same objections as a bulleted list and as prose are not new",
        "Fergus Campbell", "fergus.campbell@gmail.example", PLANNING,
        "Objection to 26/0388/PA - change of use of 2 Bridge Street, Newport to holiday let", "2026-05-05 18:18", topic="planning objection")
m1 = s.m(greet="Dear Planning Officer,", paras=[
    "I object to application 26/0388/PA for the change of use of 2 Bridge Street, Newport from a family home to a holiday let, for these reasons:",
    "- More than half the houses in Bridge Street are already second homes or holiday lets.\n- The village school has lost 20 pupils in five years.\n- There are only two parking spaces for a house that would sleep ten people."],
    close="Yours faithfully,\nFergus Campbell", new=True, note="original objection as a bulleted list")
s.m(greet="Dear Planning Officer,", paras=[
    "I am objecting to 26/0388/PA, the proposed holiday let at 2 Bridge Street, Newport. Over half of Bridge Street is already second homes or holiday lets, the school has lost 20 pupils in five years, and a house sleeping ten people would have just two parking spaces."],
    close="Yours faithfully,\nFergus Campbell", days=3, new=False, note="hard: the bulleted objections rewritten as prose")
s.m(greet="Dear Planning Officer,", paras=[
    [N("The applicant has already been advertising the house on a holiday booking website for this summer, at \u00a31,950 a week.")]],
    close="Yours faithfully,\nFergus Campbell", days=2, new=True, note="new fact: already advertised")
s.m(like=m1, mangle=["ws"], days=2, new=False, note="01 with whitespace changes")
s.m(greet="Dear Planning Officer,", paras=[
    "1. Bridge Street: more than half second homes or holiday lets already.\n2. School down 20 pupils in five years.\n3. Two parking spaces for ten guests.\n4. Already advertised for this summer."],
    close="F. Campbell", days=3, new=False, note="hard: everything so far as a numbered list")


# 048 (Welsh) --------------------------------------------------------------------------------
s = Seq("048-cy-gwasanaeth-cymraeg", "Welsh: complaint under the Welsh Language Standards; resend with new sign-off, hard paraphrase, new incident, quoted reply with filler",
        "Huw Powell", "huw.powell@gmail.example", CYMRAEG,
        "Cwyn - dim gwasanaeth Cymraeg ar y ff\u00f4n", "2026-03-10 11:05", lang="cy", topic="Welsh language services")
m1 = s.m(greet="Annwyl Swyddog y Gymraeg,", paras=[
    "Ffoniais i linell gwasanaethau cwsmeriaid y cyngor ar 9 Mawrth a dewis yr opsiwn Cymraeg. Ar \u00f4l aros am ugain munud cefais fy nghysylltu \u00e2 rhywun nad oedd yn siarad Cymraeg.",
    "Dywedwyd wrthyf am ffonio'n \u00f4l yn Saesneg. Nid dyma'r tro cyntaf i hyn ddigwydd."],
    close="Yn gywir,\nHuw Powell", new=True, note="original complaint")
s.m(like=m1, close="Cofion gorau,\nHuw", days=5, new=False, note="01 with a new sign-off")
s.m(greet="Annwyl Swyddog y Gymraeg,", paras=[
    "Ar 9 Mawrth fe wnes i ddewis Cymraeg ar eich llinell ff\u00f4n, aros ugain munud, ac yna siarad \u00e2 rhywun di-Gymraeg.",
    "Gofynnwyd i mi alw eto a siarad Saesneg. Mae hyn wedi digwydd o'r blaen hefyd."],
    close="Yn gywir,\nHuw Powell", days=3, new=False, note="hard: 01 reworded in Welsh")
m4 = s.m(greet="Annwyl Swyddog y Gymraeg,", paras=[
    [N("Ddoe, 23 Mawrth, cefais lythyr am fy nhreth gyngor yn Saesneg yn unig, er fy mod wedi gofyn am ohebiaeth Gymraeg yn 2024.")]],
    close="Yn gywir,\nHuw Powell", days=6, new=True, note="new incident: an English-only letter")
c1 = s.council(m4, 3, "Swyddog y Gymraeg", "gwasanaethau.cymraeg@council.example",
               "Annwyl Mr Powell,\n\nDiolch am eich e-bost. Mae'n ddrwg gennym am hyn. Rydym wedi cofnodi eich dewis iaith ar ein systemau ac wedi atgoffa'r staff o'u dyletswyddau o dan Safonau'r Gymraeg.\n\nSwyddog y Gymraeg")
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=["Rwyf wedi clywed hyn o'r blaen. " + FC["noacc"]], close="Huw",
    new=False, note="quotes the reply with filler")
s.m(reply_to=c1, quote=c1, qstyle="gmail_cy", paras=[
    [N("Rwyf wedi cysylltu \u00e2 Chomisiynydd y Gymraeg a'u cyfeirnod yw CSG/26/0142.")]],
    close="Huw Powell", days=8, new=True, note="new external reference number")

# 049 (Welsh) --------------------------------------------------------------------------------
s = Seq("049-cy-baw-cwn-parc", "Welsh: dog fouling in a park; exact resend, new fact (time and dog), HTML copy, English-language copy of the same (hard, not new), new photo",
        "Eleri Watkins-Jones", "ewj@btinternet.example", "wardeiniaid.cwn@council.example",
        "Baw c\u0175n ym Mharc y Dre, Hwlffordd", "2026-09-14 16:40", lang="cy", topic="dog fouling")
m1 = s.m(greet="Annwyl Wardeiniaid C\u0175n,", paras=[
    "Mae baw c\u0175n ym mhobman ar y cae chwarae ym Mharc y Dre, Hwlffordd, yn enwedig wrth y siglenni.",
    "Mae plant bach yn chwarae yno bob dydd. Does dim arwyddion na biniau baw c\u0175n yn y parc."],
    close="Diolch,\nEleri", new=True, note="original report")
s.m(like=m1, days=4, new=False, note="exact resend of 01")
m3 = s.m(greet="Annwyl Wardeiniaid C\u0175n,", paras=[
    [N("Mae dyn gyda dau gi defaid yn dod i'r parc bob bore tua 7:30 ac yn gadael i'r c\u0175n faeddu wrth y siglenni heb ei godi.")]],
    close="Diolch,\nEleri", days=3, new=True, note="new fact: a regular offender")
s.m(like=m3, fmt="html", new=False, note="HTML-only copy of 03")
s.m(greet="Dear Dog Wardens,", paras=[
    "There is dog mess all over the play area in Parc y Dre, Haverfordwest, especially by the swings. Small children play there every day and there are no signs or dog bins in the park.",
    "A man with two sheepdogs comes every morning at about 7:30 and lets them foul by the swings without picking it up."],
    close="Thanks,\nEleri", days=2, new=False, note="hard: 01 and 03 translated into English")
s.m(paras=["Llun wedi'i atodi."], close="Eleri", att=[("parc-y-dre.jpg", JPG, photo(49))], days=1, new=True,
    novel_att=["parc-y-dre.jpg"], note="new photo")

# 050 ----------------------------------------------------------------------------------------
s = Seq("050-council-tax-enforcement-agent", "council tax arrears: an enforcement agent's visit is new; filler, capitals and an Outlook quote of the council are not",
        "Lee Griffiths", "lee.griffiths@gmail.example", CTAX,
        "Council tax arrears - account 40031972", "2026-07-13 10:10", topic="council tax")
m1 = s.m(greet="Dear Council Tax,", paras=[
    "I received a summons for council tax arrears of \u00a3612.40 on account 40031972. I lost my job in April and have been on Universal Credit since May.",
    "I can afford \u00a340 a month. Please can I set up an arrangement and apply for the Council Tax Reduction Scheme."],
    close="Lee Griffiths", new=True, note="original request")
c1 = s.council(m1, 6, "Council Tax Recovery", "council.tax@council.example",
               "Dear Mr Griffiths,\n\nA liability order was granted on 10 July. We cannot accept \u00a340 per month. The account has been passed to our enforcement agents. Please contact them to arrange payment.\n\nCouncil Tax Recovery")
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=["I DO NOT ACCEPT THIS. I OFFERED TO PAY."], close="LEE", new=False,
    note="quotes the reply; shouting filler")
m3 = s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=[
    [N("An enforcement agent came to my door on 28 July and said he would take my car if I do not pay \u00a3922.40 by Friday, which includes \u00a3310 of fees.")],
    [N("I need the car to take my son to his hospital appointments in Swansea every week.")]],
    close="Lee Griffiths", days=10, new=True, note="new facts: enforcement visit, fees, and the need for the car")
s.m(like=m3, mangle=["upper"], reply_to=c1, days=1, new=False, note="03 again in capitals, without the quote")
s.m(greet="Dear Council Tax,", paras=[
    [N("I applied for the Council Tax Reduction Scheme online on 30 July and my application number is CTR-88120.")]],
    close="Lee Griffiths", days=2, new=True, note="new reference number")

# 051 ----------------------------------------------------------------------------------------
s = Seq("051-financial-assessment-documents", "financial assessment for care: a new PDF document is new; the same PDF renamed is not; the text of a letter repeated is not",
        "Steve Rowlands", "steve.rowlands@btinternet.example", "financial.assessments@council.example",
        "Financial assessment - Mr Glyn Rowlands, care charges", "2026-10-12 13:00", topic="adult social care: charging")
m1 = s.m(greet="Dear Financial Assessments,", paras=[
    "I act for my father, Mr Glyn Rowlands, under a lasting power of attorney. He has been charged \u00a3100 a week for home care since 1 September.",
    "The assessment counted his occupational pension twice, once from the pension company and once in his bank balance. His real income is much lower than you have calculated."],
    close="Steve Rowlands", new=True, note="original challenge")
PENS = pdf(["Dyfed Pensions Ltd - Annual statement 2026", "Member: Mr G. Rowlands", "Gross annual pension: GBP 6,240.00", "Paid monthly: GBP 520.00"])
s.m(greet="Dear Financial Assessments,", paras=["I attach his pension statement."], close="Steve Rowlands",
    att=[("pension statement 2026.pdf", PDF, PENS)], days=3, new=True, novel_att=["pension statement 2026.pdf"],
    note="new PDF attachment")
s.m(greet="Dear Financial Assessments,", paras=["Attaching the pension statement again."], close="Steve Rowlands",
    att=[("Rowlands_G_pension.pdf", PDF, PENS)], days=5, new=False, note="the same PDF as 02 renamed")
s.m(greet="Dear Financial Assessments,", paras=[
    "For clarity, the statement shows a gross annual pension of \u00a36,240, paid monthly at \u00a3520."],
    close="Steve Rowlands", days=1, new=False, note="hard: restates figures that are in the PDF already sent (02)")
s.m(greet="Dear Financial Assessments,", paras=[
    [N("I also hold the power of attorney registration letter from the Office of the Public Guardian, reference 7000-1234-5678, if you need it.")]],
    close="Steve Rowlands", days=2, new=True, note="new reference number")

# 052 ----------------------------------------------------------------------------------------
s = Seq("052-potholes-new-locations", "potholes along a lane: each new location is new; the same locations listed again are not",
        "Kirsty Munro", "kirsty.munro@gmail.example", HIGHWAYS,
        "Potholes on the lane from Cosheston to Lawrenny", "2026-01-27 08:50", topic="potholes")
m1 = s.m(greet="Hello,", paras=[
    "There is a line of deep potholes on the lane from Cosheston to Lawrenny, just past the bridge over the stream at the bottom of the hill.",
    "I drive this way to work every day and have to go onto the verge to avoid them."],
    close="Kirsty Munro", new=True, note="original report")
s.m(greet="Hello,", paras=[[N("There is another bad one on the same lane at the sharp bend by Woodfield Farm.")]], close="Kirsty Munro",
    days=3, new=True, note="new location")
s.m(greet="Hello,", paras=["Just to repeat: potholes past the bridge at the bottom of the hill, and at the bend by Woodfield Farm."],
    close="Kirsty Munro", days=4, new=False, note="the two known locations again")
s.m(greet="Hello,", paras=[[N("A third one has opened up outside the entrance to Lawrenny Quay car park.")]], close="Kirsty Munro",
    days=2, new=True, note="new location")
s.m(like=s.msgs[-1], fmt="alt", new=False, note="multipart/alternative copy of 04")
s.m(paras=["Any update?"], close="Kirsty", days=6, new=False, note="very short chaser")

# 053 (bilingual) ----------------------------------------------------------------------------
s = Seq("053-en-cy-school-bus-stop", "bilingual: an unsafe school bus stop; the Welsh half alone is not new, a new fact only in Welsh is new, quoted bilingual reply with filler",
        "Gwen Davies-Hart", "gwen.davieshart@outlook.example", TRANSPORT,
        "Unsafe school bus stop / Safle bws ysgol anniogel - A487 Croes-goch", "2026-09-08 07:55", lang="en+cy", topic="school transport")
EN1 = "The new pick-up point for the Ysgol Penrhyn Dewi bus is on the A487 at Croes-goch, on a bend with no pavement and a 50mph limit. The children have to wait on the verge."
CY1 = "Mae'r man codi newydd ar gyfer bws Ysgol Penrhyn Dewi ar yr A487 yng Nghroes-goch, ar dro heb balmant a therfyn cyflymder o 50mya. Mae'n rhaid i'r plant aros ar y glaswellt."
m1 = s.m(greet="Dear Sir/Madam / Annwyl Syr/Fadam,", paras=[EN1, CY1], close="Gwen Davies-Hart", new=True, note="original complaint, English then Welsh")
s.m(greet="Annwyl Syr/Fadam,", paras=[CY1], close="Gwen", days=4, new=False, note="hard: the Welsh half of 01 alone")
s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Bore ddoe, dydd Mercher 16 Medi, bu bron i lori daro fy merch wrth iddi aros am y bws.")]],
    close="Gwen Davies-Hart", days=5, new=True, note="new incident, in Welsh only")
c1 = s.council(s.msgs[-1], 1, "School Transport / Cludiant Ysgol", "school.transport@council.example",
               "Dear Mrs Davies-Hart / Annwyl Mrs Davies-Hart,\n\nA road safety officer will assess the pick-up point. / Bydd swyddog diogelwch y ffyrdd yn asesu'r man codi.\n\nSchool Transport / Cludiant Ysgol")
s.m(reply_to=c1, quote=c1, paras=["When? / Pryd?"], close="Gwen", days=2, new=False, note="quotes the bilingual reply with a one-word chaser")
s.m(reply_to=c1, quote=c1, paras=[
    "A lorry nearly hit my daughter at the stop on Wednesday 16 September. / Bu bron i lori daro fy merch ddydd Mercher 16 Medi."],
    close="Gwen", days=3, new=False, note="hard: the incident from 03 again, now in English and Welsh")

# 054 ----------------------------------------------------------------------------------------
s = Seq("054-disabled-bay-new-vehicle", "disabled parking bay application: a new vehicle registration is new; signature and greeting changes are not",
        "Ionela Popescu", "ionela.popescu@yahoo.example", "traffic@council.example",
        "Disabled parking bay outside 15 Albany Terrace, Tenby", "2026-02-09 12:12", topic="parking: disabled bay")
m1 = s.m(greet="Dear Traffic Team,", paras=[
    "I applied in November 2025 for a disabled parking bay outside my home at 15 Albany Terrace, Tenby for my husband, who has multiple sclerosis and uses a wheelchair.",
    "We have heard nothing. Most days we have to park two streets away."],
    close="Best regards,\nIonela Popescu", new=True, note="original enquiry")
s.m(like=m1, greet="Good morning,", close="Thank you,\nIonela Popescu\n15 Albany Terrace, Tenby", days=6, new=False,
    note="01 with a new greeting and signature (address already known)")
s.m(greet="Dear Traffic Team,", paras=[
    [N("We have changed our car; the new one is a grey Peugeot 5008, registration CU25 XPT, which has a ramp at the back.")],
    [N("Because of the ramp we need 3 metres clear behind the car, so a bay at the end of the terrace would be best.")]],
    close="Best regards,\nIonela Popescu", days=3, new=True, note="new vehicle and a new, pertinent space requirement")
s.m(like=s.msgs[-1], mangle=["lower"], days=4, new=False, note="03 in lower case")

# 055 ----------------------------------------------------------------------------------------
s = Seq("055-overcrowding-medical-letter", "overcrowding and a transfer: a new medical letter is new; mentioning it again, or the same scan resent, is not",
        "Fatima Begum", "fatima.begum@gmail.example", HOUSING,
        "Overcrowding - request for a bigger home, 2 Pill Road, Milford Haven", "2026-03-30 10:40", topic="housing")
m1 = s.m(greet="Dear Housing,", paras=[
    "I live in a two-bedroom council flat at 2 Pill Road, Milford Haven with my husband and our four children, aged 15, 12, 8 and 3.",
    "My 15-year-old daughter shares a room with her two brothers. We have been on the transfer list since 2023 and want to be considered for a four-bedroom house."],
    close="Fatima Begum", new=True, note="original request")
LETTER = pdf(["Harbour View Surgery, Neyland", "To whom it may concern", "Re: Zain Begum (age 8)",
              "Zain has autism and severe sleep difficulties. In my opinion he needs his own bedroom.", "Dr P. Thomas"])
m2 = s.m(greet="Dear Housing,", paras=[
    [N("My son Zain, who is 8, has been diagnosed with autism and his doctor says he needs a bedroom of his own.")],
    "I attach the letter from Dr Thomas."], close="Fatima Begum", att=[("Scan_0031.pdf", PDF, LETTER)], days=7, new=True,
    novel_att=["Scan_0031.pdf"], note="new fact and a new PDF letter")
s.m(greet="Dear Housing,", paras=["As I told you, Zain has autism and the doctor's letter says he needs his own room. Have you looked at it?"],
    close="Fatima Begum", days=5, new=False, note="refers back to 02; nothing new")
s.m(greet="Dear Housing,", paras=["Sending the doctor's letter again."], close="Fatima Begum",
    att=[("doctor letter Zain.pdf", PDF, LETTER)], days=2, new=False, note="the same PDF as 02 renamed")
s.m(greet="Dear Housing,", paras=[[N("We are expecting another baby in October.")]], close="Fatima Begum", days=6,
    new=True, note="hard: short, but a new fact that changes the household size")

# 056 ----------------------------------------------------------------------------------------
s = Seq("056-dfg-stairlift-outlook-chain", "disabled facilities grant (stairlift): Outlook thread with top-posting; filler over the thread is not new, a new fall is",
        "Hamza Yusuf", "hamza.yusuf@outlook.example", "grants@council.example",
        "Disabled facilities grant - stairlift for Mrs Amina Yusuf", "2026-04-27 15:00", topic="housing grants")
m1 = s.m(greet="Dear Grants Team,", paras=[
    "My mother, Mrs Amina Yusuf, of 10 Steynton Road, Milford Haven, was assessed by an occupational therapist in February, who recommended a stairlift.",
    "We were told the disabled facilities grant would be approved within eight weeks. It has been ten weeks."],
    close="Kind regards,\nHamza Yusuf", new=True, note="original enquiry", mailer="Microsoft Outlook 16.0")
c1 = s.council(m1, 4, "Grants Team", "grants@council.example",
               "Dear Mr Yusuf,\n\nThe application is waiting for a second contractor quote. Once this is received the grant can be approved.\n\nGrants Team", quotes=m1)
s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=["This is not acceptable. Please chase the contractor."], close="Hamza",
    new=False, note="Outlook top-post over the thread; filler", mailer="Microsoft Outlook 16.0")
m3 = s.m(reply_to=c1, quote=c1, qstyle="outlook", paras=[
    [N("Mum fell on the stairs on 12 May and has been sleeping downstairs on the sofa since.")],
    [N("We got the second quote ourselves from Celtic Mobility on 13 May and I can forward it.")]],
    close="Hamza", days=14, new=True, note="new facts: a fall; second quote obtained", mailer="Microsoft Outlook 16.0")
s.m(reply_to=m3, quote=m3, qstyle="outlook", paras=["Please see below. " + F["respond"]], close="Hamza", days=4,
    new=False, note="Outlook quote of 03 with filler", mailer="Microsoft Outlook 16.0")

# 057 ----------------------------------------------------------------------------------------
s = Seq("057-closed-accessible-toilet", "closed accessible toilet: reordered sentences and paragraphs are not new; the closure of a second toilet is",
        "Robin Tate", "robin.tate@protonmail.example", "property.services@council.example",
        "Accessible toilet at the Parrog, Newport closed", "2026-07-20 14:20", topic="public toilets")
m1 = s.m(greet="Hello,", paras=[
    "The accessible toilet at the Parrog car park in Newport has been locked for three weeks. There is no notice to say why or when it will reopen.",
    "I am a wheelchair user and it is the only accessible toilet near the beach. I have had to cut short two visits to the beach."],
    close="Robin Tate", new=True, note="original complaint")
s.m(greet="Hello,", paras=[
    "I am a wheelchair user. The accessible toilet at the Parrog car park in Newport is the only one near the beach, and it has been locked for three weeks with no notice to say why or when it will reopen.",
    "I have had to cut short two visits to the beach."],
    close="Robin Tate", days=5, new=False, note="hard: the sentences of 01 rearranged")
s.m(like=m1, order=[1, 0], days=2, new=False, note="01 with its paragraphs swapped")
s.m(greet="Hello,", paras=[[N("The accessible toilet at the Long Street car park in Newport is now closed as well, with a sign saying it is out of order.")]],
    close="Robin Tate", days=4, new=True, note="new fact: a second toilet closed")
s.m(greet="Hello,", paras=["Both accessible toilets in Newport are closed. " + F["ten"]], close="Robin Tate", days=3,
    new=False, note="a summary of known facts with filler")


# 058 ----------------------------------------------------------------------------------------
s = Seq("058-cemetery-grave-damage", "grave damaged by grass cutting: new photo inline in HTML is new; the same photo inline again is not; paraphrase is not",
        "Margaret Ellis", "margaret.ellis@talktalk.example", "bereavement.services@council.example",
        "Damage to my husband's grave - Merlin's Bridge cemetery", "2026-06-22 11:00", topic="bereavement services")
m1 = s.m(greet="Dear Bereavement Services,", paras=[
    "My husband's grave in Merlin's Bridge cemetery, section C row 4, has been damaged by the grass-cutting contractors. The marble vase has been knocked over and chipped.",
    "This is very upsetting. I would like the council to pay for the repair."],
    close="Yours sincerely,\nMargaret Ellis", new=True, note="original complaint")
s.m(greet="Dear Bereavement Services,", paras=[
    "I am writing again about the damage done to my late husband's grave (section C, row 4) at Merlin's Bridge by the people who cut the grass. They knocked over the marble vase and it is chipped.",
    "I find this very distressing and expect the council to pay to have it repaired."],
    close="Yours sincerely,\nMargaret Ellis", days=5, new=False, note="hard: 01 reworded")
s.m(greet="Dear Bereavement Services,", paras=["Here is a photograph."], close="Margaret Ellis", fmt="alt",
    related=[("grave-c4@talktalk.example", "grave.jpg", JPG, photo(58))], days=2, new=True, novel_att=["grave.jpg"],
    note="new photo, inline in the HTML part")
s.m(greet="Dear Bereavement Services,", paras=[
    [N("The stonemason, D. Phillips and Sons of Haverfordwest, has quoted \u00a3265 to replace the vase.")]],
    close="Yours sincerely,\nMargaret Ellis", fmt="alt", related=[("grave-c4b@talktalk.example", "grave.jpg", JPG, photo(58))],
    days=6, new=True, note="new fact (quote for the repair); the inline photo is the old one")
s.m(greet="Dear Bereavement Services,", paras=["Please respond to my emails."], close="Margaret Ellis", days=7, new=False, note="filler")

# 059 ----------------------------------------------------------------------------------------
s = Seq("059-takeaway-licence-objection", "objection to a late-night licence: a copy sent to a second address, quoted own mail, a new point",
        "Jack Fletcher", "jack.fletcher@gmail.example", "licensing@council.example",
        "Objection - late night refreshment licence, Kebab Palace, Main Street, Pembroke", "2026-08-17 20:00", topic="licensing")
m1 = s.m(greet="Dear Licensing Team,", paras=[
    "I object to the application by Kebab Palace, 60 Main Street, Pembroke to extend its late night refreshment hours to 3am on Fridays and Saturdays.",
    "I live above the shop next door. Customers already gather on the pavement until 1am, shouting and leaving litter, and cars park on the double yellow lines with engines running."],
    close="Jack Fletcher", new=True, note="original objection")
s.m(like=m1, to="cllr.tom.price@council.example", cc="licensing@council.example", days=1, new=False,
    note="01 sent to a councillor, licensing copied")
s.m(reply_to=m1, quote=m1, paras=["Please confirm you have received my objection."], close="Jack", days=4, new=False,
    note="quotes his own 01 asking for acknowledgement")
s.m(greet="Dear Licensing Team,", paras=[
    [N("The police were called to a fight outside Kebab Palace at 12:50am on Sunday 23 August.")]],
    close="Jack Fletcher", days=3, new=True, note="new incident")

# 060 ----------------------------------------------------------------------------------------
s = Seq("060-library-fine-nested-quotes", "library charge for a lost book: a reply quoting two levels of thread (the council quoting her) adds nothing; the book being found is new",
        "Amelia Clarke", "amelia.clarke@hotmail.example", "libraries@council.example",
        "Charge for lost book - library card 2300418", "2026-10-19 17:50", topic="libraries")
m1 = s.m(greet="Hello,", paras=[
    "I have been charged \u00a318.99 for a lost book on library card 2300418. I returned it through the drop box at Haverfordwest library on 2 October.",
    "Please remove the charge."], close="Amelia Clarke", new=True, note="original complaint")
c1 = s.council(m1, 2, "Library Services", "libraries@council.example",
               "Dear Ms Clarke,\n\nOur records show the book was not checked in. The charge will stand unless the book is found.\n\nLibrary Services", quotes=m1)
s.m(reply_to=c1, quote=c1, paras=["I did return it. " + F["noacc"]], close="Amelia", new=False,
    note="quotes the reply, which quotes 01 (two levels of '>'); filler")
s.m(reply_to=c1, quote=c1, paras=[
    [N("A member of staff at Haverfordwest library phoned me today, 26 October, to say they had found the book behind the drop box.")],
    "So please cancel the charge."], close="Amelia Clarke", days=4, new=True, note="hard: a new fact that resolves the dispute")
s.m(reply_to=c1, quote=c1, paras=["As I said, the book was found behind the drop box. Please cancel the charge."],
    close="Amelia", days=3, new=False, note="03 restated")

# 061 (Welsh) --------------------------------------------------------------------------------
s = Seq("061-cy-premiwm-ail-gartref", "Welsh: second-home premium charged on a main home; new evidence (electoral roll, GP), quoting own mail, capitals, exact resend",
        "Aled ap Dafydd", "aled.apdafydd@gmail.example", "treth.gyngor@council.example",
        "Premiwm ail gartref - 4 Bryn Celyn, Trefdraeth", "2026-04-13 09:30", lang="cy", topic="council tax")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Rwyf wedi cael bil treth gyngor ar gyfer 4 Bryn Celyn, Trefdraeth sy'n cynnwys premiwm ail gartref o 150 y cant.",
    "Nid ail gartref yw hwn. Dyma fy unig gartref ers i mi symud yn \u00f4l o Gaerdydd ym mis Ionawr."],
    close="Yn gywir,\nAled ap Dafydd", new=True, note="original complaint")
s.m(like=m1, days=5, new=False, note="exact resend of 01")
m3 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Rwyf ar y gofrestr etholiadol yn y cyfeiriad hwn ers 1 Chwefror ac rwyf wedi cofrestru gyda meddygfa Trefdraeth.")],
    [N("Cafodd fy fflat yng Nghaerdydd ei werthu ar 20 Mawrth.")]],
    close="Yn gywir,\nAled ap Dafydd", days=2, new=True, note="new evidence: electoral roll, GP, flat sold")
s.m(reply_to=m3, quote=m3, qstyle="gmail_cy", paras=[FC["ten"]], close="Aled", days=6, new=False, note="quotes his own 03 with filler")
s.m(like=m3, mangle=["upper"], days=2, new=False, note="03 in capitals")

# 062 (Welsh) --------------------------------------------------------------------------------
s = Seq("062-cy-prydau-ysgol", "Welsh: school meals and an allergy; hard paraphrase, a new allergic reaction, multipart copy, short chaser",
        "Nia Gwyn", "nia.gwyn@btinternet.example", "arlwyo.ysgolion@council.example",
        "Alergedd cnau - prydau ysgol, Ysgol Bro Gwaun", "2026-11-09 08:20", lang="cy", topic="school meals")
m1 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Mae gan fy mab Osian, sydd ym Mlwyddyn 3 yn Ysgol Bro Gwaun, alergedd difrifol i gnau. Rwyf wedi llenwi'r ffurflen deiet arbennig ddwywaith.",
    "Ddoe cafodd gynnig pwdin gyda chnau ynddo yn y ffreutur. Diolch byth, sylwodd cynorthwyydd dosbarth mewn pryd."],
    close="Yn gywir,\nNia Gwyn", new=True, note="original complaint")
s.m(greet="Annwyl Syr/Fadam,", paras=[
    "Mae Osian, fy mab ym Mlwyddyn 3 yn Ysgol Bro Gwaun, yn alergaidd iawn i gnau, ac rwyf wedi anfon y ffurflen deiet arbennig ddwywaith.",
    "Er hynny, cynigiwyd pwdin yn cynnwys cnau iddo yn y ffreutur, a dim ond oherwydd bod cynorthwyydd wedi sylwi y cafodd ei atal."],
    close="Yn gywir,\nNia Gwyn", days=3, new=False, note="hard: 01 reworded in Welsh")
m3 = s.m(greet="Annwyl Syr/Fadam,", paras=[
    [N("Heddiw cafodd Osian adwaith alergaidd ar \u00f4l cinio ysgol a bu'n rhaid i'r ysgol ddefnyddio ei EpiPen a ffonio ambiwlans.")]],
    close="Yn gywir,\nNia Gwyn", days=4, new=True, note="new incident: an allergic reaction")
s.m(like=m3, fmt="alt", new=False, note="multipart/alternative copy of 03")
s.m(paras=["Unrhyw ateb?"], close="Nia", days=2, new=False, note="very short chaser ('Any answer?')")

# 063 ----------------------------------------------------------------------------------------
s = Seq("063-blocked-gully-flooding", "blocked road gully: a new flood date and a new photo are new; the earlier photo inline again is not",
        "Connor McBride", "connor.mcbride@gmail.example", HIGHWAYS,
        "Blocked drain causing flooding - Hakin Road, Milford Haven", "2026-12-01 07:45", topic="highways: drainage")
m1 = s.m(greet="Hi,", paras=[
    "The road gully outside 88 Hakin Road, Milford Haven is completely blocked with leaves and silt. Whenever it rains the water spreads right across the road.",
    "Cars drive through it and soak the front of the houses and anyone on the pavement."],
    close="Connor McBride", att=[("gully.jpg", JPG, photo(63))], new=True, note="original report with a photo")
s.m(greet="Hi,", paras=[[N("On Saturday 5 December the water came up over the kerb and into my front garden for the first time.")]],
    close="Connor McBride", days=5, new=True, note="new fact: flooding reached the garden")
s.m(greet="Hi,", paras=["Photo again below."], close="Connor", fmt="alt",
    related=[("g1@gmail.example", "image0.jpeg", JPG, photo(63))], days=2, new=False, note="01's photo again, inline")
s.m(greet="Hi,", paras=["This is what it looked like this morning."], close="Connor",
    att=[("IMG_8830.jpg", JPG, photo(64))], days=3, new=True, novel_att=["IMG_8830.jpg"], note="new photo")
s.m(paras=["Well?"], close=None, days=4, new=False, note="very short chaser")

# 064 ----------------------------------------------------------------------------------------
s = Seq("064-respite-care-cancelled", "respite care cancelled: hard cases - a fact stated as a question, a council fact repeated back, a genuinely new cancellation",
        "Ruby Nash", "ruby.nash@gmail.example", SOCIAL,
        "Respite care for my son Leo cancelled", "2026-05-18 21:30", topic="adult social care: respite")
m1 = s.m(greet="Dear Adult Social Care,", paras=[
    "My son Leo is 23, has severe learning disabilities and lives with me in Pembroke Dock. He is supposed to have one weekend of respite care a month at Ty Gwyn.",
    "The respite weekend booked for 16 May was cancelled the day before, with no reason given. I care for him 24 hours a day and I am exhausted."],
    close="Ruby Nash", new=True, note="original complaint")
s.m(greet="Dear Adult Social Care,", paras=[
    "Why was Leo's respite weekend at Ty Gwyn on 16 May cancelled the day before without any reason? Do you understand that I look after him around the clock?"],
    close="Ruby Nash", days=3, new=False, note="hard: the same facts asked as questions")
c1 = s.council(s.msgs[-1], 2, "Adult Social Care", "adult.social.care@council.example",
               "Dear Ms Nash,\n\nThe May respite weekend was cancelled because of staff sickness at Ty Gwyn. Leo has been offered a replacement weekend on 13 June.\n\nAdult Social Care")
s.m(reply_to=c1, quote=c1, paras=["So it was staff sickness and Leo is offered 13 June instead. That is not good enough."],
    close="Ruby", new=False, note="hard: repeats the council's own facts back, with filler")
s.m(reply_to=c1, quote=c1, paras=[
    [N("The 13 June weekend has now been cancelled too; Ty Gwyn rang me this afternoon, 11 June.")],
    [N("My GP has signed me off work for two weeks with stress.")]],
    close="Ruby Nash", days=18, new=True, note="new facts: a second cancellation and the carer's health")
s.m(like=s.msgs[-1], reply_to=c1, quote=c1, qstyle="outlook", greet="To whom it may concern,", close="Yours faithfully,\nRuby Nash",
    days=1, new=False, note="04 resent with a new greeting, sign-off and an Outlook quote")

# 065 (English and Welsh) ---------------------------------------------------------------------
s = Seq("065-harder-translation-date-chain", "harder cases (issue 13): a Welsh translation of an English complaint, an English paraphrase, one new reference number among old text, a forward of a forward",
        "Eleri Vaughan", "eleri.vaughan@gmail.example", REPAIRS,
        "Leaking roof - 9 Stryd y Castell, Newport", "2026-05-04 08:15", lang="en+cy", topic="housing repairs: leaking roof")
m1 = s.m(greet="Dear Housing Repairs,", paras=[
    "Water is coming through the kitchen ceiling at 9 Stryd y Castell, Newport, every time it rains. The plaster above the cooker is bulging.",
    "I reported this by phone on 28 April and was given the reference HR-55102, but nobody has been to look at the roof."],
    close="Eleri Vaughan", new=True, note="original complaint")
s.m(greet="Annwyl Atgyweirio Tai,", paras=[
    "Mae d\u0175r yn dod drwy nenfwd y gegin yn 9 Stryd y Castell, Trefdraeth, bob tro mae'n bwrw glaw. Mae'r plastr uwchben y popty yn chwyddo.",
    "Rhoddais wybod am hyn dros y ff\u00f4n ar 28 Ebrill a chefais y cyfeirnod HR-55102, ond does neb wedi dod i edrych ar y to."],
    close="Eleri Vaughan", days=2, new=False, note="hard: 01 translated into Welsh")
s.m(greet="Dear Housing Repairs,", paras=[
    "Whenever it rains, water leaks through my kitchen ceiling at 9 Stryd y Castell in Newport, and the plaster over the cooker is swelling.",
    "I phoned on 28 April, got reference HR-55102, and still no one has come to inspect the roof."],
    close="Eleri Vaughan", days=2, new=False, note="hard: 01 paraphrased in English")
m4 = s.m(greet="Dear Housing Repairs,", paras=[
    "Water is coming through the kitchen ceiling at 9 Stryd y Castell, Newport, every time it rains. The plaster above the cooker is bulging.",
    [N("I rang again on 11 May and was given a second reference, HR-56877.")],
    "I reported this by phone on 28 April and was given the reference HR-55102, but nobody has been to look at the roof."],
    close="Eleri Vaughan", days=4, new=True, note="hard: one new date and reference number among the old text")
m5 = s.m(top=["Forwarding my complaint below, which has had no answer."], fwd=m1, close="Eleri Vaughan",
         days=2, new=False, note="forward of 01")
s.m(top=["Sending this on again: see my forwarded complaint below."], fwd=m5, fstyle="outlook", close="Eleri",
    days=3, new=False, note="hard: an Outlook forward of the Gmail forward of 01 (a chain)")


# ---------------------------------------------------------------------------------------------
# Output, checks, README
# ---------------------------------------------------------------------------------------------
def labels_toml(s):
    out = ["# %s" % s.about, "sender = %s" % toml_str(s.addr), "language = %s" % toml_str(s.lang),
           "topic = %s" % toml_str(s.topic), ""]
    for i, m in enumerate(s.msgs):
        out.append("[[message]]")
        out.append("file = %s" % toml_str(m.file))
        out.append("new = %s" % ("true" if m.new else "false"))
        out.append("note = %s" % toml_str(m.note))
        if i > 0:
            nov = novel_of(m)
            if nov:
                out.append("novel = [")
                out += ["    %s," % toml_str(x) for x in nov]
                out.append("]")
            else:
                out.append("novel = []")
        if m.novel_att:
            out.append("novel_attachments = [%s]" % ", ".join(toml_str(x) for x in m.novel_att))
        out.append("")
    return "\n".join(out)


def sanity(s):
    """Checks on the script's own labels before anything is written."""
    for i, m in enumerate(s.msgs):
        nov = novel_of(m)
        where = "%s/%s" % (s.slug, m.file)
        if i == 0:
            assert m.new and not nov, where
            continue
        if m.new:
            assert nov or m.novel_att, "%s: new without novel sentences or attachments" % where
        else:
            assert not nov and not m.novel_att, "%s: not new but has novel" % where


def refold(raw):
    """The email package sometimes folds right after 'Name:' (legal, but no mail client does
    that). Refold the top-level header block greedily at spaces, 78 columns, like clients do."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    logical = []
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and logical:
            logical[-1] += b" " + line.lstrip()
        else:
            logical.append(line)
    out = []
    for h in logical:
        words = h.split(b" ")
        cur = words[0]
        for w in words[1:]:
            if len(cur) + 1 + len(w) > 78 and cur.strip().endswith(b":") is False:
                out.append(cur)
                cur = b" " + w
            else:
                cur += b" " + w
        out.append(cur)
    new = b"\r\n".join(out) + sep + body
    p = BytesParser(policy=policy.default)
    a, b = p.parsebytes(raw), p.parsebytes(new)
    assert [(k, str(v).strip()) for k, v in a.items()] == [(k, str(v)) for k, v in b.items()], raw[:300]
    return new


def write(outdir):
    if os.path.isdir(outdir):
        for d in os.listdir(outdir):
            if re.match(r"^\d{3}-", d):
                shutil.rmtree(os.path.join(outdir, d))
    os.makedirs(outdir, exist_ok=True)
    for s in Seq.ALL:
        sanity(s)
        d = os.path.join(outdir, s.slug)
        os.makedirs(d)
        for m in s.msgs:
            with open(os.path.join(d, m.file), "wb") as f:
                f.write(refold(build(m).as_bytes(policy=OUT_POLICY)))
        with open(os.path.join(d, "labels.toml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(labels_toml(s))


def attachments(e):
    out = []
    for p in e.walk():
        if p.get_content_maintype() == "multipart":
            continue
        if p.get_content_type() == "message/rfc822":
            continue
        if p.is_attachment() or p.get_content_maintype() in ("image", "application"):
            out.append((p.get_filename(), p.get_payload(decode=True)))
    return out


def check(outdir):
    """Reads the written set back and checks it. Returns stats; raises on any problem."""
    problems = []
    ids = set()
    stats = dict(seqs=0, msgs=0, new=0, old=0, first=0, lang={}, hard=0, fmt={}, att_new=0)
    parser = BytesParser(policy=policy.default)
    dirs = sorted(d for d in os.listdir(outdir) if re.match(r"^\d{3}-", d))
    senders = {}
    for d in dirs:
        p = os.path.join(outdir, d)
        stats["seqs"] += 1
        with open(os.path.join(p, "labels.toml"), "rb") as f:
            lab = tomllib.load(f)
        stats["lang"][lab["language"]] = stats["lang"].get(lab["language"], 0) + 1
        if lab["sender"] in senders:
            problems.append("%s: sender also used by %s" % (d, senders[lab["sender"]]))
        senders[lab["sender"]] = d
        listed = [x["file"] for x in lab["message"]]
        emls = sorted(x for x in os.listdir(p) if x.endswith(".eml"))
        if listed != emls:
            problems.append("%s: labels list %s but folder has %s" % (d, listed, emls))
        if set(os.listdir(p)) - set(emls) - {"labels.toml"}:
            problems.append("%s: stray files" % d)
        last = None
        seen_att = set()
        earlier_text = []
        for i, x in enumerate(lab["message"]):
            where = "%s/%s" % (d, x["file"])
            raw = open(os.path.join(p, x["file"]), "rb").read()
            if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
                problems.append("%s: not CRLF" % where)
            e = parser.parsebytes(raw)
            for part in e.walk():
                if part.defects:
                    problems.append("%s: defects %s" % (where, part.defects))
                for k, v in part.items():
                    if getattr(v, "defects", None):
                        problems.append("%s: header %s defects %s" % (where, k, v.defects))
            for hname in ("From", "To", "Subject", "Date", "Message-ID"):
                if e[hname] is None:
                    problems.append("%s: no %s" % (where, hname))
            if e["From"].addresses[0].addr_spec != lab["sender"]:
                problems.append("%s: From is not the sender" % where)
            for hn in ("To", "Cc"):
                if e[hn] is not None:
                    for a in e[hn].addresses:
                        if not a.addr_spec.endswith("@council.example"):
                            problems.append("%s: %s not a council address" % (where, hn))
            dt = e["Date"].datetime
            if dt.year != 2026 or (last is not None and dt <= last):
                problems.append("%s: bad date %s" % (where, dt))
            last = dt
            mid = e["Message-ID"]
            if mid in ids:
                problems.append("%s: duplicate Message-ID" % where)
            ids.add(mid)
            if e["In-Reply-To"] is not None and e["References"] is None:
                problems.append("%s: In-Reply-To without References" % where)
            texts = body_texts(e)
            novel = x.get("novel", [])
            if i == 0:
                if not x["new"] or "novel" in x:
                    problems.append("%s: first message must be new, without novel" % where)
            elif "novel" not in x:
                problems.append("%s: no novel key" % where)
            for sent in novel:
                if not any(sent in t for t in texts):
                    problems.append("%s: novel sentence not in body: %r" % (where, sent))
                if any(sent in t for t in earlier_text):
                    problems.append("%s: novel sentence already in an earlier message: %r" % (where, sent))
            if i > 0 and x["new"] and not novel and not x.get("novel_attachments"):
                problems.append("%s: new but nothing novel listed" % where)
            if not x["new"] and (novel or x.get("novel_attachments")):
                problems.append("%s: not new but novel listed" % where)
            atts = attachments(e)
            names = {fn: data for fn, data in atts}
            for fn in x.get("novel_attachments", []):
                if fn not in names:
                    problems.append("%s: novel attachment %s missing" % (where, fn))
                elif hashlib.sha256(names[fn]).hexdigest() in seen_att:
                    problems.append("%s: novel attachment %s seen before" % (where, fn))
            for fn, data in atts:
                hsh = hashlib.sha256(data).hexdigest()
                if (not x["new"]) and hsh not in seen_att and not x["note"].startswith("hard:"):
                    problems.append("%s: not new but carries an unseen attachment %s" % (where, fn))
                if x["new"] and hsh not in seen_att and fn not in x.get("novel_attachments", []) and i > 0:
                    problems.append("%s: unseen attachment %s not listed" % (where, fn))
                seen_att.add(hsh)
            earlier_text += texts
            stats["msgs"] += 1
            stats["new" if x["new"] else "old"] += 1
            stats["first"] += i == 0
            stats["hard"] += "hard:" in x["note"]
            ct = e.get_content_type()
            stats["fmt"][ct] = stats["fmt"].get(ct, 0) + 1
            stats["att_new"] += bool(x.get("novel_attachments"))
    if problems:
        raise SystemExit("devset check failed:\n  " + "\n  ".join(problems))
    return stats


def structure_counts():
    c = {}
    def add(k):
        c[k] = c.get(k, 0) + 1
    for s in Seq.ALL:
        for m in s.msgs:
            if m.quote is not None:
                add("quotes a council reply" if isinstance(m.quote, Council) else "quotes the sender's own earlier mail")
            if m.inline:
                add("inline (interleaved) answers")
            if m.fwd is not None:
                add("forwarded copy in the body")
            if m.rfc822 is not None:
                add("earlier mail attached as message/rfc822")
            if m.fmt == "html":
                add("text/html only")
            if m.fmt == "alt":
                add("multipart/alternative")
            if m.related:
                add("inline image (multipart/related)")
            if m.att:
                add("attachments")
            if m.mangle:
                add("case/whitespace/punctuation changes")
            if m.cte or m.charset != "utf-8":
                add("other transfer encoding or charset")
            if len(own_text(m)) < 40 and m.quote is None and not m.att and not m.related:
                add("very short")
    return c


README_HEAD = """# Novelty development set ("new information only")

A labelled set of realistic email **sequences** for the future "new information only"
feature: for a customer whose contact has been restricted under the council's *Managing
Customer Contact* policy ("only acknowledging further correspondence where new and pertinent
information is presented which has not previously been considered"), decide whether each
inbound email carries new and pertinent information compared with that sender's earlier
emails, or is a repeat.

**Synthetic.** Every message was hand-written by the project. No real customer data: the
senders, addresses, reference numbers, people and events are invented, every sender domain
ends in `.example` and every council address is `@council.example`. Real Pembrokeshire place names,
schools and a hospital are used for realism; the people, businesses, street addresses, reference
numbers and events are made up.

The files are built by `tests/novelty/make_devset.py` (the text lives in that script; it only
wraps it in RFC 5322 messages, deterministically: running it twice gives byte-identical
files). To change the set, edit the script and run `python3 tests/novelty/make_devset.py`; it
rewrites the numbered folders and this README and then checks every file (see *Checks*).
`python3 tests/novelty/make_devset.py --check` only checks.

## Layout

One folder per sequence, `devset/<nnn>-<slug>/`, holding the messages `01.eml`, `02.eml`, ...
in arrival order (all from one customer address to council addresses) and `labels.toml`:

```toml
# what this sequence exercises
sender = "sharon.whitfield@btinternet.example"
language = "en"                # en | cy (Welsh) | en+cy (bilingual)
topic = "housing repairs: damp and mould"

[[message]]
file = "01.eml"
new = true                     # the first message of a sequence is always new; it has no `novel`
note = "original complaint"

[[message]]
file = "05.eml"
new = true
note = "new fact: the child's asthma diagnosis and a GP letter"
novel = [                      # the new sentences, verbatim as in the decoded body
    "My youngest son, who is 4, has been diagnosed with asthma and the GP says the mould is making it worse.",
    "I have a letter from Dr Morgan at Prendergast Surgery dated 2 February 2026 which I can send you.",
]

[[message]]
file = "07.eml"
new = true
note = "new photo attached; the text adds nothing"
novel = []
novel_attachments = ["IMG_20260214_081522.jpg"]   # new by attachment content
```

* `new` is the label. Every message after the first has `novel` (empty when `new = false`).
* `novel` lists the sentences that carry the new information, each exactly as it appears in the
  decoded body (text/plain, or text/html when there is no plain part; no HTML entities inside
  them). A sentence is usually one line of the source paragraph; a message can have several.
* `novel_attachments` lists the filenames of attachments (or inline images) whose **content** is
  new. A message can be new by text, by attachment, or both.
* `note` says what the message exercises; notes starting `hard:` mark the difficult cases
  (paraphrases, translations, format changes, facts repeated from the council's own reply,
  rhetoric, corrections, state changes).
* Council replies are not in the set (only the customer's messages are), but customers quote
  them; `In-Reply-To`/`References` then point at a council Message-ID that is not in the folder.

Each `.eml` is RFC 5322 with CRLF line ends: `From`, `To` (and sometimes `Cc`, a councillor),
`Subject`, `Date` (2026, strictly increasing within a sequence, Europe/London offsets), a
unique `Message-ID`, `In-Reply-To`/`References` on replies, and MIME headers. Bodies use
quoted-printable, base64, 7bit or 8bit, in UTF-8, ISO-8859-1 or windows-1252.

## What counts as new and pertinent

The decision is made against **all earlier messages of the same sequence** (the sender's own
history), not only the previous one, and only on what the **sender** says or attaches.

New (`new = true`):
* a new fact about the matter: another incident with a new date, a new symptom or harm (a
  child's asthma, a fall, a chest infection), a new reference number (a letter, a PCN notice,
  an Ombudsman, ICO or police reference, an application number), a new address, a new vehicle,
  new evidence (a doctor's letter, a witness, CCTV, a phone bill), access arrangements for an
  inspection, a new location, the result of a visit;
* a change of state: repaired / leaking again, partly cleared, the book found;
* a correction of an earlier fact (a wrong registration);
* a new topic from the same sender;
* a new attachment: a photo, scan or PDF whose **content** was not sent before, even when the
  text is a pure repeat.

Not new (`new = false`):
* exact resends, to the same or another council address, with or without a councillor copied;
  a different subject line only ("SECOND REQUEST", "URGENT!!!", "FINAL REQUEST");
* a new greeting or sign-off ("Dear Sir" / "To whom it may concern", "Regards" / "Yours
  faithfully", Welsh "Annwyl Syr/Fadam" / "I bwy bynnag a fynno wybod", "Cofion" / "Yn gywir"),
  a changed signature, client footer ("Sent from my iPhone") or legal disclaimer;
* changes of case, whitespace, punctuation or spelling; paragraphs or sentences reordered;
  one paragraph squashed; prose turned into a bulleted list and back; dates, times and
  amounts written another way (3rd February / 03/02/2026, GBP 30.00 / thirty pounds);
* forwarded copies ("---------- Forwarded message ---------", Outlook, Apple "Begin forwarded
  message:", Welsh Gmail) or the earlier mail attached as `message/rfc822`, or pasted without
  quote markers;
* the same text as HTML only or as multipart/alternative, or in another transfer encoding or
  charset;
* quoting the council's reply (`On ... wrote:` with `>` lines, Outlook `From:/Sent:` blocks,
  `-----Original Message-----`, Welsh `Ar ddydd ... ysgrifennodd:`, nested `>>` quotes) or
  the sender's own earlier mail, and adding only filler. Facts that appear only in the
  quoted council text (an inspection date, a case number) are the council's, not new
  information from the customer, and repeating them back is not new either;
* stock filler: "I am still waiting", "I do not accept this", "as I said before", "please
  respond", "this is my fifth email", "I expect a reply within 10 days", "Any update?",
  "Well?", "?", "Chasing.", and the Welsh equivalents ("Rwy'n dal i aros am ateb", "Nid wyf yn
  derbyn hyn", "Unrhyw newyddion?", "Wel?");
* rewordings, summaries, subsets, merges of earlier mails, and translations between English and
  Welsh of facts already given;
* opinions, rhetoric, emotion and threats to escalate ("I will go to my MP and the
  Ombudsman"), and asking for the same facts to be treated as a new or a Stage 2 complaint
  (the policy: "additions or variations to the original service complaint" do not make a new
  complaint). An escalation that has actually happened, with its new reference number, is new;
* the same attachment again under another filename, as an inline image instead of an
  attachment, or (one `hard:` case, `007/08`) the same picture re-encoded: identical pixels,
  different bytes.

Attachments are compared by content, not by name: in `026` the same filename carries two
different pictures, and elsewhere the same picture carries different names.

"Pertinent" is kept simple: everything labelled new here is about the sender's matter (or a new
council matter); pure asides without a fact are labelled not new.

## Counts

"""


def readme(stats):
    seqs = Seq.ALL
    follow = stats["msgs"] - stats["first"]
    follow_new = stats["new"] - stats["first"]
    lang = stats["lang"]
    out = [README_HEAD.rstrip("\n") + "\n"]
    out.append("| | count |\n|---|---:|")
    out.append("| sequences | %d |" % stats["seqs"])
    out.append("| messages | %d |" % stats["msgs"])
    out.append("| new (`new = true`) | %d |" % stats["new"])
    out.append("| not new (`new = false`) | %d |" % stats["old"])
    out.append("| first messages (always new) | %d |" % stats["first"])
    out.append("| follow-up messages: new / not new | %d / %d |" % (follow_new, follow - follow_new))
    out.append("| new by attachment content (`novel_attachments`) | %d |" % stats["att_new"])
    out.append("| notes marked `hard:` | %d |" % stats["hard"])
    out.append("| sequences in English / Welsh / bilingual | %d / %d / %d |" % (lang.get("en", 0), lang.get("cy", 0), lang.get("en+cy", 0)))
    cy_msgs = sum(len(s.msgs) for s in seqs if s.lang == "cy")
    bi_msgs = sum(len(s.msgs) for s in seqs if s.lang == "en+cy")
    out.append("| messages in Welsh / bilingual sequences | %d / %d |" % (cy_msgs, bi_msgs))
    out.append("")
    out.append("Message structure (a message can be counted in more than one row):\n")
    out.append("| structure | messages |\n|---|---:|")
    for k, v in sorted(structure_counts().items(), key=lambda kv: -kv[1]):
        out.append("| %s | %d |" % (k, v))
    out.append("")
    out.append("Top-level content types: " + ", ".join("`%s` %d" % kv for kv in sorted(stats["fmt"].items(), key=lambda kv: -kv[1])) + ".")
    out.append("")
    out.append("## Sequences\n")
    out.append("| sequence | lang | messages | new | what it exercises |\n|---|---|---:|---:|---|")
    for s in seqs:
        out.append("| `%s` | %s | %d | %d | %s |" % (s.slug, s.lang, len(s.msgs), sum(m.new for m in s.msgs), s.about))
    out.append("")
    out.append("""## Checks

`make_devset.py` reads the written files back and fails unless: every `.eml` parses with
Python's `email` package (`policy=email.policy.default`) with no defects on any part or
header; every line ends in CRLF; `From` is the sequence's `sender` and every `To`/`Cc` is a
council address; `Date` is in 2026 and strictly increasing; every `Message-ID` is unique
across the set; replies carry `References`; every `labels.toml` parses (`tomllib`), lists
exactly the `.eml` files in its folder, in order; the first message is new and has no
`novel`; every `novel` sentence appears verbatim in the decoded body of its message and in
no earlier message of the sequence; every new follow-up lists a novel sentence or
attachment; no not-new message lists any; every `novel_attachments` file exists and its
content was not sent before in the sequence; and a not-new message carries no unseen
attachment content except the one `hard:` re-encoded picture.

## Notes for an implementer

* Strip what is not the sender's own new text before comparing: quoted replies (all the
  styles above, including Welsh headers and nested quotes), forwarded blocks, greetings,
  sign-offs, signatures, client footers and disclaimers. Then compare facts, not strings.
  As a yardstick: with the quotes removed perfectly, a naive "any sentence not seen before
  (lower-cased, punctuation dropped)" rule finds all 110 new follow-ups but also calls 139 of
  the 194 not-new ones new (greetings, filler, paraphrases and translations all look unseen).
* Keep the history of everything the sender has said and attached in the sequence, including
  facts first given in an earlier follow-up: a fact is new only once.
* Hash attachments by decoded content; consider a perceptual comparison for images (see the
  re-encoded picture in `007`). Inline `cid:` images count as attachments.
* Facts from the council's quoted reply are not the customer's new information.
* Dates, amounts and references are the strongest signal of a new fact, but the same date in
  another format is not new, and a new date alone (a new incident) is.
* Welsh and bilingual mail is common: translation of an earlier message is not new.
""")
    return "\n".join(out)


def main(argv):
    only_check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    out = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "devset")
    if not only_check:
        write(out)
    stats = check(out)
    if not only_check:
        with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(readme(stats))
    print("%(seqs)d sequences, %(msgs)d messages: %(new)d new, %(old)d not new" % stats)


if __name__ == "__main__":
    main(sys.argv[1:])
