"""Pasted-text fixtures: social posts (Instagram, Facebook, YouTube, TikTok, Telegram, X)
pasted into Arabic news articles, with what the recognisers should find (tests/test_posts.py).

Every caption, name, handle, id and article sentence here is our own (fictional accounts);
only the *shapes* come from real embed markup found in public pages and repositories.

Layout of one case::

    {
        "name": str,                 # unique, snake_case
        "form": str,                 # form id (IG-A, FB-B, YT-A, ...: see docs/how-it-works.md)
        "article": str,              # the pasted document, lines separated by "\n"
        "expected": {
            "posts": [POST, ...],    # in document order, duplicates merged
            "before": [str, ...],    # article sentences before the first post, in order
            "after": [str, ...],     # article sentences after the last post, in order
            # optional:
            "between": [str, ...],   # article sentences between posts (multi-post cases)
            "title": str | None,     # when the case is about title detection
        },
        "notes": str,
    }

POST fields (all always present; None / [] when the input does not carry them):

    platform   "instagram" | "facebook" | "youtube" | "tiktok" | "telegram" | "x"
               ("x" is today's ``tweet`` segment: twitter.com and x.com alike)
    text       the caption / post text, whitespace collapsed to single spaces, without the
               platform chrome ("View this post on Instagram", the signature, the TikTok
               music line, the "Forwarded from" line, the link line). "" for a post whose
               embed carries no caption. For YouTube: the video title.
    title      a separate title line (YouTube video title, Facebook video title) or None
    author     display name as printed (emoji, "|", Arabic letters kept), or None
    handle     "@handle" (Instagram, TikTok, YouTube, X; Telegram channel username), or None
               (Facebook signatures carry no handle)
    date       "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM+HH:MM" when a time is printed (local to
               `zone`, with its UTC offset), or None
    zone       the printed zone abbreviation ("PST", "PDT") when a time is printed, else None
    link       canonical permalink (see CANONICAL_LINKS below), or None when none is printed
    hashtags   ["#tag", ...] from the caption, in order
    mentions   ["@handle", ...] from the caption, in order; Instagram/TikTok handles keep dots
    urls       other links inside the caption, in order
    repeats    how many copies of the post the article holds
    extra      platform-specific: {"music": "♬ ..."} (TikTok), {"forwarded_from": "..."}
               (Telegram), {"truncated": True} (caption cut with "..." by the platform),
               {"verified_form": False} (signature wording not confirmed from a real source)
"""

from __future__ import annotations

from typing import Any

__all__ = ["CANONICAL_LINKS", "CASES", "NEGATIVE_CASES", "post"]

CANONICAL_LINKS = {
    "instagram": "https://www.instagram.com/{p|reel|tv}/{shortcode}/  (query such as "
    "?utm_source=ig_embed&utm_campaign=loading or ?igsh=... dropped; trailing slash kept)",
    "facebook": "https://www.facebook.com/... as in data-href (developers.facebook.com in "
    "blockquote@cite becomes www.facebook.com; __cft__/__tn__/ref params dropped; "
    "story_fbid and id kept for permalink.php)",
    "youtube": "https://www.youtube.com/watch?v={11-char id} for /watch?v=, youtu.be/, "
    "/embed/, /shorts/, /live/, youtube-nocookie.com/embed/ (si=, t=, feature= dropped)",
    "tiktok": "https://www.tiktok.com/@{handle}/video/{19-digit id}  (query dropped)",
    "telegram": "https://t.me/{channel}/{message id}  (from t.me/s/..., telegram.me/..., "
    'data-telegram-post="channel/id"; ?single, ?comment= dropped)',
    "x": "the status link as printed, query (?ref_src=..., ?s=20) dropped",
}


def post(
    platform: str,
    text: str,
    *,
    author: str | None = None,
    handle: str | None = None,
    date: str | None = None,
    zone: str | None = None,
    link: str | None = None,
    hashtags: list[str] | None = None,
    mentions: list[str] | None = None,
    urls: list[str] | None = None,
    repeats: int = 1,
    title: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One expected post, every field present."""
    return {
        "platform": platform,
        "text": text,
        "title": title,
        "author": author,
        "handle": handle,
        "date": date,
        "zone": zone,
        "link": link,
        "hashtags": list(hashtags or []),
        "mentions": list(mentions or []),
        "urls": list(urls or []),
        "repeats": repeats,
        "extra": dict(extra),
    }


def _lines(*lines: str) -> str:
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------
# Instagram
# ------------------------------------------------------------------------------------------

_IG_V8_EN = post(
    "instagram",
    "Snow on Jebel Jais again this morning! Minus two degrees at the summit ❄️ #UAE #JebelJais",
    author="Khalid Al Mansoori",
    handle="@khalid.shoots",
    date="2017-12-20T19:13-08:00",
    zone="PST",
    hashtags=["#UAE", "#JebelJais"],
)

_IG_V12_AR = post(
    "instagram",
    "افتتحنا اليوم فرعنا الجديد في جدة 🎉 شكراً لكل من شاركنا الفرحة، وبانتظاركم من الساعة "
    "الخامسة مساءً @jeddah.events #جدة #مطعم_الياسمين",
    author="مطعم الياسمين | Yasmine Kitchen",
    handle="@yasmine.kitchen",
    date="2019-10-02T12:03-07:00",
    zone="PDT",
    hashtags=["#جدة", "#مطعم_الياسمين"],
    mentions=["@jeddah.events"],
)

_IG_V14_BARE = post(
    "instagram",
    "",
    author="Just a Lemon 🍋",
    handle="@the.famous.lemon",
)

_IG_V14_CAPTION = post(
    "instagram",
    "We are heartbroken by the news from Derna. All proceeds from this week's concerts will go "
    "to the Libyan Red Crescent 🇱🇾",
    author="Nadia Haddad",
    handle="@nadiahaddadmusic",
)

_IG_PHOTO_2015 = post(
    "instagram",
    "First day of #Ramadan in the old city. Lanterns everywhere 🏮",
    author="Omar Barakat",
    handle="@omar.barakat.photo",
    date="2015-06-18T17:34-07:00",
    zone="PDT",
    hashtags=["#Ramadan"],
)

_IG_VIDEO_ROLLOVER = post(
    "instagram",
    "Last-minute winner in the derby! What a goal by @y.rahmani ⚽️",
    author="Amal Sports",
    handle="@amal.sports",
    date="2016-10-30T20:07-07:00",  # the <time datetime> in the markup is 2016-10-31T03:07:54+00:00
    zone="PDT",
    mentions=["@y.rahmani"],
)

_IG_EMOJI_ONLY = post(
    "instagram",
    "🇲🇦🇲🇦🇲🇦❤️",
    author="Yassine B. 🇲🇦",
    handle="@yassine_b10",
    date="2018-06-28T14:41-07:00",
    zone="PDT",
)

_IG_HASHTAGS_ONLY = post(
    "instagram",
    "#رمضان_كريم #Ramadan2019 #مكة",
    author="Makkah Live",
    handle="@makkah.live",
    date="2019-05-06T04:02-07:00",
    zone="PDT",
    hashtags=["#رمضان_كريم", "#Ramadan2019", "#مكة"],
)

_IG_PAREN_NAME = post(
    "instagram",
    "معبد أبو سمبل يستقبل ظاهرة تعامد الشمس على وجه الملك رمسيس الثاني صباح اليوم ☀️ "
    "#تعامد_الشمس #أسوان",
    author="وزارة السياحة والآثار (مصر)",
    handle="@egypt.tourism.gov",
    date="2020-02-12T18:45-08:00",
    zone="PST",
    hashtags=["#تعامد_الشمس", "#أسوان"],
)

_IG_GLUED = post("instagram", "", author="Atelier Noor", handle="@atelier.noor")

_IG_FR = post(
    "instagram",
    "Merci Essaouira ! Rendez-vous l'année prochaine 🎶 #Gnaoua2019",
    author="Festival Gnaoua",
    handle="@festival.gnaoua",
    date="2019-06-22T14:05-07:00",
    zone="PDT",
    hashtags=["#Gnaoua2019"],
)

_IG_AR_SIGNATURE = post(
    "instagram",
    "حفل تخريج الدفعة العاشرة من طلاب كلية الطب 🎓 مبروك لكل الخريجين",
    author="جامعة النهضة",
    handle="@nahda.university",
    verified_form=False,
)

_IG_START = post(
    "instagram",
    "Back home after 40 days at sea. Thank you all for following the voyage ⛵️",
    author="Rania Saleh",
    handle="@rania.sails",
    date="2018-08-14T09:30-07:00",
    zone="PDT",
)

_IG_DUP = post(
    "instagram",
    "الحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم مدته عشرون دقيقة فقط، شاركونا "
    "صوركم #خليك_بالبيت #تمرين_منزلي",
    author="Coach Dana | دانة",
    handle="@coach.dana",
    date="2020-04-01T15:20-07:00",
    zone="PDT",
    hashtags=["#خليك_بالبيت", "#تمرين_منزلي"],
    repeats=2,
)

INSTAGRAM_CASES: list[dict[str, Any]] = [
    {
        "name": "instagram_v8_english_caption_pst",
        "form": "IG-B",
        "article": _lines(
            "أعلنت هيئة الأرصاد الجوية في الإمارات عن انخفاض ملحوظ في درجات الحرارة خلال عطلة "
            "نهاية الأسبوع. وتوقعت الهيئة تساقط الثلوج على قمة جبل جيس للمرة الثانية هذا الشتاء.",
            "ونشر مصور هاوٍ صورة للقمة المكسوة بالبياض على حسابه في إنستغرام:",
            "Snow on Jebel Jais again this morning! Minus two degrees at the summit ❄️ #UAE "
            "#JebelJais",
            "A post shared by Khalid Al Mansoori (@khalid.shoots) on Dec 20, 2017 at 7:13pm PST",
            "وحذرت الشرطة سائقي المركبات من السرعة على الطريق الجبلي بسبب الانزلاقات المتوقعة.",
        ),
        "expected": {
            "posts": [_IG_V8_EN],
            "before": [
                "أعلنت هيئة الأرصاد الجوية في الإمارات عن انخفاض ملحوظ في درجات الحرارة خلال "
                "عطلة نهاية الأسبوع.",
                "وتوقعت الهيئة تساقط الثلوج على قمة جبل جيس للمرة الثانية هذا الشتاء.",
                "ونشر مصور هاوٍ صورة للقمة المكسوة بالبياض على حسابه في إنستغرام:",
            ],
            "after": [
                "وحذرت الشرطة سائقي المركبات من السرعة على الطريق الجبلي بسبب الانزلاقات المتوقعة.",
            ],
        },
        "notes": "2017-2018 embed (v7/v8): caption paragraph, then the dated signature. No "
        "start marker: the caption is the line(s) before the signature, in another script than "
        "the article. Handle has a dot (Instagram allows [A-Za-z0-9._]).",
    },
    {
        "name": "instagram_v12_view_marker_arabic_caption_pipe_name",
        "form": "IG-C",
        "article": _lines(
            "افتتحت سلسلة مطاعم سعودية ناشئة فرعها الثالث في مدينة جدة وسط إقبال لافت من "
            "الزوار. وقالت إدارة السلسلة إن الفرع الجديد وفّر أكثر من أربعين فرصة عمل لشباب "
            "المدينة.",
            "View this post on Instagram",
            "افتتحنا اليوم فرعنا الجديد في جدة 🎉 شكراً لكل من شاركنا الفرحة، وبانتظاركم من "
            "الساعة الخامسة مساءً @jeddah.events #جدة #مطعم_الياسمين",
            "A post shared by مطعم الياسمين | Yasmine Kitchen (@yasmine.kitchen) on Oct 2, 2019 "
            "at 12:03pm PDT",
            "ويأتي الافتتاح ضمن خطة توسع تشمل الرياض والدمام قبل نهاية العام المقبل.",
        ),
        "expected": {
            "posts": [_IG_V12_AR],
            "before": [
                "افتتحت سلسلة مطاعم سعودية ناشئة فرعها الثالث في مدينة جدة وسط إقبال لافت من "
                "الزوار.",
                "وقالت إدارة السلسلة إن الفرع الجديد وفّر أكثر من أربعين فرصة عمل لشباب المدينة.",
            ],
            "after": ["ويأتي الافتتاح ضمن خطة توسع تشمل الرياض والدمام قبل نهاية العام المقبل."],
        },
        "notes": "2019-2020 embed (v9-v12): 'View this post on Instagram' opens the post, so "
        "an Arabic caption inside an Arabic article is still cut exactly. Display name holds "
        "Arabic letters and ' | '. Mention with a dot.",
    },
    {
        "name": "instagram_v14_no_caption_no_date",
        "form": "IG-D",
        "article": _lines(
            "دعت صفحة شهيرة على إنستغرام متابعيها إلى التفاعل مع صورة جديدة نشرتها تضامنًا مع "
            "ضحايا الزلزال.",
            "View this post on Instagram",
            "A post shared by Just a Lemon 🍋 (@the.famous.lemon)",
            "وتجاوز عدد الإعجابات بالصورة خلال ساعات مليوني إعجاب، بحسب ما أظهرته الصفحة.",
        ),
        "expected": {
            "posts": [_IG_V14_BARE],
            "before": [
                "دعت صفحة شهيرة على إنستغرام متابعيها إلى التفاعل مع صورة جديدة نشرتها تضامنًا "
                "مع ضحايا الزلزال.",
            ],
            "after": [
                "وتجاوز عدد الإعجابات بالصورة خلال ساعات مليوني إعجاب، بحسب ما أظهرته الصفحة.",
            ],
        },
        "notes": "Current embed code (v13/v14, 2020-): the fallback holds no caption and no "
        "date even with data-instgrm-captioned. The article sentence before must NOT be taken "
        "as the caption (the walk-back that works for tweets would do exactly that).",
    },
    {
        "name": "instagram_v14_caption_between_marker_and_signature",
        "form": "IG-D+caption",
        "article": _lines(
            "أعلنت الفنانة اللبنانية نادية حداد تخصيص عائدات حفلاتها هذا الأسبوع لضحايا "
            "الفيضانات في ليبيا.",
            "View this post on Instagram",
            "We are heartbroken by the news from Derna. All proceeds from this week's concerts "
            "will go to the Libyan Red Crescent 🇱🇾",
            "A post shared by Nadia Haddad (@nadiahaddadmusic)",
            "وكانت العاصفة دانيال قد خلّفت آلاف القتلى والمفقودين في مدينة درنة شرقي البلاد.",
        ),
        "expected": {
            "posts": [_IG_V14_CAPTION],
            "before": [
                "أعلنت الفنانة اللبنانية نادية حداد تخصيص عائدات حفلاتها هذا الأسبوع لضحايا "
                "الفيضانات في ليبيا.",
            ],
            "after": [
                "وكانت العاصفة دانيال قد خلّفت آلاف القتلى والمفقودين في مدينة درنة شرقي البلاد.",
            ],
        },
        "notes": "The brief's 'newer' form: marker, caption, undated signature. The v13/v14 "
        "markup itself carries no caption; this shape comes from pages that copy the caption in "
        "by hand or render it server-side. Between the marker and the signature everything is "
        "caption.",
    },
    {
        "name": "instagram_photo_posted_by_2015",
        "form": "IG-A",
        "article": _lines(
            "تزينت أزقة القدس القديمة بالفوانيس والأضواء مع حلول شهر رمضان.",
            "First day of #Ramadan in the old city. Lanterns everywhere 🏮",
            "A photo posted by Omar Barakat (@omar.barakat.photo) on Jun 18, 2015 at 5:34pm PDT",
            "وقال تجار في سوق خان الزيت إن الإقبال على شراء الفوانيس تراجع هذا العام بسبب "
            "الأوضاع الاقتصادية.",
        ),
        "expected": {
            "posts": [_IG_PHOTO_2015],
            "before": ["تزينت أزقة القدس القديمة بالفوانيس والأضواء مع حلول شهر رمضان."],
            "after": [
                "وقال تجار في سوق خان الزيت إن الإقبال على شراء الفوانيس تراجع هذا العام بسبب "
                "الأوضاع الاقتصادية.",
            ],
        },
        "notes": "2014-2016 embeds (v4-v7) say 'A photo posted by' / 'A video posted by'.",
    },
    {
        "name": "instagram_video_posted_by_local_date_before_utc_date",
        "form": "IG-A",
        "article": _lines(
            "حسم فريق الأمل لقاء الديربي في الدقيقة الأخيرة بهدف رائع من لاعبه الشاب يوسف "
            "الرحماني.",
            "Last-minute winner in the derby! What a goal by @y.rahmani ⚽️",
            "A video posted by Amal Sports (@amal.sports) on Oct 30, 2016 at 8:07pm PDT",
            "وبهذا الفوز يرتقي الفريق إلى المركز الثالث في جدول الترتيب.",
        ),
        "expected": {
            "posts": [_IG_VIDEO_ROLLOVER],
            "before": [
                "حسم فريق الأمل لقاء الديربي في الدقيقة الأخيرة بهدف رائع من لاعبه الشاب يوسف "
                "الرحماني.",
            ],
            "after": ["وبهذا الفوز يرتقي الفريق إلى المركز الثالث في جدول الترتيب."],
        },
        "notes": "The printed time is Pacific; the markup's <time datetime> is UTC and falls "
        "on the next day (2016-10-31T03:07:54+00:00). Keep the printed date so the pasted text "
        "and the HTML agree.",
    },
    {
        "name": "instagram_emoji_only_caption_after_arabic_line",
        "form": "IG-B",
        "article": _lines(
            "احتفل لاعبو المنتخب المغربي بالتأهل على طريقتهم الخاصة عبر مواقع التواصل.",
            "🇲🇦🇲🇦🇲🇦❤️",
            "A post shared by Yassine B. 🇲🇦 (@yassine_b10) on Jun 28, 2018 at 2:41pm PDT",
            "ويلتقي المنتخب في الدور المقبل الفائز من مباراة إسبانيا والبرتغال.",
        ),
        "expected": {
            "posts": [_IG_EMOJI_ONLY],
            "before": ["احتفل لاعبو المنتخب المغربي بالتأهل على طريقتهم الخاصة عبر مواقع التواصل."],
            "after": ["ويلتقي المنتخب في الدور المقبل الفائز من مباراة إسبانيا والبرتغال."],
        },
        "notes": "A caption with no letters: a script-based walk-back has nothing to compare; "
        "the caption is exactly the line before the signature. Display name ends with an emoji "
        "flag and holds 'B.' (a full stop that must not end anything).",
    },
    {
        "name": "instagram_hashtag_only_caption",
        "form": "IG-B",
        "article": _lines(
            "امتلأت ساحات الحرم المكي بالمعتمرين في الليلة الأولى من شهر رمضان.",
            "#رمضان_كريم #Ramadan2019 #مكة",
            "A post shared by Makkah Live (@makkah.live) on May 6, 2019 at 4:02am PDT",
            "وأعلنت الرئاسة العامة لشؤون الحرمين عن خطة تشغيلية تشمل أكثر من عشرة آلاف موظف.",
        ),
        "expected": {
            "posts": [_IG_HASHTAGS_ONLY],
            "before": ["امتلأت ساحات الحرم المكي بالمعتمرين في الليلة الأولى من شهر رمضان."],
            "after": [
                "وأعلنت الرئاسة العامة لشؤون الحرمين عن خطة تشغيلية تشمل أكثر من عشرة آلاف موظف.",
            ],
        },
        "notes": "Hashtag-only caption, Arabic and Latin tags mixed.",
    },
    {
        "name": "instagram_display_name_with_parentheses",
        "form": "IG-C",
        "article": _lines(
            "شهد معبد أبو سمبل في أسوان ظاهرة تعامد الشمس على وجه تمثال الملك رمسيس الثاني.",
            "View this post on Instagram",
            "معبد أبو سمبل يستقبل ظاهرة تعامد الشمس على وجه الملك رمسيس الثاني صباح اليوم ☀️ "
            "#تعامد_الشمس #أسوان",
            "A post shared by وزارة السياحة والآثار (مصر) (@egypt.tourism.gov) on Feb 12, 2020 "
            "at 6:45pm PST",
            "وتتكرر الظاهرة مرتين كل عام في شهري فبراير وأكتوبر.",
        ),
        "expected": {
            "posts": [_IG_PAREN_NAME],
            "before": [
                "شهد معبد أبو سمبل في أسوان ظاهرة تعامد الشمس على وجه تمثال الملك رمسيس الثاني.",
            ],
            "after": ["وتتكرر الظاهرة مرتين كل عام في شهري فبراير وأكتوبر."],
        },
        "notes": "The handle is the LAST '(@...)' group; the name itself holds parentheses. "
        "A name pattern like [^()]* (today's tweet signature) fails here.",
    },
    {
        "name": "instagram_glued_marker_and_signature_in_one_paragraph",
        "form": "IG-D (glued)",
        "article": _lines(
            "كشفت دار أزياء فلسطينية ناشئة عن مجموعتها الجديدة عبر حسابها."
            "View this post on InstagramA post shared by Atelier Noor (@atelier.noor)"
            "وتضم المجموعة ثلاثين قطعة مستوحاة من التطريز الفلسطيني التقليدي.",
        ),
        "expected": {
            "posts": [_IG_GLUED],
            "before": ["كشفت دار أزياء فلسطينية ناشئة عن مجموعتها الجديدة عبر حسابها."],
            "after": ["وتضم المجموعة ثلاثين قطعة مستوحاة من التطريز الفلسطيني التقليدي."],
        },
        "notes": "What feeds and tag-stripping CMSs produce (seen in the wild as 'View this "
        "post on InstagramA post shared by NAME (@handle)Globally recognized ...'): no spaces "
        "or line breaks at either end. The handle is followed directly by an Arabic letter, so "
        "a trailing \\b or \\w-based boundary fails; end the handle at ')'.",
    },
    {
        "name": "instagram_french_localised_signature",
        "form": "IG-B (fr)",
        "article": _lines(
            "اختتم مهرجان كناوة وموسيقى العالم دورته الثانية والعشرين في مدينة الصويرة بحضور "
            "جماهيري كبير.",
            "Merci Essaouira ! Rendez-vous l'année prochaine 🎶 #Gnaoua2019",
            "Une publication partagée par Festival Gnaoua (@festival.gnaoua) le 22 Juin 2019 à "
            "14h05 PDT",
            "وقدّر المنظمون عدد الحضور بأكثر من ثلاثمئة ألف متفرج على مدى أربعة أيام.",
        ),
        "expected": {
            "posts": [_IG_FR],
            "before": [
                "اختتم مهرجان كناوة وموسيقى العالم دورته الثانية والعشرين في مدينة الصويرة "
                "بحضور جماهيري كبير.",
            ],
            "after": ["وقدّر المنظمون عدد الحضور بأكثر من ثلاثمئة ألف متفرج على مدى أربعة أيام."],
        },
        "notes": "The embed is localised to the embedding editor's language (Maghreb sites "
        "often French): 'Une publication partagée par NAME (@h) le D Mois YYYY à HHhMM TZ'. "
        "French month names capitalised as Instagram printed them. The caption's ' !' (space "
        "before '!') is French typography, keep it.",
    },
    {
        "name": "instagram_arabic_localised_signature_unverified",
        "form": "IG-D (ar, unverified)",
        "article": _lines(
            "احتفلت جامعة النهضة بتخريج الدفعة العاشرة من طلاب كلية الطب بحضور وزير التعليم "
            "العالي.",
            "عرض هذا المنشور على Instagram",
            "حفل تخريج الدفعة العاشرة من طلاب كلية الطب 🎓 مبروك لكل الخريجين",
            "تمت مشاركة منشور بواسطة جامعة النهضة (@nahda.university)",
            "وبلغ عدد الخريجين هذا العام مئة وعشرين طبيبًا وطبيبة.",
        ),
        "expected": {
            "posts": [_IG_AR_SIGNATURE],
            "before": [
                "احتفلت جامعة النهضة بتخريج الدفعة العاشرة من طلاب كلية الطب بحضور وزير "
                "التعليم العالي.",
            ],
            "after": ["وبلغ عدد الخريجين هذا العام مئة وعشرين طبيبًا وطبيبة."],
        },
        "notes": "'عرض هذا المنشور على Instagram' is confirmed from one Arabic page's embed "
        "markup. The signature wording 'تمت مشاركة منشور بواسطة' is NOT confirmed (no "
        "stored source found); treat this case as provisional and match the Arabic signature "
        "by shape: a line ending in '(@handle)' that follows the Arabic marker.",
    },
    {
        "name": "instagram_post_at_very_start_of_article",
        "form": "IG-B",
        "article": _lines(
            "Back home after 40 days at sea. Thank you all for following the voyage ⛵️",
            "A post shared by Rania Saleh (@rania.sails) on Aug 14, 2018 at 9:30am PDT",
            "عادت البحارة المصرية رانيا صالح إلى ميناء الإسكندرية بعد رحلة منفردة استمرت "
            "أربعين يومًا في البحر المتوسط. وتعد صالح أول امرأة عربية تنجز هذه الرحلة دون "
            "توقف.",
        ),
        "expected": {
            "title": None,
            "posts": [_IG_START],
            "before": [],
            "after": [
                "عادت البحارة المصرية رانيا صالح إلى ميناء الإسكندرية بعد رحلة منفردة استمرت "
                "أربعين يومًا في البحر المتوسط.",
                "وتعد صالح أول امرأة عربية تنجز هذه الرحلة دون توقف.",
            ],
        },
        "notes": "The caption is the first line of the document and looks like a headline "
        "(short, ends in an emoji): today's title detection takes it as the title and leaves "
        "the signature as a sentence. A line followed by a post signature is never a title.",
    },
    {
        "name": "instagram_same_post_pasted_twice",
        "form": "IG-C + IG-B copy",
        "article": _lines(
            "مع استمرار إجراءات الحظر، لجأ مدربو اللياقة إلى تقديم حصص مجانية عبر الإنترنت.",
            "View this post on Instagram",
            "الحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم مدته عشرون دقيقة فقط، شاركونا "
            "صوركم #خليك_بالبيت #تمرين_منزلي",
            "A post shared by Coach Dana | دانة (@coach.dana) on Apr 1, 2020 at 3:20pm PDT",
            "الحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم مدته عشرون دقيقة فقط، شاركونا "
            "صوركم #خليك_بالبيت #تمرين_منزلي",
            "A post shared by Coach Dana | دانة (@coach.dana) on Apr 1, 2020 at 3:20pm PDT",
            "وتقول دانة إن عدد المشاركين في حصصها تضاعف ثلاث مرات منذ بدء الحظر.",
        ),
        "expected": {
            "posts": [_IG_DUP],
            "before": [
                "مع استمرار إجراءات الحظر، لجأ مدربو اللياقة إلى تقديم حصص مجانية عبر الإنترنت.",
            ],
            "after": ["وتقول دانة إن عدد المشاركين في حصصها تضاعف ثلاث مرات منذ بدء الحظر."],
        },
        "notes": "Embed plus its fallback (or an AMP copy) pasted one after the other; the "
        "second copy has no marker line. One post, repeats=2. The second caption is Arabic "
        "right after the first signature: the walk-back must stop at the previous signature.",
    },
]

# ------------------------------------------------------------------------------------------
# Facebook
# ------------------------------------------------------------------------------------------

_FB_EN_GB = post(
    "facebook",
    "تعلن المديرية العامة للدفاع المدني عن إغلاق طريق ضهر البيدر بسبب تراكم الثلوج، ويُرجى من "
    "المواطنين سلوك الطرق البديلة.",
    author="المديرية العامة للدفاع المدني",
    date="2016-01-06",
)

_FB_EN_US_TRUNC = post(
    "facebook",
    "We are deeply saddened by the loss of our colleague Sami Khoury, who covered the region "
    "for more than two decades. Our thoughts are with his family and...",
    author="Levant News Network",
    date="2020-03-02",
    truncated=True,
)

_FB_VIDEO = post(
    "facebook",
    "وزير الأشغال يعرض خطة إعادة إعمار المرفأ على ثلاث مراحل",
    title="Live: Press conference on the reconstruction of the port",
    author="Ministry of Public Works",
    date="2020-09-15",
)

_FB_LINES = post(
    "facebook",
    "كل عام وأنتم بخير بمناسبة اليوم الوطني 🇸🇦",
    author="أمانة منطقة الرياض",
    date="2017-09-23",
    link="https://www.facebook.com/RiyadhAmanah/posts/1475326842541263",
)

_FB_END = post(
    "facebook",
    "Schools will remain closed tomorrow, Monday, due to the expected storm. Stay safe.",
    author="Ministry of Education - Jordan",
    date="2020-03-01",
)

_FB_DUP = post(
    "facebook",
    "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد",
    author="صندوق المعونة الوطنية",
    date="2021-02-14",
    repeats=2,
)

FACEBOOK_CASES: list[dict[str, Any]] = [
    {
        "name": "facebook_posted_by_en_gb_date_arabic_caption",
        "form": "FB-A (en_GB)",
        "article": _lines(
            "أغلقت السلطات اللبنانية عددًا من الطرق الجبلية بعد عاصفة ثلجية ضربت البلاد منذ "
            "ليل الثلاثاء.",
            "تعلن المديرية العامة للدفاع المدني عن إغلاق طريق ضهر البيدر بسبب تراكم الثلوج، "
            "ويُرجى من المواطنين سلوك الطرق البديلة.",
            "Posted by المديرية العامة للدفاع المدني on Wednesday, 6 January 2016",
            "وتوقعت مصلحة الأرصاد الجوية أن تستمر العاصفة حتى نهاية الأسبوع.",
        ),
        "expected": {
            "posts": [_FB_EN_GB],
            "before": [
                "أغلقت السلطات اللبنانية عددًا من الطرق الجبلية بعد عاصفة ثلجية ضربت البلاد منذ "
                "ليل الثلاثاء.",
            ],
            "after": ["وتوقعت مصلحة الأرصاد الجوية أن تستمر العاصفة حتى نهاية الأسبوع."],
        },
        "notes": "fb-post fallback, en_GB date 'Weekday, D Month YYYY'. The caption is Arabic "
        "like the article: the post starts at the caption paragraph (one line), not further "
        "back. Page name in Arabic after an English 'Posted by'.",
    },
    {
        "name": "facebook_posted_by_en_us_date_truncated_caption",
        "form": "FB-A (en_US)",
        "article": _lines(
            "نعت شبكة إخبارية إقليمية مراسلها المخضرم سامي خوري الذي توفي صباح الاثنين عن "
            "عمر ناهز الثامنة والخمسين.",
            "We are deeply saddened by the loss of our colleague Sami Khoury, who covered the "
            "region for more than two decades. Our thoughts are with his family and...",
            "Posted by Levant News Network on Monday, March 2, 2020",
            "وعمل خوري مراسلًا في بيروت ودمشق وبغداد، وغطى عددًا من الحروب في المنطقة.",
        ),
        "expected": {
            "posts": [_FB_EN_US_TRUNC],
            "before": [
                "نعت شبكة إخبارية إقليمية مراسلها المخضرم سامي خوري الذي توفي صباح الاثنين عن "
                "عمر ناهز الثامنة والخمسين.",
            ],
            "after": ["وعمل خوري مراسلًا في بيروت ودمشق وبغداد، وغطى عددًا من الحروب في المنطقة."],
        },
        "notes": "en_US date 'Weekday, Month D, YYYY'. Facebook cuts long captions in the "
        "fallback with '...' (three dots, sometimes '…'): keep them, flag truncated.",
    },
    {
        "name": "facebook_video_title_then_caption",
        "form": "FB-B",
        "article": _lines(
            "عرضت وزارة الأشغال العامة خطتها لإعادة إعمار مرفأ بيروت في مؤتمر صحفي بُثّ مباشرة.",
            "Live: Press conference on the reconstruction of the port",
            "وزير الأشغال يعرض خطة إعادة إعمار المرفأ على ثلاث مراحل",
            "Posted by Ministry of Public Works on Tuesday, 15 September 2020",
            "وقدّرت الوزارة كلفة المرحلة الأولى بنحو ثلاثمئة مليون دولار.",
        ),
        "expected": {
            "posts": [_FB_VIDEO],
            "before": [
                "عرضت وزارة الأشغال العامة خطتها لإعادة إعمار مرفأ بيروت في مؤتمر صحفي بُثّ مباشرة.",
            ],
            "after": ["وقدّرت الوزارة كلفة المرحلة الأولى بنحو ثلاثمئة مليون دولار."],
        },
        "notes": "fb-video fallback: <a>video title</a>, <p>caption</p>, 'Posted by' with "
        "an unlinked date. The title line belongs to the post (title), the caption is text.",
    },
    {
        "name": "facebook_caption_page_line_date_line_and_link",
        "form": "FB-C",
        "article": _lines(
            "احتفلت العاصمة الرياض باليوم الوطني السابع والثمانين بعروض جوية وألعاب نارية.",
            "كل عام وأنتم بخير بمناسبة اليوم الوطني 🇸🇦",
            "أمانة منطقة الرياض",
            "Saturday, 23 September 2017",
            "https://www.facebook.com/RiyadhAmanah/posts/1475326842541263",
            "وشهدت الشوارع الرئيسية ازدحامًا مروريًا حتى ساعات الفجر.",
        ),
        "expected": {
            "posts": [_FB_LINES],
            "before": [
                "احتفلت العاصمة الرياض باليوم الوطني السابع والثمانين بعروض جوية وألعاب نارية.",
            ],
            "after": ["وشهدت الشوارع الرئيسية ازدحامًا مروريًا حتى ساعات الفجر."],
        },
        "notes": "The brief's 'caption, then page name and date on the next lines'. Without "
        "'Posted by' the name+date lines look like a byline/dateline; recognise only when a "
        "facebook.com post link closes the group (see NEGATIVE_CASES for the same lines "
        "without a link).",
    },
    {
        "name": "facebook_post_at_very_end_of_article",
        "form": "FB-A (en_GB)",
        "article": _lines(
            "قررت وزارة التربية والتعليم الأردنية تعليق الدوام في المدارس الحكومية والخاصة يوم "
            "غد الاثنين بسبب المنخفض الجوي.",
            "وأوضحت الوزارة في منشور على صفحتها الرسمية:",
            "Schools will remain closed tomorrow, Monday, due to the expected storm. Stay safe.",
            "Posted by Ministry of Education - Jordan on Sunday, 1 March 2020",
        ),
        "expected": {
            "posts": [_FB_END],
            "before": [
                "قررت وزارة التربية والتعليم الأردنية تعليق الدوام في المدارس الحكومية والخاصة "
                "يوم غد الاثنين بسبب المنخفض الجوي.",
                "وأوضحت الوزارة في منشور على صفحتها الرسمية:",
            ],
            "after": [],
        },
        "notes": "Post is the last thing in the document (no trailing newline). Page name "
        "holds ' - ': a dash inside the name, not a tweet-style dash signature.",
    },
    {
        "name": "facebook_same_post_pasted_twice",
        "form": "FB-A (en_GB) x2",
        "article": _lines(
            "أعلن صندوق المعونة الوطنية عن موعد صرف المعونات الشهرية للأسر المستفيدة.",
            "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد",
            "Posted by صندوق المعونة الوطنية on Sunday, 14 February 2021",
            "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد "
            "Posted by صندوق المعونة الوطنية on Sunday, 14 February 2021",
            "ويستفيد من المعونة أكثر من مئة ألف أسرة في مختلف المحافظات.",
        ),
        "expected": {
            "posts": [_FB_DUP],
            "before": [
                "أعلن صندوق المعونة الوطنية عن موعد صرف المعونات الشهرية للأسر المستفيدة.",
            ],
            "after": ["ويستفيد من المعونة أكثر من مئة ألف أسرة في مختلف المحافظات."],
        },
        "notes": "Second copy on one line (caption and 'Posted by' glued by a space). Same "
        "page name + same caption -> one post, repeats=2. The caption has no final full stop.",
    },
]

# ------------------------------------------------------------------------------------------
# YouTube
# ------------------------------------------------------------------------------------------

_YT_TITLE = post(
    "youtube",
    "وزير الخارجية يلقي كلمة بلاده أمام الجمعية العامة للأمم المتحدة",
    title="وزير الخارجية يلقي كلمة بلاده أمام الجمعية العامة للأمم المتحدة",
    link="https://www.youtube.com/watch?v=Xq3bV9kT2aE",
)

_YT_CHANNEL = post(
    "youtube",
    "Full interview: The mayor of Mosul on rebuilding the old city",
    title="Full interview: The mayor of Mosul on rebuilding the old city",
    author="Iraq Today",
    handle="@IraqTodayTV",
    link="https://www.youtube.com/watch?v=Kd8pW2mZr0s",
)

_YT_SHORTS = post(
    "youtube",
    "ملخص أهداف المباراة 🔥 #الدوري_السعودي #shorts",
    title="ملخص أهداف المباراة 🔥 #الدوري_السعودي #shorts",
    handle="@sportsclips.sa",
    link="https://www.youtube.com/watch?v=aB3dE5fG7hI",
    hashtags=["#الدوري_السعودي", "#shorts"],
)

_YT_BARE = post("youtube", "", link="https://www.youtube.com/watch?v=Zr7Qp1LmN0c")

YOUTUBE_CASES: list[dict[str, Any]] = [
    {
        "name": "youtube_title_line_then_watch_link",
        "form": "YT-A",
        "article": _lines(
            "ألقى وزير الخارجية كلمة بلاده أمام الدورة الثامنة والسبعين للجمعية العامة للأمم "
            "المتحدة في نيويورك.",
            "وزير الخارجية يلقي كلمة بلاده أمام الجمعية العامة للأمم المتحدة",
            "https://www.youtube.com/watch?v=Xq3bV9kT2aE",
            "ودعا الوزير في كلمته إلى وقف فوري لإطلاق النار وفتح الممرات الإنسانية.",
        ),
        "expected": {
            "posts": [_YT_TITLE],
            "before": [
                "ألقى وزير الخارجية كلمة بلاده أمام الدورة الثامنة والسبعين للجمعية العامة "
                "للأمم المتحدة في نيويورك.",
            ],
            "after": ["ودعا الوزير في كلمته إلى وقف فوري لإطلاق النار وفتح الممرات الإنسانية."],
        },
        "notes": "Title is the single line right above a standalone YouTube link line (a "
        "title has no final full stop and is at most 100 characters).",
    },
    {
        "name": "youtube_title_channel_handle_short_link_with_si",
        "form": "YT-B",
        "article": _lines(
            "تحدث رئيس بلدية الموصل في مقابلة مطولة عن خطط إعادة إعمار المدينة القديمة.",
            "Full interview: The mayor of Mosul on rebuilding the old city",
            "Iraq Today (@IraqTodayTV)",
            "https://youtu.be/Kd8pW2mZr0s?si=Qm3xTt9aL0bYc2Vd",
            "وأشار إلى أن أكثر من نصف المباني التاريخية ما زالت بحاجة إلى ترميم.",
        ),
        "expected": {
            "posts": [_YT_CHANNEL],
            "before": [
                "تحدث رئيس بلدية الموصل في مقابلة مطولة عن خطط إعادة إعمار المدينة القديمة.",
            ],
            "after": ["وأشار إلى أن أكثر من نصف المباني التاريخية ما زالت بحاجة إلى ترميم."],
        },
        "notes": "Channel line 'Name (@handle)' between title and link. youtu.be with the "
        "share tracker ?si= (dropped in the canonical link).",
    },
    {
        "name": "youtube_shorts_hashtag_title_handle_only",
        "form": "YT-B",
        "article": _lines(
            "حقق الفريق فوزًا كبيرًا بأربعة أهداف دون رد في الجولة الخامسة من الدوري.",
            "ملخص أهداف المباراة 🔥 #الدوري_السعودي #shorts",
            "@sportsclips.sa",
            "https://www.youtube.com/shorts/aB3dE5fG7hI",
            "ورفع الفريق رصيده إلى ثلاث عشرة نقطة في صدارة الترتيب.",
        ),
        "expected": {
            "posts": [_YT_SHORTS],
            "before": ["حقق الفريق فوزًا كبيرًا بأربعة أهداف دون رد في الجولة الخامسة من الدوري."],
            "after": ["ورفع الفريق رصيده إلى ثلاث عشرة نقطة في صدارة الترتيب."],
        },
        "notes": "Shorts link; title with hashtags; channel given only as a bare @handle line "
        "(YouTube handles allow '.', '-' and '_').",
    },
    {
        "name": "youtube_bare_link_line",
        "form": "YT-C",
        "article": _lines(
            "نشرت القناة الرسمية للمهرجان تسجيلًا كاملًا لحفل الافتتاح.",
            "https://www.youtube.com/watch?v=Zr7Qp1LmN0c",
            "ويستمر المهرجان عشرة أيام بمشاركة فرق من اثنتي عشرة دولة.",
        ),
        "expected": {
            "posts": [_YT_BARE],
            "before": ["نشرت القناة الرسمية للمهرجان تسجيلًا كاملًا لحفل الافتتاح."],
            "after": ["ويستمر المهرجان عشرة أيام بمشاركة فرق من اثنتي عشرة دولة."],
        },
        "notes": "A YouTube link alone on its line is the whole embed (what an iframe with the "
        "generic title 'YouTube video player' leaves). The sentence before ends with '.' so it "
        "is not a title.",
    },
]

# ------------------------------------------------------------------------------------------
# TikTok
# ------------------------------------------------------------------------------------------

_TT_FLAT = post(
    "tiktok",
    "The best koshari in Cairo costs only 25 pounds 🤤 #koshari #cairo #foodtok",
    handle="@cairo.streetfood",
    hashtags=["#koshari", "#cairo", "#foodtok"],
    music="♬ original sound - Cairo Street Food",
)

_TT_LINK = post(
    "tiktok",
    "لحظة وصول قافلة المساعدات إلى المخيم بعد انتظار دام أسبوعين",
    handle="@rahma.relief",
    link="https://www.tiktok.com/@rahma.relief/video/7301234567890123456",
)

_TT_TAGS = post(
    "tiktok",
    "#dubai #نيو_دبي #drone",
    handle="@dubai.drone.views",
    hashtags=["#dubai", "#نيو_دبي", "#drone"],
    music="♬ original sound - Dubai Drone Views",
)

TIKTOK_CASES: list[dict[str, Any]] = [
    {
        "name": "tiktok_fallback_section_flattened",
        "form": "TT-A",
        "article": _lines(
            "انتشر مقطع لمدوّن طعام مصري يستعرض فيه أرخص طبق كشري في وسط القاهرة.",
            "@cairo.streetfood The best koshari in Cairo costs only 25 pounds 🤤 #koshari "
            "#cairo #foodtok ♬ original sound - Cairo Street Food",
            "وحصد المقطع أكثر من ثلاثة ملايين مشاهدة خلال يومين.",
        ),
        "expected": {
            "posts": [_TT_FLAT],
            "before": ["انتشر مقطع لمدوّن طعام مصري يستعرض فيه أرخص طبق كشري في وسط القاهرة."],
            "after": ["وحصد المقطع أكثر من ثلاثة ملايين مشاهدة خلال يومين."],
        },
        "notes": "blockquote.tiktok-embed <section> as text: '@handle', caption, hashtag links, "
        "'♬ sound - name'. Starts with the handle, ends with the music line; no display name, "
        "no date. The music line's name is the sound's, not necessarily the author's.",
    },
    {
        "name": "tiktok_arabic_caption_handle_line_video_link",
        "form": "TT-B",
        "article": _lines(
            "وصلت قافلة مساعدات إنسانية إلى مخيم للنازحين بعد أسبوعين من الانتظار على المعبر.",
            "لحظة وصول قافلة المساعدات إلى المخيم بعد انتظار دام أسبوعين",
            "@rahma.relief",
            "https://www.tiktok.com/@rahma.relief/video/7301234567890123456",
            "وتضم القافلة أكثر من عشرين شاحنة محملة بالأغذية والأدوية.",
        ),
        "expected": {
            "posts": [_TT_LINK],
            "before": [
                "وصلت قافلة مساعدات إنسانية إلى مخيم للنازحين بعد أسبوعين من الانتظار على المعبر.",
            ],
            "after": ["وتضم القافلة أكثر من عشرين شاحنة محملة بالأغذية والأدوية."],
        },
        "notes": "Arabic caption in an Arabic article: only the link line and the handle line "
        "anchor it; the caption is the one line above the handle (no final full stop).",
    },
    {
        "name": "tiktok_hashtag_only_caption_flattened",
        "form": "TT-A",
        "article": _lines(
            "التقط مصور إماراتي مشاهد جوية للأحياء الجديدة في دبي باستخدام طائرة مسيرة.",
            "@dubai.drone.views #dubai #نيو_دبي #drone ♬ original sound - Dubai Drone Views",
            "ويعرض المصور أعماله في معرض يفتتح الأسبوع المقبل.",
        ),
        "expected": {
            "posts": [_TT_TAGS],
            "before": [
                "التقط مصور إماراتي مشاهد جوية للأحياء الجديدة في دبي باستخدام طائرة مسيرة."
            ],
            "after": ["ويعرض المصور أعماله في معرض يفتتح الأسبوع المقبل."],
        },
        "notes": "Caption of hashtags only, Latin and Arabic.",
    },
]

# ------------------------------------------------------------------------------------------
# Telegram
# ------------------------------------------------------------------------------------------

_TG_LINK = post(
    "telegram",
    "⚡️ عاجل | انقطاع التيار الكهربائي عن أحياء واسعة في العاصمة بسبب عطل في محطة التحويل الرئيسية",
    handle="@capital_news_now",
    link="https://t.me/capital_news_now/48213",
)

_TG_FWD = post(
    "telegram",
    "تسجيل 12 إصابة جديدة بالكوليرا في محافظة الحديدة، وجميع الحالات تتلقى العلاج في مراكز العزل",
    handle="@yemen_health_updates",
    link="https://t.me/yemen_health_updates/912",
    forwarded_from="وزارة الصحة العامة",
)

_TG_BARE = post("telegram", "", handle="@gaza_now_live", link="https://t.me/gaza_now_live/30551")

TELEGRAM_CASES: list[dict[str, Any]] = [
    {
        "name": "telegram_text_then_message_link",
        "form": "TG-A",
        "article": _lines(
            "شهدت العاصمة انقطاعًا واسعًا للتيار الكهربائي مساء أمس استمر أكثر من ست ساعات.",
            "⚡️ عاجل | انقطاع التيار الكهربائي عن أحياء واسعة في العاصمة بسبب عطل في محطة "
            "التحويل الرئيسية",
            "https://t.me/capital_news_now/48213",
            "وقالت شركة الكهرباء إن فرقها تعمل على إصلاح العطل.",
        ),
        "expected": {
            "posts": [_TG_LINK],
            "before": [
                "شهدت العاصمة انقطاعًا واسعًا للتيار الكهربائي مساء أمس استمر أكثر من ست ساعات.",
            ],
            "after": ["وقالت شركة الكهرباء إن فرقها تعمل على إصلاح العطل."],
        },
        "notes": "Channel message link t.me/<channel>/<id> on its own line closes the post; "
        "the text is the block above it (one line, starts with an emoji and 'عاجل |').",
    },
    {
        "name": "telegram_forwarded_from_text_link_without_scheme",
        "form": "TG-B",
        "article": _lines(
            "حذرت منظمات إغاثة من تفشي الكوليرا في مناطق الساحل الغربي لليمن.",
            "Forwarded from وزارة الصحة العامة",
            "تسجيل 12 إصابة جديدة بالكوليرا في محافظة الحديدة، وجميع الحالات تتلقى العلاج في "
            "مراكز العزل",
            "t.me/yemen_health_updates/912",
            "وتعاني المرافق الصحية في المحافظة من نقص حاد في المستلزمات الطبية.",
        ),
        "expected": {
            "posts": [_TG_FWD],
            "before": ["حذرت منظمات إغاثة من تفشي الكوليرا في مناطق الساحل الغربي لليمن."],
            "after": ["وتعاني المرافق الصحية في المحافظة من نقص حاد في المستلزمات الطبية."],
        },
        "notes": "'Forwarded from NAME' opens the post (the widget's header line), the link "
        "closes it. The link is printed without https://. The forwarding channel (handle) and "
        "the original source (forwarded_from) differ.",
    },
    {
        "name": "telegram_bare_preview_link",
        "form": "TG-C",
        "article": _lines(
            "نشرت قناة محلية مقطعًا يظهر حجم الدمار في الحي بعد الغارة.",
            "https://t.me/s/gaza_now_live/30551",
            "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير.",
        ),
        "expected": {
            "posts": [_TG_BARE],
            "before": ["نشرت قناة محلية مقطعًا يظهر حجم الدمار في الحي بعد الغارة."],
            "after": ["ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير."],
        },
        "notes": "A bare message link (here the web-preview form t.me/s/...) is all that a "
        "telegram-widget.js embed leaves; canonical link drops '/s'.",
    },
]

# ------------------------------------------------------------------------------------------
# X (Twitter)
# ------------------------------------------------------------------------------------------

_X_XCOM = post(
    "x",
    "We have restored service for 95% of users. Full recovery expected within the hour. "
    "Thanks for your patience 🙏",
    author="Rami Aziz",
    handle="@rami_aziz",
    date="2023-11-19",
    link="https://x.com/rami_aziz/status/1726301658813120512",
)

_X_ABBR = post(
    "x",
    "نبارك للشعب العراقي هذا الإنجاز التاريخي 🇮🇶 #أسود_الرافدين",
    author="اتحاد الكرة العراقي",
    handle="@IraqFA_News",
    date="2024-01-24",
    hashtags=["#أسود_الرافدين"],
)

X_CASES: list[dict[str, Any]] = [
    {
        "name": "x_signature_with_xcom_status_link",
        "form": "X-A",
        "article": _lines(
            "عادت خدمات منصة الدفع الإلكتروني إلى العمل تدريجيًا بعد عطل استمر نحو خمس ساعات.",
            "وكتب الرئيس التنفيذي للشركة على منصة إكس:",
            "We have restored service for 95% of users. Full recovery expected within the hour. "
            "Thanks for your patience 🙏 — Rami Aziz (@rami_aziz) November 19, 2023 "
            "https://x.com/rami_aziz/status/1726301658813120512?ref_src=twsrc%5Etfw",
            "ولم تكشف الشركة عن سبب العطل حتى الآن.",
        ),
        "expected": {
            "posts": [_X_XCOM],
            "before": [
                "عادت خدمات منصة الدفع الإلكتروني إلى العمل تدريجيًا بعد عطل استمر نحو خمس ساعات.",
                "وكتب الرئيس التنفيذي للشركة على منصة إكس:",
            ],
            "after": ["ولم تكشف الشركة عن سبب العطل حتى الآن."],
        },
        "notes": "Today's tweet form with an x.com status link (embeds since 2023-2024 link "
        "to x.com and load platform.x.com/widgets.js). '95%' and '🙏' inside the text.",
    },
    {
        "name": "x_signature_line_abbreviated_month_arabic_tweet",
        "form": "X-B",
        "article": _lines(
            "تأهل المنتخب العراقي إلى الدور الثاني من كأس آسيا بعد فوزه في مباراته الثالثة.",
            "نبارك للشعب العراقي هذا الإنجاز التاريخي 🇮🇶 #أسود_الرافدين",
            "— اتحاد الكرة العراقي (@IraqFA_News) Jan 24, 2024",
            "ويلتقي المنتخب في الدور المقبل نظيره الأردني.",
        ),
        "expected": {
            "posts": [_X_ABBR],
            "before": [
                "تأهل المنتخب العراقي إلى الدور الثاني من كأس آسيا بعد فوزه في مباراته الثالثة.",
            ],
            "after": ["ويلتقي المنتخب في الدور المقبل نظيره الأردني."],
        },
        "notes": "Signature on its own line with an abbreviated month ('Nov 19, 2023' style). "
        "Arabic tweet in an Arabic article: only the line right above belongs to it.",
    },
]

# ------------------------------------------------------------------------------------------
# Mixed: glued, adjacent, cross-posted
# ------------------------------------------------------------------------------------------

_MIX_IG = post(
    "instagram",
    "To every woman who keeps going 💜 #IWD2018",
    author="Leila Mansour",
    handle="@leila.mansour",
    date="2018-03-08T10:15-08:00",
    zone="PST",
    hashtags=["#IWD2018"],
)

_MIX_X = post(
    "x",
    "Happy International Women's Day to every woman fighting for her rights 💜",
    author="UN Women Arab States",
    handle="@UNWomenArabic",
    date="2018-03-08",
)

_CROSS_IG = post(
    "instagram",
    "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة",
    author="المتحف الوطني",
    handle="@national.museum",
    date="2019-11-05T11:00-08:00",
    zone="PST",
)

_CROSS_FB = post(
    "facebook",
    "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة",
    author="المتحف الوطني",
    date="2019-11-05",
)

_END_X = post(
    "x",
    "The earthquake was felt across the region. Our teams are on the ground. #Turkey #Syria",
    author="Relief Watch",
    handle="@ReliefWatch",
    date="2023-02-06",
    hashtags=["#Turkey", "#Syria"],
)

_END_TG = post(
    "telegram",
    "فرق الإنقاذ تواصل البحث عن ناجين تحت الأنقاض في حلب وإدلب",
    handle="@syria_relief_now",
    link="https://t.me/syria_relief_now/7702",
)

MIXED_CASES: list[dict[str, Any]] = [
    {
        "name": "instagram_and_x_glued_in_one_paragraph",
        "form": "IG-B + X-A glued",
        "article": _lines(
            "احتفلت ناشطات عربيات باليوم العالمي للمرأة برسائل على مواقع التواصل."
            "To every woman who keeps going 💜 #IWD2018"
            "A post shared by Leila Mansour (@leila.mansour) on Mar 8, 2018 at 10:15am PST"
            "Happy International Women's Day to every woman fighting for her rights 💜 "
            "— UN Women Arab States (@UNWomenArabic) March 8, 2018"
            "وشهدت عدة عواصم عربية وقفات للمطالبة بالمساواة في الأجور.",
        ),
        "expected": {
            "posts": [_MIX_IG, _MIX_X],
            "before": ["احتفلت ناشطات عربيات باليوم العالمي للمرأة برسائل على مواقع التواصل."],
            "between": [],
            "after": ["وشهدت عدة عواصم عربية وقفات للمطالبة بالمساواة في الأجور."],
        },
        "notes": "Two posts of two platforms glued with no separators: 'PST' runs into "
        "'Happy' and '2018' into an Arabic letter. The IG date must end at the zone token "
        "(PST followed by an uppercase letter: no \\b there either); the tweet's text starts "
        "right after the IG signature.",
    },
    {
        "name": "same_caption_on_instagram_and_facebook_not_merged",
        "form": "IG-B + FB-A",
        "article": _lines(
            "أعلن المتحف الوطني إغلاق أبوابه أمام الزوار يوم الجمعة لإجراء أعمال صيانة دورية.",
            "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة",
            "A post shared by المتحف الوطني (@national.museum) on Nov 5, 2019 at 11:00am PST",
            "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة",
            "Posted by المتحف الوطني on Tuesday, 5 November 2019",
            "ويستأنف المتحف استقبال الزوار صباح السبت وفق المواعيد المعتادة.",
        ),
        "expected": {
            "posts": [_CROSS_IG, _CROSS_FB],
            "before": [
                "أعلن المتحف الوطني إغلاق أبوابه أمام الزوار يوم الجمعة لإجراء أعمال صيانة دورية.",
            ],
            "between": [],
            "after": ["ويستأنف المتحف استقبال الزوار صباح السبت وفق المواعيد المعتادة."],
        },
        "notes": "Cross-posted: same caption and name on two platforms. Two posts, not a "
        "duplicate (duplicate = same platform and same handle/page).",
    },
    {
        "name": "x_then_telegram_at_very_end",
        "form": "X-A + TG-A",
        "article": _lines(
            "ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا فجر الاثنين.",
            "The earthquake was felt across the region. Our teams are on the ground. #Turkey "
            "#Syria — Relief Watch (@ReliefWatch) February 6, 2023",
            "فرق الإنقاذ تواصل البحث عن ناجين تحت الأنقاض في حلب وإدلب",
            "https://t.me/syria_relief_now/7702",
        ),
        "expected": {
            "posts": [_END_X, _END_TG],
            "before": ["ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا فجر الاثنين."],
            "between": [],
            "after": [],
        },
        "notes": "Two posts end the document; the Telegram text line follows the tweet's line "
        "directly. '7.8' must not split the sentence.",
    },
]

CASES: list[dict[str, Any]] = [
    *INSTAGRAM_CASES,
    *FACEBOOK_CASES,
    *YOUTUBE_CASES,
    *TIKTOK_CASES,
    *TELEGRAM_CASES,
    *X_CASES,
    *MIXED_CASES,
]

# ------------------------------------------------------------------------------------------
# Must NOT be taken as posts
# ------------------------------------------------------------------------------------------

NEGATIVE_CASES: list[dict[str, Any]] = [
    {
        "name": "english_sentence_posted_by_ministry_on_weekday_date",
        "article": _lines(
            "The video was posted by the ministry on Thursday, 19 November 2015, hours after "
            "the explosion. Officials later said it had been filmed by a security camera.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "The video was posted by the ministry on Thursday, 19 November 2015, hours after "
                "the explosion.",
                "Officials later said it had been filmed by a security camera.",
            ],
        },
        "notes": "Lowercase 'posted by' inside a sentence, the date followed by more "
        "sentence. FB signatures start with capital 'Posted by' at a line start (or right after "
        "the caption) and the date ends the line.",
    },
    {
        "name": "blog_byline_posted_by_admin_under_title",
        "article": _lines(
            "ارتفاع أسعار الخضار في الأسواق المحلية",
            "Posted by admin on Thursday, November 19, 2015",
            "شهدت أسواق الخضار ارتفاعًا ملحوظًا في الأسعار خلال الأسبوع الماضي. وعزا التجار "
            "ذلك إلى تراجع الإنتاج بسبب موجة الصقيع.",
        ),
        "expected": {
            "title": "ارتفاع أسعار الخضار في الأسواق المحلية",
            "posts": [],
            "drop_lines": ["Posted by admin on Thursday, November 19, 2015"],
            "sentences": [
                "شهدت أسواق الخضار ارتفاعًا ملحوظًا في الأسعار خلال الأسبوع الماضي.",
                "وعزا التجار ذلك إلى تراجع الإنتاج بسبب موجة الصقيع.",
            ],
        },
        "notes": "WordPress-style byline: exactly the FB-A shape, but what precedes it is the "
        "document title, not a caption. Never take the title as a caption. Whether the byline "
        "line is dropped or kept as a sentence is a product choice; it is not a post.",
    },
    {
        "name": "arabic_cms_byline_published_by",
        "article": _lines(
            "تم النشر بواسطة: فريق التحرير في الخميس، 19 نوفمبر 2015",
            "أعلنت وزارة النقل عن تشغيل خط حافلات جديد يربط المطار بوسط المدينة. ويبدأ "
            "التشغيل مطلع الشهر المقبل.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "أعلنت وزارة النقل عن تشغيل خط حافلات جديد يربط المطار بوسط المدينة.",
                "ويبدأ التشغيل مطلع الشهر المقبل.",
            ],
            "drop_lines": ["تم النشر بواسطة: فريق التحرير في الخميس، 19 نوفمبر 2015"],
        },
        "notes": "Arabic CMS byline ('published by ... on Thursday, ...'): the reason an "
        "Arabic Facebook signature must not be matched on 'تم النشر بواسطة' alone.",
    },
    {
        "name": "a_post_shared_by_inside_english_sentence",
        "article": _lines(
            "A post shared by the embassy on Instagram on Monday showed the ambassador at the "
            "border crossing. The embassy did not comment further.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "A post shared by the embassy on Instagram on Monday showed the ambassador at the "
                "border crossing.",
                "The embassy did not comment further.",
            ],
        },
        "notes": "The phrase without '(@handle)' right after the name is prose.",
    },
    {
        "name": "view_this_post_marker_alone",
        "article": _lines(
            "نشرت الفنانة صورة جديدة من كواليس عملها المقبل.",
            "View this post on Instagram",
            "ومن المقرر عرض العمل في موسم رمضان المقبل.",
        ),
        "expected": {
            "posts": [],
            "drop_lines": ["View this post on Instagram"],
            "sentences": [
                "نشرت الفنانة صورة جديدة من كواليس عملها المقبل.",
                "ومن المقرر عرض العمل في موسم رمضان المقبل.",
            ],
        },
        "notes": "A bare embed (blockquote with only the link) leaves just the marker: no "
        "author, no handle -> no post; the marker is platform chrome and should not reach the "
        "summary as a sentence.",
    },
    {
        "name": "handle_in_parentheses_inside_arabic_sentence",
        "article": _lines(
            "وقالت وزارة الصحة عبر حسابها الرسمي على إنستغرام (@moh.gov) إن حملة التطعيم "
            "ستستمر حتى نهاية الشهر.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "وقالت وزارة الصحة عبر حسابها الرسمي على إنستغرام (@moh.gov) إن حملة التطعيم "
                "ستستمر حتى نهاية الشهر.",
            ],
        },
        "notes": "'(@handle)' without a signature phrase before it and without a date after "
        "it is a citation inside prose.",
    },
    {
        "name": "youtube_link_inside_sentence",
        "article": _lines(
            "وبثت القناة الخطاب كاملًا على يوتيوب (https://www.youtube.com/watch?v=Xq3bV9kT2aE) "
            "مساء الأحد.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "وبثت القناة الخطاب كاملًا على يوتيوب (https://www.youtube.com/watch?v=Xq3bV9kT2aE) "
                "مساء الأحد.",
            ],
        },
        "notes": "A link inside a sentence is an entity of the sentence, not an embed. "
        "Embeds are links alone on their line (or closing a post block).",
    },
    {
        "name": "telegram_channel_link_without_message_id",
        "article": _lines(
            "أعلنت الوكالة إطلاق خدمة الأخبار العاجلة عبر تطبيق تيليجرام.",
            "تابعونا على تيليجرام: https://t.me/alkhabar_now",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "أعلنت الوكالة إطلاق خدمة الأخبار العاجلة عبر تطبيق تيليجرام.",
                "تابعونا على تيليجرام: https://t.me/alkhabar_now",
            ],
        },
        "notes": "t.me/<channel> with no /<message id> is a 'follow us' link, not a post.",
    },
    {
        "name": "dateline_byline_with_dash_handle_and_date",
        "article": _lines(
            "القاهرة - أحمد علي (@ahmed_ali) 19 نوفمبر 2015",
            "أعلنت وزارة الصحة المصرية اليوم عن حملة تطعيم جديدة. وتستمر الحملة أسبوعين.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "أعلنت وزارة الصحة المصرية اليوم عن حملة تطعيم جديدة.",
                "وتستمر الحملة أسبوعين.",
            ],
            "drop_lines": ["القاهرة - أحمد علي (@ahmed_ali) 19 نوفمبر 2015"],
        },
        "notes": "Dateline + byline + handle + date: today's tweet SIGNATURE matches it and "
        "makes a tweet whose text is 'القاهرة' (checked against the snapshot). One or two "
        "words before ' - ' at the start of a line (the first line especially) are a "
        "dateline, not a tweet's text: require a tweet text to be more than a dateline "
        "(e.g. at least three words or a sentence terminator, or an em/en dash rather "
        "than a spaced hyphen when the text is that short).",
    },
    {
        "name": "forwarded_from_inside_sentence",
        "article": _lines(
            "The message, forwarded from a government channel on Telegram, was later deleted.",
        ),
        "expected": {
            "posts": [],
            "sentences": [
                "The message, forwarded from a government channel on Telegram, was later deleted.",
            ],
        },
        "notes": "'Forwarded from' opens a Telegram post only as its own line, capitalised, "
        "and only when a t.me message link follows the text.",
    },
    {
        "name": "agency_and_date_lines_at_article_end_without_link",
        "article": _lines(
            "وأكد المتحدث أن المفاوضات ستستأنف الأسبوع المقبل في الدوحة.",
            "Reuters",
            "Thursday, 19 November 2015",
        ),
        "expected": {
            "posts": [],
            "sentences": ["وأكد المتحدث أن المفاوضات ستستأنف الأسبوع المقبل في الدوحة."],
            "drop_lines": ["Reuters", "Thursday, 19 November 2015"],
        },
        "notes": "Same shape as FB-C (name line, weekday date line) with no facebook.com "
        "link: a source credit and a dateline. Not a post; what happens to the two lines is a "
        "product choice (they are listed as drop_lines only as a suggestion).",
    },
]
