from pathlib import Path

import pytest

from explorer.core.render import render_markdown


@pytest.mark.parametrize(
    ("markdown", "absent"),
    [
        ("<script>alert(1)</script> hi", "<script"),
        ("<script>alert(1)</script> hi", "alert"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("[x](javascript:alert(1))", "javascript:"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ('<p onclick="steal()">hi</p>', "onclick"),
        ('<img src="https://tracker.example/p.gif">', "tracker.example"),
        ("![chart](https://example.org/chart.png)", 'example.org/chart.png"'),
        ("<style>body{display:none}</style>", "display:none"),
        ('<object data="x.swf"></object>', "<object"),
        ('<form action="https://x"><input></form>', "<form"),
    ],
)
def test_hostile_html_is_removed(markdown, absent):
    assert absent not in render_markdown(markdown).html


def test_remote_images_become_a_placeholder_and_are_never_fetched():
    html = render_markdown("![Saturn](https://example.org/saturn.png)").html
    assert "Online image not loaded: Saturn" in html
    assert "<img" not in html


def test_local_images_resolve_next_to_the_lesson(tmp_path: Path):
    html = render_markdown("![ISS](images/iss.png)", tmp_path).html
    assert f'src="{(tmp_path / "images/iss.png").as_uri()}"' in html


@pytest.mark.parametrize(
    ("markdown", "fragment"),
    [
        (
            "[ISS](partnership:international-space-station)",
            '<a class="internal partnership" href="partnership:international-space-station">',
        ),
        (
            "[types](lesson:choosing-a-type)",
            'class="internal lesson" href="lesson:choosing-a-type"',
        ),
        ("[barter](glossary:barter)", 'class="internal glossary" href="glossary:barter"'),
        ("[NASA](https://www.nasa.gov/)", 'class="external"'),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "<td>1</td>"),
        (
            '!!! note "Did you know?"\n    Mir flew for 15 years.',
            '<p class="admonition-title">Did you know?</p>',
        ),
        ("Text[^1]\n\n[^1]: A footnote.", 'class="footnote"'),
        ("## Why it matters", '<h2 id="why-it-matters">Why it matters</h2>'),
        ("Term\n: Definition", "<dd>Definition</dd>"),
    ],
)
def test_markdown_features_render(markdown, fragment):
    assert fragment in render_markdown(markdown).html


def test_headings_feed_a_table_of_contents():
    rendered = render_markdown("## One\n\ntext\n\n### One point five\n\n## Two & more")
    assert [(h.level, h.anchor, h.title) for h in rendered.headings] == [
        (2, "one", "One"),
        (3, "one-point-five", "One point five"),
        (2, "two-more", "Two & more"),
    ]
