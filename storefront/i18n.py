"""Language in the URL (/en/..., /hi/...), locale selection, bilingual content and formatting."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from babel.numbers import format_decimal
from flask import Flask, current_app, g, has_request_context, request, url_for
from flask_babel import get_locale
from markupsafe import Markup, escape

from storefront.extensions import babel

LANGS = ("en", "hi")
LANG_PREFIX = "/<any(en,hi):lang>"
LANG_COOKIE = "lang"
LANG_NAMES = {"en": "English", "hi": "हिन्दी"}


def current_lang() -> str:
    """The language of this request: the URL's, else the best guess for the visitor.

    Outside a request (CLI, scripts) it is the app-context choice, if any, else English."""
    lang = g.get("lang") if g else None
    if lang:
        return lang
    return preferred_lang() if has_request_context() else "en"


def preferred_lang() -> str:
    """Saved choice (cookie), then Accept-Language, then English. Never by IP."""
    saved = request.cookies.get(LANG_COOKIE)
    if saved in LANGS:
        return saved
    return request.accept_languages.best_match(LANGS) or "en"


def _select_locale() -> str:
    return current_lang()


def other_lang(lang: str | None = None) -> str:
    return "en" if (lang or current_lang()) == "hi" else "hi"


def localized(obj: Any, field: str, lang: str | None = None) -> tuple[str, str]:
    """Return ``(text, lang_of_text)``: the requested language, else the other one."""
    lang = lang or current_lang()
    text = getattr(obj, f"{field}_{lang}", None) or ""
    if text.strip():
        return text, lang
    alt = other_lang(lang)
    return (getattr(obj, f"{field}_{alt}", None) or ""), alt


def localized_text(obj: Any, field: str, lang: str | None = None) -> str:
    """Plain localized text (for attributes, titles and feeds)."""
    return localized(obj, field, lang)[0]


def localized_html(obj: Any, field: str, lang: str | None = None) -> Markup:
    """Escaped localized text; a fallback is wrapped in a span with its own ``lang``."""
    page_lang = lang or current_lang()
    text, text_lang = localized(obj, field, page_lang)
    if text_lang == page_lang:
        return escape(text)
    return Markup('<span lang="{}" class="fallback">{}</span>').format(text_lang, text)


def url_for_lang(lang: str, keep_query: bool = True) -> str:
    """The current page in another language, keeping its arguments and query."""
    if not request.endpoint or not request.url_rule:
        return url_for("site.home", lang=lang)
    args = dict(request.view_args or {})
    if "lang" not in request.url_rule.arguments:
        return url_for("site.home", lang=lang)
    args["lang"] = lang
    url = url_for(request.endpoint, **args)
    if keep_query and request.query_string:
        url += "?" + request.query_string.decode("latin-1")
    return url


def canonical_url(lang: str | None = None, keep: tuple[str, ...] = ("page",)) -> str:
    """Absolute self-canonical URL (optionally in another language) with only ``keep`` params."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    path = url_for_lang(lang or current_lang(), keep_query=False)
    query = [(k, v) for k in keep for v in request.args.getlist(k) if v]
    return base + path + ("?" + urlencode(query) if query else "")


def alternate_links() -> list[tuple[str, str]]:
    """(hreflang, absolute url) pairs for en, hi and x-default; empty off localized pages."""
    if not request.url_rule or "lang" not in request.url_rule.arguments:
        return []
    links = [(code, canonical_url(code)) for code in LANGS]
    links.append(("x-default", canonical_url("en")))
    return links


def format_number(value: int | float, digits: int = 0) -> str:
    """A number grouped for the current locale (Latin digits in both languages)."""
    fmt = "#,##,##0" if str(get_locale()).startswith("hi") else "#,##0"
    if digits:
        fmt += "." + "0" * digits
    return format_decimal(value, format=fmt, locale=str(get_locale()))


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=_select_locale)

    @app.url_value_preprocessor
    def pull_lang(endpoint: str | None, values: dict[str, Any] | None) -> None:
        if values and "lang" in values:
            g.lang = values.pop("lang")

    @app.url_defaults
    def add_lang(endpoint: str, values: dict[str, Any]) -> None:
        if "lang" in values or not app.url_map.is_endpoint_expecting(endpoint, "lang"):
            return
        values["lang"] = current_lang() if request else "en"

    app.jinja_env.globals.update(
        LANGS=LANGS,
        LANG_NAMES=LANG_NAMES,
        current_lang=current_lang,
        other_lang=other_lang,
        url_for_lang=url_for_lang,
        canonical_url=canonical_url,
        alternate_links=alternate_links,
        tr=localized_html,
        tr_text=localized_text,
    )
    app.jinja_env.filters["number"] = format_number
