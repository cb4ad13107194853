#!/usr/bin/env python3
"""Builds the labelled development set for the abusive-language flags:
tests/flags/devset/{abusive,legitimate,reported,places}/NNN-slug.eml, and its README.md.

    python3 tests/flags/make_devset.py [OUTDIR]      # default: tests/flags/devset

Every message below is hand-written by the project: synthetic text, fictional senders (all
domains end in .example), no real customer data. This script only wraps the text in RFC 5322
messages (CRLF line ends, MIME headers, the chosen transfer encoding), gives each a
deterministic date, sender and Message-ID, and adds the two label headers:

    X-Devset-Expect: none | category[,category...]
    X-Devset-Note: one line on why

The output is deterministic: running it twice gives byte-identical files. Existing *.eml files
in the four folders are removed first, so the folder always matches this script.
"""
import base64
import datetime
import email.utils
import hashlib
import html
import os
import quopri
import random
import sys
import textwrap
from email import policy
from email.parser import BytesParser

CATEGORIES = [
    "profanity", "sexual", "slur_racist", "slur_homophobic", "slur_transphobic",
    "slur_disablist", "slur_sexist", "threat", "threat_implied", "harassment", "demeaning",
]
FOLDERS = ["abusive", "legitimate", "reported", "places"]

# ---------------------------------------------------------------------------------------------
# Recipients
# ---------------------------------------------------------------------------------------------
DEPTS = {
    "planning": "planning@council.example",
    "housing": "housing@council.example",
    "repairs": "housing.repairs@council.example",
    "complaints": "complaints@council.example",
    "highways": "highways@council.example",
    "waste": "waste@council.example",
    "ctax": "council.tax@council.example",
    "env": "environmental.health@council.example",
    "cs": "customer.services@council.example",
    "licensing": "licensing@council.example",
    "parking": "parking@council.example",
    "health": "sexual.health@council.example",
    "publichealth": "public.health@council.example",
    "parks": "parks@council.example",
    "libraries": "libraries@council.example",
    "education": "education@council.example",
    "admissions": "school.admissions@council.example",
    "transport": "school.transport@council.example",
    "social": "adult.social.care@council.example",
    "children": "childrens.services@council.example",
    "safety": "community.safety@council.example",
    "members": "members.services@council.example",
    "pest": "pest.control@council.example",
    "events": "events@council.example",
    "registrars": "registrars@council.example",
    "trading": "trading.standards@council.example",
    "bereavement": "bereavement.services@council.example",
    "leisure": "leisure@council.example",
    "tourism": "tourism@council.example",
    "archives": "archives@council.example",
    "building": "building.control@council.example",
    "elections": "elections@council.example",
    "foi": "foi@council.example",
    "benefits": "benefits@council.example",
    "cymraeg": "gwasanaethau.cymraeg@council.example",
    "ceo": "chief.executive@council.example",
    "equality": "equality@council.example",
    "countryside": "countryside@council.example",
    "harbour": "harbour.master@council.example",
}
OFFICERS = {
    "jsmith": ("John Smith", "j.smith@council.example"),
    "revans": ("Rhian Evans", "r.evans@council.example"),
    "spatel": ("Sunita Patel", "s.patel@council.example"),
    "dturpin": ("Dick Turpin", "d.turpin@council.example"),
    "mjones": ("Mark Jones", "m.jones@council.example"),
    "awilliams": ("Anwen Williams", "a.williams@council.example"),
    "kahmed": ("Kamal Ahmed", "k.ahmed@council.example"),
    "lhughes": ("Lowri Hughes", "l.hughes@council.example"),
    "ethomas": ("Emyr Thomas", "e.thomas@council.example"),
    "cokafor": ("Chidi Okafor", "c.okafor@council.example"),
    "bcockburn": ("Beth Cockburn", "b.cockburn@council.example"),
    "tnowak": ("Tomasz Nowak", "t.nowak@council.example"),
    "cllr_davies": ("Cllr Gwen Davies", "cllr.gwen.davies@council.example"),
    "cllr_price": ("Cllr Tom Price", "cllr.tom.price@council.example"),
    "cllr_hussain": ("Cllr Aisha Hussain", "cllr.aisha.hussain@council.example"),
    "cllr_morgan": ("Cllr Dafydd Morgan", "cllr.dafydd.morgan@council.example"),
    "cllr_pratt": ("Cllr Helen Pratt", "cllr.helen.pratt@council.example"),
}

# ---------------------------------------------------------------------------------------------
# Senders (fictional)
# ---------------------------------------------------------------------------------------------
FIRST_LAST = """
Jane Doe|Gary Hopkins|Sharon Whitfield|Darren Lloyd|Karen Bishop|Paul Mercer|Linda Shaw
Steve Rowlands|Tracey Baxter|Wayne Parry|Nicola Fenwick|Colin Ashworth|Debbie Marsh
Craig Holloway|Julie Sweeney|Mick Dunn|Angela Kerr|Lee Griffiths|Sandra Pike|Dean Walsh
Rhys Pritchard|Siân Llywelyn|Dafydd Roberts|Gwenllian ap Rhys|Iolo Jenkins|Catrin Huws
Bethan Mai Owen|Gethin Lewis|Eleri Watkins|Huw Powell|Ffion Rees|Aled Bowen|Mererid Prys
Imran Qureshi|Priya Sharma|Mohammed Iqbal|Fatima Begum|Ravinder Gill|Anjali Mistry
Oluwaseun Adeyemi|Grace Mensah|Kwame Boateng|Chiamaka Obi|Marek Kowalski|Agnieszka Wójcik
Piotr Zielinski|Ionela Popescu|Li Wei|Mei Ling Chan|Nguyen Thi Lan|Hamza Yusuf|Leyla Demir
Margaret Thornton|Arthur Pendleton|Hilary Rowe|Bernard Quigley|Rosemary Cartwright
Sophie Bennett|Oliver Grant|Amelia Clarke|Jack Fletcher|Chloe Harper|Ethan Doyle|Ruby Nash
Connor McBride|Niamh Gallagher|Fergus Campbell|Isla Robertson|Callum Reid|Kirsty Munro
Tom Ellery|Alex Morgan|Sam Okoro|Jordan Pike|Robin Tate|Charlie Frost|Morgan Blake
Patricia Ogden|Keith Barlow|Maureen Tilley|Derek Ingham|Brenda Oakes|Trevor Lamb
"""
SENDERS = [n.strip() for n in FIRST_LAST.replace("\n", "|").split("|") if n.strip()]
DOMAINS = [
    "mail.example", "gmail.example", "outlook.example", "btinternet.example",
    "hotmail.example", "yahoo.example", "sky.example", "talktalk.example",
    "virginmedia.example", "icloud.example", "aol.example", "proton.example",
    "post.example", "ntlworld.example",
]
ASCII_FOLD = str.maketrans("âêîôûŵŷáéíóúàèìòùäëïöüÿóńśźżłąęćñ", "aeiouwyaeiouaeiouaeiouyonszzlaecn")


def local_part(name, rng):
    parts = name.lower().translate(ASCII_FOLD).replace("'", "").split()
    first, last = parts[0], parts[-1]
    style = rng.randrange(6)
    if style == 0:
        return f"{first}.{last}"
    if style == 1:
        return f"{first}{last}{rng.choice([n for n in range(50, 99) if n != 69])}"
    if style == 2:
        return f"{first[0]}.{last}"
    if style == 3:
        return f"{first}_{last}"
    if style == 4:
        return f"{last}{first[0]}{rng.randrange(1, 9)}"
    return f"{first}.{last}{rng.randrange(1960, 2005)}"


# ---------------------------------------------------------------------------------------------
# Encoding helpers
# ---------------------------------------------------------------------------------------------
CRLF = "\r\n"


def encoded_words(text, enc="B"):
    """RFC 2047 encoded-words for a header value, each at most 75 characters."""
    words, chunk = [], ""

    def word(s):
        b = s.encode("utf-8")
        if enc == "B":
            return "=?UTF-8?B?" + base64.b64encode(b).decode() + "?="
        out = ""
        for byte in b:
            c = chr(byte)
            if c == " ":
                out += "_"
            elif c.isalnum() and byte < 128:
                out += c
            else:
                out += "=%02X" % byte
        return "=?UTF-8?Q?" + out + "?="

    for ch in text:
        if len(word(chunk + ch)) > 75:
            words.append(word(chunk))
            chunk = ch
        else:
            chunk += ch
    if chunk:
        words.append(word(chunk))
    return (CRLF + " ").join(words)


def fold_header(name, value):
    """Folds an unstructured ASCII header at spaces so no line exceeds 78 characters."""
    line = f"{name}: "
    out = []
    for token in value.split(" "):
        candidate = token if line.endswith(": ") else " " + token
        if len(line) + len(candidate) > 78 and not line.endswith(": "):
            out.append(line)
            line = " " + token
        else:
            line += candidate
    out.append(line)
    return CRLF.join(out)


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", CRLF)


def encode_body(text, cte):
    """Returns (Content-Transfer-Encoding, encoded body) for a str body."""
    raw = text.replace("\r\n", "\n").encode("utf-8")
    canonical = crlf(text).encode("utf-8")  # base64 text is encoded in canonical CRLF form
    if cte == "auto":
        cte = "7bit" if text.isascii() else "8bit"
    if cte in ("7bit", "8bit"):
        return cte, crlf(text)
    if cte == "quoted-printable":
        lines = raw.split(b"\n")
        enc = [quopri.encodestring(l).decode("ascii").replace("\n", CRLF) for l in lines]
        # quopri adds a trailing soft break only when needed; strip its own newline handling
        body = CRLF.join(e[:-2] if e.endswith(CRLF) else e for e in enc)
        return cte, body
    if cte == "base64":
        b = base64.b64encode(canonical).decode("ascii")
        return cte, CRLF.join(b[i:i + 76] for i in range(0, len(b), 76))
    raise ValueError(cte)


def text_to_html(text):
    paras = [p for p in text.split("\n\n") if p.strip()]
    out = []
    for p in paras:
        lines = [html.escape(l, quote=False) for l in p.split("\n")]
        out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(out)


def html_doc(inner, head=""):
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" + head +
            "</head>\n<body>\n" + inner + "\n</body>\n</html>\n")


def part(ctype, text, cte, flowed=False):
    cte, body = encode_body(text, cte)
    fmt = "; format=flowed" if flowed else ""
    return (f"Content-Type: {ctype}; charset=\"utf-8\"{fmt}{CRLF}"
            f"Content-Transfer-Encoding: {cte}{CRLF}{CRLF}{body}{CRLF}")


# ---------------------------------------------------------------------------------------------
# The messages
# ---------------------------------------------------------------------------------------------
MESSAGES = []

SIGNOFFS_EN = ["Regards,\n{name}", "Thanks,\n{first}", "{name}", "Kind regards\n{name}",
               "{first}", "Yours faithfully,\n{name}", "Thanks\n{first}\n\nSent from my iPhone",
               "Many thanks,\n{name}", "{name}\n\nSent from Outlook for Android"]
SIGNOFFS_CY = ["Diolch,\n{name}", "Cofion,\n{first}", "Yn gywir,\n{name}", "{name}",
               "Diolch yn fawr,\n{first}"]
SIGNOFFS_RUDE = ["{name}", "", "", "{first}", "Sent from my iPhone"]


def add(folder, slug, expect, note, to, subject, body, *, fmt=None, html_body=None,
        head="", subject_enc=None, sign=True, lang="en", sender=None, cc=None,
        extra_headers=None, signature=None):
    """Registers one message.

    fmt: plain | qp | b64 (text/plain in that transfer encoding); html | html_qp | html_b64
    (text/html only); alt | alt_qp | alt_b64 (multipart/alternative); att (multipart/mixed with
    a small attachment); None: chosen per message by a seeded draw, so every kind of text
    meets every structure. html_body replaces the generated HTML.
    subject_enc: None (encode if non-ASCII, and a seeded few ASCII ones), "B" or "Q" (always
    encode), "none" (only if non-ASCII).
    sign: add a sign-off at the end ("rude" for terse ones); a body with a {signoff}
    placeholder gets it there instead. signature: a "-- " block after it.
    """
    if isinstance(expect, (list, tuple)):
        expect = ",".join(expect)
    MESSAGES.append(dict(folder=folder, slug=slug, expect=expect, note=note, to=to,
                         subject=subject, body=textwrap.dedent(body).strip("\n"), fmt=fmt,
                         html_body=html_body, head=head, subject_enc=subject_enc, sign=sign,
                         lang=lang, sender=sender, cc=cc, extra_headers=extra_headers or [],
                         signature=signature))


def A(slug, expect, note, to, subject, body, **kw):
    kw.setdefault("sign", "rude")
    add("abusive", slug, expect, note, to, subject, body, **kw)


def L(slug, note, to, subject, body, **kw):
    add("legitimate", slug, "none", note, to, subject, body, **kw)


def Q(slug, note, to, subject, body, **kw):
    """Legitimate mail quoting earlier abuse (structure as written: plain unless given)."""
    kw.setdefault("fmt", "plain")
    kw.setdefault("subject_enc", "none")
    add("legitimate", slug, "none", "quoted abuse: " + note, to, subject, body, **kw)


def R(slug, note, to, subject, body, **kw):
    add("reported", slug, "none", "report of abuse received, quoting the abuser: " + note, to,
        subject, body, **kw)


def P(slug, note, to, subject, body, **kw):
    add("places", slug, "none", note, to, subject, body, **kw)


# =============================================================================================
# abusive/: every message has at least one category. Plain words first, then obfuscation,
# encodings, each slur category, threats, harassment, demeaning, Welsh.
# =============================================================================================

# --- foul language at staff -------------------------------------------------------------------
A("fucking-useless-damp", "profanity", "profanity at housing staff over damp repairs", "housing",
  "Damp in kids bedroom - AGAIN", """
  Three months I have been waiting for someone to sort the black mould in my kids' bedroom.
  Three months. You are fucking useless, the lot of you. Get someone round this week.

  Tenancy ref HT-20931
  """)
A("shit-service", "profanity", "profanity aimed at the service and the officer", "cs",
  "Re: your call today", """
  Your so called customer service is absolute shit and so is the woman I spoke to this morning.
  Don't ring me again unless it's to say the fence is fixed.
  """)
A("planning-cunts", "profanity", "c-word at planning officers", "planning",
  "Plot 4 approval", """
  You planning cunts approved that monstrosity next door without even coming out to look at it.
  It blocks every bit of light to my kitchen. Someone is getting paid off.
  """)
A("overpaid-wankers", "profanity", "profanity about council staff as a group", "highways",
  "Potholes Bridge Street", """
  Bunch of overpaid wankers sitting on your arses in County Hall while the roads fall apart.
  Bridge Street has eleven potholes between the Co-op and the school. I counted.
  """)
A("thieving-bastards-pcn", "profanity", "profanity at parking staff over a PCN", "parking",
  "PCN PK41120933", """
  The bastard who gave me this ticket outside my own house wants sacking. I am not paying it,
  you thieving bastards. I have lived here 30 years.
  """)
A("patronising-twat", "profanity", "'twat' at a named officer", "revans", "Council tax band",
  """
  Ms Evans,

  You are a patronising twat. I asked a simple question about why my band went up and you sent
  me a leaflet.
  """)
A("piss-off-looking-into-it", "profanity", "'piss off' at staff", "complaints",
  "Complaint CMP-5521", """
  Piss off with your "we are looking into it". You've been looking into it since January.
  """)
A("arsehole-tip-closure", "profanity", "'arsehole' about the decision maker", "waste",
  "Tip closed on Sundays", """
  Whichever arsehole decided to shut the recycling centre on Sundays should be made to drive my
  rubbish to the other side of the county himself. Working people can't get there in the week.
  """)
A("bollocks-lying-pricks", "profanity", "'bollocks' and 'pricks' at staff", "ctax",
  "Re: Reminder notice", """
  What a load of bollocks. Don't give me that bollocks about the budget either, you lying pricks.
  I paid in March and I have the bank statement.
  """)
A("dickhead-enforcement", "profanity", "'dickhead' about an enforcement officer", "planning",
  "Enforcement visit", """
  Tell that dickhead from enforcement to get off my drive. He doesn't need to measure my shed
  three times.
  """)
A("fuck-off-streetlights", "profanity", "f-word at the council", "highways",
  "Streetlights out Maes y Coed", """
  Fuck off with your automated replies and fix the streetlights. My daughter walks home from the
  bus in pitch black.
  """)
A("motherfuckers-caps", "profanity", "ALL CAPS profanity", "waste", "BINS",
  """
  FOURTH WEEK IN A ROW MY BLUE BIN HAS BEEN MISSED. YOU MOTHERFUCKERS HAD BETTER EMPTY IT
  TOMORROW.
  """)
A("bellend-councillor", "profanity", "'bellend' at a councillor", "cllr_price",
  "Your newsletter", """
  Tom, you absolute bellend. You promised the speed cameras in your leaflet and nothing has
  happened. Never voting for you again.
  """)
A("tosser-reception", "profanity", "'tosser' about a receptionist", "complaints",
  "Civic centre reception", """
  The tosser on reception at the civic centre wouldn't even let me fill the form in there.
  """)
A("shitheads-repairs", "profanity", "'shitheads' at repairs team", "repairs",
  "Boiler", """
  No heating for nine days, two kids under five. You shitheads keep cancelling the engineer.
  """)
A("cocksucker-jobsworth", "profanity", "'cocksucker' as an insult (profanity, not sexual content)",
  "parking", "Warden on Station Road", """
  Your warden on Station Road is a jobsworth cocksucker. Two minutes I was parked, two minutes.
  """)
A("fuck-you-caps-subject", "profanity", "f-word in an ALL CAPS subject and body", "parking",
  "FUCK YOU AND YOUR PARKING WARDENS", """
  Ticket ref PK40019218. I was unloading. FUCK YOU.
  """)
A("prick-officer", "profanity", "'prick' at a named officer", "jsmith", "Site visit",
  """
  John, you were a rude prick on the site visit yesterday and I want someone else dealing with my
  application.
  """)
A("knobheads-library", "profanity", "'knobheads' about library management", "libraries",
  "Closing Penfro branch", """
  Which knobheads decided to close the only library my mum can walk to? Absolute knobheads.
  """)
A("clusterfuck-school-transport", "profanity", "'clusterfuck' about the service", "transport",
  "Bus pass", """
  This school transport service is a total clusterfuck. Third time the bus hasn't turned up and no
  one answers the phone. Get your shit together.
  """)
A("shitshow-ombudsman", "profanity", "profanity mixed with a legitimate escalation", "complaints",
  "Stage 2 complaint", """
  The way my mother's care package was handled is a fucking shitshow. I am taking this to the
  Ombudsman and my MP and I want every email about her case.
  """)
A("sod-you-bastard", "profanity", "'bastard' at an officer in a reply", "ethomas", "Re: Noise",
  """
  Mr Thomas, you are a lazy bastard. You've closed the noise case without even installing the
  recorder.
  """)

# --- abuse in the Subject only ----------------------------------------------------------------
A("subject-only-wankers", "profanity", "abuse in the Subject only; body is neutral", "waste",
  "You useless fucking wankers", """
  Bin not collected again. Ref WS-448712.
  """, sign="rude")
A("subject-only-shit-council", "profanity", "abuse in the Subject only", "cs",
  "shit council shit service shit people", """
  Please call me back about my blue badge renewal. 07700 900431.
  """)
A("subject-only-encoded-fullwidth", "profanity",
  "Subject only, RFC 2047 base64, fullwidth letters spell the f-word", "planning",
  "ｆｕｃｋ you planning dept", """
  Application 26/0412/HH. When will it be decided?
  """, subject_enc="B")
A("subject-only-die-in-a-fire", "harassment", "Subject only: 'die in a fire'", "housing",
  "Housing officer - die in a fire", """
  Re my transfer request. Still waiting.
  """)
A("subject-only-know-where-you-live", "threat_implied", "Subject only: 'I know where you live'",
  "mjones", "I know where you live Mr Jones", """
  Re: eviction notice 14 Heol Tawe.
  """)
A("subject-only-qp-cunts", "profanity", "Subject only, RFC 2047 Q-encoded", "complaints",
  "Re: Complaint closed - you absolute cunts", """
  I did not agree to my complaint being closed.
  """, subject_enc="Q")

# --- obfuscation: leetspeak -------------------------------------------------------------------
A("leet-b@stard-sh1t", "profanity", "leetspeak b@stard and sh1t", "parking",
  "wardens", """
  Your b@stard wardens are a pile of sh1t. Ticketing a hearse outside the chapel. Disgusting.
  """)
A("leet-a$$hole-fvck", "profanity", "leetspeak a$$hole and fvck", "kahmed",
  "my application", """
  Listen you a$$hole, fvck your rules and fvck your 8 week target. Decide it.
  """)
A("leet-phuck-fukin", "profanity", "phonetic spellings phuck / fukin", "waste",
  "garden waste", """
  phuck sake. fukin garden waste sticker costs more every year and you still dont collect it
  """)
A("leet-tw@t-wank3rs", "profanity", "leetspeak tw@t and wank3rs", "cllr_morgan",
  "the Lidl plans", """
  Dafydd you tw@t. you and the other wank3rs on the committee sold us out.
  """)
A("leet-$hit-c0ck", "profanity", "leetspeak $hit and c0cksucker", "highways",
  "gritting", """
  $hit gritting again. whoever plans the routes is a c0cksucker. hill by the school was sheet ice.
  """)
A("leet-5h1t-numbers", "profanity", "digits for letters: 5h17, fuk1ng", "repairs",
  "window", """
  window still 5h17. fuk1ng months. sort it
  """)

# --- obfuscation: masked ----------------------------------------------------------------------
A("masked-f**k", "profanity", "masked f**k", "planning", "Who signed this off?", """
  Who the f**k signed off a four storey block on a road with no pavement?
  """)
A("masked-c*nt", "profanity", "masked c*nt at a manager", "complaints", "Your manager",
  """
  Your manager is a c*nt and you can tell him I said so.
  """)
A("masked-sh*t-f***ing", "profanity", "masked sh*t and f***ing", "cs", "Phone line",
  """
  Sh*t service from sh*t people. 55 minutes on hold to be cut off. F***ing joke.
  """)
A("masked-b******s", "profanity", "masked b*****ds and a**e", "env",
  "noise complaint", """
  You b*****ds have done nothing about the dog next door. Get off your a**e and come and listen.
  """)
A("masked-mf-hash", "profanity", "masked with # and %: f#@k, sh%t", "ctax",
  "summons", """
  A summons?? For £38?? f#@k you and your sh%t system.
  """)

# --- obfuscation: separators ------------------------------------------------------------------
A("sep-f.u.c.k-you", "profanity", "dot separators F.U.C.K", "parking", "appeal refused",
  """
  F.U.C.K Y.O.U. Appeal refused with no reason given.
  """)
A("sep-f-u-c-k-off", "profanity", "space separators f u c k", "housing", "transfer list",
  """
  band C after 4 years. f u c k   o f f
  """)
A("sep-hyphen-fucking", "profanity", "hyphen separators f-u-c-k-i-n-g", "waste", "bins",
  """
  f-u-c-k-i-n-g incompetent. 3rd missed collection. Ty Newydd, Llys Helyg.
  """)
A("sep-c-u-n-t-s", "profanity", "spaced c u n t s", "cllr_davies", "the vote", """
  you c u n t s voted for the car park charges. remember that in May.
  """)
A("sep-underscore-shit", "profanity", "underscore separators s_h_i_t", "leisure",
  "pool", """
  the changing rooms are s_h_i_t and so are the staff
  """)

# --- obfuscation: repeated letters ------------------------------------------------------------
A("repeat-fuuuuck", "profanity", "repeated letters fuuuuuck", "highways", "road closure",
  """
  FUUUUUCK this road closure. 6 weeks and no one working on it.
  """)
A("repeat-shiiiit", "profanity", "repeated letters shiiiit", "cs", "website", """
  your website is shiiiiiit. cant pay anything on it
  """)
A("repeat-cuuunt", "profanity", "repeated letters cuuuunt at an officer", "dturpin",
  "Re: licence", """
  Mr Turpin you are a cuuuuunt. Refusing my licence because of one complaint.
  """)
A("repeat-twaaaats", "profanity", "repeated letters twaaaats and baaastards", "members",
  "Cabinet", """
  cabinet are a bunch of twaaaats. baaaastards the lot of them.
  """)

# --- obfuscation: Unicode homoglyphs and zero-width ------------------------------------------
A("homoglyph-cyrillic-fuck", "profanity", "Cyrillic es (U+0441) in 'fuck' and 'cunt'", "planning",
  "Objection ignored", """
  You ignored every objection. fuсk the lot of you, and the сunt who chaired the meeting.
  """)
A("homoglyph-cyrillic-bastard", "profanity", "Cyrillic a (U+0430) in 'bastards' and o (U+043E) in 'bollocks'",
  "ctax", "Single person discount", """
  You bаstаrds took my discount away. Your letter is bollоcks.
  """)
A("homoglyph-fullwidth-body", "profanity", "fullwidth letters in body", "waste",
  "bulky waste", """
  ｆｕｃｋｉｎｇ ｗａｎｋｅｒｓ. the sofa is still on the pavement.
  """)
A("homoglyph-greek-shit", "profanity", "Cyrillic i/a/e in 'shit' and 'wanker', Greek rho in 'pricks'",
  "env", "pest control", """
  Pest control was shіt. The man was a wаnkеr and the rats are still there. Bunch of ρricks.
  """)
A("homoglyph-math-bold", "profanity", "mathematical bold letters (U+1D41F...) spell fuck you", "complaints",
  "complaint", """
  𝐟𝐮𝐜𝐤 𝐲𝐨𝐮 and your complaints procedure
  """)
A("zero-width-fuck", "profanity", "zero-width spaces inside 'fu\\u200bck' and 'sh\\u200bit'",
  "housing", "Rent increase", """
  Fu\u200bck your rent increase. The flat is a sh\u200bithole.
  """)
A("zero-width-joiner-cunt", "profanity", "zero-width joiner and soft hyphen inside words",
  "parking", "Clamped", """
  c\u200dunts clamped my van. wan\u00adkers.
  """)
A("mixed-case-fucking", "profanity", "alternating case FuCkInG", "licensing",
  "taxi licence", """
  FuCkInG iDiOtS. ThReE mOnThS fOr A tAxI bAdGe.
  """)
A("mixed-case-bastards-caps", "profanity", "mixed case BaStArDs and wAnKeRs", "elections",
  "postal vote", """
  BaStArDs lost my postal vote. wAnKeRs.
  """)

# --- encodings ----------------------------------------------------------------------------------
A("b64-profanity", "profanity", "base64 text/plain body", "repairs", "Leak", """
  Water coming through the ceiling again. Your contractor is a useless fucking cowboy and you're
  no better. Fix it properly this time.
  """, fmt="b64")
A("qp-profanity-utf8", "profanity", "quoted-printable body with UTF-8 and a long line", "ctax",
  "Direct debit £",
  """
  You took £212 twice this month. Twice. I’ve had to borrow off my sister to feed the kids and your phone line says “call back later”. Shit. Absolute shit. Give me my money back you thieving shits.
  """, fmt="qp")
A("html-only-profanity", "profanity", "text/html only body", "libraries", "Fines",
  """
  A £4 fine for a book your own van lost? Piss off.

  You are a bunch of pathetic jobsworth wankers.
  """, fmt="html")
A("alt-profanity", "profanity", "multipart/alternative with abuse in both parts", "waste",
  "Assisted collection", """
  My dad is 91 and on the assisted collection list. His bin has been left at the back door for
  three weeks. You heartless fuckers.
  """, fmt="alt")
A("alt-b64-threat", "threat", "multipart/alternative, both parts base64, threat", "jsmith",
  "Enforcement notice", """
  Serve that notice on me and I'll smash your face in, John. I mean it.
  """, fmt="alt_b64")
A("html-qp-racist", "slur_racist", "text/html quoted-printable, racist slur", "housing",
  "New tenants", """
  Why have you given the house next to mine to a family of pakis? There are people born here
  waiting years.
  """, fmt="html_qp")
A("b64-subject-encoded-threat", ["threat", "threat_implied", "profanity"],
  "base64 body and Q-encoded subject with a threat", "revans", "Nos da, Rhian",
  """
  Keep fucking me about with this and you won't see me coming.
  """, fmt="b64", subject_enc="Q")
A("html-styled-fuck", "profanity", "HTML with the word split by inline tags <b>fu</b>ck",
  "complaints", "Reply", "", fmt="html",
  html_body=html_doc("<p>I have read your reply. <b>Fu</b>ck you.</p>\n"
                     "<p>You are a <i>use</i>less <span>sh</span>it organisation.</p>"))
A("att-profanity", "profanity", "multipart/mixed with a photo attachment; abuse in text",
  "highways", "Photo of the pothole", """
  Photo attached. This is the third tyre. Pay up you tight bastards.
  """, fmt="att")

# --- sexual ------------------------------------------------------------------------------------
A("sexual-suck-my-dick", "sexual", "sexual vulgarity at an officer", "cokafor",
  "HMO licence", """
  You can suck my dick, you jobsworth. I'm not paying for another inspection.
  """)
A("sexual-good-shagging", "sexual", "sexual remark at a female officer",
  "awilliams", "Re: your letter", """
  Anwen, you need a good shagging, love, might cheer you up. Then maybe you'd approve my garage.
  """)
A("sexual-tits-out", "sexual", "sexual demand at staff", "ctax", "Council tax", """
  Tell the girl who signs these letters to get her tits out and I might pay.
  """)
A("sexual-blowjobs-reception", "sexual", "sexual remark about reception staff", "complaints",
  "Reception", """
  I bet the blonde on reception gives a better blowjob than she gives customer service.
  """)
A("sexual-show-you-my-cock", "sexual", "sexual exposure remark", "lhughes", "visit", """
  Come round for the inspection then, Lowri, and I'll show you my cock.
  """)
A("sexual-bend-over-desk", "sexual", "sexual harassment of an officer", "spatel",
  "meeting", """
  Sunita, I'd bend you over that desk and then we'd see who's in charge of my case.
  """)
A("sexual-send-nudes", ["sexual", "harassment"], "sexual request, persistent", "lhughes",
  "you", """
  Lowri send me a pic. I know you read these. Send me a nude and I'll stop emailing you.
  """)
A("sexual-html-cock", "sexual", "HTML-only sexual vulgarity", "licensing", "Premises licence",
  """
  Your licensing panel can suck my cock. Every one of them.
  """, fmt="html")
A("sexual-want-to-fuck-you", ["sexual", "profanity"], "explicit sexual remark", "awilliams",
  "Anwen", """
  I want to fuck you. Been thinking about it since the hearing.
  """)
A("sexual-wank-over", "sexual", "sexual remark about officer's photo", "cs",
  "Staff photos on website", """
  The photo of the woman on the housing page, I wank over it every night. Tell her.
  """)
A("sexual-leet-s3x", ["sexual", "slur_sexist"], "leetspeak sexual remark with masked sl*t", "spatel", "planning", """
  bet u r a d1rty sl*t in bed sunita. want to s3x you up
  """)

# --- racist ---------------------------------------------------------------------------------
A("racist-nigger", "slur_racist", "n-word at an officer", "cokafor", "Re: Eviction", """
  I am not taking orders from a nigger. Get me someone English.
  """)
A("racist-wogs", "slur_racist", "racist slur about residents", "housing", "Estate", """
  The estate has gone downhill since you filled it with wogs.
  """)
A("racist-chinky", "slur_racist", "racist slur about a takeaway owner", "env",
  "Takeaway smell", """
  The chinky on the corner is pouring fat down the drain again. Close him down.
  """)
A("racist-coons", "slur_racist", "racist slur", "parks", "Park", """
  Coons playing music in the park till midnight again. Do something.
  """)
A("racist-gyppos-pikeys", "slur_racist", "anti-Traveller slurs", "planning",
  "Traveller site", """
  So you'll give the gyppos a site with water and electric but my extension gets refused.
  Pikeys get everything in this county.
  """)
A("racist-towelheads", "slur_racist", "anti-Muslim slurs", "planning", "Mosque application",
  """
  No more mosques for the towelheads. Raghead councillors waving it through.
  """)
A("racist-kike", "slur_racist", "antisemitic slur", "members", "Cabinet member", """
  Of course the kike on the finance committee wants more tax.
  """)
A("racist-paki-go-back", ["slur_racist", "harassment"], "slur plus 'go back to your own country'",
  "kahmed", "your decision", """
  Go back to your own country you paki. Nobody asked you to run my housing case.
  """)
A("racist-polack", ["slur_racist", "harassment"], "anti-Polish slur and 'go back'", "tnowak",
  "Building regs", """
  Why is a Polack inspecting my loft? Go back where you came from.
  """)
A("racist-monkey", "slur_racist", "racist 'monkey' insult without a listed slur word", "cokafor",
  "planning", """
  Tell the black monkey in your office to stop ringing me.
  """)
A("racist-darkies", "slur_racist", "racist slur", "education", "School places", """
  All the places at Ysgol y Castell going to darkies from out of town.
  """)
A("racist-leet-n1gg3r", "slur_racist", "leetspeak n-word", "cokafor", "Re: your email", """
  n1gg3r. that is all i have to say to you
  """)
A("racist-zwsp-p.a.k.i", "slur_racist", "dotted p.a.k.i and zero-width space", "spatel",
  "HMO", """
  no p.a.k.i is going to tell me what to do with my own house. go home pa\u200bki
  """)
A("racist-golliwog", "slur_racist", "racist slur", "revans", "The new officer", """
  The new housing officer looks like a golliwog. Don't send him round again.
  """)

# --- homophobic ------------------------------------------------------------------------------
A("homophobic-faggot", "slur_homophobic", "homophobic slur at an officer", "jsmith",
  "Re: appeal", """
  You little faggot. You refused it because you don't like me.
  """)
A("homophobic-poofs", "slur_homophobic", "homophobic slur", "events", "Pride", """
  Pride on the prom again? Spend our council tax on the poofs, why not.
  """)
A("homophobic-dyke", "slur_homophobic", "homophobic slur about an officer", "complaints",
  "Case officer", """
  I want a new case officer. That dyke in planning has it in for me.
  """)
A("homophobic-bender", "slur_homophobic", "homophobic slur", "ethomas", "your reply", """
  Typical bender answer Emyr. No backbone.
  """)
A("homophobic-batty-boy", "slur_homophobic", "homophobic slur (batty boy)", "leisure",
  "Gym", """
  The batty boy on the gym desk keeps staring at me.
  """)
A("homophobic-queers-flag", "slur_homophobic", "'queers' used as a slur", "members",
  "Flag on County Hall", """
  Take that flag down. Nobody wants the queers' rainbow rag on our town hall.
  """)
A("homophobic-shirtlifters", "slur_homophobic", "homophobic slur", "libraries",
  "Library display", """
  Get the shirtlifter books off the children's shelves.
  """)
A("homophobic-f@g-homo", "slur_homophobic", "leetspeak f@g and homo", "cllr_hussain",
  "the vote", """
  only a f@g would vote for that. homo council.
  """)
A("homophobic-lezzers", "slur_homophobic", "homophobic slur about women", "housing",
  "Neighbours", """
  The two lezzers next door got the garden fixed in a week. Mine has waited a year.
  """)

# --- transphobic -----------------------------------------------------------------------------
A("transphobic-tranny", "slur_transphobic", "transphobic slur about an officer", "complaints",
  "Your staff", """
  Why have you got a tranny answering the phones at the civic centre?
  """)
A("transphobic-shemale", "slur_transphobic", "transphobic slur", "leisure", "Swimming", """
  There was a shemale in the women's changing rooms at the pool.
  """)
A("transphobic-he-she-it", "slur_transphobic", "transphobic slurs 'he-she' and 'it'",
  "revans", "Re: meeting", """
  I refuse to meet that he-she. I don't care what 'it' calls itself.
  """)
A("transphobic-troon", "slur_transphobic", "transphobic slur", "equality", "Policy", """
  Your equality officer is a troon pushing an agenda.
  """)
A("transphobic-tr@nny-dress", "slur_transphobic", "leetspeak tr@nny", "libraries",
  "Story time", """
  A bloke in a dress reading to kids. Sack the tr@nny.
  """)
A("transphobic-ladyboy", "slur_transphobic", "transphobic slur", "cs", "Phone call", """
  Put me through to a real woman, not the ladyboy I got yesterday.
  """)

# --- disablist -------------------------------------------------------------------------------
A("disablist-retard", "slur_disablist", "disablist slur at an officer", "benefits",
  "Housing benefit", """
  Are you a retard? I have sent the payslips four times.
  """)
A("disablist-spastic", "slur_disablist", "disablist slur", "highways", "Signs", """
  Whichever spastic designed the new one way system needs locking up.
  """)
A("disablist-mong", "slur_disablist", "disablist slur", "parking", "Permit", """
  The mong on the permit desk sent me the wrong zone again.
  """)
A("disablist-spaz", "slur_disablist", "disablist slur", "mjones", "site meeting", """
  Mark you complete spaz, you walked right past the crack in the wall.
  """)
A("disablist-window-licker", "slur_disablist", "disablist insult", "complaints",
  "Your reply", """
  Was my complaint answered by a window licker? It reads like one.
  """)
A("disablist-retarded-mongoloid", "slur_disablist", "disablist slurs", "education",
  "SEN panel", """
  The panel are retarded. Mongoloids, the whole lot of them.
  """)
A("disablist-cripple", "slur_disablist", "'cripple' as an insult", "housing",
  "Adapted flat", """
  So the cripple gets the ground floor flat and I'm stuck with the stairs.
  """)
A("disablist-r3tard-leet", "slur_disablist", "leetspeak r3tard", "cs", "chat", """
  r3tards. all of you
  """)

# --- sexist ----------------------------------------------------------------------------------
A("sexist-stupid-bitch", "slur_sexist", "sexist slur at an officer", "lhughes", "Re: Refusal",
  """
  Lowri you stupid bitch, read the plans before you refuse them.
  """)
A("sexist-slag", "slur_sexist", "sexist slur", "awilliams", "Noise case", """
  The slag next door is having parties every night and you do nothing.
  """)
A("sexist-whore", "slur_sexist", "sexist slur at an officer", "revans", "Arrears", """
  Rhian, you greedy whore, I'm not paying a penny of these arrears.
  """)
A("sexist-slut", "slur_sexist", "sexist slur", "spatel", "Licence", """
  Who did you sleep with to get that job, you slut?
  """)
A("sexist-kitchen", "slur_sexist", "sexist remark without a slur word", "cllr_davies",
  "Council leader", """
  Women shouldn't be running councils. Get back in the kitchen, Gwen, where you belong.
  """)
A("sexist-silly-cow", "slur_sexist", "sexist insult", "awilliams", "phone call", """
  The silly cow hung up on me.
  """)
A("sexist-skank-bimbo", "slur_sexist", "sexist insults", "cs", "Agent 42", """
  Agent 42 is a thick skank. Dumb bimbo couldn't find my account.
  """)
A("sexist-b1tch-leet", "slur_sexist", "leetspeak b1tch", "lhughes", "decision", """
  b1tch. you'll regret refusing it
  """)

# --- threats of violence -------------------------------------------------------------------
A("threat-i-will-kill-you", "threat", "explicit death threat", "revans", "Eviction",
  """
  If you evict me I will kill you. Simple as that.
  """)
A("threat-smash-your-face", "threat", "'I'll smash your face in'", "parking", "Warden",
  """
  Tell your warden if he tickets my van again I'll smash his face in.
  """)
A("threat-watch-your-back", "threat_implied", "'watch your back'", "ethomas", "Noise abatement",
  """
  Serving me with a noise notice? Watch your back, Emyr.
  """)
A("threat-know-where-you-live", "threat_implied", "'I know where you live'", "mjones",
  "Re: Enforcement", """
  I know where you live, Mark. Nice house on Ffordd y Parc.
  """)
A("threat-wont-see-me-coming", "threat_implied", "'you won't see me coming'", "jsmith",
  "Application", """
  Refuse it and you won't see me coming, John.
  """)
A("threat-days-are-numbered", "threat_implied", "'your days are numbered'", "kahmed", "You",
  """
  Your days are numbered, Mr Ahmed.
  """)
A("threat-burn-office-down", "threat", "'I'm going to burn your office down'", "housing",
  "Housing office", """
  I'm going to burn your office down with you lot in it.
  """)
A("threat-waiting-after-work", "threat_implied", "'I'll be waiting for you after work'", "lhughes",
  "Car park", """
  I'll be waiting for you after work in the car park, Lowri.
  """)
A("threat-im-gonna-stab", "threat", "'im gonna stab' informal spelling", "housing",
  "officer", """
  im gonna stab that housing officer if she comes round again
  """)
A("threat-ill-break-legs", "threat", "'Ill break your legs' without apostrophe", "dturpin",
  "licence", """
  Ill break your legs Turpin
  """)
A("threat-brick-through-window", "threat", "threat of violence to property and person",
  "cllr_price", "Your vote", """
  Vote for the incinerator and I'm going to put a brick through your window. Your kids sleep at
  the front don't they.
  """)
A("threat-knock-teeth-out", "threat", "threat of assault", "cs", "Phone call", """
  The next one of you who hangs up on me, I'll knock your teeth out.
  """)
A("threat-shoot-lot-of-you", "threat", "threat to shoot staff", "planning", "Refusal", """
  I have a shotgun licence and I am going to shoot the lot of you.
  """)
A("threat-i-will-find-you", ["threat", "threat_implied"], "'I will find you' and hurt you", "cokafor",
  "Re: Case closed", """
  I will find you and I will hurt you.
  """)
A("threat-dead-man", "threat", "'you're a dead man'", "ethomas", "You", """
  You're a dead man walking, Thomas.
  """)
A("threat-kick-head-in", "threat", "'kick your head in' next time", "parking",
  "Warden Dan", """
  Next time I see that warden I'm gonna kick his head in.
  """)
A("threat-wring-your-neck", "threat", "conditional threat of violence", "spatel",
  "HMO licence", """
  If I come down there I'll wring your scrawny neck, I swear.
  """)
A("threat-someone-getting-hurt", "threat", "'someone's getting hurt' when I come in",
  "complaints", "coming in tomorrow", """
  I'm coming down to County Hall tomorrow and someone is going to get hurt.
  """)
A("threat-have-you-killed", "threat", "'I will have you killed'", "cllr_morgan",
  "Wind farm", """
  Approve that wind farm and I will have you killed. I know people.
  """)
A("threat-run-you-over", "threat", "threat to run the officer over", "parking", "CEO 117",
  """
  Tell CEO 117 I'll run him over next time he's on my street.
  """)
A("threat-strangle", "threat", "threat to strangle", "awilliams", "Re: Complaint", """
  I'll strangle you with my bare hands if this is closed again.
  """)
A("threat-kids-school", "threat_implied", "threat referencing officer's children", "mjones",
  "Enforcement", """
  I know where your kids go to school Mark. Think about that before you serve the notice.
  """)
A("threat-outside-your-house", "threat", "'I'll be outside your house'", "cllr_price",
  "Tonight", """
  I'll be outside your house tonight. We'll sort this out properly, just you and me.
  """)
A("threat-firebomb", "threat", "arson threat against council offices", "ceo",
  "Final warning", """
  Keep ignoring us and I'll firebomb the civic centre.
  """)
A("threat-past-tense-should-have", "threat", "future intent in mixed tenses", "jsmith",
  "The hearing", """
  I should have punched you at the hearing. Next time I will, and I won't stop.
  """)
A("threat-caps-kill", "threat", "ALL CAPS death threat", "housing", "EVICTION", """
  EVICT ME AND I WILL KILL WHOEVER COMES TO THE DOOR.
  """)
A("threat-ima-hurt", "threat", "informal 'imma' / 'u'", "cs", "ur call centre", """
  imma hurt u when i find out who u r
  """)
A("threat-slit-throat", "threat", "explicit violent threat", "revans", "Rhian", """
  Slit your throat. That's what I'd like to do.
  """)
A("threat-hunt-you-down", "threat", "'hunt you down'", "kahmed", "The decision", """
  I will hunt you down and make you pay for this decision.
  """)
A("threat-acid", "threat", "acid attack threat", "lhughes", "Lowri", """
  Pretty face. Shame if someone threw acid on it.
  """)

# --- harassment ----------------------------------------------------------------------------
A("harassment-kill-yourself", "harassment", "'kill yourself' at an officer", "revans",
  "Re: Decision", """
  Do the world a favour and kill yourself.
  """)
A("harassment-hope-you-die", "harassment", "'hope you die'", "cokafor", "you", """
  I hope you die slowly.
  """)
A("harassment-cancer", "harassment", "wishing illness on an officer", "jsmith", "Refusal",
  """
  I hope you get cancer, John. You and your family.
  """)
A("harassment-hang-yourself", "harassment", "'go hang yourself'", "complaints", "Stage 2",
  """
  Go hang yourself, the whole complaints team.
  """)
A("harassment-top-yourself", "harassment", "'top yourself'", "spatel", "your job", """
  If I had your job I'd top myself. Actually please do top yourself.
  """)
A("harassment-kys", "harassment", "abbreviation KYS", "cs", "reply", """
  kys
  """)
A("harassment-living-hell", "harassment", "campaign of harassment against an officer",
  "lhughes", "Every hour", """
  I will make your life a living hell. I will email you every hour of every day until you quit,
  and I'll be posting your photo on every Facebook group in the county.
  """)
A("harassment-go-back-own-country", "harassment", "'go back to your own country'",
  "cokafor", "Your letter", """
  Go back to your own country and stop telling British people what to do.
  """)
A("harassment-hope-family-burns", "harassment", "wishing harm on officer's family",
  "mjones", "Mark", """
  Hope your house burns down with your family in it.
  """)
A("harassment-doxx", "harassment", "posting officer's personal details", "awilliams",
  "Found you", """
  Found your Facebook, Anwen. Your husband's work, your mum's address, your kid's nursery.
  Everyone will know what you did.
  """)

# --- demeaning -----------------------------------------------------------------------------
A("demeaning-scum", "demeaning", "'you are scum'", "housing", "Re: Inspection", """
  You are scum. All of you in that office are scum.
  """)
A("demeaning-subhuman-vermin", "demeaning", "'subhuman vermin'", "revans", "your staff",
  """
  Subhuman vermin, the lot of you.
  """)
A("demeaning-parasites", "demeaning", "staff called parasites", "ctax", "Pay rise", """
  Parasites. Leeches. Living off hard working people.
  """)
A("demeaning-waste-of-oxygen", "demeaning", "'waste of oxygen'", "jsmith", "You", """
  You are a waste of oxygen, John.
  """)
A("demeaning-waste-of-skin", "demeaning", "'waste of skin'", "cs", "Agent", """
  The woman who took my call is a waste of skin.
  """)
A("demeaning-cockroaches", "demeaning", "staff compared to cockroaches", "planning",
  "Planning dept", """
  Cockroaches, the lot of you, crawling about in the dark making deals.
  """)
A("demeaning-filth", "demeaning", "'you are filth'", "cokafor", "Re:", """
  You are filth. Pure filth.
  """)
A("demeaning-pathetic-excuse", "demeaning", "'pathetic excuse for a human being'",
  "ethomas", "Noise", """
  You're a pathetic excuse for a human being and a worthless officer.
  """)
A("demeaning-lowlife", "demeaning", "'lowlife' and 'pond life'", "parking", "Warden", """
  Your wardens are lowlifes. Pond life.
  """)
A("demeaning-$cum-leet", "demeaning", "leetspeak $cum", "housing", "Housing", """
  $cum. sub-human $cum.
  """)

# --- combinations ------------------------------------------------------------------------------
A("combo-profanity-threat", ["profanity", "threat"], "profanity and a threat", "housing",
  "Last chance", """
  Listen you fucking idiots. Fix my roof by Friday or I'm gonna come down there and smash the
  place up, and whoever's at the desk with it.
  """)
A("combo-racist-threat", ["slur_racist", "threat_implied"], "racist slur and a threat", "kahmed",
  "Ahmed", """
  Paki bastard. I know where you live.
  """)
A("combo-homophobic-harassment", ["slur_homophobic", "harassment"],
  "homophobic slur and harassment", "jsmith", "you", """
  Faggot. Kill yourself.
  """)
A("combo-sexist-sexual-profanity", ["slur_sexist", "sexual", "profanity"],
  "sexist, sexual and profane", "awilliams", "Anwen", """
  Fucking slag. Bet you'd suck anything for a promotion.
  """)
A("combo-demeaning-profanity", ["demeaning", "profanity"], "demeaning plus profanity",
  "complaints", "complaint 88127", """
  Shit-for-brains vermin. That's what you are.
  """)
A("combo-disablist-profanity", ["slur_disablist", "profanity"], "disablist and profane",
  "repairs", "Repairs", """
  Fucking retards couldn't fix a tap.
  """)
A("combo-transphobic-threat", ["slur_transphobic", "threat"], "transphobic and threat",
  "equality", "Equality officer", """
  That tranny in equalities had better watch their back.
  """)
A("combo-threat-after-legit-complaint", "threat",
  "long legitimate complaint with one threat at the end", "highways", "Flooding on the A487", """
  I have reported the blocked gully outside my house on the A487 six times since October. Every
  time it rains the water comes across the road and into my front garden. Last week it came under
  the door. I have photos, I have reference numbers, I have the names of four officers who said
  it would be jetted.

  I am not asking for anything unreasonable. I want the drain cleared.

  If my kitchen floods again I'm going to come to your depot and batter whoever is in charge.
  """)
A("combo-sexist-threat-caps", ["slur_sexist", "threat_implied"], "sexist and threatening in caps",
  "lhughes", "LOWRI", """
  STUPID BITCH. YOU WONT SEE ME COMING.
  """)

# --- Welsh -------------------------------------------------------------------------------------
A("cy-ffycin-iwsles", "profanity", "Welsh: 'ffycin iwsles' (fucking useless)", "cymraeg",
  "Biniau", """
  Ti'n ffycin iwsles, y cyngor i gyd. Tair wythnos heb gasglu'r biniau.
  """, lang="cy")
A("cy-gachu-llwyr", "profanity", "Welsh: 'cachu' (shit), mutated and unmutated",
  "cymraeg", "Gwasanaeth", """
  Mae'r gwasanaeth 'ma yn gachu llwyr. Cachu rwtsh ydi'ch llythyr chi hefyd.
  """, lang="cy")
A("cy-cont-diog", "profanity", "Welsh: 'cont' (cunt) at an officer", "ethomas",
  "Sŵn", """
  Emyr, y cont diog. Dim byd wedi ei wneud am y sŵn.
  """, lang="cy")
A("cy-bastads", "profanity", "Welsh: 'bastad', 'bastads' and mutated 'fastad' (bastard)", "cymraeg", "Treth gyngor", """
  Bastads barus. Codi'r dreth gyngor eto a'r ffyrdd yn dyllau i gyd. A'r arweinydd yn fastad
  llwyr. Bastad.
  """, lang="cy")
A("cy-twll-dy-din", "profanity", "Welsh: 'twll dy din di' (up your arse)", "awilliams",
  "Re: Penderfyniad", """
  Twll dy din di, Anwen, a thwll din y pwyllgor cynllunio hefyd.
  """, lang="cy")
A("cy-cer-i-ffwcio", "profanity", "Welsh: 'cer i ffwcio' (fuck off)", "cymraeg", "Parcio",
  """
  Cer i ffwcio efo dy docyn parcio.
  """, lang="cy")
A("cy-lladd-di", "threat", "Welsh threat: 'mi wna i dy ladd di' (I'll kill you)", "revans",
  "Troi allan", """
  Os wyt ti'n fy nhroi allan o'r tŷ, mi wna i dy ladd di.
  """, lang="cy")
A("cy-gwybod-lle-ti-byw", "threat_implied", "Welsh threat: 'I know where you live'", "ethomas",
  "Hysbysiad", """
  Dwi'n gwybod lle ti'n byw, Emyr.
  """, lang="cy")
A("cy-gwylia-dy-gefn", "threat_implied", "Welsh threat: 'gwylia dy gefn' (watch your back)",
  "lhughes", "Lowri", """
  Gwylia dy gefn, Lowri.
  """, lang="cy")
A("cy-llosgi-swyddfa", "threat", "Welsh threat: burn the office to the ground", "cymraeg",
  "Swyddfa dai", """
  Mi wna i losgi'r swyddfa dai 'na i'r llawr efo chi i gyd tu mewn.
  """, lang="cy")
A("cy-gei-di-gweir", "threat", "Welsh threat: 'fe gei di gweir' (you'll get a beating)",
  "dturpin", "Trwydded", """
  Gwrthod y drwydded eto a fe gei di gweir, Turpin.
  """, lang="cy")
A("cy-ladd-dy-hun", "harassment", "Welsh harassment: 'cer i ladd dy hun' (go kill yourself)",
  "revans", "Rhian", """
  Cer i ladd dy hun.
  """, lang="cy")
A("cy-gobeithio-marw", "harassment", "Welsh harassment: 'I hope you die'", "cymraeg",
  "Swyddog tai", """
  Gobeithio y byddi di'n marw cyn y Nadolig.
  """, lang="cy")
A("cy-darn-o-gachu", ["profanity", "demeaning"], "Welsh: 'ti'n ddarn o gachu' (piece of shit)",
  "awilliams", "Cwyn", """
  Ti'n ddarn o gachu, Anwen. Sgym pur.
  """, lang="cy")
A("cy-pwff", "slur_homophobic", "Welsh spelling 'pwff' (poof)", "jsmith", "Cais", """
  Y pwff bach. Gwrthod fy nghais am estyniad.
  """, lang="cy")
A("cy-en-mixed-threat", ["profanity", "threat"], "Welsh/English mixed: ffycin + threat",
  "cymraeg", "Tocyn", """
  Ffycin idiots. Next time I'll smash your faces in, bob un ohonoch chi.
  """, lang="cy")
A("cy-qp-ffwcio", "profanity", "Welsh, quoted-printable with UTF-8 and 'ffwcio'", "cymraeg",
  "Ysgol Gymraeg", """
  Ffwcio chi a'ch cynllun i gau'r ysgol. Mae'n warthus. Bastads.
  """, lang="cy", fmt="qp")

# =============================================================================================
# legitimate/: forceful, angry, persistent, distressed, but not abusive. None may be flagged.
# =============================================================================================

# --- anger, escalation, persistence -----------------------------------------------------------
L("disgrace-bins", "angry but legitimate: 'disgrace'", "waste", "Missed collection - again",
  """
  This is a disgrace. My black bin has now been missed four weeks running on Heol y Nant. Each
  time I report it I get an automated email saying it will be collected within two working days
  and it never is. I want to know why, and I want it emptied this week.
  """)
L("utterly-incompetent-planning", "'utterly incompetent' about the department, not a slur",
  "planning", "Application 26/0119/FUL", """
  I have never dealt with a more utterly incompetent department. The consultation letters went
  to the wrong street, the site notice was put up after the deadline, and the officer's report
  describes the wrong building. I expect the decision to be withdrawn and the application
  re-advertised properly.
  """)
L("ombudsman-solicitor", "escalation to Ombudsman and solicitor", "complaints",
  "Formal complaint - stage 2", """
  I am writing to escalate complaint CMP-4410 to stage 2. Your stage 1 response did not address a
  single one of the five points I raised.

  If I do not receive a full response within the 20 working days set out in your own policy I
  will be contacting the Public Services Ombudsman and my solicitor.
  """)
L("press-mp-councillor", "threatens press, MP and councillor (legitimate)", "housing",
  "Mould - 14 months", """
  Fourteen months. That is how long my family has lived with mould in every room. My youngest
  has been in hospital twice with his chest.

  I have copied this email to my MP, my local councillor and the local paper. If nothing
  happens by the end of the month I will be going to the press with the photos.
  """, cc=["cllr_davies"])
L("protest-outside-council", "'we will protest outside the council' (lawful protest)",
  "members", "Closure of Ysgol Glan y Môr", """
  Parents at Ysgol Glan y Môr are appalled at the proposal to close the school. We will protest
  outside the council chamber on the day of the vote, and we will keep protesting until it is
  withdrawn. Please circulate this to all members of the cabinet.
  """)
L("death-trap-junction", "'death trap' about a road junction", "highways",
  "Junction of Station Road and the B4329", """
  That junction is a death trap. The hedge on the corner has not been cut back and you cannot
  see traffic coming from the left until you are halfway out. There were two collisions there
  last month. Please cut the hedge and consider a mirror or a lower speed limit.
  """)
L("daylight-robbery-ctax", "'daylight robbery' about council tax", "ctax",
  "Council tax increase", """
  A 9.4% rise in council tax is daylight robbery. Pensioners in this county are choosing between
  heating and eating and you are putting up the bill again while cutting the bin collections to
  three-weekly. I would like a breakdown of where the increase is going.
  """)
L("absolutely-furious", "'absolutely furious', emotional but legitimate", "education",
  "My son's transport", """
  I am absolutely furious. My son, who is autistic, was left at the school gate for an hour and
  a half yesterday because the taxi did not turn up and nobody told the school or me. He was
  terrified. This is the third time this term. I want an explanation and a meeting.
  """)
L("all-caps-anger", "ALL CAPS anger without abuse", "repairs", "NO HEATING",
  """
  I HAVE HAD NO HEATING OR HOT WATER FOR ELEVEN DAYS. I HAVE A BABY AND MY MOTHER WHO IS 84 LIVES
  WITH US. NOBODY HAS COME. NOBODY HAS CALLED BACK. THIS IS NOT ACCEPTABLE AND I WANT SOMEONE
  HERE TODAY.
  """)
L("repeated-exclamation", "repeated exclamation marks", "parking",
  "Permit still not arrived!!!!", """
  I applied for my resident's permit on 3 February!!!! It is now April!!!! I have had two tickets
  outside my own house!!!! Please cancel them and send the permit!!!!!!
  """)
L("this-is-killing-me", "idiom 'this is killing me'", "benefits", "Housing benefit delay",
  """
  The stress of this is killing me. I have been waiting nine weeks for a decision on my housing
  benefit and my landlord has started eviction proceedings. Please can someone tell me what is
  happening with my claim. Reference HB/771204.
  """)
L("shoot-me-an-email", "idiom 'shoot me an email'", "events", "Stall at the summer fair", """
  Hi, I'd love to book a stall at the summer fair for our bakery. Could someone shoot me an email
  with the prices and the date the booking opens? Cheers!
  """)
L("child-will-be-killed-road", "warning that a child will be killed (not a threat)",
  "highways", "Speeding outside Ysgol Penrhyn", """
  A child will be killed on that road if this isn't fixed. Cars come down past the primary school
  at 50mph every morning and the crossing patrol was withdrawn in September. We have asked for a
  20mph zone and flashing signs for two years. Please do not wait for a tragedy.
  """)
L("neighbour-threatened-knife", "resident reports being threatened with a knife (report of harm)",
  "safety", "Neighbour threatened me with a knife", """
  I need to report that my neighbour at number 17 threatened me with a knife on Saturday evening
  when I asked him to turn his music down. The police attended (crime ref 4126/26) but I am
  frightened to leave the house. I am a council tenant and I would like to discuss a move or
  some help with security.
  """)
L("said-he-would-kill-my-dog", "report that neighbour said he would kill my dog", "safety",
  "Threats from neighbour", """
  My neighbour shouted over the fence that he would kill my dog if it barked again. The dog is a
  12 year old spaniel who barely leaves her bed. I am worried he means it and would like advice
  on what the council can do, as he is also a council tenant.
  """)
L("dying-to-hear-back", "idiom 'dying to hear back'", "admissions", "Nursery place", """
  Hello! We applied for a nursery place at Ysgol Bro Dewi in January and we're dying to hear
  back. Is there any news? Our daughter is so excited.
  """)
L("kill-the-engine", "'kill the engine' idling campaign", "env", "Idling outside the school", """
  Could the council put up some "kill your engine" signs outside the primary school? Parents sit
  with engines running for twenty minutes at pick-up. A polite reminder to kill the engine would
  really help the air quality for the children.
  """)
L("hedge-killing-the-light", "'killing the light' about a hedge", "planning",
  "High hedge complaint", """
  I would like to make a high hedge complaint. My neighbour's leylandii are over 8 metres tall
  and are killing the light to my whole back garden and kitchen. I have tried to resolve it with
  them first (letters attached). What is the fee?
  """, fmt="att")
L("persistent-15th-email", "persistent: 'my 15th email' (unreasonable persistence is not abuse)",
  "complaints", "15th email - Flat 3 Tŷ Gwyn roof", """
  This is my fifteenth email about the roof at Flat 3 Tŷ Gwyn. I will keep writing every week
  until somebody answers the question I first asked in November: when will the roof be repaired?
  """)
L("will-not-go-away", "determined, persistent, legitimate", "cllr_hussain",
  "I will not go away", """
  Dear Cllr Hussain,

  I want to be clear that I will not go away. The footpath on Llwybr y Felin has been closed for
  two years without a diversion. I have written to highways, to the rights of way team, to you
  and to the cabinet member. I will keep raising it at every public meeting until it is reopened.
  """)
L("bloody-pothole", "mild 'bloody' about a pothole (not directed at staff, below threshold)",
  "highways", "Pothole on Hill Street", """
  That bloody pothole on Hill Street has now taken out my tyre and my neighbour's. It's been
  reported since February. Please fill it before someone comes off a bike.
  """)
L("damn-hell-mild", "mild 'damn' and 'hell' about a situation", "repairs", "Lift", """
  The lift in Tŷ Hafod has been broken for a damn month. It's hell getting my husband's
  wheelchair up four flights. When is the engineer coming?
  """)
L("shambles-joke", "'shambles', 'joke', 'clowns' about the service", "transport",
  "Bus contract", """
  The new school bus contract is a shambles. The timetable is a joke. Whoever planned it
  obviously never looked at a map. I would like the old route reinstated.
  """)
L("ashamed-of-yourselves", "'you should be ashamed of yourselves'", "social",
  "My father's care", """
  You should be ashamed of yourselves. My father was left without a carer visit for three days
  over the bank holiday. He had no food in the house. I want a full explanation, and I will be
  asking the Care Inspectorate to look at this.
  """)
L("resign-cabinet-member", "calls for a cabinet member to resign", "members",
  "Cabinet member for housing", """
  The cabinet member for housing should resign. The waiting list has doubled on their watch and
  the temporary accommodation budget is overspent by £3m. I am asking every councillor to
  support a vote of no confidence.
  """)
L("take-you-to-court", "legal threat, legitimate", "revans", "Deposit", """
  Ms Evans, if the council does not refund the £650 deposit paid for the garage I no longer rent,
  I will take you to the small claims court. I have given you every chance.
  """)
L("heads-should-roll", "idiom 'heads should roll' (people should be sacked)", "ceo",
  "Leisure centre overspend", """
  The leisure centre refurbishment is now two years late and £4m over budget. Heads should roll
  for this. Who is accountable?
  """)
L("over-my-dead-body", "idiom 'over my dead body'", "planning",
  "Phone mast, Parc y Dref", """
  The phone mast will go up next to the children's playground over my dead body. I object in the
  strongest terms and I will be speaking at committee.
  """)
L("fight-tooth-and-nail", "idiom 'fight tooth and nail'", "members", "Library closure",
  """
  We will fight this closure tooth and nail. The library is the only warm, free space in the
  village and you are taking it away. We are launching a petition today.
  """)
L("waiting-for-your-reply", "'I'll be waiting for your reply' (not 'waiting for you')",
  "ethomas", "Noise diary", """
  Mr Thomas,

  Attached is the noise diary you asked for, six weeks of it. I'll be waiting for your reply and
  I expect a decision on the noise abatement notice this month.
  """)
L("coming-to-your-office", "'I will come to your office on Monday' (a visit, not a threat)",
  "jsmith", "Documents", """
  John, I will come to your office on Monday at 10 to drop off the original deeds you asked for.
  Please make sure someone is at reception to sign for them.
  """)
L("see-you-at-committee", "'I'll see you at committee'", "cllr_price", "Agenda item 7",
  """
  Tom, I'll see you at committee on Thursday. Residents of Maes yr Haf will be there in numbers
  to oppose item 7. We hope you will speak for us.
  """)
L("voters-will-remember", "political warning about elections", "cllr_morgan",
  "Your vote on the car park charges", """
  Cllr Morgan, voters in this ward will remember how you voted on the car park charges when the
  elections come round. You told us at the hustings you would oppose them.
  """)
L("someone-going-to-get-hurt-road", "'someone is going to get hurt' about a hazard",
  "highways", "Loose paving slabs", """
  The paving slabs outside the post office have been lifting for months. Someone is going to get
  hurt. An elderly lady tripped there yesterday and cut her head. Please make it safe today.
  """)
L("nearly-killed-myself", "'I nearly killed myself' tripping (accident)", "highways",
  "Broken kerb", """
  I nearly killed myself on the broken kerb by the bus stop on Pen y Bryn last night. It is
  unlit and there is a drop of about six inches. Please fix it and light it.
  """)
L("worst-council", "'worst council in Wales', 'clueless'", "complaints", "Feedback", """
  This has to be the worst-run council in Wales. Clueless from top to bottom. I asked three times
  for a copy of the decision notice and I am still waiting. Please just send it.
  """)
L("not-paying-ctax", "refusing to pay in protest (not abusive)", "ctax",
  "Withholding council tax", """
  I am withholding this month's council tax payment in protest at the closure of the day centre.
  I understand the legal position and I will pay it in full if the decision is reviewed.
  """)
L("caps-subject-angry", "ALL CAPS subject, angry but legitimate", "waste",
  "WHY IS NOBODY COLLECTING THE GARDEN WASTE", """
  I paid £48 for the garden waste service in March. It has been collected twice. That is not a
  service. Please refund me for the missed collections.
  """)
L("distressed-suicidal-feelings", "resident in crisis describing feelings (safeguarding, not abuse)",
  "housing", "Please help", """
  I don't know who else to write to. I've been sleeping in my car for three weeks since the
  eviction and honestly some nights I feel like ending it all. I'm not trying to be dramatic. I
  just need somewhere to stay. My phone number is 07700 900812.
  """)
L("im-going-to-die-heat", "'I'm going to die' hyperbole about heat in a flat", "repairs",
  "Top floor flat heat", """
  My flat is 31 degrees at night. The windows only open an inch because of the restrictors. I
  honestly think I'm going to die of heat up here this summer. Can the restrictors be changed?
  """)
L("heart-attack-stairs", "'give me a heart attack'", "repairs", "Stairs", """
  The stair light in block C keeps going off. Someone jumped out of the dark at me last night
  and nearly gave me a heart attack, it was just a neighbour but please fix the light.
  """)
L("costs-a-bomb", "'costs a bomb', 'bomb site'", "parking", "Car park charges", """
  Parking in the town centre now costs a bomb and the multi-storey looks like a bomb site. No
  wonder the shops are closing.
  """)
L("hit-the-roof", "'hit the roof' idiom", "ctax", "Bill", """
  My husband hit the roof when he saw the bill. We've been charged for a second home we sold in
  2024. Completion statement attached.
  """, fmt="att")
L("blow-the-budget", "'blow the budget', 'fire away'", "events", "Christmas lights", """
  We'd love the Christmas lights switch-on to have a proper stage this year without blowing the
  budget. Do you have a list of approved suppliers? Fire away with any questions.
  """)
L("stab-at-form", "'have a stab at' the form", "benefits", "Council tax reduction form",
  """
  I've had a stab at filling in the council tax reduction form but I don't understand section 4.
  Could someone ring me? My English is not so good.
  """)
L("murder-mystery-licence", "'murder mystery evening' event licence", "licensing",
  "Temporary event notice", """
  The Friends of St Mary's would like to hold a murder mystery evening in the church hall on 14
  November with a licensed bar. Please find the temporary event notice attached.
  """, fmt="att")
L("film-shoot-permit", "'shoot' a film on the beach", "events", "Filming permit", """
  We're a small production company and would like to shoot a short film on Poppit Sands over two
  days in September. We'd have a crew of eight and no road closures. What permits do we need?
  """)
L("execute-the-lease", "'execute the lease' (legal)", "jsmith", "Community asset transfer",
  """
  Dear Mr Smith, the trustees are ready to execute the lease for the community centre. Please let
  us know when the council's solicitor can attend to complete.
  """)
L("hanging-baskets-bullet-points", "'hanging baskets', 'bullet points'", "parks",
  "Town in bloom", """
  A few bullet points from the Town in Bloom committee:
  - the hanging baskets on Main Street need watering daily in July;
  - the brackets outside the bank are loose;
  - can the council supply compost again this year?
  """)
L("bindweed-strangling", "'strangling' about bindweed", "parks", "Memorial garden", """
  The bindweed in the memorial garden is strangling the roses. It was lovely last year. Could the
  grounds team have a look before Remembrance Sunday?
  """)
L("drains-choked", "'choked' drains", "highways", "Gullies", """
  Every gully on Ffordd y Môr is choked with leaves and the road floods at the bottom by the
  chapel. Please can they be cleared before winter.
  """)
L("break-a-leg-panto", "'break a leg' (theatre)", "events", "Panto at the Torch", """
  Just wanted to thank the events team for the help with the youth panto. We told the cast to
  break a leg and they did you proud. Dick Whittington was a sell-out!
  """)
L("dead-end-deadline", "'dead end', 'deadline', 'dead tree'", "highways",
  "Dead end sign", """
  Could you put a "no through road" sign at the top of Lôn Cwm? It's a dead end but sat navs send
  lorries down it. Also there's a dead tree leaning over the road at the bottom. Before the
  deadline for the winter works, if possible.
  """)
L("the-traffic-is-murder", "'the traffic is murder'", "highways", "Roadworks", """
  The traffic through the town is murder since the roadworks started. Could the temporary lights
  be manually controlled at rush hour?
  """)
L("war-on-potholes", "'war on potholes', 'attack the backlog'", "highways",
  "Pothole fund", """
  The council announced a "war on potholes" in January. When will the crews attack the backlog
  on the rural roads? The lane to Llanwnda is falling apart.
  """)
L("destroyed-my-garden", "'destroyed' and 'smashed' in a report of damage", "repairs",
  "Contractor damage", """
  The scaffolding contractor has destroyed my front garden and smashed two of the paving slabs
  by my door. Photos attached. Who do I claim from?
  """, fmt="att")
L("dog-attack-report", "report of a dog attack (harm report)", "safety", "Dog attack in the park",
  """
  My daughter was bitten by an off-lead dog in Parc Glas on Sunday. The owner walked off. Is there
  a dog control order for the park and can the wardens patrol?
  """)
L("son-beaten-up", "report son was beaten up", "safety", "Assault at the skate park", """
  My son (14) was beaten up at the skate park on Friday night by older boys. The police have it.
  I am asking the council to improve the lighting and CCTV there because it happens every week.
  """)
L("burning-rubbish-neighbour", "report of neighbour burning rubbish", "env", "Bonfires",
  """
  My neighbour burns rubbish in his garden three or four nights a week, including plastics. The
  smoke comes straight into our bedrooms. Can environmental health investigate?
  """)
L("threatened-to-burn-fence", "report that neighbour threatened to burn the fence", "housing",
  "Neighbour dispute", """
  My neighbour threatened to burn the fence down because he says it's on his side. I think he
  means it. Can the housing officer check the boundary plan for our two council houses?
  """)
L("assaulted-bus-station", "report of assault at bus station", "safety",
  "Bus station safety", """
  I was assaulted at the bus station last Thursday evening. There was no staff and the help point
  doesn't work. I'd like to know what the council is doing about safety there.
  """)
L("domestic-abuse-refuge", "request for help escaping domestic abuse", "housing",
  "Need somewhere safe", """
  My partner hits me and I need to leave with my two children. I can't phone because he checks
  my phone. Please can someone email me back about refuge or emergency housing. Please don't
  write to my address.
  """)
L("knife-crime-workshop", "knife crime awareness event", "safety",
  "Knife crime awareness", """
  Our youth club would like to run a knife crime awareness workshop with the police. Does the
  community safety team have funding for speakers?
  """)
L("gun-salute-armed-forces", "'gun salute' for Armed Forces Day", "events",
  "Armed Forces Day", """
  The Royal British Legion branch would like permission for a gun salute by the cadets at the
  castle on Armed Forces Day. Blanks only, of course.
  """)
L("slaughterhouse-licence", "abattoir / slaughter licence enquiry", "licensing",
  "Slaughter licence", """
  We run a small farm shop and want to slaughter our own lambs on site. Which licences and
  inspections would we need from the council?
  """)
L("pest-control-vermin-rats", "'vermin', 'rats', 'pests' in pest control", "pest",
  "Rats in the alley", """
  There are rats in the back lane behind Stryd Fawr, the bins from the takeaway are overflowing.
  Can pest control deal with the vermin and can someone speak to the takeaway?
  """)
L("pond-scum", "'scum' on a pond", "parks", "Duck pond", """
  The duck pond in Parc Coffa is covered in green scum and smells awful. There are dead fish at
  the edge. Is it being treated?
  """)
L("parasites-in-fish-pond", "'parasites' in a pond / dog worms", "env", "Dog mess", """
  The playing field is covered in dog mess. Vets say it can carry parasites that blind children.
  More bins and fines please.
  """)
L("rubbish-collection", "'rubbish', 'waste' in normal use", "waste", "Rubbish on the verge",
  """
  Someone has dumped a load of rubbish on the verge at the bottom of Lôn Las: a mattress, paint
  tins and builder's waste. Please arrange collection.
  """)
L("lame-excuse-crippling", "'crippling' costs (common idiom)", "ctax", "Council tax appeal",
  """
  The council tax premium on my late mother's house is crippling us while we try to sell it.
  Please can you review the exemption? Death certificate attached.
  """, fmt="att")
L("mental-health-team", "'mental health' services", "social", "Referral", """
  My brother has severe mental health problems and is struggling to cope at home. How do I refer
  him to the community mental health team and for a care assessment?
  """)
L("special-needs-transport", "'special educational needs'", "transport", "SEN transport", """
  My daughter has special educational needs and has been offered a place at Ysgol y Gogarth. Can
  she have transport with a passenger assistant?
  """)
L("racetrack-bypass", "angry about speeding drivers, 'somebody is killed'", "highways",
  "Speeding on the bypass", """
  Drivers race on the bypass every Friday night. It's like a racetrack. Please put cameras up
  before somebody is killed.
  """)
L("politely-sarcastic", "sarcastic but not abusive", "planning", "Well done", """
  Well done, planning department. You've managed to lose my application for the third time.
  Truly a remarkable achievement. Could you please look for it again.
  """)
L("cowboys-contractors", "'cowboy' contractors", "repairs", "Contractor", """
  The contractor you sent are cowboys. They left the new kitchen unit hanging off the wall and the
  sink leaking. Please send someone competent.
  """)
L("hope-youre-happy", "sarcastic 'I hope you're happy'", "parks", "Tree felled", """
  The 200-year-old oak on the green was cut down this morning. I hope you're happy. It was the
  last one. Was there a tree preservation order or not?
  """)
L("went-back-to-my-country", "'went back to my own country' in a benign context", "ctax",
  "Away from home", """
  I went back to my own country for two months to look after my mother and missed the letters
  about my single person discount. Please could you reinstate it? I am back now.
  """)
L("ill-make-sure-you-hear", "'you'll be hearing from' my solicitor", "jsmith",
  "Boundary dispute", """
  Mr Smith, unless the council corrects the boundary on its land register you will be hearing
  from my solicitor. Plan attached.
  """, fmt="att")
L("qp-angry-legit", "quoted-printable, angry, legitimate, non-ASCII", "housing",
  "Temporary accommodation – 7 months", """
  We have been in one room at the Seaview Hotel for seven months – two adults and three children. The kids do their homework on the bed. My partner works nights and sleeps in the car so the kids can sleep. I’m not asking for a mansion. I’m asking for a decision on our homeless application, which your own code says should take 56 days. It’s been 210.
  """, fmt="qp")
L("b64-angry-legit", "base64, furious but legitimate", "complaints",
  "Complaint about the complaints team", """
  I am now complaining about how my complaint was handled. The stage 1 reply was sent to my old
  address, the stage 2 reply quotes someone else's case number, and nobody has apologised. This is
  a disgrace and I want an independent review.
  """, fmt="b64")
L("html-only-angry", "HTML-only, angry but legitimate", "highways", "Gritting", """
  The hill up to the hospital wasn't gritted again last night. Ambulances were sliding.

  What is the gritting priority list and why isn't the hospital road on it? I am absolutely
  livid.
  """, fmt="html")
L("alt-qp-persistent", "multipart/alternative, quoted-printable, persistent", "cllr_davies",
  "Still waiting - Maes y Coed streetlights", """
  Dear Cllr Davies,

  Once again I am writing about the streetlights on Maes y Coed, which have been out since
  Bonfire Night. I have written to you on 6 November, 20 November, 4 December and 12 January. I
  appreciate you are busy, but I need an answer.
  """, fmt="alt_qp")

# --- planning and housing vocabulary ----------------------------------------------------------
L("erection-two-storey", "planning: 'erection of a two-storey extension'", "planning",
  "Objection 26/0288/HH", """
  I object to application 26/0288/HH for the erection of a two-storey rear extension at 12 Heol
  Dewi. The erection would overshadow my garden for most of the afternoon and the plans do not
  show my kitchen window.
  """)
L("erection-of-fence", "planning: 'erection of fence'", "planning", "Is permission needed?", """
  Do I need planning permission for the erection of a 2m close-boarded fence along my rear
  boundary? The house is not listed and not in the conservation area.
  """)
L("erection-agricultural-building", "planning: erection of agricultural building, erect",
  "planning", "Prior notification", """
  Prior notification for the erection of an agricultural building for the storage of hay and
  machinery, Fferm Penlan. The building would be erected on existing hardstanding.
  """)
L("stopcock-ballcock", "housing repairs: 'stopcock', 'ballcock'", "repairs",
  "Toilet keeps running", """
  The ballcock in the toilet cistern has gone and the toilet runs all night. Also the stopcock
  under the sink is seized so I can't turn the water off. Flat 6, Tŷ Glas.
  """)
L("cockloft-insulation", "'cockloft' (roof void) in a building control query", "building",
  "Loft insulation", """
  Our Victorian terrace has a small cockloft above the back bedroom. Does insulating it need
  building regulations approval? We'd like to board it for storage as well.
  """)
L("bat-survey-tits", "ecology: 'blue tits', 'great tit' nesting", "planning",
  "Ecology condition", """
  Condition 5 asks for a nesting bird check before the barn is converted. Our ecologist found
  blue tits and a great tit nesting in the eaves and a pair of woodcock on the field. Work will
  wait until September. The bat survey is attached.
  """, fmt="att")
L("offas-dyke-path", "'Offa's Dyke Path'; 'dyke' as earthwork/ditch", "countryside",
  "Offa's Dyke Path erosion", """
  The Offa's Dyke Path is badly eroded where it crosses the dyke above the village. The drainage
  dyke alongside is blocked too, so water runs down the path.
  """)
L("door-knob-speed-humps", "'door knob', 'speed humps'", "repairs", "Front door", """
  The door knob on my front door came off in my hand and the lock is sticking. Also, are the
  speed humps in the car park being repainted? People keep hitting them.
  """)
L("shag-pile-carpet", "'shag pile carpet' left in a void property", "housing",
  "Void property", """
  The flat I've been offered still has the old shag pile carpet in the lounge and it smells of
  damp. Will it be removed before I move in?
  """)
L("gypsy-traveller-site", "official 'Gypsy and Traveller' accommodation terminology", "planning",
  "Gypsy and Traveller Accommodation Assessment", """
  As chair of the Gypsy and Traveller residents' forum, I'd like to respond to the draft Gypsy and
  Traveller Accommodation Assessment. Several families on the transit site were not interviewed.
  """)
L("flame-retardant-cladding", "'fire retardant' cladding", "building", "Cladding", """
  Is the cladding on Tŵr y Dref fire retardant? Residents were told it was replaced in 2019 but
  nobody has seen the certificate.
  """)
L("chink-in-the-fence", "'a chink in the fence'", "parks", "Allotments", """
  There's a chink in the fence at the back of the allotments and the rabbits are getting in. Could
  someone from parks patch it up?
  """)
L("fag-ends-bus-stop", "'fag ends' (cigarette ends)", "waste", "Litter at the bus stop", """
  The bus stop outside the college is covered in fag ends and cans every morning. Could you put a
  bin with an ashtray there?
  """)
L("slag-heap-colliery", "'slag heap' from the old colliery", "env", "Colliery tip", """
  After the storms, is anyone monitoring the old colliery slag heap above Cwm Coch? There's water
  coming out at the bottom that wasn't there before.
  """)
L("bitch-in-whelp", "dog breeding: 'my bitch is in whelp'", "licensing",
  "Breeding licence", """
  Do I need a breeding licence? My bitch is in whelp for the first time (due in March) and I
  might keep one puppy and sell the rest. I don't plan any more litters this year.
  """)
L("cockerel-noise", "noise complaint about a cockerel", "env", "Cockerel", """
  My neighbour's cockerel starts crowing at 4.15am every day. I work nights. Is there anything
  environmental health can do about noise from poultry?
  """)
L("garden-hoe-pansies", "'hoe', 'pansies', 'fairy lights'", "parks", "Community garden", """
  The community garden volunteers need a couple of new hoes and some pansies for the tubs. Also,
  may we put fairy lights on the tree by the bandstand in December?
  """)
L("bent-railings-balls", "'bent' railings, footballs", "parks", "Play area", """
  The railings by the play area are bent and there's a gap a toddler could get through. Also
  footballs keep going over into the gardens. Can the ball-stop netting be raised?
  """)
L("screws-loose-swing", "'screws loose', 'nuts and bolts'", "parks", "Swings", """
  The big swing in Parc Glas has loose screws and one of the nuts has come off a bolt. It wobbles
  badly. Please inspect.
  """)
L("coloured-bins", "'coloured bins'", "waste", "Which bin?", """
  I'm new to the area and confused by all the coloured bins and bags. Which one is for glass?
  """)
L("black-history-month", "'Black History Month' event", "libraries", "Black History Month",
  """
  We'd like to put on a Black History Month exhibition at the central library in October,
  focusing on Black sailors in Cardiff docks. Is the exhibition space free?
  """)

# --- sexual health and clinical language ----------------------------------------------------------
L("sti-test", "sexual health: STI test", "health", "STI testing", """
  Hi, can I order a free STI test kit online or do I need to come to the clinic? I had
  unprotected sex with a new partner last week.
  """)
L("hiv-prep", "sexual health: HIV PrEP", "health", "PrEP", """
  I'd like to start HIV PrEP. As a gay man with more than one partner I've been told I'm eligible.
  Is there a clinic in the north of the county?
  """)
L("condoms-c-card", "sexual health: free condoms for young people", "health",
  "Condoms for youth club", """
  Can our youth club register for the C-card scheme so young people can get free condoms? We
  already run sex and relationships sessions with the school nurse.
  """)
L("vasectomy", "sexual health: vasectomy referral", "health", "Vasectomy", """
  How do I get referred for a vasectomy? My GP said the community clinic does them.
  """)
L("breast-screening", "clinical: breast screening", "publichealth", "Breast screening van",
  """
  When is the breast screening van coming to the leisure centre car park? My mum is 71 and has
  had no letter.
  """)
L("cervical-screening", "clinical: cervical screening, smear", "publichealth",
  "Cervical screening", """
  I'm trans and have a cervix. How do I make sure I'm invited for cervical screening now that my
  gender is recorded as male with my GP?
  """)
L("penis-lump-clinic", "clinical: lump on penis", "health", "Appointment", """
  I've noticed a lump on my penis and I'm worried. Can I get an appointment at the sexual health
  clinic this week or should I go to my GP?
  """)
L("vaginal-discharge", "clinical: vaginal discharge, thrush", "health", "Walk-in clinic", """
  Is the walk-in clinic open on Saturday? I have unusual vaginal discharge and I think it might be
  thrush or an infection.
  """)
L("erectile-dysfunction", "clinical: erectile dysfunction", "health", "Men's health clinic",
  """
  Does the men's health clinic see people about erectile dysfunction, or is that GP only?
  """)
L("menopause-hrt", "clinical: menopause, HRT, vaginal dryness", "publichealth",
  "Menopause café", """
  Our menopause café would like to invite a nurse to talk about HRT, vaginal dryness and sleep.
  Can public health suggest someone?
  """)
L("rse-curriculum", "education: relationships and sexuality education", "education",
  "RSE curriculum", """
  As a parent governor I'd like to see the relationships and sexuality education scheme of work
  for Year 6, including what is covered on puberty, sex and consent.
  """)
L("sarc-referral", "report of sexual assault seeking services", "publichealth",
  "Sexual assault support", """
  My friend was sexually assaulted at a party last weekend. She doesn't want to go to the police
  yet. Is there a sexual assault referral centre she can contact in confidence?
  """)
L("sex-worker-outreach", "public health: sex worker outreach", "publichealth",
  "Outreach service", """
  Our charity supports sex workers in the port area. Could we meet the public health team to talk
  about needle exchange and sexual health outreach?
  """)
L("sex-offender-concern", "concern about a registered sex offender (safeguarding)", "children",
  "Safeguarding concern", """
  I've heard that a registered sex offender has moved into the flat above the nursery on Stryd
  y Castell. Who do I speak to about safeguarding?
  """)
L("gender-clinic", "transgender healthcare enquiry", "health", "Gender identity clinic", """
  I'm a trans woman on hormones. Can the local sexual health clinic do my blood tests, or do I
  have to travel to the gender identity clinic in Cardiff?
  """)
L("breastfeeding-room", "'breastfeeding', 'nipple' clinical", "leisure",
  "Breastfeeding at the pool", """
  Is there somewhere private to breastfeed at the leisure centre? I've had cracked nipples and
  it's easier sitting down somewhere quiet.
  """)

# --- LGBTQ+ residents describing themselves --------------------------------------------------------
L("as-a-gay-man", "resident describing himself as a gay man", "housing", "Housing register",
  """
  As a gay man living in a small village I've faced a lot of unpleasantness and I'd like to move to
  town. Can my application be reviewed for a medical or welfare priority?
  """)
L("my-wife-and-i", "woman referring to 'my wife and I'", "registrars", "Civil ceremony",
  """
  My wife and I would like to renew our vows at the castle on our tenth anniversary. Do the
  registrars do renewal ceremonies?
  """)
L("trans-residents-group", "trans residents' group booking a room", "libraries",
  "Room booking", """
  Our trans residents' group meets fortnightly and would like to book the community room at the
  library. We're about twelve people, mostly trans women and non-binary folk.
  """)
L("queer-youth-centre", "'queer youth centre' funding", "children", "Youth centre funding",
  """
  We run a queer youth centre for LGBTQ+ young people aged 13-19. Is there funding available from
  the youth service for a second evening session?
  """)
L("my-husband-and-i-man", "man referring to 'my husband and I'", "admissions",
  "School application", """
  My husband and I are adopting a little boy and need to apply for a school place mid-year. What
  documents do you need?
  """)
L("lesbian-foster-carers", "'lesbian couple' enquiring about fostering", "children",
  "Fostering", """
  We're a lesbian couple in our 40s and would like to find out about fostering teenagers. Is
  there an information evening soon?
  """)
L("pride-road-closure", "Pride event road closure", "events", "Pride road closure", """
  Pride Sir Benfro would like a road closure for the parade on Saturday 13 June. We expect around
  800 people. The route is the same as last year.
  """)
L("bisexual-nonbinary", "resident describing themself as bisexual and non-binary", "equality",
  "Equality monitoring form", """
  Your equality monitoring form doesn't let me say I'm bisexual or non-binary. Could the options be
  updated? I'd also like to be addressed as Mx.
  """)
L("drag-story-time-objection", "polite objection to drag story time (opinion, no abuse)",
  "libraries", "Drag story time", """
  I would like to register my objection to the drag queen story time at the library. I don't think
  it's suitable for under fives and I'd prefer it wasn't funded by the council. Please note my
  view in any consultation.
  """)
L("gay-pride-flag-support", "support for the Pride flag on County Hall", "members",
  "Thank you", """
  Thank you for flying the Pride flag on County Hall this month. As a gay teenager in this town it
  meant a lot to see it.
  """)
L("homophobic-bullying-policy", "parent asking about homophobic bullying policy", "education",
  "Bullying policy", """
  My daughter is being bullied at school for being a lesbian. What is the council's policy on
  homophobic and transphobic bullying in schools, and who can I speak to?
  """)

# --- food ------------------------------------------------------------------------------------
L("faggots-and-peas", "food: 'faggots and peas'", "education", "School dinners", """
  Could faggots and peas come back on the school dinner menu? The kids loved them and my son says
  the new menu is all pasta.
  """)
L("spotted-dick", "food: 'spotted dick' and custard", "social", "Day centre lunches", """
  My mother says the day centre lunches are lovely, especially the spotted dick and custard on
  Fridays. Please pass on our thanks to the cooks.
  """)
L("jam-tart-crumpets", "food: 'jam tart', 'crumpets'", "events", "Food stall", """
  For the vintage tea party we'll be selling jam tarts, crumpets and Welsh cakes. Do we need a food
  hygiene rating for a one-day stall?
  """)
L("cock-a-leekie", "food: 'cock-a-leekie soup', 'cawl'", "env", "Food hygiene registration", """
  I'm starting a soup van: cawl, cock-a-leekie, leek and potato. How do I register as a food
  business?
  """)
L("shiitake-mushrooms", "food: 'shiitake mushrooms'", "trading", "Market stall", """
  I grow shiitake and oyster mushrooms and want a stall at the farmers' market. Are there any
  labelling rules for fresh mushrooms?
  """)
L("bangers-pigs-blankets", "food: 'bangers', 'pigs in blankets'", "env", "Christmas market",
  """
  Our stall at the Christmas market will sell bangers, pigs in blankets and mulled wine. Do we
  need anything extra for the wine?
  """)

# --- literature, scripture, history ------------------------------------------------------------
L("shakespeare-damned-spot", "Shakespeare quote 'Out, damned spot'", "libraries",
  "Youth theatre", """
  Our youth theatre is doing Macbeth in the library garden. Can we rehearse there on Tuesdays? The
  sleepwalking scene ("Out, damned spot! Out, I say!") needs a bit of space.
  """)
L("king-lear-insults", "Shakespearean insults quoted for a workshop", "libraries",
  "Shakespeare insults workshop", """
  We'd like to run a Shakespeare insults workshop for teenagers at half term. Favourites include
  "Thou art a boil, a plague sore" from King Lear and "You bull's pizzle" from Henry IV. Can we
  book the community room?
  """)
L("hamlet-nunnery", "Hamlet 'Get thee to a nunnery' in an essay context", "education",
  "Exam timetable", """
  My son is revising Hamlet ("Get thee to a nunnery" seems to be the only line he remembers) and
  wants to know if the library will open late during exam season.
  """)
L("dickens-christmas-carol", "Dickens, 'A Christmas Carol', Moby-Dick", "libraries",
  "Book club", """
  Our book club is reading Dickens this winter, starting with A Christmas Carol and Bleak House.
  Next year we'll tackle Moby-Dick. Can the library order eight copies?
  """)
L("thou-shalt-not-kill", "scripture quote 'Thou shalt not kill'", "planning",
  "Chapel conversion", """
  The old chapel on Stryd y Capel has the Ten Commandments painted on the wall, including "Thou
  shalt not kill". As part of the conversion, will the listed building consent require them to be
  kept?
  """)
L("wages-of-sin", "biblical quote 'the wages of sin is death'", "bereavement",
  "Headstone inscription", """
  My late father wanted "The wages of sin is death; but the gift of God is eternal life" on his
  headstone. Is that length allowed in the churchyard extension?
  """)
L("under-milk-wood-llareggub", "Dylan Thomas, 'Llareggub' (bugger all backwards)", "tourism",
  "Dylan Thomas walk", """
  We're planning a Dylan Thomas walking tour around Laugharne, ending with a reading from Under Milk
  Wood. Visitors love hearing why the town is called Llareggub. Can we use the boathouse steps?
  """)
L("lord-of-the-flies", "'Lord of the Flies', 'kill the pig' quoted", "education",
  "GCSE set texts", """
  Is Lord of the Flies still a set text? My daughter is upset by the "kill the pig" chanting scene
  and wants to know if she can study another novel.
  """)
L("eye-for-an-eye", "'an eye for an eye' in a debate", "libraries", "Debate club", """
  The debate club's motion next month is "An eye for an eye makes the whole world blind". May we
  use the library's meeting room?
  """)
L("dick-turpin-officer", "council officer named Dick Turpin", "dturpin", "Thanks, Dick", """
  Dear Dick,

  Thank you for sorting out the street trading licence so quickly. Please pass my thanks to Mr
  Turpin senior too, he was very helpful on the phone.
  """)
L("dick-penderyn", "Welsh history: Dic Penderyn", "archives", "Dic Penderyn", """
  I'm researching Dic Penderyn and the Merthyr Rising of 1831. Does the archive hold any local
  newspapers from that summer?
  """)
L("moby-dick-reading", "Moby-Dick reading at the harbour", "harbour", "Reading event", """
  We'd like to hold an outdoor reading of Moby-Dick on the harbour wall to raise money for the
  lifeboat. Would that need permission from the harbour master?
  """)

# --- surnames ----------------------------------------------------------------------------------
L("surname-cockburn", "surname Cockburn", "bcockburn", "Thank you Ms Cockburn", """
  Dear Ms Cockburn, thank you for your letter about the grant. Mr Cockburn from the parish council
  will contact you about the match funding.
  """)
L("surname-hancock-glasscock", "surnames Hancock and Glasscock", "planning", "Joint objection",
  """
  This objection is made jointly by Peter Hancock of 3 Maes Glas and Mary Glasscock of 5 Maes
  Glas.
  """)
L("surname-cumming-dickson", "surnames Cumming and Dickson", "registrars",
  "Marriage notice", """
  We'd like to give notice of marriage: Alison Cumming and Robert Dickson. Are there appointments
  in July?
  """)
L("surname-butts-pratt", "surnames Butts and Pratt; councillor Pratt", "cllr_pratt",
  "Surgery appointment", """
  Dear Cllr Pratt, Mrs Butts and I would like to come to your ward surgery about the bus route.

  Yours sincerely,
  Gordon Butts
  """, sender=("Gordon Butts", "gordon.butts@btinternet.example"), sign=False)
L("surname-shufflebottom-sidebottom", "surnames Shufflebottom, Sidebottom, Titmuss",
  "elections", "Electoral register", """
  Please add my partner Gemma Shufflebottom to the electoral register at our address. The previous
  occupiers, Mr Sidebottom and Ms Titmuss, have moved out.
  """)
L("surname-hiscock-wilcox", "surnames Hiscock, Willcock, Babcock, Alcock", "ctax",
  "Change of liable person", """
  The house at 22 Heol Fawr has been sold. The new owners are Mr and Mrs Hiscock; the sellers
  were Mrs Willcock and Mr Alcock. The solicitor is Babcock & Co.
  """)
L("surname-dikshit-kuntz", "surnames Dikshit, Kuntz, Fuchs", "revans", "Joint tenancy", """
  Dear Ms Evans, Rohan Dikshit and Anna Kuntz would like to become joint tenants. Our referee is
  Dr Fuchs at the surgery.
  """)
L("surname-dykes-gay", "surnames Dykes and Gay", "admissions", "Sibling link", """
  My son Oliver Dykes starts in September; his half-sister Emily Gay is already in Year 3. Can the
  sibling link be applied?
  """)
L("surname-cocker-peacock", "surnames Cocker, Peacock, Hitchcock", "licensing",
  "Personal licence", """
  Personal licence applications for our bar staff: Jarvis Cocker (no relation), Anne Peacock and
  Lee Hitchcock. Certificates attached.
  """, fmt="att")
L("surname-wankling-cockshott", "surnames Wankling, Cockshott, Sexton", "bereavement",
  "Grave transfer", """
  The grave of my grandparents, Harold and Elsie Wankling, is in the Cockshott family plot. The
  church's sexton, Mr Sexton (really), says the council holds the deeds.
  """)

# --- words containing listed strings -----------------------------------------------------------
L("assess-class-assassin", "words: assess, class, assassin, bass, compass", "education",
  "After-school clubs", """
  Could you assess whether the class sizes in Year 5 can take another pupil? My son does bass
  guitar and wants to join the drama club's production of "The Assassin's Compass".
  """)
L("scunthorpe-cocktail", "words: Scunthorpe, cocktail, cockpit", "licensing",
  "Cocktail bar", """
  I'm moving from Scunthorpe to open a cocktail bar in the old aviation museum, with the Spitfire
  cockpit as the centrepiece. What licence do we need?
  """)
L("therapist-analysis", "words: therapist (the rapist), analysis, grape", "social",
  "Occupational therapist", """
  The occupational therapist's analysis says my mother needs a grab rail by the back door. Also,
  the grape vine on the day centre pergola now blocks half the ramp. When will both be sorted?
  """)
L("sussex-essex-middlesex", "words: Sussex, Essex, Middlesex, Wessex", "transport",
  "Moving schools", """
  We're moving from West Sussex to Wales in August. Our eldest is at a school that used to be in
  Middlesex; the youngest was at Wessex Primary in Essex. What do we need for school transport?
  """)
L("document-constitution", "words: document, constitution, circumstances, accumulate",
  "members", "Constitution", """
  Please send me the document setting out the council's constitution. In the circumstances, I'd
  also like to see how members' allowances accumulate over a term.
  """)
L("penistone-cockermouth", "words: Penistone, Cockermouth, Clitheroe", "tourism",
  "Twinning", """
  Our walking group from Penistone is visiting next spring after trips to Cockermouth and
  Clitheroe. Could the tourist office send some leaflets?
  """)
L("pakistani-community", "word: Pakistani (nationality, not a slur)", "equality",
  "Community event", """
  The Pakistani Community Association would like to hold an Eid celebration in the park. Is there a
  form for events on council land?
  """)
L("raccoon-cocoon-tycoon", "words: raccoon, cocoon, tycoon (contain 'coon')", "libraries",
  "Children's craft", """
  The children's craft session made raccoon masks and silk cocoons. One boy wants to be a property
  tycoon when he grows up. Could we borrow the hall again?
  """)
L("spice-suspicious", "words: spice, suspicious, hospice (contain 'spic')", "trading",
  "Suspicious spice seller", """
  A trader at the market is selling 'saffron' spice at a suspiciously low price. I think it's
  fake. The hospice shop next door said the same.
  """)
L("nigel-nigeria-niggle", "words: Nigel, Nigeria, niggle, snigger", "leisure",
  "Coach complaint", """
  Nigel, the swimming coach from Nigeria, is brilliant. A small niggle: the kids snigger when the
  lifeguard mispronounces his name. Maybe a word with staff?
  """)
L("arsenal-parse-coarse", "words: Arsenal, parse, coarse, hoarse (contain 'arse')", "leisure",
  "Football camp", """
  The Arsenal soccer school camp at the leisure centre was great, but the coarse gravel by the
  pitch cut my son's knee. Also the coach was hoarse by day three, can they have a microphone?
  """)
L("cucumber-specialist", "words: cucumber, specialist (contain 'cum', 'cialis')", "parks",
  "Allotment show", """
  The allotment show this year will have a prize for the longest cucumber, judged by a specialist
  from the agricultural college. May we use the bandstand?
  """)
L("scrap-passion-grass", "words: scrap, passionate, grassland, embarrassed", "countryside",
  "Grassland management", """
  I'm passionate about wildflowers and a bit embarrassed to ask, but could the council scrap the
  June mowing of the grassland by the reservoir?
  """)
L("homophone-homogeneous", "words: homophones, homogeneous, Homo sapiens", "libraries",
  "Spelling bee", """
  The spelling bee list includes homophones and "homogeneous". Could the quiz also include "Homo
  sapiens"? The kids loved the evolution display.
  """)
L("taff-river", "River Taff, Taff Street (anti-Welsh slur only as 'Taffy')", "countryside",
  "Taff Trail", """
  The Taff Trail is flooded near the river by Taff Street. Is there a diversion?
  """)
L("paddy-field-paddy-name", "name Paddy, paddling pool", "events",
  "Irish music night", """
  Paddy O'Brien and the ceilidh band would like to play at St Patrick's night. Paddy's also asking
  about the paddling pool opening.
  """)
L("knockers-booby", "'door knockers', 'booby trap', 'tit-for-tat'", "safety",
  "Neighbour dispute", """
  It's become tit-for-tat with my neighbour: door knockers banging at night, a 'booby trap' of
  string across the path. I don't want to escalate, I'd like mediation.
  """)
L("cum-laude-graduate", "Latin 'cum laude'", "education", "Teacher training", """
  I graduated cum laude in chemistry and would like to know if the council has any teacher
  training bursaries.
  """)
L("mishit-hitch", "words: mishit, hitch", "leisure",
  "Golf course", """
  A golfer mishit a ball through my window from the council course. Small hitch: the course says
  it's the council's problem. Who do I claim from?
  """)
L("bastard-file-engineering", "'bastard file' (a real tool grade) in a workshop context",
  "education", "Workshop equipment", """
  The college workshop needs replacement files: two flat bastard files and a second-cut half
  round. Can the order be added to this term's budget?
  """)
L("pussy-willow-cat", "'pussy willow', 'Puss' the cat", "parks", "Lost cat", """
  Our cat Puss has gone missing near the pussy willow by the park pond. Could you put a poster on
  the noticeboard?
  """)
L("retired-willy-fanny", "old names: Aunt Fanny, Uncle Willy (family names)", "bereavement",
  "Memorial bench", """
  We'd like a memorial bench for my great aunt Fanny and her husband Willy, who walked the cliff
  path every day for sixty years.
  """)
L("knob-butter", "'knob of butter' in a cooking class", "leisure", "Cookery class", """
  The cookery class recipe says "a knob of butter" and half the class didn't know what that meant.
  Could the handout be clearer?
  """)
L("snowblower-hooker", "'snow blower', 'rugby hooker'", "leisure", "Rugby pitch", """
  The rugby club's hooker broke his ankle on the frozen pitch. Can the council lend us the snow
  blower next time?
  """)
L("grapevine-rapeseed", "words: grapevine, rapeseed, oilseed rape", "env", "Crop spraying",
  """
  I heard on the grapevine that the farmer next to the school will spray the oilseed rape field
  this week. Shouldn't the school be told first?
  """)
L("assistant-massive-harass", "words: assistant, massive, harassed (legitimately)", "social",
  "Care assistant", """
  The care assistant has been massively helpful. However, she feels harassed by the new rota
  system, which changes every day. Could you look at it?
  """)

# --- Welsh legitimate ---------------------------------------------------------------------------
L("cy-twll-yn-y-ffordd", "Welsh: pothole 'twll yn y ffordd' (not 'twll dy din')", "cymraeg",
  "Twll yn y ffordd", """
  Annwyl Syr/Fadam,

  Rwy'n ysgrifennu i gwyno am y twll yn y ffordd ar Heol y Frenhines. Mae wedi bod yno ers tri mis
  ac mae'n beryglus i feicwyr. Mae hyn yn gwbl annerbyniol.
  """, lang="cy")
L("cy-biniau-ombwdsmon", "Welsh: bins not collected, escalation to Ombudsman", "cymraeg",
  "Biniau heb eu casglu", """
  Nid yw'r biniau wedi cael eu casglu ers pythefnos. Rwyf wedi ffonio bum gwaith. Os na fydd y
  biniau wedi eu casglu erbyn dydd Gwener, byddaf yn cysylltu ag Ombwdsmon Gwasanaethau
  Cyhoeddus Cymru.
  """, lang="cy")
L("cy-lladd-gwair", "Welsh: 'lladd gwair' (mow grass) contains 'ladd'", "cymraeg",
  "Torri gwair", """
  Mae'r cyngor heb ladd y gwair ar y lleiniau ers misoedd. Mae'n amhosibl gweld y traffig wrth
  droi allan o'r stad. Plîs dewch i'w dorri.
  """, lang="cy")
L("cy-golau-i-ffwrdd", "Welsh: 'i ffwrdd' (off/away)", "cymraeg", "Golau stryd", """
  Mae'r golau stryd tu allan i rif 8 wedi bod i ffwrdd ers mis. Mae'n dywyll iawn i'r plant sy'n
  cerdded adref o'r ysgol.
  """, lang="cy")
L("cy-diawl-o-lanast", "Welsh: mild 'diawl o lanast' (a hell of a mess)", "cymraeg",
  "Maes parcio", """
  Mae'r maes parcio ar ôl y farchnad yn ddiawl o lanast bob dydd Sadwrn. Oes modd cael bin arall
  yno?
  """, lang="cy")
L("cy-cocos-penclawdd", "Welsh: 'cocos' (cockles)", "cymraeg", "Trwydded masnachu stryd", """
  Rwy'n gwerthu cocos a bara lawr o Benclawdd ac eisiau trwydded masnachu stryd ar gyfer y
  farchnad nos. Faint yw'r ffi?
  """, lang="cy")
L("cy-titw-tomos-las", "Welsh: 'titw tomos las' (blue tit)", "cymraeg", "Blwch nythu", """
  Mae titw tomos las yn nythu yn y blwch nythu ar y goeden sydd i fod i gael ei thorri. A oes modd
  aros tan fis Awst?
  """, lang="cy")
L("cy-contractwr", "Welsh: 'contractwr' (contains 'cont')", "cymraeg", "Ffens", """
  Gadawodd y contractwr y ffens ar agor ac mae'r defaid wedi crwydro i'r ffordd. Mae'r
  contractwyr wedi bod yma ers wythnos.
  """, lang="cy")
L("cy-pisyn-o-dir", "Welsh: 'pisyn o dir' (a piece of land)", "cymraeg", "Tir y cyngor", """
  Mae pisyn o dir wrth ymyl yr afon sy'n perthyn i'r cyngor. Hoffai'r gymdeithas ei rentu fel
  gardd gymunedol.
  """, lang="cy")
L("cy-coed-wedi-marw", "Welsh: 'marw' (dead) about trees", "cymraeg", "Coed yn y parc", """
  Mae'r coed ceirios yn y parc wedi marw ar ôl yr haf sych. Fyddan nhw'n cael eu hailblannu?
  """, lang="cy")
L("cy-llosgi-sbwriel", "Welsh: report of neighbour burning rubbish", "cymraeg",
  "Llosgi sbwriel", """
  Mae'r cymydog yn llosgi sbwriel plastig yn yr ardd bob nos. Mae'r mwg yn dod i mewn i'r tŷ ac
  mae gan fy merch asthma.
  """, lang="cy")
L("cy-cath-wedi-ei-lladd", "Welsh: report 'my cat was killed on the road'", "cymraeg",
  "Goryrru", """
  Cafodd fy nghath ei lladd ar y ffordd neithiwr. Mae ceir yn gyrru'n llawer rhy gyflym drwy'r
  pentref. Oes modd cael terfyn cyflymder 20mya?
  """, lang="cy")
L("cy-mi-wna-i-gysylltu", "Welsh: 'mi wna i' + legitimate escalation", "cymraeg",
  "Safonau'r Gymraeg", """
  Am y trydydd tro, cefais lythyr Saesneg yn unig gan yr adran dreth gyngor. Mae hyn yn torri
  Safonau'r Gymraeg. Mi wna i gysylltu â Chomisiynydd y Gymraeg a'm Haelod o'r Senedd os na fydd
  hyn yn newid.
  """, lang="cy")
L("cy-dinas-din", "Welsh: Dinas, Dinbych (contain 'din')", "cymraeg", "Trafnidiaeth ysgol", """
  Mae fy mab yn symud o ysgol yn Ninbych i Ysgol y Preseli. Oes bws o Ddinas i'r ysgol?
  """, lang="cy")
L("cy-gwarthus-furious", "Welsh: angry 'gwarthus' (disgraceful)", "cymraeg", "Gofal fy mam", """
  Mae'r ffordd mae fy mam wedi cael ei thrin yn warthus. Dim gofalwr am dri diwrnod. Rwy'n
  flin iawn ac rwyf eisiau cyfarfod gyda'r rheolwr.
  """, lang="cy")
L("cy-cwm-cwmbran", "Welsh: Cwm, Cwmbran (resemble 'cum')", "cymraeg", "Llwybr beicio", """
  A fydd y llwybr beicio o Gwm Gwaun yn cysylltu â'r un i Gwmbrân rhyw ddydd? Diolch am y gwaith
  ar Lwybr y Cwm.
  """, lang="cy")
L("cy-bilingual-qp", "Welsh/English bilingual, quoted-printable", "cymraeg",
  "Cais cynllunio / Planning application", """
  Rwy'n gwrthwynebu'r cais am godi estyniad deulawr yn 4 Heol y Wern – bydd yn cysgodi fy ngardd.

  I object to the application for the erection of a two-storey extension at 4 Heol y Wern – it will overshadow my garden.
  """, lang="cy", fmt="qp")
L("cy-llythyr-dig", "Welsh: persistent, angry letter to councillor", "cllr_morgan",
  "Y llwybr cyhoeddus", """
  Annwyl Gynghorydd Morgan,

  Dyma'r chweched tro i mi ysgrifennu am y llwybr cyhoeddus sydd ar gau. Rwy'n siomedig iawn
  ac yn flin. Fe fyddwn ni'n protestio tu allan i Neuadd y Sir os na fydd ateb.
  """, lang="cy")

# --- quoted abuse: the sender's own text is legitimate; abuse is only in quoted material ---------
Q("gt-lines-apology", "'>' quoted lines of the sender's own earlier abusive email; apology",
  "revans", "Re: Arrears", """
  Ms Evans,

  I want to apologise for the email below. I was in a bad place that night and it was wrong of
  me to speak to you like that. I would still like to set up a payment plan for the arrears.

  {signoff}

  On Mon, 2 Mar 2026 at 23:41, {name} <{addr}> wrote:
  > You fucking useless cow. I hope you rot. Not paying a penny.
  """, sign=False)
Q("gt-lines-nested", "nested '>>' quotes of abuse from another resident in a thread",
  "cllr_davies", "Re: Re: Play area meeting", """
  Dear Gwen,

  Thank you for chairing last night. I'm sorry you had to read the message quoted below from
  one of the other parents; it doesn't represent the group. We'd still like the play area
  reopened before the summer.

  {signoff}

  > On 14 Apr 2026, Cllr Gwen Davies <cllr.gwen.davies@council.example> wrote:
  > Please keep the discussion civil.
  >
  >> On 13 Apr 2026, a parent wrote:
  >> Gwen Davies is a useless bitch and someone should smash her windows in.
  """, sign=False)
Q("on-wrote-two-line-attribution", "attribution split over two lines, quoted text without '>'",
  "housing", "Re: Your tenancy warning", """
  I accept the warning and I have apologised to the officer in person. Please could you confirm
  the repair to the back door is still booked for Thursday.

  {signoff}

  On Wed, 18 Mar 2026 at 09:12, Housing Services <housing@council.example>
  wrote:
  Dear tenant, we are writing about your email of 16 March in which you said: "I will smash the
  officer's face in if he comes round again, the fucking prick." This is a breach of your tenancy.
  """, sign=False)
Q("outlook-original-message", "Outlook '-----Original Message-----' forwarding a neighbour's abuse",
  "safety", "FW: message from my neighbour", """
  Hello,

  Please see below the message my neighbour sent me last night, after I reported his dog. I don't
  feel safe and I'd like to know what the council can do.

  {signoff}

  -----Original Message-----
  From: Kev <kev77@mail.example>
  Sent: 09 May 2026 22:14
  To: {addr}
  Subject: dog

  Grass me up again you nosy slag and I'll burn your fucking house down.
  """, sign=False)
Q("outlook-from-sent-block", "Outlook 'From: / Sent:' reply header over quoted abuse",
  "lhughes", "RE: Planning committee", """
  Hi Lowri,

  Thanks for your reply. For the record I had nothing to do with the email below and I'm sorry it
  was copied to me. I'm still in favour of the application.

  {signoff}

  From: Disgruntled Resident <angry.resident@mail.example>
  Sent: Tuesday, 12 May 2026 08:03
  To: Lowri Hughes <l.hughes@council.example>
  Cc: {addr}
  Subject: Planning committee

  Lowri Hughes is a corrupt cunt and the whole committee can go fuck themselves.
  """, sign=False)
Q("outlook-underscore-divider", "Outlook divider line then From/Sent block with threat",
  "complaints", "RE: Complaint about my neighbour", """
  Dear Complaints Team,

  Thank you for the update. I have now given the police a copy of the threatening email below
  (ref 3310/26). I'd like the council's ASB team to be aware of it too.

  {signoff}

  ________________________________
  From: Gaz <gaz.b@mail.example>
  Sent: 03 June 2026 19:55
  To: {addr}
  Subject: you

  I know where you live. You won't see me coming.
  """, sign=False)
Q("gmail-forwarded", "Gmail forwarded message with racist abuse from a landlord", "housing",
  "Fwd: rent", """
  Hello,

  I'm forwarding the message my private landlord sent me after I asked for the boiler to be
  fixed. Can the council's private rented sector team help me?

  {signoff}

  ---------- Forwarded message ---------
  From: Landlord <lettings@mail.example>
  Date: Fri, 6 Mar 2026 at 21:02
  Subject: rent
  To: {addr}

  Fix it yourself you paki. Don't like it go back to your own country.
  """, sign=False)
Q("welsh-attribution", "Welsh Gmail attribution 'ysgrifennodd:' over '>' quoted Welsh abuse",
  "cymraeg", "Re: Pwyllgor", """
  Annwyl Swyddog,

  Hoffwn ymddiheuro am fy e-bost isod. Roeddwn i wedi gwylltio, ond doedd dim esgus. Rwy'n dal
  eisiau apelio yn erbyn y penderfyniad.

  {signoff}

  Ar Llun, 2 Maw 2026 am 22:15, {name} <{addr}> ysgrifennodd:
  > Ffycin bastads. Twll eich tin chi i gyd.
  """, sign=False, lang="cy")
Q("facebook-post-quoted", "'>' quoting an abusive social media post about an officer",
  "cllr_hussain", "Comments about your officer on Facebook", """
  Dear Cllr Hussain,

  I run the community noticeboard page and removed the following comment about your housing
  officer this morning. I've reported it to Facebook. I thought you should know.

  > That Ahmed in housing is a terrorist towelhead, someone should sort him out properly.

  {signoff}
  """, sign=False)
Q("quoted-council-letter-threat", "resident quotes the council's warning letter (which quotes him)",
  "jsmith", "Re: Warning letter", """
  Mr Smith,

  I received your letter. I accept I said what is quoted below and I shouldn't have. I'd like
  to meet to talk about the hedge properly.

  {signoff}

  > Your email of 2 April said: "If you set foot on my land again I'll break your legs."
  > Under the council's Managing Customer Contact policy we consider this unacceptable.
  """, sign=False)
Q("html-blockquote", "HTML reply quoting abuse in a <blockquote>", "ethomas", "Re: Noise",
  "", fmt="html",
  html_body=html_doc(
      "<p>Dear Mr Thomas,</p>\n<p>Thank you for coming out on Friday. I'm mortified about the "
      "message below that my son sent from my account. He has been spoken to. I'd still like the "
      "noise monitoring to go ahead.</p>\n<p>Kind regards,<br>{first}</p>\n"
      "<p>On 20 Mar 2026, at 18:03, {name} &lt;{addr}&gt; wrote:</p>\n"
      "<blockquote>You useless fucking wanker. Do your job or I'll do it for you with a "
      "baseball bat.</blockquote>"))
Q("html-gmail-quote", "HTML reply quoting abuse in <div class=\"gmail_quote\">", "awilliams",
  "Re: Garage application", "", fmt="html",
  html_body=html_doc(
      "<div dir=\"ltr\">Hi Anwen,<br><br>Thanks for the call. I know my brother-in-law sent you "
      "the message below; I've asked him not to contact you again. The amended plans are "
      "attached.<br><br>Best,<br>{first}</div>\n"
      "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Thu, 9 Apr 2026 at "
      "11:02, Mick &lt;mick.d@mail.example&gt; wrote:<br></div>\n<blockquote class=\"gmail_quote\" "
      "style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex\">Anwen you stupid "
      "bitch. Approve the garage or you'll regret it. I know where you live.</blockquote></div>"))
Q("html-outlook-divrplyfwdmsg", "Outlook web HTML reply with #divRplyFwdMsg and #appendonsend",
  "complaints", "RE: Anti-social behaviour", "", fmt="html",
  html_body=html_doc(
      "<div>Dear team,</div><div>I'm forwarding the messages I've been getting from the flat "
      "upstairs so you have them on file. Please treat this as a formal ASB report.</div>"
      "<div>Thank you,<br>{name}</div>\n<div id=\"appendonsend\"></div>\n"
      "<hr style=\"display:inline-block;width:98%\">\n<div id=\"divRplyFwdMsg\" dir=\"ltr\">"
      "<b>From:</b> upstairs flat &lt;flat4b@mail.example&gt;<br><b>Sent:</b> 11 May 2026 "
      "01:12<br><b>Subject:</b> noise<br><br>Complain again you nigger and see what happens. "
      "Kill yourself.</div>"))
Q("html-apple-blockquote-cite", "Apple Mail <blockquote type=\"cite\"> with threat",
  "cokafor", "Re: HMO inspection", "", fmt="html",
  html_body=html_doc(
      "<div>Dear Mr Okafor,</div><div><br></div><div>Further to our call, I've attached the "
      "message one of my tenants sent me. I've served notice on him. The HMO inspection can go "
      "ahead on Tuesday.</div><div><br></div><div>Regards,<br>{name}</div>\n"
      "<div><br><blockquote type=\"cite\"><div>On 4 Jun 2026, at 23:50, tenant wrote:</div>"
      "<div>Tell the council inspector I'll stab him if he comes in my room.</div></blockquote>"
      "</div>"))
Q("html-thunderbird-moz-cite", "Thunderbird moz-cite-prefix and blockquote", "planning",
  "Re: Objection comments", "", fmt="html",
  html_body=html_doc(
      "<p>Hello,</p><p>I see my objection was published alongside the comment below, which "
      "isn't mine. Please remove it from my name. My objection is about traffic only.</p>"
      "<p>Regards,<br>{name}</p>\n<div class=\"moz-cite-prefix\">On 15/05/2026 10:41, "
      "Planning Portal wrote:<br></div>\n<blockquote type=\"cite\" cite=\"mid:abc@council.example\">"
      "Comment 42: the planning officer is a retarded mong and should be sacked.</blockquote>"))
Q("html-yahoo-quoted", "Yahoo yahoo_quoted div", "parking", "Re: PCN appeal", "",
  fmt="html",
  html_body=html_doc(
      "<div>Hello, I'm appealing PCN PK41002281 on behalf of my father who was unloading his "
      "wheelchair. His blue badge was displayed. Photos attached.</div><div>{name}</div>\n"
      "<div class=\"yahoo_quoted\"><div>On Sunday, 1 February 2026, 20:10, Dad wrote:</div>"
      "<div>Tell those parking bastards to shove the ticket up their arse.</div></div>"))
Q("alt-plain-gt-html-blockquote", "multipart/alternative: '>' in plain, blockquote in HTML",
  "mjones", "Re: Enforcement notice", """
  Mr Jones,

  I've taken advice and will comply with the enforcement notice by the end of July. I apologise
  for the message quoted below.

  {signoff}

  On Fri, 10 Apr 2026 at 17:30, {name} <{addr}> wrote:
  > Shove your notice up your arse, you fat prick. Your days are numbered.
  """, sign=False, fmt="alt")
Q("b64-gt-quoted", "base64 body whose abuse is only in '>' lines", "housing",
  "Re: Tenancy", """
  Hi,

  As requested, I confirm my son no longer lives at the property and will not contact your
  officers again. The email below was from him, not me.

  {signoff}

  > From my son's account, 3 May:
  > Tell that dyke housing officer I'll kick her teeth in.
  """, sign=False, fmt="b64")
Q("qp-outlook-original-welsh", "QP, Outlook Original Message, Welsh abuse quoted", "cymraeg",
  "FW: E-bost bygythiol", """
  Helo,

  Dyma'r e-bost a gefais gan gymydog ar ôl i mi gwyno am y sŵn. Rwy'n ofnus iawn. Beth all y cyngor ei wneud?

  {signoff}

  -----Original Message-----
  From: Cymydog <cymydog@mail.example>
  Sent: 21 April 2026 23:02
  Subject: sŵn

  Cau dy geg y cont neu mi wna i dy ladd di.
  """, sign=False, fmt="qp", lang="cy")
Q("councillor-thread-hidden-by-gt", "councillor forwards with '>' lines a homophobic message",
  "cllr_morgan", "Re: Pride event - abuse received", """
  Dafydd,

  As discussed, here is the message the Pride organisers received through the events inbox. They
  have reported it to the police. Could the council publicly support the event?

  {signoff}

  > Sent via the events contact form:
  > No poofs parading through our town. Faggots will get what's coming to them.
  """, sign=False)
Q("signature-quote-below", "reply with signature delimiter then quoted abuse further down",
  "repairs", "Re: Repair 88412", """
  Thanks, the Tuesday slot is fine. Sorry about my husband's email, he's written his apology
  separately.

  -- 
  {name}
  14 Maes y Dderwen

  On Mon, 16 Feb 2026 at 07:45, Colin <c.fenwick@mail.example> wrote:
  > Fucking useless, the lot of you. Third time the plumber's not turned up.
  """, sign=False)

# --- hidden HTML text: visible text is legitimate ----------------------------------------------
L("hidden-span-display-none", "hidden <span style=\"display:none\"> with profanity; visible text legit",
  "waste", "Bin collection day change", "", fmt="html",
  html_body=html_doc(
      "<p>Hello, has the collection day changed for Ffordd y Bryn? Our bins weren't emptied on "
      "Tuesday.</p><span style=\"display:none\">fucking cunts wankers shit</span>"
      "<p>Thanks, {first}</p>"))
L("hidden-div-display-none-threat", "hidden <div style=\"display: none\"> with a threat",
  "planning", "Pre-application advice", "", fmt="html",
  html_body=html_doc(
      "<div style=\"display: none\">I will kill you. I know where you live.</div>"
      "<p>Good morning, I'd like to book pre-application advice for a small holiday let in a "
      "converted barn. What are the fees?</p><p>{name}</p>"))
L("hidden-css-class", "hidden by a CSS class in <style>; slur in the hidden element",
  "libraries", "Library card", "", fmt="html",
  html_body=html_doc(
      "<p class=\"preheader\">retards and spastics, the lot of you</p>"
      "<p>Hi, can I renew my library card online or do I need to come in with ID?</p>"
      "<p>Thanks,<br>{first}</p>",
      head="<style>.preheader { display:none !important; }</style>\n"))
L("hidden-preheader-alt", "marketing-style HTML preheader hidden with display:none and font-size:0",
  "events", "Newsletter: Summer fair", "", fmt="html",
  html_body=html_doc(
      "<span class=\"preheader\" style=\"display:none;font-size:0;max-height:0;overflow:hidden\">"
      "spam filler: bitch slut whore paki faggot</span>"
      "<h1>Summer fair update</h1><p>Our residents' association would like to confirm the road "
      "closure for the summer fair on 11 July, 10am to 5pm.</p>"))

# --- Added after review: ordinary words that once looked like abuse or threats ---------------
L("skeet-shooting", "'skeet' is not 'sket'", "leisure", "Clay pigeon club licence", """
  Our club would like to renew its licence for skeet shooting at the quarry site on Sundays. The
  noise survey from last year is attached to our earlier application. Could you confirm the fee?
  """)
L("cuts-will-cripple-us", "'cripple' as a verb", "transport", "Grant cut", """
  The cut to the community transport grant will cripple us. We run forty journeys a week for
  people who cannot use buses, and without the grant the service stops in March.
  """)
L("postcode-sh17", "postcodes and references in capitals and digits", "parking",
  "Permit for SH17 4XY", """
  Please send the parking permit to the new address, postcode SH17 4XY. My old permit reference
  was 5H17B and the car registration is KL17 BHT.
  """)
L("threat-verbs-idiom-complaints", "harm verbs in idiom: complaints, replies, tribunals",
  "complaints", "Next steps", """
  If I do not hear back by Friday I will hit your department with a formal complaint, and then
  I will kick your complaint upstairs to the Ombudsman. I will also run your name past my MP.
  We'll beat you at the tribunal if it comes to that. I'll shoot you a reply as soon as I have
  read the report. Honestly I could kill you for this delay, but I would rather just get it
  fixed.
  """)
L("kill-that-rumour", "'kill that rumour'", "libraries", "Library closure", """
  Can the council please kill that rumour about the library closing? Three people asked me at the
  school gate today. If it is not true, a post on the council's page would settle it.
  """)

# =============================================================================================
# reported/: legitimate reports of abuse the sender RECEIVED, quoting the abuser in their own
# text (not in a quoted-reply block). Expected: none. Measured separately from legitimate/.
# =============================================================================================
R("racist-street-abuse", "racist street abuse, 'go back to your own country' and a slur",
  "safety", "Hate crime report", """
  I want to report a hate incident. On Saturday afternoon on Stryd Fawr a man shouted "go back to
  your own country, you fucking paki" at me and my two children. I reported it to the police (ref
  2204/26). I'd like the council to know as it's the second time this month near the bus station,
  and the CCTV camera there doesn't seem to work.
  """)
R("homophobic-graffiti", "homophobic graffiti on a garage door", "safety",
  "Graffiti on our garage", """
  Someone has sprayed "FAGGOTS OUT" across our garage door overnight. My husband and I have lived
  here twelve years. The police have taken photos. Does the council remove hate graffiti from
  private property, and how quickly?
  """)
R("disablist-bullying-son", "disablist abuse of a disabled child at a bus stop", "children",
  "My son is being bullied at the bus stop", """
  My son has Down's syndrome. Every morning at the school bus stop a group of older kids call him
  "retard", "mong" and "spastic" and film him on their phones. The bus escort has seen it. Please
  can the school transport team and the school do something.
  """)
R("transphobic-abuse-town", "transphobic abuse shouted at a trans resident", "safety",
  "Incident in the town centre", """
  I'm a trans woman and last night outside the Co-op a group of men shouted "tranny" and "it's a
  bloke in a dress" and followed me to the taxi rank. I'd like it logged as a hate incident and I'd
  like to know if the street marshals could cover that area on Friday nights.
  """)
R("neighbour-kill-threat", "neighbour's threat 'I'll kill you and your dog' reported", "housing",
  "Threat from neighbour at no. 9", """
  My neighbour at number 9 said to me over the fence this morning, "I'll kill you and that
  fucking dog if it barks again." He is a council tenant like me. I've told the police. I'm asking
  the housing office to take action under his tenancy agreement.
  """)
R("taxi-driver-abuse", "licensed taxi driver abused a passenger", "licensing",
  "Complaint about taxi plate 214", """
  I'd like to complain about the driver of taxi plate 214 on Friday night. When I queried the
  fare he called me a "stupid bitch" and told me to "fuck off out of my cab" in the rain, a mile
  from home. I think he should not hold a licence.
  """)
R("antisemitic-graffiti", "antisemitic graffiti on a bench", "parks", "Graffiti in Parc Coffa",
  """
  Someone has scratched "kill the kikes" and a swastika into the memorial bench in Parc Coffa. It
  needs removing today please; there's a school trip to the war memorial tomorrow.
  """)
R("traveller-family-abuse", "anti-Traveller abuse reported by a Traveller family", "equality",
  "Abuse of our children", """
  We are a Romany Gypsy family living on the council site. My children are called "dirty pikeys"
  and "gyppos" every day on the walk to school and a parent said "your lot should be gassed". The
  school says it's outside its gates. Who at the council can help?
  """)
R("racist-abuse-school-daughter", "racist slur used against a pupil", "education",
  "Racist incident at school", """
  My daughter, who is 11, was called a "nigger" by another pupil in the lunch queue and the
  teacher did nothing. I'd like to know how the school records racist incidents and whether the
  council monitors them.
  """)
R("cy-neighbour-threat", "Welsh: neighbour's Welsh threat quoted", "cymraeg",
  "Bygythiad gan gymydog", """
  Rwyf eisiau adrodd bod fy nghymydog wedi gweiddi "mi wna i dy ladd di" arna i ddoe dros y
  wal. Mae'r heddlu wedi cael gwybod. Rwy'n denant y cyngor ac yn ofnus iawn.
  """, lang="cy")
R("councillor-online-threat", "online threat to a councillor reported by a resident",
  "cllr_davies", "Threat to you on the community page", """
  Dear Cllr Davies,

  I thought you should know that someone on the village Facebook group posted last night: "I know
  where Gwen Davies lives and her days are numbered." The admin has removed it but I took a
  screenshot, attached. I hope you'll report it.
  """, fmt="att")
R("landlord-texts", "private landlord's abusive text messages quoted", "housing",
  "Harassment by my landlord", """
  My landlord has started texting me since I asked for the damp to be fixed. Yesterday: "You're
  scum, get out by Friday or I'll smash your face in." Today: "Hope you die in that flat." I have
  nowhere to go. Can the council's tenancy relations officer help me?
  """)
R("lesbian-couple-abuse", "homophobic abuse of a lesbian couple", "safety", "ASB on our street",
  """
  My partner and I were walking home holding hands when a group outside the off-licence shouted
  "fucking lesbians" and "dirty dykes" and threw a bottle. This is the third time. Can the
  council review the licence of that off-licence and the CCTV?
  """)
R("staff-member-reports-caller", "council officer reports an abusive caller internally",
  "complaints", "Abusive caller - please add warning marker", """
  Hi team,

  Please add a warning marker to account 4471203. The caller this morning said "I'll be waiting
  for you after work, you useless cow" before hanging up. I've logged it with my manager.

  Thanks,
  Emyr (Environmental Health)
  """, sender=("Emyr Thomas", "e.thomas@council.example"), sign=False)
R("disabled-resident-abuse", "disablist abuse of a wheelchair user", "safety",
  "Abuse at the bus station", """
  I use a wheelchair. At the bus station on Monday a man said "move, you fucking cripple" and
  kicked my wheel. The staff did nothing. I'd like the council to review how the bus station is
  staffed.
  """)
R("sexual-harassment-park", "sexual harassment of a teenager quoted by a parent", "parks",
  "Men harassing girls at the skate park", """
  My 15 year old daughter was told "show us your tits" and "I'd fuck you" by grown men drinking
  by the skate park. This happens every evening. Can the park wardens and the police do joint
  patrols?
  """)

# =============================================================================================
# places/: UK and Welsh place names and surnames that contain or equal vulgar strings, in
# ordinary context. Zero false positives allowed.
# =============================================================================================
P("scunthorpe", "Scunthorpe", "ctax", "Moving from Scunthorpe", """
  I'm moving here from Scunthorpe on 1 June. My current council in Scunthorpe says to tell you the
  forwarding address for the final bill. When does my first bill arrive?
  """)
P("penistone-road", "Penistone Road, Penistone", "highways", "Diversion signs", """
  The diversion signs for the A61 still point to Penistone Road. My lorry ended up in Penistone
  town centre. Could the signs be updated?
  """)
P("middlesex-university", "Middlesex University", "education", "Student council tax", """
  I'm a full-time student at Middlesex University studying online and living with my parents here.
  Do I count for the council tax student disregard?
  """)
P("cockfosters-station", "Cockfosters station, Piccadilly line", "tourism", "Coach trip", """
  Our coach party leaves from Cockfosters station at 7am and should reach you at lunchtime. Is
  there coach parking near the castle?
  """)
P("lightwater", "Lightwater, Surrey (contains 'twat')", "registrars", "Birth certificate", """
  I was born in Lightwater, Surrey, but registered here. Can I order a copy of my birth certificate
  from you?
  """)
P("bitchfield", "Bitchfield, Lincolnshire", "archives", "Family history", """
  My great grandfather was a farm labourer in Bitchfield, Lincolnshire, before moving to Wales in
  1902. Does the archive hold the colliery records that might show him?
  """)
P("crapstone", "Crapstone, Devon", "housing", "Housing register", """
  I'm currently living with my sister in Crapstone, Devon, and want to join your housing register
  to be near my mum. Do I need a local connection?
  """)
P("pratts-bottom", "Pratts Bottom, Kent", "licensing", "Street trading", """
  I run an ice cream van based in Pratts Bottom, Kent, and would like a summer street trading
  consent for your beaches. Is there a waiting list?
  """)
P("wetwang", "Wetwang, East Yorkshire", "events", "Agricultural show", """
  We're bringing our vintage tractor display from Wetwang in East Yorkshire to the county show.
  Where do exhibitors park?
  """)
P("twatt-orkney", "Twatt, Orkney and Shetland", "tourism", "Island twinning", """
  Greetings from Twatt, Orkney! Our community council is exploring a link with a Welsh island
  community. There's also a Twatt on Shetland, but we're the bigger one.
  """)
P("shitterton-dorset", "Shitterton, Dorset", "planning", "Neighbour notification", """
  I own a holiday cottage near you but live in Shitterton, Dorset. Please send any neighbour
  notification letters to my Shitterton address.
  """)
P("cumnock", "Cumnock, Ayrshire", "transport", "Concessionary travel", """
  I've moved from Cumnock in Ayrshire. Is my Scottish bus pass valid here, or do I need a Welsh
  one?
  """)
P("clitheroe", "Clitheroe, Lancashire", "trading", "Market trader", """
  We trade at Clitheroe market on Tuesdays and would like to come down for the food festival. Do we
  need anything from trading standards for our scales?
  """)
P("titchfield", "Titchfield, Hampshire", "planning", "Listed building", """
  I restored a similar barn in Titchfield, Hampshire. Happy to share how the conservation officer
  there handled the roof. Is the listed building consent for Ysgubor Fawr still open?
  """)
P("upper-dicker", "Upper Dicker, East Sussex", "admissions", "In-year transfer", """
  We're relocating from Upper Dicker in East Sussex. Our children currently attend the village
  school there. What is the in-year admissions process?
  """)
P("muff-donegal", "Muff, County Donegal", "tourism", "Festival link", """
  The Muff Festival committee in County Donegal would like to bring a pipe band over for your
  Celtic festival. Who should we talk to?
  """)
P("great-cockup", "Great Cockup, Cumbria (a fell)", "countryside", "Walking festival", """
  Our walking club did Great Cockup and Little Cockup in the Lake District last month. Could the
  walking festival include a similar route up Foel Cwmcerwyn?
  """)
P("scratchy-bottom", "Scratchy Bottom, Dorset", "tourism", "Coastal path", """
  We walked the Dorset coast path past Durdle Door and Scratchy Bottom last year and now want to do
  the Pembrokeshire Coast Path. Is there a baggage transfer list?
  """)
P("llanfairpwll", "Llanfairpwllgwyngyll and its long form", "tourism", "Road signs", """
  Visitors keep asking about the long name of Llanfairpwllgwyngyll:
  Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch. Could the tourist office stock the
  postcards with the full name?
  """)
P("pen-y-fan", "Pen y Fan, Brecon Beacons", "countryside", "Guided walk", """
  Do the rangers run a guided walk up Pen y Fan for beginners? We're a group of six from the
  Cwmbrân walking club.
  """)
P("cockermouth-flood", "Cockermouth, Cumbria", "env", "Flood resilience", """
  After the Cockermouth floods a lot of homes there fitted flood doors with grant funding. Is there
  a similar scheme here for homes along the river?
  """)
P("essex-sussex-address", "Essex Road, Sussex Gardens", "ctax", "Change of address", """
  Please update my address from 14 Essex Road to 3 Sussex Gardens from 1 May.
  """)
P("brown-willy", "Brown Willy, Cornwall", "countryside", "Trig points", """
  I'm trying to visit every trig point in the South West and Wales. I've done Brown Willy on Bodmin
  Moor; which Pembrokeshire summits have trig pillars?
  """)
P("bell-end-nob-end", "Bell End, Worcestershire; Nob End, Bolton", "env", "Nature reserve",
  """
  I volunteer at Nob End nature reserve near Bolton and grew up in Bell End near Bromsgrove. Could
  your countryside team share how you manage orchids on the old lime tips?
  """)
P("cumbernauld-cumbria", "Cumbernauld, Cumbria, Cumwhinton", "housing", "Mutual exchange", """
  We're looking for a mutual exchange. We're in a two-bed in Cumbernauld but originally from
  Cumwhinton in Cumbria.
  """)
P("plymouth-hoe", "Plymouth Hoe", "events", "Armed Forces Day", """
  The Plymouth Hoe Armed Forces Day team say your event used a similar stage. Could we have the
  contact for your staging supplier?
  """)
P("sexhow", "Sexhow, North Yorkshire", "registrars", "Wedding venue", """
  We're getting married at a farm near Sexhow in North Yorkshire but want a blessing at the chapel
  here afterwards. Do you need to be involved?
  """)
P("cocking-west-sussex", "Cocking, West Sussex; Cockfield, Suffolk", "countryside",
  "South Downs Way", """
  Our cycling club rode the South Downs Way from Cocking last summer and Cockfield in Suffolk the
  year before. Is there a bridleway route around the Preseli Hills?
  """)
P("penisarwaun", "Penisa'r-waun, Gwynedd (mutated and unmutated)", "cymraeg", "Trafnidiaeth ysgol", """
  Rydym yn symud o Benisa'r-waun ger Caernarfon. Mae'r plant yn mynd i Ysgol Gynradd
  Penisa'r-waun ar hyn o bryd. Oes bws i'r ysgol newydd?
  """, lang="cy")
P("cockett-swansea", "Cockett, Swansea", "housing", "Homeless application", """
  I've been placed in temporary accommodation in Cockett, Swansea, but my children go to school
  here. Can I be moved closer?
  """)
P("slag-lane", "Slag Lane, Lowton", "trading", "Doorstep trader", """
  A doorstep trader with a van registered at Slag Lane, Lowton, is quoting pensioners thousands for
  roof repairs. Can trading standards check him?
  """)
P("minge-lane", "Minge Lane, Upton upon Severn", "events", "Classic car rally", """
  The classic car rally starts on Minge Lane in Upton upon Severn and finishes on your promenade. We
  need a permit for the finish line.
  """)
P("crotch-crescent", "Crotch Crescent, Oxford", "ctax", "Student exemption", """
  My son's term-time address is Crotch Crescent, Oxford. He's registered there as a student. Can I
  claim the single person discount here?
  """)
P("fanny-hands-lane", "Fanny Hands Lane, Ludford", "highways", "Signage", """
  My sat nav sent me along Fanny Hands Lane in Lincolnshire last week, the signs were good. Could
  yours be as clear at the Cross Inn junction?
  """)
P("shitlington", "Shitlington Crags, Northumberland", "countryside", "Rock climbing", """
  Our climbing club usually goes to Shitlington Crags in Northumberland. Is climbing allowed on the
  council-owned quarry at Carn Ingli?
  """)
P("wyre-piddle", "Wyre Piddle, Piddletrenthide", "tourism", "Village signs", """
  Our village of Wyre Piddle has had its sign stolen six times. Piddletrenthide has the same
  problem. Do your village signs have anti-theft fixings?
  """)
P("sandy-balls-happy-bottom", "Sandy Balls, Happy Bottom", "tourism", "Caravan park", """
  We run a caravan park near Sandy Balls in the New Forest and a campsite at Happy Bottom in
  Dorset. What licence do we need for a site in your county?
  """)
P("arsenal-station", "Arsenal station", "tourism", "Supporters' coach", """
  Our supporters' club coach leaves from near Arsenal station on Friday for the pre-season
  friendly. Is there coach parking by the ground?
  """)
P("assington-thong", "Assington, Suffolk; Thong, Kent", "archives", "Parish records", """
  I'm tracing family from Assington in Suffolk and Thong in Kent who moved to the Milford Haven
  dockyard. Which records would show them?
  """)
P("spanker-lane-cocks", "Spanker Lane, Derbyshire; Cocks, Cornwall", "licensing",
  "Event licence", """
  We've run folk festivals at a farm on Spanker Lane in Derbyshire and in the hamlet of Cocks in
  Cornwall. Now we'd like to run one here. What's the process?
  """)
P("hell-mouth-beach", "Hell's Mouth (Porth Neigwl) beach", "tourism", "Surf school", """
  I run a surf school at Hell's Mouth (Porth Neigwl) on the Llŷn and want to expand to Newgale. Do
  you license surf schools on council beaches?
  """)
P("dorking-lickey-end", "Dorking, Surrey; Lickey End", "elections", "Overseas voter", """
  I'm registered to vote in Dorking but now live near Lickey End. Which council do I register with
  for the Senedd election?
  """)
P("surname-place-mix", "surnames Cockburn and Pratt at Penistone Road", "waste",
  "Bulky waste collection", """
  Please collect a sofa from Mrs Cockburn at 4 Penistone Road and a fridge from Mr Pratt at
  number 6. Both booked online.
  """)
P("cwmtwrch-tonypandy", "Cwm-twrch, Tonypandy, Pontypridd", "cymraeg", "Cwm-twrch", """
  Mae fy mam yn byw yng Nghwm-twrch ac rydw i yn Nhonypandy. Oes gwasanaeth gofal cartref sy'n
  mynd o Bontypridd i'r ddau le?
  """, lang="cy")
P("dic-penderyn-street", "Stryd Dic Penderyn, Merthyr", "planning", "Street naming", """
  The new estate on the old colliery site will have a road called Stryd Dic Penderyn. Has the
  street naming been approved?
  """)
P("bottoms-lane-butts", "The Butts, Buttsbury, Bottoms Lane", "highways", "Gritting route", """
  Is The Butts on the gritting route? It's as steep as Bottoms Lane, which is gritted. Also my
  sister near Buttsbury in Essex says they grit every side road.
  """)
P("booze-shaggs-ugley", "Booze (N. Yorks), Shaggs (Dorset), Ugley (Essex)", "tourism",
  "Funny place names", """
  Our WI is doing a talk on funny place names: Booze in North Yorkshire, Shaggs in Dorset, Ugley
  in Essex. Does Pembrokeshire have any to add?
  """)
P("mumbles-cwmcarn", "Mumbles, Cwmcarn, Cwmbran", "events", "Cycle race", """
  The road race starts in Mumbles, goes via Cwmcarn Forest Drive and finishes in Cwmbran. We'd
  like to add a stage in your county next year.
  """)
P("cy-twll-dinbych", "Welsh: Dinbych, Dinas Mawddwy, Pwllheli, Twll Du", "cymraeg",
  "Taith gerdded", """
  Mae ein clwb cerdded o Ddinbych yn trefnu taith o Ddinas Mawddwy i Bwllheli, gan fynd heibio
  Twll Du yn Eryri. Oes angen caniatâd i gerdded ar dir y cyngor?
  """, lang="cy")

# =============================================================================================
# Writing and checking
# =============================================================================================
WELSH_SENDERS = [n for n in SENDERS if n.split()[0] in
                 ("Rhys", "Siân", "Dafydd", "Gwenllian", "Iolo", "Catrin", "Bethan", "Gethin",
                  "Eleri", "Huw", "Ffion", "Aled", "Mererid")]
BST_START = datetime.datetime(2026, 3, 29, 1, 0)
BST_END = datetime.datetime(2026, 10, 25, 1, 0)


def seeded(m):
    key = f"{m['folder']}/{m['slug']}".encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def date_for(m, rng):
    day = datetime.datetime(2026, 1, 5) + datetime.timedelta(days=rng.randrange(0, 320))
    hour = rng.choice([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1])
    utc = day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
    if BST_START <= utc < BST_END:
        tz = datetime.timezone(datetime.timedelta(hours=1))
    else:
        tz = datetime.timezone.utc
    local = (utc.replace(tzinfo=datetime.timezone.utc)).astimezone(tz)
    return email.utils.format_datetime(local)


def sender_for(m, rng):
    if m["sender"]:
        return m["sender"]
    pool = WELSH_SENDERS if m["lang"] == "cy" else SENDERS
    name = rng.choice(pool)
    return name, local_part(name, rng) + "@" + rng.choice(DOMAINS)


def recipients(code):
    codes = code if isinstance(code, (list, tuple)) else [code]
    out = []
    for c in codes:
        if c in DEPTS:
            out.append(DEPTS[c])
        elif c in OFFICERS:
            out.append(email.utils.formataddr(OFFICERS[c]))
        elif c.endswith("@council.example"):
            out.append(c)
        else:
            raise KeyError(f"unknown recipient {c!r}")
    return ", ".join(out)


def signoff_for(m, rng, name):
    first = name.split()[0]
    if m["sign"] == "rude":
        s = rng.choice(SIGNOFFS_RUDE)
    elif m["lang"] == "cy":
        s = rng.choice(SIGNOFFS_CY)
    else:
        s = rng.choice(SIGNOFFS_EN)
    return s.replace("{name}", name).replace("{first}", first)


def fill(text, name, addr, signoff):
    return (text.replace("{signoff}", signoff).replace("{name}", name)
            .replace("{first}", name.split()[0]).replace("{addr}", addr))


def fake_attachment(rng, slug):
    if rng.random() < 0.5:
        data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + \
            bytes(rng.randrange(256) for _ in range(300)) + b"\xff\xd9"
        return "image/jpeg", f"{slug[:20]}.jpg", data
    data = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
            b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    return "application/pdf", f"{slug[:20]}.pdf", data


FORMAT_DRAW = [("plain", 50), ("qp", 15), ("b64", 7), ("alt", 15), ("alt_qp", 5),
               ("html_qp", 4), ("html", 4)]


def resolve(m):
    """Fixes the structure and subject encoding of messages that left them to chance."""
    rng = random.Random(int.from_bytes(
        hashlib.sha256(f"fmt/{m['folder']}/{m['slug']}".encode()).digest()[:8], "big"))
    if m["fmt"] is None:
        m["fmt"] = rng.choices([f for f, _ in FORMAT_DRAW], [w for _, w in FORMAT_DRAW])[0]
    draw = rng.random()
    if m["subject_enc"] is None and draw < 0.06:
        m["subject_enc"] = "B" if draw < 0.03 else "Q"
    elif m["subject_enc"] == "none":
        m["subject_enc"] = None


STRUCTURAL = (">", "-", "*", "From:", "Sent:", "To:", "Cc:", "Subject:", "Date:", "On ", "Ar ",
              "_", "=")


def reflow(text, flowed):
    """The text is written hard-wrapped for the script's sake; mail clients send a paragraph
    as one long line (or, with format=flowed, wrapped with a trailing space at each soft
    break). Quoted blocks, lists, sign-offs and attribution lines are left as written."""
    out = []
    for para in text.split("\n\n"):
        lines = para.split("\n")
        prose = (len(lines) > 1 and all(len(l) >= 55 for l in lines[:-1])
                 and not any(l.startswith(STRUCTURAL) for l in lines))
        if prose:
            joined = " ".join(l.strip() for l in lines)
            if flowed:
                wrapped = textwrap.wrap(joined, 72, break_long_words=False,
                                        break_on_hyphens=False)
                para = "\n".join(w + " " for w in wrapped[:-1]) + "\n" + wrapped[-1]
            else:
                para = joined
        out.append(para)
    return "\n\n".join(out)


def build(m, serial):
    resolve(m)
    rng = seeded(m)
    name, addr = sender_for(m, rng)
    date = date_for(m, rng)
    signoff = signoff_for(m, rng, name)
    body = m["body"]
    if "{signoff}" not in body and m["sign"] and signoff:
        body = body + "\n\n" + signoff
    if m["signature"]:
        body = body + "\n\n-- \n" + m["signature"]
    flowed = m["fmt"] in ("plain", "qp", "b64", "alt", "alt_qp", "alt_b64") and \
        random.Random(m["slug"]).random() < 0.15
    filled = fill(body, name, addr, signoff)
    body = reflow(filled, flowed) + "\n"
    html_body = m["html_body"]
    if html_body is None:
        html_body = html_doc(text_to_html(reflow(filled, False)), m["head"])
    else:
        html_body = fill(html_body, name, addr, signoff)

    domain = addr.split("@")[1]
    digest = hashlib.sha1(f"{m['folder']}/{m['slug']}".encode()).hexdigest()
    msgid = f"<{digest[:12]}.{serial:04d}.{digest[12:20]}@{domain}>"

    subject = m["subject"]
    if m["subject_enc"] or not subject.isascii():
        subj_line = "Subject: " + encoded_words(subject, m["subject_enc"] or "B")
    else:
        subj_line = fold_header("Subject", subject)

    headers = [
        "X-Devset-Expect: " + m["expect"],
        "X-Devset-Note: " + m["note"],  # one physical line, for grep
        "From: " + email.utils.formataddr((name, addr), charset="utf-8"),
        fold_header("To", recipients(m["to"])),
    ]
    if m["cc"]:
        headers.append(fold_header("Cc", recipients(m["cc"])))
    headers += [subj_line, "Date: " + date, "Message-ID: " + msgid]
    if subject.lower().startswith(("re:", "fw:", "fwd:")):
        ref = f"<{digest[20:32]}@council.example>"
        headers += ["In-Reply-To: " + ref, "References: " + ref]
    headers += m["extra_headers"]
    headers.append("MIME-Version: 1.0")

    fmt = m["fmt"]
    cte = {"": "auto", "qp": "quoted-printable", "b64": "base64"}
    kind, _, enc = fmt.partition("_") if fmt not in ("qp", "b64") else ("plain", "", fmt)
    enc = cte[enc]
    boundary = f"=_devset_{digest[:16]}"
    if kind == "plain":
        payload = part("text/plain", body, enc, flowed)
        headers_text = CRLF.join(headers) + CRLF
        return headers_text + payload, subject, body
    if kind == "html":
        return CRLF.join(headers) + CRLF + part("text/html", html_body, enc), subject, html_body
    if kind == "alt":
        headers.append(f"Content-Type: multipart/alternative; boundary=\"{boundary}\"")
        out = CRLF.join(headers) + CRLF + CRLF
        out += "This is a multi-part message in MIME format." + CRLF + CRLF
        out += f"--{boundary}{CRLF}" + part("text/plain", body, enc, flowed)
        out += f"--{boundary}{CRLF}" + part("text/html", html_body, enc)
        out += f"--{boundary}--{CRLF}"
        return out, subject, body
    if kind == "att":
        ctype, fname, data = fake_attachment(rng, m["slug"])
        headers.append(f"Content-Type: multipart/mixed; boundary=\"{boundary}\"")
        out = CRLF.join(headers) + CRLF + CRLF
        out += f"--{boundary}{CRLF}" + part("text/plain", body, "auto", flowed)
        b = base64.b64encode(data).decode()
        out += (f"--{boundary}{CRLF}Content-Type: {ctype}; name=\"{fname}\"{CRLF}"
                f"Content-Disposition: attachment; filename=\"{fname}\"{CRLF}"
                f"Content-Transfer-Encoding: base64{CRLF}{CRLF}" +
                CRLF.join(b[i:i + 76] for i in range(0, len(b), 76)) + CRLF)
        out += f"--{boundary}--{CRLF}"
        return out, subject, body
    raise ValueError(fmt)


def check(path, raw, m, subject, text):
    """Validates one written file; returns a list of problems."""
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("bare LF")
    if b"\r" in raw.replace(b"\r\n", b""):
        problems.append("bare CR")
    for n, line in enumerate(raw.split(b"\r\n")):
        if len(line) > 998:
            problems.append(f"line {n + 1} longer than 998 octets")
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    if "\ufffd" in head:
        problems.append("non-ASCII byte in the header block")
    for n, line in enumerate(head.split("\r\n")):
        if len(line) > (200 if line.startswith("X-Devset-Note:") else 78):
            problems.append(f"header line {n + 1} longer than 78 characters")
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    for p in msg.walk():
        if p.defects:
            problems.append(f"defects: {p.defects}")
    for h in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version",
              "X-Devset-Expect", "X-Devset-Note"):
        if len(msg.get_all(h) or []) != 1:
            problems.append(f"{h} appears {len(msg.get_all(h) or [])} times")
    expect = [c.strip() for c in str(msg["X-Devset-Expect"]).split(",")]
    if expect != ["none"] and not all(c in CATEGORIES for c in expect):
        problems.append(f"bad categories {expect}")
    if (expect == ["none"]) != (m["folder"] != "abusive"):
        problems.append(f"label {expect} does not fit folder {m['folder']}")
    if len(set(expect)) != len(expect):
        problems.append("repeated category")
    if str(msg["Subject"]) != subject:
        problems.append(f"subject decodes to {str(msg['Subject'])!r}")
    if msg["Date"].datetime.year != 2026:
        problems.append("date not in 2026")
    for a in msg["To"].addresses:
        if not a.addr_spec.endswith("@council.example"):
            problems.append(f"To {a.addr_spec}")
    if not msg["From"].addresses[0].addr_spec.endswith(".example"):
        problems.append("From not .example")
    part_ = msg.get_body(preferencelist=("plain", "html"))
    if part_ is None:
        problems.append("no text body")
    else:
        content = part_.get_content().replace("\r\n", "\n")
        if content.strip() != text.replace("\r\n", "\n").strip():
            problems.append("body does not round-trip")
    if sum(1 for l in raw.split(b"\r\n") if l.startswith(b"X-Devset-Expect:")) != 1:
        problems.append("X-Devset-Expect line count")
    return problems


def readme(counts, cats, feats, legit_kinds):
    total = sum(counts.values())
    lines = [
        "# Flags development set",
        "",
        "A labelled set of inbound email messages for measuring the abusive-language flags",
        "(`src/flags/`, lexicon in `rules/lexicon/`) against the council's *Managing Customer",
        "Contact* policy: language that is foul, offensive, demeaning, racist, sexist or",
        "homophobic, threats of physical violence and harassment are flagged for an officer;",
        "distress, frustration, forcefulness, determination and persistence are not.",
        "",
        "**Synthetic.** Every message was hand-written by the project. No real customer data: the",
        "senders, addresses, reference numbers and events are invented, and every domain ends in",
        "`.example`. Officers' and councillors' names are fictional. The abusive messages use the",
        "real words on purpose (this is a moderation test set); read with care.",
        "",
        "The files are built by `tests/flags/make_devset.py` (the text lives in that script; it",
        "only wraps it in RFC 5322 messages, deterministically). To change the set, edit the",
        "script and run `python3 tests/flags/make_devset.py`; it rewrites the four folders and",
        "this README, and checks every file (see *Checks*). `tests/flags_devset.rs` runs the",
        "detector over the set.",
        "",
        "## Format",
        "",
        "Each `*.eml` is an RFC 5322 message with CRLF line ends and the usual headers (`From`,",
        "`To` at `@council.example`, `Subject`, `Date` in 2026, a unique `Message-ID`,",
        "`MIME-Version`, `Content-Type`, `Content-Transfer-Encoding`). Two label headers come",
        "first:",
        "",
        "```",
        "X-Devset-Expect: none",
        "X-Devset-Expect: profanity,threat",
        "X-Devset-Note: one line on why the message is labelled so",
        "```",
        "",
        "`X-Devset-Expect` is `none` or a comma-separated list of the categories the message",
        "should be flagged with: " + ", ".join(f"`{c}`" for c in CATEGORIES) + ".",
        "The detector sees only the Subject and the sender's own text, so the label describes",
        "those: abuse that is only quoted from an earlier message, or hidden in HTML",
        "(`display:none`), is not the sender's and is labelled `none`.",
        "",
        "File names are `<folder>/<nnn>-<slug>.eml`.",
        "",
        "## Folders",
        "",
        "| folder | messages | expected | what it holds |",
        "|---|---:|---|---|",
        f"| `abusive/` | {counts['abusive']} | categories | Foul language at staff, sexual "
        "vulgarity, racist/homophobic/transphobic/disablist/sexist slurs, threats of violence, "
        "harassment, demeaning language. Includes obfuscation (leetspeak, masks, separators, "
        "repeated letters, Cyrillic/Greek/fullwidth/mathematical homoglyphs, zero-width "
        "characters, mixed case, HTML tags inside a word), encodings (base64, "
        "quoted-printable, RFC 2047 subjects, HTML-only, multipart/alternative, attachments), "
        "abuse in the Subject only, and Welsh. |",
        f"| `legitimate/` | {counts['legitimate']} | `none` | Forceful, angry, persistent and "
        "distressed complaints; escalation (Ombudsman, solicitor, press, MP, protest); reports "
        "of harm; idioms (\"this is killing me\", \"shoot me an email\", \"kill the engine\"); "
        "planning, housing-repair, sexual-health and LGBTQ+ vocabulary; food, literature, "
        "surnames and words that contain listed strings; Welsh; replies that QUOTE earlier abuse "
        "(`>` lines, `On ... wrote:`, Outlook `-----Original Message-----` and `From:/Sent:` "
        "blocks, forwarded messages, HTML `blockquote`, `gmail_quote`, `divRplyFwdMsg`, "
        "`moz-cite-prefix`, `yahoo_quoted`) and HTML with abuse in hidden elements. |",
        f"| `reported/` | {counts['reported']} | `none` | Legitimate reports of abuse the sender "
        "received (hate crime, threats from neighbours, a landlord's texts, an officer logging "
        "a caller), quoting the abuser's words in the sender's own text. Measured separately: "
        "a lexicon cannot tell them from abuse, so a flag here is expected to be common and is "
        "only advisory. |",
        f"| `places/` | {counts['places']} | `none` | UK and Welsh place names and surnames that "
        "contain or equal vulgar strings (Scunthorpe, Penistone, Lightwater, Twatt, Shitterton, "
        "Penisa'r-waun...), in ordinary context. Target: zero flags. |",
        f"| total | {total} | | |",
        "",
        "## Categories (abusive/)",
        "",
        "A message can carry more than one category.",
        "",
        "| category | messages |",
        "|---|---:|",
    ]
    for c in CATEGORIES:
        lines.append(f"| `{c}` | {cats.get(c, 0)} |")
    lines += [
        "",
        "Labelling conventions: `profanity` is swearing (including `cunt` and `bastard`, and",
        "Welsh `cachu`, `cont`, `ffycin`, `bastad`, `twll dy din`); `sexual` is sexual vulgarity or",
        "sexual remarks about staff; `slur_sexist` covers gendered slurs (`bitch`, `slag`, `whore`)",
        "and remarks such as \"get back in the kitchen\"; `threat` needs intent to harm a person",
        "(or their home or workplace) by the writer or on the writer's behalf; `harassment` is",
        "\"kill yourself\", \"hope you die\", \"go back to your own country\", posting an officer's",
        "private details or a declared campaign; `demeaning` is dehumanising language about staff",
        "(\"scum\", \"vermin\", \"waste of oxygen\").",
        "",
        "## Message structure",
        "",
        "| structure | messages |",
        "|---|---:|",
    ]
    for k in sorted(feats):
        lines.append(f"| {k} | {feats[k]} |")
    lines += [
        "",
        "## legitimate/ by kind",
        "",
        "| kind | messages |",
        "|---|---:|",
    ]
    for k in sorted(legit_kinds):
        lines.append(f"| {k} | {legit_kinds[k]} |")
    lines += [
        "",
        "## Checks",
        "",
        "`make_devset.py` refuses to write a set that fails any of these, for every file: it",
        "parses with Python's `email` package (`policy=email.policy.default`) without defects;",
        "CRLF line ends only, no line over 998 octets, no header line over 78 characters",
        "(the note is kept on one line of up to 200);",
        "exactly one each of `From`, `To`, `Subject`, `Date`, `Message-ID`, `MIME-Version`,",
        "`X-Devset-Expect` and `X-Devset-Note`; the labels are valid category names (or `none`)",
        "and fit the folder; `To` is at `council.example`; the Subject and the text body decode",
        "back to what was written; Message-IDs are unique.",
        "",
    ]
    return "\n".join(lines)


STRUCTURE = {
    "plain": "text/plain, 7bit/8bit", "qp": "text/plain, quoted-printable",
    "b64": "text/plain, base64", "html": "text/html only, 7bit/8bit",
    "html_qp": "text/html only, quoted-printable", "html_b64": "text/html only, base64",
    "alt": "multipart/alternative, 7bit/8bit", "alt_qp": "multipart/alternative, quoted-printable",
    "alt_b64": "multipart/alternative, base64", "att": "multipart/mixed with an attachment",
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "devset")
    for folder in FOLDERS:
        os.makedirs(os.path.join(outdir, folder), exist_ok=True)
        for f in os.listdir(os.path.join(outdir, folder)):
            if f.endswith(".eml"):
                os.remove(os.path.join(outdir, folder, f))

    numbers = {f: 0 for f in FOLDERS}
    seen_ids, seen_slugs = set(), set()
    counts = {f: 0 for f in FOLDERS}
    cats, feats, legit_kinds = {}, {}, {}
    errors = []
    for serial, m in enumerate(MESSAGES, 1):
        key = (m["folder"], m["slug"])
        if key in seen_slugs:
            errors.append(f"duplicate slug {key}")
        seen_slugs.add(key)
        numbers[m["folder"]] += 1
        raw_text, subject, text = build(m, serial)
        raw = raw_text.encode("utf-8")
        name = f"{numbers[m['folder']]:03d}-{m['slug']}.eml"
        path = os.path.join(outdir, m["folder"], name)
        problems = check(path, raw, m, subject, text)
        mid = BytesParser(policy=policy.default).parsebytes(raw)["Message-ID"]
        if mid in seen_ids:
            problems.append("duplicate Message-ID")
        seen_ids.add(mid)
        if not m["note"].isascii() or "\n" in m["note"]:
            problems.append("note must be one ASCII line")
        errors += [f"{m['folder']}/{name}: {p}" for p in problems]
        with open(path, "wb") as f:
            f.write(raw)
        counts[m["folder"]] += 1
        if m["expect"] != "none":
            for c in m["expect"].split(","):
                cats[c] = cats.get(c, 0) + 1
        feats[STRUCTURE[m["fmt"]]] = feats.get(STRUCTURE[m["fmt"]], 0) + 1
        if "format=flowed" in raw_text:
            feats["text/plain format=flowed (soft-wrapped)"] = \
                feats.get("text/plain format=flowed (soft-wrapped)", 0) + 1
        if m["subject_enc"] or not m["subject"].isascii():
            feats["RFC 2047 encoded Subject"] = feats.get("RFC 2047 encoded Subject", 0) + 1
        if m["folder"] == "legitimate":
            kind = ("quotes earlier abuse" if m["note"].startswith("quoted abuse")
                    else "abuse only in hidden HTML" if m["slug"].startswith("hidden-")
                    else "Welsh" if m["lang"] == "cy" else "other")
            legit_kinds[kind] = legit_kinds.get(kind, 0) + 1

    with open(os.path.join(outdir, "README.md"), "w") as f:
        f.write(readme(counts, cats, feats, legit_kinds))
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print("messages:", sum(counts.values()))
    for folder in FOLDERS:
        print(f"  {folder:<11} {counts[folder]}")
    print("categories (abusive/):")
    for c in CATEGORIES:
        print(f"  {c:<17} {cats.get(c, 0)}")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
