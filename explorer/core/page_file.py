"""A page of the article view as one self-contained HTML file, to check or share.

The body is the page the window shows, rendered for a file (pictures inlined as data:
URIs, solutions as <details> a browser opens without script); the article style sheet is
inlined; links that only work inside the app keep their text and lose their address.
A Content-Security-Policy forbids the browser any script and any fetch.
"""

from __future__ import annotations

import nh3

from explorer.core.html import Markup
from explorer.core.render import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, CODE_STYLE_PROPERTIES

#: what the browser may load: nothing but the inline styles and the inlined pictures
POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
#: layout a browser needs that Qt does without (the view centres its column itself)
FILE_CSS = """
body { max-width: 46em; margin: 2em auto; padding: 0 1.5em; font-family: sans-serif; }
a:not([href]) { color: inherit; text-decoration: none; }
summary { font-weight: bold; margin-bottom: 6px; }
img { max-width: 100%; height: auto; }
"""
PAGE = Markup(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>{title}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
)


def standalone_page(title: str, body: str, style_sheet: str) -> str:
    """The whole file: `body` is a page built for a file, `style_sheet` the article CSS."""
    kept = nh3.clean(
        body,
        tags=ALLOWED_TAGS | {"h1"},  # the page's own title (a lesson's Markdown has none)
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel=None,
        strip_comments=True,
        filter_style_properties=CODE_STYLE_PROPERTIES,
    )
    css = Markup(style_sheet.replace("</", "<\\/") + FILE_CSS)
    return str(PAGE.format(policy=POLICY, title=title, css=css, body=Markup(kept)))
