"""Markdown → sanitised HTML, done once when content is synced or saved, never per request."""
import re

import markdown
import nh3

RUNNABLE_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*python[ \t]+run[ \t]*$", re.MULTILINE)
EXTENSIONS = ["fenced_code", "codehilite", "tables", "toc", "admonition", "attr_list", "sane_lists"]
EXTENSION_CONFIGS = {
    "codehilite": {"guess_lang": False, "css_class": "highlight"},
    "toc": {"toc_depth": "2-3", "permalink": False},
}
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "style"},
    "th": {"align", "style"},
}


def mark_runnable_blocks(text):
    """Authors write ```python run; the page turns those blocks into ones with an "Ejecutar" button."""
    return RUNNABLE_FENCE.sub(lambda m: m.group("fence") + "{.python .runnable}", text)


def runnable_blocks(text):
    pattern = re.compile(r"^(`{3,}|~{3,})[ \t]*python[ \t]+run[ \t]*\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)
    return [match.group(2) for match in pattern.finditer(text)]


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


def render_markdown(text):
    """Returns (body_html, toc_html), both sanitised."""
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    body = converter.convert(mark_runnable_blocks(text or ""))
    toc = converter.toc if getattr(converter, "toc_tokens", None) else ""
    return sanitise(body), sanitise(toc)
