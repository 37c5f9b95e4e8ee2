"""Lessons written for other tools (Carpentries Workbench and Jekyll, Pandoc, R Markdown):
Markdown in, what the reader sees out."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from explorer.core.render import MarkdownRenderer, RenderContext

STRAY = (":::", "{:", "{%", "{{", "```", "~~~")


class _Text(HTMLParser):
    """The page's text, split into what is inside <pre> (code) and everything else."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.code: list[str] = []
        self.prose: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "pre"

    def handle_endtag(self, tag):
        self.depth -= tag == "pre"

    def handle_data(self, data):
        (self.code if self.depth else self.prose).append(data)


def seen(html: str) -> tuple[str, str]:
    """(code text, prose text) as the reader sees them."""
    parser = _Text()
    parser.feed(html)
    return "".join(parser.code), "".join(parser.prose)


def render(text: str, **context) -> str:
    return MarkdownRenderer().render(text, context=RenderContext(**context)).html


CODE = [
    ("```python\nx = 1\nprint(x)\n```", "x = 1\nprint(x)"),
    ("~~~python\nx = 1\nprint(x)\n~~~", "x = 1\nprint(x)"),
    ("```\nplain\n  indented\n```", "plain\n  indented"),
    ("~~~\nimport numpy\n~~~\n{: .language-python}", "import numpy"),
    ("~~~\n[[0. 1.]]\n~~~\n{: .output}", "[[0. 1.]]"),
    ('```python\nt = "<Table border=1>"\n```\n\nAfter the code.', 't = "<Table border=1>"'),
    ("```{r chunk-1, echo=FALSE}\nx <- c(1, 2)\nmean(x)\n```", "x <- c(1, 2)\nmean(x)"),
    ("```{python}\nprint(1)\n```", "print(1)"),
    ("{% highlight python %}\nx = 2\n{% endhighlight %}", "x = 2"),
    ("> ~~~\n> inside = True\n> ~~~\n> {: .language-python}", "inside = True"),
    ("- item\n\n    ```python\n    nested = 1\n    ```", "nested = 1"),
    ("Text\n\n    indented = 1\n    second = 2", "indented = 1\nsecond = 2"),
]


@pytest.mark.parametrize(("markdown", "code"), CODE)
def test_code_blocks_show_as_code_with_their_lines_intact(markdown, code):
    html = render(markdown)
    shown_code, prose = seen(html)
    assert "<pre" in html
    assert shown_code.strip("\n") == code
    assert not any(mark in prose for mark in STRAY)


def test_code_has_colours_that_read_on_the_code_box():
    html = render("```python\nimport numpy\n```")
    assert 'style="color:#FF7B72' in html  # github-dark's keyword colour, inline for Qt
    assert "background" not in html  # the box's colour comes from the theme's CSS


def test_markup_inside_code_never_swallows_the_rest_of_the_page():
    html = render('```xml\n<Table name="x">\n<Row>\n```\n\n## After\n\nStill here.')
    assert "&lt;Table" in html and "<table name" not in html.lower()
    assert '<h2 id="after">After</h2>' in html and "Still here." in html


DIVS = [
    ("::: challenge\n\nTry it.\n\n:::", "challenge", "Challenge"),
    (":::::: callout\n\n## Data Type\n\nArrays.\n\n::::::", "note", "Note: Data Type"),
    ("::: objectives\n\n- Learn\n\n:::", "objectives", "Objectives"),
    ("::: questions\n\n- Why?\n\n:::", "questions", "Questions"),
    ("::: keypoints\n\n- This.\n\n:::", "keypoints", "Key points"),
    ("::: prereq\n\nPython.\n\n:::", "note", "Prerequisite"),
    ("::: discussion\n\nTalk.\n\n:::", "discussion", "Discussion"),
    ("::: checklist\n\n- [ ] a\n\n:::", "tip", "Checklist"),
    ("::: caution\n\nCareful.\n\n:::", "warning", "Caution"),
    ("::: testimonial\n\nI liked it.\n\n:::", "discussion", "Testimonial"),
    ("::: instructor\n\nTeach slowly.\n\n:::", "instructor", "Instructor note"),
    ("::: tab\n\n### Windows\n\nUse cmd.\n\n:::", "tab", "Windows"),
    ("::: group-tab\n\n### macOS\n\nUse Terminal.\n\n:::", "tab", "macOS"),
    ("::: {.callout-tip}\nQuarto tip.\n:::", "tip", "Tip"),
    ('::: {.note title="Heads up"}\nSee this.\n:::', "note", "Note: Heads up"),
    ("::: my-own-thing\n\nSomething.\n\n:::", "note", ""),
    ("::: {#intro .challenge}\n\nIdentified.\n\n:::", "challenge", "Challenge"),
    ("> ## Data Type\n>\n> Arrays hold one type.\n{: .callout}", "note", "Note: Data Type"),
    ("> ## Slicing\n>\n> What is `x[1:]`?\n{: .challenge}", "challenge", "Challenge: Slicing"),
    (
        "> ## Before you start\n> Install Python.\n{: .prereq}",
        "note",
        "Prerequisite: Before you start",
    ),
]


@pytest.mark.parametrize(("markdown", "look", "title"), DIVS)
def test_fenced_divs_and_kramdown_blockquotes_become_callouts(markdown, look, title):
    html = render(markdown)
    _, prose = seen(html)
    assert f'class="callout {look}"' in html
    if title:
        assert f'<p class="admonition-title">{title}</p>' in html
    assert "<blockquote" not in html
    assert not any(mark in prose for mark in STRAY)


CHALLENGE = """::::::::::::::::::::::::::::::::::::::: challenge

## Slicing Strings

What is `element[:4]`?

:::::::::::::::  solution

## Solution

The answer is oxyg.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

After the challenge.
"""

JEKYLL_CHALLENGE = """> ## Slicing Strings
>
> What is `element[:4]`?
>
> > ## Solution
> >
> > The answer is oxyg.
> {: .solution}
{: .challenge}

After the challenge.
"""


@pytest.mark.parametrize("markdown", [CHALLENGE, JEKYLL_CHALLENGE])
def test_a_solution_is_hidden_until_the_student_opens_it(markdown):
    closed = render(markdown)
    assert "Slicing Strings" in closed and "After the challenge." in closed
    assert "The answer is oxyg." not in closed
    assert 'href="reveal:0">Show the solution</a>' in closed
    opened = render(markdown, open_blocks=frozenset({0}))
    assert "The answer is oxyg." in opened
    assert 'href="reveal:0">Hide the solution</a>' in opened
    assert opened.index("Slicing Strings") < opened.index("The answer is oxyg.")
    assert "<p></p>" not in opened  # no empty lines around what the solution holds
    for html in (closed, opened):
        assert not any(mark in seen(html)[1] for mark in STRAY)


@pytest.mark.parametrize(
    ("kind", "link"), [("spoiler", "Show it"), ("hint", "Show the hint"), ("solution", "Show")]
)
def test_spoilers_and_hints_are_hidden_too(kind, link):
    html = render(f"::: {kind}\n\nSecret text.\n\n:::\n\n::: {kind}\n\nSecond secret.\n\n:::")
    assert "Secret text." not in html and "Second secret." not in html
    assert f'href="reveal:1">{link}' in html


def test_a_hidden_block_keeps_its_own_title_without_the_kind_before_it():
    html = render("> ## Hint\n> Try x.\n{: .solution}")
    assert '<p class="admonition-title">Hint</p>' in html and "Try x." not in html


def test_a_page_for_a_file_opens_solutions_without_script():
    html = render(CHALLENGE, self_contained=True)
    assert "<details>" in html and "<summary>Solution</summary>" in html
    assert "The answer is oxyg." in html and "reveal:" not in html


@pytest.mark.parametrize(
    ("markdown", "present", "absent"),
    [
        (
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: Launches per year",
            "Launches per year",
            "Table:",
        ),
        ("Table: Before the table\n\n| a |\n|---|\n| 1 |", "Before the table", "Table:"),
        ("It costs \\$5 and \\$10.", "It costs $5 and $10.", "\\$"),
        ("Well done :smile: :rocket:", "Well done 😄 🚀", "<img"),
        ("{% include links.md %}\nText.", "<p>Text.</p>", "include"),
        ("Hello {{ site.title }}world.", "Hello world.", "site.title"),
        ("{% comment %}\nhidden note\n{% endcomment %}\nShown.", "Shown.", "hidden note"),
        ("Use `{{ page.root }}` in Jekyll.", "<code>{{ page.root }}</code>", "Use  in"),
        ("Para\n{: .callout}\n\nNext.", "<p>Para</p>", "{:"),
    ],
)
def test_other_tools_syntax_renders_as_meant(markdown, present, absent):
    html = render(markdown)
    assert present in html
    assert absent not in html


def test_the_table_caption_is_drawn_above_its_table():
    html = render("| a |\n|---|\n| 1 |\n\nTable: Below in the text")
    assert html.index("Below in the text") < html.index("<table")


def test_a_figure_is_captioned_by_its_title_then_its_alt_text(tmp_path: Path):
    (tmp_path / "a.png").write_bytes(b"")
    titled = render('![The ISS](a.png "Seen from Crew Dragon")', base_dir=tmp_path)
    assert '<span class="caption">Seen from Crew Dragon</span>' in titled
    untitled = render("![The ISS in 2021](a.png)", base_dir=tmp_path)
    assert '<span class="caption">The ISS in 2021</span>' in untitled
    pandoc = render("![](a.png){alt='A diagram of the station'}", base_dir=tmp_path)
    assert '<span class="caption">A diagram of the station</span>' in pandoc


def test_links_to_other_lessons_use_the_resolver(tmp_path: Path):
    asked: list[str] = []

    def resolve(target: str) -> str | None:
        asked.append(target)
        return "reference" if "reference" in target else None

    folder = tmp_path / "_episodes"
    html = (
        MarkdownRenderer()
        .render(
            "[library](../learners/reference.md#library) [root]({{ page.root }}/reference/) "
            "[gone](missing.md)",
            folder,
            RenderContext(resolve_lesson=resolve),
        )
        .html
    )
    assert 'href="lesson:reference#library"' in html
    assert 'href="lesson:reference"' in html
    assert "../reference/" in asked  # {{ page.root }} of a Jekyll episode is its parent
    assert '<span class="dead-link">gone</span>' in html


def test_links_that_cannot_work_are_plain_text_and_reported():
    rendered = MarkdownRenderer().render(
        "[a]({{ site.github.url }}) [b](javascript:alert(1)) [c](notes.md) [d](#top)"
    )
    assert [(d.text, d.target) for d in rendered.dead_links] == [
        ("a", ""),
        ("b", "javascript:alert(1)"),
        ("c", "notes.md"),
    ]
    assert "href" in rendered.html and 'href="#top"' in rendered.html
    assert "javascript" not in rendered.html
