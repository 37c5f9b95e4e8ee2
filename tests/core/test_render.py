from pathlib import Path

import pytest

from explorer.core.render import MarkdownRenderer, Rendered


def render_markdown(text: str, base_dir: Path | None = None) -> Rendered:
    return MarkdownRenderer().render(text, base_dir)


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


@pytest.mark.parametrize(
    ("markdown", "absent", "placeholder"),
    [
        ("![share](file://host/share/x.png)", "file://host", "Image not shown: share"),
        ('<img src="file://host/share/x.png" alt="share">', "file://host", "Image not shown"),
        ("![host](../../../etc/hostname)", "etc/hostname", "outside the lesson's folder"),
        ('<img src="../../../etc/hostname">', "etc/hostname", "outside the lesson's folder"),
        ("![abs](file:///etc/hostname)", "etc/hostname", "Image not shown: abs"),
        ("![unc](//server/share/x.png)", "server/share", "Image not shown: unc"),
        ("![data](data:image/png;base64,AAAA)", "data:image", "Image not shown: data"),
    ],
)
def test_images_from_outside_the_lesson_become_plain_text(tmp_path, markdown, absent, placeholder):
    lesson_folder = tmp_path / "lessons" / "mine"
    lesson_folder.mkdir(parents=True)
    html = render_markdown(markdown, lesson_folder).html
    assert absent not in html
    assert placeholder in html
    assert "<img" not in html


def test_images_in_the_teachers_content_folder_are_shown(tmp_path):
    from explorer.core.render import MarkdownRenderer, RenderContext

    lessons = tmp_path / "lessons"
    (lessons / "fig").mkdir(parents=True)
    episode = lessons / "course" / "_episodes"
    episode.mkdir(parents=True)
    context = RenderContext(image_roots=(lessons,))
    html = MarkdownRenderer().render("![grid](../../fig/grid.png)", episode, context).html
    assert f'src="{(lessons / "fig" / "grid.png").as_uri()}"' in html
    raw = MarkdownRenderer().render('<img src="../../fig/grid.png" alt="g">', episode, context)
    assert f'src="{(lessons / "fig" / "grid.png").as_uri()}"' in raw.html


@pytest.mark.parametrize(
    "markdown",
    [
        '<a href="file:///etc/passwd">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        '<a href="notes.html">x</a>',
        '<span style="background-image: url(https://tracker.example/p.gif)">x</span>',
    ],
)
def test_links_and_styles_that_could_reach_out_lose_their_address(markdown):
    html = render_markdown(markdown).html
    assert "href" not in html and "url(" not in html
    assert ">x<" in html


@pytest.mark.parametrize(
    "markdown",
    ["- " * 500 + "x", "1. " * 500 + "x", "## Fine\n\nText.\n\n## Broken\n\n" + "- " * 500 + "x"],
)
def test_text_nested_too_deeply_shows_a_message_instead_of_crashing(markdown):
    rendered = render_markdown(markdown)
    assert "This part of the lesson could not be shown" in rendered.html
    assert rendered.unshown_parts == 1
    if "Fine" in markdown:
        assert '<h2 id="fine">Fine</h2>' in rendered.html and "Text." in rendered.html


def test_a_picture_inside_a_link_is_shown_whatever_the_link(tmp_path):
    (tmp_path / "a.png").write_bytes(b"")
    html = render_markdown(
        "[![pic](a.png)](nowhere.md) [![web](a.png)](https://x.org)", tmp_path
    ).html
    assert html.count(f'src="{(tmp_path / "a.png").as_uri()}"') == 2


def test_pygments_is_imported_only_for_a_lesson_with_code():
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from explorer.core.render import MarkdownRenderer\n"
        "r = MarkdownRenderer()\n"
        "r.render('## Prose\\n\\nNo code, `inline` only :rocket:')\n"
        "print('pygments' in sys.modules)\n"
        "r.render('```python\\nx = 1\\n```')\n"
        "print('pygments' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "True"]
