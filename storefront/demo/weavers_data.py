"""The demo cooperative: twelve weavers from the GI districts, with their stories in two languages.

Some stories exist only in Hindi (as a weaver would write them), to exercise the fallback. Names and
details are invented; villages and districts are real places of the Bhadohi–Mirzapur carpet belt.
"""

from __future__ import annotations

import datetime as dt

# Each weaver: slug, names, villages, district, member since, GI authorised-user number (None if
# not registered yet), the styles they weave (see carpets_data.STYLES; repeats weigh more), their
# stories, and ``woman`` for Hindi agreement ("गोपीगंज के राजेश", "खमरिया की शबाना").
WEAVERS: list[dict] = [
    {
        "slug": "rajesh-kumar-maurya",
        "name_en": "Rajesh Kumar Maurya",
        "name_hi": "राजेश कुमार मौर्य",
        "village_en": "Gopiganj",
        "village_hi": "गोपीगंज",
        "district": "bhadohi",
        "member_since": dt.date(2014, 3, 12),
        "gi_user_number": "GI-188/AU/2014/0457",
        "styles": ("classic", "mir", "geometric"),
        "bio_en": (
            "I learned to tie knots on my father's loom in Gopiganj when I was sixteen, after "
            "school.\n"
            "Today four looms stand in our courtyard, and my brother and two cousins weave with "
            "me.\n\n"
            "We use wool from Bhadohi's own yarn market and dye with madder, indigo and "
            "pomegranate rind "
            "when a buyer wants natural colours. A 6×9 ft carpet at 100 knots takes the four of "
            "us about "
            "three months.\n\n"
            "Selling through the cooperative means we set the price ourselves, not a middleman in "
            "the city."
        ),
        "bio_hi": (
            "सोलह साल की उम्र में, स्कूल के बाद, मैंने गोपीगंज में अपने पिता के करघे पर गाँठ "
            "बाँधना सीखा।\n"
            "आज हमारे आँगन में चार करघे हैं, और मेरे भाई व दो चचेरे भाई मेरे साथ बुनते हैं।\n\n"
            "हम भदोही की ऊन मंडी का ऊन इस्तेमाल करते हैं, और ग्राहक चाहें तो मजीठ, नील और अनार के "
            "छिलके "
            "से प्राकृतिक रंगाई करते हैं। 100 गाँठ वाला 6×9 फ़ुट का कालीन हम चारों मिलकर लगभग तीन "
            "महीने "
            "में बुनते हैं।\n\n"
            "सहकारी समिति के ज़रिए बेचने से कीमत हम खुद तय करते हैं, शहर का कोई बिचौलिया नहीं।"
        ),
    },
    {
        "slug": "shabana-bano",
        "woman": True,
        "name_en": "Shabana Bano",
        "name_hi": "शबाना बानो",
        "village_en": "Khamaria",
        "village_hi": "खमरिया",
        "district": "bhadohi",
        "member_since": dt.date(2016, 7, 1),
        "gi_user_number": "GI-188/AU/2016/0912",
        "styles": ("fine", "mir", "classic"),
        "bio_en": (
            "Shabana weaves with her two daughters-in-law on a loom that her husband's family has "
            "kept in "
            "Khamaria for three generations. The village knows her for fine wool-and-silk pieces, "
            "where "
            "the silk outlines the flowers so that they catch the light.\n\n"
            "She reads the talim, the coded knotting chart, herself, and often changes the "
            "colours of a "
            "design to suit the wool she has in hand."
        ),
        "bio_hi": (
            "शबाना खमरिया में उस करघे पर अपनी दो बहुओं के साथ बुनती हैं जो उनके ससुराल में तीन "
            "पीढ़ियों "
            "से है। गाँव में वे ऊन और रेशम के बारीक कालीनों के लिए जानी जाती हैं, जिनमें रेशम से "
            "फूलों की "
            "रेखाएँ बनती हैं और रोशनी में चमकती हैं।\n\n"
            "वे तालीम (गाँठों का कोड वाला नक्शा) खुद पढ़ लेती हैं और हाथ में मौजूद ऊन के हिसाब से "
            "डिज़ाइन "
            "के रंग अक्सर बदल देती हैं।"
        ),
    },
    {
        "slug": "mohammad-iqbal-ansari",
        "name_en": "Mohammad Iqbal Ansari",
        "name_hi": "मोहम्मद इक़बाल अंसारी",
        "village_en": "Aurai",
        "village_hi": "औराई",
        "district": "bhadohi",
        "member_since": dt.date(2012, 11, 20),
        "gi_user_number": "GI-188/AU/2012/0133",
        "styles": ("classic", "fine"),
        "bio_en": "",
        "bio_hi": (
            "इक़बाल अंसारी औराई में चालीस साल से कालीन बुन रहे हैं। पहले वे निर्यातकों के लिए "
            "ठेके पर "
            "काम करते थे, जहाँ उन्हें प्रति वर्ग फ़ुट मज़दूरी मिलती थी और पता भी नहीं होता था कि "
            "कालीन "
            "किस देश जाएगा।\n\n"
            "अब वे अपने बेटों के साथ पारंपरिक फ़ारसी मेडेलियन डिज़ाइन बुनते हैं, 10×12 और उससे "
            "बारीक "
            "क्वालिटी में। उनका कहना है: “अच्छा कालीन पीछे से पहचाना जाता है — गाँठें सीधी और "
            "बराबर "
            "होनी चाहिए।”"
        ),
    },
    {
        "slug": "sunita-devi-bind",
        "woman": True,
        "name_en": "Sunita Devi Bind",
        "name_hi": "सुनीता देवी बिंद",
        "village_en": "Suriyawan",
        "village_hi": "सुरियावां",
        "district": "bhadohi",
        "member_since": dt.date(2019, 2, 4),
        "gi_user_number": "GI-188/AU/2019/1520",
        "styles": ("gabbeh", "dhurrie"),
        "bio_en": (
            "Sunita started weaving dhurries at home in Suriyawan so that she could earn without "
            "leaving "
            "her children. Her cotton and wool dhurries are woven on a pit loom, and she now also "
            "knots "
            "thick Indo-Gabbeh rugs from hand-spun wool.\n\n"
            "She likes an open field with a few small figures — a tree, a goat, a lamp — the way "
            "her "
            "mother painted the walls at Diwali."
        ),
        "bio_hi": (
            "सुनीता ने सुरियावां में घर पर दरी बुनना शुरू किया ताकि बच्चों को छोड़े बिना कमाई हो "
            "सके। "
            "उनकी सूती और ऊनी दरियाँ गड्ढे वाले करघे पर बनती हैं, और अब वे हाथ से कते ऊन से मोटे "
            "इंडो-गब्बे कालीन भी बुनती हैं।\n\n"
            "उन्हें खुली ज़मीन पर कुछ छोटी आकृतियाँ पसंद हैं — एक पेड़, एक बकरी, एक दीया — जैसे "
            "उनकी "
            "माँ दिवाली पर दीवारों पर बनाती थीं।"
        ),
    },
    {
        "slug": "ramesh-chandra-yadav",
        "name_en": "Ramesh Chandra Yadav",
        "name_hi": "रमेश चंद्र यादव",
        "village_en": "Gyanpur",
        "village_hi": "ज्ञानपुर",
        "district": "bhadohi",
        "member_since": dt.date(2011, 5, 16),
        "gi_user_number": "GI-188/AU/2011/0048",
        "styles": ("fine", "silk"),
        "bio_en": (
            "Ramesh Chandra Yadav has woven for forty years and has trained more than thirty young "
            "weavers in Gyanpur. His loom is set up for very fine work — 14×14 and finer — in New "
            "Zealand wool and silk.\n\n"
            "He keeps a notebook of every carpet he has finished: size, quality, days on the loom "
            "and "
            "where it went."
        ),
        "bio_hi": (
            "रमेश चंद्र यादव चालीस साल से बुनाई कर रहे हैं और ज्ञानपुर में तीस से ज़्यादा युवा "
            "बुनकरों "
            "को सिखा चुके हैं। उनका करघा बहुत बारीक काम के लिए लगा है — 14×14 और उससे बारीक — "
            "न्यूज़ीलैंड ऊन और रेशम में।\n\n"
            "वे हर पूरे हुए कालीन का हिसाब एक कॉपी में रखते हैं: नाप, क्वालिटी, करघे पर लगे दिन और "
            "कालीन कहाँ गया।"
        ),
    },
    {
        "slug": "nasim-ahmad",
        "name_en": "Nasim Ahmad",
        "name_hi": "नसीम अहमद",
        "village_en": "Maharajganj",
        "village_hi": "महाराजगंज",
        "district": "bhadohi",
        "member_since": dt.date(2015, 9, 8),
        "gi_user_number": None,
        "styles": ("tufted", "tufted", "classic"),
        "bio_en": (
            "Nasim runs a small tufting shed in Maharajganj with six workers, and keeps one "
            "knotting loom "
            "for made-to-order pieces. His tufted rugs use New Zealand wool and viscose, and he "
            "labels "
            "every one honestly as hand-tufted.\n\n"
            "He learned computer design at the Indian Institute of Carpet Technology in Bhadohi "
            "and "
            "enjoys modern colour-block patterns."
        ),
        "bio_hi": (
            "नसीम महाराजगंज में छह कारीगरों के साथ टफ़्टिंग का छोटा कारख़ाना चलाते हैं, और ऑर्डर "
            "पर "
            "बनने वाले कालीनों के लिए एक गाँठ वाला करघा भी रखते हैं। उनके टफ़्टेड कालीनों में "
            "न्यूज़ीलैंड "
            "ऊन और विस्कोस लगता है, और वे हर कालीन पर साफ़ लिखते हैं कि यह हैंड-टफ़्टेड है।\n\n"
            "उन्होंने भदोही के भारतीय कालीन प्रौद्योगिकी संस्थान में कंप्यूटर पर डिज़ाइन बनाना "
            "सीखा, और "
            "उन्हें आधुनिक रंग-खंड वाले डिज़ाइन पसंद हैं।"
        ),
    },
    {
        "slug": "phoolchand-prajapati",
        "name_en": "Phoolchand Prajapati",
        "name_hi": "फूलचंद प्रजापति",
        "village_en": "Digh",
        "village_hi": "डीघ",
        "district": "bhadohi",
        "member_since": dt.date(2013, 1, 28),
        "gi_user_number": "GI-188/AU/2013/0301",
        "styles": ("mir", "classic"),
        "bio_en": "",
        "bio_hi": (
            "फूलचंद प्रजापति डीघ गाँव के हैं। उनके परिवार में मिट्टी के बर्तन बनाने का काम होता "
            "था, पर "
            "बीस साल पहले उन्होंने करघा लगाया। वे छप्पर मीर और बूटेदार डिज़ाइनों के लिए जाने जाते "
            "हैं।\n\n"
            "“बूटा छोटा हो तो गाँठें ज़्यादा लगती हैं, और हाथ भी सधा होना चाहिए,” वे कहते हैं।"
        ),
    },
    {
        "slug": "kamla-devi-saroj",
        "woman": True,
        "name_en": "Kamla Devi Saroj",
        "name_hi": "कमला देवी सरोज",
        "village_en": "Kachhwa",
        "village_hi": "कछवां",
        "district": "mirzapur",
        "member_since": dt.date(2018, 10, 2),
        "gi_user_number": "GI-188/AU/2018/1187",
        "styles": ("loribaft", "gabbeh"),
        "bio_en": (
            "Kamla Devi weaves in Kachhwa, on the Mirzapur side of the carpet belt. She and her "
            "husband "
            "share one loom: she ties the knots, and he does the washing and clipping.\n\n"
            "Her carpets are medium-fine wool in warm rust and saffron colours, often with a "
            "Loribaft-style stepped medallion."
        ),
        "bio_hi": (
            "कमला देवी मिर्ज़ापुर की तरफ़ कछवां में बुनती हैं। वे और उनके पति एक करघे पर काम करते "
            "हैं: "
            "गाँठें वे बाँधती हैं, और धुलाई व कतराई पति करते हैं।\n\n"
            "उनके कालीन मध्यम बारीक ऊन के होते हैं, गर्म गेरुए और केसरिया रंगों में, अक्सर "
            "लोरीबाफ़्त "
            "शैली के सीढ़ीदार मेडेलियन के साथ।"
        ),
    },
    {
        "slug": "salim-ansari",
        "name_en": "Salim Ansari",
        "name_hi": "सलीम अंसारी",
        "village_en": "Chunar",
        "village_hi": "चुनार",
        "district": "mirzapur",
        "member_since": dt.date(2017, 4, 10),
        "gi_user_number": "GI-188/AU/2017/0998",
        "styles": ("classic", "fine"),
        "bio_en": (
            "Salim comes from a family of weavers in Chunar, a town known for its sandstone and "
            "its lanes "
            "of looms. He weaves classic Persian-style floral carpets and long runners.\n\n"
            "He joined the cooperative so that his sons could see that weaving can pay a fair wage."
        ),
        "bio_hi": (
            "सलीम चुनार के बुनकर परिवार से हैं — यह क़स्बा अपने बलुआ पत्थर और करघों वाली गलियों "
            "के लिए "
            "जाना जाता है। वे पारंपरिक फ़ारसी शैली के फूलदार कालीन और लंबे रनर बुनते हैं।\n\n"
            "वे सहकारी समिति से इसलिए जुड़े ताकि उनके बेटे देख सकें कि बुनाई से भी उचित मज़दूरी "
            "मिल "
            "सकती है।"
        ),
    },
    {
        "slug": "guddu-vishwakarma",
        "name_en": "Guddu Vishwakarma",
        "name_hi": "गुड्डू विश्वकर्मा",
        "village_en": "Majhwa",
        "village_hi": "मझवां",
        "district": "mirzapur",
        "member_since": dt.date(2020, 8, 15),
        "gi_user_number": None,
        "styles": ("geometric", "dhurrie"),
        "bio_en": (
            "Guddu is one of the cooperative's youngest members. He weaves geometric rugs and "
            "kilim-style "
            "dhurries, and is learning finer qualities from Ramesh Chandra Yadav.\n\n"
            "He photographs every carpet on the loom and shares the progress with its buyer."
        ),
        "bio_hi": (
            "गुड्डू सहकारी समिति के सबसे युवा सदस्यों में से हैं। वे ज्यामितीय कालीन और किलिम "
            "शैली की "
            "दरियाँ बुनते हैं, और रमेश चंद्र यादव से बारीक क्वालिटी की बुनाई सीख रहे हैं।\n\n"
            "वे करघे पर हर कालीन की फ़ोटो लेते हैं और ख़रीदार को काम की प्रगति दिखाते हैं।"
        ),
    },
    {
        "slug": "meera-pal",
        "woman": True,
        "name_en": "Meera Pal",
        "name_hi": "मीरा पाल",
        "village_en": "Madiyahu",
        "village_hi": "मड़ियाहूं",
        "district": "jaunpur",
        "member_since": dt.date(2021, 3, 8),
        "gi_user_number": None,
        "styles": ("dhurrie",),
        "bio_en": "",
        "bio_hi": (
            "मीरा पाल जौनपुर के मड़ियाहूं से हैं। वे गाँव की महिलाओं के एक समूह के साथ सूती और ऊनी "
            "दरियाँ बुनती हैं।\n\n"
            "समूह की कमाई से गाँव की लड़कियों की स्कूल फ़ीस भरी जाती है।"
        ),
    },
    {
        "slug": "lalta-prasad-gautam",
        "name_en": "Lalta Prasad Gautam",
        "name_hi": "लालता प्रसाद गौतम",
        "village_en": "Sevapuri",
        "village_hi": "सेवापुरी",
        "district": "varanasi",
        "member_since": dt.date(2010, 12, 1),
        "gi_user_number": "GI-188/AU/2010/0007",
        "styles": ("silk", "silk", "fine"),
        "bio_en": (
            "Lalta Prasad learned to handle silk from the brocade weavers of Banaras before he "
            "turned to "
            "carpets. In Sevapuri he knots pure silk and wool-and-silk rugs at up to 300 knots per "
            "square inch.\n\n"
            "One of his silk rugs can spend a whole year on the loom."
        ),
        "bio_hi": (
            "लालता प्रसाद ने कालीन से पहले बनारस के ब्रोकेड बुनकरों से रेशम का काम सीखा। सेवापुरी "
            "में वे "
            "शुद्ध रेशम और ऊन-रेशम के कालीन 300 गाँठ प्रति वर्ग इंच तक बुनते हैं।\n\n"
            "उनका एक रेशमी कालीन करघे पर पूरा साल भी ले सकता है।"
        ),
    },
]
