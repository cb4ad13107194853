#!/usr/bin/env python3
"""Build the LEGITIMATE half of development set 2 for the contactgate flags.

Writes RFC 5322 messages into tests/flags/devset2/legitimate/ and
tests/flags/devset2/places/.  Every message is legitimate mail that must NOT
be flagged (X-Devset-Expect: none): forceful complaints, figurative violence,
innocent senses of words that can be slurs, and place names.

The text lives in this script; the script only wraps it in messages.  It is
deterministic (no clock, no randomness, no network) and uses the standard
library only.  It deletes and rewrites only *.eml files in those two folders,
and refuses to write anything if a check fails.

Written independently from a brief, without reading the lexicon, the detector
code, the frozen test set or the first development set's messages.

Regenerate:  python3 tests/flags/make_devset2_legitimate.py
"""

import base64
import datetime
import email
import email.header
import email.policy
import email.utils
import html as htmlmod
import os
import quopri
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "devset2")
FOLDERS = ("legitimate", "places")
CLASS_FOLDER = {
    "forceful": "legitimate",
    "figurative": "legitimate",
    "innocent_sense": "legitimate",
    "place": "places",
}
TARGET_COUNTS = {"forceful": 45, "figurative": 30, "innocent_sense": 45, "place": 30}

MESSAGES = []


def add(cls, slug, note, frm, to, subject, body, enc=None, html=None,
        welsh=False):
    """Register one message.

    enc: None (7bit if ASCII else 8bit), "qp", "b64", "html" (text/html only,
    8bit/7bit), "html-qp" (text/html quoted-printable), "alt"
    (multipart/alternative, text + html, quoted-printable parts).
    """
    def clean(text):
        return None if text is None else textwrap.dedent(text).strip("\n")
    MESSAGES.append(dict(cls=cls, slug=slug, note=note, frm=frm, to=to,
                         subject=subject, body=clean(body), enc=enc,
                         html=clean(html), welsh=welsh))


# ---------------------------------------------------------------------------
# forceful (45): angry, persistent, distressed complaints within the policy
# ---------------------------------------------------------------------------
F = "forceful"

add(F, "pothole-third-report-ombudsman",
    "Third report of a pothole; anger and a stated escalation to the Ombudsman are legitimate persistence.",
    "Graham Oakley <g.oakley@fernmail.example>", "highways@council.example",
    "Pothole on Larch Avenue - THIRD report, ref HW/55120",
    """
    Dear Highways,

    This is now the third time I have reported the pothole outside 27 Larch
    Avenue (your refs HW/53877, HW/54410 and now HW/55120). Each time I get an
    automated reply saying it has been "inspected and does not meet
    intervention criteria". It is nine inches across and deep enough to lose a
    wheel in. My neighbour's car needed a new tyre last week.

    I am furious. If this is not repaired within 14 days I will be making a
    formal complaint and, if necessary, taking it to the Local Government and
    Social Care Ombudsman. I will also be submitting a claim for my own
    damaged alloy, photos attached to my earlier report.

    Graham Oakley
    """)

add(F, "all-caps-missed-bins",
    "All-caps shouting about four missed collections; forceful tone, no abuse.",
    "PAT GREENHALGH <patg1951@quickpost.example>", "waste@council.example",
    "BIN NOT EMPTIED AGAIN!!!!",
    """
    WHY HAS MY GREY BIN NOT BEEN COLLECTED FOR THE FOURTH WEEK RUNNING???

    IT IS OUT ON THE KERB BY 6AM EVERY TUESDAY. THE LORRY DRIVES PAST IT. I
    HAVE RUNG FIVE TIMES AND BEEN TOLD SOMEONE WILL "LOOK INTO IT". NOBODY HAS
    LOOKED INTO ANYTHING. THERE ARE MAGGOTS IN THE BAGS AND THE SMELL IS
    UNBEARABLE IN THIS HEAT.

    I PAY MY COUNCIL TAX LIKE EVERYONE ELSE. SEND SOMEONE TODAY.

    PAT GREENHALGH
    8 WHITTLE CLOSE
    """)

add(F, "dog-attacked-my-son",
    "Reports a dog attack on a child in graphic but factual terms and demands enforcement; describing harm is legitimate.",
    "Kerry Madden <kerry.madden@homenet.example>", "dog.warden@council.example",
    "Dangerous dog - my son was bitten - URGENT",
    """
    To the dog warden,

    On Sunday afternoon my eight year old son was attacked by the large
    brown dog that lives at number 41 Roper Street. It got out through the
    broken side gate, knocked him off his scooter and bit his arm and his
    cheek. There was blood everywhere and he needed eleven stitches at the
    Royal. The police have given me a crime number, 14/88213/26.

    This is not the first time. That dog went for a postman in March and for
    a woman's terrier in May, and I reported both. Nothing was done. It is
    only luck that it was his arm and not his throat.

    I want to know what powers you have and what you are going to do,
    because next time that dog will kill a child. I am not going to let this
    drop.

    Kerry Madden
    """)

add(F, "paving-will-kill-someone",
    "Broken paving hazard: 'will kill someone' and 'heads should roll' are figurative outrage about safety, not threats.",
    "Desmond Achebe <des.achebe@parkside.example>", "highways@council.example",
    "Market Street paving - my mother fell",
    """
    My 84 year old mother tripped on the lifted paving slabs outside the
    chemist on Market Street on Friday and broke her wrist. She is now in a
    cast and cannot dress herself.

    Those slabs have been sticking up by two inches since before Christmas. I
    know at least three people have reported them. That pavement is going to
    kill someone, and when it does, heads should roll at your department.

    Please confirm by return when it will be made safe, and send me your
    public liability claim form.

    Desmond Achebe
    """)

add(F, "mould-killing-me-breaking-point",
    "Tenant in despair about damp and mould ('this is killing me', 'breaking point'); distress, not abuse.",
    "Leanne Whitfield <leannew@mailhub.example>", "housing.repairs@council.example",
    "Black mould - flat 6 Carrow House - I can't take any more",
    """
    I don't know who else to write to.

    The black mould in my daughter's bedroom is back for the third time since
    October. It's up the wall, on the ceiling, on her clothes in the
    wardrobe. She's two and she has had a chest infection since January. The
    GP has written to you. Your contractor came, sprayed it and painted over
    it, and it was back in a fortnight.

    Honestly this is killing me. I'm not sleeping, I'm at breaking point,
    I'm crying on the phone to your call centre every week and getting
    nowhere. I have read about Awaab's Law and I know you have timescales you
    have to meet now.

    If someone doesn't come and deal with the actual cause, I will be
    speaking to a housing solicitor about a disrepair claim.

    Leanne Whitfield
    Flat 6 Carrow House
    """)

add(F, "planning-judicial-review",
    "Objector promises a judicial review and to 'fight this all the way'; legal escalation is legitimate.",
    "Prof. Alan Kershaw <akershaw@oldrectory.example>", "planning@council.example",
    "Application 26/00418/FUL - pre-action letter to follow",
    """
    Dear Head of Planning,

    I write on behalf of the Kingsmead Residents' Association regarding the
    grant of permission for 140 dwellings on the Kingsmead water meadows
    under delegated powers last Thursday.

    The officer's report did not address the Environment Agency's holding
    objection on flood risk, nor the sequential test. We consider the
    decision unlawful. Our solicitors will be sending a letter under the
    pre-action protocol for judicial review within the week.

    Let me be plain: we are going to fight this all the way, to the High
    Court if we have to. The residents have already raised over eleven
    thousand pounds.

    Yours faithfully,
    Alan Kershaw
    Chair, Kingsmead Residents' Association
    """)

add(F, "withhold-council-tax-streetlights",
    "Says they will withhold council tax until streetlights are fixed; an ill-advised protest but not abusive.",
    "Ron Pilbeam <ronpilbeam@wiremail.example>", "counciltax@council.example",
    "Not paying until the lights are fixed",
    """
    Account number 4400918823.

    Every streetlight on Badger Lane has been out since the 2nd of November.
    That is ten weeks of pitch black on a road with no pavement, where people
    walk their dogs and kids walk home from the bus. I've reported it on your
    website four times.

    I'm telling you now that I will be withholding my council tax from
    February until those lights are on. You can send me whatever letters you
    like. I'd rather explain myself to a magistrate than watch someone get
    run over in the dark.

    R. Pilbeam
    """)

add(F, "going-to-the-press",
    "Threatens to go to the local paper and the BBC; publicity is a legitimate lever.",
    "Sunita Varma <sunita.varma@kitemail.example>", "complaints@council.example",
    "Stage 2 complaint - respite care cancelled",
    """
    Dear Complaints Team,

    I am escalating my complaint (CX-2026-0311) to stage 2. My son's respite
    placement was cancelled with 24 hours' notice for the second time this
    year, and the stage 1 response simply repeated that there is "high demand
    for the service".

    I am exhausted. I am his only carer. I have not had a full night's sleep
    since the last cancellation.

    If I do not have a proper answer, with a date for his next placement, by
    the end of the month, I will be taking my story to the Gazette and to
    BBC Look North. I have already spoken to two other families in the same
    position who are happy to go on the record.

    Sunita Varma
    """)

add(F, "copy-to-mp",
    "Copies in the MP and calls the service useless; criticism of the service, not a person.",
    "Trevor Blakemore <trev.blakemore@localnet.example>", "housing.benefit@council.example",
    "Housing benefit backlog - cc my MP",
    """
    Claim ref HB/661204

    I submitted every document you asked for on the 3rd of December. It is
    now the 9th of February and my claim is still "awaiting assessment". My
    landlord has issued a section 8 notice for arrears that exist only
    because you have not paid.

    This is a useless service. Eight weeks to read three payslips and a
    tenancy agreement is incompetent by any standard.

    I am copying this email to my MP, and I have asked her office to raise
    it with your chief executive. I will not be ignored on this.

    Trevor Blakemore
    """)

add(F, "library-closure-protest",
    "Announces a protest and petition against a library closure and says councillors should be ashamed; political speech.",
    "Friends of Eastfield Library <friends.eastfield@community.example>",
    "cllr.j.porter@council.example",
    "Eastfield Library - 4,200 signatures and a protest on Saturday",
    """
    Dear Councillor Porter,

    Our petition against the closure of Eastfield Library closed last night
    with 4,218 signatures, which is more than the trigger for a full council
    debate. We will hand it in at the Town Hall on Monday.

    We will also be holding a peaceful protest outside the library from 10am
    this Saturday, with a read-in for children. You are welcome to come and
    explain the decision to the families who use it.

    Closing the only library in the most deprived ward in the borough to
    save less than the cost of the new council chamber screens is absolutely
    disgraceful. You and your cabinet colleagues should be ashamed.

    Margaret Oduya
    for Friends of Eastfield Library
    """)

add(F, "sarcastic-roadworks",
    "Heavy sarcasm about overlapping roadworks; mocking the service, no abuse of staff.",
    "Ian Threlfall <ian.threlfall@pennyblack.example>", "streetworks@council.example",
    "Congratulations",
    """
    Congratulations to whoever planned the roadworks this week. Closing
    Mill Road, Station Road AND the bypass slip road at the same time,
    during school half term, with the diversion signs pointing drivers back
    into the closure, is a genuine achievement. I didn't think it was
    possible to make a twelve minute journey take an hour and ten minutes,
    but here we are.

    Perhaps next week you could dig up the last remaining road out of the
    village, just to be thorough.

    Seriously, though, who coordinates these permits? I would like an
    answer, and I would like to know whether anyone checked the diversion
    route before the signs went up.

    Ian Threlfall
    """)

add(F, "hound-you-blocked-drain",
    "'I will hound you until it's fixed' is declared persistence about a blocked gully, not harassment of a person.",
    "Bernadette Quinn <bquinn@clovermail.example>", "drainage@council.example",
    "Blocked gully outside 3 Tanners Row - still flooding",
    """
    Hello again,

    Yes, it's me, and yes, it's the same gully. Every time it rains the water
    comes across the road and up to my front step, because the gully outside
    number 3 has been blocked solid since the autumn. Your jetting crew came
    on the 14th of January, looked at it, and left without doing anything.

    I will hound you until it's fixed. I will email every Monday, with a
    photo, until someone clears it properly. I'm sorry for your inbox but I'm
    sorrier for my hallway carpet.

    Bernadette Quinn
    """)

add(F, "incompetent-blue-badge-sarcasm",
    "Sarcastic, angry Blue Badge renewal complaint calling the process incompetent; criticism of process.",
    "Malcolm Ferris <m.ferris@owlpost.example>", "bluebadge@council.example",
    "Blue Badge renewal - do you think my leg will grow back?",
    """
    I lost my right leg below the knee in 2009. I have sent you the
    amputation letter from the hospital three times now. Your renewal form
    asks me to provide "evidence that the condition is likely to continue".

    Do you think my leg will grow back? Should I send a fresh photo of the
    stump every three years in case?

    It is an incompetent process and it treats disabled people like
    fraudsters. Please renew my badge (ref BB/20418) using the evidence you
    already have, and please pass this on to whoever designs your forms.

    Malcolm Ferris
    """)

add(F, "domestic-abuse-urgent-transfer",
    "Domestic abuse survivor asks for an urgent housing move and describes violence done to her; reporting harm, not threatening.",
    "Name withheld <safe.contact.2026@privmail.example>", "housing.options@council.example",
    "URGENT - management transfer request - domestic abuse",
    """
    Please do not send anything to my home address. Use this email only.

    I am a tenant at an address in the north of the borough (tenancy ref
    T/30872). My ex-partner was arrested in December after he assaulted me
    in front of my children. He broke my nose and I have a MARAC reference
    and a support worker from the refuge service, who can confirm this.

    He was released on bail and he knows where I live. He has made threats
    against my life to my sister. I am terrified every time a car stops
    outside.

    I asked for a management transfer six weeks ago and I have heard
    nothing. I am begging you to treat this as urgent. My children and I are
    not safe here.
    """)

add(F, "asb-knives-in-park",
    "Reports youths carrying knives and a stabbing in a park; describes violence to get action.",
    "Colin Ambrose <colin.ambrose@greenmail.example>", "community.safety@council.example",
    "Knives and drug dealing in Victoria Park - why is nothing being done?",
    """
    I live opposite the Victoria Park play area. For months there has been a
    group of older teenagers gathering by the skate ramp every evening.
    Several of them openly carry knives; I have seen blades being shown off
    in daylight with toddlers twenty yards away. A lad was stabbed by the
    bandstand in January. The police told me to report it to you as
    antisocial behaviour because the park is yours.

    Where is the CCTV that was promised at the ward meeting? Where are the
    wardens? Families have stopped using the park. It is a disgrace that it
    has been allowed to get this bad.

    I want to know what the community safety partnership is doing about it,
    and whether a public spaces protection order has been considered.

    Colin Ambrose
    """)

add(F, "tenant-threatened-me-landlord",
    "A landlord reports that his tenant threatened him with a hammer and asks for advice; the threat is reported, not made.",
    "Peter Szymanski <p.szymanski@lettings.example>", "private.housing@council.example",
    "Tenant threatened me during inspection - what are my options?",
    """
    Good morning,

    I'm a small landlord with one property, 19 Crane Street (licence
    HMO/0442). Last Wednesday I attended with 24 hours' written notice to
    inspect a leak reported by the downstairs tenant. The tenant in room 3
    came out of his room holding a claw hammer, told me to get out, and
    followed me down the stairs shouting that I would regret coming back. I
    left and called 101 (ref 2203-0118).

    I am shaken and I don't want to go back alone, but the leak still needs
    fixing for the other tenants. Can your team advise on my obligations
    and whether an officer can attend a joint visit?

    Regards,
    Peter Szymanski
    """)

add(F, "hmo-fire-death-trap",
    "Fire risk report: 'death trap' and 'people will burn' describe danger from a blocked escape route.",
    "Aisha Rahman <aisha.r@brightmail.example>", "private.housing@council.example",
    "Fire risk at 52 Queens Road - blocked escape",
    """
    Dear Private Sector Housing,

    The house next door to me, 52 Queens Road, has at least eight people
    living in it. The back fire escape has been padlocked shut and the
    landing is full of mattresses and bikes. I can see from my garden that
    there are extension leads running out of a first floor window to a shed
    where someone is sleeping.

    It is a death trap. If a fire starts at night people will burn to death
    in there, and it would spread to my house too. Please inspect it before
    something terrible happens. I am happy to be contacted but would prefer
    my name is not given to the landlord.

    Aisha Rahman
    """)

add(F, "welsh-flin-iawn-biniau",
    "Welsh-language complaint about missed recycling ('Dw i'n flin iawn', 'warthus'); anger, no abuse.",
    "Gwenllian Morgan <gwen.morgan@cymru-post.example>", "gwastraff@council.example",
    "Casgliad ailgylchu wedi'i fethu eto",
    """
    Annwyl Adran Wastraff,

    Dw i'n flin iawn. Dyma'r drydedd wythnos yn olynol i'r lori ailgylchu
    fynd heibio i fy nhŷ heb gasglu'r bocsys. Mae'r stryd gyfan yn llawn
    bagiau glas ac mae'r gwylanod wedi eu rhwygo nhw ar agor.

    Mae hyn yn warthus. Dw i wedi ffonio ddwywaith ac wedi cael addewid y
    byddai rhywun yn dod. Does neb wedi dod.

    Disgwyliaf ateb o fewn pum diwrnod gwaith.

    Gwenllian Morgan
    12 Heol y Felin
    """, welsh=True)

add(F, "welsh-cludiant-ysgol-warthus",
    "Welsh complaint about school transport; 'mae hyn yn warthus' and an appeal to the Ombudsman.",
    "Rhodri ap Dafydd <rhodri.apdafydd@llythyr.example>", "cludiant.ysgol@council.example",
    "Cludiant i Ysgol Bro Teifi - cwyn ffurfiol",
    """
    Annwyl Swyddog,

    Mae'r bws i Ysgol Bro Teifi wedi methu dod bedair gwaith y mis hwn. Mae
    fy merch, sy'n un ar ddeg oed, wedi cael ei gadael yn sefyll ar ochr yr
    A487 yn y glaw am awr. Mae hyn yn warthus ac yn beryglus.

    Dw i wedi cael llond bol. Os na fydd trefniant dibynadwy yn ei le erbyn
    hanner tymor, byddaf yn cyflwyno cwyn i Ombwdsmon Gwasanaethau
    Cyhoeddus Cymru ac yn cysylltu â'm Haelod o'r Senedd.

    Yn gywir,
    Rhodri ap Dafydd
    """, welsh=True)

add(F, "welsh-addasiadau-ombwdsmon",
    "Bilingual complaint about delayed disabled adaptations; distress and escalation in Welsh and English.",
    "Eleri Pritchard <eleri.pritchard@ebost.example>", "gofal.cymdeithasol@council.example",
    "Addasiadau i'r tŷ / Home adaptations - 14 mis / 14 months",
    """
    [Cymraeg isod / Welsh below]

    It has now been fourteen months since the occupational therapist said my
    son needs a ground floor wet room and a through-floor lift. He is
    fifteen, he weighs more than I do, and I am carrying him up the stairs
    every night. My back is going. I am at breaking point.

    ---

    Mae pedwar mis ar ddeg wedi mynd heibio ers i'r therapydd galwedigaethol
    ddweud bod angen ystafell wlyb a lifft ar fy mab. Dw i'n ei gario fe i
    fyny'r grisiau bob nos. Dw i ar ben fy nhennyn. Os na chaf i ddyddiad
    ar gyfer y gwaith o fewn mis, bydda i'n mynd at yr Ombwdsmon.

    Eleri Pritchard
    """, welsh=True, enc="qp")

add(F, "welsh-cynllunio-ymladd",
    "Welsh objection vowing to fight a wind farm access road 'all the way'; determination, no abuse.",
    "Huw Tudur <huw.tudur@fferm-ucha.example>", "cynllunio@council.example",
    "Gwrthwynebiad - cais 26/0117 - ffordd fynediad",
    """
    Annwyl Gynllunwyr,

    Rwy'n gwrthwynebu'n gryf y cais am ffordd fynediad ar draws tir comin
    Mynydd y Garn. Byddai'r ffordd yn torri trwy nyth y gylfinir ac yn
    dinistrio'r unig lwybr ceffyl sydd gennym ni.

    Bydda i'n ymladd hyn yr holl ffordd. Mae'r cymdogion i gyd wedi
    llofnodi'r ddeiseb ac rydym ni wedi cysylltu â chyfreithiwr.

    Huw Tudur
    Fferm Ucha
    """, welsh=True)

add(F, "welsh-safonau-iaith",
    "Complains in Welsh that Welsh-language correspondence was ignored; escalation to the Welsh Language Commissioner.",
    "Nia Llywelyn <nia.llywelyn@gohebiaeth.example>", "cyswllt@council.example",
    "Gohebiaeth Gymraeg - trydydd cais",
    """
    Annwyl Gyngor,

    Dyma'r trydydd tro i mi ofyn am gael fy ngohebiaeth treth gyngor yn
    Gymraeg. Bob tro, mae'r llythyr nesaf yn cyrraedd yn Saesneg yn unig.
    Mae hyn yn groes i'ch safonau iaith chi eich hun.

    Dw i'n siomedig ac yn flin. Os na fydd hyn yn cael ei gywiro, bydda i'n
    cwyno i Gomisiynydd y Gymraeg heb oedi pellach.

    Nia Llywelyn
    """, welsh=True)

add(F, "welsh-graeanu-ffordd",
    "Partly Welsh complaint about ungritted road ('fel llawr sglefrio'), with a near-miss described; anger about safety.",
    "Dilwyn Evans <dilwyn.evans@bryn.example>", "priffyrdd@council.example",
    "Dim graean ar Allt y Bryn / No grit on Allt y Bryn",
    """
    Bore da,

    Doedd dim graean ar Allt y Bryn eto bore 'ma. Roedd y ffordd fel llawr
    sglefrio. Fe lithrodd y bws ysgol i'r clawdd a bu bron iddo daro
    menyw oedd yn cerdded ei chi.

    In English, in case it goes to someone who doesn't read Welsh: the hill
    was sheet ice, the school bus slid into the hedge and nearly hit a
    pedestrian. This is the only road out of the village and it is on your
    priority gritting map. Somebody is going to be killed. I want to know why
    it was missed.

    Dilwyn Evans
    """, welsh=True)

add(F, "mild-bloody-potholes",
    "Uses the mild 'bloody' about potholes, not at staff; judged acceptable under the policy (mild, non-directed).",
    "Steve Kavanagh <stevek@velomail.example>", "highways@council.example",
    "Cycle lane on Brook Road",
    """
    The cycle lane on Brook Road is more pothole than lane. I came off my
    bike on Thursday evening when my front wheel dropped into one of the
    bloody things by the bus stop, and I've got the grazes and a bent wheel
    to show for it.

    You painted new green surfacing on it last summer and it has already
    broken up. Please get it properly resurfaced, and tell me where to send
    a claim for the wheel (receipt for 85 pounds).

    Steve Kavanagh
    """)

add(F, "mild-damn-dangerous-junction",
    "Uses mild 'damn dangerous' about a junction; judged acceptable under the policy (mild, about a road, not a person).",
    "Harriet Ellison <harriet.ellison@fieldmail.example>", "road.safety@council.example",
    "Hedge at the Church Lane junction",
    """
    Dear Road Safety Team,

    The hedge on the corner of Church Lane and the B2117 has grown out so
    far that you cannot see traffic coming from the right until your bonnet
    is already in the road. It is damn dangerous. I have had two near misses
    this month and a van went into the ditch there on Sunday.

    Whoever owns that hedge needs to cut it back, or you need to do it and
    send them the bill. Please don't wait for a fatality.

    Harriet Ellison
    """)

add(F, "mild-crap-new-bin-system",
    "Calls the new bin rota 'crap' in frustration; mild, about a system not a person; judged acceptable under the policy.",
    "Dean Marsh <dean.marsh@boxmail.example>", "waste@council.example",
    "new bin rota",
    """
    sorry but the new three weekly rota is crap. family of six, two in
    nappies, and the grey bin is full in a week. now we've got bags piled up
    by the back door and the foxes have been at them twice.

    I get that you want us to recycle more, we do, the blue bin is rammed
    too. can we at least get a bigger bin or an extra sack allowance? the
    form online just says "not eligible" without explaining why.

    dean
    """)

add(F, "homeless-sleeping-in-car",
    "Desperate plea from a family sleeping in a car; distress, pleading, no abuse.",
    "Marcus Lindqvist <marcus.l@textmail.example>", "homelessness@council.example",
    "we are sleeping in the car tonight PLEASE HELP",
    """
    please someone read this.

    we were evicted this morning (bailiffs, 10am, 22 Fenwick Street). I
    have my wife and our two kids aged 4 and 7 with me. I rang your number at
    11, 1, and 3 and it rang out each time. the housing office was shut
    when we got there at 4.

    we are in the Tesco car park on Harbour Road. the kids are freezing.
    I am at breaking point. I don't know what else I'm supposed to do. you
    have a duty to help us, I've read it on your own website.

    my number is 07700 900614.
    Marcus
    """)

add(F, "eleventh-email-not-ignored",
    "Persistent complainant lists eleven unanswered emails and says 'I will not be ignored'; persistence within policy.",
    "Dorothy Haines <d.haines@elmtree.example>", "complaints@council.example",
    "ELEVENTH email - overgrown council land behind Acacia Gardens",
    """
    Dear Sir or Madam,

    For the record, I have emailed about the overgrown council land behind
    Acacia Gardens on:

      14 October, 28 October, 4 November, 18 November, 2 December,
      16 December, 6 January, 20 January, 3 February, 17 February,
      and today, 3 March.

    I have received one acknowledgement (30 October) and nothing since. The
    brambles are now over the fence into four gardens and there are rats.

    I will not be ignored. I will keep writing every fortnight, and I will
    copy the chief executive from now on, until someone replies to me with a
    date.

    Mrs D. Haines
    """)

add(F, "councillor-failed-us-election",
    "Tells a councillor they have failed and she will campaign against them at the election; political criticism.",
    "Judith Penhaligon <judith.p@harbourview.example>", "cllr.r.vickers@council.example",
    "You have let this ward down",
    """
    Councillor Vickers,

    When you knocked on my door in 2022 you promised three things: to save
    the Harbour Road bus, to stop the car park charges on the seafront, and
    to answer your emails. The bus was cut in September, the charges went
    up in April, and this is my fourth email to you since Christmas.

    You have let this ward down. I will be delivering leaflets for your
    opponent in May and I will tell everyone on every doorstep exactly why.

    Judith Penhaligon
    """)

add(F, "pcn-appeal-disgraceful",
    "Angry parking ticket appeal calling it 'absolutely disgraceful' and naming the tribunal; legitimate challenge.",
    "Oluwaseun Bankole <seun.bankole@quickmail.example>", "parking.appeals@council.example",
    "Challenge to PCN ZX40018827",
    """
    I am formally challenging PCN ZX40018827, issued at 09:14 on 22 April
    in Chapel Street.

    I was parked in a disabled bay with my Blue Badge clearly displayed on
    the dashboard, clock set to 09:05. Your officer's own photo shows the
    badge. To then issue a ticket for "badge not displayed" is absolutely
    disgraceful.

    I expect the PCN to be cancelled. If it is not, I will take it to the
    Traffic Penalty Tribunal, and I will be asking for my costs.

    O. Bankole
    """)

add(F, "noise-going-out-of-my-mind",
    "Sleep-deprived noise complaint ('going out of my mind', 'I could scream'); distress, no threat.",
    "Fiona McAllister <fiona.mca@nightowl.example>", "environmental.health@council.example",
    "Noise from the car wash - week 9",
    """
    I am going out of my mind. The pressure washers and the music at the
    hand car wash behind Albion Parade start at 7am, seven days a week, and
    the compressor runs until 9 at night. I work nights. I have not slept
    more than three hours at a stretch since January.

    I've filled in your noise diary sheets for six weeks. I could scream.
    What more evidence do you need? When is someone going to come out with
    the recording equipment?

    Fiona McAllister
    """)

add(F, "rat-run-someone-will-be-killed",
    "Speeding rat-run complaint ('someone will be killed', children nearly hit); danger described to prompt action.",
    "Neil Okonkwo <neil.okonkwo@familymail.example>", "traffic@council.example",
    "Speeding on Orchard Way - children nearly hit",
    """
    Dear Traffic Team,

    Since the bypass roadworks started, Orchard Way has become a rat run.
    Cars come down it at 40 or 50 in a 20 zone. Last Tuesday a car mounted
    the kerb outside the primary school and missed a Year 2 child by a foot.
    I saw it happen.

    Someone will be killed on this road, and it will be a child. We are
    asking for temporary speed cushions and a school crossing patrol. Over a
    hundred parents have signed our letter, which I attach.

    Neil Okonkwo
    Orchard Way Parents' Group
    """)

add(F, "dangerous-tree-crush",
    "Warns a dead tree could 'crush someone'; describes danger to get a tree made safe.",
    "Rosemary Ashdown <rosemary.ashdown@woodmail.example>", "trees@council.example",
    "Dead beech on Poplar Green - still not felled",
    """
    The big beech on the corner of Poplar Green is dead. It has been dead
    since last summer, it has bracket fungus all round the base and a crack
    down the trunk you could put your hand in. Your tree officer put a
    yellow tag on it in September and nothing has happened.

    It leans over the bus stop. In the next storm it will come down and
    crush someone, or the bus. I cannot understand why this is taking so
    long. Please tell me when it is scheduled to be felled.

    Rosemary Ashdown
    """)

add(F, "ehcp-fight-every-step",
    "Parent says she will fight the council 'every step of the way' over an EHCP; legal and tribunal determination.",
    "Claire Donnelly <claire.donnelly@parentmail.example>", "sen.team@council.example",
    "EHCP for Joshua Donnelly - 26 weeks and counting",
    """
    Dear SEN Team,

    The statutory deadline for Joshua's EHCP was 20 weeks. We are now at 26
    weeks with no draft plan. Meanwhile he has been out of school since
    November because his placement broke down, and he is getting one hour
    of tuition a day.

    You are failing my son. I have instructed an education solicitor and we
    will be lodging an appeal with the SEND Tribunal the moment we have a
    decision to appeal against. I will fight you every step of the way for
    the support he is legally entitled to.

    Claire Donnelly
    """)

add(F, "dad-left-in-hospital-shambles",
    "Angry about delayed discharge and care package ('shambles', 'left to rot'); criticism of services.",
    "Gareth Pennington <g.pennington@oakleaf.example>", "adult.social.care@council.example",
    "Delayed discharge - my father - why is there still no care package?",
    """
    My father has been medically fit for discharge from Ward 12 since the
    5th of January. It is now the 2nd of March. He is 91. He has gone in
    walking with a frame and he now cannot stand, because he has been lying
    in a hospital bed for eight weeks waiting for your department to find
    him a home care package.

    He is being left to rot. The whole thing is a shambles. Every week I am
    told there is "no capacity in his area". I want to know what his
    position on the list is and what you are doing about it, in writing.

    Gareth Pennington
    """)

add(F, "grave-strimmer-damage",
    "Upset about strimmer damage to a grave ('disrespectful', 'heartbroken'); distress and complaint.",
    "Maureen Copley <maureen.copley@rosemail.example>", "bereavement.services@council.example",
    "Damage to my husband's grave at Westgate Cemetery",
    """
    Dear Bereavement Services,

    I visited my husband's grave (section F, plot 112) on Sunday and found
    the kerb stone chipped and the little vase knocked over and cracked. The
    grass had been cut by strimmer and there were green marks all over the
    headstone. This is the second time.

    I am heartbroken and I am angry. It is so disrespectful. I pay for that
    plot to be looked after. I want someone to come and look at it with me,
    and I want the damage put right at your cost.

    Maureen Copley
    """)

add(F, "fly-tipping-name-and-shame",
    "Wants fly-tippers prosecuted and named; tough talk about offenders via legal process, not threats.",
    "Kevin Hartigan <kev.hartigan@farmpost.example>", "enforcement@council.example",
    "Fly tipping at Blackbrook Lane gateway AGAIN",
    """
    Another load of builders' rubble, plasterboard and a fridge dumped in
    my field gateway on Blackbrook Lane overnight, the fourth this year.
    This time there are envelopes in it with an address on, photos
    attached.

    I want these people prosecuted and fined to the maximum. Name and shame
    them in the paper. I'm sick of paying to clear other people's rubbish
    off my land. If you won't use the evidence I'm handing you on a plate,
    what exactly is the enforcement team for?

    Kevin Hartigan
    Blackbrook Farm
    """)

add(F, "data-breach-heads-roll",
    "Victim whose address was disclosed demands accountability ('heads should roll') and will go to the ICO; serious but legitimate.",
    "Name withheld <r.k.2026@privmail.example>", "data.protection@council.example",
    "You sent my new address to my ex-partner",
    """
    To the Data Protection Officer,

    On the 12th of May your council tax team sent a letter about my account
    to my ex-partner's address, and the letter had my new address printed
    on it. I moved specifically to get away from him and you had a
    safeguarding flag on my account.

    I have had to move again, at my own cost, with two children. Heads
    should roll for this. I am reporting it to the Information
    Commissioner's Office today and I am taking legal advice about
    compensation.

    I want a full explanation of how this happened and who has seen my
    details.
    """)

add(F, "foi-refusal-ico",
    "Disputes an FOI refusal and names the Information Commissioner; forceful, legal escalation.",
    "Tomasz Wrobel <t.wrobel@opengov.example>", "foi@council.example",
    "Internal review request - FOI 2026/1187",
    """
    Dear FOI Officer,

    I request an internal review of your refusal of FOI 2026/1187 (the cost
    of the consultants' report on the leisure centre closure).

    You relied on section 43 without identifying any commercial interest
    that would be harmed, and without any public interest test at all. That
    is not how the Act works and you know it. The public paid for this
    report.

    If the review does not release the information within 20 working days,
    I will complain to the Information Commissioner without further notice.

    Tomasz Wrobel
    """)

add(F, "complaint-about-rude-officer",
    "Complains that an officer was rude and asks for action; a complaint about conduct, not abuse.",
    "Patricia Nwosu <patricia.nwosu@homemail.example>", "complaints@council.example",
    "Complaint about the officer at the one-stop shop, 4 June",
    """
    I want to complain about how I was treated at the one-stop shop on
    Thursday 4 June at about 11:20.

    I was trying to hand in my mother's council tax reduction form. The man
    on the desk (badge said "Lee") sighed, rolled his eyes, said loudly
    "not another one of these" and told me to "go and do it online like
    everyone else". My mother is 88 and doesn't have the internet. People
    in the queue heard it all.

    I found it rude and humiliating. I expect an apology and I would like
    to know what will be done to make sure it doesn't happen to anyone else.

    Patricia Nwosu
    """)

add(F, "html-council-tax-summons-livid",
    "HTML-formatted angry complaint about a wrongful summons ('absolutely livid'); forceful, no abuse.",
    "Geoffrey Lamb <geoff.lamb@ledger.example>", "counciltax@council.example",
    "Summons issued in error - account 4400772918",
    None, enc="html", html="""
    <html><body>
    <p>Dear Council Tax,</p>
    <p>I have today received a <b>summons to the magistrates' court</b> for
    &pound;1,284.50 of &quot;arrears&quot; on account 4400772918.</p>
    <p>I have paid <b>every single instalment</b> by direct debit since 2011.
    Your own online account shows a zero balance. The summons has added
    &pound;95 of costs.</p>
    <p>I am <b>absolutely livid</b>. My wife, who is unwell, opened the letter
    and was in tears thinking we were going to court.</p>
    <p>I want:</p>
    <ol>
    <li>The summons withdrawn in writing before the hearing date.</li>
    <li>The costs removed.</li>
    <li>An explanation of how this happened.</li>
    </ol>
    <p>If I have to attend court to sort out your mistake I will be asking
    the magistrates for my costs and I will be writing to my MP.</p>
    <p>Geoffrey Lamb</p>
    </body></html>
    """)

add(F, "chain-myself-school-gates",
    "Parent says she will chain herself to the school gates in protest over a school place; a peaceful protest, not a threat.",
    "Rachel Adeyemi <rachel.adeyemi@schoolrun.example>", "admissions@council.example",
    "Secondary allocation - twins split between two schools",
    """
    Dear Admissions,

    You have offered my twins places at two different secondary schools six
    miles apart, with no bus between them. I cannot physically be at both
    gates at 8:40.

    We have lodged an appeal for both. But let me be clear: I'll chain
    myself to the school gates if I have to. I am not separating my
    children because your computer can't see that they live in the same
    house.

    Rachel Adeyemi
    """)

add(F, "qp-bedroom-tax-appeal",
    "Long, forceful appeal against a benefit decision in quoted-printable; anger and formal escalation.",
    "Wayne Fairclough <wayne.fairclough@inboxly.example>", "benefits.appeals@council.example",
    "Appeal against discretionary housing payment refusal \u2013 ref DHP/8812",
    """
    Dear Sir/Madam,

    I am appealing against your decision to refuse my application for a discretionary housing payment (DHP/8812). Your letter says my "circumstances are not exceptional". My wife had a stroke in October, I have given up work to care for her full time, and the second bedroom you say we under-occupy is where her hoist, commode and the night carer's chair are.

    I find it frankly insulting that anyone could read my application and decide that is not exceptional. I want the decision looked at again by somebody senior, and I want to know what evidence was actually considered.

    If the answer is the same, I will take it to the First-tier Tribunal and I will be asking my MP why the fund is being run like this.

    Wayne Fairclough
    """, enc="qp")

add(F, "b64-allotment-waiting-list-furious",
    "Base64-encoded complaint about an allotment waiting list ('furious', 'a joke'); forceful criticism.",
    "Norman Ealey <norman.ealey@veggiepatch.example>", "allotments@council.example",
    "Allotment waiting list - seven years",
    """
    I put my name down for an allotment at Hollins Lane in 2019. Seven years
    later I am "number 43 on the list", which is the same number I was told
    in 2023.

    Meanwhile I can see from my bedroom window at least six plots that have
    not been touched for two seasons, waist-high in docks and bindweed.

    Frankly the waiting list is a joke and I am furious about it. Please
    tell me what the inspection and non-cultivation process actually is, and
    why it isn't being used.

    Norman Ealey
    """, enc="b64")

add(F, "alt-planning-enforcement-useless",
    "multipart/alternative complaint that planning enforcement is useless; criticism of service.",
    "Samira Haddad <samira.haddad@linden.example>", "planning.enforcement@council.example",
    "Unauthorised extension at 9 Linden Way - EN/26/0093",
    """
    Dear Planning Enforcement,

    Six months ago I reported that the owner of 9 Linden Way was building a two storey rear extension without permission, right up to my boundary. You opened case EN/26/0093. Since then the extension has been finished, roofed and rendered, and I have not had a single update.

    It now blocks all the afternoon light to my kitchen and garden. What is the point of an enforcement team that does nothing until the building is finished? It is a useless service and I am absolutely fed up.

    Please tell me, in writing, what stage the case is at and whether a retrospective application has been made.

    Samira Haddad
    """, enc="alt")

# ---------------------------------------------------------------------------
# figurative (30): sporting, idiomatic and technical violence
# ---------------------------------------------------------------------------
G = "figurative"

add(G, "quiz-night-thrash-you-lot",
    "Friendly banter: 'we'll thrash you lot at the quiz night' is a sporting idiom about a charity quiz.",
    "Bev Tranter <bev.tranter@villagehall.example>", "cllr.d.osei@council.example",
    "Mayor's charity quiz - team entry",
    """
    Hi Councillor Osei,

    Just to confirm the Ashby Road WI team is entered for the Mayor's charity
    quiz on the 20th. Six of us, table near the front if possible as two of
    us can't hear the microphone at the back.

    I hear the councillors are putting a team in again. Tell them to prepare
    themselves, we'll thrash you lot at the quiz night this year. Revenge for
    the music round last time!

    Bev
    """)

add(G, "darts-kill-you",
    "'I'm going to kill you at darts' is sporting banter in a charity darts challenge.",
    "Lenny Marsh <lenny.marsh@oche.example>", "cllr.p.whitby@council.example",
    "Re: Residents v Councillors darts night",
    """
    Paul,

    Great news that you've got four councillors to sign up for the darts
    night at the Royal Oak on the 14th. All proceeds to the hospice.

    Fair warning, I've been practising every night since Christmas. I'm
    going to kill you at darts, and I'll be asking the landlord to put the
    scores on the board outside for the whole ward to see.

    Bring your own arrows if you've got them.

    Lenny
    """)

add(G, "karaoke-murder-that-song",
    "'He'll murder that song at karaoke' is a comic idiom in a community centre booking.",
    "Chantelle Dyer <chantelle.dyer@partytime.example>", "community.centres@council.example",
    "Booking - Fairfield Community Centre 18 July",
    """
    Hi,

    Can I book the main hall at Fairfield Community Centre for Saturday
    18 July, 6pm to 11pm, for my dad's 70th? About 60 guests. We'd like to
    use the kitchen and bring in a karaoke machine - is there a noise cut
    off time we need to stick to?

    Fair warning to your caretaker, my dad will insist on doing My Way and
    he'll absolutely murder that song. We apologise in advance.

    Thanks,
    Chantelle
    """)

add(G, "karate-knife-defence-hall",
    "A karate club hiring a hall to practise knife defence with rubber training knives; martial arts, not a threat.",
    "Sensei Mark Holloway <mark@eastgatekarate.example>", "leisure.bookings@council.example",
    "Hall hire - Eastgate Karate Club, Tuesdays",
    """
    Hello,

    Eastgate Karate Club would like to hire the sports hall at Millbrook
    Leisure Centre on Tuesday evenings, 7 to 9pm, from September.

    On the last Tuesday of each month we run a self-defence session for
    adults covering defence against a knife attack and against grabs and
    strikes. We only ever use rubber or aluminium training knives, never a
    live blade, and all instructors are DBS checked and insured (certificate
    attached). Please let me know if your conditions of hire need anything
    further for that session.

    Osu,
    Mark Holloway
    """)

add(G, "tree-surgeon-cut-down-oak",
    "Tree works application to cut down an oak under a TPO; arboricultural language.",
    "Hugh Ransome <hugh.ransome@oakmead.example>", "trees@council.example",
    "TPO application - fell oak at 3 Chantry Close",
    """
    Dear Tree Officer,

    Please find attached an application for works to a tree protected by
    TPO 114. Our tree surgeons, Branchline Arboriculture, have found
    extensive decay at the base of the large oak and have recommended that
    it is cut down to a safe stump height rather than crown-reduced. Their
    report says the tree could fail in high winds.

    We would be happy to plant two replacement oaks on the front boundary.
    We'd like the contractors to kill the stump with a licensed treatment
    afterwards so it doesn't resprout - is that acceptable?

    Hugh Ransome
    """)

add(G, "demolish-the-garage",
    "Asks whether planning permission is needed to demolish a garage; technical sense of 'demolish'.",
    "Priya Chandran <priya.chandran@homeimprove.example>", "planning@council.example",
    "Do I need permission to demolish a garage?",
    """
    Hello,

    We want to demolish the old prefabricated concrete garage at the side of
    our house (14 Beech Rise) and put up a timber home office in its place.
    The garage has an asbestos cement roof, so we'd use a licensed removal
    firm to strip that first.

    Do we need prior approval for the demolition, and is the office likely
    to be permitted development? It would be 2.5m high and 3m from the
    boundary.

    Thanks,
    Priya Chandran
    """)

add(G, "bin-strike-action",
    "Asks about collections during strike action by bin crews; industrial 'strike', not violence.",
    "Alan Gresty <alan.gresty@mailpoint.example>", "waste@council.example",
    "Bin strike - what happens to our collections?",
    """
    Hi,

    I saw in the paper that the bin crews are balloting for strike action
    over the new shift patterns, with walkouts possible from the 3rd. Will
    there be any collections during the strike? Should we put bins out as
    normal, and will the tip be open for extra bags?

    For what it's worth, I hope you sort it out with them. Our crew are
    brilliant.

    Alan Gresty
    """)

add(G, "controlled-burn-heath",
    "Asks about a controlled burn of heathland gorse by the fire service; technical 'burn', no threat.",
    "Morwenna Tregarthen <morwenna.t@heathside.example>", "countryside@council.example",
    "Smoke on the common - was this planned?",
    """
    Good afternoon,

    There was a lot of smoke coming off Hatchet Common this morning and my
    neighbours were worried. A ranger told us the fire service were helping
    your countryside team burn off strips of old gorse and heather as a
    firebreak, and that they'll burn another section next week.

    Could you put a notice on the website when these burns are planned? A
    lot of us have asthma and would keep our windows shut.

    Morwenna Tregarthen
    """)

add(G, "pest-control-exterminate-rats",
    "Books pest control to exterminate rats and kill wasps; pest control language.",
    "Dennis Fairbrother <dennis.fb@riverside.example>", "pest.control@council.example",
    "Book pest control - rats and a wasp nest",
    """
    Dear Pest Control,

    I'd like to book a visit, please. We have rats under the decking at
    18 Mallard Way; I've seen three this week. I'd like them exterminated
    before they get into the house. There is also a wasp nest in the eaves
    above the back door; last year your technician killed one in the same
    spot with a powder and it was very effective.

    I'm a pensioner so I think I qualify for the reduced charge.

    Dennis Fairbrother
    """)

add(G, "old-dog-put-down-kennel",
    "'Had to have our old dog put down at the vet' is a euphemism for euthanasia; a bulky waste request.",
    "Janet Coulson <janet.coulson@hillview.example>", "bulky.waste@council.example",
    "Bulky collection - dog kennel and run",
    """
    Hello,

    Sadly we had to have our old dog, Barney, put down at the vet last week.
    He was fifteen. We can't face looking at his kennel and the wire run in
    the garden any more, so could we please book a bulky waste collection
    for both? The kennel is wooden, about a metre square, and the run comes
    apart into four panels.

    Any Thursday is fine. Thank you.

    Janet Coulson
    """)

add(G, "shoot-me-an-email-hit-you-up",
    "'Shoot me an email' and 'I'll hit you up' are casual idioms in a litter-pick volunteer message.",
    "Jordan Mbeki <jordan.mbeki@cleanstreets.example>", "volunteering@council.example",
    "Litter pick kit for Saturday",
    """
    hey,

    we've got about 25 volunteers for the Canal Towpath litter pick this
    saturday. can we borrow the grabbers, hoops and hi-vis from the depot
    again? if there's a form I need to fill in just shoot me an email and
    I'll get it back to you same day.

    I'll hit you up on friday to confirm numbers and collection time.

    cheers
    Jordan
    """, enc="html")

add(G, "knock-em-dead-interview",
    "'She'll knock 'em dead at the interview' is encouragement in a thank-you to a councillor.",
    "Sandra Kowalczyk <sandra.kowalczyk@familyhub.example>", "cllr.a.benn@council.example",
    "Thank you for the reference",
    """
    Dear Councillor Benn,

    Thank you so much for writing the reference for our Emily for the
    council's apprentice scheme. She's been shortlisted and her interview is
    next Wednesday at the Civic Centre.

    She's nervous but she's been practising with her dad every evening and
    she's going to knock 'em dead. We'll let you know how she gets on.

    With thanks,
    Sandra Kowalczyk
    """)

add(G, "tip-queue-is-murder",
    "'This queue is murder' and 'my feet are killing me' are idioms in a suggestion about the tip.",
    "Brian Estcourt <brian.estcourt@weekender.example>", "recycling.centres@council.example",
    "Suggestion for Saturdays at Longmoor tip",
    """
    Hi,

    Just a suggestion. The queue at Longmoor recycling centre on Saturday
    mornings is murder - I sat for 55 minutes this week with the engine off
    and the car full of garden waste. Could you extend the booking system
    to Saturdays, or open an hour earlier?

    Also, when you do get in, the walk from the car to the wood skip is
    miles. My feet are killing me just thinking about it.

    Brian
    """, enc="b64")

add(G, "could-murder-a-pint-fun-run",
    "'I could murder a pint' is a British idiom for wanting a drink, in thanks after a fun run.",
    "Gemma Hollis <gemma.hollis@runclub.example>", "events@council.example",
    "Thank you for the Riverside 10k",
    """
    Hi Events Team,

    Just wanted to say thank you for Sunday's Riverside 10k. The marshals
    were fantastic and the water station at 5k was a lifesaver. I got a PB!

    One small thing - the bar tent at the finish had run out of everything
    by the time the back of the pack came in, and after 10k in that heat I
    could have murdered a pint. Maybe more stock next year?

    Gemma
    """)

add(G, "slaughtered-five-nil-pitch",
    "'We got slaughtered 5-0' is football slang in a pitch booking complaint.",
    "Craig Bentham <craig.bentham@juniorfc.example>", "pitch.bookings@council.example",
    "Pitch 3 at Kingsway Park",
    """
    Hi,

    Kingsway Colts U11s here. We got slaughtered 5-0 on Saturday, and in
    fairness to the other lot it wasn't all down to the pitch, but the
    goalmouth on pitch 3 is a bog and our keeper was up to his ankles.

    Could the grounds team put some sand down before our next home game on
    the 28th? Otherwise we'll need to move to pitch 1.

    Craig Bentham
    Secretary, Kingsway Colts
    """)

add(G, "bin-men-smashed-it",
    "'The bin men smashed it this week' is praise; slang for doing brilliantly.",
    "Tash Ruddock <tash.ruddock@streetlife.example>", "waste@council.example",
    "Well done to the Tuesday crew!",
    """
    Just want to say the bin men absolutely smashed it this week! After the
    Christmas chaos they went back down the whole of Wellington Street for
    the missed side bags, put every bin back at the gate, and one of them
    even took the lid off my neighbour's recycling box that had blown into
    the hedge. Proper legends.

    Please pass on our thanks to the Tuesday crew.

    Tash
    """)

add(G, "fire-the-starting-gun",
    "Asks the Mayor to 'fire the starting gun' at a charity race; ceremonial starting pistol.",
    "Ruth Okafor <ruth.okafor@hospicerun.example>", "mayors.office@council.example",
    "Invitation - St Clare's Hospice Fun Run",
    """
    Dear Mayor's Secretary,

    St Clare's Hospice would be honoured if the Mayor could fire the
    starting gun for our annual fun run at 10am on Sunday 6 September at
    Abbey Fields. It's a starting pistol that fires caps only; our race
    director will hand it over and show the Mayor how to use it.

    We'd also love the Mayor to present the medals afterwards, if the diary
    allows.

    Ruth Okafor
    Events Lead, St Clare's Hospice
    """, enc="qp")

add(G, "budget-consultation-stab-attack",
    "Budget consultation: 'take a stab at a guess' and 'attack the problem' are ordinary idioms.",
    "Elliot Marchant <elliot.marchant@civicminded.example>", "consultation@council.example",
    "Budget consultation response - section 4",
    """
    Section 4 asks what I think the council spends on agency staff. I
    genuinely have no idea, but I'll take a stab at a guess: 8 million? It
    would be useful if the consultation gave the actual figures.

    More generally, rather than trimming every service by 3 percent, I'd
    rather you attacked the problem at its root: the temporary accommodation
    bill. Spend now on buying homes and the savings come later.

    Elliot Marchant
    """)

add(G, "break-a-leg-panto-bombed",
    "'Break a leg' and 'last year's panto bombed' are theatre idioms in a hall hire request.",
    "Yvonne Salter <yvonne.salter@amdram.example>", "town.hall.bookings@council.example",
    "Town Hall - Christmas panto dates",
    """
    Dear Bookings,

    The Saltmarsh Players would like to book the Town Hall ballroom for our
    panto, Jack and the Beanstalk, from 8 to 13 December, with a get-in on
    the 7th.

    Between us, last year's Aladdin bombed - half-empty houses because we
    clashed with the school concert - so we're going a week earlier. Will
    the tiered seating be available again?

    And if anyone from the council wants to come and wish the cast break a
    leg on opening night, we'd be delighted.

    Yvonne Salter
    """)

add(G, "blow-up-old-photo",
    "'Blow up the photo' means enlarge it; a library local history request.",
    "Ken Threadgold <ken.threadgold@localhistory.example>", "local.studies@council.example",
    "Copy of 1953 coronation street party photo",
    """
    Good morning,

    In your local studies collection there's a photograph of the 1953
    coronation street party on Gasworks Terrace (item LS/P/2291). I think
    my mother is the little girl on the left. Would it be possible to get a
    high resolution scan and blow it up to A3 so we can see the faces?

    Happy to pay the reproduction fee.

    Ken Threadgold
    """)

add(G, "hammer-to-budget-axe-scheme",
    "'Take a hammer to the budget' and 'axe the scheme' are idioms for cuts, in a forceful consultation reply.",
    "Deborah Fane <deborah.fane@parentvoice.example>", "consultation@council.example",
    "Please don't axe the holiday activities scheme",
    """
    I understand you have to take a hammer to the budget this year, but
    axing the holiday activities and food scheme would be a false economy.
    For a lot of families on our estate it's the only hot meal the children
    get in August.

    If something has to be cut, cut the glossy residents' magazine before
    you cut lunches for kids. Please keep the scheme.

    Deborah Fane
    """, enc="alt")

add(G, "burn-the-midnight-oil-thanks",
    "'Burn the midnight oil' is praise for an officer's hard work.",
    "Anthony Greaves <a.greaves@smallbiz.example>", "planning@council.example",
    "Thank you - 26/00822/FUL",
    """
    Dear Ms Achterberg,

    I just wanted to say thank you for turning round the shopfront
    application for the bakery so quickly. I know you must have burned the
    midnight oil to get the report written before the committee deadline,
    and it means we can open before the summer.

    You'll get a free loaf whenever you're passing.

    Anthony Greaves
    """)

add(G, "killer-deal-market-stall",
    "'A killer deal' is marketing slang in a market stall enquiry.",
    "Dev Mistry <dev.mistry@phonestall.example>", "markets@council.example",
    "Casual stall at the Saturday market",
    """
    Hi Markets Team,

    I sell refurbished phones and accessories and I'd like a casual pitch at
    the Saturday market. Is there availability in March?

    I saw your flyer about the new-trader offer - first four weeks at half
    rent. That's a killer deal, so count me in if it's still running.

    Dev Mistry
    """)

add(G, "kill-the-engine-school-idling",
    "'Kill the engine' means switch it off, in an anti-idling campaign request.",
    "Felicity Arkwright <felicity.a@cleanair.example>", "air.quality@council.example",
    "Anti-idling signs outside St Mark's Primary",
    """
    Dear Air Quality Team,

    The parents' eco group at St Mark's Primary would like to run an
    anti-idling week in May. Could the council provide some of the "Kill
    your engine - not our air" banners we've seen at other schools, and
    could a civil enforcement officer come along one morning?

    Every afternoon there are twenty cars sitting outside the gates with
    engines running for 15 minutes. We want to persuade drivers to kill the
    engine while they wait.

    Felicity Arkwright
    """)

add(G, "two-birds-shot-down",
    "'Kill two birds with one stone' and 'the committee shot down the plan' are common idioms.",
    "Roger Pennefather <roger.p@parishcouncil.example>", "cllr.h.jameson@council.example",
    "Village hall car park and the bus shelter",
    """
    Dear Helen,

    I know the planning committee shot down our plan for the bigger village
    hall car park last month, but we've had another idea that might kill two
    birds with one stone: if the hall gave up the strip by the road, the
    county could move the bus shelter off the narrow pavement and we'd gain
    six spaces behind it.

    Could we meet on site some time? Any afternoon next week suits me.

    Roger Pennefather
    Clerk, Little Hadham Parish Council
    """)

add(G, "charity-swim-beat-you",
    "'I'll beat you to it' / 'beat you in a race' is friendly challenge banter with a councillor.",
    "Hannah Wetherell <hannah.wetherell@swimclub.example>", "cllr.m.ferreira@council.example",
    "Swimathon challenge",
    """
    Hi Councillor Ferreira,

    We heard you've signed up for the 5k Swimathon at the Lido. So have I!
    I'm 73 and I reckon I will beat you in a race over 5k any day of the
    week. Loser buys the teas.

    I was going to suggest we set up a joint fundraising page, but knowing
    you, you'll beat me to it.

    Hannah
    """)

add(G, "welsh-crasfa-rygbi",
    "Welsh rugby club booking: 'cael crasfa' (take a thrashing) and 'lladd dau aderyn ag un garreg' are idioms.",
    "Iolo Griffiths <iolo.griffiths@clwbrygbi.example>", "hamdden@council.example",
    "Archebu'r cae - Clwb Rygbi Llanfihangel",
    """
    Shwmae,

    Fe gawson ni grasfa 40-3 ddydd Sadwrn, felly mae angen pob sesiwn
    ymarfer y gallwn ni ei chael! Hoffen ni archebu cae 2 ym Mharc y Dref
    bob nos Fawrth a nos Iau tan ddiwedd mis Mai.

    Gallen ni ladd dau aderyn ag un garreg hefyd: os yw'r llifoleuadau
    ymlaen ar gyfer y clwb pêl-droed ar nos Iau, gallwn ni rannu'r gost.

    Diolch,
    Iolo Griffiths
    Ysgrifennydd, Clwb Rygbi Llanfihangel
    """, welsh=True)

add(G, "welsh-traed-yn-fy-lladd",
    "Welsh: 'mae fy nhraed yn fy lladd i' (my feet are killing me) in an Eisteddfod volunteer note.",
    "Mererid Owen <mererid.owen@gwirfoddoli.example>", "digwyddiadau@council.example",
    "Diolch - stiwardio'r Eisteddfod",
    """
    Helo,

    Diolch am y cyfle i stiwardio ar faes yr Eisteddfod ddoe. Roedd hi'n
    ddiwrnod gwych, ond ar ôl deuddeg awr ar fy nhraed mae fy nhraed yn fy
    lladd i heddiw!

    Un awgrym ar gyfer y flwyddyn nesaf: cadeiriau yn y babell stiwardiaid,
    os gwelwch yn dda.

    Cofion,
    Mererid
    """, welsh=True)

add(G, "welsh-cwis-curo",
    "Bilingual quiz challenge: 'rydyn ni'n mynd i'ch curo chi' (we're going to beat you); friendly rivalry.",
    "Aled Bowen <aled.bowen@menter.example>", "cllr.c.rees@council.example",
    "Cwis y Fenter / Menter quiz night",
    """
    Annwyl Gynghorydd Rees,

    Diolch am gytuno i roi tîm o gynghorwyr yn y cwis dwyieithog nos Wener.
    Rhybudd teg: rydyn ni'n mynd i'ch curo chi'n rhacs!

    (Thanks for putting a councillors' team into the bilingual quiz on
    Friday. Fair warning: we're going to beat you hollow.)

    Aled
    """, welsh=True)

add(G, "youth-club-esports-kill-process",
    "Youth club esports 'destroy you at FIFA' banter plus technical 'kill the process' and 'execute the script'.",
    "Ollie Trask <ollie.trask@youthwork.example>", "it.servicedesk@council.example",
    "Youth club PCs - esports night",
    """
    Hi IT,

    For the esports night at Northgate Youth Club we need the four gaming
    PCs unlocked for EA FC and Rocket League on the 12th. The kids have
    already told me they're going to destroy the staff team, so no pressure.

    Last time the game launcher hung and we had to get Task Manager to kill
    the process, which the locked-down accounts won't allow. Could you
    either whitelist the launcher or let me execute the update script as
    admin beforehand?

    Ollie Trask
    Youth Worker
    """)

# ---------------------------------------------------------------------------
# innocent_sense (45): innocent senses of words that can be slurs or insults
# ---------------------------------------------------------------------------
S = "innocent_sense"

add(S, "school-dinners-faggots-spotted-dick",
    "School dinner menu: 'faggots and peas', 'spotted dick' and 'jam tart' are traditional British dishes.",
    "Louise Pemberton <louise.pemberton@schoolgate.example>", "school.meals@council.example",
    "Spring menu at Broadmead Primary",
    """
    Hello School Meals,

    My daughter is in Year 3 at Broadmead Primary. I see the new spring
    menu has faggots and peas with mash on Thursdays, followed by jam tart
    and custard. She loves it, but she's coeliac - are the faggots made with
    breadcrumbs, and is there a gluten-free version?

    Also, could the Friday pudding (spotted dick) have a gluten-free option
    too? She feels left out when everyone else gets the sponge.

    Thank you,
    Louise Pemberton
    """)

add(S, "market-butcher-faggots-bakewell",
    "Market trader selling homemade faggots in gravy and Bakewell tarts; food senses, Hancock is a surname.",
    "Walter Hancock <walter@hancocksbutchers.example>", "markets@council.example",
    "Permanent stall application - Hancock's Butchers",
    """
    Dear Markets Manager,

    Hancock's Butchers has traded on a casual pitch for two years and we'd
    like to apply for the permanent corner stall when it becomes free.

    We sell our own sausages, homemade faggots in onion gravy, black
    pudding and pork pies, and my sister-in-law does Bakewell tarts and
    custard tarts on Saturdays. All food hygiene rated 5. We'd need a
    three-phase socket for the chiller.

    Regards,
    Walter Hancock
    """)

add(S, "hedge-laying-faggots-of-brash",
    "Hedge-laying course: brash bundled into faggots (bundles of sticks); countryside craft sense.",
    "Tom Ashby <tom.ashby@greenwoodcrafts.example>", "countryside@council.example",
    "Hedge-laying day at Coldharbour Country Park",
    """
    Hi Countryside Team,

    Thanks for agreeing to let our group lay the hawthorn hedge along the
    top of the north slope at Coldharbour. A few practical points for the
    day:

    - We'll cut the hazel stakes and binders on site from the coppice
      compartment you marked.
    - The brash we trim off will be tied into faggots. Would you like the
      faggots left by the gate for your rangers to use as dead hedging, or
      shall we stack them in the habitat pile?
    - We'll bring our own billhooks and spades, gloves and a first aid kit.

    Tom Ashby
    Greenwood Crafts Volunteers
    """)

add(S, "river-bank-faggots-and-dyke",
    "River restoration with brushwood faggots staked on a bank and a drainage dyke; engineering senses.",
    "Dr Philippa Moss <p.moss@riverstrust.example>", "flood.risk@council.example",
    "Bank protection at Mill Meadows - method statement",
    """
    Dear Flood Risk Officer,

    Attached is our method statement for the soft bank protection at Mill
    Meadows. Rather than rock armour we propose faggots of willow and hazel
    brushwood, staked and wired along the toe of the eroding bank, which
    will trap silt and root in within two seasons.

    We will also need to clear the outfall where the field drainage dyke
    joins the river, as it is currently choked with reed and the dyke is
    backing up onto the footpath. Could you confirm whether this needs
    ordinary watercourse consent?

    Dr Philippa Moss
    Upper Wend Rivers Trust
    """)

add(S, "fag-ends-bus-shelter",
    "'Fag ends' and 'cigarette butts' are ordinary words for discarded cigarettes.",
    "Irene Butts <irene.butts@cornerhouse.example>", "street.cleansing@council.example",
    "Fag ends at the Hill Street bus shelter",
    """
    Dear Street Cleansing,

    The bus shelter on Hill Street by the college is ankle-deep in fag ends.
    There must be hundreds of cigarette butts in the gutter and round the
    bench, and they wash into the drain every time it rains.

    Could a sweeper come round, and could you think about putting one of
    those cigarette bins on the side of the shelter? The students would use
    it, I'm sure.

    Many thanks,
    Irene Butts
    """)

add(S, "balcony-fag-smoke",
    "Neighbour nips out for a fag on the balcony; 'fag' as cigarette and 'nip out' as pop out.",
    "Kamal Siddiqui <kamal.siddiqui@towerblock.example>", "tenancy.management@council.example",
    "Smoke coming into my flat - Ravensworth House",
    """
    Hi,

    I'm in flat 31 at Ravensworth House. The tenant below me nips out onto
    his balcony for a fag every hour, day and night, and the smoke comes
    straight up into my baby's bedroom window. I've asked him nicely and he
    says it's his balcony and he can have a fag if he wants.

    I don't want to fall out with him. Is there anything in the tenancy
    agreement about smoking on balconies, or could you send a friendly
    letter to the block?

    Kamal Siddiqui
    """)

add(S, "welsh-clawdd-offa-dyke-path",
    "Bilingual report of erosion on Offa's Dyke (Clawdd Offa); 'dyke' as the earthwork.",
    "Meinir Roberts <meinir.roberts@cerddwyr.example>", "hawliau.tramwy@council.example",
    "Erydiad ar Lwybr Clawdd Offa / Erosion on Offa's Dyke Path",
    """
    Annwyl Swyddog Hawliau Tramwy,

    Mae rhan o Lwybr Clawdd Offa i'r de o'r bont wedi erydu'n ddrwg ar ôl
    y glaw. Mae'r llethr yn llithrig iawn ac mae'r grisiau pren wedi
    pydru.

    In English: the Offa's Dyke Path just south of the footbridge has a
    badly eroded section where the path climbs the slope beside the dyke
    itself. The bank of the dyke is being trampled as walkers go round the
    rotten steps. It's a scheduled monument, so I thought you and Cadw
    should know.

    Meinir Roberts
    Cerddwyr y Gororau
    """, welsh=True)

add(S, "welsh-tomen-lo-slag-heap",
    "Partly Welsh concern about an old coal tip above a school; 'slag heap' and 'tomen lo' are mining terms.",
    "Ceri Watkins <ceri.watkins@cwm-taf.example>", "diogelwch.tomenni@council.example",
    "Tomen lo uwchben Ysgol Gynradd y Cwm / Coal tip above the school",
    """
    Annwyl Swyddog,

    Dw i'n poeni am yr hen domen lo uwchben Ysgol Gynradd y Cwm. Ar ôl y
    glaw mawr mae dŵr yn llifo allan o waelod y domen.

    The old slag heap above the primary school has water running out of
    its toe after the heavy rain, and there is a new crack in the track
    along the top. Everybody round here grew up with Aberfan in mind. Is
    this tip on the Coal Tip Safety category list, and when was it last
    inspected?

    Ceri Watkins
    """, welsh=True)

add(S, "driveway-steel-slag-aggregate",
    "Building query about steel slag aggregate and slag wool insulation; industrial by-product sense.",
    "Martin Leggatt <m.leggatt@buildright.example>", "building.control@council.example",
    "Steel slag sub-base and slag wool - any issues?",
    """
    Dear Building Control,

    I'm doing a self-build at Plot 4, Foundry Lane. My groundworker has
    offered a cheap sub-base made from crushed steel slag from the old
    works. I've read that some steel slag can expand when it gets wet. Is
    it acceptable under the floor slab, or should I stick to Type 1
    limestone?

    Also, is slag wool insulation acceptable in the timber frame walls, or
    do you prefer glass or rock wool?

    Martin Leggatt
    """)

add(S, "allotment-bastard-trenching",
    "Allotment newsletter: 'bastard trenching' is a double-digging term; spade and hoe are garden tools.",
    "Edna Crowther <edna.crowther@hollinsallotments.example>", "allotments@council.example",
    "Hollins Lane allotment society - tool shed and workshop",
    """
    Dear Allotments Officer,

    Two things from the Hollins Lane committee:

    1. The lock on the communal tool shed is broken again. Two spades, a
       Dutch hoe and the big fork have gone missing.

    2. We're running a winter workshop on bastard trenching (double digging
       for the new plot holders - one spit deep with the spade, then fork
       the second spit) on 15 November. May we put a notice in your
       newsletter?

    Also, could the council provide a couple of vermin-proof compost bins?
    The rats are back in the open heaps. And is the load of cow manure
    from Dawes' farm still coming in March?

    Edna Crowther
    Hon. Secretary
    """)

add(S, "library-bridge-club-spades",
    "Bridge club at the library: 'spades' as a suit and 'call a spade a spade'; Fanny as a first name.",
    "Fanny Cockburn <fanny.cockburn@bridgeclub.example>", "libraries@council.example",
    "Bridge club room booking - and a small complaint",
    """
    Dear Library Manager,

    The Tuesday bridge club would like to continue booking the meeting room
    from 2 to 5pm next term.

    To call a spade a spade, the room was freezing last term and several of
    our members are in their eighties. Could the heating be on before we
    arrive? Nobody can bid four spades with numb fingers.

    With best wishes,
    Fanny Cockburn (Mrs)
    Secretary, Westbury Bridge Club
    """)

add(S, "dog-breeding-licence-bitch-coonhound",
    "Breeding licence query: 'bitch in whelp' is the kennel term for a female dog; coonhound is a breed.",
    "Dale Renwick <dale.renwick@houndhaven.example>", "licensing@council.example",
    "Dog breeding licence - number of breeding bitches",
    """
    Dear Licensing,

    I hold a dog breeding licence (DB/0119) for Black and Tan Coonhounds
    and Bloodhounds. I currently keep four breeding bitches. One bitch is in
    whelp and due on the 20th, and I'd like to bring in a young coonhound
    bitch from a breeder in Yorkshire next spring.

    Would adding a fifth breeding bitch require a variation to my licence
    or a new inspection? And can you confirm the rule about no bitch having
    more than six litters?

    Dale Renwick
    """)

add(S, "lost-collie-bitch",
    "Lost dog report: 'our bitch' is a female dog; no insult.",
    "Alison Whyte <alison.whyte@farmcottage.example>", "dog.warden@council.example",
    "Lost dog - black and white collie, answers to Fly",
    """
    Hello,

    Our dog Fly went missing on Saturday evening from Top Farm Cottage,
    near the quarry. She's a black and white Border Collie bitch, eight
    years old, spayed, microchipped, with a red collar. She's nervous of
    strangers but not aggressive.

    If one of your wardens picks up a collie bitch anywhere near the
    quarry slope or the reservoir, please ring me on 07700 900288, any time.

    Alison Whyte
    """)

add(S, "cockerel-crowing-at-four",
    "Noise complaint about a neighbour's cock (cockerel) crowing at 4am; poultry sense.",
    "Simon Ferrier <simon.ferrier@quietlife.example>", "environmental.health@council.example",
    "Cockerel crowing from 4am",
    """
    Dear Environmental Health,

    My neighbour at 7 Paddock Close has started keeping hens, which is fine,
    but he's also got a cock, and it crows from about 4am every morning
    right outside our bedroom window. I've asked whether he could shut the
    cockerel in a darkened coop overnight, but he says it's the
    countryside.

    It is a housing estate. Is this something you can look at as a
    statutory nuisance?

    Simon Ferrier
    """)

add(S, "stopcock-ballcock-leak",
    "Repair request: stopcock and ballcock are plumbing parts.",
    "Doreen Platt <doreen.platt@sunnyside.example>", "housing.repairs@council.example",
    "Leak in the loft - 22 Sunnyside Walk",
    """
    Dear Repairs,

    Water was pouring out of the overflow pipe all night and this morning
    there was a wet patch on the bedroom ceiling. I've turned the water off
    at the stopcock under the kitchen sink, but it was so stiff I could
    hardly turn it.

    My son went up in the loft and says the ballcock in the cold water tank
    is stuck and the tank's overflowing. Can a plumber come today? I've got
    no water at all now.

    Doreen Platt
    """, enc="html-qp")

add(S, "missing-cat-called-pussy",
    "Missing cat: an old woman's cat is called 'Pussy'; pet name, no sexual sense.",
    "Gladys Whitmore <gladys.whitmore@teatime.example>", "animal.welfare@council.example",
    "Have you found my cat",
    """
    Dear Sir or Madam,

    My cat went missing on Wednesday night. She is a grey tabby with a white
    chest, very old (seventeen) and a bit deaf. Her name is Pussy. We never
    gave her a proper name when she came to us as a kitten and it stuck.

    My grandson said you keep a list of cats found on the road. Could you
    look and see if a grey tabby has been found near Laburnum Grove? If
    anyone finds Pussy alive please tell them she likes to be called.

    Gladys Whitmore (Mrs)
    """)

add(S, "park-pussy-willow-and-pansies",
    "Park planting suggestion: pussy willow and pansies are plants.",
    "Stella Achterberg <stella.a@friendsofthepark.example>", "parks@council.example",
    "Friends of Jubilee Park - planting ideas",
    """
    Dear Parks Team,

    The Friends of Jubilee Park would like to help with the spring planting
    around the pond. Our ideas:

    - a clump of pussy willow on the wet corner by the outflow, for early
      pollen for the bees (and the children love stroking the catkins);
    - pansies and violas in the planters by the gate instead of bedding
      begonias, as the pansies last right through the winter;
    - a few dwarf daffodils along the path edge.

    We can provide volunteers on the first Saturday of each month.

    Stella Achterberg
    """)

add(S, "library-queer-history-month",
    "Library event for LGBT+/Queer History Month; 'queer' used positively as an identity and academic term.",
    "Robin Ashworth-Lee <robin.al@pridegroup.example>", "libraries@council.example",
    "Queer History Month talk - February",
    """
    Hello,

    I run the local LGBTQ+ history group. We'd love to hold a talk at
    Central Library in February for LGBT+ History Month, called "Hidden in
    Plain Sight: Queer Lives in our Town, 1880 to 1990", using material
    from your local studies collection.

    We'd also like to set up a small display of queer fiction and
    non-fiction from the library's stock. Could we discuss dates and the
    room hire charge for a community group?

    Robin Ashworth-Lee (they/them)
    """)

add(S, "fumes-feeling-queer-street",
    "Elderly writer uses old senses: 'felt quite queer' (unwell) and 'in Queer Street' (in debt).",
    "Harold Jessop <harold.jessop@oldpost.example>", "environmental.health@council.example",
    "Fumes from the new takeaway",
    """
    Dear Sir,

    Since the takeaway opened below my flat on Station Parade the fumes
    from their extractor come straight in at my window. On Tuesday evening I
    felt quite queer, dizzy and sick, and had to sit in the garden until it
    passed.

    I am 86 and cannot afford to move. If I have to pay for a new window and
    a filter myself I shall be in Queer Street. Could somebody please come
    and check whether their flue is allowed?

    Yours faithfully,
    H. Jessop
    """)

add(S, "fire-retardant-cladding",
    "Building control query about fire retardant treatment of timber cladding; 'retardant' technical term.",
    "Gemma Ravenscroft <gemma.r@architects.example>", "building.control@council.example",
    "Fire retardant treated cladding - approval",
    """
    Dear Building Control,

    For the community cafe extension at Brookside Park (BC/26/0451) we are
    proposing larch cladding on the walls near the boundary. The timber
    supplier offers a pressure-impregnated fire retardant treatment that
    takes it to Euroclass B-s1,d0.

    Would you accept fire retardant treated timber within 1m of the
    boundary, or would you want a non-combustible board there? Data sheet
    attached.

    Gemma Ravenscroft RIBA
    """)

add(S, "sofa-fire-retardant-pouffe",
    "Bulky waste: a sofa's fire retardant label and a pouffe; furniture terms.",
    "Nadia Kowalski <nadia.kowalski@flatshare.example>", "bulky.waste@council.example",
    "Bulky collection - sofa, pouffe and mattress",
    """
    Hi,

    I'd like to book a bulky collection for a two-seater sofa, a leather
    pouffe and a single mattress from 4B Orchard Mews.

    The sofa is old and the fire retardant label has been cut off. Does it
    still count as a normal bulky item or does it need to go as upholstered
    waste containing POPs? I read something about that on your website.

    Nadia
    """)

add(S, "website-nonce-reuse",
    "Security disclosure: a cryptographic nonce reused in a payment form; technical term.",
    "Sam Okoro <sam.okoro@securityresearch.example>", "information.security@council.example",
    "Vulnerability report - payments page",
    """
    Hello,

    I'd like to responsibly disclose an issue on your online payments page.
    The CSRF token on the parking permit checkout appears to use a static
    nonce: the same nonce value is returned on every page load and across
    different sessions. The Content-Security-Policy header also reuses one
    script nonce for every request, which defeats its purpose.

    I haven't attempted to exploit this. I'm happy to share full details
    with your security team and I'll hold off publishing anything for 90
    days.

    Sam Okoro
    """, enc="html")

add(S, "nonce-words-writing-workshop",
    "Library writing workshop on nonce words (words coined for one occasion); linguistic term.",
    "Dr Imogen Fairweather <imogen.f@wordplay.example>", "libraries@council.example",
    "Children's writing workshop - invented words",
    """
    Dear Children's Librarian,

    I'm a retired English lecturer and I'd be glad to run a free half-term
    workshop for 8 to 12 year olds on invented words. We'd look at Lewis
    Carroll's nonce words like "frabjous" and "chortle" (a nonce word that
    stuck!), and at Roald Dahl, and then the children make up their own
    nonce words and write a poem with them.

    Could you let me know which dates in October might suit?

    Imogen Fairweather
    """)

add(S, "escaped-raccoon-licence",
    "Reports an escaped pet raccoon and asks about licensing; 'raccoon' is an animal.",
    "Trevor Ogden <trevor.ogden@smallholding.example>", "licensing@council.example",
    "Raccoon loose near Fell Road - do they need a licence?",
    """
    Hello,

    For two nights running a raccoon has been raiding our bins on Fell Road.
    I got a photo on the doorbell camera, it's definitely a raccoon, not a
    badger. I assume it's someone's escaped pet.

    Do raccoons need a licence to keep, and is there anyone I should report
    it to? I'm worried about our chickens, and I read they're an invasive
    species that shouldn't be released.

    Trevor Ogden
    """)

add(S, "boarded-window-chink-of-light",
    "A 'chink of light' through a boarded window and a 'chink in the armour' of an argument; everyday senses.",
    "Philip Ndlovu <philip.ndlovu@terrace.example>", "empty.homes@council.example",
    "Empty house at 11 Carlisle Terrace",
    """
    Dear Empty Homes Officer,

    Number 11 Carlisle Terrace has been boarded up since 2021. Last night I
    noticed a chink of light through the boards on the upstairs window, so
    someone may be getting in. I'm worried about squatters or a fire.

    The owner's agent keeps telling you it's being "actively marketed", but
    the chink in the armour of that story is that there's never been a
    board up or a listing online. Is an empty dwelling management order
    possible?

    Philip Ndlovu
    """)

add(S, "wedding-chink-of-glasses-fairy-lights",
    "Wedding at the register office: 'the chink of glasses' and 'fairy lights'; celebratory senses.",
    "Hollie Bramwell <hollie.bramwell@weddingplans.example>", "registrars@council.example",
    "Ceremony at the Old Court House - decorations",
    """
    Dear Registrars,

    We're booked for our ceremony in the Garden Room at the Old Court House
    on 19 September at 2pm. Two questions:

    1. May we put battery fairy lights around the arch and on the tables,
       and little jars of pansies from my nan's garden on the chairs?
    2. After the ceremony, can we have a toast in the courtyard? My nan
       says it isn't a wedding without the chink of glasses, so we'd bring
       our own prosecco and plastic-free flutes.

    Thank you!
    Hollie Bramwell
    """, enc="alt")

add(S, "gritting-nip-in-the-air",
    "'A nip in the air' (cold) and 'nip to the shop' (pop out) in a gritting request.",
    "Alf Gunnarsson <alf.gunnarsson@hilltop.example>", "winter.maintenance@council.example",
    "Grit bin for Hilltop Close",
    """
    Dear Winter Maintenance,

    There's a real nip in the air this week and the forecast says frost
    every night. Hilltop Close is steep and isn't on a gritting route, and
    the old grit bin at the top is empty and cracked.

    Could you replace and refill it? Most of us are pensioners, and at the
    moment we can't even nip to the shop at the bottom without holding on to
    the garden walls.

    Alf Gunnarsson
    """)

add(S, "burns-night-nip-gay-gordons",
    "Temporary event notice for a Burns night: 'a nip of whisky' and the 'Gay Gordons' dance.",
    "Isobel MacLeod <isobel.macleod@caledonian.example>", "licensing@council.example",
    "TEN - Burns Night at St Andrew's church hall",
    """
    Dear Licensing Team,

    The Caledonian Society would like to give a temporary event notice for
    our Burns Night supper at St Andrew's church hall on Saturday 24
    January, 7pm to midnight, about 90 guests.

    Alcohol: a nip of whisky for the toast to the haggis and the Immortal
    Memory, then a pay bar. There'll be a ceilidh band afterwards; the Gay
    Gordons and the Dashing White Sergeant usually get everyone up.

    Isobel MacLeod
    Secretary
    """)

add(S, "welsh-titw-tomos-las-streetlight",
    "Welsh/English: blue tits (titw tomos las) nesting in a lamp post; 'tit' is a bird.",
    "Branwen Hughes <branwen.hughes@adar.example>", "goleuadau.stryd@council.example",
    "Nyth titw tomos las yn y golau stryd / Blue tits nesting in lamp post",
    """
    Annwyl Swyddog,

    Mae pâr o ditw tomos las yn nythu yn y twll yng nghefn y golau stryd
    y tu allan i rif 8 Heol y Coed. Dw i'n deall bod y golau i'w newid yr
    wythnos nesaf.

    Just to explain in English: a pair of blue tits are nesting in the
    open hatch at the back of the lamp post outside 8 Heol y Coed, and I
    understand the column is due to be replaced next week. Could the work
    wait until the chicks fledge? Blue tits usually fledge by mid June, and
    nesting birds are protected.

    Branwen Hughes
    """, welsh=True)

add(S, "nest-boxes-great-tits-and-shags",
    "Nature project: 'tit boxes', 'great tits' and shags (a seabird); ornithological senses.",
    "Colin Pettigrew <colin.pettigrew@birdgroup.example>", "countryside@council.example",
    "Nest box project - Harbour Woods and the breakwater",
    """
    Hello,

    The Harbour Bird Group would like permission to put up twenty tit boxes
    (28mm hole) in Harbour Woods this winter. Our survey last spring found
    great tits, blue tits and coal tits all short of natural holes.

    Separately, the shags that nest on the old breakwater had a poor year:
    three of the nine shag nests were disturbed by people fishing off the
    end. Could the council put up a seasonal sign?

    Colin Pettigrew
    """)

add(S, "council-flat-door-knob-knocker",
    "Repair request: a door knob and a door knocker; household fixtures.",
    "Gloria Mensah <gloria.mensah@parkview.example>", "housing.repairs@council.example",
    "Front door repair - 5 Parkview Court",
    """
    Good morning,

    The knob on my front door came off in my hand yesterday and the spindle
    fell inside the door, so I can't open it from outside without the key
    turned just right. The brass knocker is also hanging off by one screw.

    Please can someone come and fix the door knob as soon as possible? I
    have a carer coming in twice a day.

    Gloria Mensah
    """)

add(S, "cookery-class-knob-of-butter",
    "Community cookery class recipe: 'a knob of butter' and 'prick the sausages'; cooking senses.",
    "Chef Danny Albright <danny.albright@communitykitchen.example>", "adult.learning@council.example",
    "Course notes - Cooking on a Budget week 3",
    """
    Hi Adult Learning,

    Here are the notes for week 3 of Cooking on a Budget for the printing:

    Toad in the hole. Heat the oven to 220. Prick the sausages with a fork
    and brown them in the tin with a little oil. Make the batter, pour it
    in and bake for 25 minutes. Serve with onion gravy: soften two onions
    in a knob of butter, add a spoon of flour and stock. Finish the mash
    with another knob of butter and a splash of milk.

    Could you print 14 copies for Thursday?

    Danny
    """)

add(S, "nativity-donkey-ass",
    "Nativity play wants a donkey ('an ass'), quoting the traditional carol wording; animal sense.",
    "Rev. Helen Stokes <helen.stokes@stmarys.example>", "events@council.example",
    "Live nativity in the Market Square",
    """
    Dear Events Team,

    St Mary's would like to hold a live nativity in the Market Square on
    Saturday 19 December, 3 to 4pm. A local farm has kindly offered a
    donkey - or, as the children keep saying from the carol, "the ox and
    ass" - along with two sheep.

    The ass is very placid and will be with her handler at all times. Do
    we need any animal welfare permissions or extra insurance?

    Rev. Helen Stokes
    """)

add(S, "pub-ass-and-foal-licence",
    "Premises licence variation for a pub named 'The Ass and Foal'; pub name referring to a donkey.",
    "Rob Tennant <rob.tennant@assandfoal.example>", "licensing@council.example",
    "Variation - The Ass and Foal, Long Street",
    """
    Dear Licensing,

    I'm the designated premises supervisor at The Ass and Foal on Long
    Street. We'd like to apply for a minor variation to add the beer garden
    to the licensed area and to extend our hours on Fridays to midnight.

    (For anyone wondering about the name, the pub has had a painted sign of
    a donkey and her foal since 1790, when the drovers used to stop here.)

    Rob Tennant
    """)

add(S, "traveller-site-bender-tent",
    "Gypsy and Traveller site query: a 'bender' is a traditional bow-top shelter; official and cultural terms.",
    "Lucy Boswell <lucy.boswell@travellerrights.example>", "gypsy.traveller.liaison@council.example",
    "Site at Green Lane - extra pitch and bender",
    """
    Dear Liaison Officer,

    I live on pitch 6 at the Green Lane Gypsy and Traveller site. My
    daughter has just had her baby and we'd like to put up a bender (a
    canvas shelter over hazel bows, the way my grandmother lived) beside
    the trailer for the summer, as we're short of space.

    Does that need permission under the site licence? And is there any news
    on the extra pitches in the council's Gypsy and Traveller accommodation
    assessment?

    Lucy Boswell
    """)

add(S, "tool-library-pipe-bender",
    "Borrowing a pipe bender from the community tool library; plumbing tool.",
    "Jake Hussain <jake.hussain@diyhome.example>", "community.hubs@council.example",
    "Tool library - pipe bender",
    """
    Hi,

    Does the tool library at the Westside community hub have a pipe bender
    for 15mm copper? I'm moving a radiator and need a couple of neat bends.
    If not, is there a bending spring? I saw a hydraulic bender on the list
    online but it might be overkill.

    Cheers,
    Jake
    """)

add(S, "verge-cow-parsley-mowing",
    "Roadside verge management: cow parsley and cows in a field; plant and cattle senses.",
    "Willy Hancock <willy.hancock@hedgerow.example>", "highways@council.example",
    "Mowing the verges on Stonepit Lane",
    """
    Dear Highways,

    Your contractor mowed the whole verge on Stonepit Lane flat last week,
    right in the middle of the cow parsley flowering. It used to be a white
    froth of cow parsley and campion all May and June. Could you consider
    cutting only a one metre safety strip and leaving the rest until
    September, as other councils do?

    The cows in Mr Dawes' field still have a view of it, but sadly the bees
    don't.

    Willy Hancock
    """)

add(S, "playground-monkey-bars",
    "Playground repair: broken monkey bars; kids 'go ape' on the climbing frame; play equipment senses.",
    "Zoe Castellano <zoe.castellano@mumsnetwork.example>", "cllr.g.cockburn@council.example",
    "Monkey bars at Recreation Ground",
    """
    Dear Councillor Cockburn,

    The monkey bars on the big climbing frame at the Recreation Ground have
    been taped off for five months. One rung snapped and nothing has been
    done. It's the only bit of the playground the older kids actually like;
    they go ape on it after school.

    Could you chase the parks team? A few of us would even fundraise for
    new monkey bars if the council can't afford it.

    Zoe Castellano
    """)

add(S, "tpo-monkey-puzzle-go-ape",
    "Tree query about a monkey puzzle tree and the Go Ape course; plant and company names.",
    "Rupert Dunmore <rupert.dunmore@lakeside.example>", "trees@council.example",
    "Monkey puzzle tree and the Go Ape site",
    """
    Dear Tree Officer,

    The old monkey puzzle tree at the lakeside entrance of Rivermead Park
    is dropping its branches onto the path. Is it protected, and are you
    planning any work?

    I also noticed fresh marking on several oaks near the proposed Go Ape
    treetop course. Will the oaks be harmed by the platforms? The ape
    enclosure signs from the old zoo are still up on the fence nearby,
    which confused my grandchildren.

    Rupert Dunmore
    """)

add(S, "heritage-photo-gay-bunting",
    "Local history caption: 'gay with bunting' and 'the Gay Nineties' use the old meaning of cheerful.",
    "Margaret Elphick <m.elphick@heritagesociety.example>", "museum@council.example",
    "Captions for the Victorian High Street exhibition",
    """
    Dear Curator,

    Here are the captions for our three loaned photographs:

    1. "High Street, Jubilee Day 1897. The shops are gay with bunting and
       flags for the Queen's Diamond Jubilee."
    2. "The bandstand, about 1895. A Sunday concert in the so-called Gay
       Nineties, when the town's population doubled."
    3. "The old Corn Exchange before the fire of 1911."

    These are quoted from the original postcards, so please keep the
    wording as it is.

    Margaret Elphick
    Westbury Heritage Society
    """)

add(S, "heritage-plaque-spastics-society",
    "Heritage plaque text naming 'the Spastics Society' (now Scope) as a historical organisation.",
    "Bernard Quennell <bernard.q@civicsociety.example>", "heritage@council.example",
    "Blue plaque wording - Dorothy Kemp",
    """
    Dear Heritage Officer,

    Our proposed wording for the blue plaque at 14 Abbey Road:

      DOROTHY KEMP 1908-1986
      Campaigner for disabled children
      founded the town's branch of the Spastics Society here in 1953

    We know the charity has been called Scope since 1994 and that the old
    name is now considered offensive. We have kept it because it is the
    organisation's historical name. We'd suggest a small panel underneath
    explaining the change. Would the council support that?

    Bernard Quennell
    """, enc="qp")

add(S, "archive-spastics-society-branch-records",
    "Archive enquiry about records of the local Spastics Society branch (now Scope); historical name.",
    "Dr Yasmin Farouk <y.farouk@disabilityhistory.example>", "archives@council.example",
    "Records of the local Spastics Society branch, 1950s-1970s",
    """
    Dear Archivist,

    I am researching the history of disability campaigning in the region.
    Your catalogue lists a deposit "Records of the Westbury and District
    Spastics Society, 1953-1978" (ref D/SS/1-44). Could I book a reading
    room appointment to see the minute books and the fundraising
    scrapbooks?

    I'd also be interested in anything on the Spastics Society's day centre
    on Mill Road, which I believe the council took over in 1979.

    Dr Yasmin Farouk
    """)

add(S, "christmas-market-fairy-lights-crackers",
    "Christmas market stall: fairy lights, Christmas crackers and a tooth fairy book; festive senses.",
    "Dick Butts <dick.butts@craftystall.example>", "markets@council.example",
    "Christmas market - stall 14",
    """
    Hello,

    I've got stall 14 at the Christmas market. Could I run a small
    extension lead off the Bandstand supply for my fairy lights? They're LED
    and PAT tested.

    I'll be selling handmade Christmas crackers (the snap strips are the
    usual novelty-grade ones, no bangers) and my daughter's picture book
    about the tooth fairy.

    Dick Butts
    """)

add(S, "foodbank-cream-crackers-fairy-cakes",
    "Food bank donation list: cream crackers and fairy cakes; food senses. Signed by Cllr Hancock's office.",
    "Deborah Willoughby <debs.willoughby@foodbank.example>", "community.grants@council.example",
    "Food bank shopping list for the Christmas appeal",
    """
    Hi Community Grants,

    As requested, here's what we are most short of for the Christmas appeal:

    - tinned meat and fish
    - long-life milk and UHT custard
    - cream crackers and crispbreads
    - boxes of fairy cakes or mince pies for the hampers
    - toiletries, especially for teenagers

    Councillor Hancock said the grant could go towards a bulk order. Uncle
    Willy (our driver) can collect from the cash and carry on the 12th.

    Debs
    """)

add(S, "registrar-names-fanny-dick-willy",
    "Registrar query: old family first names Fanny, Dick (Richard) and Willy (William) on certificates.",
    "Angela Trimble <angela.trimble@familytree.example>", "registrars@council.example",
    "Copy certificates - great-grandparents",
    """
    Dear Registrar,

    I'd like to order copies of the following from your historic
    registers:

    - birth of Fanny Elizabeth Cockburn, 1889, Westbury district;
    - marriage of Richard (known as Dick) Hancock and Fanny Cockburn, 1911;
    - death of William Hancock, 1947. On the census he was "Willy", but I
      think he was registered as William.

    Fees enclosed by card payment on your website, reference FH-20931.

    Angela Trimble
    """, enc="b64")

# ---------------------------------------------------------------------------
# place (30): place names and surnames with rude-looking substrings
# ---------------------------------------------------------------------------
P = "place"

add(P, "scunthorpe-moving-in",
    "Scunthorpe is a town in North Lincolnshire; new resident asking about bins.",
    "Kelly Bradshaw <kelly.bradshaw@movingday.example>", "waste@council.example",
    "New resident - bins",
    """
    Hi, we've just moved down from Scunthorpe to 4 Weaver Close and there
    are no bins at the property. Could you deliver a grey bin and a
    recycling box? Thanks, Kelly
    """)

add(P, "penistone-road-permit",
    "Penistone Road (after the town of Penistone, near Barnsley); a parking permit query.",
    "Arthur Lumb <arthur.lumb@sheafmail.example>", "parking.permits@council.example",
    "Resident permit - Penistone Road",
    """
    Dear Parking Services,

    I live at 212 Penistone Road and my resident permit expires on the
    30th. The online renewal form won't accept my postcode. Could you renew
    it over the phone or by post instead?

    Arthur Lumb
    """)

add(P, "middlesex-council-tax-transfer",
    "Former address in Twickenham, Middlesex; council tax moving-in notice.",
    "Oliver Prentice <oliver.prentice@newhome.example>", "counciltax@council.example",
    "Moving in - council tax",
    """
    Hello, I moved into Flat 2, 9 Grove Road on 1 March. My previous
    address was 15 Heath Gardens, Twickenham, Middlesex TW1 4LZ. Please set
    up a council tax account for me; I'd like to pay by direct debit over
    twelve months.

    Oliver Prentice
    """)

add(P, "essex-road-sussex-street-closure",
    "Essex Road and Sussex Street are street names; road closure query.",
    "Maxine Tull <maxine.tull@eastend.example>", "streetworks@council.example",
    "Closure of Essex Road",
    """
    Is Essex Road still closed at the junction with Sussex Street next week?
    I have a furniture delivery booked for Wednesday and the driver wants
    to know which way to come in. Maxine Tull, 31 Sussex Street.
    """)

add(P, "lightwater-coach-trip",
    "Lightwater is a village in Surrey (and Lightwater Valley a park); coach parking enquiry.",
    "Paula Greenwood <paula.greenwood@seniorsclub.example>", "parking@council.example",
    "Coach parking for a day trip",
    """
    Dear Parking,

    Our seniors' club is coming back from a trip to Lightwater on Thursday
    and the coach will drop us in the Market Place at about 6pm. Can the
    coach wait ten minutes in the bus bay while people get off with their
    walking frames? Paula Greenwood
    """, enc="html")

add(P, "cockermouth-flood-study-visit",
    "Cockermouth is a town in Cumbria known for its flood defences; a councillor study visit.",
    "Ian Lowther <ian.lowther@floodgroup.example>", "cllr.t.aske@council.example",
    "Visit to Cockermouth flood defences",
    """
    Dear Councillor Aske,

    Our flood action group has arranged a visit to see the glass flood
    walls in Cockermouth on 14 May, hosted by their community flood group.
    There are two spare seats on the minibus if you or a flood risk officer
    would like to come.

    Ian Lowther
    """)

add(P, "shitterton-holiday-cottage-bins",
    "Shitterton is a hamlet in Dorset; an owner asking about business waste for a holiday let.",
    "Charlotte Frome <charlotte.frome@holidaylets.example>", "commercial.waste@council.example",
    "Trade waste for a holiday cottage",
    """
    Hello, I run a holiday cottage here and another one in Shitterton, near
    Bere Regis. Dorset told me holiday lets need trade waste collections.
    Is that the same here, and what does a weekly collection cost?

    Charlotte Frome
    """)

add(P, "twatt-orkney-birth-registration",
    "Twatt is a village in Orkney; a question about registering a birth away from home.",
    "Magnus Flett <magnus.flett@northisles.example>", "registrars@council.example",
    "Registering a birth - we live in Orkney",
    """
    Dear Registrar,

    Our baby was born at your hospital on Monday while we were visiting
    family, but we live in Twatt, on Orkney Mainland. Can we register the
    birth with you by declaration, or do we have to do it in Orkney?

    Magnus Flett
    """)

add(P, "welsh-penisarwaun-grant",
    "Penisa'r-waun is a village in Gwynedd; a Welsh-language community grant enquiry.",
    "Sioned Parry <sioned.parry@neuadd.example>", "grantiau@council.example",
    "Grant cymunedol - Neuadd Penisa'r-waun",
    """
    Annwyl Swyddog Grantiau,

    Mae pwyllgor Neuadd Bentref Penisa'r-waun yn bwriadu gwneud cais am
    grant i osod paneli solar ar y to. Ydy'r gronfa ynni cymunedol ar agor
    ar hyn o bryd, ac oes angen tri dyfynbris?

    Diolch,
    Sioned Parry
    Ysgrifennydd, Neuadd Penisa'r-waun
    """, welsh=True)

add(P, "clitheroe-castle-school-trip",
    "Clitheroe is a market town in Lancashire; a school trip risk assessment question.",
    "Mr Darren Holt <d.holt@stjamesprimary.example>", "education.visits@council.example",
    "EVC approval - Year 4 trip to Clitheroe Castle",
    """
    Hello, I've submitted the EVOLVE form for our Year 4 trip to Clitheroe
    Castle Museum on 9 June. Could the outdoor education adviser approve it
    by Friday so we can confirm the coach? Thanks, Darren Holt
    """)

add(P, "cumwhinton-cumbria-planning",
    "Cumwhinton is a village near Carlisle in Cumbria; a planning history search.",
    "Jennifer Routledge <jen.routledge@edenvalley.example>", "planning@council.example",
    "Planning history request",
    """
    Dear Planning,

    I'm buying a barn conversion and the vendor is the same company that
    converted one in Cumwhinton, Cumbria, without building regs sign-off.
    Can you confirm whether completion certificates were issued for
    Hollow Barn, Sheep Lane, in your area?

    Jennifer Routledge
    """)

add(P, "bitchfield-road-closure",
    "Bitchfield is a village in Lincolnshire; a diversion query for a haulier.",
    "Stuart Fox <stuart.fox@haulage.example>", "streetworks@council.example",
    "HGV diversion via Bitchfield?",
    """
    Hi, your diversion for the B1176 closure sends HGVs through Bitchfield
    and Ingoldsby, but the lanes there are single track. Is there a
    suitable lorry route? We run six artics a day to the grain store.
    Stuart Fox, transport manager
    """)

add(P, "cockfosters-park-and-ride",
    "Cockfosters is a London Underground terminus; asking about park and ride.",
    "Femi Ogunleye <femi.ogunleye@commuter.example>", "transport.planning@council.example",
    "Park and ride like Cockfosters?",
    """
    Has the council considered a park and ride at the old station site? I
    used to commute from Cockfosters, where the car park at the end of the
    Piccadilly line was full by 8am, so I reckon it would be popular here.
    Femi Ogunleye
    """)

add(P, "scratchy-bottom-walk",
    "Scratchy Bottom is a valley near Durdle Door in Dorset; a rambling group's minibus query.",
    "Gordon Pike <gordon.pike@ramblers.example>", "community.transport@council.example",
    "Community minibus hire - Dorset coast walk",
    """
    Dear Community Transport,

    Our rambling group would like to hire the community minibus on 12 July
    for a coast walk from Lulworth Cove past Durdle Door and Scratchy
    Bottom. Sixteen walkers, one driver with a D1 licence. Is the minibus
    free that day?

    Gordon Pike
    """)

add(P, "wetwang-chariot-burial-talk",
    "Wetwang is a village in East Yorkshire famous for an Iron Age chariot burial; a museum talk.",
    "Dr Helen Marwood <h.marwood@archaeology.example>", "museum@council.example",
    "Talk offer - the Wetwang chariot burials",
    """
    Dear Museum Manager,

    I'd be glad to give a free evening talk on the Iron Age chariot
    burials found at Wetwang Slack in East Yorkshire, with replica finds,
    as part of your archaeology season. Any Thursday in October works for
    me.

    Helen Marwood
    """)

add(P, "crapstone-devon-blue-badge",
    "Crapstone is a village in Devon; a Blue Badge holder moving area.",
    "Derek Sowton <derek.sowton@moorside.example>", "bluebadge@council.example",
    "Blue Badge - change of address",
    """
    Hello, I've moved here from Crapstone, near Yelverton in Devon. My Blue
    Badge was issued by Devon County Council and doesn't expire until next
    year. Do I need to reapply with you straight away? Derek Sowton
    """)

add(P, "pratts-bottom-cycle-route",
    "Pratts Bottom is a village in the London Borough of Bromley; a cycle route question.",
    "Lewis Chadwick <lewis.chadwick@cyclist.example>", "active.travel@council.example",
    "Signed cycle route to the county boundary",
    """
    Hi, is there any plan to sign the quiet-lanes cycle route all the way
    to the county boundary? At the moment it stops at the A21 and you have
    to guess your way to Pratts Bottom and Knockholt. Lewis Chadwick
    """)

add(P, "titty-ho-raunds-address",
    "Titty Ho is a street in Raunds, Northamptonshire; correcting an address on a council record.",
    "Marion Skelton <marion.skelton@northants.example>", "electoral.services@council.example",
    "Wrong address on my postal vote",
    """
    Dear Electoral Services,

    My postal vote form still shows my old address, 12 Titty Ho, Raunds,
    Northamptonshire. I registered here in January. Please update it and
    send a new postal vote pack to 3 Kestrel Drive.

    Marion Skelton
    """)

add(P, "swine-and-ugley-wi",
    "Swine (East Yorkshire) and Ugley (Essex) are villages; a Women's Institute exchange.",
    "Barbara Eccles <barbara.eccles@wi.example>", "community.centres@council.example",
    "Room booking - WI exchange visit",
    """
    Hello,

    Our WI is hosting a visit from the Ugley Women's Institute in Essex on
    8 April, and the ladies from Swine, near Hull, are coming too. Could we
    book the Assembly Room from 10am to 3pm, with the kitchen?

    Barbara Eccles
    """)

add(P, "great-cockup-brown-willy-fells",
    "Great Cockup (a Lake District fell) and Brown Willy (Cornwall's highest hill); a Duke of Edinburgh query.",
    "Tariq Jamal <tariq.jamal@dofe.example>", "youth.services@council.example",
    "DofE expeditions - route approval",
    """
    Dear Youth Services,

    For the Gold DofE practice expeditions this summer, group A will walk
    in the northern fells over Great Cockup and Skiddaw, and group B will
    cross Bodmin Moor via Rough Tor and Brown Willy. Could the outdoor
    adviser sign off both route cards by the end of the month?

    Tariq Jamal
    """)

add(P, "bell-end-bromsgrove-bus",
    "Bell End is a hamlet near Bromsgrove in Worcestershire; a bus pass query.",
    "Nora Fincham <nora.fincham@worcs.example>", "concessionary.travel@council.example",
    "Bus pass across the county border",
    """
    Does my bus pass work on the 318 service beyond the county boundary? I
    visit my sister at Bell End, near Bromsgrove, every Thursday. Thank you,
    Nora Fincham
    """)

add(P, "rimswell-sandy-balls-holiday",
    "Rimswell (East Yorkshire) and Sandy Balls (a New Forest holiday park); a school absence request.",
    "Gavin Hewitt <gavin.hewitt@familyholiday.example>", "attendance@council.example",
    "Term-time absence request",
    """
    Dear Attendance Officer,

    We've been told to write to you as well as the school. Our son has a
    hospital appointment in Hull on 2 June, and we will stay with his
    grandparents in Rimswell. We're not asking for holiday - we've already
    moved our Sandy Balls caravan trip to half term.

    Gavin Hewitt
    """)

add(P, "knob-hall-lane-southport",
    "Knob Hall Lane is a road in Southport, Merseyside; a school transport query.",
    "Colette Rimmer <colette.rimmer@sefton.example>", "school.transport@council.example",
    "Transport from Southport for SEN placement",
    """
    Hi, my son has been given a place at your specialist school but we
    live just off Knob Hall Lane in Churchtown, Southport. Would he be
    eligible for a taxi, or would that be arranged by Sefton? Colette Rimmer
    """)

add(P, "minge-lane-upton-flooding",
    "Minge Lane is a lane in Upton-upon-Severn, Worcestershire; a flood warning question.",
    "Hugh Tolley <hugh.tolley@severnside.example>", "flood.risk@council.example",
    "Flood warnings for Minge Lane",
    """
    Dear Flood Risk Team,

    We have a static caravan off Minge Lane in Upton-upon-Severn and
    another one here by the river. Can we register both addresses for your
    flood alerts, or do we have to sign up with the Environment Agency
    separately for Worcestershire?

    Hugh Tolley
    """)

add(P, "arsenal-supporters-coach-hoare",
    "Arsenal is a football club; Hoare is a surname; a coach parking request for an away trip.",
    "Nigel Hoare <nigel.hoare@supportersclub.example>", "parking@council.example",
    "Coach pick-up for Arsenal away trip",
    """
    Hi, I'm organising the supporters' coach to the Arsenal match on 14
    March. Can we pick up at 6am from the Leisure Centre car park, and is
    there any charge for leaving cars there until midnight? Nigel Hoare
    """, enc="qp")

add(P, "cockburnspath-surname-cockburn",
    "Cockburnspath is a Borders village and Cockburn a surname; a burial record search.",
    "Eleanor Cockburn <eleanor.cockburn@genealogy.example>", "bereavement.services@council.example",
    "Burial record search - Cockburn family",
    """
    Dear Bereavement Services,

    I'm tracing my great-grandfather, Andrew Cockburn, who was born in
    Cockburnspath in Berwickshire and is thought to be buried in your
    Westgate Cemetery around 1931. Could you search the burial register for
    any Cockburn burials between 1928 and 1935?

    Eleanor Cockburn
    """)

add(P, "welsh-cockett-swansea",
    "Cockett is a district of Swansea; a bilingual waste-transfer question.",
    "Rhian Beynon <rhian.beynon@abertawe.example>", "gwastraff@council.example",
    "Bin gwyrdd / green bin - symud o'r Cocyd",
    """
    Helo, dw i newydd symud yma o'r Cockett yn Abertawe. Oes modd cael bin
    gwastraff gardd? / Hello, I've just moved here from Cockett in Swansea,
    near Cockett Road. Can I sign up for the garden waste bin, and do you
    take payment by direct debit? Diolch, Rhian Beynon
    """, welsh=True)

add(P, "welsh-twll-du-pisgah",
    "Twll Du (the Devil's Kitchen, Eryri) and Capel Pisgah are place names; a Welsh minibus booking.",
    "Gwilym Hughes <gwilym.hughes@clwbmynydda.example>", "cludiant.cymunedol@council.example",
    "Bws mini - taith i Dwll Du",
    """
    Annwyl Swyddog,

    Hoffai'r clwb mynydda logi'r bws mini ddydd Sadwrn 6 Mehefin ar gyfer
    taith gerdded o Ogwen i Dwll Du ac yn ôl. Byddwn ni'n cwrdd y tu allan
    i Gapel Pisgah am 7 y bore. Oes lle i bymtheg?

    Gwilym Hughes
    """, welsh=True)

add(P, "welsh-twthill-caernarfon",
    "Twthill is an area of Caernarfon; a bilingual permit request for a street party.",
    "Llio Jones <llio.jones@strydygoed.example>", "priffyrdd@council.example",
    "Parti stryd Twthill / Twthill street party",
    """
    Shwmae, rydyn ni eisiau cau'r stryd ar gyfer parti stryd ar Twthill,
    Caernarfon, ddydd Sadwrn 11 Gorffennaf. / We'd like a road closure
    order for a street party on Twthill, Caernarfon, on Saturday 11 July,
    12 till 6. Faint o rybudd sydd ei angen? How much notice do you need?
    Llio Jones
    """, welsh=True, enc="qp")

add(P, "welsh-dic-penderyn-merthyr",
    "Dic Penderyn is a Welsh historical figure (Merthyr Rising, 1831); a Welsh library display booking.",
    "Emyr Penry <emyr.penry@hanesmerthyr.example>", "llyfrgelloedd@council.example",
    "Arddangosfa Dic Penderyn / Dic Penderyn display",
    """
    Annwyl Lyfrgellydd,

    Mae Cymdeithas Hanes Merthyr yn cynnig arddangosfa am Dic Penderyn a
    Gwrthryfel Merthyr 1831 ar gyfer cyntedd y llyfrgell ym mis Mehefin.
    Mae'r paneli'n ddwyieithog. Ydy'r cyntedd ar gael?

    Emyr Penry
    """, welsh=True, enc="b64")

# ---------------------------------------------------------------------------
# Building and checking
# ---------------------------------------------------------------------------

# Innocent words that must each appear innocently in at least two
# innocent_sense messages (From display name, Subject or body).
INNOCENT_WORDS = {
    "faggots": r"\bfaggots?\b",
    "fag": r"\bfag\b",
    "dyke": r"\bdyke\b",
    "slag": r"\bslag\b",
    "spade": r"\bspades?\b",
    "bitch": r"\bbitch(es)?\b",
    "cock": r"\bcock\b|stopcock|ballcock|\bcockerel\b",
    "pussy": r"\bpussy\b",
    "queer": r"\bqueer\b",
    "retardant": r"\bretardant\b",
    "nonce": r"\bnonce\b",
    "coon": r"coon",
    "chink": r"\bchink\b",
    "nip": r"\bnips?\b",
    "pansy": r"\bpans(y|ies)\b",
    "tit": r"\btits?\b",
    "knob": r"\bknob\b",
    "ass": r"\bass\b",
    "bender": r"\bbender\b",
    "tart": r"\btarts?\b",
    "cow": r"\bcows?\b",
    "monkey": r"\bmonkey\b",
    "gay": r"\bgay\b",
    "spastic": r"\bspastics?\b",
    "fairy": r"\bfairy\b",
    "cracker": r"\bcrackers?\b",
    "ape": r"\bape\b",
    "slope": r"\bslope\b",
    "Dick": r"\bDick\b",
    "Willy": r"\bWilly\b",
    "Fanny": r"\bFanny\b",
    "Cockburn": r"\bCockburn\b",
    "Hancock": r"\bHancock\b",
    "Butts": r"\bButts\b",
}

MIN_WELSH = 15
BST_START = datetime.datetime(2026, 3, 29, 1, 0)
BST_END = datetime.datetime(2026, 10, 25, 1, 0)


class CheckError(Exception):
    pass


def fail(where, why):
    raise CheckError("%s: %s" % (where, why))


def fold_ascii(name, value, limit=78):
    """Fold an ASCII header at spaces so no line exceeds limit."""
    words = value.split(" ")
    lines = []
    cur = name + ":"
    for w in words:
        if len(cur) + 1 + len(w) <= limit or cur.strip() in ("", name + ":"):
            cur += " " + w
        else:
            lines.append(cur)
            cur = " " + w
    lines.append(cur)
    return "\r\n".join(lines)


def header_subject(subject):
    if subject.isascii():
        return fold_ascii("Subject", subject)
    h = email.header.Header(subject, "utf-8", header_name="Subject")
    return "Subject: " + h.encode(linesep="\r\n", maxlinelen=76)


def header_from(frm):
    name, addr = email.utils.parseaddr(frm)
    if not name or not addr:
        fail(frm, "cannot parse From")
    return "From: " + email.utils.formataddr((name, addr), charset="utf-8"), addr


def crlf(text):
    return "\r\n".join(text.split("\n")) + "\r\n"


def auto_html(text):
    paras = text.split("\n\n")
    out = ["<html>", "<head><meta charset=\"utf-8\"></head>",
           "<body style=\"font-family: Arial, sans-serif\">"]
    for para in paras:
        lines = [htmlmod.escape(line, quote=False) for line in para.split("\n")]
        out.append("<p>" + "<br>\n".join(lines) + "</p>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out)


def qp_encode(text):
    data = text.encode("utf-8")
    enc = quopri.encodestring(data, quotetabs=False).decode("ascii")
    return crlf(enc.rstrip("\n"))


def b64_encode(text):
    data = crlf(text).encode("utf-8")
    enc = base64.encodebytes(data).decode("ascii")
    return crlf(enc.rstrip("\n"))


def plain_part(text, subtype):
    """Return (content-type, cte, encoded body) for a single text part."""
    if text.isascii():
        return ('text/%s; charset="us-ascii"' % subtype, "7bit", crlf(text))
    return ('text/%s; charset="utf-8"' % subtype, "8bit", crlf(text))


def body_parts(m, index):
    """Return (header lines, body str, expected {subtype: text})."""
    enc = m["enc"]
    text = m["body"]
    if enc in ("html", "html-qp"):
        html = m["html"] if m["html"] is not None else auto_html(text)
        expected = {"html": html}
        if enc == "html":
            ct, cte, body = plain_part(html, "html")
        else:
            ct, cte, body = 'text/html; charset="utf-8"', "quoted-printable", qp_encode(html)
        return ["Content-Type: " + ct, "Content-Transfer-Encoding: " + cte], body, expected
    if text is None:
        fail(m["slug"], "no body")
    if enc is None:
        ct, cte, body = plain_part(text, "plain")
        return (["Content-Type: " + ct, "Content-Transfer-Encoding: " + cte],
                body, {"plain": text})
    if enc == "qp":
        return (['Content-Type: text/plain; charset="utf-8"',
                 "Content-Transfer-Encoding: quoted-printable"],
                qp_encode(text), {"plain": text})
    if enc == "b64":
        return (['Content-Type: text/plain; charset="utf-8"',
                 "Content-Transfer-Encoding: base64"],
                b64_encode(text), {"plain": text})
    if enc == "alt":
        html = m["html"] if m["html"] is not None else auto_html(text)
        boundary = "=_devset2_alt_%03d" % index
        parts = []
        for subtype, content in (("plain", text), ("html", html)):
            parts.append("--" + boundary + "\r\n"
                         + 'Content-Type: text/%s; charset="utf-8"\r\n' % subtype
                         + "Content-Transfer-Encoding: quoted-printable\r\n"
                         + "\r\n" + qp_encode(content))
        body = ("This is a multi-part message in MIME format.\r\n\r\n"
                + "\r\n".join(parts) + "\r\n--" + boundary + "--\r\n")
        return (['Content-Type: multipart/alternative;',
                 ' boundary="%s"' % boundary],
                body, {"plain": text, "html": html})
    fail(m["slug"], "unknown enc %r" % enc)


def message_date(index):
    base = datetime.datetime(2026, 1, 5, 7, 12)
    local = base + datetime.timedelta(hours=index * 57 + (index * 7) % 11,
                                      minutes=(index * 23) % 60)
    if local.year != 2026:
        fail("date", "index %d gives year %d" % (index, local.year))
    if BST_START <= local < BST_END:
        tz = datetime.timezone(datetime.timedelta(hours=1))
    else:
        tz = datetime.timezone.utc
    dt = local.replace(tzinfo=tz)
    return email.utils.format_datetime(dt), dt


def build_all():
    counters = {f: 0 for f in FOLDERS}
    built = []
    for index, m in enumerate(MESSAGES):
        folder = CLASS_FOLDER[m["cls"]]
        counters[folder] += 1
        nnn = counters[folder]
        name = "%03d-%s.eml" % (nnn, m["slug"])
        from_line, addr = header_from(m["frm"])
        domain = addr.rsplit("@", 1)[1]
        date_str, dt = message_date(index)
        msgid = "<%s.%s%03d.dv2l@%s>" % (dt.strftime("%Y%m%d%H%M"),
                                         folder[0], nnn, domain)
        ctype_lines, body, expected = body_parts(m, index)
        headers = [
            "X-Devset-Expect: none",
            "X-Devset-Note: " + m["note"],
            "X-Testset-Class: " + m["cls"],
            from_line,
            fold_ascii("To", m["to"]),
            header_subject(m["subject"]),
            "Date: " + date_str,
            "Message-ID: " + msgid,
            "MIME-Version: 1.0",
        ] + ctype_lines
        raw = ("\r\n".join(headers) + "\r\n\r\n" + body).encode("utf-8")
        built.append(dict(m=m, folder=folder, name=name, raw=raw,
                          msgid=msgid, expected=expected, addr=addr))
    return built


def norm(text):
    return text.replace("\r\n", "\n").rstrip("\n")


def check_one(b):
    where = "%s/%s" % (b["folder"], b["name"])
    m = b["m"]
    raw = b["raw"]
    if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
        fail(where, "bare LF or CR")
    head, _, _ = raw.partition(b"\r\n\r\n")
    for line in raw.split(b"\r\n"):
        if len(line) > 998:
            fail(where, "line over 998 octets")
    for line in head.split(b"\r\n"):
        if not line.isascii():
            fail(where, "non-ASCII header line")
        limit = 200 if line.startswith(b"X-Devset-Note:") else 78
        if len(line) > limit:
            fail(where, "header line over %d: %r" % (limit, line[:60]))
    if not m["note"].isascii() or "\n" in m["note"]:
        fail(where, "note must be one ASCII line")

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        if part.defects:
            fail(where, "defects %r" % part.defects)
        for k, v in part.items():
            if getattr(v, "defects", None):
                fail(where, "header %s defects %r" % (k, v.defects))
    keys = [k.lower() for k in msg.keys()]
    want_order = ["x-devset-expect", "x-devset-note", "x-testset-class", "from",
                  "to", "subject", "date", "message-id", "mime-version",
                  "content-type"]
    if keys[:10] != want_order:
        fail(where, "header order %r" % keys)
    for k in want_order:
        if keys.count(k) != 1:
            fail(where, "header %s count %d" % (k, keys.count(k)))
    if msg["X-Devset-Expect"] != "none":
        fail(where, "expect must be none")
    if msg["X-Testset-Class"] != m["cls"] or CLASS_FOLDER[m["cls"]] != b["folder"]:
        fail(where, "class/folder mismatch")
    if str(msg["Subject"]) != m["subject"]:
        fail(where, "subject does not decode back: %r" % str(msg["Subject"]))
    frm = msg["From"].addresses
    if len(frm) != 1 or not frm[0].domain.endswith(".example"):
        fail(where, "From must be one address at *.example")
    to = msg["To"].addresses
    if len(to) != 1 or to[0].domain != "council.example":
        fail(where, "To must be at council.example")
    if msg["Date"].datetime.year != 2026:
        fail(where, "Date not in 2026")
    if not re.fullmatch(r"<[^@<>\s]+@[a-z0-9.-]+\.example>", msg["Message-ID"]):
        fail(where, "bad Message-ID")

    got = {}
    if msg.get_content_type() == "multipart/alternative":
        for part in msg.iter_parts():
            got[part.get_content_subtype()] = part.get_content()
    else:
        got[msg.get_content_subtype()] = msg.get_content()
    if set(got) != set(b["expected"]):
        fail(where, "parts %r vs %r" % (sorted(got), sorted(b["expected"])))
    for sub, text in b["expected"].items():
        if norm(got[sub]) != norm(text):
            fail(where, "%s body does not decode back" % sub)
    cte = msg.get("Content-Transfer-Encoding")
    if cte == "7bit" and not raw.isascii():
        fail(where, "7bit message has non-ASCII bytes")


def check_all(built):
    ids = set()
    names = set()
    for b in built:
        check_one(b)
        if b["msgid"] in ids:
            fail(b["name"], "duplicate Message-ID")
        ids.add(b["msgid"])
        key = (b["folder"], b["m"]["slug"])
        if key in names:
            fail(b["name"], "duplicate slug")
        names.add(key)
    counts = {}
    for b in built:
        counts[b["m"]["cls"]] = counts.get(b["m"]["cls"], 0) + 1
    if counts != TARGET_COUNTS:
        fail("counts", "%r != %r" % (counts, TARGET_COUNTS))
    welsh = sum(1 for b in built if b["m"]["welsh"])
    if welsh < MIN_WELSH:
        fail("welsh", "only %d Welsh messages" % welsh)
    texts = []
    for b in built:
        m = b["m"]
        if m["cls"] == "innocent_sense":
            texts.append("\n".join([m["frm"], m["subject"], m["body"] or "",
                                    m["html"] or ""]))
    for word, pattern in INNOCENT_WORDS.items():
        flags = 0 if word[0].isupper() else re.IGNORECASE
        n = sum(1 for t in texts if re.search(pattern, t, flags))
        if n < 2:
            fail("innocent coverage", "%r appears in %d messages" % (word, n))
    return counts, welsh


def main():
    try:
        built = build_all()
        counts, welsh = check_all(built)
    except CheckError as e:
        sys.stderr.write("refusing to write: %s\n" % e)
        return 1
    for folder in FOLDERS:
        path = os.path.join(OUT, folder)
        os.makedirs(path, exist_ok=True)
        for fn in os.listdir(path):
            if fn.endswith(".eml"):
                os.remove(os.path.join(path, fn))
    for b in built:
        with open(os.path.join(OUT, b["folder"], b["name"]), "wb") as fh:
            fh.write(b["raw"])
    # Re-read what was written and check it again.
    for b in built:
        with open(os.path.join(OUT, b["folder"], b["name"]), "rb") as fh:
            if fh.read() != b["raw"]:
                sys.stderr.write("write mismatch: %s\n" % b["name"])
                return 1
    total = len(built)
    print("wrote %d messages (%s); Welsh: %d" % (
        total, ", ".join("%s %d" % kv for kv in sorted(counts.items())), welsh))
    return 0


if __name__ == "__main__":
    sys.exit(main())
