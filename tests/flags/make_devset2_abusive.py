#!/usr/bin/env python3
"""Build the abusive half of the second flags development set (devset2).

Written independently from a brief: the author did not read the lexicon, the
detector code, the frozen test set or the first development set's messages, and
did not run the detector.  Every message below is synthetic: senders, officers,
councillors, streets and reference numbers are invented and every domain ends in
.example.  The abusive messages use real swearing, slurs and threats on purpose
(this is a moderation test set).

Run from the repository root:

    python3 tests/flags/make_devset2_abusive.py

It deletes and rewrites only the *.eml files in tests/flags/devset2/abusive/,
deterministically (no clock, no randomness, no network), and refuses to write
anything if a message fails its checks.  `--tables` prints the count tables used
in README-abusive.md.
"""

import base64
import datetime as dt
import email
import email.policy
import hashlib
import html
import os
import quopri
import re
import sys
import textwrap
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "devset2", "abusive")

CATEGORIES = [
    "profanity", "sexual", "slur_racist", "slur_homophobic", "slur_transphobic",
    "slur_disablist", "slur_sexist", "threat", "threat_implied", "harassment",
    "demeaning",
]

CLASSES = [
    ("profanity", 12), ("obfuscated", 14), ("encoded", 8), ("slur", 24),
    ("insult", 16), ("threat_direct", 14), ("threat_third_party", 16),
    ("threat_weapon", 16), ("threat_implied", 16), ("threat_property", 14),
    ("threat_wish", 14),
]

TO = {
    "waste": "Waste and Recycling <waste@council.example>",
    "ctax": "Council Tax <counciltax@council.example>",
    "planning": "Planning Services <planning@council.example>",
    "parking": "Parking Services <parking@council.example>",
    "repairs": "Housing Repairs <housing.repairs@council.example>",
    "housing": "Housing Management <housing@council.example>",
    "homeless": "Housing Options <housing.options@council.example>",
    "envhealth": "Environmental Health <env.health@council.example>",
    "benefits": "Benefits Team <benefits@council.example>",
    "schools": "School Admissions <admissions@council.example>",
    "transport": "School Transport <school.transport@council.example>",
    "complaints": "Customer Feedback <complaints@council.example>",
    "highways": "Highways <highways@council.example>",
    "licensing": "Licensing <licensing@council.example>",
    "libraries": "Library Services <libraries@council.example>",
    "contact": "Contact Centre <contact@council.example>",
    "asb": "Community Safety <community.safety@council.example>",
    "children": "Children's Services <childrens.services@council.example>",
    "adult": "Adult Social Care <adult.care@council.example>",
    "leisure": "Leisure Services <leisure@council.example>",
    "bc": "Building Control <building.control@council.example>",
    "democratic": "Democratic Services <democratic.services@council.example>",
    "chiefexec": "Office of the Chief Executive <chief.executive@council.example>",
    "tradingstd": "Trading Standards <trading.standards@council.example>",
    "bereavement": "Bereavement Services <bereavement@council.example>",
    "fenwick": "Cllr Gordon Fenwick <cllr.gordon.fenwick@council.example>",
    "tolley": "Cllr Brian Tolley <cllr.brian.tolley@council.example>",
    "haddad": "Cllr Samira Haddad <cllr.samira.haddad@council.example>",
    "pugh": "Cllr Nerys Pugh <cllr.nerys.pugh@council.example>",
    "okoro": "Cllr Daniel Okoro <cllr.daniel.okoro@council.example>",
    # Welsh-language mailboxes
    "gwastraff": "Gwastraff ac Ailgylchu <gwastraff@council.example>",
    "treth": "Treth y Cyngor <trethycyngor@council.example>",
    "tai": "Gwasanaethau Tai <tai@council.example>",
    "cynllunio": "Cynllunio <cynllunio@council.example>",
    "parcio": "Gwasanaethau Parcio <parcio@council.example>",
    "budd": "Budd-daliadau <budd-daliadau@council.example>",
    "priffyrdd": "Priffyrdd <priffyrdd@council.example>",
    "addysg": "Addysg <addysg@council.example>",
}

DOMAINS = [
    "mailbox.example", "inbox.example", "postbox.example", "homenet.example",
    "brightmail.example", "valleynet.example", "northmail.example",
    "coastline.example", "telinet.example", "post-cymru.example",
    "quickmail.example", "fibrehome.example",
]

MESSAGES = []


def M(cls, slug, expect, note, frm, to, subject, body, enc="plain",
      html_body=None, subj_enc=None, welsh=False):
    """Record one message.  body is the plain text the sender wrote (paragraphs
    separated by blank lines); html_body, if given, is the HTML the sender
    wrote (used for html*/alt* encodings instead of a rendering of body)."""
    MESSAGES.append(dict(cls=cls, slug=slug, expect=expect, note=note, frm=frm,
                         to=to, subject=subject, body=body.strip("\n"), enc=enc,
                         html=html_body, subj_enc=subj_enc, welsh=welsh))


def fw(s):
    """Fullwidth form of an ASCII word."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


ZW = "\u200b"   # zero-width space
ZWJ = "\u200d"  # zero-width joiner

# ---------------------------------------------------------------------------
# profanity (12): swearing at or about staff or the council
# ---------------------------------------------------------------------------

M("profanity", "missed-bin-third-week", "profanity",
  "Repeated f-word about a missed bin collection, aimed at the service.",
  "Craig Tunstall", "waste",
  "Missed bin collection - Ashgrove Road AGAIN",
  """
Third week running you have missed my fucking bin. It was out at 6am, handle
facing the road, lid shut, exactly like your stupid leaflet says. Every other
house on Ashgrove Road got emptied except mine. I have reported it twice online
(refs WR-448120 and WR-449377) and nobody has come back to me.

Get it emptied by Friday. This is a fucking joke.

Craig Tunstall
27 Ashgrove Road
""")

M("profanity", "council-tax-bill-wtf", "profanity",
  "Swearing in the subject and body about a council tax summons.",
  "Natalie Greaves", "ctax",
  "What the fuck is this bill",
  """
I've just opened a council tax bill for £2,140 for a flat I moved OUT of in
March. I sent you the tenancy end date, my forwarding address and a copy of the
new tenant's lease. Now you've sent me a summons.

Absolute bollocks. Cancel it and stop sending me this shit.

Account 6610284455
""")

M("profanity", "pcn-thieving-bastards", "profanity",
  "'thieving bastards' aimed at the parking service in an otherwise reasoned appeal.",
  "Wayne Holroyd", "parking",
  "PCN PK20339187 appeal - Mill Lane",
  """
PCN number PK20339187.

The sign on Mill Lane is hidden behind a tree and the bay markings are worn
off, I've attached photos. I was there for four minutes getting my mum's
wheelchair out of the boot. Four minutes.

You lot are a bunch of thieving bastards and you know it. See you at the
tribunal.

W Holroyd
""", enc="wrap")

M("profanity", "damp-mould-fifth-report", "profanity",
  "Long, legitimate damp complaint that ends with 'sort your shit out you useless pricks'.",
  "Leanne Marsh", "repairs",
  "Damp and mould - flat 3, Calder House - 5th report",
  """
To the repairs team,

This is the fifth time I have reported the black mould in the back bedroom of flat 3, Calder House. The first report was on 14 October (ref HR-20931). An inspector came on 2 November, took photos and said a surveyor would follow within 28 days. Nobody came. My daughter is 4 and has been to the GP twice with her chest, and I have a letter from the GP saying the damp is making it worse. The window seals have gone and water runs down the inside of the frame whenever it rains. I have been patient, I have been polite and I have done everything you asked.

Sort your shit out you useless pricks, before my kid ends up in hospital.

Leanne Marsh
""")

M("profanity", "subject-only-wankers", "demeaning,profanity",
  "Abuse only in the Subject ('wankers', a vulgar insult); the body is a polite library complaint.",
  "Malcolm Finch", "libraries",
  "Piss poor service from you wankers",
  """
Dear Sir or Madam,

I am writing about the decision to reduce the opening hours at Brookfield
Library to three days a week. Many older residents rely on it for the
computers, the newspapers and, frankly, the warmth. I would like to know what
consultation took place and whether the decision can be reviewed before the
changes take effect in April.

Regards,
Malcolm Finch
""")

M("profanity", "cy-lori-ailgylchu-ffycin", "profanity",
  "Welsh: 'ffycin hel' and 'cachu o wasanaeth' about a missed recycling collection.",
  "Emyr Roberts", "gwastraff",
  "Lori ailgylchu wedi methu ETO",
  """
Pnawn da.

Dyma'r trydydd tro mewn mis i'r lori ailgylchu fethu Stryd y Felin. Mae'r
bagiau glas yn dal ar y pafin ac mae'r gwylanod wedi'u rhwygo nhw'n ddarnau.
Ffycin hel, dach chi'n cael eich talu i wneud un peth. Cachu o wasanaeth, a dw
i wedi cael llond bol. Dewch i'w nôl nhw fory.

Emyr Roberts
14 Stryd y Felin
""", welsh=True)

M("profanity", "noise-case-closed-cunt", "profanity",
  "Calls a named environmental health officer 'a useless cunt' mid-complaint.",
  "Bernadette Quayle", "envhealth",
  "Noise complaint ref EH/26/0412 closed?!",
  """
You've closed my noise complaint without even putting the recording equipment
in. The dog next door barks from 5am every single day and I sent you 14 diary
sheets like you asked.

The officer, Mark something, rang me, said "it's only a dog" and put the phone
down on me. Tell him from me he's a useless cunt and I want the case reopened
with someone else.
""")

M("profanity", "housing-benefit-arsehole", "demeaning,profanity",
  "Lower-case rant; 'some arsehole' (vulgar insult) for a call handler and 'fucking joke'.",
  "Jade Whitlock", "benefits",
  "housing benefit stopped for no reason",
  """
my housing benefit has been stopped AGAIN and i have had no letter. i rang this morning and sat on hold 52 mins then some arsehole told me to fill in the form online which i did in january. its a fucking joke. my landlord is saying he will evict me. sort it
""")

M("profanity", "planning-objection-bullshit", "profanity",
  "Planning objection calling the officer report 'bullshit', 'a pile of shite', 'bollocks'.",
  "Ian Dunlop", "planning",
  "Objection to 24/01187/FUL - Land rear of Orchard Way",
  """
I want my objection recorded properly this time.

The applicant says there will be no overlooking. That is total bullshit, the
balcony will look straight into my kids' bedrooms. Your officer's report is a
pile of shite copied and pasted from the developer's own statement. How much did
they pay you? Bollocks to your "material considerations", I pay my council tax
same as they do.

Ian Dunlop
8 Orchard Way
""")

M("profanity", "school-appeal-suck-my-dick", "profanity,sexual",
  "Admissions complaint: 'She can suck my dick' about a female officer, plus 'fuck's sake'.",
  "Ryan Castellano", "schools",
  "Appeal for Year 7 place - St Aidan's",
  """
Bloody hell, how hard is it. We live 0.6 miles from St Aidan's and my son has
been given a place at a school that is two buses away. Your admissions woman
told me to "consider the waiting list". She can suck my dick. Fuck's sake.

I want the appeal form today, not next week.
""")

M("profanity", "cllr-lying-twat", "profanity",
  "Calls a councillor 'a lying twat' about a broken leaflet promise.",
  "Pauline Hebden", "fenwick",
  "Your leaflet",
  """
Cllr Fenwick,

You put a leaflet through my door in May promising to save the Hollins Lane bus
route. It was cut last week and you voted for it. You are a lying twat and I'll
be telling everyone on the estate exactly that. Don't bother knocking next
time.

P. Hebden
""")

M("profanity", "cy-pothole-twll-dy-din", "profanity",
  "English pothole complaint then Welsh 'twll dy din di, a thwll din pob un ohonoch chi'.",
  "Huw Parry", "priffyrdd",
  "Pothole outside 3 Heol y Nant - ref HW 5521",
  """
I reported this pothole in February. It is now about a foot across and my
wife's tyre burst in it last Tuesday. Your reply said it "does not meet
intervention criteria".

Mae 'na dwll yn y ffordd ers misoedd, ac mae'r adran briffyrdd yn da i ddim.
Twll dy din di, a thwll din pob un ohonoch chi.

Fix it.

Huw Parry
""", welsh=True)

# ---------------------------------------------------------------------------
# obfuscated (14): masks, leetspeak, spacing, repeats, homoglyphs, zero-width,
# punctuation inside words
# ---------------------------------------------------------------------------

M("obfuscated", "masked-fing-cnt", "profanity",
  "Masked swearing: f***ing, c*nt, f**king, aimed at a trading standards officer.",
  "Gordon Ashby", "tradingstd",
  "Complaint about Trading Standards - rogue roofer",
  """
Six weeks and not a single f***ing reply. Your trading standards officer is a
useless c*nt who couldn't find a dodgy builder if one was stood on his foot. I
paid £3,800 for a roof that leaks, I gave you the names, the van reg, the lot.

Do your f**king job.
""")

M("obfuscated", "leet-sh1t-b4stards", "profanity",
  "Leetspeak and masks: sh1t, b4stards, f*ck, about a broken street light.",
  "Kyle Barraclough", "highways",
  "sh1t service",
  """
the street light outside 41 Kestrel Drive has been out 3 months. 3 MONTHS. absolute sh1t service from a council full of b4stards who dont care. f*ck the lot of ya
""")

M("obfuscated", "spaced-f-u-c-k-y-o-u", "profanity,sexual",
  "Spaced and dotted letters: 'F u c k   y o u', 's.u.c.k m.y d.i.c.k' over a garden waste refund.",
  "Dave Nuttall", "waste",
  "re: your letter dated 12 March",
  """
Got your letter saying my garden waste subscription can't be refunded even
though you haven't collected it once since August.

F u c k   y o u. And f u c k your garden waste. You can s.u.c.k m.y d.i.c.k.

Dave
""")

M("obfuscated", "repeated-letters-twaaat", "profanity",
  "Stretched letters: fuuuuuck offffff, twaaaaat, shiiiiit show, about a bin lorry driver.",
  "Shannon Piggott", "waste",
  "bin lorry blocked my drive AGAAAAIN",
  """
Your bin lorry parked across my drive for 25 minutes this morning and I was late
for a hospital appointment. When I asked the driver to move he laughed at me.

fuuuuuuck offfffff, seriously. He's a twaaaaaat and so is whoever hired him.
Shiiiiiit show.
""")

M("obfuscated", "cyrillic-homoglyph-cunt", "profanity",
  "Cyrillic homoglyphs: Cyrillic es (U+0441) in cunt and fuck, Cyrillic a (U+0430) in arse.",
  "Terence Mabbott", "ctax",
  "Council tax reminder - account 4471 0093",
  """
I paid the instalment on the 1st, I have the bank statement in front of me.
Your reminder says I'm in arrears.

Whoever sent this is a stupid \u0441unt (I'll say it again: \u0441unt) and you
can shove your reminder up your \u0430rse. Fu\u0441k off.
""", enc="qp")

M("obfuscated", "zero-width-whore-slag", "slur_sexist,profanity",
  "Zero-width spaces inside 'whore', 'fucking' and 'slag', aimed at a named housing officer.",
  "Darren Sowerby", "housing",
  "my transfer request",
  f"""
Seven months on the transfer list and that w{ZW}hore of a housing officer Kerry
Dunn still hasn't returned one call. Stupid f{ZW}ucking s{ZW}lag. I want a
different officer.
""")

M("obfuscated", "dotted-p-a-k-i", "slur_racist,harassment",
  "Punctuation inside a racist slur (p.a.k.i) and 'go back to your own c-o-u-n-t-r-y' at a licensing officer.",
  "Neville Crabtree", "licensing",
  "taxi licence application",
  """
Why is the council handing taxi licences to every p.a.k.i that turns up? The
one in licensing, Mr Qureshi, didn't even look at my application properly. Go
back to your own c-o-u-n-t-r-y and stop taking our jobs.
""")

M("obfuscated", "leet-ill-k1ll-y0u", "threat",
  "Leetspeak death threat: '1'll k1ll y0u' over an eviction notice.",
  "Jordan Pickles", "housing",
  "eviction notice",
  """
u serve me with that eviction notice and 1'll k1ll y0u. n0t j0king
""")

M("obfuscated", "spaced-s-t-a-b", "threat",
  "Spaced-out 's t a b' threat against a described parking warden.",
  "Gavin Leadbetter", "parking",
  "Parking warden on Queen St",
  """
The warden on Queen Street today, the bald one with the ginger beard. Next time
he tickets me outside my own shop I will s t a b him. Tell him.
""")

M("obfuscated", "greek-homoglyph-faggot", "slur_homophobic",
  "Greek alpha and omicron inside a homophobic slur aimed at a councillor.",
  "Roy Gittins", "democratic",
  "Pride flags on the town hall",
  """
Take those flags down. The councillor who put them up is a f\u03b1gg\u03bft and
everyone in this town knows it.
""")

M("obfuscated", "masked-rtard-sen", "slur_disablist",
  "Masked and leetspeak disablist slurs (r*tard, r3tarded) at a school transport officer.",
  "Michelle Arkwright", "transport",
  "SEN transport - wrong address three days running",
  """
Your transport officer is a complete r*tard. She sent the minibus to the wrong
address three days running and my son missed school all three days. Are you all
r3tarded in that department or is it just her?
""")

M("obfuscated", "cy-ffcin-c0c-0en", "demeaning,profanity",
  "Welsh with masks and leetspeak: 'ff*cin c0c 0en' and spaced 'C-o-c o-e-n' at a housing officer.",
  "Gwenllian Hughes", "tai",
  "Boeler - 9 wythnos",
  """
Naw wythnos heb ddŵr poeth. Naw. Mae'r swyddog tai, y ff*cin c0c 0en, yn deud
bod y contractwr "ar ei ffordd" bob tro dw i'n ffonio. C-o-c o-e-n.

Dewch â boeler newydd neu dewch â'r contractwr.

Gwenllian Hughes
""", welsh=True)

M("obfuscated", "b1tch-kn0w-where-she-lives", "slur_sexist,threat_implied",
  "'b!tch' and leetspeak 'I kn0w wh3re she l1ves' about an enforcement officer.",
  "Stuart Meakin", "planning",
  "re: re: re: hedge dispute",
  """
Tell that b!tch in enforcement to stop sending me letters about my hedge. I
kn0w wh3re she l1ves. She'd better drop it.
""")

M("obfuscated", "fullwidth-slag-mixed-case", "slur_sexist,profanity",
  "Fullwidth 'slag' and mixed-case 'FuCkInG' about the chair of a licensing panel.",
  "Lorraine Daintith", "licensing",
  "Licensing hearing - The Fleece, Market Place",
  f"""
The chair of the licensing panel, that FuCkInG {fw('slag')}, didn't let me
speak for more than two minutes. I've run that pub for 19 years without a
single complaint.
""")

# ---------------------------------------------------------------------------
# encoded (8): quoted-printable, base64, HTML-only, multipart/alternative,
# RFC 2047 Subject
# ---------------------------------------------------------------------------

M("encoded", "qp-fly-tipping-shower-of-shits", "profanity",
  "Quoted-printable body; long fly-tipping complaint with 'fucking resolved' and 'shower of shits'.",
  "Alison Fairclough", "envhealth",
  "Fly-tipping on Pit Lane - 4th report",
  """
For the fourth time: there are mattresses, a fridge and about forty bags of builders' rubble dumped at the entrance to Pit Lane, next to the allotments. It has been there since 3 January. Rats are now coming into the gardens on Clover Street. Your online form says "resolved" every time I report it.

It is not fucking resolved, you can see it from space. Get your arses down here and shift it, you lazy shower of shits.

Alison Fairclough
""", enc="qp")

M("encoded", "base64-smash-your-face", "threat,profanity",
  "Base64 plain body: threat to 'smash your fucking face in' at the vehicle pound.",
  "Lee Broughton", "parking",
  "Re: Notice of removal - vehicle YR19 KLP",
  """
You towed my van with all my tools in it. That's my living.

If I don't have it back by Monday I'll come down to the pound and smash your
fucking face in, whoever's on the desk.

Lee Broughton
""", enc="b64")

M("encoded", "html-only-prick-bellend", "demeaning,profanity",
  "HTML-only body; library manager called a 'jumped-up little prick' and a 'bellend' in b/i tags.",
  "Howard Pilling", "libraries",
  "Library fines",
  "",
  enc="html",
  html_body="""<html><body>
<p>Dear Library Services,</p>
<p>I returned <b>all four</b> books on time. Your self-service machine didn't scan them. I am not paying &pound;6.40 for your broken machine.</p>
<p>The manager who told me &quot;computer says no&quot; is a <i>jumped-up little prick</i> and a <b>bellend</b>.</p>
<p>H. Pilling</p>
</body></html>""")

M("encoded", "alt-bender-drag-story", "slur_homophobic,profanity",
  "multipart/alternative: 'some bender in a wig' and 'bent fucking pervert' about a library event.",
  "Clive Ormerod", "libraries",
  "Drag story time at Central Library",
  """
Cancel it. Nobody wants some bender in a wig reading to our kids. The
councillor who approved it is a bent fucking pervert.
""", enc="alt")

M("encoded", "rfc2047-subject-fuck-you-fine", "profanity",
  "Abuse only in an RFC 2047 base64-encoded Subject ('Fuck you and your [pound]70 parking fine').",
  "Steve Lumb", "parking",
  "Fuck you and your £70 parking fine",
  """
I've paid it. Under protest.

Steve
""", subj_enc="b")

M("encoded", "html-qp-tags-inside-words", "profanity",
  "HTML-only, quoted-printable, with tags inside swear words: <b>c</b>unt, c<span>u</span>nt, F<i>u</i>ck.",
  "Derek Hollinrake", "planning",
  "Complaint: planning enforcement",
  "",
  enc="html-qp",
  html_body="""<html><body>
<p>Your enforcement officer is a <b>c</b>unt. An absolute c<span>u</span>nt. He told my neighbour it was fine to build a two-storey extension 40cm from my fence.</p>
<p>F<i>u</i>ck the lot of you.</p>
</body></html>""")

M("encoded", "cy-alt-base64-dy-ladd-di", "threat",
  "Welsh, multipart/alternative with base64 parts: 'dw i'n mynd i dy ladd di' to a named housing officer.",
  "Alwyn Prydderch", "tai",
  "Hysbysiad troi allan - fy mam (81 oed)",
  """
Mae fy mam yn 81 oed ac wedi byw yn y tŷ 'na ers 1974.

Os dach chi'n ei throi hi allan, dw i'n mynd i dy ladd di, Mr Rowlands. Dw i o
ddifri.
""", enc="alt-b64", welsh=True)

M("encoded", "rfc2047-q-waste-of-oxygen", "threat,demeaning",
  "Q-encoded Subject 'You're a waste of oxygen' (curly quote), alt/QP body hoping the assessor gets run over.",
  "Margaret Sutcliffe", "adult",
  "You\u2019re a waste of oxygen",
  """
Refused a blue badge for my husband who can't walk 20 yards. The assessor who
decided that is a waste of oxygen and I hope she gets run over so she finds out
what it's like.
""", enc="alt-qp", subj_enc="q")

# ---------------------------------------------------------------------------
# slur (24): racist, homophobic, transphobic, disablist and sexist slurs at
# people; many use words that also have an innocent sense
# ---------------------------------------------------------------------------

M("slur", "fat-cow-on-phone", "slur_sexist",
  "'that stupid fat cow on the phone': innocent-sense word with adjectives, aimed at a call handler.",
  "Tracey Bamforth", "ctax",
  "Council tax single person discount",
  """
I rang about my single person discount and that stupid fat cow on the phone
told me I'd have to prove my ex had moved out. How am I meant to prove someone
ISN'T living here? Put me through to someone with a brain next time.
""")

M("slur", "bitch-back-in-kitchen", "slur_sexist",
  "'that bitch Sarah Lowe' plus 'women like her should get back in the kitchen'.",
  "Keith Renshaw", "housing",
  "Housing officer Sarah Lowe",
  """
I don't want that bitch Sarah Lowe handling my tenancy any more. She's had it
in for me since day one. Women like her should get back in the kitchen and
leave housing to people who know what they're doing.
""")

M("slur", "some-slag-on-reception", "slur_sexist",
  "'Some slag on reception' as sentence subject, about a receptionist.",
  "Glenn Ackroyd", "complaints",
  "Rude receptionist at Market St office",
  """
Some slag on reception at the Market Street office laughed when I asked for a
copy of my housing file. Chewing gum, on her phone the whole time. I want her
name and I want an apology in writing.
""")

M("slur", "jumped-up-little-tart", "slur_sexist",
  "'some jumped-up little tart in planning': innocent-sense word after adjectives.",
  "Norman Stansfield", "planning",
  "Refusal 25/00412/HOU - conservatory",
  """
My conservatory has been refused by some jumped-up little tart in planning who
looks about twelve. She's never built anything in her life. I'm appealing and
I'll be naming her in it.
""")

M("slur", "faggot-whole-sentence", "slur_homophobic",
  "Complaint about a leisure centre manager ending in the one-word sentence 'Faggot.'",
  "Lisa Broadbent", "leisure",
  "Riverside Leisure Centre manager",
  """
The new manager at Riverside Leisure Centre banned my son for a week for
swearing in the changing rooms. He swore ONCE. The manager minces about like he
owns the place. Faggot.
""")

M("slur", "queers-like-him", "slur_homophobic",
  "'Queers like Councillor Okoro' at the start of a sentence about a licensing committee.",
  "Anthony Rigby", "democratic",
  "Late licence - Club Velvet, Bridge Street",
  """
Queers like Councillor Okoro should not be sitting on the licensing committee
deciding whether my club gets a late licence. He has an agenda against straight
venues and everyone knows it.
""")

M("slur", "that-dyke-at-the-depot", "slur_homophobic,slur_sexist",
  "'That dyke who runs the recycling depot' plus 'Put a man in charge'.",
  "Barry Gledhill", "waste",
  "Foundry Road tip",
  """
That dyke who runs the recycling depot on Foundry Road refused to take my old
sofa because it "wasn't household waste". It came out of my house. Put a man in
charge.
""")

M("slur", "sent-a-bender", "slur_homophobic",
  "'you sent a bender with a litter picker': slur as object.",
  "Sandra Moxon", "waste",
  "Dog fouling Albion Terrace",
  """
I reported the dog mess on Albion Terrace and you sent a bender with a litter
picker who did one side of the road and went home at half eleven. Is that what
my council tax pays for?
""")

M("slur", "poofs-and-pansies-youth-club", "slur_homophobic",
  "'that poof' and 'run by pansies and poofs' about a youth worker.",
  "Darren Mellor", "children",
  "Youth worker at Hillside youth club",
  """
My lad came home from the youth club saying the youth worker told him off for
calling someone names. Tell that poof to mind his own business. The place is
run by pansies and poofs who want to turn every kid soft.
""")

M("slur", "the-chink-in-parking", "slur_racist",
  "'The chink in the parking office' as sentence subject.",
  "Colin Haworth", "parking",
  "Parking ticket on Kingsway",
  """
The chink in the parking office gave me a ticket while I was literally sitting
in the car with the engine running. I want it cancelled.
""")

M("slur", "coon-built-like-an-ape", "slur_racist",
  "'a big coon' and 'built like an ape' about an enforcement agent.",
  "Maureen Thewlis", "ctax",
  "Bailiff visit 3 March",
  """
You sent a big coon round to my house to collect council tax arrears. Six foot
five, built like an ape, standing in my doorway trying to scare my husband. I'm
not paying another penny until I get an apology.
""")

M("slur", "monkey-contractor-boiler", "slur_racist",
  "'a monkey who couldn't speak English' about a repairs contractor, after a boiler complaint.",
  "Philip Cawthorne", "repairs",
  "Boiler repair no-show, 22 Linden Court",
  """
Second time the contractor has let me down. The first one didn't turn up. The
last one you sent was a monkey who couldn't speak English and left the boiler
in bits on the kitchen floor. Send a proper British engineer this time.
""")

M("slur", "are-you-retarded-blue-badge", "slur_disablist",
  "'Are you retarded?' and 'The assessor is a retard' repeated, in a blue badge complaint.",
  "Kevin Dobson", "adult",
  "Blue badge refused",
  """
Are you retarded? I've got a letter from my consultant saying I can't walk more
than 50 metres and your assessor said no. The assessor is a retard. Whoever
trained her is a retard. Reconsider it.
""")

M("slur", "spastic-on-the-phone", "slur_disablist,demeaning,profanity",
  "'The spastic who answered your phone line' plus 'thick as pig shit'.",
  "Adrian Crowther", "contact",
  "Re: complaint 26-1182",
  """
The spastic who answered your phone line couldn't even spell my postcode. Thick
as pig shit. Get me someone who can do their job.
""")

M("slur", "list-mongs-poofs", "slur_disablist,slur_homophobic",
  "Slurs in a list: 'run by mongs, poofs and foreigners'.",
  "Eric Hindle", "benefits",
  "Same form three times",
  """
The benefits office is run by mongs, poofs and foreigners who can't read a
form. I've filled in the same form three times now.
""")

M("slur", "tranny-poolside", "slur_transphobic",
  "'There's a tranny working on the poolside' about a leisure centre employee.",
  "Kirsty Lumley", "leisure",
  "Complaint about staff at Northgate Pool",
  """
There's a tranny working on the poolside at Northgate and my daughter was
uncomfortable. Why are you employing blokes in wigs to watch kids swim? I want
to know what your policy is.
""")

M("slur", "front-desk-is-a-trap", "slur_transphobic",
  "'is a trap, it's a bloke in a dress' about a front-desk employee.",
  "Graham Pullan", "contact",
  "Your front desk",
  """
The "woman" on your front desk at the civic centre is a trap, it's a bloke in a
dress. Everyone in the queue was laughing. Don't try and tell me that's a she.
""")

M("slur", "gyppos-on-rec-ground", "slur_racist,demeaning",
  "'a load of gyppos' and 'thieving gyppo scum' about travellers on a recreation ground.",
  "Sharon Dewhirst", "asb",
  "Travellers on Moorside rec",
  """
You've let a load of gyppos park up on Moorside recreation ground again. Three
weeks and nothing done. Thieving gyppo scum. Shift them.
""")

M("slur", "fucking-paki-go-back", "slur_racist,profanity,harassment",
  "'The fucking paki at the taxi licensing desk' and 'Go back to your own country'.",
  "Martin Bottomley", "licensing",
  "Taxi test failed",
  """
The fucking paki at the taxi licensing desk told me my car failed on emissions.
Go back to your own country and leave our licensing to us.
""")

M("slur", "n-word-asb-officer", "slur_racist",
  "Unmasked n-word for an anti-social behaviour officer.",
  "Wendy Parkin", "asb",
  "Re: Anti-social behaviour complaint",
  """
I made a complaint about the family at number 12 and you sent a nigger from the
ASB team round to tell ME to keep the noise down. Unbelievable.
""")

M("slur", "the-spade-you-sent", "slur_racist",
  "'The spade you sent round': innocent-sense word as a racist slur for a housing inspector.",
  "Raymond Tordoff", "repairs",
  "Housing inspection - 5 Wharf Street",
  """
The spade you sent round to inspect the flat spent ten minutes looking at the
damp and said it was condensation. Send someone else.
""")

M("slur", "little-fairy-building-control", "slur_homophobic",
  "'the little fairy in building control' about a building control officer.",
  "Stephen Whiteley", "bc",
  "Building control - knocking through",
  """
Tell the little fairy in building control that I don't need his permission to
knock a wall down in my own house. Prancing about in his pink shirt telling me
about load-bearing walls.
""")

M("slur", "cy-hen-ast-hwren", "slur_sexist",
  "Welsh: 'yr hen ast' (bitch) and 'hwren' (whore) about a council tax officer.",
  "Dilwyn Jones", "treth",
  "Treth y cyngor - cyfrif 5521 8830",
  """
Mi wnes i dalu'r ddyled fis Mawrth. Mae'r hen ast 'na yn y swyddfa dreth yn
gwrthod coelio fi. Hwren ddigywilydd. Dw i isio siarad efo'i rheolwr hi.

Dilwyn Jones
""", welsh=True)

M("slur", "nip-and-little-fag-hygiene", "slur_racist,slur_homophobic",
  "'some nip' and 'the little fag with the clipboard' about food hygiene inspectors.",
  "Carol Ingham", "envhealth",
  "Food hygiene rating - Ingham's Cafe",
  """
The food hygiene score for my cafe went from 5 to 2 after a visit from some nip
who barely spoke to me. And his sidekick, the little fag with the clipboard,
wrote down things that weren't true. I want a re-inspection.
""")

# ---------------------------------------------------------------------------
# insult (16): demeaning insults, including less common British, Scottish,
# Irish and Welsh ones, and disguised forms
# ---------------------------------------------------------------------------

M("insult", "scrotes-in-asb-team", "demeaning",
  "'The scrotes in your ASB team' over motorbikes on a field.",
  "Pamela Heseltine", "asb",
  "Motorbikes on Marlow estate field",
  """
Six months of motorbikes on the field behind Marlow Road, every night until
midnight. The scrotes in your ASB team couldn't find their own backsides. All
I've had is a leaflet.
""")

M("insult", "which-wazzock-gritting", "demeaning",
  "Yorkshire 'wazzock', twice, about whoever decided not to grit a hill.",
  "Trevor Sugden", "highways",
  "Gritting - Top Lane",
  """
Which wazzock decided not to grit Top Lane? It's a hill of sheet ice and there
were two cars in the wall by 8am. Whoever made that call is a proper wazzock
and wants sacking.
""")

M("insult", "scots-bawbag-numpty", "demeaning,profanity",
  "Scots: 'some bawbag' (vulgar) and 'ya numpty' about a missed bulky uplift.",
  "Fraser McCulloch", "waste",
  "Bulky uplift no show",
  """
Booked a bulky uplift for a settee, paid the £35, naebody turned up. Phoned and
some bawbag telt me it was my fault for no being in. I was in aw day. Sort it
oot ya numpty.
""")

M("insult", "numpty-thick-as-mince", "demeaning",
  "'a numpty, thick as mince' about whoever planned roadworks.",
  "Moira Drummond", "highways",
  "Roadworks on Station Road",
  """
Three sets of temporary lights within 200 yards of each other, all on red at the
same time. Queues back to the roundabout every morning. Whoever planned that is
a numpty, thick as mince. Have a word.
""")

M("insult", "pillock-plonkers-xmas-trees", "demeaning",
  "'the pillock on the phone' and 'You plonkers' about Christmas tree collection dates.",
  "Andrew Fothergill", "waste",
  "Christmas tree collection",
  """
Your website says trees would be collected on the 9th. The crew came on the
7th. When I rang, the pillock on the phone said "read the website". I did. You
plonkers wrote it.
""")

M("insult", "twonk-cockwomble-cycle-lane", "demeaning,profanity",
  "Measured consultation reply calling the designer a 'twonk' and 'certified cockwomble'.",
  "Jeremy Hartley", "highways",
  "Consultation response - Wellgate cycle lane",
  """
I have read the whole 80-page consultation document, which is more than your
engineers appear to have done. The design routes the cycle lane across three
bus stops and the entrance to Wellgate Primary. Buses will have to stop in the
lane and children will come out of the school gate straight into it. Whichever
twonk drew this is a certified cockwomble. Please pass that on with my formal
objection.

J. Hartley
""")

M("insult", "irish-gobshite-lettings", "demeaning,profanity",
  "Irish English: 'The gobshite from lettings' over a tenancy sign-up.",
  "Siobhan Geraghty", "housing",
  "Tenancy sign-up - keys not ready",
  """
The gobshite from lettings kept me waiting an hour and then said the keys
weren't ready. I'd taken a day off work for it. Ye haven't a clue, any of ye.
""")

M("insult", "nonce-youth-club", "demeaning",
  "Calls the man running a youth club 'a nonce', twice.",
  "Debbie Kershaw", "children",
  "Youth club at St Mark's hall",
  """
Everyone round here knows the bloke running the youth club at St Mark's hall is
a nonce. Why does the council let a nonce anywhere near kids?
""")

M("insult", "brain-dead-waste-of-skin", "demeaning",
  "'The brain dead waste of skin on your helpline', after a rent error.",
  "Ashley Brear", "benefits",
  "Housing costs entered wrong - £412",
  """
I've explained this four times now. The brain dead waste of skin on your
helpline put my rent in as monthly when it's four-weekly, so now I apparently
owe £412. Fix it.
""", enc="wrap")

M("insult", "parasites-vermin-oxygen", "demeaning",
  "'Parasites', 'Vermin', 'a waste of oxygen' about senior managers' pay.",
  "Roger Greenhalgh", "chiefexec",
  "Senior pay rises",
  """
Read in the paper that senior managers are getting a 6% rise while you close
the Holme Road day centre. Parasites, every one of you. Vermin. A waste of
oxygen and a waste of my money.
""")

M("insult", "cy-pen-dafad-coc-oen", "demeaning,profanity",
  "Welsh insults: 'pen dafad', 'coc oen llwyr' (vulgar), 'twpsyn' about a planning officer.",
  "Rhodri Ellis", "cynllunio",
  "Caniatâd cynllunio - estyniad cefn",
  """
Pen dafad. Dyna be ydi'r swyddog cynllunio 'na. Coc oen llwyr. Mae hanner y
stryd wedi cael estyniad ond dim fi. Twpsyn.
""", welsh=True)

M("insult", "cy-lembo-hurtyn-cer-i-grafu", "demeaning",
  "Welsh: 'y lembo', 'Hurtyn', 'Cer i grafu' at a parking warden after a resident-permit ticket.",
  "Mererid Owen", "parcio",
  "Dirwy parcio - tu allan i fy nhŷ",
  """
Annwyl Swyddfa Barcio,

Mi ges i ddirwy am barcio tu allan i fy nhŷ fy hun. Mae gen i drwydded
preswylydd ar y ffenest flaen. Y lembo wnaeth sgwennu'r tocyn ddim hyd yn oed
wedi sbïo. Hurtyn. Cer i grafu efo dy ddirwy.

Mererid Owen
""", welsh=True)

M("insult", "disguised-wnker-kn0bhead", "demeaning,profanity",
  "Disguised insults: 'w@nker', 'Kn0bhead', dotted 'm.u.p.p.e.t' about an allotments officer.",
  "Brian Haigh", "complaints",
  "Re: allotment waiting list",
  """
Eight years on the allotment list. The w@nker who runs allotments gave the last
plot on Mill Fields to his mate. Kn0bhead. Absolute m.u.p.p.e.t.
""")

M("insult", "irish-eejit-gombeens", "demeaning",
  "Irish insults: 'some eejit', 'a crowd of gombeens', 'Amadain' (fools).",
  "Declan Moriarty", "highways",
  "Road sweeping on Carrick Road",
  """
Would some eejit in highways explain why the sweeper came down Carrick Road at
7am the day AFTER the bins, leaving the lot in the gutter? Ye are a crowd of
gombeens. Amadáin.
""")

M("insult", "scum-dickhead-eviction", "demeaning,profanity",
  "'You're scum' and 'The dickhead who signed it off' about an eviction.",
  "Helen Ramsden", "housing",
  "Eviction of my neighbour, Mrs Pickup",
  """
You've evicted a 70-year-old woman in the middle of winter. You're scum. The
dickhead who signed it off should be ashamed of themselves.
""")

M("insult", "mong-knuckle-draggers", "slur_disablist,demeaning",
  "'the mong on the mower' (disablist) and 'Knuckle-draggers the lot of them'.",
  "Philippa Royle", "waste",
  "Grass cutting crew damaged my fence",
  """
Your grass cutting crew strimmed straight through two of my fence panels. When
I went out, the mong on the mower just grinned at me. Knuckle-draggers the lot
of them. I'll be sending you the bill.
""")

# ---------------------------------------------------------------------------
# threat_direct (14): explicit threats of violence to the reader
# ---------------------------------------------------------------------------

M("threat_direct", "eviction-going-to-kill-you", "threat",
  "'I'm going to kill you' to a housing officer after an eviction hearing.",
  "Dean Foulds", "housing",
  "Eviction hearing",
  """
You've taken my home off me. I'm going to kill you. I mean it, I've got nothing
left to lose.
""")

M("threat_direct", "smash-your-face-in-hi-vis", "threat",
  "'I'll smash your face in' to a parking officer after a rejected challenge.",
  "Liam Kitson", "parking",
  "Re: Your PCN challenge has been rejected",
  """
Rejected again? Right. Next time I see you in your little hi-vis jacket I'll
smash your face in.
""")

M("threat_direct", "knock-you-out-cold-bailiffs", "threat",
  "'I'll knock you out cold' after bailiffs were sent to an elderly father.",
  "Owen Stringer", "ctax",
  "Council tax enforcement - my dad, 14 Ivy Bank",
  """
You've sent bailiffs to my 84-year-old dad's door over £90. He was shaking when
I got there. The next time any of you come near him or me I'll knock you out
cold. Simple as.
""")

M("threat_direct", "beat-the-shit-out-of-you", "threat,profanity",
  "'I will beat the shit out of you' to a named admissions officer.",
  "Kerry Swithenbank", "schools",
  "my daughter's school place",
  """
Mrs Okafor, you have ruined my daughter's year. She was promised a place with
her friends and you gave it away. I will beat the shit out of you if you don't
change this decision.
""")

M("threat_direct", "fucking-batter-you-plumber", "threat,profanity",
  "'I'll fucking batter you' after four no-show repair visits; QP body.",
  "Scott Hammill", "repairs",
  "repairs no show AGAIN ref HR-31187",
  """
Fourth time I've took a day off for your plumber and no show, no phone call, nothing. I'm losing money every time. I'll fucking batter you when I find out who's responsible for this.
""", enc="qp")

M("threat_direct", "cy-rhybudd-olaf-dy-ladd-di", "threat",
  "Welsh: 'dw i'n mynd i dy ladd di' to a named officer if bailiffs are sent again.",
  "Aled Morgan", "treth",
  "Rhybudd olaf",
  """
Dyma'r rhybudd olaf. Os dach chi'n anfon y beilïaid eto, dw i'n mynd i dy ladd
di. Ti, Gareth Bowen, yn bersonol.
""", welsh=True)

M("threat_direct", "cy-dy-guro-di-bastad", "threat,profanity",
  "Welsh: 'y bastad' and 'mi wna i dy guro di' to a parking warden.",
  "Iwan Pritchard", "parcio",
  "Tocyn parcio Stryd Fawr",
  """
Mi weles i chdi'n sgwennu'r tocyn 'na, y bastad. Mi wna i dy guro di y tro
nesa.
""", welsh=True)

M("threat_direct", "youre-dead-you-hear-me", "threat",
  "Short death threat ('You're dead ... I will end you') to a social worker.",
  "Craig Oldroyd", "children",
  "You're dead",
  """
You're dead. You hear me? Dead. You took my kids off me and I will end you.
""")

M("threat_direct", "rip-your-head-off-fence", "threat",
  "'I'll rip your head off' to a planning enforcement officer.",
  "Malcolm Brierley", "planning",
  "Enforcement notice ENF/25/0093",
  """
I've read your enforcement notice. My fence is 2.1 metres because the kids next
door throw stuff over it. Come onto my land to measure my fence again and I'll
rip your head off.
""")

M("threat_direct", "subject-only-i-will-hurt-you", "threat",
  "Threat only in the Subject ('I WILL HURT YOU'); the body is a polite PCN appeal.",
  "Rosemary Castle", "parking",
  "I WILL HURT YOU",
  """
Dear Parking Services,

I wish to appeal PCN PK20417755. I was parked in a loading bay while loading,
which is permitted under the restrictions shown on the sign. I have enclosed a
receipt from the shop showing the time of purchase and a photograph of the
goods being loaded.

Please cancel the notice.

Yours faithfully,
R Castle
""")

M("threat_direct", "punch-your-lights-out-civic-centre", "threat",
  "'I'm going to punch your lights out' over a noise abatement notice; HTML-only body.",
  "Tony Heywood", "envhealth",
  "Noise abatement notice - 9 Sandhill Close",
  "",
  enc="html",
  html_body="""<div>You've served me a noise abatement notice for playing music in my own garden on a Saturday afternoon.</div>
<div>I'm coming down to the civic centre and I'm going to punch your lights out.</div>""")

M("threat_direct", "scots-put-the-heid-on-ye", "threat",
  "Scots: 'Ah'll put the heid on ye' (headbutt) over a housing allocation.",
  "Stevie Rennie", "housing",
  "Hoose allocation",
  """
Ye've gave the hoose tae somebody that's been on the list two year less than
me. Ah'll put the heid on ye, swear tae god.
""")

M("threat_direct", "do-you-in-snap-neck", "threat",
  "'I'll do you in' and 'snap your scrawny neck' after a benefit sanction.",
  "Marcus Illingworth", "benefits",
  "Re: sanction",
  """
Sanctioned for missing one appointment I was never told about. Fine. I'll do you
in, and I'll snap your scrawny neck while I'm at it.
""")

M("threat_direct", "wipe-smirk-with-fist-cunt", "threat,profanity",
  "To a councillor: 'wipe that smirk off your face with my fist, you smug cunt'.",
  "Neil Brookes", "tolley",
  "Your surgery on Saturday",
  """
I'll be at your surgery on Saturday. You smirked at me all the way through the
last area committee. I'll wipe that smirk off your face with my fist, you smug
cunt.
""")

# ---------------------------------------------------------------------------
# threat_third_party (16): threats to named officers, councillors, roles,
# groups, "the next person who ..."
# ---------------------------------------------------------------------------

M("threat_third_party", "tell-gary-hell-get-a-slap", "threat",
  "'Tell Gary Whitcombe he'll get a slap' - named officer, future passive-ish form.",
  "Shane Lockwood", "planning",
  "Gary Whitcombe - enforcement",
  """
Tell Gary Whitcombe he'll get a slap next time I see him on my street.
""")

M("threat_third_party", "cllr-needs-a-good-hiding", "threat",
  "'Cllr Fenwick needs a good hiding and I'm the man to give it to him'.",
  "Ronald Batty", "democratic",
  "Cllr Fenwick",
  """
Cllr Fenwick needs a good hiding and I'm the man to give it to him. He knows
what he did with the Hollins Lane vote.
""")

M("threat_third_party", "if-bin-men-knock-them-out", "threat",
  "Conditional: 'If the bin men leave my bin in the road ... I'll knock the lot of them out'.",
  "Gail Hirst", "waste",
  "bin crew - Beech Grove",
  """
If the bin men leave my bin in the middle of the road one more time I'll knock
the lot of them out. They did it again on Tuesday and my neighbour's car hit
it.
""")

M("threat_third_party", "housing-officer-regrets-physically", "threat",
  "'Your housing officer ... I'll make sure she regrets it physically'.",
  "Nathan Eccles", "housing",
  "re: rent arrears letter",
  """
Your housing officer, the blonde one, told my landlord about my arrears. That's
a data breach for a start. I'll make sure she regrets it physically.
""")

M("threat_third_party", "whoever-signed-this-head-kicked-in", "threat",
  "Passive: 'Whoever signed this off is getting their head kicked in' over a day centre closure.",
  "Janet Horsfall", "adult",
  "Closure of Greenfields Day Centre",
  """
My brother has gone to Greenfields for 22 years. He has Down's syndrome and he
doesn't understand why it's shut or why he can't see his friends. He cried all
weekend. Whoever signed this off is getting their head kicked in, I promise you
that.
""")

M("threat_third_party", "you-lot-own-two-hands", "threat",
  "Group threat: 'You lot have had it. I'm coming for every one of you in that office'.",
  "Gary Thornber", "benefits",
  "You lot",
  """
You lot have had it. I'm coming for every one of you in that office with my own
two hands.
""")

M("threat_third_party", "whole-planning-department-kicking", "threat",
  "'The whole planning department wants ... a good kicking, and ... I'll start it myself'.",
  "Bernard Ogden", "planning",
  "Planning department",
  """
The whole planning department wants lining up against a wall and giving a good
kicking, and if I see any of them in town I'll start it myself.
""")

M("threat_third_party", "next-person-who-knocks-punched", "threat",
  "'The next person from the council who knocks on my door ... gets punched in the face'.",
  "Carl Womersley", "asb",
  "Do not send anyone else",
  """
The next person from the council who knocks on my door about the garden gets
punched in the face. That's not a threat, it's a promise.
""")

M("threat_third_party", "someone-is-going-to-get-hurt", "threat",
  "Conditional 'someone is going to get hurt, and it won't be me. I'll make sure of that.'",
  "Dominic Brayshaw", "planning",
  "Enforcement officer on my drive",
  """
If that enforcement officer steps onto my drive again without permission
someone is going to get hurt, and it won't be me. I'll make sure of that.
""")

M("threat_third_party", "warden-will-be-dealt-with", "threat",
  "Passive: 'will be dealt with. He'll be battered' about a warden who ticketed a mother.",
  "Paula Greenwood", "parking",
  "Warden at the General Hospital",
  """
That warden who ticketed my mum outside the hospital while she was having
chemo will be dealt with. He'll be battered, tell him that.
""", enc="b64")

M("threat_third_party", "cy-warden-geith-o-gweir", "threat",
  "Welsh: tell the warden 'y geith o gweir gen i' (he'll get a thrashing from me).",
  "Gethin Lloyd", "parcio",
  "Y warden parcio efo'r barf goch",
  """
Dywed wrth y warden parcio efo'r barf goch y geith o gweir gen i os ydi o'n
rhoi tocyn arall i mi. Mi fydd o'n difaru.
""", welsh=True)

M("threat_third_party", "both-through-plate-glass", "threat",
  "After a stage 2 complaint: 'I'll put both of them through a plate glass window'.",
  "Vincent Sharples", "complaints",
  "Complaint stage 2 - ref CMP-2026-0233",
  """
I've had your stage 2 response from Ms Tranter and the letter from her manager.
Both of them wrong, both of them lying, and both of them know it. I've sent you
41 pages of evidence and not one page has been looked at properly. I'll put
both of them through a plate glass window.
""")

M("threat_third_party", "bailiffs-leave-in-ambulance", "threat",
  "'if they turn up at my door they'll be leaving in an ambulance' about enforcement agents.",
  "Jason Pratt", "ctax",
  "Enforcement agents",
  """
The bailiffs you've sent letters about - if they turn up at my door they'll be
leaving in an ambulance. Pass it on.
""")

M("threat_third_party", "if-social-worker-takes-kids", "threat",
  "Conditional 'If that social worker, Ms Bright, takes my kids I'll hurt her. Badly.'",
  "Chantelle Moorhouse", "children",
  "Child protection conference Thursday",
  """
If that social worker, Ms Bright, takes my kids I'll hurt her. Badly. I've got
nothing else.
""")

M("threat_third_party", "fat-prick-cllr-punch-lights-out", "threat,profanity",
  "'That fat prick Councillor Tolley ... I'll fucking punch his lights out'.",
  "Warren Cudworth", "complaints",
  "Cllr Tolley",
  """
That fat prick Councillor Tolley called me a "serial complainer" in a public
meeting, in front of my neighbours. I'll fucking punch his lights out when I see
him at the market.
""")

M("threat_third_party", "brothers-will-sort-attendant", "threat",
  "Violence on the writer's behalf: 'My brothers ... He'll be picking his teeth up off Fore Street'.",
  "Ricky Doherty", "parking",
  "parking attendant, Fore Street",
  """
My brothers know which one of your parking attendants keeps ticketing my van.
They'll be having a word with him, and not the talking kind. He'll be picking
his teeth up off Fore Street.
""")

# ---------------------------------------------------------------------------
# threat_weapon (16): threats naming a weapon, method or injury
# ---------------------------------------------------------------------------

M("threat_weapon", "knife-with-your-name", "threat",
  "'I've got a knife with your name on it' to a named allocations officer.",
  "Clint Arundel", "housing",
  "Housing allocation decision",
  """
I've got a knife with your name on it, Mr Halliday. Keep that decision and see.
""")

M("threat_weapon", "shank-u-outside-jobcentre", "threat",
  "Slang: 'ill shank u outside the jobcentre' over stopped benefits.",
  "Tyler Musgrave", "benefits",
  "money stopped",
  """
swear down if u stop my money again ill shank u outside the jobcentre. on my life
""")

M("threat_weapon", "hammer-to-his-head", "threat",
  "'I'll take a hammer to his head' about a repairs contractor.",
  "Jacqueline Senior", "repairs",
  "Boarded window - 3 weeks",
  """
My front room window has been boarded up for three weeks since the break-in.
It's dark all day and I'm 76. If your contractor leaves it boarded one more week
I'll take a hammer to his head.
""")

M("threat_weapon", "baseball-bat-pest-control", "threat",
  "'I'll meet him with a baseball bat' about a pest control officer.",
  "Lee Sagar", "envhealth",
  "Pest control - rats still here",
  """
Paid £95 for pest control and the rats are still in my kitchen. Send that
useless bloke back and I'll meet him at the door with a baseball bat.
""")

M("threat_weapon", "acid-in-your-face", "threat",
  "'Acid in your face, that's what's coming' after a complaint was closed.",
  "Kieran Mallinson", "complaints",
  "Re: Your complaint has been closed",
  """
Closed my complaint? Acid in your face, that's what's coming. See how you like
being closed.
""")

M("threat_weapon", "petrol-light-him-up", "threat",
  "'I'll pour petrol over the next bailiff you send and light him up'.",
  "Frank Cowgill", "ctax",
  "Council tax summons",
  """
I'll pour petrol over the next bailiff you send and light him up like bonfire
night.
""")

M("threat_weapon", "glass-the-licensing-officer", "threat",
  "'I'll glass him, and then you' about a licensing officer who shut a pub.",
  "Terry Hepworth", "licensing",
  "Licence review - The Red Lion",
  """
You've shut my local after 140 years over one fight. If I ever see the licensing
officer in a pub I'll glass him, and then you.
""")

M("threat_weapon", "break-your-legs-school-bus", "threat",
  "'I'll break your legs so you know what it's like' over a cancelled school bus.",
  "Samantha Northrop", "transport",
  "School bus route 47 cancelled",
  """
Whoever cancelled my son's school bus, I'll break your legs so you know what
it's like not being able to get anywhere.
""")

M("threat_weapon", "put-you-in-hospital", "threat",
  "'I'll put you in hospital' after an intentionally homeless decision.",
  "Connor Ridsdale", "homeless",
  "Homelessness decision",
  """
Rejected as "intentionally homeless" when my landlord sold the house. Do that
to me one more time and I'll put you in hospital.
""")

M("threat_weapon", "shoot-the-committee", "threat",
  "'I'll shoot the lot of them. I've got a licence' about a planning committee.",
  "Arthur Dinsdale", "democratic",
  "Planning committee - Moor End wind farm",
  """
If that committee passes the wind farm on Moor End, I'll shoot the lot of them.
I've got a licence and I know how to use it.
""")

M("threat_weapon", "run-warden-over-car-park", "threat",
  "'I'll run one of them over and say I didn't see him' about parking wardens.",
  "Jennifer Tattersall", "parking",
  "Parking permit - Bank Street car park",
  """
I know your little parking wardens walk through the Bank Street car park at 8
every morning. I'll run one of them over and say I didn't see him.
""")

M("threat_weapon", "strangle-next-surveyor", "threat",
  "'I'll strangle the next surveyor who tells me it's lifestyle condensation'; after a repair saga.",
  "Mandy Kilburn", "repairs",
  "Mould - 'lifestyle' again",
  """
Three surveyors in two years. Each one says the same thing: open a window, put
the heating on, don't dry clothes inside. I do all of that. The wall is wet
because the gutter has been hanging off since 2024. I swear I'll strangle the
next surveyor who tells me it's "lifestyle condensation".
""", enc="wrap")

M("threat_weapon", "ni-kneecaps-road-closure", "threat",
  "Northern Irish kneecapping threat over a road closure, 'I'll see to it personally'.",
  "Seamus Corrigan", "highways",
  "Road closure - Lisnabreen Road",
  """
You've closed the road to my business for six weeks with no consultation. Boys
round here know how to deal with people like you. You'll get your kneecaps
done, and I'll see to it personally.
""")

M("threat_weapon", "security-guard-ae", "threat",
  "'The security guard ... is going to end up in A&E, I promise' after a library ban.",
  "Ellis Broadhead", "libraries",
  "Library ban",
  """
You banned me from the library for a month. The security guard who grabbed my
arm is going to end up in A&E, I promise.
""")

M("threat_weapon", "cy-cyllell-dy-drywanu-di", "threat",
  "Welsh: knife in the drawer, 'mi wna i dy drywanu di' (I'll stab you).",
  "Owain Thomas", "tai",
  "Penderfyniad tai",
  """
Mae gen i gyllell yn y drôr. Mi wna i dy drywanu di os nad wyt ti'n newid y
penderfyniad erbyn dydd Gwener.
""", welsh=True)

M("threat_weapon", "cy-bat-pel-fas-bricsen", "threat",
  "Welsh: break your legs with a baseball bat, throw a brick at your head (bin crew).",
  "Sioned Puw", "gwastraff",
  "Y dyn ailgylchu",
  """
Mi dorra i dy goesau di efo bat pêl-fas os ti'n gadael fy mocs ailgylchu yng
nghanol y ffordd eto. A mi dafla i fricsen at dy ben di.
""", enc="qp", welsh=True)

# ---------------------------------------------------------------------------
# threat_implied (16): veiled threats
# ---------------------------------------------------------------------------

M("threat_implied", "i-know-where-you-live", "threat_implied",
  "'I know where you live, Mr Daly' to a parking appeals officer.",
  "Ross Whittaker", "parking",
  "Re: Your parking appeal",
  """
I know where you live, Mr Daly. Think about that before you reject my appeal
again.
""")

M("threat_implied", "know-which-school-your-kids", "threat_implied",
  "'I know which school YOUR kids go to. St Bede's ... Red jumpers.'",
  "Lynne Cartwright", "schools",
  "Admissions decision",
  """
Funny, isn't it. You decide where my kids go to school, but I know which school
YOUR kids go to. St Bede's, isn't it. Red jumpers.
""")

M("threat_implied", "seen-your-car-blue-corsa", "threat_implied",
  "'I've seen your car in the staff car park ... I'd hate for anything to happen to it.'",
  "Karl Brennan", "ctax",
  "Blue Corsa",
  """
I've seen your car in the staff car park. Blue Corsa, dent in the back door.
Lovely. I'd hate for anything to happen to it.
""")

M("threat_implied", "waiting-outside-civic-centre-5", "threat_implied",
  "'I'll be waiting outside the civic centre at 5 when you finish'.",
  "Mick Haslam", "housing",
  "See you at 5",
  """
Since you won't take my calls I'll be waiting outside the civic centre at 5 when
you finish. We'll talk then, properly.
""")

M("threat_implied", "watch-your-back", "threat_implied",
  "'Watch your back' after a housing decision.",
  "Aaron Firth", "homeless",
  "Housing decision",
  """
You made the wrong choice. Watch your back.
""")

M("threat_implied", "youll-find-out-what-happens", "threat_implied",
  "'you'll find out what happens. Ask the last bloke who tried.'",
  "Glen Priestley", "planning",
  "Re: Enforcement notice - 14 Brook Street",
  """
Put that notice on my property and you'll find out what happens. Ask the last
bloke who tried.
""")

M("threat_implied", "accidents-happen-scaffolding", "threat_implied",
  "'Accidents happen on building sites ... to inspectors who stand under scaffolding.'",
  "Duncan Lister", "bc",
  "Scaffolding licence - 30 Queen's Parade",
  """
I've applied for the scaffolding licence three times and been knocked back on
paperwork every time. Accidents happen on building sites, don't they. Especially
to inspectors who stand under scaffolding. Just saying. Approve my licence.
""")

M("threat_implied", "shame-if-something-happened-office", "threat_implied",
  "'It would be a shame if something happened to that nice new office of yours, or to the people in it.'",
  "Beverley Naylor", "children",
  "Children's centre closure",
  """
You're closing the only children's centre on this side of town and moving into
a shiny new office. It would be a shame if something happened to that nice new
office of yours, or to the people in it. Think on.
""")

M("threat_implied", "i-know-people", "threat_implied",
  "'I know people. People who don't care about your policies.'",
  "Reece Hollins", "housing",
  "Tenancy",
  """
I know people. People who don't care about your policies or your procedures.
You might want to rethink this.
""")

M("threat_implied", "cy-gwybod-lle-ti-byw", "threat_implied",
  "Welsh: 'Dwi'n gwybod lle ti'n byw, Mrs Jenkins' with a description of her house.",
  "Meirion Evans", "budd",
  "Apêl budd-dal tai",
  """
Dwi'n gwybod lle ti'n byw, Mrs Jenkins. Tŷ gwyn ar ben yr allt, wrth ymyl y
capel. Meddylia am hynny cyn gwrthod fy apêl.
""", welsh=True)

M("threat_implied", "cy-gwylia-dy-gefn", "threat_implied",
  "Welsh: 'Gwylia dy gefn' (watch your back) and 'mae damweiniau'n digwydd' (accidents happen).",
  "Bryn Hopcyn", "gwastraff",
  "Y biniau",
  """
Gwylia dy gefn. Mae damweiniau'n digwydd, yn enwedig i ddynion sbwriel sy'n
gadael biniau ar ganol y ffordd.
""", welsh=True)

M("threat_implied", "gym-stalking-nice-arse", "threat_implied,sexual,harassment",
  "Stalking a named officer at her gym with a sexual remark and 'I know your schedule ... See you Thursday'.",
  "Lewis Gaunt", "Jess Whitehead <jess.whitehead@council.example>",
  "Your new haircut",
  """
Saw you at the gym on Tuesday night, Jess. Nice arse in those leggings. I know
your schedule better than you do now. See you Thursday.
""")

M("threat_implied", "followed-you-home", "threat_implied,harassment",
  "'I followed you home yesterday' plus a declared daily-email campaign.",
  "Simon Crossley", "housing",
  "I followed you home",
  """
I followed you home yesterday after your shift. Nice street. I'll be writing to
you every day until you sort my rent account, and you'll be seeing me around.
""")

M("threat_implied", "posted-your-address-facebook", "harassment,threat_implied",
  "Posted an officer's home address and photo online; 'Let's see how you sleep tonight'.",
  "Tanya Hurst", "highways",
  "Everyone knows now",
  """
I've posted your home address and your photo on the Bramley Community Facebook
group so people know exactly who's refusing to fix our road. Let's see how you
sleep tonight.
""")

M("threat_implied", "not-so-cocky-when-dark", "threat_implied",
  "'You won't be so cocky walking to your car when it's dark. You'll get yours.'",
  "Jamie Stead", "contact",
  "Re: final warning letter",
  """
Got your "final warning" letter about my emails. You won't be so cocky walking
to your car when it's dark. You'll get yours.
""")

M("threat_implied", "holly-close-you-fucker", "threat_implied,profanity",
  "'Nice house on Holly Close, you fucker. Shame if something happened to it'.",
  "Russell Keighley", "benefits",
  "Holly Close",
  """
Nice house on Holly Close, you fucker. Shame if something happened to it while
you're at work turning down people like me.
""", enc="alt")

# ---------------------------------------------------------------------------
# threat_property (14): threats against buildings, vehicles and property
# ---------------------------------------------------------------------------

M("threat_property", "brick-through-civic-centre", "threat",
  "'I'll put a brick through every window of the civic centre'.",
  "Donna Ratcliffe", "ctax",
  "Council tax summons",
  """
Cancel my council tax summons or I'll put a brick through every window of the
civic centre. Ground floor first.
""")

M("threat_property", "torch-the-bin-lorry", "threat",
  "'Leave it there overnight again and I'll torch it' about a bin lorry.",
  "Gareth Pollitt", "waste",
  "bin lorry on my verge",
  """
Your bin lorry has ripped up my verge for the last time. Leave it parked there
overnight again and I'll torch it.
""")

M("threat_property", "smash-up-eastfield-library", "threat",
  "'I'll smash the place up before you get the chance to sell it' about a library.",
  "Yvonne Calvert", "libraries",
  "Eastfield library closure",
  """
I have used Eastfield library for forty years and I read every page of your
so-called consultation. If you close it I'll smash the place up before you get
the chance to sell it.
""")

M("threat_property", "burn-housing-office-down", "threat",
  "'I'll burn your housing office down' after months in a B&B.",
  "Kelly Naismith", "homeless",
  "Still in the B&B",
  """
Four months in a B&B with two kids in one room and a kettle. Keep me here
another month and I'll burn your housing office down. I'm not joking.
""")

M("threat_property", "slash-tyres-council-vans", "threat",
  "'Every council van ... is going to get its tyres slashed. Starting tonight.'",
  "Martin Ibbotson", "highways",
  "council vans on Elm Road",
  """
Every council van that parks on my street blocking my drive is going to get its
tyres slashed. Starting tonight.
""")

M("threat_property", "wreck-the-depot", "threat",
  "'I'll wreck the place, gates, lorries, the lot' about a depot's early noise.",
  "Stewart Pearson", "envhealth",
  "Canal Road depot - 5am reversing alarms",
  """
The depot on Canal Road starts reversing lorries at 5am every day, beeping for
an hour. I have complained to environmental health six times. If it carries on
I'll wreck the place, gates, lorries, the lot.
""", enc="html-qp")

M("threat_property", "silver-golf-keyed-windscreen", "threat",
  "'Your silver Golf will be keyed and the windscreen put through tonight.'",
  "Lyndon Pogson", "parking",
  "Your car",
  """
The staff car park has no cameras. Your silver Golf will be keyed and the
windscreen put through tonight. Nothing personal.
""")

M("threat_property", "warden-berlingo-smashed-up", "threat",
  "'it's getting smashed up' about a warden's council van.",
  "Heather Crabb", "parking",
  "traffic warden van",
  """
That warden drives a little white council Berlingo. Next time it's parked on
Church Street it's getting smashed up.
""")

M("threat_property", "cy-bricsen-drwy-ffenest", "threat",
  "Welsh: 'mi dafla i fricsen drwy bob ffenest yn swyddfa'r cyngor' over a school closure.",
  "Llinos Rees", "addysg",
  "Cau Ysgol Bro Tawe",
  """
Os ydach chi'n cau'r ysgol, mi dafla i fricsen drwy bob ffenest yn swyddfa'r
cyngor. Pob un.
""", welsh=True)

M("threat_property", "set-fire-leisure-centre", "threat",
  "'Sooner or later someone sets fire to that leisure centre, and it'll be me.'",
  "Clare Haigh", "leisure",
  "Swimming prices",
  """
You've put the swim prices up again, third time in two years. Sooner or later
someone sets fire to that leisure centre, and it'll be me.
""")

M("threat_property", "put-windows-in-one-stop-shop", "threat",
  "Idiom 'put the windows in' (smash them) at the One Stop Shop.",
  "Danny Ackworth", "contact",
  "One Stop Shop Monday",
  """
I'll put the windows in at the One Stop Shop if I get turned away again on
Monday.
""")

M("threat_property", "cctv-camera-coming-down-van", "threat",
  "'The CCTV camera ... is coming down tonight, and the van that comes to fix it will get the same.'",
  "Paul Varley", "asb",
  "CCTV camera on lamp post",
  """
The CCTV camera you've put on the lamp post outside my house is coming down
tonight, and the van that comes to fix it will get the same.
""")

M("threat_property", "truck-through-town-hall", "threat",
  "'I'll drive my truck through the front of the town hall.'",
  "Norman Beverley", "licensing",
  "Scrap metal licence",
  """
Refuse my scrap metal licence and I'll drive my truck through the front of the
town hall. It's a big truck.
""", enc="b64")

M("threat_property", "cllr-house-bricked-petrol-bombed", "threat,profanity",
  "A councillor's house 'will get bricked' and 'her fucking surgery office petrol bombed'.",
  "Dale Hemingway", "democratic",
  "Cllr Haddad",
  """
Councillor Haddad's house will get bricked and her fucking surgery office petrol
bombed. Let her know.
""")

# ---------------------------------------------------------------------------
# threat_wish (14): wishes and "deserves" forms
# ---------------------------------------------------------------------------

M("threat_wish", "deserve-a-good-kicking", "threat",
  "'You deserve a good kicking, the whole waste department does.'",
  "Graham Hanson", "waste",
  "brown bin not emptied",
  """
Brown bin not emptied for the third fortnight running. You deserve a good
kicking, the whole waste department does.
""")

M("threat_wish", "hope-you-get-cancer", "threat",
  "'I hope you get cancer. Slowly.' after a refused council tax reduction.",
  "Louise Tyas", "ctax",
  "Re: Council tax reduction refused",
  """
I hope you get cancer. Slowly.
""")

M("threat_wish", "someone-should-stab-him", "threat",
  "'Someone should stab that housing manager and do everyone a favour.'",
  "Victor Lumb", "housing",
  "the housing manager",
  """
Someone should stab him. Honestly. Someone should stab that housing manager and
do everyone a favour.
""")

M("threat_wish", "house-burns-down-with-you-in-it", "threat",
  "'I hope your house burns down with you in it' after a stairlift refusal (long legitimate first part).",
  "Dorothy Clegg", "adult",
  "Refused home adaptations - 17 Fern Bank",
  """
My husband had a stroke in January. He can no longer manage the stairs and is
sleeping in a chair in the front room. The occupational therapist recommended
a stairlift in writing. Your panel refused it because we have "a downstairs
toilet", which is an outside toilet in the yard. We have lived in this borough
for 52 years. I hope your house burns down with you in it.
""")

M("threat_wish", "wish-someone-would-run-you-over", "threat",
  "'I wish someone would run you over' about 20mph zones.",
  "Kenneth Marsden", "highways",
  "20mph zones",
  """
I wish someone would run you over, see how much you love your 20mph zones then.
""")

M("threat_wish", "people-like-you-should-be-shot", "threat",
  "'People like you should be shot. Lined up and shot.'",
  "Irene Holdsworth", "chiefexec",
  "The state of the town centre",
  """
People like you should be shot. Lined up and shot. You've ruined this town.
""", enc="html")

M("threat_wish", "hope-you-die", "threat",
  "Lower-case 'hope you die. genuinely.' to everyone in the office.",
  "Callum Ormondroyd", "benefits",
  "hope you die",
  """
hope you die. genuinely. you and everyone in that office
""")

M("threat_wish", "cy-gobeithio-gei-di-ganser", "threat,profanity",
  "Welsh: 'Gobeithio gei di ganser, y bastad' (hope you get cancer, you bastard).",
  "Tudur Vaughan", "budd",
  "Budd-dal wedi'i atal",
  """
Gobeithio gei di ganser, y bastad.
""", welsh=True)

M("threat_wish", "cy-haeddu-cweir", "threat",
  "Welsh: 'Ti'n haeddu cweir go iawn' (you deserve a real beating), to the bin crew.",
  "Elin Morris", "gwastraff",
  "Casglu sbwriel - Ffordd yr Orsaf",
  """
Dim casgliad ers pythefnos ac mae'r llygod mawr wedi cyrraedd. Ti'n haeddu
cweir go iawn, ti a phob un o'r criw sbwriel diog 'na.
""", enc="b64", welsh=True)

M("threat_wish", "hope-you-die-in-a-fire-cunt", "threat,profanity",
  "One line: 'Hope you die in a fire, you cunt.'",
  "Bradley Cawood", "complaints",
  "Re: Re: complaint",
  """
Hope you die in a fire, you cunt.
""")

M("threat_wish", "string-the-lot-of-you-up", "threat",
  "'Someone ought to string the lot of you up from the town hall balcony.'",
  "Harold Speight", "democratic",
  "Council leadership",
  """
Someone ought to string the lot of you up from the town hall balcony.
""")

M("threat_wish", "hope-your-kids-hit-by-bus", "threat",
  "'I hope your kids get hit by a bus on the way to theirs' about a school closure.",
  "Natasha Brook", "schools",
  "Closure of Lowfield Primary",
  """
You're closing my kids' school. I hope your kids get hit by a bus on the way to
theirs.
""")

M("threat_wish", "die-slowly-kill-yourself", "threat,harassment",
  "'I hope you die slowly' plus 'do the world a favour and kill yourself'.",
  "Melanie Scaife", "envhealth",
  "do the world a favour",
  """
I hope you die slowly. Better still, do the world a favour and kill yourself.
""")

M("threat_wish", "chief-exec-deserves-a-bullet", "threat",
  "'The chief executive deserves a bullet' for what she has done.",
  "Geoffrey Tinker", "chiefexec",
  "Chief Executive",
  """
The chief executive deserves a bullet for what she's done to this borough.
""")

# ---------------------------------------------------------------------------
# Building the messages
# ---------------------------------------------------------------------------

HEADER_ORDER = [
    "X-Devset-Expect", "X-Devset-Note", "X-Testset-Class", "From", "To",
    "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding",
]
ENCODINGS = {"plain", "wrap", "qp", "b64", "html", "html-qp", "alt", "alt-qp",
             "alt-b64"}
SPECIALS = set('()<>[]:;@\\,."')


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum() or c == " ")).lower()


def local_part(name, i):
    parts = ascii_fold(name).split()
    first, last = parts[0], parts[-1]
    k = i % 6
    if k == 0:
        return f"{first}.{last}"
    if k == 1:
        return f"{first[0]}{last}"
    if k == 2:
        return f"{first}{last}{10 + (i * 7) % 89}"
    if k == 3:
        return f"{first}_{last}"
    if k == 4:
        return f"{last}{first[0]}"
    return f"{first}{1950 + (i * 13) % 55}"


def b_words(s, maxbytes=45):
    """RFC 2047 'B' encoded words, each holding at most maxbytes of UTF-8."""
    words, chunk = [], b""
    for ch in s:
        enc = ch.encode("utf-8")
        if chunk and len(chunk) + len(enc) > maxbytes:
            words.append(chunk)
            chunk = b""
        chunk += enc
    if chunk:
        words.append(chunk)
    return ["=?utf-8?b?" + base64.b64encode(w).decode("ascii") + "?=" for w in words]


Q_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*+-/")


def q_words(s, maxlen=60):
    """RFC 2047 'Q' encoded words of at most maxlen encoded characters."""
    words, cur = [], ""
    for ch in s:
        if ch == " ":
            enc = "_"
        elif ch in Q_SAFE:
            enc = ch
        else:
            enc = "".join(f"={b:02X}" for b in ch.encode("utf-8"))
        if cur and len(cur) + len(enc) > maxlen:
            words.append(cur)
            cur = ""
        cur += enc
    if cur:
        words.append(cur)
    return ["=?utf-8?q?" + w + "?=" for w in words]


def fold(name, value_words, sep=" "):
    """Fold a header at the given word boundaries to lines of <= 78 chars."""
    lines = [name + ": " + value_words[0]]
    for w in value_words[1:]:
        if len(lines[-1]) + len(sep) + len(w) <= 78:
            lines[-1] += sep + w
        else:
            lines.append(" " + w)
    return lines


def subject_lines(subject, mode):
    if mode is None and subject.isascii():
        return fold("Subject", subject.split(" "))
    words = q_words(subject) if mode == "q" else b_words(subject)
    return fold("Subject", words)


def display(name, addr):
    if not name.isascii():
        return b_words(name)[0] + f" <{addr}>"
    if any(c in SPECIALS for c in name):
        return f'"{name}" <{addr}>'
    return f"{name} <{addr}>"


def to_html(text):
    paras = []
    for para in text.split("\n\n"):
        lines = [html.escape(line, quote=False) for line in para.split("\n")]
        # Prose paragraphs were hard-wrapped in the source: an HTML mailer
        # would send them as one flowing paragraph.  Short lines (addresses,
        # sign-offs) keep their breaks.
        if max(len(line) for line in lines) > 50:
            paras.append("<p>" + " ".join(lines) + "</p>")
        else:
            paras.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "<html><body>\n" + "\n".join(paras) + "\n</body></html>"


def rewrap(text, width=72):
    out = []
    for para in text.split("\n\n"):
        joined = " ".join(para.split("\n"))
        out.append(textwrap.fill(joined, width=width, break_long_words=False,
                                 break_on_hyphens=False))
    return "\n\n".join(out)


def crlf(b):
    return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def encode_text(text, cte):
    """Return (cte header value, encoded body bytes with CRLF)."""
    raw = text.encode("utf-8")
    if cte == "qp":
        body = quopri.encodestring(raw + b"\n")
        return "quoted-printable", crlf(body)
    if cte == "b64":
        return "base64", crlf(base64.encodebytes(raw + b"\n"))
    return ("7bit" if raw.isascii() else "8bit"), crlf(raw + b"\n")


def when(i):
    day = dt.date(2026, 1, 5) + dt.timedelta(days=(i * 37) % 330)
    bst = dt.date(2026, 3, 29) <= day < dt.date(2026, 10, 25)
    tz = dt.timezone(dt.timedelta(hours=1 if bst else 0))
    return dt.datetime(day.year, day.month, day.day, 6 + (i * 7) % 16,
                       (i * 23) % 60, (i * 41) % 60, tzinfo=tz)


def parts_for(m):
    """List of (content-type, text, cte) the message carries, plus the body
    text the sender wrote in plain and HTML form (for the checks)."""
    enc = m["enc"]
    text = rewrap(m["body"]) if enc == "wrap" else m["body"]
    htm = m["html"] if m["html"] is not None else to_html(text)
    if enc in ("plain", "wrap"):
        return [("text/plain", text, "8")]
    if enc == "qp":
        return [("text/plain", text, "qp")]
    if enc == "b64":
        return [("text/plain", text, "b64")]
    if enc == "html":
        return [("text/html", htm, "8")]
    if enc == "html-qp":
        return [("text/html", htm, "qp")]
    cte = {"alt": "8", "alt-qp": "qp", "alt-b64": "b64"}[enc]
    return [("text/plain", text, cte), ("text/html", htm, cte)]


def build(i, m):
    n = i + 1
    name = m["frm"]
    domain = DOMAINS[(i * 5) % len(DOMAINS)]
    frm = display(name, f"{local_part(name, i)}@{domain}")
    to = TO.get(m["to"], m["to"])
    date = when(i)
    mid = "<{}.{}@{}>".format(
        date.strftime("%Y%m%d%H%M%S"),
        hashlib.sha1(m["slug"].encode()).hexdigest()[:12], "mail." + domain)
    lines = [
        "X-Devset-Expect: " + m["expect"],
        "X-Devset-Note: " + m["note"],
        "X-Testset-Class: " + m["cls"],
        "From: " + frm,
        "To: " + to,
    ]
    lines += subject_lines(m["subject"], m["subj_enc"])
    lines += ["Date: " + email.utils.format_datetime(date),
              "Message-ID: " + mid,
              "MIME-Version: 1.0"]
    parts = parts_for(m)
    if len(parts) == 1:
        ctype, text, cte = parts[0]
        cte_name, body = encode_text(text, cte)
        lines += [f'Content-Type: {ctype}; charset="utf-8"',
                  "Content-Transfer-Encoding: " + cte_name]
        head = "\r\n".join(lines).encode("ascii") + b"\r\n\r\n"
        return head + body
    boundary = f"=_devset2a_{n:03d}_alt"
    chunks, eight = [], False
    for ctype, text, cte in parts:
        cte_name, body = encode_text(text, cte)
        eight = eight or cte_name == "8bit"
        chunks.append((f"--{boundary}\r\n"
                       f'Content-Type: {ctype}; charset="utf-8"\r\n'
                       f"Content-Transfer-Encoding: {cte_name}\r\n\r\n"
                       ).encode("ascii") + body)
    lines += [f'Content-Type: multipart/alternative; boundary="{boundary}"',
              "Content-Transfer-Encoding: " + ("8bit" if eight else "7bit")]
    head = "\r\n".join(lines).encode("ascii") + b"\r\n\r\n"
    return (head + b"This is a multi-part message in MIME format.\r\n\r\n"
            + b"".join(chunks) + f"--{boundary}--\r\n".encode("ascii"))


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

def norm(s):
    return s.replace("\r\n", "\n").rstrip("\n")


def check(i, m, data):
    errs = []
    where = f"{i + 1:03d}-{m['slug']}"
    # line ends and lengths
    if re.search(rb"(?<!\r)\n", data) or re.search(rb"\r(?!\n)", data):
        errs.append("bare CR or LF")
    head_raw, _, _ = data.partition(b"\r\n\r\n")
    for line in data.split(b"\r\n"):
        if len(line) > 998:
            errs.append("line over 998 octets")
    in_head = True
    for line in data.split(b"\r\n"):
        if line == b"":
            in_head = False
        if line.startswith(b"--=_devset2a_"):
            in_head = True
            continue
        if in_head:
            limit = 200 if line.startswith(b"X-Devset-Note:") else 78
            if len(line) > limit:
                errs.append(f"header line over {limit}: {line[:40]!r}")
    try:
        head_raw.decode("ascii")
    except UnicodeDecodeError:
        errs.append("non-ASCII header")
    # parse
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        if part.defects:
            errs.append(f"defects: {part.defects}")
        for k, v in part.items():
            if getattr(v, "defects", None):
                errs.append(f"header defects in {k}: {v.defects}")
    names = [k for k, _ in msg.items()]
    if names[:len(HEADER_ORDER)] != HEADER_ORDER:
        errs.append(f"header order {names}")
    for h in HEADER_ORDER:
        if names.count(h) != 1:
            errs.append(f"{h} appears {names.count(h)} times")
    labels = msg["X-Devset-Expect"].split(",")
    if not labels or any(l not in CATEGORIES for l in labels) or len(set(labels)) != len(labels):
        errs.append(f"bad labels {labels}")
    if msg["X-Testset-Class"] != m["cls"] or m["cls"] not in dict(CLASSES):
        errs.append("bad class")
    if not m["note"].isascii() or "\n" in m["note"]:
        errs.append("note must be one ASCII line")
    addr_to = msg["To"].addresses
    if len(addr_to) != 1 or addr_to[0].domain != "council.example":
        errs.append("To not at council.example")
    addr_from = msg["From"].addresses
    if len(addr_from) != 1 or not addr_from[0].domain.endswith(".example"):
        errs.append("From not at .example")
    if not msg["Message-ID"].strip().endswith(".example>"):
        errs.append("Message-ID domain")
    if msg["Date"].datetime.year != 2026:
        errs.append("Date not 2026")
    if str(msg["Subject"]) != m["subject"]:
        errs.append(f"Subject decodes to {str(msg['Subject'])!r}")
    want = {ct: norm(t) for ct, t, _ in parts_for(m)}
    got = {}
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            got[part.get_content_type()] = norm(part.get_content())
    if got != want:
        errs.append("body does not decode back to what was written")
    return [f"{where}: {e}" for e in errs], msg["Message-ID"]


def check_set():
    errs = []
    counts = {}
    for m in MESSAGES:
        counts[m["cls"]] = counts.get(m["cls"], 0) + 1
        if m["enc"] not in ENCODINGS:
            errs.append(f"{m['slug']}: unknown encoding {m['enc']}")
        if not m["note"].isascii() or "\n" in m["note"] or len(m["note"]) > 185:
            errs.append(f"{m['slug']}: note must be one short ASCII line")
        if not m["expect"].isascii() or not m["frm"].isascii():
            errs.append(f"{m['slug']}: non-ASCII label or sender name")
        if m["to"] not in TO and "@council.example>" not in m["to"]:
            errs.append(f"{m['slug']}: unknown recipient {m['to']}")
    if counts != dict(CLASSES):
        errs.append(f"class counts {counts} != {dict(CLASSES)}")
    order = [c for c, _ in CLASSES]
    if [m["cls"] for m in MESSAGES] != sorted((m["cls"] for m in MESSAGES), key=order.index):
        errs.append("messages not grouped by class in the documented order")
    slugs = [m["slug"] for m in MESSAGES]
    if len(set(slugs)) != len(slugs):
        errs.append("duplicate slugs")
    if any(not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs):
        errs.append("slug with characters other than a-z, 0-9 and '-'")
    welsh = sum(1 for m in MESSAGES if m["welsh"])
    if welsh < 15:
        errs.append(f"only {welsh} Welsh messages")
    return errs


def structure(m):
    enc = m["enc"]
    s = {"plain": "text/plain, 7bit/8bit", "wrap": "text/plain, 7bit/8bit",
         "qp": "text/plain, quoted-printable", "b64": "text/plain, base64",
         "html": "text/html only, 7bit/8bit",
         "html-qp": "text/html only, quoted-printable",
         "alt": "multipart/alternative, 7bit/8bit",
         "alt-qp": "multipart/alternative, quoted-printable",
         "alt-b64": "multipart/alternative, base64"}[enc]
    return s


def tables():
    print("| class | messages |\n|---|---:|")
    for c, n in CLASSES:
        print(f"| `{c}` | {n} |")
    print(f"| total | {len(MESSAGES)} |\n")
    print("| category | messages |\n|---|---:|")
    for c in CATEGORIES:
        n = sum(1 for m in MESSAGES if c in m["expect"].split(","))
        print(f"| `{c}` | {n} |")
    print()
    st = {}
    for m in MESSAGES:
        st[structure(m)] = st.get(structure(m), 0) + 1
    enc_subj = sum(1 for m in MESSAGES
                   if m["subj_enc"] or not m["subject"].isascii())
    st["RFC 2047 encoded Subject"] = enc_subj
    print("| structure | messages |\n|---|---:|")
    for k in sorted(st):
        print(f"| {k} | {st[k]} |")
    print()
    print("Welsh (wholly or partly):", sum(1 for m in MESSAGES if m["welsh"]))
    print("Welsh by class:", {c: sum(1 for m in MESSAGES if m["welsh"] and m["cls"] == c)
                              for c, _ in CLASSES})


def main():
    if "--tables" in sys.argv[1:]:
        tables()
        return 0
    errs = check_set()
    if errs:
        for e in errs:
            print("error:", e, file=sys.stderr)
        print(f"refusing to write: {len(errs)} problem(s)", file=sys.stderr)
        return 1
    built, mids = [], set()
    for i, m in enumerate(MESSAGES):
        data = build(i, m)
        e, mid = check(i, m, data)
        errs += e
        if mid in mids:
            errs.append(f"{i + 1:03d}: duplicate Message-ID {mid}")
        mids.add(mid)
        built.append((f"{i + 1:03d}-{m['slug']}.eml", data))
    if errs:
        for e in errs:
            print("error:", e, file=sys.stderr)
        print(f"refusing to write: {len(errs)} problem(s)", file=sys.stderr)
        return 1
    os.makedirs(OUT, exist_ok=True)
    for f in sorted(os.listdir(OUT)):
        if f.endswith(".eml"):
            os.remove(os.path.join(OUT, f))
    for fname, data in built:
        with open(os.path.join(OUT, fname), "wb") as fh:
            fh.write(data)
    print(f"wrote {len(built)} messages to {os.path.relpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
