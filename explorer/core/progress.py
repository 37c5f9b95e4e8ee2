"""How long work reports how far it has got: `progress(stage, done, total)`.

Stages are words the window shows ("reading", "checking", "writing", "indexing"); `total`
is 0 while the amount is unknown. A progress callable may raise to cancel the work.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
