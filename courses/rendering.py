"""Markdown → sanitised HTML, done once when content is synced or saved, never per request."""
import posixpath
import re
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

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
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "style"},
    "th": {"align", "style"},
}


MEDIA_URL = "/contenido/medios/"
MEDIA_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"}
IMAGE_REFERENCE = re.compile(r"!\[(?:[^\[\]]|\[[^\]]*\])*\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def media_path(folder, src):
    """The content-relative path of an image a document at `folder` references, or None if it may not be served.

    Only relative references to image files that stay inside the content folder qualify.
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("/") or posixpath.splitext(parts.path)[1].lower() \
            not in MEDIA_SUFFIXES:
        return None
    path = posixpath.normpath(posixpath.join(folder, parts.path))
    return None if path.startswith("..") else path


def image_references(text):
    """(line, src) of every Markdown image in `text`, for the loader to check that each file exists."""
    return [(text[:m.start()].count("\n") + 1, m.group("src")) for m in IMAGE_REFERENCE.finditer(text or "")]


class MediaLinks(Treeprocessor):
    """Points relative image paths at the media view, so diagrams live beside the lessons that show them."""

    def __init__(self, md, folder):
        super().__init__(md)
        self.folder = folder

    def run(self, root):
        for image in root.iter("img"):
            path = media_path(self.folder, image.get("src", ""))
            if path is not None:
                image.set("src", MEDIA_URL + path)
                image.set("loading", "lazy")


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


def render_markdown(text, folder=None):
    """Returns (body_html, toc_html), both sanitised. `folder` is the document's folder relative to the content
    folder; relative image paths are resolved from there."""
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    if folder is not None:
        converter.treeprocessors.register(MediaLinks(converter, folder), "media-links", 1)
    body = converter.convert(mark_runnable_blocks(text or ""))
    toc = converter.toc if getattr(converter, "toc_tokens", None) else ""
    return sanitise(body), sanitise(toc)
