"""The word lists language detection weighs: Persian, Urdu, Arabizi and English evidence.

Kept apart from ``langid.py`` because they are data, not rules. Arabic-script lists are in
the spelling each language uses (Persian ی ک, Urdu ہ ے); ``FA_WORDS`` adds the spellings
an Arabic keyboard types (ي ى ك). Latin lists are lower case.
"""

from __future__ import annotations

__all__ = [
    "ARABIZI_STRONG",
    "ARABIZI_WEAK",
    "ENGLISH_FUNCTION_WORDS",
    "ENGLISH_WORDS",
    "FA_WORDS",
    "OTHER_LATIN_WORDS",
    "TECH_TOKENS",
    "UR_WORDS",
]

# Persian-only words, in Persian spelling (ی ک); each is also matched as typed on an Arabic
# keyboard (ي/ى, ك). Only words that Arabic (MSA or a dialect) does not also write: not
# شد "pulled", البته (Arabic social media's spelling of البتة).
_FA_PERSIAN_SPELLING = """
    است هست نیست هستم هستی هستیم هستید هستند هستن بود بودم بودی بودیم بودند بودن شده شدم
    شدی شدیم شدند شدن شود شوند میشه نمیشه بشه را که از برای باید نباید شما خیلی خوب همین
    همون همیشه چرا چطور چطوری چیه چیست چیزی کجا کجای کدام کدوم اینجا آنجا اونجا اینکه آنها
    اونها ایشون ایشان خودم خودت خودش امروز امسال دیروز فردا دیگه دیگر بیست چهل پنجاه یک
    چهار پنج شش هشت بله آره نمی نمیخوام میخوام میخواهم میدونم نمیدونم میکنم میکنی میکنه
    میکنیم میکنند میکنن میگه میگن میگم گفت گفتم گفتی گفتن بگو بگم دارم داریم دارید دارند
    دارن ندارم نداری نداره کنم کنی کنیم کنید کنند کنن نکن بکن بکنم کردم کردی کردیم کردید
    کردند کردن کرده نکرد نکردم رفت رفتم رفتی رفتیم برم بریم میرم اومد اومدم اومدی بیا بیاد
    ببین دیدم دیدی خودمون دوستت دوستم عزیزم قربون قربونت قربونتون فدات جونم دلم تنگ برات
    ممنونم خواهش خواهشا ببخشید چقدر چقد بزرگ کوچک کوچیک بیشتر کمتر بهتر بدتر خیابون خونه
    کشور مردم زندگی بچه پسر دختر مامان بابام خانم اگه مگه
""".split()
# Persian words that Arabic also writes (ولی "guardian", این "where", می "water", کی "so
# that", کرد "Kurds", کسی, کنه "essence"): evidence only when spelt with Persian ی / ک.
# Left out altogether: همه "his concern", حالا "at once", داری, داره, دوست, هیچ.
_FA_WORDS_LITERAL = frozenset("این ولی می یه کی چی چه تو یکی کسی کرد کنه".split())
# Urdu words, as Urdu writes them (ی ک ہ ے): not بات "became", جی "come" (Gulf).
UR_WORDS = frozenset(
    """ہے ہیں ہو ہوں ہوا ہوئی ہوئے تھا تھی تھے تھیں نہیں کے کا کو سے میں اور یہ وہ
    بھی گیا گئی گئے کیا کیے کہ لیے لئے ہم آپ بہت اچھا اچھی ساتھ لوگ نے رہا
    رہی رہے سکتا سکتی سکتے چاہیے ایک کچھ یہاں وہاں کیوں کب کیسے ہوگا ہوگی""".split()
)


def _arabic_keyboard_spellings(words: list[str]) -> frozenset[str]:
    out = set()
    for word in words:
        kaf = word.replace("\u06a9", "\u0643")
        for w in (word, kaf):
            out.add(w)
            out.add(w.replace("\u06cc", "\u064a"))
            if w.endswith("\u06cc"):
                out.add(w[:-1].replace("\u06cc", "\u064a") + "\u0649")
    return frozenset(out)


FA_WORDS = _arabic_keyboard_spellings(_FA_PERSIAN_SPELLING) | _FA_WORDS_LITERAL


TECH_TOKENS = frozenset(
    """mp3 mp4 h264 h265 x86 g7 g20 b2b b2c p2p 3d 2d 4g 5g 3g co2 no2 so2 h2o ch4 n95 ps4
    ps5 e3 i5 i7 i9 f16 f35 mk2 web3 covid19 sars2 y2k""".split()
)
# Arabizi words that English text (almost) never has in lower case: a full vote each.
# Egyptian, Levantine, Gulf and Maghrebi spellings of pronouns, negation, question words,
# particles, greetings and the commonest verbs and adjectives.
ARABIZI_STRONG = frozenset(
    """ana ani ehna e7na i7na ne7na ni7na nehna enta inta ente enti inti enty inty entu ento
    entou intou howa huwa huwwe howwa heya hiye hiyye hia homa homma humma hinne henne
    ahlan marhaba mar7aba sahla habibi habibti habibty habibte habebty habebti habeebi
    habibity 7abibi 7abibti 7obi 7ayati hayati 7ayaty 2albi albi galbi 3omri omri
    inshallah inshalla insha2allah nshalla nshallah enshallah inchallah mashallah
    mashalla masha2allah machallah alhamdulillah alhamdulilah hamdulillah elhamdulillah
    el7amdulillah hamdella 7amdella elhamdella elhamdilla alhamdella hamdillah
    subhanallah astaghfirullah wallah wallahi wallahy walahi walahy wallahii wellah
    wallahe walahe wlh yarab yarabb yarabi yarbi ya3ni yaani yaany ya3ny yani y3ni
    ya3nii ya3nee shukran shokran choukran 3afwan afwan mabrouk mabrook mabruk salamtak
    salamtek tislam teslam teslamy tislamy yislamo yeslamo ya3tik ya3teek 3afye 3afyeh
    yalla yallah yala yella yalah keda kda kedda kida kedaa kidda hek heik haik hayk
    hayda hayde haida haidi hadol hadola hadi hada hadha hatha dool msh mish mosh mafish
    mafeesh mafi mafy ma3lesh ma3lish ma3leh khalas 5alas khalass 5alass tab3an akid
    akeed akeid mumkin momken mmkn lazem lazim lazm laazim badi baddi bidde biddi beddi
    3ayez 3ayz ayez 3ayza ayza 3awz 3awez 3awza 3ayzeen ayzeen 3awzeen 3yz 3yza awi awy
    2awi 2awy gedan gdn begad bgd bjd gamed kteer ktir kter ktiir keteer ketir shwaya
    shwayya shway shwai shwy chwaye shwayet 7aga 7aja haga haja 7agat 7ajat hagat kul
    kol kellon kelna kollo kolo kolaha kollaha leh lih leeh leih lesh leish laysh lehh ezay
    ezzay izzay izay ezai kifak kifik kifek keefak keefik kefak kefik kif shlonak
    shlonik shlonich shlon shu shou chou meen miin mnein mnen emta imta amta ayemta
    feen wein fein hena hon hnak henak honik hunik bardo bardu kaman kman kamaan gowa
    fo2 ta7t ba2a ba2ah baqa bas bss lessa lesa lsa delwa2ty delwa2ti dilwa2ti
    dilwa2ty dlw2ty delwaty dlwaty halla2 halla hala2 hal2 ba3d b3d ba3den ba3dein
    2abl embare7 embareh imbare7 mbare7 bokra bukra bo2ra naharda ennaharda elnaharda
    elyoum elyom 3ala 3la 3al 3an 3ando 3andi 3andak 3andik 3andek 3ndk 3ndi 3nd 3and
    andak 3aleh 3aleha 3alek 3aleik 3aleky 3alaya ma3a m3a ma3 ma3ak ma3ik ma3aya m3aya
    ma3ana m3ana ma3ay fiha feeha fiya feya feeh fih feh fik feek fiki feeki fikom fikon
    fena leek lek liki leki lako leko lekom lkom lya liya leya 3ashan 3shan ashan
    3alashan 3ashaan 3chan lamma zayy zai zy metl mitl mitel tayeb tayyeb taib tyb
    tamam tmam tmm mashy mashi mashe ma4y aywa aiwa aywah la2 la2a laa2 eih eeh aih 2eh
    walaw wala wla wlla 5ales khales 5alis khalis 2ol 2oli 2olli oul ouli olli oly
    2alet 2al 2alli 2ali tani tany tanye tanyeh tenye tenya wa7ed wa7da wahed wahda
    wa7de wahde etnen etneen tnen tneen talata tlata 5amsa khamsa setta sab3a tamanya
    tes3a 3ashara ahsan a7san a7la aktar aktr akter a2al ashkal sa7 sa7i sa7y sa7e7
    ma7ad ma7adesh ma7desh mahadesh ma7adish 7ad ha3ml ha3mel bta3 beta3 bta3i bta3y
    bta3ak bta3ek beta3y bta3na elli illi illy yalli yelli halli ya3am yasta yabni
    yabnty yabinti yabenti ya7abibi yahabibi yagama3a yaretni yareit yareet yarit
    yaret nefsi nefsy nifsi nefsak nefsik ba7ebak ba7ebek bahebak bahebek b7ebak
    b7ebek bhebak bhebik bhebek b7bk bhbk b7bak bahbek bahbak bheb b7eb ba7eb baheb
    bi7eb bihib 7elw 7elwa helw helwa 7lw 7lwa 7ilw 7ilo 7elo gamil gameel gamila
    gamela gmeel wahashtini wa7ashtini wahshteni wa7shtini eshta ishta ma3lsh 3adi
    3ady aady 3adii 3adatan 2ayza 2ayez 2ana 2enta 2ente 2enti 2awel awel a5er akher
    a5ir 2a5er yarabbb enty ento izayak ezayak izzayak ezzayak ezayek izayek ezzayek
    kteeer awiii awyy 3aref 3arfa 3arfeen a3raf ba3raf be3raf 3rft 3reft shoft shofti
    shoftak kont kunt konna kanet kenet kanit ma3rafsh mabt3rafsh msh3aref ahwa
    mesafer ya3ni wahashteny fakerni fakra faker mabsout mabsoot mabsota za3lan
    za3lana zaalan wayed wayid abgha ab6a""".split()
)
# Common in Arabizi, but also English, French or Spanish words or names: half a vote.
ARABIZI_WEAK = frozenset(
    """ya yaa w we wa el il l b bel bil fel fil lel lil f fi fe fy ma la mn men min law
    kan kano kanu enno inno eno innu ennu da di de dy dah deh dih hal ba aho ahu ahe
    ahi yeh yah salam sabah masa allah habib sana nas ahl bint bent walad wlad welad
    aslan abadan aw ay aye tab tb dol hala ahla mesh bass eh ehh shy bs chi shi lena
    wen lama elle mich mech akbar hone hiya lina adi andi olly fen alli lik kell bade
    kamen hina fain ween lich shoo sho mush elly ely lisa tanya barra abl mtl fina
    sahbi sa7bi sahby 5ara khara kalam sah zain zein 3am""".split()
)
# English function words and social-media English: each a vote against Arabizi. Words
# that are also frequent Arabizi (men, law, bas, fi, ya, el, hum) are not here; "into"
# (Levantine "you") is, as English news has it far more often.
ENGLISH_WORDS = frozenset(
    """the of and to a an is are was were be been being am i you he she it we they me
    him her us them my your his its our their mine yours this that these those there
    here what which who whom whose when where why how not no yes nor but or so if then
    than too very just only also even still yet again ever never always often all any
    some each every both few more most many much such other another same own with
    without within for from by at on in out up down over under about above below after
    before between through during against among around across off onto upon toward
    towards do does did done doing have has had having get gets got getting go goes
    going went gone come comes came coming make makes made making take takes took taken
    say says said see saw seen know knew known think thought want wanted need needed
    like liked love loved look looks looked feel felt tell told give gave given find
    found keep kept let put seem seemed try tried use used work worked call called ask
    asked will would shall should can could may might must ought don't doesn't didn't
    isn't aren't wasn't weren't won't wouldn't can't cannot couldn't shouldn't haven't
    hasn't hadn't i'm i've i'd i'll you're you've you'd you'll he's she's it's we're
    we've they're they've that's there's what's let's dont doesnt didnt isnt wasnt
    cant wont im ive youre thats whats because since while until unless although
    though whether either neither really actually probably maybe perhaps well now
    today tomorrow yesterday tonight time times year years day days week weeks people
    man woman women thing things way something anything nothing everything someone
    anyone everyone one two three four five six seven eight nine ten first last new
    old good bad great big small long little right left best better worse worst
    lol lmao omg btw idk tbh rn pls plz thx thanks thank u ur r n ok okay oh hey hi
    hello yeah yep nope wow guys guy girl boy friend friends please sorry happy sad
    funny cute nice cool into""".split()
)
# Function words of the other Latin-script languages langdetect knows (French, Spanish,
# Italian, Portuguese, German, Dutch), that Arabizi does not write: votes against Arabizi.
# (de, la, el, il, en are Arabizi too, and stay out.)
OTHER_LATIN_WORDS = frozenset(
    """que los las del por con para una uno est les des une pour dans qui pas sur avec
    mais oui nous vous sont cette und der die das ist nicht mit ein eine den dem het een
    van voor niet della che non per sono gli nel alla como mas pero muy esta este""".split()
)
# Words only English uses among the Latin-script languages langdetect knows (no "is",
# "was", "will": Dutch and German have them too).
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to are with for that this from by has have had its which who what when
    where while their there these those after before over under about into than between
    against during said says would could should been being""".split()
)
