"""detect_language / detect_segments: the language a reader would say each segment is in."""

from __future__ import annotations

import pytest
from conftest import make_segment

from summarize.data import SegmentKind
from summarize.langid import detect_language, detect_segments
from summarize.normalize import normalize_text
from summarize.segment import segment_document


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت شركة Apple و Microsoft و Google عن شراكة جديدة في مجال الذكاء الاصطناعي",
        "شنت مجموعة Anonymous هجومًا على شركة CloudFlare",
        "تمنع هجمات DDoS من النجاح في تحقيق أهدافها",
        "قالت خدمة التراسل الفوري “تيليجرام” Telegram إنها تحركت",
        "وكانت “جوست سيكيوريتي جروب” Ghost Security Group، وهي شبكة “لمكافحة الإرهاب”",
        "قال الرئيس: نعم",
        "شراكة جديدة بين Google، Microsoft، Amazon، Nvidia",
    ],
)
def test_arabic_with_latin_names_is_arabic(text: str) -> None:
    assert detect_language(text).lang == "ar"


@pytest.mark.parametrize(
    "text",
    [
        "We will not stop until justice is served #فلسطين #غزة",
        "Stop using this service now #أنونيموس @someone https://t.co/x",
        "#Anonymous would also like to encourage you to not use @CloudFlare services any longer. "
        "https://t.co/GqhRe4yr8U #OpParis #OpDaesh",
    ],
)
def test_english_with_arabic_hashtags_is_english(text: str) -> None:
    assert detect_language(text).lang == "en"


@pytest.mark.parametrize(
    "text",
    [
        "https://t.co/GqhRe4yr8U #OpParis #OpDaesh",
        "123 456 2015",
        "٣٤ ٥٦",
        "😀🔥👍",
        "#tag @user 😀 42 https://example.com",
        "info@example.com",
        "",
        "   ",
    ],
)
def test_nothing_that_votes_is_undetermined(text: str) -> None:
    assert detect_language(text).lang == "und"


@pytest.mark.parametrize(
    "text",
    [
        "من امروز به کتابخانه رفتم و چند کتاب خواندم",
        "این یک پیام کوتاه برای گروه است که باید خوانده شود",
        "چرا پدرم به خانه نیامد؟",
    ],
)
def test_persian_is_persian(text: str) -> None:
    assert detect_language(text).lang == "fa"


@pytest.mark.parametrize(
    "text",
    [
        "میں آج بازار گیا اور وہاں سے کچھ کتابیں خریدیں۔ یہ بہت اچھا دن تھا",
        "پاکستان میں بارش ہوئی ہے اور لوگ خوش ہیں",
    ],
)
def test_urdu_is_urdu(text: str) -> None:
    assert detect_language(text).lang == "ur"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le gouvernement français a annoncé de nouvelles mesures contre le chômage", "fr"),
        ("Die Regierung hat heute neue Maßnahmen gegen die Arbeitslosigkeit angekündigt", "de"),
        ("El gobierno anunció hoy nuevas medidas contra el desempleo en el país", "es"),
        ("The government announced new measures against unemployment today", "en"),
    ],
)
def test_latin_script_languages(text: str, expected: str) -> None:
    assert detect_language(text).lang == expected


@pytest.mark.parametrize(
    "text",
    ["Hello", "Breaking news", "very good news", "CloudFlare", "Ghost Security Group", "mais oui"],
)
def test_one_to_three_latin_words_are_english(text: str) -> None:
    assert detect_language(text).lang == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement français a annoncé de nouvelles mesures contre le chômage",
        "من امروز به کتابخانه رفتم و چند کتاب خواندم",
        "Ok ok ok ok",
    ],
)
def test_same_answer_every_time(text: str) -> None:
    answers = {detect_language(text) for _ in range(5)}
    assert len(answers) == 1


@pytest.mark.parametrize(
    "text",
    [
        "شنت مجموعة Anonymous هجومًا على شركة CloudFlare",
        "We will not stop #فلسطين",
        "Le gouvernement français a annoncé de nouvelles mesures",
        "پاکستان میں بارش ہوئی ہے",
        "https://t.co/x",
        "",
        "Hello مرحبا",
    ],
)
def test_confidence_is_between_zero_and_one(text: str) -> None:
    assert 0.0 <= detect_language(text).confidence <= 1.0


def test_mixed_text_is_less_sure_than_pure_text() -> None:
    pure = detect_language("شنت مجموعة قراصنة هجوما على شركة").confidence
    mixed = detect_language("شنت مجموعة قراصنة هجوما على شركة hackers attacked").confidence
    assert mixed < pure


def test_sample_sentences_are_arabic_and_the_tweet_english(seed_text: str) -> None:
    segments = detect_segments(segment_document(normalize_text(seed_text).text))
    langs = {(str(s.kind), s.lang) for s in segments}
    assert langs == {("title", "ar"), ("sentence", "ar"), ("tweet", "en")}


def test_detect_segments_keeps_everything_else() -> None:
    segments = (
        make_segment(3, "قال الرئيس إن الوضع صعب", "und"),
        make_segment(7, "The president said it was hard", "und", SegmentKind.TITLE),
    )
    detected = detect_segments(segments)
    assert [(s.id, s.kind, s.text, s.span, s.lang) for s in detected] == [
        (3, SegmentKind.SENTENCE, "قال الرئيس إن الوضع صعب", (0, 23), "ar"),
        (7, SegmentKind.TITLE, "The president said it was hard", (0, 30), "en"),
    ]


# --- social text: furniture, dialect letters, Persian, Arabizi ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "RT @news_ar: عاجل انفجار في المرفأ http…",
        "RT @someone: تمام https:…",
        "RT @Sport_Daily: مبروك للنادي https://t.co/Xy12AbCd",
        "MT @editor_desk: خبر مهم",
        "@ahmed_88 ههههه صح كلامك",
        "@user1 @user2 الله يعطيك العافية 😍 https://t.co/AbCdEf123",
        "@Mona_K شكرا يا ست الكل via @Other",
        "@BBCArabic @AJArabic اخبار محزنة #سوريا",
    ],
)
def test_retweets_and_replies_in_arabic_are_arabic(text: str) -> None:
    assert detect_language(text).lang == "ar"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#السعودية_تنتصر #الرياض", "ar"),
        ("#أسعار_الوقود", "ar"),  # one tag, two words
        ("#الرياض", "und"),  # one word says nothing
        ("#ليبيا #Libya", "und"),
        ("#OpParis #OpDaesh", "und"),
        ("RT @user: https://t.co/abc123", "und"),
    ],
)
def test_hashtags_alone_are_arabic_only_when_all_arabic(text: str, expected: str) -> None:
    assert detect_language(text).lang == expected


@pytest.mark.parametrize(
    "text",
    [
        "شلونك حبيبي چنت وياك البارحة",
        "والله ما گدرت أجي اليوم",
        "شفت الڤيديو الجديد؟ روعة",
        "أكلنا پيتزا في المطعم مع الشباب",
        "RT @iraqi_fan: چا شنو هالحچي گلبي",
        "ماكو شي اليوم، ديگول نلعب طوبة",
    ],
)
def test_dialect_letters_alone_are_not_persian(text: str) -> None:
    assert detect_language(text).lang == "ar"


@pytest.mark.parametrize(
    "text",
    [
        "@ali_r ممنون از شما، خيلي لطف داريد",  # typed on an Arabic keyboard (ي ك)
        "این فیلم واقعا عالی بود، حتما ببینید",
        "امروز هوا خیلی سرده، کجا بریم؟",
        "RT @tehran_news: دلم برای خانواده‌ام تنگ شده است",
        "من هم نمی‌دانم چرا این کار را کرد",
    ],
)
def test_persian_social_text_is_persian(text: str) -> None:
    assert detect_language(text).lang == "fa"


@pytest.mark.parametrize(
    "text",
    [
        "ana mesh fahem eh elly by7sal",
        "yalla bina nrou7 el beach",
        "wallahi ma 3aref shu bade a3mel",
        "enta fein delwa2ty?",
        "kifak ya habibi, shu el akhbar?",
        "mafeesh 7aga ta3mlha",
        "Inshallah bokra a7san",
        "el gaw 7elw awi ennaharda",
        "3ayez akol koshary",
        "RT @masry_tweets: ana 3ayza anam 😴",
        "Allah ysalmak ya sa7bi",
        "MESH MOMKEN KEDA",
        "ezayak ya basha",
    ],
)
def test_arabizi_is_arabic_in_latin_letters(text: str) -> None:
    assert detect_language(text).lang == "ar-Latn"


@pytest.mark.parametrize(
    "text",
    [
        "The 3rd round starts at 7pm on Sunday.",
        "He is 6ft 2ins tall and weighs 90kg.",
        "Sales of the PS4 rose by 5% in Q3, and CO2 output fell.",
        "Egypt's President Abdel Fattah el-Sisi met Hamad bin Khalifa in Cairo.",
        "Ana Ivanovic won the match in straight sets.",
        "The law was passed by men in suits.",
        "see ya tomorrow lol",
        "Allahu Akbar, the crowd shouted.",
        "He said inshallah the talks will succeed.",
        "wire mesh fence",
        "Salam Fayyad resigned",
        "Yalla Yalla is a new Lebanese restaurant in London.",
        "Habib Koite played the Cambridge Folk Festival",
        "“The café was closed,” José said on Monday.",
    ],
)
def test_english_is_never_arabizi(text: str) -> None:
    assert detect_language(text).lang == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El presidente anunció hoy nuevas medidas para la economía del país", "es"),
        ("Le ministre a dit que la situation est très grave pour les familles", "fr"),
        ("Los precios del petroleo suben por la crisis con los productores", "es"),
        ("Die Regierung ist nicht mit der Entscheidung der Kommission einverstanden", "de"),
    ],
)
def test_other_latin_languages_stay_theirs_without_accents_too(text: str, expected: str) -> None:
    assert detect_language(text).lang == expected
