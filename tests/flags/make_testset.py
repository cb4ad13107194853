#!/usr/bin/env python3
# SPDX-License-Identifier: MIT OR Apache-2.0
"""Build the frozen, independent flags TEST set in tests/flags/testset/.

This set was written without reading the flagger's lexicon (rules/), its code
(src/flags/), the development set messages, its generator or its dictionaries, and
without running the detector on it.  It is for measuring, never for tuning: see
testset/README.md.

The text of every message lives in this script; the script only wraps it in
RFC 5322 messages, deterministically (no clock, no randomness, no network,
standard library only).

    python3 tests/flags/make_testset.py           # (re)write the set, then check it
    python3 tests/flags/make_testset.py --check   # check the files on disk only

The check rebuilds every message in memory and compares it byte for byte with the
file on disk, so any hand edit of a .eml file is caught.
"""

import base64
import datetime
import email
import email.policy
import hashlib
import html as htmlmod
import os
import quopri
import re
import shutil
import sys
import unicodedata
from email.header import Header
from email.utils import format_datetime, formataddr, parseaddr, parsedate_to_datetime

VERSION = "1"
FROZEN = "2026-12-03"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "testset")
FOLDERS = ("abusive", "legitimate", "places")

CATEGORIES = (
    "profanity", "sexual", "slur_racist", "slur_homophobic", "slur_transphobic",
    "slur_disablist", "slur_sexist", "threat", "threat_implied", "harassment",
    "demeaning",
)

# class -> (folder, minimum count, what it holds)
CLASSES = {
    "profanity": ("abusive", 25, "swearing at or about staff or the council"),
    "obfuscated": ("abusive", 20, "abuse disguised: masks, leetspeak, spacing, repeated letters, homoglyphs, zero-width and punctuation inside words"),
    "encoded": ("abusive", 12, "abuse in quoted-printable, base64, HTML-only or multipart bodies, or an RFC 2047 Subject"),
    "slur": ("abusive", 25, "racist, homophobic, transphobic, disablist and sexist slurs aimed at people, many using words that also have an innocent sense"),
    "insult": ("abusive", 15, "demeaning insults, including less common British and Welsh ones and disguised forms"),
    "threat_direct": ("abusive", 12, "explicit threats of violence to the reader"),
    "threat_third_party": ("abusive", 12, "threats of violence to a named person, a role, a group or 'the next person who ...'"),
    "threat_weapon": ("abusive", 12, "threats naming a weapon, method or injury, in everyday or slang wording"),
    "threat_implied": ("abusive", 12, "implied threats: knowing where someone lives, waiting outside, veiled consequences"),
    "threat_property": ("abusive", 10, "threats against cars, council vehicles, buildings, windows, depots, offices"),
    "threat_wish": ("abusive", 10, "wishes and 'deserves' forms: someone should be, or deserves to be, hurt or killed"),
    "forceful": ("legitimate", 45, "angry, forceful, persistent, sarcastic or all-caps complaints that stay within the policy"),
    "figurative": ("legitimate", 20, "figurative, sporting and idiomatic violence"),
    "innocent_sense": ("legitimate", 40, "innocent senses of words that can also be slurs or insults"),
    "place": ("places", 30, "UK and Welsh place names and surnames containing rude substrings"),
}

# Words covered by the innocent_sense class; each must be used at least twice.
INNOCENT_WORDS = (
    "faggots (food)", "faggots (sticks)", "fag (cigarette)", "dyke", "slag", "spade",
    "bitch", "cock", "pussy", "queer", "retardant", "nonce", "coon", "chink", "nip",
    "pansy", "tit", "knob", "ass", "bender", "tart", "cow", "monkey", "names",
)

MSGS = []


def M(cls, expect, note, to, subject, body, enc="plain", welsh=False, dual=None,
      word=None, slug=None):
    """Add one message.

    cls: a key of CLASSES.  expect: 'none' or comma-separated categories.
    to: local part at council.example.  body: the sender's text ({first} and
    {name} are replaced with the sender's names); for enc 'html*' it is HTML.
    enc: plain | qp | b64 | html | html-qp | html-b64 | alt-qp.
    dual: for slurs, the innocent sense the word also has.  word: for
    innocent_sense, which entry of INNOCENT_WORDS it covers, and the text that
    must appear in the body, as 'key|text'.
    """
    MSGS.append(dict(cls=cls, expect=expect, note=note, to=to, subject=subject,
                     body=body, enc=enc, welsh=welsh, dual=dual, word=word, slug=slug))


NAMES = [
    ("Gary", "Hutchinson"), ("Priya", "Raman"), ("Tomasz", "Nowak"), ("Sharon", "Blackwood"),
    ("Kevin", "Doyle"), ("Aisha", "Begum"), ("Darren", "Pickering"), ("Helen", "Ashworth"),
    ("Mohammed", "Iqbal"), ("Jo", "Fairclough"), ("Lee", "Tennant"), ("Margaret", "Oldroyd"),
    ("Craig", "McAllister"), ("Funmi", "Adeyemi"), ("Paul", "Sturgess"), ("Kirsty", "Bannerman"),
    ("Stuart", "Lomax"), ("Bernadette", "Quinn"), ("Wayne", "Cartwright"), ("Sophie", "Ellery"),
    ("Dean", "Mulholland"), ("Hannah", "Greaves"), ("Ravi", "Chauhan"), ("Tracey", "Hollins"),
    ("Neil", "Fenwick"), ("Agnieszka", "Wójcik"), ("Colin", "Pettigrew"), ("Nicola", "Sherratt"),
    ("Jamal", "Osei"), ("Linda", "Trask"), ("Mark", "Bellingham"), ("Chloe", "Rushworth"),
    ("Barry", "Dunmore"), ("Yasmin", "Choudhury"), ("Steve", "Gadsby"), ("Pauline", "Merriweather"),
    ("Ian", "Kershaw"), ("Rebecca", "Lowther"), ("Seán", "Costigan"), ("Joanne", "Whitlock"),
    ("Adrian", "Pell"), ("Mandy", "Crouch"), ("Imran", "Siddiqui"), ("Claire", "Hebden"),
    ("Graham", "Nuttall"), ("Leanne", "Bright"), ("Andrzej", "Kowalski"), ("Elaine", "Mottram"),
    ("Ryan", "Hesketh"), ("Olu", "Bankole"), ("Debbie", "Farrow"), ("Martin", "Ackroyd"),
    ("Kelly", "Thwaite"), ("Philip", "Ormerod"), ("Gemma", "Stirling"), ("Ahmed", "Yusuf"),
    ("Lorraine", "Birtles"), ("Callum", "Rennie"), ("Sandra", "Pike"), ("Jason", "Marwood"),
    ("Beverley", "Oakes"), ("Harjit", "Sandhu"), ("Karen", "Woolley"), ("Terry", "Gosling"),
    ("Zoe", "Pendleton"), ("Anthony", "Rigby"), ("Moira", "Drummond"), ("Liam", "Farrelly"),
    ("Rachel", "Sowerby"), ("Derek", "Holt"), ("Samina", "Akhtar"), ("Julie", "Kitching"),
    ("Keith", "Dobson"), ("Fiona", "Maclean"), ("Danny", "Whelan"), ("Shirley", "Pemberton"),
    ("Vikram", "Patel"), ("Amy", "Lightfoot"), ("Roy", "Haddow"), ("Natalie", "Fisk"),
    ("Eddie", "Brannigan"), ("Susan", "Kettle"), ("Kwame", "Mensah"), ("Lisa", "Thornber"),
    ("Gordon", "Muir"), ("Paula", "Hennessy"), ("Chidi", "Okonkwo"), ("Marian", "Yeadon"),
]
WELSH_NAMES = [
    ("Siân", "Llywelyn"), ("Rhodri", "Ifans"), ("Eleri", "Morgan"), ("Gethin", "Price"),
    ("Ffion", "Bowen"), ("Iolo", "Jenkins"), ("Heledd", "Parry"), ("Cerys", "Howells"),
    ("Aled", "Rowlands"), ("Nia", "Griffiths"), ("Owain", "Pritchard"), ("Mererid", "Hughes"),
    ("Bryn", "Thomas"), ("Elin", "Vaughan"), ("Llinos", "Roberts"), ("Emyr", "Bevan"),
    ("Angharad", "Lloyd"), ("Hywel", "Rees"), ("Catrin", "Wyn"), ("Iwan", "Ellis"),
    ("Meinir", "Davies"), ("Dyfan", "Watkins"), ("Manon", "Harries"), ("Gruffydd", "Beynon"),
]
DOMAINS = [
    "mail.example", "btinternet.example", "outlook.example", "hotmail.co.uk.example",
    "sky.example", "talktalk.example", "virginmedia.example", "gmail.example",
    "yahoo.co.uk.example", "icloud.example", "proton.example", "aol.example",
    "ntlworld.example", "live.example", "plus.example", "btopenworld.example",
]
HANDLES = [
    "fedup_resident", "taxpayer1971", "notyourmug", "justice4carrowrd", "angrydad84",
    "sickofit.again", "realtalk.uk", "nomorelies2026", "ratepayer.north", "had.enough",
    "bigmike.77", "dontcare_anymore",
]


def h(*parts):
    return int(hashlib.sha256("\x00".join(parts).encode()).hexdigest(), 16)


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def pick_sender(m, key):
    pool = WELSH_NAMES if m["welsh"] else NAMES
    n = h("name", key)
    first, last = pool[n % len(pool)]
    dom = DOMAINS[(n >> 8) % len(DOMAINS)]
    f, l = ascii_fold(first).lower(), re.sub(r"[^a-z]", "", ascii_fold(last).lower())
    style = (n >> 16) % 6
    num = str(10 + (n >> 24) % 89)
    local = [f"{f}.{l}", f"{f}{l}{num}", f"{f[0]}{l}", f"{l}.{f[0]}{num}", f"{f}_{l}", f"{f}.{l}{num}"][style]
    display = f"{first} {last}"
    if m["cls"] in CLASSES and CLASSES[m["cls"]][0] == "abusive" and (n >> 32) % 5 == 0:
        local = HANDLES[(n >> 40) % len(HANDLES)]
        display = None
    return first, f"{first} {last}", display, f"{local}@{dom}"


def slugify(s, fallback):
    s = ascii_fold(s).lower()
    s = re.sub(r"^(re|fwd|fw)\s*:\s*", "", s)
    words = re.findall(r"[a-z0-9]+", s)
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > 40:
            break
        out = f"{out}-{w}" if out else w
    return out or fallback


def fold_ascii(name, value):
    """Fold an ASCII header at spaces so no line is over 78 characters."""
    words = value.split(" ")
    lines, cur = [], f"{name}: {words[0]}"
    for w in words[1:]:
        if len(cur) + 1 + len(w) > 78:
            lines.append(cur)
            cur = " " + w
        else:
            cur += " " + w
    lines.append(cur)
    return lines


def subject_lines(subject):
    if subject.isascii():
        return fold_ascii("Subject", subject)
    enc = Header(subject, "utf-8", header_name="Subject", maxlinelen=78).encode(linesep="\r\n")
    return ("Subject: " + enc).split("\r\n")


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def qp(text):
    return crlf(quopri.encodestring(text.replace("\r\n", "\n").encode("utf-8")).decode("ascii"))


def b64(text):
    return crlf(base64.encodebytes(crlf(text).encode("utf-8")).decode("ascii"))


def wrap_html(body):
    b = body.strip("\n")
    if b.lstrip().lower().startswith("<html"):
        return b + "\n"
    return ("<html>\n<head><meta charset=\"utf-8\"></head>\n<body>\n" + b + "\n</body>\n</html>\n")


def text_to_html(text):
    paras = [p for p in text.split("\n\n") if p.strip()]
    return "\n".join("<p>" + htmlmod.escape(p, quote=False).replace("\n", "<br>\n") + "</p>" for p in paras)


def leaf(ctype, enc, content):
    """Return (headers, encoded body) for one text leaf."""
    ascii_ok = content.isascii()
    if enc == "qp":
        return [f"Content-Type: {ctype}; charset=\"utf-8\"", "Content-Transfer-Encoding: quoted-printable"], qp(content)
    if enc == "b64":
        return [f"Content-Type: {ctype}; charset=\"utf-8\"", "Content-Transfer-Encoding: base64"], b64(content)
    cte = "7bit" if ascii_ok else "8bit"
    cs = "us-ascii" if ascii_ok else "utf-8"
    return [f"Content-Type: {ctype}; charset=\"{cs}\"", f"Content-Transfer-Encoding: {cte}"], crlf(content)


def build(m, folder, relpath, date):
    first, fullname, display, addr = pick_sender(m, relpath)
    body = m["body"].strip("\n").replace("{first}", first).replace("{name}", fullname) + "\n"
    hdr = [
        f"X-Devset-Expect: {m['expect']}",
        f"X-Devset-Note: {m['note']}",
        f"X-Testset-Class: {m['cls']}",
        "From: " + (formataddr((display, addr), charset="utf-8") if display else addr),
        f"To: {m['to']}@council.example",
    ]
    hdr += subject_lines(m["subject"])
    mid = f"<{date:%Y%m%d%H%M%S}.ts{VERSION}.{h('mid', relpath) % 16**12:012x}@{addr.split('@')[1]}>"
    hdr += [f"Date: {format_datetime(date)}", f"Message-ID: {mid}", "MIME-Version: 1.0"]
    enc = m["enc"]
    expect_text, expect_html = None, None
    if enc in ("plain", "qp", "b64"):
        ph, pb = leaf("text/plain", enc, body)
        hdr += ph
        payload = pb
        expect_text = body
    elif enc.startswith("html"):
        doc = wrap_html(body)
        sub = {"html": "plain", "html-qp": "qp", "html-b64": "b64"}[enc]
        ph, pb = leaf("text/html", sub, doc)
        hdr += ph
        payload = pb
        expect_html = doc
    elif enc == "alt-qp":
        doc = wrap_html(text_to_html(body.strip("\n")))
        boundary = f"=_alt_{h('b', relpath) % 16**16:016x}"
        hdr += [f"Content-Type: multipart/alternative; boundary=\"{boundary}\"", "Content-Transfer-Encoding: 7bit"]
        th, tb = leaf("text/plain", "qp", body)
        hh, hb = leaf("text/html", "qp", doc)
        payload = ("This is a multi-part message in MIME format.\r\n\r\n"
                   f"--{boundary}\r\n" + "\r\n".join(th) + "\r\n\r\n" + tb + "\r\n" +
                   f"--{boundary}\r\n" + "\r\n".join(hh) + "\r\n\r\n" + hb + "\r\n" +
                   f"--{boundary}--\r\n")
        expect_text, expect_html = body, doc
    else:
        raise SystemExit(f"unknown enc {enc}")
    data = ("\r\n".join(hdr) + "\r\n\r\n" + payload).encode("utf-8")
    return data, expect_text, expect_html


# ---------------------------------------------------------------------------
# abusive/ : profanity
# ---------------------------------------------------------------------------
P = "profanity"
M(P, "profanity", "swears at housing over recurring mould ('buggered off', 'the fuck out')", "housing",
  "Damp in bedroom - ref HSG/2026/04417", """\
This is the fourth time I have reported the black mould in my daughter's bedroom at 3 Carrow Road. Your contractor turned up, sprayed some bleach on the wall and buggered off. It was back within a week.

Sort it the fuck out before she ends up back in hospital with her chest.

{name}""")

M(P, "profanity", "all-caps swearing about missed green bin collections", "waste",
  "GREEN BIN ASHWORTH CLOSE", """\
THREE WEEKS. THREE FUCKING WEEKS AND NOBODY HAS EMPTIED THE GREEN BINS ON ASHWORTH CLOSE. THEY ARE CRAWLING WITH MAGGOTS. WHAT EXACTLY DO WE PAY COUNCIL TAX FOR??""")

M(P, "profanity", "calls a traffic warden a 'jumped up little shit' while appealing a ticket", "parking",
  "PCN GX48812903", """\
I was parked for four minutes getting my mum's wheelchair out of the boot. Your warden is a jumped up little shit who wouldn't even look at the blue badge on the dash. Cancel this ticket.""")

M(P, "profanity", "'absolute bollocks' about a planning approval", "planning",
  "26/00731/FUL - 14 Meadowbank Lane", """\
Who the hell signed off a three storey extension that looks straight down into my garden? Absolute bollocks. Your case officer has clearly never set foot on Meadowbank Lane. I want the delegated report and the site visit notes by Friday.""")

M(P, "profanity", "stage 2 complaint calling the response 'arse-covering crap' and telling staff to piss off", "complaints",
  "Stage 2 - CMP-21877", """\
Your stage 1 response was a load of arse-covering crap. Not one of my six points was answered. I'm escalating, and frankly the lot of you can piss off.""")

M(P, "profanity", "tells a councillor they are 'full of shit'", "councillor.keogh",
  "You promised us a crossing", """\
Cllr Keogh, you stood on my doorstep in April and promised us a zebra crossing outside St Aidan's. Eight months on and not a single bloody thing has happened. You're all full of shit, every last one of you.""")

M(P, "profanity", "text-speak 'sort ur shit out' about a double direct debit", "council.tax",
  "double payment", """\
y have u taken £340 out my acc twice?? sort ur shit out i got 3 kids to feed and rent due friday. acc no 5004418821""")

M(P, "profanity", "rambling boiler complaint ending 'what the actual fuck'", "repairs",
  "boiler again job R-55120", """\
Right. So the boiler's gone again, that's the third time since November, and the fella you sent last time said the part was on order and then nobody rang me, nobody came, and now it's minus two outside and I've got my nan staying who's 87 and she's sat in her coat. I rang the repairs line and got cut off twice, once after 40 minutes. I'm not being funny but what the actual fuck is going on over there?""")

M(P, "profanity", "'dog crap' and 'get off your arses' aimed at the enforcement team", "streetcare",
  "Dog fouling Fernlea Park", """\
The path round Fernlea Park is covered in dog crap again and your so-called enforcement officers are never there. Not once in a year have I seen one. Pathetic. Get off your arses and do something.""")

M(P, "profanity", "'fucking disgrace' about an unrepaired pothole", "highways",
  "Pothole outside 22 Brynmawr Road", """\
The pothole outside number 22 has now taken out two tyres on my work van. Reported it in January, ref HW-30981. Fucking disgrace. I'll be sending you the invoice for both tyres.""")

M(P, "profanity", "Welsh: 'cyngor ffycin' and 'cachu llwyr' about missed bins", "gwastraff",
  "Biniau Heol y Bryn", """\
Mae'r biniau ar Heol y Bryn heb eu casglu ers tair wythnos. Tair wythnos! Mae'r lle'n drewi a does neb yn y cyngor ffycin 'ma yn ateb y ffôn. Cachu llwyr o wasanaeth. Sortiwch e allan.

{first}""", welsh=True)

M(P, "profanity", "mixed Welsh/English: calls licensing staff 'bastards'/'bastads' over a plate renewal", "licensing",
  "Hackney plate 0417 renewal", """\
Been waiting since March for my hackney renewal, plate 0417. Every time I ring I get passed round like a parcel. Bastards, the lot of you. Bastads. Dw i wedi cael llond bol.""", welsh=True)

M(P, "profanity", "'every bloody document' and 'are you taking the piss'", "benefits",
  "HB/7712093 documents", """\
I have submitted every bloody document you asked for, twice. Payslips, bank statements, the tenancy agreement, the lot. Now you're telling me you never got them? Are you taking the piss?""")

M(P, "profanity", "calls parking staff 'absolute twats' over a permit", "parking",
  "residents permit zone K", """\
Paid for my resident's permit on the 3rd. Still no permit. Got a ticket this morning on my own street, outside my own house. Absolute twats.""")

M(P, "profanity", "tells environmental health to get their fingers out of their arses", "environmental.health",
  "Noise from the Crown and Anchor", """\
Every Friday and Saturday until 2am, bass through the bedroom wall. I have sent you the diary sheets, I've rung the out of hours line four times, I've sent you recordings. Christ on a bike, how much evidence do you need? Get your fingers out of your arses and serve a notice.""")

M(P, "profanity", "'shite' subject and 'cowardly bollocks' about a closed complaint", "complaints",
  "To whoever reads this shite", """\
You have closed my complaint without once speaking to me. That is the most cowardly bollocks I have ever seen from a public body.""")

M(P, "profanity", "two-line 'useless cunts' about the phone line", "customer.services",
  "phones", """\
Phone line engaged for two hours. Useless cunts.""")

M(P, "profanity", "building control 'fucked off' after taping round a leaning wall", "building.control",
  "Dangerous wall corner of Kestrel Way", """\
The garden wall on the corner of Kestrel Way has been leaning over the pavement since the summer. Your building control lot came out, put a bit of tape round it and fucked off. When it comes down on a kid walking to school that's on you.""")

M(P, "profanity", "'shitty' and 'bollocks template letter' about a grave strimmed by grounds staff", "bereavement",
  "My mum's grave, Hill Lane cemetery", """\
Your grounds crew have strimmed straight through the flowers on my mum's grave at Hill Lane and knocked her vase over. Nobody even bothered to tell us, my sister found it on Sunday. Shitty and disrespectful. I want a proper apology, not some bollocks template letter.""")

M(P, "profanity", "'piss-poor service' from pest control", "pest.control",
  "Rats - paid visit 9 Orchard Mews", """\
Paid £95 for a pest control visit. Your man put two boxes under the decking and left after ten minutes. The rats are laughing at him. Piss-poor service and I want my money back.""")

M(P, "profanity", "calls school transport a 'shitshow'", "school.transport",
  "Taxi didn't come again", """\
My son's taxi didn't turn up AGAIN this morning. He's autistic and this wrecks his whole day, he was in bits at the window for an hour. Whoever runs this shitshow needs sacking.""")

M(P, "profanity", "refuses a library fine with 'your shitty fine' and 'do one'", "libraries",
  "Fine on my account", """\
£4.20 fine for a book I put through the returns slot at Eastgate. You lost it, not me. Not paying your shitty fine, so you can do one.""")

M(P, "profanity", "sarcastic reply to a councillor ending 'Fuck me'", "councillor.olawale",
  "Re: Your enquiry", """\
Thank you SO much for your heartfelt three-line reply, Cllr Olawale. Really moving. Do you read these emails or does an intern just bash out the same crap to everyone? Fuck me, it's like talking to a wall.""")

M(P, "profanity", "grieving son calls the registrars 'fucking heartless'", "registrars",
  "Dad's death certificate", """\
Three weeks I've been waiting for my dad's death certificate so I can close his accounts. Nobody rings back, the voicemail's full. Fucking heartless, the lot of you.""")

M(P, "profanity", "calls leisure staff 'useless pricks' over a closed pool", "leisure",
  "Pool closed AGAIN", """\
Drove twenty minutes with two kids already in their costumes to find a sign on the door saying closed due to staff shortage. Nothing on the website, nothing on Facebook. Absolute shambles, you useless pricks.""")

M(P, "profanity", "'bullshit excuses' about missed care visits, with a legitimate press threat", "adult.social.care",
  "Dad's carers - missed visits", """\
Dad's carers missed another visit yesterday and he was left in a wet pad until two in the afternoon. I have had a gutful of your bullshit excuses about rotas. Sort it this week or I'm going to the Echo and the CQC.""")

# ---------------------------------------------------------------------------
# abusive/ : obfuscated
# ---------------------------------------------------------------------------
O = "obfuscated"
M(O, "profanity", "asterisk mask: 'f***ing disgrace'", "housing",
  "mould AGAIN", """\
Mould's back in the bathroom. Third time this year. You lot are a f***ing disgrace and I'm sick of being fobbed off. Ref HSG/2026/05102.""")

M(O, "profanity", "leetspeak and symbols: 'c0ck5ucking b@stards', 'Sh1t'", "parking",
  "appeal rejected??", """\
U r all complete c0ck5ucking b@stards. Rejected my appeal in 2 days without even looking at the photos. Sh1t service from start to finish.""")

M(O, "profanity", "spaced letters: 'f u c k i n g useless'", "waste",
  "missed", """\
missed again. f u c k i n g useless. the whole of Larch Grove is overflowing and the foxes have had the bags open""")

M(O, "profanity", "repeated letters: 'Fuuuuuuuck this council'", "council.tax",
  "on hold 90 mins", """\
Fuuuuuuuuck this council. Fuuuuuck it. Ninety minutes on hold to be told the person who deals with single person discount is off sick.""")

M(O, "profanity", "Cyrillic homoglyphs inside 'cunts' and surrounding words", "complaints",
  "CMP-22019 no reply", """\
Complaint ref CMP-22019. Nobody has answered in six weeks. Yоu аrе аll а bunсh оf lаzy сunts.""")

M(O, "profanity", "punctuation inside words: 'sh.ite', 'w-a-n-k-e-r-s'", "planning",
  "Extension at no. 9", """\
That extension next door is sh.ite and you lot are w-a-n-k-e-r-s for passing it without a site visit.""")

M(O, "slur_racist", "leetspeak racist slur 'p4k1' about a benefits officer", "benefits",
  "complaint about call", """\
Had a call this morning from some p4k1 in your benefits office who could barely speak English. Put me through to someone British next time.""")

M(O, "slur_homophobic", "digits for letters: 'f@66ot' aimed at a housing officer", "housing",
  "change of officer", """\
Your housing officer is a limp-wristed f@66ot and I want someone else on my case. A proper man.""")

M(O, "slur_sexist", "'b1tch' aimed at a receptionist", "customer.services",
  "reception Civic Centre", """\
Tell that b1tch on reception to wipe the smirk off her face when I come in. I'm there about my rent, not for her entertainment.""")

M(O, "threat", "leetspeak death threat 'k1ll y0u'", "repairs",
  "cancelled AGAIN", """\
Next time you cancel my repair on the morning I'll k1ll y0u. Not joking.""")

M(O, "profanity", "fullwidth letters: 'ＦＵＣＫ ＯＦＦ'", "council.tax",
  "Re: your letter dated 12 March", """\
ＦＵＣＫ ＯＦＦ with your 'final reminders'. I paid in full on the 2nd. Check your own records before you threaten people with court.""")

M(O, "profanity", "mathematical bold letters: 'shite'", "waste",
  "new recycling bins", """\
Your new recycling bins are 𝐬𝐡𝐢𝐭𝐞. Lid snapped in a week and the wheels fell off on the first bank holiday.""")

M(O, "profanity", "zero-width space inside 'fuck'", "parking",
  "my disabled bay", """\
Why the fu\u200bck has my disabled bay outside 41 Tenby Street been given to the neighbour who hasn't even got a badge?""")

M(O, "profanity", "underscores inside 'cunt' aimed at a councillor", "councillor.mistry",
  "Library vote", """\
You absolute c_u_n_t. You voted to shut our library and then posed for photos at the opening of a car park.""")

M(O, "threat", "asterisk-masked 'st*b' aimed at a bailiff", "council.tax",
  "enforcement agent", """\
If that bailiff comes knocking on my door again I'll st*b him. Tell him that from me.""")

M(O, "slur_sexist", "'sl4g' aimed at a parking officer", "parking",
  "refund", """\
The sl4g in the parking office can whistle for her £70. I'm not paying it.""")

M(O, "slur_disablist", "'r3tard' and 'r3t4rded' aimed at the highways team", "highways",
  "one way system", """\
Only a r3tard could have designed this new one-way system round the market. Is the whole highways team r3t4rded or just the one who drew it?""")

M(O, "profanity", "Greek omicron homoglyphs in 'bollocks'", "complaints",
  "Your response", """\
Your response is total bοllοcks and you know it. Nothing in it matches what your officer told me on the phone.""")

M(O, "profanity", "'b@st@rds' and 'tw@ts' after a car was towed", "parking",
  "car towed from outside my house", """\
You b@st@rds have towed my car from outside my own house while I was at my mum's funeral. Utter tw@ts. I want it back today and I want the fee refunded.""")

M(O, "threat_implied", "leetspeak 'I kn0w wh3r3 y0u l1v3'", "housing",
  "eviction notice", """\
Serve me that notice and see what happens. I kn0w wh3r3 y0u l1v3, Mr Okafor.""")

M(O, "profanity", "repeated letters 'piiiiisss offfff' in all caps", "customer.services",
  "STOP TEXTING ME", """\
I DONT WANT YOUR SATISFACTION SURVEY. piiiiiisss offfff and stop texting me at 8am""")

M(O, "profanity", "dots between letters: 'f.u.c.k.i.n.g'", "highways",
  "street light out", """\
Street light outside 6 Rowan Court has been out since October. Four reports. It's pitch black and the f.u.c.k.i.n.g thing still isn't fixed.""")

# ---------------------------------------------------------------------------
# abusive/ : encoded
# ---------------------------------------------------------------------------
E = "encoded"
M(E, "profanity", "base64 text/plain: 'useless fuckers' about no hot water", "repairs",
  "Still no hot water", """\
Twelve days without hot water at 9 Holloway Court. Twelve. My kids are washing in a bowl. You're a bunch of useless fuckers and I have had it.""", enc="b64")

M(E, "profanity", "quoted-printable with pound sign and curly apostrophe: 'thieving bastards'", "waste",
  "Bulky waste - charged £120", """\
You charged me £120 to collect a sofa and a fridge freezer and only took the sofa. That’s theft, you thieving bastards. Refund the lot or come and get the fridge.""", enc="qp")

M(E, "threat", "HTML-only: waiting in the staff car park to give an officer 'a proper kicking'", "housing",
  "Officer Delaney", """\
<p>I know your name now, Officer Delaney.</p>
<p>I'll be by the staff car park on Friday when you finish. You're getting a proper kicking for what you did to my family.</p>""", enc="html")

M(E, "slur_racist", "quoted-printable HTML: racist slur 'wog' in bold", "planning",
  "Planning officer on my application", """\
<div style="font-family: Calibri, sans-serif">Get that <b>wog</b> off my application. I want someone who was born here dealing with it.</div>
<div>Ref 26/01104/HOU</div>""", enc="html-qp")

M(E, "profanity", "HTML tags inside the word: 'f<span>u</span>ck<i>ing</i>'", "council.tax",
  "summons", """\
<p>A summons for &pound;63? Are you f<span>u</span>ck<i>ing</i> serious?</p>
<p>I have the bank statement showing it went out on the 1st.</p>""", enc="html")

M(E, "slur_homophobic", "multipart/alternative quoted-printable: 'bent little poof' about a planning officer", "planning",
  "Refusal 26/00950/HOU", """\
Your planning officer is a bent little poof who turned my dormer down because he didn’t like the look of me. I want it reviewed by a normal bloke.""", enc="alt-qp")

M(E, "threat", "base64 HTML: threat to burn the depot with staff inside", "waste",
  "Depot", """\
<p>You lot at the Marsh Lane depot think it's funny to skip my street.</p>
<p>Let's see how funny it is when I burn the place down with your drivers still in the yard.</p>""", enc="html-b64")

M(E, "profanity", "RFC 2047 (non-ASCII) Welsh subject 'bastads' and base64 Welsh body with 'cachu'", "gwastraff",
  "Cachu o wasanaeth – bastads", """\
Dim casgliad ailgylchu ar Stryd y Felin ers mis. Mae'r bagiau'n pydru ar y pafin. Cachu o wasanaeth, a dw i'n talu £2,100 y flwyddyn am hyn.""", enc="b64", welsh=True)

M(E, "slur_sexist", "base64 text: 'stupid fat cow' aimed at a council tax officer", "council.tax",
  "Your officer", """\
Tell that stupid fat cow in council tax to stop sending me letters in red. I'm on a payment plan she set up herself.""", enc="b64")

M(E, "threat_implied", "quoted-printable with curly quotes: mentions the officer's children's school", "adult.social.care",
  "My mother’s assessment", """\
I’ve seen your kids at Oakfield Primary. Lovely little uniforms. You’ll want to think very carefully about what you write in my mother’s assessment.""", enc="qp")

M(E, "profanity", "HTML-only with numeric character references spelling 'fucking'", "highways",
  "Gritting", """\
<p>Not one gritter on Hill Top Road all week. I've slid into the wall twice.</p>
<p>Absolutely &#102;&#117;&#99;&#107;&#105;&#110;&#103; useless.</p>""", enc="html")

M(E, "slur_transphobic", "base64 text: 'tranny' aimed at a housing officer", "housing",
  "New officer", """\
I am not having a tranny come round to inspect my flat. Send a real woman or a real man, not whatever that is.""", enc="b64")

M(E, "profanity,threat", "quoted-printable with a long line so a soft line break falls near the threat", "licensing",
  "Premises licence review – the Feathers", """\
I have run the Feathers for nineteen years without a single complaint and now your licensing sub-committee wants to cut my hours because one bloody neighbour moans. If that review goes ahead I’ll come to the hearing and knock the chairman’s fucking head off.""", enc="qp")
# ---------------------------------------------------------------------------
# abusive/ : slur
# ---------------------------------------------------------------------------
S = "slur"
M(S, "slur_racist", "'spade' (also a digging tool) used as a racist slur for a Black inspector", "housing",
  "Inspection 12 Foxglove Walk", """\
Don't send that spade round again to inspect my flat. He stood in my kitchen like he owned it. I want a white officer or nobody.""", dual="spade")

M(S, "slur_racist", "'coon' (also short for raccoon, Maine Coon cat) used as a racist slur for a warden", "parking",
  "PCN GX50019872 appeal", """\
The warden who ticketed me on Marlborough Street was a big lazy coon who couldn't be bothered to walk ten yards to see I was loading. Cancel it.""", dual="coon")

M(S, "slur_racist", "'monkey' (also an animal) aimed at a Black call handler with a demand for 'somebody English'", "customer.services",
  "Call this morning", """\
Your call handler this morning was a monkey, grunting at me down the line. I'm not dealing with him again. Put me through to somebody English.""", dual="monkey")

M(S, "slur_racist", "'chink' (also a narrow gap) used for a takeaway owner", "environmental.health",
  "Bridge Street takeaway", """\
The chink who runs the takeaway at 31 Bridge Street is pouring his fat down the drain again and the whole street stinks. Your inspector is too scared to touch him.""", dual="chink")

M(S, "slur_racist", "'pakis' about benefits staff, with refusal to pay", "council.tax",
  "Not paying", """\
I'm not paying another penny while you've got pakis running the benefits desk and handing out our money to their cousins.""")

M(S, "slur_racist", "n-word aimed at a Black councillor", "councillor.olawale",
  "Estate meeting", """\
Nobody on the Greenacres estate voted for a nigger to speak for them. Don't bother turning up to the residents' meeting.""")

M(S, "slur_racist", "'nip' (also a sip or a quick trip) used for a Japanese-heritage housing officer", "housing",
  "Transfer request", """\
The little nip on the housing desk just nodded and smiled and bowed and did absolutely nothing with my transfer form. Get me someone from round here.""", dual="nip")

M(S, "slur_racist", "'pikeys' about Travellers on a field", "planning",
  "Field behind Marlow Road", """\
The pikeys have pulled onto the field behind Marlow Road again, six caravans this time. Your enforcement team is too soft to shift them, as usual.""")

M(S, "slur_homophobic", "'faggot' (also a meatball, a bundle of sticks) aimed at a planning officer", "planning",
  "Refusal 26/00412/HOU", """\
Your planning officer is a faggot who wouldn't know a load-bearing wall if he minced into one. I'm appealing and I want a different officer.""", dual="faggot")

M(S, "slur_homophobic", "'fag' (also a cigarette) aimed at a housing officer", "housing",
  "Home visit", """\
I'm not having some fag from the housing office tell me how to keep my own flat. Send someone normal.""", dual="fag")

M(S, "slur_homophobic", "'dyke' (also an embankment or ditch) aimed at a leisure centre receptionist", "leisure",
  "Refused entry", """\
The butch dyke on the front desk at Eastfield leisure centre refused my son entry because his membership lapsed by two days. Get her sacked.""", dual="dyke")

M(S, "slur_homophobic", "'queer' (also strange) aimed at a licensing officer", "licensing",
  "Taxi plate", """\
Tell that queer in licensing to stop poncing about with his clipboard and sign off my taxi plate. I've a living to earn.""", dual="queer")

M(S, "slur_homophobic", "'bender' (also a drinking spree, a shelter of bent poles) aimed at a planning officer", "planning",
  "Dormer refusal", """\
The bender in your planning office turned my dormer down because he fancies the bloke next door. Everyone on Ruskin Avenue knows it.""", dual="bender")

M(S, "slur_homophobic", "'batty boy' aimed at a council tax officer", "council.tax",
  "call back", """\
Ask the batty boy in council tax to ring me back, he was too busy lisping to answer my question last time. Account 5003392211.""")

M(S, "slur_transphobic", "'tranny' (also old slang for a Transit van or a radio) and 'it' aimed at a trans officer", "housing",
  "Change of officer please", """\
There's a tranny working on your housing team, the one with the big hands calling himself Sophie. I don't want it anywhere near my case.""", dual="tranny")

M(S, "slur_transphobic", "'trap' (also a device for catching animals) aimed at a trans licensing officer", "licensing",
  "Your officer Alex", """\
Your licensing officer 'Alex' is a trap. A bloke in a wig and lipstick, fooling nobody. I refuse to have my premises inspected by it.""", dual="trap")

M(S, "slur_transphobic", "'shemale' aimed at a parking counter clerk", "parking",
  "Parking shop", """\
The shemale behind the counter at the parking shop can keep her they/them badge and her attitude. I want to speak to a manager.""")

M(S, "slur_transphobic", "'he-she' and 'it' about a councillor chairing a committee", "councillor.pryce",
  "Equalities committee", """\
Why has a he-she been put in charge of the equalities committee? It should be ashamed of itself, parading about in a skirt at the council meeting.""")

M(S, "slur_disablist", "'retard' (also to slow down, as in fire retardant) aimed at whoever set the traffic lights", "highways",
  "Lights on Carlton Road", """\
Whoever set the timing on the Carlton Road lights is a retard. Eight seconds of green for forty cars.""", dual="retard")

M(S, "slur_disablist", "'spastic' aimed at a call handler", "customer.services",
  "Call handler", """\
The spastic who took my call couldn't even type my postcode right. Took him five goes. Is there nobody competent there?""")

M(S, "slur_disablist", "'window licker' aimed at a minibus driver", "school.transport",
  "Minibus driver", """\
The window licker driving the school minibus went past our stop again this morning. My daughter stood in the rain for half an hour.""")

M(S, "slur_disablist", "'mong' and 'spaz' aimed at council tax staff", "council.tax",
  "Three bills", """\
Some mong in council tax has sent me three bills for the same month. Three! Get a spaz who can count to check them next time.""")

M(S, "slur_sexist", "'bitch' (also a female dog) aimed at a housing officer", "housing",
  "Hung up on", """\
That bitch in housing hung up on me halfway through my sentence. Twice. Her name is on the letter, so don't pretend you don't know who.""", dual="bitch")

M(S, "slur_sexist", "'slag' (also mining waste, as in a slag heap) aimed at the allotments officer", "allotments",
  "Plot 14 waiting list", """\
The slag who runs the allotment list gave plot 14 to her mate. I've been on that list since 2021. Everybody knows how she got her job.""", dual="slag")

M(S, "slur_sexist", "'fat cow' (cow is also the animal) aimed at a benefits officer", "benefits",
  "Your officer", """\
The fat cow at the benefits counter rolled her eyes at me and told me to fill the form in again. Is that training or just her?""", dual="cow")

M(S, "slur_sexist", "'painted tart' (tart is also a pastry) aimed at a receptionist", "customer.services",
  "Reception staff", """\
The painted tart on reception spends more time on her nails than on the queue. I waited forty minutes to hand in one form.""", dual="tart")

M(S, "slur_sexist", "'get back in the kitchen' aimed at a female councillor", "councillor.pryce",
  "Roads", """\
Cllr Pryce, get back in the kitchen where you belong and leave the roads budget to men who understand it. Typical hysterical woman.""")

M(S, "slur_sexist,sexual", "'whore' with a sexual allegation about a planning officer", "planning",
  "Approval for the Bellway site", """\
That whore in planning must be sleeping with the developer. There's no other way that estate got through with a single access road.""")

# ---------------------------------------------------------------------------
# abusive/ : insult
# ---------------------------------------------------------------------------
I = "insult"
M(I, "demeaning", "'numpty' aimed at whoever painted double yellows", "parking",
  "Double yellows Vale Street", """\
Which numpty decided to paint double yellows across the only dropped kerb on Vale Street? My dad can't get his scooter off the pavement now.""")

M(I, "demeaning", "'pillock' aimed at a refuse driver", "waste",
  "Wall damaged by bin lorry", """\
Your driver, the pillock in the orange hi-vis with the shaved head, reversed into my garden wall on Tuesday and drove off. Three bricks gone.""")

M(I, "demeaning", "'gormless wazzock' aimed at a planning case officer", "planning",
  "Site visit", """\
Your case officer is a gormless wazzock. Stood in my garden for five minutes, asked where the extension was going and left.""")

M(I, "demeaning", "'jobsworth' and 'waste of oxygen' aimed at a warden", "parking",
  "Your warden on Queen Street", """\
Your warden on Queen Street is a jobsworth and a waste of oxygen. He watched me pay at the machine and still wrote the ticket.""")

M(I, "demeaning", "'scrote' aimed at a housing officer", "housing",
  "Tenancy visit", """\
The little scrote you sent for the tenancy check went through my drawers without asking. Don't send him back.""")

M(I, "demeaning,profanity", "'bellend' aimed at a councillor", "councillor.mistry",
  "Parking charges at the seafront", """\
You're a bellend, Cllr Mistry. Tripling the seafront parking in the middle of a cost of living crisis and calling it 'investment'.""")

M(I, "demeaning,profanity", "obfuscated 'kn0bh3ad' aimed at a council tax officer", "council.tax",
  "Re: liability order", """\
Your officer is a kn0bh3ad. Told me on the phone the summons would be withdrawn and then it wasn't.""")

M(I, "demeaning,profanity", "'gobshite' aimed at the complaints manager", "complaints",
  "Your complaints manager", """\
Your complaints manager is a gobshite. All talk, promises the earth on the phone, then nothing in writing.""")

M(I, "demeaning,profanity", "Scots 'bawbag' aimed at an enforcement officer", "streetcare",
  "Fly-tipping fine", """\
Yer enforcement officer is a total bawbag. Fined me £400 for a bin bag that wisnae even mine, it was the flats next door.""")

M(I, "demeaning", "dehumanising 'parasites' and 'vermin' about council staff", "complaints",
  "Council staff", """\
Council staff are parasites feeding off working people. Vermin the lot of you, sat on your gold-plated pensions while the roads fall apart.""")

M(I, "demeaning", "Welsh insults 'coc oen' and 'twpsyn' aimed at an officer", "tai",
  "Swyddog tai", """\
Mae'r swyddog tai newydd yn goc oen llwyr. Twpsyn. Mae e wedi colli fy ffurflen am y trydydd tro.""", welsh=True)

M(I, "demeaning", "obfuscated 'pl0nk3r' aimed at a highways engineer", "highways",
  "Speed bumps", """\
The pl0nk3r who designed the speed bumps on Greenway has never driven an ambulance over them. My husband is a paramedic, ask him.""")

M(I, "demeaning,profanity", "obfuscated 'c0ckw0mble' aimed at the head of service", "complaints",
  "Head of housing", """\
Your head of housing is a complete c0ckw0mble and his letter proves it.""")

M(I, "demeaning", "'muppets' and 'clowns' about a whole department", "electoral.services",
  "Postal vote", """\
My postal vote arrived the day after the election. You're a bunch of muppets. A circus run by clowns.""")

M(I, "demeaning", "'pond life' and 'subhuman' about an enforcement officer", "streetcare",
  "Your enforcement officer", """\
Your enforcement officer is pond life. Subhuman. Hiding behind a van to catch pensioners dropping a fag end.""")

M(I, "demeaning,profanity", "spaced 't o s s e r' aimed at a benefits assessor", "benefits",
  "assessment", """\
The assessor was a t o s s e r. Spent the whole time on his phone and then wrote that I could walk 200 metres.""")

M(I, "demeaning", "'dipstick' and 'thick as mince' aimed at a call handler", "customer.services",
  "Call on Monday", """\
Spoke to some dipstick on Monday who was as thick as mince. Asked me for my account number four times.""")

# ---------------------------------------------------------------------------
# abusive/ : threat_direct
# ---------------------------------------------------------------------------
TD = "threat_direct"
M(TD, "threat", "threat to punch the reader at the Civic Centre", "housing",
  "Boiler - final warning", """\
If my boiler isn't fixed by Friday I'm coming down to the Civic Centre and I'm going to punch your lights out. Fair warning.""")

M(TD, "threat", "'I will batter you, I swear on my kids'", "parking",
  "Another ticket", """\
Give me one more ticket outside my own house and I will batter you. I swear on my kids.""")

M(TD, "threat", "threat to knock teeth down the reader's throat over a phone mast", "planning",
  "Phone mast on Kings Road", """\
You approve that mast outside my kids' bedroom window and I'll knock your teeth down your throat.""")

M(TD, "threat", "Welsh: 'mi wna i dy ladd di' (I will kill you)", "cynllunio",
  "Fy nghais cynllunio", """\
Os wyt ti'n gwrthod fy nghais eto, mi wna i dy ladd di. Dw i o ddifri.""", welsh=True)

M(TD, "threat", "text-speak 'ill end u'", "council.tax",
  "court", """\
u take me 2 court n ill end u. serious. dont test me""")

M(TD, "threat", "'I am going to hurt you. Not metaphorically'", "complaints",
  "Final response", """\
I am going to hurt you. Not metaphorically, not in the press, not through a solicitor. You will be picking yourself up off the floor.""")

M(TD, "threat", "all-caps threat to beat a refuse worker", "waste",
  "YOUR ROUND", """\
I WILL BEAT THE LIVING DAYLIGHTS OUT OF YOU THE NEXT TIME I SEE YOU ON THE ROUND. YOU KNOW WHO YOU ARE.""")

M(TD, "threat", "threat to put a councillor in hospital", "councillor.keogh",
  "Your surgery", """\
Come to your surgery? No, I'll come to yours. And I'll put you in hospital.""")

M(TD, "threat", "threat of fists at an inspection visit", "housing",
  "Inspection Tuesday", """\
When you come on Tuesday for the inspection I'll be waiting for you with my fists. You won't walk out of here on your own legs.""")

M(TD, "threat", "'stop my money and I will kill you'", "benefits",
  "Suspension letter", """\
Stop my money and I will kill you. I mean it. I've nothing left to lose.""")

M(TD, "profanity,threat", "threat to strangle the reader with their lanyard", "customer.services",
  "Your attitude", """\
Speak to me like that again and I'm going to fucking strangle you with your own lanyard.""")

M(TD, "threat", "'I'll smash your face in' to a licensing officer", "licensing",
  "Inspection", """\
Walk into my shop again without an appointment and I'll smash your face in. Pass that on to whoever's next on the rota too.""")

M(TD, "threat", "'a slap you won't forget' and 'you won't get up'", "environmental.health",
  "Hygiene rating", """\
Put a one-star rating on my café door and I'll give you a slap you won't forget. Second one, you won't get up from.""")

# ---------------------------------------------------------------------------
# abusive/ : threat_third_party
# ---------------------------------------------------------------------------
T3 = "threat_third_party"
M(T3, "threat", "threat to kick a named housing officer's head in", "housing",
  "Dean Whitcombe", """\
Tell Dean Whitcombe from housing that if I see him on the Parkside estate again he's getting his head kicked in.""")

M(T3, "threat", "threat that a named councillor will leave the count in an ambulance", "councillor.mistry",
  "Election", """\
Cllr Mistry will get what's coming to him. I'll see to it personally. He'll be leaving the count in an ambulance.""")

M(T3, "threat", "'the next warden who tickets my car gets a smack in the mouth'", "parking",
  "Warning to your wardens", """\
The next warden who puts a ticket on my car gets a smack in the mouth. You can put that on the noticeboard.""")

M(T3, "threat", "threat against the reader's manager", "customer.services",
  "Your manager", """\
Your manager is going to get hurt. Pass that on word for word.""")

M(T3, "threat", "threat that every bin man will get a hiding", "waste",
  "Blocking my drive", """\
Every one of those bin men will get a hiding if they block my drive again while they have a fag. Every single one.""")

M(T3, "threat", "threat to throw a bailiff through a window", "council.tax",
  "Bailiffs", """\
The bailiffs you're sending round — I'll put the first one through my front window. Head first.""")

M(T3, "threat", "threat to hunt down and hurt a named social worker", "childrens.services",
  "My grandson", """\
The social worker who took my grandson, Kerry Marsh, won't be safe anywhere in this town. I will find her and I will hurt her.""")

M(T3, "threat", "Welsh: the housing officer will get a beating ('cweir') if he comes to the estate", "tai",
  "Y swyddog tai", """\
Dwed wrth y swyddog tai ei fod e'n mynd i gael cweir os daw e i'r stad eto. Does dim croeso iddo fe yma.""", welsh=True)

M(T3, "threat", "threat to break a planning inspector's jaw", "planning",
  "Enforcement visit", """\
That planning inspector, the bald one with the tablet, I'll break his jaw if he sets foot on my land again without a warrant.""")

M(T3, "threat", "threat that neighbours and the writer will beat up enforcement officers", "streetcare",
  "Your officers on Tanner Street", """\
The lads on Tanner Street have said they'll do your enforcement officers over next time they come sniffing round. I won't stop them. I'll be right there with them.""")

M(T3, "threat", "threat to batter anyone from the depot who comes near the house", "waste",
  "Keep away", """\
Anyone from your depot who comes near my house will get battered. Drivers, loaders, supervisors, all of them.""")

M(T3, "threat", "'your chief executive wants a kicking and he's going to get one'", "complaints",
  "Chief executive", """\
Your chief executive wants a kicking and he's going to get one, outside that nice office of his.""")

M(T3, "threat", "'the next person who tells me the system's down is getting knocked out'", "benefits",
  "System down", """\
The next person who tells me 'the system's down' is getting knocked out. I'm in Friday at ten.""")

# ---------------------------------------------------------------------------
# abusive/ : threat_weapon
# ---------------------------------------------------------------------------
TW = "threat_weapon"
M(TW, "threat", "'a knife with your name on it'", "housing",
  "Eviction", """\
Go ahead and evict me. I've got a knife with your name on it.""")

M(TW, "threat", "slang 'shanked' for being stabbed", "streetcare",
  "CCTV on my estate", """\
Put them cameras up on the Beacon estate and your installers will get shanked. Not a threat, a promise.""")

M(TW, "threat", "threat to throw acid in a receptionist's face", "customer.services",
  "Your receptionist", """\
That receptionist laughed at me. Next time I'll bring a bottle of acid and we'll see who's laughing.""")

M(TW, "threat", "baseball bat waiting for enforcement staff", "planning",
  "Enforcement notice", """\
My baseball bat's by the front door for when your enforcement lot come to measure my fence.""")

M(TW, "threat", "threat to torch the Civic Centre with staff inside", "council.tax",
  "Court costs", """\
Add one more penny in costs and I'll torch the Civic Centre with the lot of you inside it.""")

M(TW, "threat", "slang 'glass' (attack with a broken glass) aimed at councillors", "councillor.keogh",
  "Red Lion", """\
I'll glass the next councillor I see drinking in the Red Lion. You can start with yourself.""")

M(TW, "threat", "threat to break legs with a crowbar", "repairs",
  "Workman", """\
Your plumber left my kitchen flooded. If he comes back I'll break both his legs with a crowbar.""")

M(TW, "threat", "machete threat against an officer", "asb",
  "ASB warning letter", """\
Send me another warning letter and I'll take a machete to the officer who signed it.""")

M(TW, "threat", "petrol through the letterbox of an officer's home", "housing",
  "Your officer", """\
Petrol through the letterbox. That's what your housing officer gets for putting my family on the street.""")

M(TW, "threat", "threat to take a hammer to someone's kneecaps", "highways",
  "Road closure", """\
Close my road for another three months and I'll take a hammer to the kneecaps of whoever signed the order.""")

M(TW, "threat", "Scots slang 'chib' (knife) threat", "parking",
  "Yer wardens", """\
Ony mair tickets and yer warden's gettin chibbed. Ah'm no kiddin.""")

M(TW, "threat", "shotgun threat", "planning",
  "Footpath through my farm", """\
Open that footpath through my yard and the first rambler or officer through the gate gets both barrels. I've a shotgun and a certificate.""")

M(TW, "threat", "Welsh: threat to break legs with a baseball bat", "tai",
  "Rhybudd", """\
Os daw'r beili yma eto, mi dorra i ei goesau fo efo bat pêl-fas.""", welsh=True)

# ---------------------------------------------------------------------------
# abusive/ : threat_implied
# ---------------------------------------------------------------------------
TI = "threat_implied"
M(TI, "threat_implied", "knows where the officer lives and the colour of her door", "housing",
  "Mrs Thorley", """\
I know where you live, Mrs Thorley. Nice red door.""")

M(TI, "threat_implied", "knows the school and pick-up time of the officer's children", "childrens.services",
  "Your kids", """\
Your kids go to St Anne's, don't they. Pick-up is quarter past three. Think on before the review.""")

M(TI, "threat_implied", "will be waiting outside the office at closing time", "benefits",
  "See you later", """\
I'll be waiting outside your office at half five. See you then.""")

M(TI, "threat_implied", "'accidents happen, especially on dark lanes'", "planning",
  "Your decision", """\
Funny thing about the lanes round here. No street lights. Accidents happen, especially to people who drive home late from planning committee.""")

M(TI, "threat_implied", "'watch your back' to a named enforcement officer", "streetcare",
  "Gary from enforcement", """\
Tell Gary from enforcement to watch his back. That's all.""")

M(TI, "threat_implied", "'you'll regret this, mark my words'", "council.tax",
  "Liability order", """\
You'll regret this. Mark my words. You'll regret the day you put my name on a court list.""")

M(TI, "threat_implied", "'be a shame if something happened to your lovely house'", "licensing",
  "Licence decision", """\
Lovely house you've got on Elm Grove. Be a shame if something happened to it.""")

M(TI, "threat_implied", "Welsh: 'dwi'n gwybod lle ti'n byw' and 'gwylia dy gefn'", "cynghorydd.evans",
  "Y cyfarfod", """\
Dw i'n gwybod lle wyt ti'n byw. Gwylia dy gefn.""", welsh=True)

M(TI, "threat_implied,harassment", "claims to have followed the officer home twice", "housing",
  "Followed", """\
I've followed you home twice now. You didn't notice either time. Think about that before you close my case.""")

M(TI, "threat_implied", "'people like you tend to disappear'", "complaints",
  "Complaint outcome", """\
People who treat others the way you've treated me tend to disappear. Just an observation.""")

M(TI, "threat_implied", "knows which gym the officer uses", "adult.social.care",
  "My dad's care", """\
I know which gym you go to after work. The one on Station Road. I'll see you there.""")

M(TI, "threat_implied", "'don't be surprised if you get a visit'", "parking",
  "Clamped", """\
You've clamped my van so I can't work. Don't be surprised if you get a visit from some friends of mine.""")

M(TI, "threat_implied", "comments on the officer's family photo and husband", "childrens.services",
  "Facebook", """\
Nice family photo on your Facebook. Your husband looks like a nice man. Would be awful if he got hurt because of something you did.""")

# ---------------------------------------------------------------------------
# abusive/ : threat_property
# ---------------------------------------------------------------------------
TP = "threat_property"
M(TP, "threat", "threat to put bricks through every housing office window", "housing",
  "Housing office", """\
I'll put a brick through every window at the housing office on Friar Street. Every single one.""")

M(TP, "threat", "threat to slash the tyres of council vans", "highways",
  "Your vans", """\
Your council vans parked up on Mill Lane will all have slashed tyres by the morning.""")

M(TP, "threat", "threat to burn the depot to the ground", "waste",
  "Depot", """\
Keep skipping my bins and I'll burn your depot to the ground.""")

M(TP, "threat", "Welsh: threat to set the housing office on fire", "tai",
  "Fy nhŷ", """\
Os na chaf fi fy nhŷ yn ôl, mi ro i'r swyddfa dai ar dân.""", welsh=True)

M(TP, "threat", "threat to key every car in the staff car park", "parking",
  "Staff car park", """\
I'll key every car in your staff car park. You fine me, I'll fine you.""")

M(TP, "threat", "threat to smash a bin lorry windscreen", "waste",
  "Bin lorry", """\
Drive that bin lorry down my street at 6am again and I'll smash the windscreen while your driver's still in it.""")

M(TP, "threat", "threat to take a sledgehammer to the new town hall planters", "regeneration",
  "Town hall planters", """\
£80,000 on planters? I'll take a sledgehammer to every one of them the night they go in.""")

M(TP, "threat", "threat to cut down a speed camera", "highways",
  "Speed camera Harlow Road", """\
That speed camera on Harlow Road is coming down. I'll cut it down myself with an angle grinder.""")

M(TP, "threat", "threat that the community hall will be destroyed", "councillor.pryce",
  "Your surgery", """\
Your surgery at the community hall next week. There won't be a hall left by then.""")

M(TP, "threat", "threat to burn out an enforcement officer's car", "streetcare",
  "Your officer's car", """\
Your enforcement officer's silver Corsa will be a burnt-out shell by the weekend.""")

M(TP, "threat", "threat to flood the council office with sewage", "repairs",
  "Sewage", """\
My flat's been flooded with sewage twice. Next time I'll fill a drum with it and pump it through your office letterbox.""")

# ---------------------------------------------------------------------------
# abusive/ : threat_wish
# ---------------------------------------------------------------------------
TWI = "threat_wish"
M(TWI, "threat", "'I hope someone stabs you on your way home'", "council.tax",
  "Summons", """\
I hope someone stabs you on your way home tonight.""")

M(TWI, "threat", "'people like you deserve to be hanged'", "childrens.services",
  "Care proceedings", """\
People like you deserve to be hanged. You take children from families for targets.""")

M(TWI, "threat", "'whoever approved this deserves a good kicking'", "planning",
  "Approval of the incinerator", """\
Whoever approved the incinerator next to a primary school deserves a good kicking.""")

M(TWI, "threat", "'I hope your house burns down with you in it'", "housing",
  "My transfer", """\
I hope your house burns down with you in it.""")

M(TWI, "threat", "'somebody should shoot the lot of you'", "complaints",
  "Council", """\
Somebody should shoot the lot of you and start again.""")

M(TWI, "threat", "'someone ought to put a bullet in that councillor'", "councillor.keogh",
  "The vote", """\
Someone ought to put a bullet in Cllr Keogh for that vote.""")

M(TWI, "threat", "'you deserve to be beaten within an inch of your life'", "parking",
  "Tow", """\
You deserve to be beaten within an inch of your life for towing a disabled woman's car.""")

M(TWI, "threat", "'I pray you get cancer and die slow'", "benefits",
  "PIP decision", """\
I pray you get cancer and die slow, like my mum did while you lot refused her claim.""")

M(TWI, "threat", "Welsh: 'gobeithio y bydd rhywun yn dy ladd di' (I hope someone kills you)", "cynghorydd.evans",
  "Ysgol y pentref", """\
Am gau ein hysgol ni, gobeithio y bydd rhywun yn dy ladd di.""", welsh=True)

M(TWI, "threat", "'wouldn't shed a tear if someone ran that warden over'", "parking",
  "Warden", """\
Wouldn't shed a tear if someone ran that warden over. Hope they do.""")

M(TWI, "threat", "wishes a councillor would be beaten up on the doorstep", "councillor.mistry",
  "Canvassing", """\
Hope you get your head kicked in on the doorstep next time you come canvassing round here.""")
# ---------------------------------------------------------------------------
# legitimate/ : forceful
# ---------------------------------------------------------------------------
F = "forceful"
N = "none"
M(F, N, "all-caps damp complaint escalating to the Ombudsman; no abuse", "housing",
  "SEVENTH REPORT - DAMP 5 HAWTHORN COURT", """\
I HAVE NOW REPORTED THE DAMP IN MY SON'S ROOM SEVEN TIMES. SEVEN. HIS INHALER USE HAS DOUBLED. IF THERE IS NO SURVEYOR BOOKED BY THE 20TH I AM GOING STRAIGHT TO THE HOUSING OMBUDSMAN AND I WILL SEND THEM EVERY ONE OF THESE EMAILS.

{name}""")

M(F, N, "announces withholding part of council tax in protest; forceful but lawful complaint", "council.tax",
  "Withholding payment - account 5001187734", """\
Dear Sir or Madam,

Until the street lighting on Albany Terrace is repaired I will be paying my council tax into a separate account rather than to you. I understand the legal position and I'm prepared to argue it before the magistrates. Four months of darkness is not a service.

Yours faithfully,
{name}""")

M(F, N, "letter before action for housing disrepair; legal threat, not abuse", "housing",
  "Letter before action - 17 Sefton Row", """\
This is formal notice under the Pre-Action Protocol for Housing Conditions Claims. You have 20 working days to acknowledge this letter and arrange an inspection of the leaking roof and the rotten window frames. If you do not, my solicitors, Barlow & Kemp, will issue proceedings without further notice.""")

M(F, N, "tells the council they will go to the local paper; pressure via press", "streetcare",
  "Fly-tipping on Cinder Lane - 9 weeks", """\
The mattresses and the fridge dumped on Cinder Lane have been there nine weeks. I have photographs with dates on them. The Evening Post is very interested and I've agreed to talk to their reporter on Thursday unless it's cleared before then.""")

M(F, N, "copies in the MP and demands an answer; forceful", "adult.social.care",
  "Mum's care assessment - copied to my MP", """\
I have copied this to my MP's office because I am getting nowhere. Mum was assessed as needing two carers in February. It is now June and she still has one, who is doing the work of two. I want a named person and a date, not another 'we're looking into it'.""")

M(F, N, "'I will fight this all the way'; determined planning appeal", "planning",
  "Refusal 26/00688/FUL - I will appeal", """\
I will fight this refusal all the way, to the Planning Inspectorate and to the High Court if I have to. Your officer's report gets the size of my garden wrong by eleven metres. I expect a correction in writing.""")

M(F, N, "distressed: 'this is killing me' about arrears stress; no abuse", "housing",
  "Rent arrears letter", """\
Please stop sending me letters in red. I've told you I'm on universal credit and the first payment is late. This is killing me, I'm not sleeping, I'm not eating. I will pay, I just need two more weeks. Can someone please ring me instead of writing.""")

M(F, N, "'going to kick up a fuss' at full council; legitimate protest", "democratic.services",
  "Public question - full council 14 May", """\
I'd like to submit a public question for full council on the 14th. Be warned, I'm going to kick up a fuss about the closure of the Beech Road day centre, and so are the forty families who use it. We'll be in the public gallery.""")

M(F, N, "sarcastic 'congratulations' on a slow repair", "repairs",
  "Congratulations", """\
Congratulations. You have managed to take longer to fix one kitchen tap than it took to build the Channel Tunnel (roughly). Job ref R-60233, raised 3 January. Any chance of a plumber this calendar year?""")

M(F, N, "persistent: 14th email and will keep writing daily; persistence is not abuse", "council.tax",
  "14th email - single person discount", """\
This is my fourteenth email about my single person discount. I will keep emailing every single day until someone replies with an actual answer. My husband died in October. I sent you the death certificate twice.""")

M(F, N, "forceful freedom of information request with deadline", "foi",
  "FOI request - consultancy spend", """\
Under the Freedom of Information Act 2000 please provide every invoice paid to Harrow Strategic Consulting between April 2024 and March 2026. I know you have them, the councillor mentioned the total on the radio. I expect a response within 20 working days and I will go to the Information Commissioner if I don't get one.""")

M(F, N, "subject access request citing the ICO; no abuse", "data.protection",
  "Subject access request", """\
I am making a subject access request under the UK GDPR for all records you hold about me, including emails between officers that mention my name or my address, 44 Leyburn Road. You have one month. I have already complained to the ICO once about this council and I will not hesitate to do so again.""")

M(F, N, "parking appeal going to the Traffic Penalty Tribunal", "parking",
  "PCN GX47761205 - I will take this to tribunal", """\
Your rejection letter ignores the photograph of the suspended bay sign, which was face down on the pavement. I will be taking this to the Traffic Penalty Tribunal and I will be asking for costs. Please do not send me any more 'charge certificate' threats while it is under appeal.""")

M(F, N, "angry planning objection calling a scheme 'disgraceful'", "planning",
  "Objection - 26/01210/FUL Larkhill Rise", """\
I object in the strongest possible terms to this disgraceful application. Forty-two flats on a field that floods every February, one access road, no school places. Anyone who has walked Larkhill Rise after rain knows it. If this is approved the council will be answerable for every flooded kitchen.""")

M(F, N, "Welsh complaint escalating to the Public Services Ombudsman for Wales", "tai",
  "Cwyn - lleithder yn fy fflat", """\
Rwy'n ysgrifennu am y trydydd tro ynglŷn â'r lleithder yn fy fflat yn Stryd y Castell. Does neb wedi dod i'w weld. Os na chaf ateb erbyn diwedd y mis, byddaf yn cwyno i Ombwdsmon Gwasanaethau Cyhoeddus Cymru.

{name}""", welsh=True)

M(F, N, "mixed Welsh/English complaint about school transport; forceful, no abuse", "cludiant.ysgol",
  "Bws ysgol - school bus", """\
Bore da. Dyma'r pedwerydd tro y mis yma i'r bws ysgol beidio â dod. This is the fourth time this month the bus hasn't turned up and my daughter has missed registration every time. Dw i isio ateb heddiw, nid wythnos nesa.""", welsh=True)

M(F, N, "text-speak impatience about a broken window", "repairs",
  "window", """\
wen r u gonna fix my window its been 3 wks n its taped up with cardboard. baby in the room. pls just give me a date""")

M(F, N, "'fed up to the back teeth' bins complaint", "waste",
  "Missed collections Poplar Drive", """\
I am fed up to the back teeth with this. Poplar Drive has been missed four times since Christmas. Every time I report it online I get an automated reply and nothing happens. I would like to know who is responsible and what they are going to do about it.""")

M(F, N, "'at the end of my tether' about noise; distressed", "environmental.health",
  "Noise case EH/2026/0331", """\
I'm at the end of my tether. The dog next door barks from 6am until midnight while they're at work. I've done the diary sheets, I've done the app recordings. Your officer said a decision would be made in March. It's May.""")

M(F, N, "homeless family in a car; urgent and angry", "housing.options",
  "URGENT - family sleeping in car", """\
My two children and I slept in my car last night in the Tesco car park because the B&B you placed us in told us to leave. This is not acceptable. I need emergency accommodation today. I have been on hold since 8.30.""")

M(F, N, "exhausted carer threatening Ombudsman complaint", "adult.social.care",
  "Respite - I cannot go on like this", """\
I am exhausted. I have cared for my husband 24 hours a day since his stroke with no respite since August. You promised a respite placement in the spring. If I don't hear something concrete this week I will be going to the Ombudsman, and honestly I don't know how much longer I can cope.""")

M(F, N, "SEND tribunal appeal, firm", "send",
  "EHCP final plan - appeal", """\
We will be appealing section I of Maya's final EHCP to the SEND Tribunal. Naming a school that told you in writing it cannot meet her needs is indefensible. Please send the full evidence bundle you relied on.""")

M(F, N, "pothole damage compensation claim, firm", "highways",
  "Claim - pothole damage Quarry Hill", """\
I am claiming £412.60 for a burst tyre and a damaged alloy from the pothole on Quarry Hill, which your own records show was reported on 2 February. Invoice attached. If this is rejected on a Section 58 defence I will see you in the small claims court.""")

M(F, N, "peaceful protest: will chain themselves to an oak tree; not a threat of violence", "trees",
  "Felling of the oak at St Mary's Green", """\
That oak has stood on St Mary's Green for three hundred years. If your contractors turn up to fell it, they will find me and about thirty neighbours sat round it, and I am quite prepared to chain myself to it. We have a petition with 2,300 names.""")

M(F, N, "library closure: petition and march", "libraries",
  "Northgate Library", """\
We have collected 4,118 signatures against the closure of Northgate Library and we will be marching from the library to the town hall on Saturday 11 April. Every councillor who votes for this closure will be reminded of it at the ballot box.""")

M(F, N, "tells a councillor they will campaign against them; political, not abuse", "councillor.keogh",
  "Your vote on the bus subsidy", """\
Cllr Keogh, shame on you. You told this ward you'd protect the 42 bus and then you voted to cut it. I will be campaigning against you at the next election and I'll be telling every person on my street exactly why.""")

M(F, N, "demands a full refund from leisure services", "leisure",
  "Cancelled swimming lessons - refund", """\
Six of the ten swimming lessons I paid for have been cancelled at less than a day's notice. I demand a full refund for the block, not a credit note. £84.00, booking LS-88104.""")

M(F, N, "blue badge delay, forceful", "blue.badge",
  "Blue badge application BB-20931", """\
Eleven weeks for a blue badge renewal is ridiculous. My wife has motor neurone disease; the diagnosis is in the file. She is housebound until it arrives. I want it expedited today.""")

M(F, N, "refuses to repay a benefit overpayment caused by council error", "benefits",
  "Overpayment HB/7700281", """\
I refuse to repay this overpayment. I told you about my change of hours on 3 September, in writing, and you carried on paying. The error is yours. I'll be asking for a review and, if necessary, appealing to the tribunal.""")

M(F, N, "'you are failing us' about fly-tipping in an alley", "streetcare",
  "Back alley behind Cobden Street", """\
You are failing us. The alley behind Cobden Street is a rubbish tip, there are rats, and the children can't play out. I've reported it 22 times. Every one of those reports has a reference number which I have kept.""")

M(F, N, "ASB: will go to the police and press if nothing happens", "asb",
  "Drug dealing from 19 Larch Close", """\
Every night there are cars pulling up outside 19 Larch Close, engines running, people in and out for two minutes. Your ASB team has had my log since January. If nothing is done by the end of the month I'm going to the police commissioner and to the papers.""")

M(F, N, "safety concern about unlit path: 'someone will get hurt'", "highways",
  "Unlit path - Mill Race walk", """\
The footpath along the Mill Race has had no working lights since November. Women walk home that way from the station. Someone is going to get hurt and when they do I will make sure everyone knows this was reported five times.""")

M(F, N, "disabled adaptation delay, angry", "adult.social.care",
  "Stairlift OT referral", """\
My wife is going up the stairs on her hands and knees. The OT assessed her in January and recommended a stairlift. It's now July. What exactly is the hold-up? I've been patient. I'm done being patient.""")

M(F, N, "terse all-caps day count", "repairs",
  "DAY 41", """\
STILL WAITING. DAY 41. NO HEATING. REF R-58840.""")

M(F, N, "sarcastic about a sham consultation", "consultation",
  "Town centre 'consultation'", """\
Another 'consultation' where the decision was clearly made months ago. The contractors' signs were up before the survey closed. Please don't insult us by pretending our views matter, or better, actually let them matter.""")

M(F, N, "bereaved sender angry about a bin charge in the deceased's name", "waste",
  "Garden waste charge for my late father", """\
You have sent a garden waste renewal to my father, who died in February, for the third time, addressed to him by name. I have told you three times. Each letter knocks my mother sideways. Please remove him from your system properly.""")

M(F, N, "council tax band challenge; persistent", "council.tax",
  "Band challenge 27 Moss Lane", """\
Every house on Moss Lane is band C except mine, which is the smallest and is band D. I've raised this with you and with the VOA and I'll keep raising it until somebody actually looks at the floor plans.""")

M(F, N, "allotment dispute, will raise at the AGM", "allotments",
  "Plot inspections", """\
I will be raising the way plot inspections are being done at the AGM. Three of us got non-cultivation notices in January, when nothing grows. It's absurd and it's unfair, and I expect the notices withdrawn.""")

M(F, N, "standards complaint about a councillor's conduct", "monitoring.officer",
  "Code of conduct complaint - Cllr Mistry", """\
I wish to make a formal code of conduct complaint against Cllr Mistry, who voted on the Harbour Road application without declaring that his brother-in-law is the applicant. If the monitoring officer won't act I will take it to the Ombudsman.""")

M(F, N, "'daylight robbery' about permit price rises", "parking",
  "Permit price increase", """\
£180 for a residents' permit, up from £60, is daylight robbery. We didn't choose to live on a street with no driveways. I'd like to see the report that justified the increase.""")

M(F, N, "calls an HMO licence fee 'extortion'; criticism of policy", "housing.standards",
  "HMO licence fee", """\
£1,450 for a five-year HMO licence on a three-bed house is extortion, plain and simple. I'll pay it under protest and I'll be writing to the cabinet member.""")

M(F, N, "accuses staff of giving untrue information, forceful but not abusive", "customer.services",
  "Promised call-backs", """\
I was promised a call back on the 4th, the 9th and the 15th. None came. What I was told each time was simply untrue, and I'd like a manager to explain why.""")

M(F, N, "'not a threat, it's a promise' about judicial review; legal action only", "planning",
  "Harbour Road decision - judicial review", """\
This isn't a threat, it's a promise: if the Harbour Road consent isn't reconsidered, our residents' group will apply for judicial review. We have counsel's opinion and the crowdfunder is already at £9,000.""")

M(F, N, "peaceful sit-in: will camp outside the town hall", "housing",
  "Sitting outside until seen", """\
From Monday I'm going to sit outside the town hall with a sleeping bag and a flask until someone from housing actually sees me. I've tried phones, emails and forms. I'm not going anywhere.""")

M(F, N, "'sick to death' of being passed around; idiom", "customer.services",
  "Passed between departments", """\
I'm sick to death of being passed between council tax, benefits and housing like a hot potato. Each one says it's the other. One of you needs to own this.""")

M(F, N, "'I'll be waiting for your call' - benign waiting", "registrars",
  "Birth registration appointment", """\
The booking system keeps crashing when I try to register my daughter's birth and we're close to the 42-day limit. I'll be waiting for your call all day Friday, please ring 07700 900412.""")

M(F, N, "will come to the office on Monday with paperwork; benign visit", "benefits",
  "Bringing documents Monday", """\
Since the upload page keeps rejecting my payslips, I'll be at the One Stop Shop on Monday at 9 sharp with paper copies and I won't leave until they're scanned. Please make sure somebody knows I'm coming.""")

M(F, N, "sarcastic all-caps 'THANK YOU' for a missed appointment", "repairs",
  "THANKS FOR NOTHING", """\
THANK YOU for booking the gas engineer for 8 till 1 and then not turning up. I took a day's unpaid leave. I'd like compensation for the lost wages under your own customer charter.""")

M(F, N, "demand to know who is accountable, firm, with Ombudsman", "complaints",
  "Who is accountable?", """\
I don't want another apology. I want to know which named officer is accountable for losing my housing register application twice, and what has changed so it doesn't happen to the next person. If I'm fobbed off again it goes to the Ombudsman.""")

# ---------------------------------------------------------------------------
# legitimate/ : figurative
# ---------------------------------------------------------------------------
G = "figurative"
M(G, N, "sporting challenge: 'I will beat you in a race'", "councillor.pryce",
  "Parkrun challenge", """\
Cllr Pryce, thanks for opening the new track. I'll beat you in a race round it any day, loser buys the teas. See you at parkrun on the 9th?""")

M(G, N, "'smash our fundraising target'", "community.grants",
  "Match funding - Hillside Scouts", """\
Thank you for the match funding offer. With it we think we'll smash our £6,000 fundraising target for the new minibus before the summer camp.""")

M(G, N, "'this will kill the high street'", "parking",
  "Parking charges consultation response", """\
Putting £2 an hour on the Market Street car park will kill the high street. Half the shops are hanging on by a thread already.""")

M(G, N, "supports plans to 'knock the old depot down'", "regeneration",
  "Old depot site", """\
Fully support the plan to knock the old depot down and build the skate park. It's been a magnet for graffiti for years.""")

M(G, N, "'shoot me an email'", "events",
  "Christmas lights switch-on stall", """\
Hi, we'd love a stall at the lights switch-on for the hospice. If there's a form, just shoot me an email and I'll get it back the same day.""")

M(G, N, "'the planning decision butchered the design'", "planning",
  "Conditions on 26/00540/FUL", """\
I'm the architect for 26/00540/FUL. The conditions on the decision have butchered the design: no timber cladding, no roof terrace, and a brick we can't even source. Can we talk about a variation?""")

M(G, N, "'my kids murdered the pizza' at a party", "leisure",
  "Thank you - party at Eastfield", """\
Just wanted to say thanks for Saturday's party at Eastfield. Staff were brilliant and my kids absolutely murdered the pizza afterwards. Will book again.""")

M(G, N, "'fire the contractor' (dismiss)", "parks",
  "Grass cutting contractor", """\
The verges on Elmfield Road have been scalped to the soil and the cuttings left in the gutters. Honestly, you should fire the contractor and bring it back in-house.""")

M(G, N, "volunteers will 'attack the weeds'", "parks",
  "Friends of Ravensworth Park - work day", """\
The Friends group are meeting Sunday at 10 to attack the weeds round the war memorial. Could the park team leave a skip by the gate?""")

M(G, N, "'hit the deadline'", "community.grants",
  "Grant application - extension", """\
We're doing everything we can to hit the deadline on Friday but our treasurer is in hospital. Is there any chance of a one-week extension?""")

M(G, N, "'heads should roll' meaning dismissals over a contract fiasco", "councillor.olawale",
  "Leisure centre roof contract", """\
Two million over budget and the roof still leaks. Heads should roll for this, and I'd like to know whose.""")

M(G, N, "praise: 'your team killed it at the book festival'", "libraries",
  "Book festival", """\
Your library team absolutely killed it at the book festival. My daughter has not put down the book she got signed.""")

M(G, N, "'I could murder a cup of tea' and 'dying for a sit down' in a volunteer note", "volunteering",
  "Litter pick Saturday", """\
Great turnout at the litter pick, 34 bags! By the end I could have murdered a cup of tea and we were all dying for a sit down, so thanks for the urn.""")

M(G, N, "'went down a bomb' and 'blown away'", "events",
  "Summer fair feedback", """\
The dog show went down a bomb and we were blown away by the numbers. Same again next year please.""")

M(G, N, "'shot down in flames' and 'take a stab at'", "community.grants",
  "Feedback on our bid", """\
Our bid was shot down in flames last year so I'll take another stab at it. Could someone tell us where it fell short?""")

M(G, N, "'kill two birds with one stone'", "registrars",
  "Booking two certificates", """\
Could I book the copy birth certificate and the notice of marriage on the same morning? Would kill two birds with one stone as I'm coming from Leeds.""")

M(G, N, "darts league: 'slaughtered', 'thrash', 'punching above our weight'", "leisure",
  "Darts league room hire", """\
We got slaughtered 7-0 by the Crown last week but we'll thrash them in the return leg. Could we book the community room for practice Tuesdays? For a pub team we're punching above our weight.""")

M(G, N, "'don't axe the bus', 'cuts bleeding the service dry'", "transport",
  "Route 17", """\
Please don't axe the 17. Year after year of cuts are bleeding the service dry, and for people in Highmoor it's the only way to the hospital.""")

M(G, N, "Welsh figurative: the bypass will 'kill' the town centre", "cynllunio",
  "Ffordd osgoi", """\
Mae'r ffordd osgoi newydd yn mynd i ladd canol y dref. Fydd neb yn stopio yma wedyn. Plîs ailystyriwch.""", welsh=True)

M(G, N, "'bring in the big guns' and 'fight tooth and nail' for a playground", "councillor.keogh",
  "Playground on Cedar Road", """\
The tenants' association will fight tooth and nail to keep the Cedar Road playground. We're bringing in the big guns: you, our ward councillor. Can we meet?""")

M(G, N, "bowls club 'annihilated' and 'crushed' in a match", "parks",
  "Bowls green booking", """\
Our bowls club got annihilated by Whitley Bay on Saturday and well and truly crushed on the last end. Could we book extra rink time in June?""")

M(G, N, "'dead' phone line and 'deadline' and 'dead end'", "customer.services",
  "Phone line dead", """\
Your phone line has been dead since Tuesday and the council tax deadline is Friday. Online chat is a dead end too. How do I pay?""")
# ---------------------------------------------------------------------------
# legitimate/ : innocent_sense
# ---------------------------------------------------------------------------
IS = "innocent_sense"
M(IS, N, "'faggots and peas' on a luncheon club menu", "community.centres",
  "Luncheon club menu - Thursdays", """\
Our luncheon club at St Luke's hall would like to put traditional faggots and peas back on the Thursday menu. Do we need to tell environmental health if we change supplier to the butcher on Market Row?""", word="faggots (food)|faggots and peas")

M(IS, N, "'the faggots you sold me' from a market stall (food)", "markets",
  "Market stall 12 - food complaint", """\
The faggots you sold me from stall 12 on Saturday were still pink in the middle. My husband was ill all Sunday. Please can trading standards or environmental health look at that stall.""", word="faggots (food)|faggots you sold me")

M(IS, N, "hedgelaying volunteers bundle hazel into faggots (sticks)", "countryside",
  "Hedgelaying day - Wick Farm", """\
At the hedgelaying day at Wick Farm we'll be tying the brash into faggots for the riverbank revetment. Could the ranger bring twine and a couple of billhooks?""", word="faggots (sticks)|tying the brash into faggots")

M(IS, N, "a faggot of kindling for a heritage bread oven (sticks)", "museums",
  "Bread oven demonstration", """\
For the heritage bread oven demonstration we light it the old way with a faggot of dry gorse and ash sticks. Is that allowed in the museum courtyard under your fire policy?""", word="faggots (sticks)|a faggot of dry gorse")

M(IS, N, "'fag ends' littering a bus station (cigarette)", "streetcare",
  "Cigarette litter at the bus station", """\
The area outside the bus station shelter is carpeted with fag ends. Could you put a proper cigarette bin there and sweep it more often?""", word="fag (cigarette)|fag ends")

M(IS, N, "'that fag he was smoking' by a school gate (cigarette)", "environmental.health",
  "Smoking at the school gate", """\
A contractor working on the school site was stood right by the gate at drop-off, and that fag he was smoking blew straight into the children's faces. Can the school contractors be reminded it's a smoke-free site?""", word="fag (cigarette)|that fag he was smoking")

M(IS, N, "Offa's Dyke path signage", "countryside",
  "Offa's Dyke path signs", """\
Two of the Offa's Dyke path fingerposts above Knighton have been knocked flat by cattle. Walkers are taking the wrong field.""", word="dyke|Offa's Dyke")

M(IS, N, "'that dyke behind my house' overflowing (drainage ditch)", "flooding",
  "Drainage dyke overflowing - Fen Lane", """\
That dyke behind my house on Fen Lane hasn't been cleared in years and it overflowed into the garden again last night. Is it the internal drainage board or you who maintains it?""", word="dyke|That dyke behind my house")

M(IS, N, "slag heap stability near houses", "building.control",
  "Old slag heap above Ty Newydd Road", """\
After the heavy rain there's a crack running across the old slag heap above Ty Newydd Road. Given what happened at Tylorstown, could an engineer look at it this week?""", word="slag|slag heap")

M(IS, N, "'that slag' in a soil report (ironworks waste)", "planning",
  "Contaminated land condition 26/00377/FUL", """\
Our soil report found a layer of furnace slag from the old ironworks under the rear garden. Is that slag acceptable to leave in place under the new patio, or must it be removed to discharge condition 6?""", word="slag|that slag")

M(IS, N, "'that spade you lent me' (tool)", "allotments",
  "Returning a spade", """\
Hi, could you tell Bob on plot 9 that I've left that spade you lent me in the communal shed? Thanks so much for the loan.""", word="spade|that spade you lent me")

M(IS, N, "'call a spade a spade' idiom", "consultation",
  "Local plan response", """\
To call a spade a spade, the housing numbers in the draft local plan are undeliverable without a new primary school.""", word="spade|call a spade a spade")

M(IS, N, "breeder: 'our bitch is in season' (female dog)", "licensing",
  "Dog breeding licence", """\
We have a licence for two litters a year. Our bitch is in season now and we plan to mate her next week. Do we need to tell you before the litter or after?""", word="bitch|Our bitch is in season")

M(IS, N, "neighbour's bitch in heat attracting stray dogs (female dog)", "dog.warden",
  "Stray dogs on Holly Close", """\
The neighbour's bitch is in heat and for three days there have been loose dogs in the close, one of which knocked a child off her bike. Can the dog warden come out?""", word="bitch|bitch is in heat")

M(IS, N, "cockerel crowing at 4am", "environmental.health",
  "Cockerel noise", """\
The cockerel two gardens down crows from 4am every day. I'm not after a fight with anyone, I'd just like to know if the council can do anything about it.""", word="cock|cockerel")

M(IS, N, "ballcock in the loft tank failed", "repairs",
  "Overflow from loft tank", """\
The ballcock in the loft tank has stuck and water is pouring out of the overflow pipe onto the neighbour's path. Could a plumber come out? Flat 2, 8 Garnet Street.""", word="cock|ballcock")

M(IS, N, "'pussy willow' at the community garden", "parks",
  "Cutting pussy willow", """\
Can our school take a few cuttings of the pussy willow by the pond in Greenhill Park for an Easter display?""", word="pussy|pussy willow")

M(IS, N, "lost 'pussycat' (elderly writer)", "customer.services",
  "Lost cat", """\
My old pussycat Marmalade went missing from Aspen Way on Tuesday. He's ginger with a white chest. Is there a list of cats your street cleaners have found?""", word="pussy|pussycat")

M(IS, N, "older usage: 'came over all queer' meaning unwell", "adult.social.care",
  "My visit on Friday", """\
I'm sorry I wasn't at the door when your lady came on Friday. I came over all queer in the morning and had to have a lie down. Could she come again next week?""", word="queer|came over all queer")

M(IS, N, "older usage: 'queer goings-on' meaning strange", "asb",
  "Empty house 7 Vicarage Lane", """\
There have been some queer goings-on at the empty house at 7 Vicarage Lane, lights on at 3am and a van backing up to the garage. Could somebody check the property's secure?""", word="queer|queer goings-on")

M(IS, N, "fire retardant cladding question", "building.control",
  "Cladding on Albion House", """\
Is the cladding on Albion House a fire retardant type? Residents are anxious after the news and the managing agent won't tell us.""", word="retardant|fire retardant")

M(IS, N, "flame retardant labels on sofas for bulky waste / reuse", "waste",
  "Sofa collection for reuse", """\
The charity shop won't take our sofa because the flame retardant label has been cut off. Can your bulky waste service collect it instead?""", word="retardant|flame retardant")

M(IS, N, "'nonce words' in a library linguistics talk", "libraries",
  "Talk on Lewis Carroll", """\
For the Thursday evening talk I'll be looking at Lewis Carroll's nonce words like 'frabjous' and 'chortle'. Could the library provide a projector?""", word="nonce|nonce words")

M(IS, N, "'invalid nonce' error on the payment portal (cryptography)", "it.support",
  "Payment page error", """\
When I try to pay my parking permit online I get 'Error 403: invalid nonce'. I've tried two browsers. The permit runs out tomorrow.""", word="nonce|invalid nonce")

M(IS, N, "lost Maine Coon cat", "dog.warden",
  "Missing Maine Coon", """\
Our Maine Coon, Bramble, has been missing from Greystone Avenue since Sunday. She's huge and grey with a fluffy tail. Please let us know if one is reported.""", word="coon|Maine Coon")

M(IS, N, "licensing query about a coon cat breeding cattery", "licensing",
  "Cattery licence", """\
I breed Maine Coon kittens, usually one litter a year. Does that coon cattery need an animal activities licence, or only boarding catteries?""", word="coon|coon cattery")

M(IS, N, "'a chink of light' through loft boards", "repairs",
  "Roof gap", """\
I can see a chink of light through the loft boards above the bedroom, so there must be a slate missing. Rain came in last night.""", word="chink|chink of light")

M(IS, N, "'chinks in the brickwork' letting draughts", "housing",
  "Draughts in 4 Quarry Row", """\
There are chinks in the brickwork round the back door and the wind whistles through them. Could the surveyor look on the next visit?""", word="chink|chinks in the brickwork")

M(IS, N, "'nip to the shops'", "adult.social.care",
  "Carer timings", """\
Could Mum's carer arrive at 11 instead of 10 on Tuesdays? That's when I nip to the shops for her.""", word="nip|nip to the shops")

M(IS, N, "'nip it in the bud'", "asb",
  "Kids on the garage roofs", """\
There are some kids climbing the garage roofs on Beck Street. Nothing serious yet, but I'd rather you nip it in the bud before one falls.""", word="nip|nip it in the bud")

M(IS, N, "pansies in hanging baskets", "parks",
  "Hanging baskets High Street", """\
The pansies in the High Street hanging baskets look lovely this year. Who should I thank?""", word="pansy|pansies")

M(IS, N, "'that pansy bed' trampled in the park", "parks",
  "Flower bed damaged", """\
That pansy bed by the bandstand got trampled at the weekend event. Would the Friends group be able to replant it?""", word="pansy|That pansy bed")

M(IS, N, "blue tits nesting in a street light", "highways",
  "Birds nesting in lamp post", """\
A pair of blue tits are nesting in the lamp post outside number 14. Please don't let anyone seal the hole until the chicks have fledged.""", word="tit|blue tits")

M(IS, N, "'great tits' in a bird survey", "countryside",
  "Nature reserve bird survey", """\
Survey results for Hollins Wood: 14 great tits, 9 blue tits, 3 nuthatches and a treecreeper. Spreadsheet to follow.""", word="tit|great tits")

M(IS, N, "'door knob' broken", "repairs",
  "Front door knob", """\
The front door knob has come off in my hand and I can't open the door from the outside. Please can someone come today.""", word="knob|door knob")

M(IS, N, "'knob of butter' in a community cookbook recipe", "community.centres",
  "Community cookbook", """\
Our community cookbook recipe for Welsh cakes says 'a knob of butter', and the printer wants grams. Could the family hub's cookery tutor check it?""", word="knob|knob of butter")

M(IS, N, "donkey sanctuary mentions an ass", "licensing",
  "Nativity animals", """\
We're hiring an ass from the donkey sanctuary for the living nativity on the green. Is there a licence needed for animals at a public event?""", word="ass|an ass from the donkey sanctuary")

M(IS, N, "Balaam's ass in a heritage talk", "museums",
  "Stained glass talk", """\
The church's stained glass shows Balaam's ass, which is rare. Could the museum add the church to its heritage trail leaflet?""", word="ass|Balaam's ass")

M(IS, N, "'bender tent' at a festival camping area", "licensing",
  "Festival camping plan", """\
Our festival camping plan includes a traditional bender tent made from hazel and canvas as a chill-out space. Does it need to be on the fire plan?""", word="bender|bender tent")

M(IS, N, "hiring a 'pipe bender' tool", "repairs",
  "Tool library", """\
Does the community tool library have a pipe bender? I need to reroute a copper pipe under my sink.""", word="bender|pipe bender")

M(IS, N, "'Bakewell tart' at a cake sale", "events",
  "Cake sale food hygiene", """\
We're doing a charity cake sale outside the library. Do we need a food hygiene certificate to sell homemade Bakewell tart and flapjack?""", word="tart|Bakewell tart")

M(IS, N, "'jam tarts' at the village show", "events",
  "Village show categories", """\
Can the children's category at the village show include jam tarts again? They were the most popular entry last year.""", word="tart|jam tarts")

M(IS, N, "cows on the common", "countryside",
  "Cows on the common", """\
Cows from the farm have got onto the common again and one is standing in the road by the cattle grid. Could the ranger let the farmer know?""", word="cow|Cows from the farm")

M(IS, N, "'that cow you moved' onto a field (animal)", "countryside",
  "Grazing licence", """\
Thanks for renewing the grazing licence. That cow you moved onto Top Meadow last week has a limp, so I've let the vet know.""", word="cow|That cow you moved")

M(IS, N, "monkey puzzle tree TPO", "trees",
  "Monkey puzzle tree", """\
Is the monkey puzzle tree in our front garden covered by a tree preservation order? We'd like to crown lift it.""", word="monkey|monkey puzzle")

M(IS, N, "broken 'monkey bars' in a playground", "parks",
  "Playground repair", """\
The monkey bars in Fairfield playground have a loose bar at the far end. A child nearly fell yesterday.""", word="monkey|monkey bars")

M(IS, N, "person's name 'Dick' (Richard) in a bus pass query", "transport",
  "Bus pass for my father", """\
Could you reissue my father's bus pass? It's in the name Richard Moss but everyone calls him Dick, and the new card says 'Dick Moss', which the driver won't accept.""", word="names|Dick")

M(IS, N, "aunt's name 'Fanny' on a death registration", "registrars",
  "Registering a death", """\
I need to register the death of my great-aunt Frances, known all her life as Fanny. Should the certificate use Fanny or Frances?""", word="names|Fanny")

M(IS, N, "'Willy' as a nickname in a planning comment", "planning",
  "Support for 26/00901/HOU", """\
I support my neighbour Willy Grant's application for a garden room. He has been a quiet neighbour for 30 years.""", word="names|Willy")
# ---------------------------------------------------------------------------
# places/ : place
# ---------------------------------------------------------------------------
PL = "place"
M(PL, N, "Scunthorpe in a school transfer", "admissions",
  "In-year transfer from Scunthorpe", """\
We're moving from Scunthorpe at half term. Our son is in Year 4 at a school there. What's the process for an in-year place at Brookfield Primary?""")

M(PL, N, "Penistone in a bus pass query", "transport",
  "Bus pass use to Penistone", """\
Can I use my concessionary bus pass on the 29 out to Penistone market, or only within the county?""")

M(PL, N, "Middlesex in a council tax move", "council.tax",
  "Moving in from Middlesex", """\
We're moving in from Harrow, Middlesex on the 1st. Please set up council tax for 22 Langdale Road from that date.""")

M(PL, N, "Cockermouth flood grant question", "flooding",
  "Flood resilience grant", """\
My sister in Cockermouth got a property flood resilience grant after 2015. Is there anything similar here for houses on the Calder?""")

M(PL, N, "Twatt (Orkney) as a previous address", "electoral.services",
  "Register to vote - previous address", """\
The online form won't accept my previous address. It was Twatt, Orkney, KW17. It says 'invalid town'.""")

M(PL, N, "Shitterton (Dorset) in a holiday caravan note", "waste",
  "Bins while on holiday", """\
We're in Shitterton, near Bere Regis, for three weeks from the 5th. Could the assisted collection skip us while we're away?""")

M(PL, N, "Clitheroe in a registrar query", "registrars",
  "Marriage notice - partner from Clitheroe", """\
My fiancé lives in Clitheroe. Does he give notice of marriage in Lancashire or can we both give notice here?""")

M(PL, N, "Lightwater and Sandhurst in a care home search", "adult.social.care",
  "Care homes near Lightwater", """\
My mother wants to move nearer my brother, who lives between Lightwater and Sandhurst. Does your placement team deal with Surrey homes or do I contact them directly?""")

M(PL, N, "Essex and Dorking in a parking permit query", "parking",
  "Visitor permit - family from Essex", """\
My parents are driving up from Essex and my brother from Dorking for the christening. Can I buy two visitor permits for the same day?""")

M(PL, N, "Blackcock surname / Blackcock Road in a planning comment", "planning",
  "Comment 26/01033/FUL - Blackcock Road", """\
As owner of 3 Blackcock Road I support the conversion of the old chapel, as long as the parking survey is done on a Sunday morning.""")

M(PL, N, "Wetwang (East Riding) in a library request", "libraries",
  "Inter-library loan", """\
Could you request the local history book 'Wetwang and Fimber through the Ages' on inter-library loan from the East Riding?""")

M(PL, N, "Bitchfield (Lincolnshire) in a wedding venue query", "licensing",
  "Temporary event notice", """\
We've had our wedding reception in Bitchfield village hall before, in Lincolnshire. Do we need a temporary event notice for a hog roast and a bar here?""")

M(PL, N, "Great Cockup (Cumbria) in a walking group note", "countryside",
  "Walking group minibus", """\
Our walking group is off to Great Cockup and Meal Fell in the northern fells on the 14th. Is the community minibus free that day?""")

M(PL, N, "Fanny Hands Lane (Ludford) in a postal address", "council.tax",
  "Second home - Fanny Hands Lane", """\
I own a second property at Fanny Hands Lane, Ludford, Lincolnshire and my main home is here. Which council do I tell about the second home premium?""")

M(PL, N, "Cumwhitton in a funeral transport request", "bereavement",
  "Funeral from Cumwhitton", """\
Dad is being brought from Cumwhitton, near Carlisle, for burial at Hill Lane on the 22nd. What paperwork does the cemetery office need?""")

M(PL, N, "Titty Ho (Raunds) in a blue badge renewal", "blue.badge",
  "Blue badge - moved from Titty Ho", """\
I've moved from Titty Ho in Raunds to sheltered housing here. Can my Northamptonshire blue badge be transferred or do I reapply?""")

M(PL, N, "Crapstone (Devon) in a school reference", "admissions",
  "Previous school in Crapstone", """\
My daughter's previous school was near Crapstone on the edge of Dartmoor. Their records transfer hasn't arrived. Who chases it?""")

M(PL, N, "Pratts Bottom (Kent) in a housing register form", "housing.options",
  "Housing register - local connection", """\
My grandmother lived in Pratts Bottom, near Orpington, but I've lived here six years. Does that still count as a local connection?""")

M(PL, N, "Scratchy Bottom (Dorset) in a coastal path photo competition", "events",
  "Photo competition entry", """\
Please find my entry for the coastal photography competition: the view of Scratchy Bottom from the cliff path above Durdle Door.""")

M(PL, N, "Welsh: Llanfair PG and Pant in a Welsh-language enquiry", "cofrestru",
  "Tystysgrif geni - Llanfair", """\
Bore da, ces i fy ngeni yn Llanfairpwllgwyngyll ond rwy'n byw ym Mhant ger Merthyr nawr. Sut mae cael copi o'r dystysgrif geni?""", welsh=True)

M(PL, N, "Cwm and Penisa'r-waun in a bilingual school bus note", "cludiant.ysgol",
  "Bws ysgol Cwm / Penisa'r-waun", """\
Helo, does the school bus from Cwm still stop at Penisa'r-waun? Dyw'r amserlen newydd ddim yn dangos y stop.""", welsh=True)

M(PL, N, "Cockett (Swansea) in a bin day query", "waste",
  "Bin days Cockett", """\
Just moved to Cockett, Swansea from here - do I need to cancel my garden waste subscription with you or will it transfer?""")

M(PL, N, "Bell End (Worcestershire) in a cycling event", "events",
  "Cycle sportive route", """\
The charity sportive route goes out through Bell End and Belbroughton. Do we need road closures or just marshals?""")

M(PL, N, "Sexhow (North Yorkshire) in a tourism leaflet request", "tourism",
  "Leaflets for our B&B", """\
We run a B&B near Sexhow, by Hutton Rudby. Could we get a bundle of your events leaflets for guests visiting the coast?""")

M(PL, N, "Shitlington (Northumberland) in a family history request", "archives",
  "Family history - Shitlington", """\
My ancestors farmed at Shitlington Hall near Wark in the 1800s. Does the county archive hold their tithe map?""")

M(PL, N, "Minge Lane (Upton-upon-Severn) in a house move", "council.tax",
  "Moving from Minge Lane", """\
We're moving here from Minge Lane in Upton-upon-Severn. Please could you send the council tax forms to our new address, 9 Priory Close.""")

M(PL, N, "Cockfosters and Ugley in a commuting consultation", "transport",
  "Rail link consultation", """\
I commute from Cockfosters and my partner from Ugley in Essex, so we'd both support a direct rail link. Where do we send comments?""")

M(PL, N, "Lickey End and Wideopen in a planning reference", "planning",
  "Design precedent", """\
The design statement cites similar schemes at Lickey End and Wideopen. Is the case officer happy for those to be referenced?""")

M(PL, N, "surnames Cockburn, Hancock and Dickens in an officer list", "electoral.services",
  "Polling station staff", """\
For the Greenacres polling station we have confirmed presiding officer Janet Cockburn, with poll clerks Ray Hancock and Lily Dickens.""")

M(PL, N, "surnames Shufflebottom and Sidebottom in a neighbour dispute about a hedge", "trees",
  "High hedge complaint", """\
Mr Shufflebottom at number 4 and Mrs Sidebottom at number 6 are both affected by the leylandii at number 5. They have asked me to write on their behalf.""")

M(PL, N, "surnames Glasscock and Titmuss in a tenants' association note", "housing",
  "Tenants' association officers", """\
Our new tenants' association officers are Mary Glasscock (chair) and Alan Titmuss (treasurer). Please update your contacts.""")

M(PL, N, "surname Wankling and Balls in a council tax discount", "council.tax",
  "Student exemption", """\
My lodgers are Tom Wankling and Ellie Balls, both full-time students at the university. Certificates attached for the exemption.""")

M(PL, N, "Penshurst, Matlock and Slackbottom in a coach trip booking", "community.centres",
  "Coach trip", """\
The over-60s club coach trip this year goes to Penshurst Place, then Matlock Bath, then the pub at Slackbottom. Can we borrow the community bus?""")


# ---------------------------------------------------------------------------
# Build, write and check
# ---------------------------------------------------------------------------
REQUIRED_ONCE = ("X-Devset-Expect", "X-Devset-Note", "X-Testset-Class", "From", "To", "Subject",
                 "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding")
ENC_LABEL = {
    "plain": "text/plain, 7bit/8bit", "qp": "text/plain, quoted-printable",
    "b64": "text/plain, base64", "html": "text/html only, 7bit/8bit",
    "html-qp": "text/html only, quoted-printable", "html-b64": "text/html only, base64",
    "alt-qp": "multipart/alternative, quoted-printable",
}


def plan():
    """Assign folder, file name and date to every message, deterministically."""
    counters = {f: 0 for f in FOLDERS}
    items = []
    for m in MSGS:
        folder = CLASSES[m["cls"]][0]
        counters[folder] += 1
        n = counters[folder]
        slug = m["slug"] or slugify(m["subject"], m["cls"].replace("_", "-"))
        items.append((m, folder, f"{folder}/{n:03d}-{slug}.eml"))
    # Dates: spread over 2 Jan - 30 Nov 2026 in an order fixed by a hash of the path.
    order = sorted(range(len(items)), key=lambda i: h("date", items[i][2]))
    start = datetime.date(2026, 1, 2)
    span = (datetime.date(2026, 11, 30) - start).days
    dated = [None] * len(items)
    for slot, i in enumerate(order):
        day = start + datetime.timedelta(days=slot * span // len(items))
        k = h("time", items[i][2])
        hh, mm, ss = 7 + k % 16, (k >> 8) % 60, (k >> 16) % 60
        bst = datetime.date(2026, 3, 29) <= day < datetime.date(2026, 10, 25)
        tz = datetime.timezone(datetime.timedelta(hours=1 if bst else 0))
        dated[i] = datetime.datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=tz)
    return [(m, folder, rel, dated[i]) for i, (m, folder, rel) in enumerate(items)]


def build_all():
    out = []
    for m, folder, rel, date in plan():
        data, et, eh = build(m, folder, rel, date)
        out.append((m, folder, rel, data, et, eh))
    return out


def norm(s):
    return s.replace("\r\n", "\n")


def sentences(text):
    text = re.sub(r"<[^>]+>", " ", text)
    return [s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) >= 30]


def check(built):
    errors = []
    err = errors.append
    seen_mid, seen_sent, seen_body = {}, {}, {}
    class_count = {c: 0 for c in CLASSES}
    dual = []
    words = {w: 0 for w in INNOCENT_WORDS}
    for m, folder, rel, data, exp_text, exp_html in built:
        path = os.path.join(OUT, rel)
        where = rel
        if not re.fullmatch(r"(abusive|legitimate|places)/\d{3}-[a-z0-9]+(-[a-z0-9]+)*\.eml", rel):
            err(f"{where}: bad file name")
        try:
            with open(path, "rb") as f:
                disk = f.read()
        except OSError as e:
            err(f"{where}: {e}")
            continue
        if disk != data:
            err(f"{where}: file differs from what the script builds (edited by hand?)")
        if re.search(rb"(?<!\r)\n|\r(?!\n)", disk):
            err(f"{where}: line end other than CRLF")
        head, _, _ = disk.partition(b"\r\n\r\n")
        lines = disk.split(b"\r\n")
        for ln in lines:
            if len(ln) > 998:
                err(f"{where}: line over 998 octets")
        for ln in head.split(b"\r\n"):
            limit = 200 if ln.startswith(b"X-Devset-Note:") else 78
            if len(ln) > limit:
                err(f"{where}: header line over {limit}: {ln[:40]!r}")
        hl = head.split(b"\r\n")
        if not (hl[0].startswith(b"X-Devset-Expect: ") and hl[1].startswith(b"X-Devset-Note: ")
                and hl[2].startswith(b"X-Testset-Class: ")):
            err(f"{where}: label headers are not the first three lines")
        msg = email.message_from_bytes(disk, policy=email.policy.default)
        for part in msg.walk():
            if part.defects:
                err(f"{where}: parse defects {part.defects}")
        for name in REQUIRED_ONCE:
            got = msg.get_all(name) or []
            if len(got) != 1:
                err(f"{where}: {len(got)} {name} headers")
        expect = str(msg["X-Devset-Expect"])
        cls = str(msg["X-Testset-Class"])
        labels = [x.strip() for x in expect.split(",")]
        if cls not in CLASSES:
            err(f"{where}: unknown class {cls}")
            continue
        class_count[cls] += 1
        if CLASSES[cls][0] != folder:
            err(f"{where}: class {cls} does not belong in {folder}/")
        if expect == "none":
            if folder == "abusive":
                err(f"{where}: abusive message labelled none")
        else:
            if folder != "abusive":
                err(f"{where}: {folder}/ message must be labelled none")
            bad = [x for x in labels if x not in CATEGORIES]
            if bad or len(set(labels)) != len(labels):
                err(f"{where}: bad labels {expect}")
        want = {
            "profanity": "profanity", "insult": "demeaning", "threat_direct": "threat",
            "threat_third_party": "threat", "threat_weapon": "threat", "threat_property": "threat",
            "threat_wish": "threat", "threat_implied": "threat_implied",
        }.get(cls)
        if want and want not in labels:
            err(f"{where}: class {cls} needs label {want}")
        if cls == "slur" and not any(x.startswith("slur_") for x in labels):
            err(f"{where}: slur class needs a slur_* label")
        if not str(msg["X-Devset-Note"]).strip():
            err(f"{where}: empty note")
        fr = parseaddr(str(msg["From"]))[1]
        to = parseaddr(str(msg["To"]))[1]
        if not fr.lower().endswith(".example") or "@" not in fr:
            err(f"{where}: From domain not .example: {fr}")
        if not re.fullmatch(r"[a-z0-9.]+@council\.example", to):
            err(f"{where}: To not at council.example: {to}")
        if parsedate_to_datetime(str(msg["Date"])).year != 2026:
            err(f"{where}: Date not in 2026")
        mid = str(msg["Message-ID"])
        if mid in seen_mid:
            err(f"{where}: Message-ID also used by {seen_mid[mid]}")
        seen_mid[mid] = rel
        if str(msg["Subject"]) != m["subject"]:
            err(f"{where}: Subject decodes to {str(msg['Subject'])!r}")
        plain = msg.get_body(("plain",))
        htmlp = msg.get_body(("html",))
        if exp_text is not None and (plain is None or norm(plain.get_content()) != exp_text):
            err(f"{where}: text body does not decode back")
        if exp_html is not None and (htmlp is None or norm(htmlp.get_content()) != exp_html):
            err(f"{where}: HTML body does not decode back")
        text = exp_text if exp_text is not None else exp_html
        nsent = len([s for s in re.split(r"(?<=[.!?])\s+", re.sub(r"<[^>]+>", " ", text)) if re.search(r"\w", s)])
        if nsent > 8:
            err(f"{where}: {nsent} sentences (1-8 wanted)")
        key = norm(text).strip().lower()
        if key in seen_body:
            err(f"{where}: same body as {seen_body[key]}")
        seen_body[key] = rel
        for s in sentences(text):
            if s in seen_sent and seen_sent[s] != rel:
                err(f"{where}: sentence also in {seen_sent[s]}: {s[:50]!r}")
            seen_sent[s] = rel
        if m["dual"]:
            dual.append(m["dual"])
        if m["word"]:
            k, _, needle = m["word"].partition("|")
            if k not in words:
                err(f"{where}: unknown innocent word key {k}")
            else:
                words[k] += 1
            if needle.lower() not in text.lower():
                err(f"{where}: innocent word text {needle!r} not in body")
        elif cls == "innocent_sense":
            err(f"{where}: innocent_sense message without word=")
    for c, (folder, minimum, _) in CLASSES.items():
        if class_count[c] < minimum:
            err(f"class {c}: {class_count[c]} messages, at least {minimum} wanted")
    if len(dual) < 10:
        err(f"only {len(dual)} slur messages use words with an innocent sense (10 wanted)")
    for w, n in words.items():
        if n < 2:
            err(f"innocent word {w!r} used {n} times (2 wanted)")
    # SHA256SUMS
    sums_path = os.path.join(OUT, "SHA256SUMS")
    want = sums_text(built)
    try:
        with open(sums_path, "r", encoding="ascii", newline="") as f:
            if f.read() != want:
                err("SHA256SUMS does not match the files")
    except OSError as e:
        err(f"SHA256SUMS: {e}")
    on_disk = set()
    for folder in FOLDERS:
        d = os.path.join(OUT, folder)
        if os.path.isdir(d):
            on_disk |= {f"{folder}/{x}" for x in os.listdir(d)}
    extra = on_disk - {b[2] for b in built}
    if extra:
        err(f"files not built by this script: {sorted(extra)[:5]}")
    try:
        with open(os.path.join(OUT, "README.md"), encoding="utf-8") as f:
            if f.read() != readme(built):
                err("README.md differs from what the script writes")
    except OSError as e:
        err(f"README.md: {e}")
    return errors, class_count, dual, words


def sums_text(built):
    rows = sorted((rel, hashlib.sha256(data).hexdigest()) for _, _, rel, data, _, _ in built)
    return "".join(f"{hx}  {rel}\n" for rel, hx in rows)


def readme(built):
    by_class = {c: 0 for c in CLASSES}
    by_folder = {f: 0 for f in FOLDERS}
    by_cat = {c: 0 for c in CATEGORIES}
    by_enc = {}
    welsh = 0
    for m, folder, rel, *_ in built:
        by_class[m["cls"]] += 1
        by_folder[folder] += 1
        by_enc[ENC_LABEL[m["enc"]]] = by_enc.get(ENC_LABEL[m["enc"]], 0) + 1
        welsh += bool(m["welsh"])
        if m["expect"] != "none":
            for c in m["expect"].split(","):
                by_cat[c] += 1
    dual = sorted({m["dual"] for m, *_ in built if m["dual"]})
    ndual = sum(1 for m, *_ in built if m["dual"])
    rows = "\n".join(
        f"| `{folder}/` | `{c}` | {by_class[c]} | {'categories' if folder == 'abusive' else '`none`'} | {what} |"
        for c, (folder, _, what) in CLASSES.items())
    cats = "\n".join(f"| `{c}` | {n} |" for c, n in by_cat.items())
    encs = "\n".join(f"| {k} | {v} |" for k, v in sorted(by_enc.items()))
    words = ", ".join(w for w in INNOCENT_WORDS)
    total = sum(by_folder.values())
    return f"""# Flags test set (independent, frozen)

Version {VERSION}, frozen {FROZEN}. Licence: same as the project (MIT OR Apache-2.0).

A labelled set of {total} synthetic inbound email messages for **measuring** the
abusive-language flags against the council's *Managing Customer Contact* policy: language
that is foul, offensive, demeaning, racist, sexist or homophobic, threats of physical
violence and harassment should be flagged for an officer; distress, frustration,
forcefulness, determination and persistence should not.

## Never tune on this set

This is a held-out test set, written to measure how the flagger does on mail nobody tuned
it on. Do not add words, rules or exceptions to the lexicon or the code because of a
message here, and do not look at per-message results while changing the flagger; use the
development set (`tests/flags/devset/`) for that. Report results on this set as they come.

The set is frozen. Any change to it, including a relabel, must be a **new version**:
bump `VERSION` in `tests/flags/make_testset.py`, regenerate, commit the new `SHA256SUMS`,
and add a note below saying what changed and why. `sha256sum -c SHA256SUMS` (run in this
folder) checks that the files are the frozen ones.

## Who wrote it and how

Written on {FROZEN} for the project, apart from the work on the flagger, from a brief
that listed the classes and counts below. It was written
**independently of the flagger**: without opening the lexicon (`rules/`), the flags code
(`src/flags/`), the development set's messages or generator, its dictionaries or the
benchmark results, and without running the detector, the tests or the binary on any
message. The only project files read were the development set README (for the file
format) and the council's *Managing Customer Contact* policy (for what counts as abusive).

**Synthetic.** Every message is invented. Senders, addresses, officers, councillors,
streets, reference numbers and events are fictional (real UK place names appear in
`places/` and as background); every domain ends in `.example`. **The abusive messages use
real slurs, swearing and threats on purpose** (this is a moderation test set); read with
care.

The text lives in `tests/flags/make_testset.py`, which wraps it in RFC 5322 messages
deterministically (no clock, no randomness, no network, standard library only).
`python3 tests/flags/make_testset.py --check` rebuilds every message in memory and checks
it against the files (see *Checks*).

## Format

Each `*.eml` is an RFC 5322 message with CRLF line ends. The first three header lines are
labels:

```
X-Devset-Expect: none            (or categories, e.g. threat or profanity,threat)
X-Devset-Note: one line on why it is labelled so
X-Testset-Class: <class>
```

then `From` (a member of the public at a `*.example` domain), `To` (a department or
councillor at `@council.example`), `Subject`, `Date` (2026), `Message-ID`,
`MIME-Version`, `Content-Type` and `Content-Transfer-Encoding`.

`X-Devset-Expect` is `none` or a comma-separated list of the categories the message should
be flagged with: {", ".join(f"`{c}`" for c in CATEGORIES)}. It is the same header and
vocabulary as the development set, so the same harness can read both. The label describes
the Subject and the **sender's own text**. File names are `<folder>/<nnn>-<slug>.eml`.

## Classes

| folder | class | messages | expected | what it holds |
|---|---|---:|---|---|
{rows}
| | total | {total} | | |

Folders: `abusive/` {by_folder['abusive']}, `legitimate/` {by_folder['legitimate']},
`places/` {by_folder['places']}. {welsh} messages are in Welsh or mixed Welsh and English.

In `slur`, {ndual} messages use a word that also has an innocent everyday sense
({", ".join(dual)}), there clearly aimed at a person. In `innocent_sense`, each of the following is used
innocently at least twice, in different constructions: {words}.

## Categories (abusive/)

A message can carry more than one category.

| category | messages |
|---|---:|
{cats}

Labelling conventions used here: swearing is `profanity`, also when aimed at a person
(`twat`, `prick`), and is added alongside another category when present; vulgar
anatomical insults (`bellend`, `knobhead`, `bawbag`, `gobshite`, `cockwomble`, `tosser`)
are `demeaning,profanity`, milder or dehumanising ones (`numpty`, `pillock`, `wazzock`,
`scrote`, `muppet`, `vermin`, `pond life`) are `demeaning`; `threat` is intent to harm a
person, or to damage a building, vehicle or property, by the writer or on the writer's
behalf, including wishes that someone be hurt or killed (`threat_wish`); veiled threats
and knowing where someone lives or their children go to school are `threat_implied`;
gendered slurs and "get back in the kitchen" are `slur_sexist`. Legal action, the
Ombudsman, the press, MPs, protest, petitions, withholding payment, "this is killing me"
and figurative violence are `none`.

## Message structure

| structure | messages |
|---|---:|
{encs}

One `encoded` message has a non-ASCII Subject, sent as RFC 2047 encoded words.

## Checks

`make_testset.py` refuses a set that fails any of these: each file parses with Python's
`email` package (`policy=email.policy.default`) without defects; CRLF line ends only; no
line over 998 octets and no header line over 78 characters (the note may be up to 200);
the three label headers come first; exactly one each of the required headers; labels are
valid category names or `none` and fit the folder and class; `From` is at a `.example`
domain and `To` at `council.example`; dates are in 2026; Message-IDs are unique; the
Subject and the body decode back to what was written; no two messages share a body or a
sentence of 30 characters or more; the class minimums are met; each file is byte for byte
what the script builds; `SHA256SUMS` and this README match.

## Changes

- Version 1 ({FROZEN}): first version.
"""


def write(built):
    os.makedirs(OUT, exist_ok=True)
    for folder in FOLDERS:
        d = os.path.join(OUT, folder)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    for _, _, rel, data, _, _ in built:
        with open(os.path.join(OUT, rel), "wb") as f:
            f.write(data)
    with open(os.path.join(OUT, "SHA256SUMS"), "w", encoding="ascii", newline="") as f:
        f.write(sums_text(built))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(built))


def main():
    built = build_all()
    if "--check" not in sys.argv[1:]:
        write(built)
    errors, class_count, dual, words = check(built)
    folders = {}
    for c, n in class_count.items():
        folders[CLASSES[c][0]] = folders.get(CLASSES[c][0], 0) + n
    for f in FOLDERS:
        print(f"{f}/: {folders.get(f, 0)}")
        for c, n in class_count.items():
            if CLASSES[c][0] == f:
                print(f"  {c:20} {n:4}  (min {CLASSES[c][1]})")
    print(f"total: {sum(class_count.values())} messages, {len(dual)} dual-sense slurs, "
          f"{len(words)} innocent words each used >= {min(words.values())} times")
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} check(s) failed", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
