"""Page Down and Page Up through a deck: a question's answer is a stage of its slide."""

from __future__ import annotations

import pytest

from explorer.core.deck import Deck, Place
from explorer.core.slides import Slide

DECK = Deck.of(
    [
        Slide("title", "Title", ("t",), step=0),
        Slide("question", "Q1", ("q", "q+a"), step=1),
        Slide("section", "Last", ("l",), step=3),
    ]
)


@pytest.mark.parametrize(
    ("place", "forward", "back"),
    [
        (Place(0), Place(1, 0), Place(0)),
        (Place(1, 0), Place(1, 1), Place(0)),
        (Place(1, 1), Place(2), Place(1, 0)),
        (Place(2), Place(2), Place(1, 1)),  # back to the question as it was left: answered
    ],
)
def test_forward_and_back(place, forward, back):
    assert DECK.forward(place) == forward
    assert DECK.back(place) == back


@pytest.mark.parametrize(
    ("place", "coming"),
    [
        (Place(0), "Next: Q1"),
        (Place(1, 0), "Next: the answer"),
        (Place(1, 1), "Next: Last"),
        (Place(2), "This is the last slide"),
    ],
)
def test_the_notes_say_what_comes_next(place, coming):
    assert DECK.coming(place) == coming


def test_reveal_shows_and_hides_an_answer_and_does_nothing_elsewhere():
    assert DECK.reveal(Place(1, 0)) == Place(1, 1)
    assert DECK.reveal(Place(1, 1)) == Place(1, 0)
    assert DECK.reveal(Place(0)) == Place(0)


def test_the_counter_first_last_and_a_trail_steps_first_slide():
    assert DECK.counter(Place(1, 1)) == "Slide 2 of 3"
    assert (DECK.first(), DECK.last()) == (Place(0), Place(2))
    assert DECK.html(Place(1, 1)) == "q+a"
    assert DECK.start_of_step(1) == Place(1)
    assert DECK.start_of_step(2) == Place(2)  # step 2 shows nothing: the next one that does
    assert DECK.start_of_step(9) == Place(0)


def test_an_empty_deck_stays_put():
    empty = Deck.of([])
    assert empty.forward(Place(0)) == Place(0) and empty.back(Place(0)) == Place(0)
    assert empty.coming(Place(0)) == ""
