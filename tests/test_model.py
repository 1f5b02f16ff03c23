"""The fast constructors of `engine.model` make exactly what the classes' own constructors make."""

from __future__ import annotations

import dataclasses
import inspect
from fractions import Fraction

import pytest
from tinnhiem.engine.model import (
    Margin,
    Origin,
    Result,
    Tally,
    Verdict,
    new_origin,
    new_result,
    new_tally,
)

TALLY = (
    "VP02",
    "Lê Duy Thành",
    "Chủ tịch",
    "UBND",
    "tỉnh",
    "2023",
    {"members": 47},
    {"cao": 19, "tn": 2, "thap": 25},
    {"appointed": Fraction(17, 2)},
    Origin("vp.csv", 3, "Họ và tên"),
)
VERDICT = Verdict("consequence", "Hệ quả", "resign", "Xin thôi", 12, "qd96.tn", None, ())
RESULT = (
    Tally("1", "An"),
    "evaluated",
    None,
    "members",
    47,
    {"thap": 25},
    {"thap": Fraction(25, 47)},
    (VERDICT,),
    (Margin("consequence", "thap", "fewer", 2, "none"),),
    ("trace",),
)


@pytest.mark.parametrize(
    ("cls", "fast", "values"),
    [
        (Tally, new_tally, TALLY),
        (Result, new_result, RESULT),
        (Origin, new_origin, ("vp.csv", 3, "Họ và tên")),
    ],
)
def test_fast_constructors_set_every_field_in_order(cls, fast, values) -> None:  # type: ignore[no-untyped-def]
    names = [f.name for f in dataclasses.fields(cls)]
    assert list(inspect.signature(fast).parameters) == names  # a field added must be added here
    made, expected = fast(*values), cls(*values)
    assert type(made) is cls
    assert [getattr(made, n) for n in names] == [getattr(expected, n) for n in names]
    assert made == expected and repr(made) == repr(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, names[1], "x")  # still frozen
