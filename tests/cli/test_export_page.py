"""`space-explorer export --format html lesson:SLUG OUT.html`: one page, self-contained."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from explorer.cli import main

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
LESSON = """---
slug: orbits
title: Orbits & "orbiters"
section: foundations
sources:
  - publisher: Someone
    title: A trap
    url: "javascript:alert(1)"
---

![A dot](fig/dot.png "One pixel")

![Remote](https://example.org/x.png)

```python
print("<script>")
```

::: challenge

## Try

Why?

::: solution

Because.

:::

:::

[Next](partnership:international-space-station) and [web](https://www.esa.int/).
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    lessons = tmp_path / "data" / "lessons"
    (lessons / "fig").mkdir(parents=True)
    (lessons / "fig" / "dot.png").write_bytes(PNG)
    (lessons / "orbits.md").write_text(LESSON, encoding="utf-8")
    return tmp_path / "data"


def test_a_lesson_page_is_written_self_contained(capsys, data_dir, tmp_path):
    out = tmp_path / "orbits.html"
    code = main(
        ["export", "--format", "html", "lesson:orbits", str(out), "--data-dir", str(data_dir)]
    )
    assert code == 0
    assert "Wrote" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<title>Orbits &amp; &#34;orbiters&#34;</title>" in html
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in html
    assert "One pixel" in html and "Online image not loaded: Remote" in html
    assert "example.org/x.png" not in html and "file:" not in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<details>" in html and "Because." in html  # opens in a browser, no script
    assert "<style>" in html and "table.callout" in html
    assert "default-src &#39;none&#39;" in html  # no fetch, no script
    assert 'href="https://www.esa.int/"' in html
    assert "partnership:" not in html and "javascript" not in html


@pytest.mark.parametrize(
    "args",
    [
        ["lesson:nowhere", "x.html"],
        ["partnership:iss", "x.html"],
        ["x.html"],
    ],
)
def test_a_page_export_names_a_lesson_and_a_file(capsys, data_dir, args):
    code = main(["export", "--format", "html", *args, "--data-dir", str(data_dir)])
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1
