"""HTML fixtures: the posts of cases.py as publishers' article pages carry them.

Each page is a plain article page (head, site header and nav, ``<main><article>`` with
``<h1>`` and body ``<p>`` paragraphs, footer) with one or more publisher embed codes in the
body, written in the shapes the platforms hand out. Names, ids and texts are our own; the
markup shapes are the platforms'.

One case::

    {
        "name": str,
        "text_case": str,            # the twin in cases.CASES (same article, same posts)
        "html": str,                 # the whole page
        "pasted_form": str,          # what an HTML rewriter should put in place of the embed(s):
                                     # the pasted-text form the text recogniser already knows,
                                     # one embed per line group, permalink appended to the
                                     # signature line as the tweet rewriter does today
        "expected": {"title": str, "posts": [...], "before": [...], "after": [...]},
        "differs_from_text": [field, ...],   # post fields the markup adds/changes vs the twin
        "markup_facts": {...},       # what the markup holds besides the text (for checks)
        "notes": str,
    }

Design rule: the page's body paragraphs + ``pasted_form`` equal the twin's article (ignoring
whitespace and links), so the HTML path and the pasted path yield the same segments; the
page adds a title (``<h1>``/``<title>``) and, where the markup has one, the permalink.
"""

from __future__ import annotations

import copy
import html as _html
from typing import Any

__all__ = ["page", "resolve"]

# ------------------------------------------------------------------------------------------
# Page shell
# ------------------------------------------------------------------------------------------


def page(title: str, body: str, *, lang: str = "ar", site: str = "شبكة الأخبار") -> str:
    """A realistic article page around ``body`` (already HTML)."""
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_html.escape(title)} | {_html.escape(site)}</title>
<meta property="og:title" content="{_html.escape(title, quote=True)}">
<link rel="stylesheet" href="/assets/css/site.min.css">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body class="single-post">
<header class="site-header">
  <a class="logo" href="/">{_html.escape(site)}</a>
  <nav class="main-nav">
    <ul>
      <li><a href="/news">أخبار</a></li>
      <li><a href="/politics">سياسة</a></li>
      <li><a href="/economy">اقتصاد</a></li>
      <li><a href="/sport">رياضة</a></li>
    </ul>
  </nav>
</header>
<main id="content">
<article class="post">
  <h1 class="post-title">{_html.escape(title)}</h1>
  <div class="post-body">
{body}
  </div>
</article>
<aside class="related">
  <h3>اقرأ أيضا</h3>
  <ul>
    <li><a href="/news/1">أسعار النفط تتراجع مع ارتفاع المخزونات الأمريكية</a></li>
    <li><a href="/news/2">انطلاق امتحانات الثانوية العامة الأسبوع المقبل</a></li>
  </ul>
</aside>
</main>
<footer class="site-footer">
  <p>جميع الحقوق محفوظة &copy; {_html.escape(site)}</p>
  <a href="/privacy">سياسة الخصوصية</a>
</footer>
</body>
</html>
"""


def paras(*texts: str) -> str:
    return "\n".join(f"    <p>{_html.escape(t, quote=False)}</p>" for t in texts)


def _caption_html(caption: str) -> str:
    return "<br />".join(_html.escape(line, quote=False) for line in caption.split("\n"))


# ------------------------------------------------------------------------------------------
# Embed codes, in the platforms' shapes
# ------------------------------------------------------------------------------------------

_IG_BOX = (
    "background:#FFF; border:0; border-radius:3px; box-shadow:0 0 1px 0 rgba(0,0,0,0.5),0 1px "
    "10px 0 rgba(0,0,0,0.15); margin: 1px; max-width:540px; min-width:326px; padding:0; "
    "width:99.375%; width:-webkit-calc(100% - 2px); width:calc(100% - 2px);"
)
_IG_GREY = (
    " color:#c9c8cd; font-family:Arial,sans-serif; font-size:14px; line-height:17px; "
    "margin-bottom:0; margin-top:8px; overflow:hidden; padding:8px 0 7px; text-align:center; "
    "text-overflow:ellipsis; white-space:nowrap;"
)
_IG_LINK = (
    " color:#c9c8cd; font-family:Arial,sans-serif; font-size:14px; font-style:normal; "
    "font-weight:normal; line-height:17px;"
)
_IG_TIME = " font-family:Arial,sans-serif; font-size:14px; line-height:17px;"
_IG_CAPTION_A = (
    " color:#000; font-family:Arial,sans-serif; font-size:14px; font-style:normal; "
    "font-weight:normal; line-height:17px; text-decoration:none; word-wrap:break-word;"
)
_IG_PLACEHOLDER = (
    '<div style=" display: flex; flex-direction: row; align-items: center;"> <div '
    'style="background-color: #F4F4F4; border-radius: 50%; flex-grow: 0; height: 40px; '
    'margin-right: 14px; width: 40px;"></div> <div style="display: flex; flex-direction: '
    'column; flex-grow: 1; justify-content: center;"> <div style=" background-color: #F4F4F4; '
    'border-radius: 4px; flex-grow: 0; height: 14px; margin-bottom: 6px; width: 100px;"></div> '
    '<div style=" background-color: #F4F4F4; border-radius: 4px; flex-grow: 0; height: 14px; '
    'width: 60px;"></div></div></div><div style="padding: 19% 0;"></div> <div '
    'style="display:block; height:50px; margin:0 auto 12px; width:50px;"><svg width="50px" '
    'height="50px" viewBox="0 0 60 60" version="1.1" xmlns="https://www.w3.org/2000/svg"><g '
    'stroke="none" stroke-width="1" fill="none" fill-rule="evenodd"><g '
    'transform="translate(-511.000000, -20.000000)" fill="#000000"><g><path '
    'd="M556.869,30.41 C554.814,30.41 553.148,32.076 553.148,34.131"></path></g></g></g>'
    "</svg></div>"
)


def ig_v6(
    permalink: str,
    caption: str,
    name: str,
    handle: str,
    utc: str,
    printed: str,
    verb: str = "A photo posted by",
) -> str:
    """2014-2016 (v4-v7): caption <p>, then '<a>A photo posted by NAME (@h)</a> on <time>'."""
    return (
        f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-version="6" '
        f'style="{_IG_BOX}"><div style="padding:8px;"> <div style=" background:#F8F8F8; '
        f'line-height:0; margin-top:40px; padding:50.0% 0; text-align:center; width:100%;"> '
        f'<div style=" background:url(data:image/png;base64,iVBORw0KGgo=); display:block; '
        f'height:44px; margin:0 auto -44px; position:relative; top:-22px; width:44px;"></div>'
        f'</div> <p style=" margin:8px 0 0 0; padding:0 4px;"> <a href="{permalink}" '
        f'style="{_IG_CAPTION_A}" target="_blank">{_caption_html(caption)}</a></p> '
        f'<p style="{_IG_GREY}"><a href="{permalink}" style="{_IG_LINK} text-decoration:none;" '
        f'target="_blank">{verb} {_html.escape(name)} (@{handle})</a> on <time '
        f'style="{_IG_TIME}" datetime="{utc}">{printed}</time></p></div></blockquote>\n'
        f'<script async defer src="//platform.instagram.com/en_US/embeds.js"></script>'
    )


def ig_v8(
    permalink: str,
    caption: str | None,
    name: str,
    handle: str,
    utc: str,
    printed: str,
    *,
    verb: str = "A post shared by",
    on: str = "on",
    version: str = "8",
) -> str:
    """2017-2018 (v7/v8): caption <p><a>, then 'A post shared by <a> NAME</a> (@h) on <time>'."""
    caption_p = (
        f' <p style=" margin:8px 0 0 0; padding:0 4px;"> <a href="{permalink}?utm_source='
        f'ig_embed" style="{_IG_CAPTION_A}" target="_blank">{_caption_html(caption)}</a></p>'
        if caption is not None
        else ""
    )
    return (
        f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink='
        f'"{permalink}?utm_source=ig_embed" data-instgrm-version="{version}" style="{_IG_BOX}">'
        f'<div style="padding:8px;"> <div style=" background:#F8F8F8; line-height:0; '
        f'margin-top:40px; padding:50.0% 0; text-align:center; width:100%;"> <div style=" '
        f"background:url(data:image/png;base64,iVBORw0KGgo=); display:block; height:44px; "
        f'margin:0 auto -44px; position:relative; top:-22px; width:44px;"></div></div>'
        f'{caption_p} <p style="{_IG_GREY}">{verb} <a href="https://www.instagram.com/{handle}/" '
        f'style="{_IG_LINK}" target="_blank"> {_html.escape(name)}</a> (@{handle}) {on} <time '
        f'style="{_IG_TIME}" datetime="{utc}">{printed}</time></p></div></blockquote> '
        f'<script async defer src="//www.instagram.com/embed.js"></script>'
    )


def ig_v12(permalink: str, caption: str, name: str, handle: str, utc: str, printed: str) -> str:
    """2019-2020 (v9-v12): top link with 'View this post on Instagram', caption, dated line."""
    link = f"{permalink}?utm_source=ig_embed&amp;utm_campaign=loading"
    return (
        f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink='
        f'"{link}" data-instgrm-version="12" style="{_IG_BOX}"><div style="padding:16px;"> '
        f'<a href="{link}" style=" background:#FFFFFF; line-height:0; padding:0 0; '
        f'text-align:center; text-decoration:none; width:100%;" target="_blank"> '
        f'{_IG_PLACEHOLDER}<div style="padding-top: 8px;"> <div style=" color:#3897f0; '
        f"font-family:Arial,sans-serif; font-size:14px; font-style:normal; font-weight:550; "
        f'line-height:18px;"> View this post on Instagram</div></div><div style="padding: '
        f'12.5% 0;"></div></a> <p style=" margin:8px 0 0 0; padding:0 4px;"> <a href="{link}" '
        f'style="{_IG_CAPTION_A}" target="_blank">{_caption_html(caption)}</a></p> '
        f'<p style="{_IG_GREY}">A post shared by <a href="https://www.instagram.com/{handle}/'
        f'?utm_source=ig_embed&amp;utm_campaign=loading" style="{_IG_LINK}" target="_blank"> '
        f'{_html.escape(name)}</a> (@{handle}) on <time style="{_IG_TIME}" datetime="{utc}">'
        f"{printed}</time></p></div></blockquote> "
        f'<script async src="//www.instagram.com/embed.js"></script>'
    )


def ig_v14(
    permalink: str,
    name: str,
    handle: str,
    *,
    view: str = "View this post on Instagram",
    shared: str = "A post shared by",
) -> str:
    """2020- (v13/v14): 'View this post on Instagram', '<a>A post shared by NAME (@h)</a>'."""
    link = f"{permalink}?utm_source=ig_embed&amp;utm_campaign=loading"
    return (
        f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink='
        f'"{link}" data-instgrm-version="14" style="{_IG_BOX}"><div style="padding:16px;"> '
        f'<a href="{link}" style=" background:#FFFFFF; line-height:0; padding:0 0; '
        f'text-align:center; text-decoration:none; width:100%;" target="_blank"> '
        f'{_IG_PLACEHOLDER}<div style="padding-top: 8px;"> <div style=" color:#3897f0; '
        f"font-family:Arial,sans-serif; font-size:14px; font-style:normal; font-weight:550; "
        f'line-height:18px;">{view}</div></div><div style="padding: 12.5% 0;"></div></a>'
        f'<p style="{_IG_GREY}"><a href="{link}" style="{_IG_LINK} text-decoration:none;" '
        f'target="_blank">{shared} {_html.escape(name)} (@{handle})</a></p></div></blockquote>'
        f' <script async src="//www.instagram.com/embed.js"></script>'
    )


def fb_post(
    data_href: str,
    cite: str,
    caption: str,
    page_name: str,
    page_url: str,
    printed_date: str,
    *,
    sdk_locale: str = "en_GB",
    old_wrapper: bool = False,
) -> str:
    """fb-post with its fallback blockquote ('Posted by <a>PAGE</a> on&nbsp;<a>DATE</a>')."""
    klass = "" if old_wrapper else ' class="fb-xfbml-parse-ignore"'
    inner = (
        f'<blockquote cite="{cite}"{klass}>'
        f'<p>{_html.escape(caption, quote=False)}</p>Posted by <a href="{page_url}">'
        f'{_html.escape(page_name)}</a> on&nbsp;<a href="{cite}">{printed_date}</a>'
        f"</blockquote>"
    )
    if old_wrapper:
        inner = f'<div class="fb-xfbml-parse-ignore">{inner}</div>'
    return (
        f'<div id="fb-root"></div>\n<script async defer crossorigin="anonymous" '
        f'src="https://connect.facebook.net/{sdk_locale}/sdk.js#xfbml=1&amp;version=v8.0" '
        f'nonce="k3Jd9sQa"></script>\n<div class="fb-post" data-href="{data_href}" '
        f'data-width="500" data-show-text="true">{inner}</div>'
    )


def fb_video(
    data_href: str,
    cite: str,
    title: str,
    caption: str,
    page_name: str,
    page_url: str,
    printed_date: str,
) -> str:
    """fb-video fallback: <a>TITLE</a><p>CAPTION</p>Posted by <a>PAGE</a> on DATE (unlinked)."""
    return (
        f'<div id="fb-root"></div>\n<script async defer src="https://connect.facebook.net/'
        f'en_GB/sdk.js#xfbml=1&amp;version=v3.2"></script>\n<div class="fb-video" '
        f'data-href="{data_href}" data-width="500" data-show-text="false"><blockquote '
        f'cite="{cite}" class="fb-xfbml-parse-ignore"><a href="{cite}">'
        f"{_html.escape(title)}</a><p>{_html.escape(caption, quote=False)}</p>Posted by "
        f'<a href="{page_url}">{_html.escape(page_name)}</a> on {printed_date}</blockquote>'
        f"</div>"
    )


def yt_wp_figure(video_id: str, title: str) -> str:
    """WordPress oEmbed YouTube block: iframe title = the video's title."""
    return (
        f'<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
        f'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
        f'<iframe loading="lazy" title="{_html.escape(title, quote=True)}" width="500" '
        f'height="281" src="https://www.youtube.com/embed/{video_id}?feature=oembed" '
        f'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; '
        f'gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-'
        f'origin" allowfullscreen></iframe>\n</div></figure>'
    )


def yt_lazy_nocookie(video_id: str) -> str:
    """Lazy-loaded privacy-mode iframe with YouTube's generic title (no real title)."""
    return (
        f'<div class="video-container"><iframe class="lazyload" width="560" height="315" '
        f'src="about:blank" data-src="https://www.youtube-nocookie.com/embed/{video_id}?rel=0" '
        f'title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; '
        f'clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
        f'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>'
    )


def tiktok(
    handle: str,
    video_id: str,
    caption_words: list[str],
    hashtags: list[str],
    music: str,
    music_id: str,
    *,
    wrap_p: bool = False,
) -> str:
    """blockquote.tiktok-embed: section with @handle link, caption text, #tag links, music link."""
    tag_links = " ".join(
        f'<a title="{_html.escape(t[1:].lower(), quote=True)}" target="_blank" '
        f'href="https://www.tiktok.com/tag/{t[1:]}?refer=embed">{t}</a>'
        for t in hashtags
    )
    parts = [_html.escape(" ".join(caption_words), quote=False)] if caption_words else []
    if tag_links:
        parts.append(tag_links)
    caption = " ".join(parts)
    if wrap_p:
        caption = f"<p>{caption}</p>"
    return (
        f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/{handle}/video/'
        f'{video_id}" data-video-id="{video_id}" data-embed-from="oembed" style="max-width: '
        f'605px;min-width: 325px;" > <section> <a target="_blank" title="{handle}" '
        f'href="https://www.tiktok.com/{handle}?refer=embed">{handle}</a> {caption} '
        f'<a target="_blank" title="{_html.escape(music, quote=True)}" '
        f'href="https://www.tiktok.com/music/{music_id}?refer=embed">{_html.escape(music)}</a> '
        f"</section> </blockquote> "
        f'<script async src="https://www.tiktok.com/embed.js"></script>'
    )


def telegram(post_ref: str) -> str:
    """Telegram post widget: a script only; the iframe it makes is t.me/<ref>?embed=1."""
    return (
        f'<script async src="https://telegram.org/js/telegram-widget.js?22" '
        f'data-telegram-post="{post_ref}" data-width="100%"></script>'
    )


def tweet(
    text_html: str,
    name: str,
    handle: str,
    status_url: str,
    printed: str,
    lang: str = "en",
    x_widgets: bool = True,
) -> str:
    widgets = "platform.x.com" if x_widgets else "platform.twitter.com"
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<blockquote class="twitter-tweet"><p lang="{lang}" dir="{direction}">'
        f'{text_html}</p>&mdash; {_html.escape(name)} (@{handle}) <a href="{status_url}'
        f'?ref_src=twsrc%5Etfw">{printed}</a></blockquote> <script async '
        f'src="https://{widgets}/widgets.js" charset="utf-8"></script>'
    )


# ------------------------------------------------------------------------------------------
# Cases
# ------------------------------------------------------------------------------------------


def _case(
    name: str,
    text_case: str,
    title: str,
    before: list[str],
    embed: str,
    after: list[str],
    pasted_form: str,
    *,
    differs: dict[int, dict[str, Any]] | None = None,
    facts: dict[str, Any] | None = None,
    notes: str = "",
    lang: str = "ar",
) -> dict:
    body = "\n".join(
        part for part in (paras(*before), "    " + embed, paras(*after)) if part.strip()
    )
    return {
        "name": name,
        "text_case": text_case,
        "html": page(title, body, lang=lang),
        "pasted_form": pasted_form,
        "expected": {"title": title, "before": before, "after": after},
        "_differs": differs or {},
        "markup_facts": facts or {},
        "notes": notes,
        "_body_before": before,
        "_body_after": after,
    }


_IG1 = "https://www.instagram.com/p/BdA3kQ2lXyZ/"
_IG2 = "https://www.instagram.com/p/B3Jk9sLnQ2w/"
_IG3 = "https://www.instagram.com/p/Cx7LmQ2NpRt/"
_IG5 = "https://www.instagram.com/p/4pQ7rKsMIz/"
_IG6 = "https://www.instagram.com/p/BMK2r1xD9Qe/"
_IG7 = "https://www.instagram.com/p/BkmA0Q8hE2v/"
_IG8 = "https://www.instagram.com/p/BxGq0cXnR5t/"
_IG9 = "https://www.instagram.com/p/B8gT6yYhJ4k/"
_IG10 = "https://www.instagram.com/p/CQz81mVhXy3/"
_IG11 = "https://www.instagram.com/p/BzD3rTqhK0p/"
_IG13 = "https://www.instagram.com/p/BmZ4qV1Hc8r/"
_IG14 = "https://www.instagram.com/p/B-e3XyZl5Qm/"
_IG_MIX = "https://www.instagram.com/p/BgCv8Z2lW4q/"
_IG_CROSS = "https://www.instagram.com/p/B4fR2pXhA9d/"

_HTML_CASES: list[dict] = [
    _case(
        "html_instagram_v8_english_caption_pst",
        "instagram_v8_english_caption_pst",
        "ثلوج على قمة جبل جيس للمرة الثانية هذا الشتاء",
        [
            "أعلنت هيئة الأرصاد الجوية في الإمارات عن انخفاض ملحوظ في درجات الحرارة خلال عطلة "
            "نهاية الأسبوع. وتوقعت الهيئة تساقط الثلوج على قمة جبل جيس للمرة الثانية هذا الشتاء.",
            "ونشر مصور هاوٍ صورة للقمة المكسوة بالبياض على حسابه في إنستغرام:",
        ],
        ig_v8(
            _IG1,
            "Snow on Jebel Jais again this morning! Minus two degrees at the summit ❄️ "
            "#UAE #JebelJais",
            "Khalid Al Mansoori",
            "khalid.shoots",
            "2017-12-21T03:13:00+00:00",
            "Dec 20, 2017 at 7:13pm PST",
        ),
        ["وحذرت الشرطة سائقي المركبات من السرعة على الطريق الجبلي بسبب الانزلاقات المتوقعة."],
        "Snow on Jebel Jais again this morning! Minus two degrees at the summit ❄️ #UAE "
        "#JebelJais\nA post shared by Khalid Al Mansoori (@khalid.shoots) on Dec 20, 2017 at "
        f"7:13pm PST {_IG1}",
        differs={0: {"link": _IG1}},
        facts={"datetime_utc": ["2017-12-21T03:13:00+00:00"], "version": "8"},
        notes="<time datetime> is UTC and already the next day; keep the printed local date.",
    ),
    _case(
        "html_instagram_v12_view_marker_arabic_caption",
        "instagram_v12_view_marker_arabic_caption_pipe_name",
        "سلسلة مطاعم سعودية تفتتح فرعها الثالث في جدة",
        [
            "افتتحت سلسلة مطاعم سعودية ناشئة فرعها الثالث في مدينة جدة وسط إقبال لافت من "
            "الزوار. وقالت إدارة السلسلة إن الفرع الجديد وفّر أكثر من أربعين فرصة عمل لشباب "
            "المدينة.",
        ],
        ig_v12(
            _IG2,
            "افتتحنا اليوم فرعنا الجديد في جدة 🎉 شكراً لكل من شاركنا الفرحة، "
            "وبانتظاركم من الساعة الخامسة مساءً @jeddah.events #جدة #مطعم_الياسمين",
            "مطعم الياسمين | Yasmine Kitchen",
            "yasmine.kitchen",
            "2019-10-02T19:03:00+00:00",
            "Oct 2, 2019 at 12:03pm PDT",
        ),
        ["ويأتي الافتتاح ضمن خطة توسع تشمل الرياض والدمام قبل نهاية العام المقبل."],
        "View this post on Instagram\nافتتحنا اليوم فرعنا الجديد في جدة 🎉 شكراً لكل من "
        "شاركنا الفرحة، وبانتظاركم من الساعة الخامسة مساءً @jeddah.events #جدة #مطعم_الياسمين\n"
        "A post shared by مطعم الياسمين | Yasmine Kitchen (@yasmine.kitchen) on Oct 2, 2019 at "
        f"12:03pm PDT {_IG2}",
        differs={0: {"link": _IG2}},
        facts={"datetime_utc": ["2019-10-02T19:03:00+00:00"], "version": "12"},
        notes="The marker sits in a <div> inside the top <a>, far from the caption <p>; the "
        "rewriter keeps it as its own line (or drops it and emits caption+signature only).",
    ),
    _case(
        "html_instagram_v14_no_caption",
        "instagram_v14_no_caption_no_date",
        "صفحة شهيرة تدعو متابعيها للتضامن مع ضحايا الزلزال",
        [
            "دعت صفحة شهيرة على إنستغرام متابعيها إلى التفاعل مع صورة جديدة نشرتها تضامنًا مع "
            "ضحايا الزلزال.",
        ],
        ig_v14(_IG3, "Just a Lemon 🍋", "the.famous.lemon"),
        ["وتجاوز عدد الإعجابات بالصورة خلال ساعات مليوني إعجاب، بحسب ما أظهرته الصفحة."],
        f"View this post on Instagram\nA post shared by Just a Lemon 🍋 (@the.famous.lemon) {_IG3}",
        differs={0: {"link": _IG3}},
        facts={"version": "14"},
        notes="Current markup: no caption, no <time>. The whole signature is the text of one "
        "<a> whose href is the permalink.",
    ),
    _case(
        "html_instagram_v6_photo_posted_by",
        "instagram_photo_posted_by_2015",
        "الفوانيس تزين أزقة القدس القديمة",
        ["تزينت أزقة القدس القديمة بالفوانيس والأضواء مع حلول شهر رمضان."],
        ig_v6(
            _IG5,
            "First day of #Ramadan in the old city. Lanterns everywhere 🏮",
            "Omar Barakat",
            "omar.barakat.photo",
            "2015-06-19T00:34:12+00:00",
            "Jun 18, 2015 at 5:34pm PDT",
        ),
        [
            "وقال تجار في سوق خان الزيت إن الإقبال على شراء الفوانيس تراجع هذا العام بسبب "
            "الأوضاع الاقتصادية."
        ],
        "First day of #Ramadan in the old city. Lanterns everywhere 🏮\nA photo posted by Omar "
        f"Barakat (@omar.barakat.photo) on Jun 18, 2015 at 5:34pm PDT {_IG5}",
        differs={0: {"link": _IG5}},
        facts={
            "datetime_utc": ["2015-06-19T00:34:12+00:00"],
            "version": "6",
            "no_data_instgrm_permalink": True,
        },
        notes="Old markup has no data-instgrm-permalink: the permalink is the href of the "
        "signature <a> (which holds 'A photo posted by NAME (@h)'); ' on <time>' is outside "
        "the <a>. Old 10-character shortcode.",
    ),
    _case(
        "html_instagram_v7_video_local_date_before_utc",
        "instagram_video_posted_by_local_date_before_utc_date",
        "الأمل يحسم الديربي في الدقيقة الأخيرة",
        ["حسم فريق الأمل لقاء الديربي في الدقيقة الأخيرة بهدف رائع من لاعبه الشاب يوسف الرحماني."],
        ig_v8(
            _IG6,
            "Last-minute winner in the derby! What a goal by @y.rahmani ⚽️",
            "Amal Sports",
            "amal.sports",
            "2016-10-31T03:07:54+00:00",
            "Oct 30, 2016 at 8:07pm PDT",
            verb="A video posted by",
            version="7",
        ),
        ["وبهذا الفوز يرتقي الفريق إلى المركز الثالث في جدول الترتيب."],
        "Last-minute winner in the derby! What a goal by @y.rahmani ⚽️\nA video posted by Amal "
        f"Sports (@amal.sports) on Oct 30, 2016 at 8:07pm PDT {_IG6}",
        differs={0: {"link": _IG6}},
        facts={"datetime_utc": ["2016-10-31T03:07:54+00:00"], "version": "7"},
        notes="Taking the date from <time datetime> would give 2016-10-31 and break "
        "agreement with the pasted text (2016-10-30 20:07 PDT).",
    ),
    _case(
        "html_instagram_emoji_only_caption",
        "instagram_emoji_only_caption_after_arabic_line",
        "لاعبو المغرب يحتفلون بالتأهل",
        ["احتفل لاعبو المنتخب المغربي بالتأهل على طريقتهم الخاصة عبر مواقع التواصل."],
        ig_v8(
            _IG7,
            "🇲🇦🇲🇦🇲🇦❤️",
            "Yassine B. 🇲🇦",
            "yassine_b10",
            "2018-06-28T21:41:07+00:00",
            "Jun 28, 2018 at 2:41pm PDT",
        ),
        ["ويلتقي المنتخب في الدور المقبل الفائز من مباراة إسبانيا والبرتغال."],
        "🇲🇦🇲🇦🇲🇦❤️\nA post shared by Yassine B. 🇲🇦 (@yassine_b10) on Jun 28, 2018 at 2:41pm "
        f"PDT {_IG7}",
        differs={0: {"link": _IG7}},
        facts={"datetime_utc": ["2018-06-28T21:41:07+00:00"], "version": "8"},
    ),
    _case(
        "html_instagram_hashtag_only_caption",
        "instagram_hashtag_only_caption",
        "المعتمرون يملؤون الحرم في أول ليالي رمضان",
        ["امتلأت ساحات الحرم المكي بالمعتمرين في الليلة الأولى من شهر رمضان."],
        ig_v8(
            _IG8,
            "#رمضان_كريم #Ramadan2019 #مكة",
            "Makkah Live",
            "makkah.live",
            "2019-05-06T11:02:31+00:00",
            "May 6, 2019 at 4:02am PDT",
        ),
        ["وأعلنت الرئاسة العامة لشؤون الحرمين عن خطة تشغيلية تشمل أكثر من عشرة آلاف موظف."],
        "#رمضان_كريم #Ramadan2019 #مكة\nA post shared by Makkah Live (@makkah.live) on May 6, "
        f"2019 at 4:02am PDT {_IG8}",
        differs={0: {"link": _IG8}},
        facts={"datetime_utc": ["2019-05-06T11:02:31+00:00"], "version": "8"},
    ),
    _case(
        "html_instagram_v12_display_name_with_parentheses",
        "instagram_display_name_with_parentheses",
        "ظاهرة تعامد الشمس على وجه رمسيس الثاني",
        ["شهد معبد أبو سمبل في أسوان ظاهرة تعامد الشمس على وجه تمثال الملك رمسيس الثاني."],
        ig_v12(
            _IG9,
            "معبد أبو سمبل يستقبل ظاهرة تعامد الشمس على وجه الملك رمسيس الثاني صباح "
            "اليوم ☀️ #تعامد_الشمس #أسوان",
            "وزارة السياحة والآثار (مصر)",
            "egypt.tourism.gov",
            "2020-02-13T02:45:10+00:00",
            "Feb 12, 2020 at 6:45pm PST",
        ),
        ["وتتكرر الظاهرة مرتين كل عام في شهري فبراير وأكتوبر."],
        "View this post on Instagram\nمعبد أبو سمبل يستقبل ظاهرة تعامد الشمس على وجه الملك "
        "رمسيس الثاني صباح اليوم ☀️ #تعامد_الشمس #أسوان\nA post shared by وزارة السياحة والآثار "
        f"(مصر) (@egypt.tourism.gov) on Feb 12, 2020 at 6:45pm PST {_IG9}",
        differs={0: {"link": _IG9}},
        facts={"datetime_utc": ["2020-02-13T02:45:10+00:00"], "version": "12"},
        notes="In the markup the name is the text of the profile <a>; the handle follows the "
        "</a>. Reading the name from the <a> avoids the parenthesis problem entirely.",
    ),
    _case(
        "html_instagram_v14_between_paragraphs_of_glued_text",
        "instagram_glued_marker_and_signature_in_one_paragraph",
        "دار أزياء فلسطينية تكشف مجموعتها الجديدة",
        ["كشفت دار أزياء فلسطينية ناشئة عن مجموعتها الجديدة عبر حسابها."],
        ig_v14(_IG10, "Atelier Noor", "atelier.noor"),
        ["وتضم المجموعة ثلاثين قطعة مستوحاة من التطريز الفلسطيني التقليدي."],
        f"View this post on Instagram\nA post shared by Atelier Noor (@atelier.noor) {_IG10}",
        differs={0: {"link": _IG10}},
        facts={"version": "14"},
        notes="The page is clean; its twin is the same content glued by a feed. Same segments "
        "expected from both.",
    ),
    _case(
        "html_instagram_french_localised",
        "instagram_french_localised_signature",
        "اختتام مهرجان كناوة في الصويرة",
        [
            "اختتم مهرجان كناوة وموسيقى العالم دورته الثانية والعشرين في مدينة الصويرة بحضور "
            "جماهيري كبير."
        ],
        ig_v8(
            _IG11,
            "Merci Essaouira ! Rendez-vous l'année prochaine 🎶 #Gnaoua2019",
            "Festival Gnaoua",
            "festival.gnaoua",
            "2019-06-22T21:05:44+00:00",
            "22 Juin 2019 à 14h05 PDT",
            verb="Une publication partagée par",
            on="le",
        ),
        ["وقدّر المنظمون عدد الحضور بأكثر من ثلاثمئة ألف متفرج على مدى أربعة أيام."],
        "Merci Essaouira ! Rendez-vous l'année prochaine 🎶 #Gnaoua2019\nUne publication "
        "partagée par Festival Gnaoua (@festival.gnaoua) le 22 Juin 2019 à 14h05 PDT "
        f"{_IG11}",
        differs={0: {"link": _IG11}},
        facts={"datetime_utc": ["2019-06-22T21:05:44+00:00"], "version": "8", "locale": "fr"},
    ),
    _case(
        "html_instagram_first_in_article_body",
        "instagram_post_at_very_start_of_article",
        "بحارة مصرية تعود إلى الإسكندرية بعد أربعين يومًا في البحر",
        [],
        ig_v8(
            _IG13,
            "Back home after 40 days at sea. Thank you all for following the voyage ⛵️",
            "Rania Saleh",
            "rania.sails",
            "2018-08-14T16:30:02+00:00",
            "Aug 14, 2018 at 9:30am PDT",
        ),
        [
            "عادت البحارة المصرية رانيا صالح إلى ميناء الإسكندرية بعد رحلة منفردة استمرت أربعين "
            "يومًا في البحر المتوسط. وتعد صالح أول امرأة عربية تنجز هذه الرحلة دون توقف."
        ],
        "Back home after 40 days at sea. Thank you all for following the voyage ⛵️\nA post "
        f"shared by Rania Saleh (@rania.sails) on Aug 14, 2018 at 9:30am PDT {_IG13}",
        differs={0: {"link": _IG13}},
        facts={"datetime_utc": ["2018-08-14T16:30:02+00:00"], "version": "8"},
        notes="The page has a real title (h1), so the embed right under it must not be taken "
        "for a second headline.",
    ),
    _case(
        "html_instagram_same_post_embedded_twice",
        "instagram_same_post_pasted_twice",
        "مدربو اللياقة ينقلون حصصهم إلى الإنترنت",
        ["مع استمرار إجراءات الحظر، لجأ مدربو اللياقة إلى تقديم حصص مجانية عبر الإنترنت."],
        ig_v12(
            _IG14,
            "الحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم مدته عشرون دقيقة "
            "فقط، شاركونا صوركم #خليك_بالبيت #تمرين_منزلي",
            "Coach Dana | دانة",
            "coach.dana",
            "2020-04-01T22:20:18+00:00",
            "Apr 1, 2020 at 3:20pm PDT",
        )
        + "\n    "
        + ig_v8(
            _IG14,
            "الحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم مدته عشرون دقيقة "
            "فقط، شاركونا صوركم #خليك_بالبيت #تمرين_منزلي",
            "Coach Dana | دانة",
            "coach.dana",
            "2020-04-01T22:20:18+00:00",
            "Apr 1, 2020 at 3:20pm PDT",
        ),
        ["وتقول دانة إن عدد المشاركين في حصصها تضاعف ثلاث مرات منذ بدء الحظر."],
        "View this post on Instagram\nالحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم "
        "مدته عشرون دقيقة فقط، شاركونا صوركم #خليك_بالبيت #تمرين_منزلي\nA post shared by Coach "
        f"Dana | دانة (@coach.dana) on Apr 1, 2020 at 3:20pm PDT {_IG14}\n"
        "الحجر المنزلي لا يعني التوقف عن الحركة 💪 تمرين اليوم مدته عشرون دقيقة فقط، شاركونا "
        "صوركم #خليك_بالبيت #تمرين_منزلي\nA post shared by Coach Dana | دانة (@coach.dana) on "
        f"Apr 1, 2020 at 3:20pm PDT {_IG14}",
        differs={0: {"link": _IG14}},
        facts={"datetime_utc": ["2020-04-01T22:20:18+00:00"] * 2, "versions": ["12", "8"]},
        notes="Two embed codes of one permalink: merge by permalink when the markup has it "
        "(stronger than caption equality).",
    ),
    _case(
        "html_facebook_post_en_gb",
        "facebook_posted_by_en_gb_date_arabic_caption",
        "إغلاق طرق جبلية في لبنان بسبب العاصفة الثلجية",
        [
            "أغلقت السلطات اللبنانية عددًا من الطرق الجبلية بعد عاصفة ثلجية ضربت البلاد منذ ليل "
            "الثلاثاء."
        ],
        fb_post(
            "https://www.facebook.com/CivilDefenseLB/posts/1034567896543210",
            "https://developers.facebook.com/CivilDefenseLB/posts/1034567896543210",
            "تعلن المديرية العامة للدفاع المدني عن إغلاق طريق ضهر البيدر بسبب تراكم الثلوج، "
            "ويُرجى من المواطنين سلوك الطرق البديلة.",
            "المديرية العامة للدفاع المدني",
            "https://www.facebook.com/CivilDefenseLB/",
            "Wednesday, 6 January 2016",
        ),
        ["وتوقعت مصلحة الأرصاد الجوية أن تستمر العاصفة حتى نهاية الأسبوع."],
        "تعلن المديرية العامة للدفاع المدني عن إغلاق طريق ضهر البيدر بسبب تراكم الثلوج، ويُرجى "
        "من المواطنين سلوك الطرق البديلة.\nPosted by المديرية العامة للدفاع المدني on "
        "Wednesday, 6 January 2016 https://www.facebook.com/CivilDefenseLB/posts/1034567896543210",
        differs={0: {"link": "https://www.facebook.com/CivilDefenseLB/posts/1034567896543210"}},
        facts={
            "data_href": "https://www.facebook.com/CivilDefenseLB/posts/1034567896543210",
            "cite_host": "developers.facebook.com",
            "nbsp_after_on": True,
        },
        notes="'on&nbsp;' before the date link; blockquote@cite and the date link point to "
        "developers.facebook.com: take the permalink from the div's data-href.",
    ),
    _case(
        "html_facebook_post_en_us_old_wrapper_truncated",
        "facebook_posted_by_en_us_date_truncated_caption",
        "رحيل المراسل المخضرم سامي خوري",
        [
            "نعت شبكة إخبارية إقليمية مراسلها المخضرم سامي خوري الذي توفي صباح الاثنين عن عمر "
            "ناهز الثامنة والخمسين."
        ],
        fb_post(
            "https://www.facebook.com/LevantNewsNetwork/posts/2870011223344556",
            "https://www.facebook.com/LevantNewsNetwork/posts/2870011223344556",
            "We are deeply saddened by the loss of our colleague Sami Khoury, who covered the "
            "region for more than two decades. Our thoughts are with his family and...",
            "Levant News Network",
            "https://www.facebook.com/LevantNewsNetwork/",
            "Monday, March 2, 2020",
            sdk_locale="en_US",
            old_wrapper=True,
        ),
        ["وعمل خوري مراسلًا في بيروت ودمشق وبغداد، وغطى عددًا من الحروب في المنطقة."],
        "We are deeply saddened by the loss of our colleague Sami Khoury, who covered the region "
        "for more than two decades. Our thoughts are with his family and...\nPosted by Levant "
        "News Network on Monday, March 2, 2020 "
        "https://www.facebook.com/LevantNewsNetwork/posts/2870011223344556",
        differs={0: {"link": "https://www.facebook.com/LevantNewsNetwork/posts/2870011223344556"}},
        facts={"wrapper": "div.fb-xfbml-parse-ignore > blockquote (2015-2016 embed code)"},
    ),
    _case(
        "html_facebook_video",
        "facebook_video_title_then_caption",
        "وزارة الأشغال تعرض خطة إعادة إعمار المرفأ",
        ["عرضت وزارة الأشغال العامة خطتها لإعادة إعمار مرفأ بيروت في مؤتمر صحفي بُثّ مباشرة."],
        fb_video(
            "https://www.facebook.com/MoPWLebanon/videos/345678901234567/",
            "https://developers.facebook.com/MoPWLebanon/videos/345678901234567/",
            "Live: Press conference on the reconstruction of the port",
            "وزير الأشغال يعرض خطة إعادة إعمار المرفأ على ثلاث مراحل",
            "Ministry of Public Works",
            "https://www.facebook.com/MoPWLebanon/",
            "Tuesday, 15 September 2020",
        ),
        ["وقدّرت الوزارة كلفة المرحلة الأولى بنحو ثلاثمئة مليون دولار."],
        "Live: Press conference on the reconstruction of the port\nوزير الأشغال يعرض خطة إعادة "
        "إعمار المرفأ على ثلاث مراحل\nPosted by Ministry of Public Works on Tuesday, 15 "
        "September 2020 https://www.facebook.com/MoPWLebanon/videos/345678901234567/",
        differs={0: {"link": "https://www.facebook.com/MoPWLebanon/videos/345678901234567/"}},
        facts={"date_unlinked": True},
    ),
    _case(
        "html_facebook_post_last_in_article",
        "facebook_post_at_very_end_of_article",
        "تعليق الدوام في مدارس الأردن بسبب المنخفض الجوي",
        [
            "قررت وزارة التربية والتعليم الأردنية تعليق الدوام في المدارس الحكومية والخاصة يوم "
            "غد الاثنين بسبب المنخفض الجوي.",
            "وأوضحت الوزارة في منشور على صفحتها الرسمية:",
        ],
        fb_post(
            "https://www.facebook.com/MoEJordan/posts/3012345678901234",
            "https://developers.facebook.com/MoEJordan/posts/3012345678901234",
            "Schools will remain closed tomorrow, Monday, due to the expected storm. Stay safe.",
            "Ministry of Education - Jordan",
            "https://www.facebook.com/MoEJordan/",
            "Sunday, 1 March 2020",
        ),
        [],
        "Schools will remain closed tomorrow, Monday, due to the expected storm. Stay safe.\n"
        "Posted by Ministry of Education - Jordan on Sunday, 1 March 2020 "
        "https://www.facebook.com/MoEJordan/posts/3012345678901234",
        differs={0: {"link": "https://www.facebook.com/MoEJordan/posts/3012345678901234"}},
    ),
    _case(
        "html_facebook_same_post_embedded_twice",
        "facebook_same_post_pasted_twice",
        "موعد صرف المعونة الشهرية",
        ["أعلن صندوق المعونة الوطنية عن موعد صرف المعونات الشهرية للأسر المستفيدة."],
        fb_post(
            "https://www.facebook.com/NAFJordan/posts/4123456789012345",
            "https://developers.facebook.com/NAFJordan/posts/4123456789012345",
            "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد",
            "صندوق المعونة الوطنية",
            "https://www.facebook.com/NAFJordan/",
            "Sunday, 14 February 2021",
        )
        + "\n    "
        + fb_post(
            "https://www.facebook.com/NAFJordan/posts/4123456789012345",
            "https://developers.facebook.com/NAFJordan/posts/4123456789012345",
            "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد",
            "صندوق المعونة الوطنية",
            "https://www.facebook.com/NAFJordan/",
            "Sunday, 14 February 2021",
        ),
        ["ويستفيد من المعونة أكثر من مئة ألف أسرة في مختلف المحافظات."],
        "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد\n"
        "Posted by صندوق المعونة الوطنية on Sunday, 14 February 2021 "
        "https://www.facebook.com/NAFJordan/posts/4123456789012345\n"
        "بدء صرف المعونة الشهرية للأسر المسجلة اعتبارًا من صباح الأحد في جميع مكاتب البريد\n"
        "Posted by صندوق المعونة الوطنية on Sunday, 14 February 2021 "
        "https://www.facebook.com/NAFJordan/posts/4123456789012345",
        differs={0: {"link": "https://www.facebook.com/NAFJordan/posts/4123456789012345"}},
        notes="Two fb-post divs for one data-href (SDK script included twice, as CMSs do).",
    ),
    _case(
        "html_youtube_wordpress_oembed_title",
        "youtube_title_line_then_watch_link",
        "وزير الخارجية يلقي كلمة بلاده أمام الجمعية العامة",
        [
            "ألقى وزير الخارجية كلمة بلاده أمام الدورة الثامنة والسبعين للجمعية العامة للأمم "
            "المتحدة في نيويورك."
        ],
        yt_wp_figure(
            "Xq3bV9kT2aE", "وزير الخارجية يلقي كلمة بلاده أمام الجمعية العامة للأمم المتحدة"
        ),
        ["ودعا الوزير في كلمته إلى وقف فوري لإطلاق النار وفتح الممرات الإنسانية."],
        "وزير الخارجية يلقي كلمة بلاده أمام الجمعية العامة للأمم المتحدة\n"
        "https://www.youtube.com/watch?v=Xq3bV9kT2aE",
        facts={"iframe_src": "https://www.youtube.com/embed/Xq3bV9kT2aE?feature=oembed"},
        notes="trafilatura drops iframes: without a rewrite the video vanishes. The title "
        "attribute is the video title when the embed comes from oEmbed (WordPress) or "
        "YouTube's own share dialog since about 2023; older share-dialog code says 'YouTube "
        "video player'.",
    ),
    _case(
        "html_youtube_lazy_nocookie_generic_title",
        "youtube_bare_link_line",
        "بث حفل افتتاح المهرجان كاملًا",
        ["نشرت القناة الرسمية للمهرجان تسجيلًا كاملًا لحفل الافتتاح."],
        yt_lazy_nocookie("Zr7Qp1LmN0c"),
        ["ويستمر المهرجان عشرة أيام بمشاركة فرق من اثنتي عشرة دولة."],
        "https://www.youtube.com/watch?v=Zr7Qp1LmN0c",
        facts={
            "src": "about:blank",
            "data_src": "youtube-nocookie.com/embed/Zr7Qp1LmN0c",
            "generic_title": "YouTube video player",
        },
        notes="Lazy-load plugins move the URL to data-src (also data-lazy-src); privacy mode "
        "uses youtube-nocookie.com. A generic title is not a title.",
    ),
    _case(
        "html_tiktok_embed_section",
        "tiktok_fallback_section_flattened",
        "أرخص طبق كشري في وسط القاهرة",
        ["انتشر مقطع لمدوّن طعام مصري يستعرض فيه أرخص طبق كشري في وسط القاهرة."],
        tiktok(
            "@cairo.streetfood",
            "7212345678901234567",
            ["The best koshari in Cairo costs only 25 pounds 🤤"],
            ["#koshari", "#cairo", "#foodtok"],
            "♬ original sound - Cairo Street Food",
            "original-sound-7212345600000000001",
        ),
        ["وحصد المقطع أكثر من ثلاثة ملايين مشاهدة خلال يومين."],
        "@cairo.streetfood The best koshari in Cairo costs only 25 pounds 🤤 #koshari #cairo "
        "#foodtok ♬ original sound - Cairo Street Food "
        "https://www.tiktok.com/@cairo.streetfood/video/7212345678901234567",
        differs={0: {"link": "https://www.tiktok.com/@cairo.streetfood/video/7212345678901234567"}},
        facts={
            "cite": "https://www.tiktok.com/@cairo.streetfood/video/7212345678901234567",
            "data_video_id": "7212345678901234567",
        },
    ),
    _case(
        "html_tiktok_embed_caption_in_p",
        "tiktok_hashtag_only_caption_flattened",
        "مشاهد جوية لأحياء دبي الجديدة",
        ["التقط مصور إماراتي مشاهد جوية للأحياء الجديدة في دبي باستخدام طائرة مسيرة."],
        tiktok(
            "@dubai.drone.views",
            "7198765432109876543",
            [],
            ["#dubai", "#نيو_دبي", "#drone"],
            "♬ original sound - Dubai Drone Views",
            "original-sound-7198765400000000002",
            wrap_p=True,
        ),
        ["ويعرض المصور أعماله في معرض يفتتح الأسبوع المقبل."],
        "@dubai.drone.views #dubai #نيو_دبي #drone ♬ original sound - Dubai Drone Views "
        "https://www.tiktok.com/@dubai.drone.views/video/7198765432109876543",
        differs={
            0: {"link": "https://www.tiktok.com/@dubai.drone.views/video/7198765432109876543"}
        },
        facts={"caption_wrapped_in_p": True},
        notes="Newer oEmbed markup wraps the caption in <p> inside <section>: flatten the "
        "section into one line first or the handle, caption and music land on three lines.",
    ),
    _case(
        "html_telegram_widget_script",
        "telegram_bare_preview_link",
        "دمار واسع في الحي بعد الغارة",
        ["نشرت قناة محلية مقطعًا يظهر حجم الدمار في الحي بعد الغارة."],
        telegram("gaza_now_live/30551"),
        ["ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير."],
        "https://t.me/gaza_now_live/30551",
        facts={"data_telegram_post": "gaza_now_live/30551"},
        notes="The widget is a <script> with no fallback text: all the page holds is "
        "channel/message id. Scripts are dropped by trafilatura, so rewrite before extraction.",
    ),
    _case(
        "html_x_blockquote_xcom_link",
        "x_signature_with_xcom_status_link",
        "عودة خدمات منصة الدفع الإلكتروني بعد عطل",
        [
            "عادت خدمات منصة الدفع الإلكتروني إلى العمل تدريجيًا بعد عطل استمر نحو خمس ساعات.",
            "وكتب الرئيس التنفيذي للشركة على منصة إكس:",
        ],
        tweet(
            "We have restored service for 95% of users. Full recovery expected within the "
            "hour. Thanks for your patience 🙏",
            "Rami Aziz",
            "rami_aziz",
            "https://x.com/rami_aziz/status/1726301658813120512",
            "November 19, 2023",
        ),
        ["ولم تكشف الشركة عن سبب العطل حتى الآن."],
        "We have restored service for 95% of users. Full recovery expected within the hour. "
        "Thanks for your patience 🙏 — Rami Aziz (@rami_aziz) November 19, 2023 "
        "https://x.com/rami_aziz/status/1726301658813120512",
        facts={"widgets": "https://platform.x.com/widgets.js"},
        notes="Today's rewriter already handles x.com status links; it drops only the "
        "platform.twitter.com script, not platform.x.com (harmless: scripts are dropped later).",
    ),
    _case(
        "html_instagram_then_tweet_adjacent",
        "instagram_and_x_glued_in_one_paragraph",
        "رسائل في اليوم العالمي للمرأة",
        ["احتفلت ناشطات عربيات باليوم العالمي للمرأة برسائل على مواقع التواصل."],
        ig_v8(
            _IG_MIX,
            "To every woman who keeps going 💜 #IWD2018",
            "Leila Mansour",
            "leila.mansour",
            "2018-03-08T18:15:40+00:00",
            "Mar 8, 2018 at 10:15am PST",
        )
        + tweet(
            "Happy International Women&#39;s Day to every woman fighting for her rights 💜",
            "UN Women Arab States",
            "UNWomenArabic",
            "https://twitter.com/UNWomenArabic/status/971748301456789504",
            "March 8, 2018",
            x_widgets=False,
        ),
        ["وشهدت عدة عواصم عربية وقفات للمطالبة بالمساواة في الأجور."],
        "To every woman who keeps going 💜 #IWD2018\nA post shared by Leila Mansour "
        f"(@leila.mansour) on Mar 8, 2018 at 10:15am PST {_IG_MIX}\n"
        "Happy International Women's Day to every woman fighting for her rights 💜 — UN Women "
        "Arab States (@UNWomenArabic) March 8, 2018 "
        "https://twitter.com/UNWomenArabic/status/971748301456789504",
        differs={
            0: {"link": _IG_MIX},
            1: {"link": "https://twitter.com/UNWomenArabic/status/971748301456789504"},
        },
        facts={"datetime_utc": ["2018-03-08T18:15:40+00:00"]},
        notes="Two embeds with nothing between them: each becomes its own paragraph; the "
        "twin text case is the same two posts glued into one paragraph.",
    ),
    _case(
        "html_cross_posted_instagram_and_facebook",
        "same_caption_on_instagram_and_facebook_not_merged",
        "المتحف الوطني يغلق أبوابه يوم الجمعة",
        ["أعلن المتحف الوطني إغلاق أبوابه أمام الزوار يوم الجمعة لإجراء أعمال صيانة دورية."],
        ig_v8(
            _IG_CROSS,
            "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة",
            "المتحف الوطني",
            "national.museum",
            "2019-11-05T19:00:12+00:00",
            "Nov 5, 2019 at 11:00am PST",
        )
        + "\n    "
        + fb_post(
            "https://www.facebook.com/NationalMuseumOfficial/posts/2634567890123456",
            "https://developers.facebook.com/NationalMuseumOfficial/posts/2634567890123456",
            "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة",
            "المتحف الوطني",
            "https://www.facebook.com/NationalMuseumOfficial/",
            "Tuesday, 5 November 2019",
        ),
        ["ويستأنف المتحف استقبال الزوار صباح السبت وفق المواعيد المعتادة."],
        "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة\nA post shared by المتحف "
        f"الوطني (@national.museum) on Nov 5, 2019 at 11:00am PST {_IG_CROSS}\n"
        "نذكّر زوارنا بأن المتحف سيغلق أبوابه يوم الجمعة للصيانة\nPosted by المتحف الوطني on "
        "Tuesday, 5 November 2019 "
        "https://www.facebook.com/NationalMuseumOfficial/posts/2634567890123456",
        differs={
            0: {"link": _IG_CROSS},
            1: {"link": "https://www.facebook.com/NationalMuseumOfficial/posts/2634567890123456"},
        },
    ),
    _case(
        "html_tweet_then_telegram_widget_at_end",
        "x_then_telegram_at_very_end",
        "زلزال بقوة 7.8 درجات يضرب جنوب تركيا وشمال سوريا",
        ["ضرب زلزال بقوة 7.8 درجات جنوب تركيا وشمال سوريا فجر الاثنين."],
        tweet(
            "The earthquake was felt across the region. Our teams are on the ground. "
            '<a href="https://twitter.com/hashtag/Turkey?src=hash&amp;ref_src=twsrc%5Etfw">'
            '#Turkey</a> <a href="https://twitter.com/hashtag/Syria?src=hash&amp;ref_src='
            'twsrc%5Etfw">#Syria</a>',
            "Relief Watch",
            "ReliefWatch",
            "https://twitter.com/ReliefWatch/status/1622451234567890432",
            "February 6, 2023",
            x_widgets=False,
        )
        + "\n    <p>فرق الإنقاذ تواصل البحث عن ناجين تحت الأنقاض في حلب وإدلب</p>\n    "
        + telegram("syria_relief_now/7702"),
        [],
        "The earthquake was felt across the region. Our teams are on the ground. #Turkey #Syria "
        "— Relief Watch (@ReliefWatch) February 6, 2023 "
        "https://twitter.com/ReliefWatch/status/1622451234567890432\n"
        "فرق الإنقاذ تواصل البحث عن ناجين تحت الأنقاض في حلب وإدلب\n"
        "https://t.me/syria_relief_now/7702",
        differs={0: {"link": "https://twitter.com/ReliefWatch/status/1622451234567890432"}},
        notes="The Telegram post's text is an ordinary publisher <p> before the widget; only "
        "the link line the rewriter emits makes it a post, exactly as in the pasted twin.",
    ),
]


def resolve(text_cases: list[dict]) -> list[dict]:
    """The HTML cases with their expectations: their text twin's posts and sentences, plus
    what the markup adds (the permalink)."""
    cases_by_name = {c["name"]: c for c in text_cases}
    resolved = []
    for raw in _HTML_CASES:
        case = {k: v for k, v in raw.items() if not k.startswith("_")}
        twin = cases_by_name[raw["text_case"]]
        posts = copy.deepcopy(twin["expected"]["posts"])
        differs: list[str] = []
        for index, fields in raw["_differs"].items():
            for field, value in fields.items():
                if posts[index][field] != value:
                    posts[index][field] = value
                    differs.append(field)
        case["expected"] = {
            "title": raw["expected"]["title"],
            "posts": posts,
            "before": list(twin["expected"]["before"]),
            "after": list(twin["expected"]["after"]),
        }
        case["differs_from_text"] = sorted(set(differs))
        resolved.append(case)
    return resolved
