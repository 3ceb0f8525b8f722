"""Columns with few distinct texts are parsed once per distinct value: the results
(values, masks, unknown counts) are what the per-cell parsers give."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from importers.coded_column import CodedColumn
from importers.parsed import factorize, few_distinct
from importers.values import (
    PRIORITY_SYNONYMS,
    blank_mask,
    parse_codes,
    parse_durations,
    parse_numbers,
    text_values,
)

PRIORITIES = ["紧急", " high ", "P3", "", None, "weird", "  ", "Weird "]
DURATIONS = ["1小时20分", "45", "2:30", "", None, "soon", "1h 20m", "4,5"]
NUMBERS = ["3", "4.5", "", None, "x", "1e3", "12,5", " 7 "]


def _repeated(pattern: list, n: int = 4000) -> list:
    return [pattern[i % len(pattern)] for i in range(n)]


PARSERS = ((lambda v: parse_codes(v, PRIORITY_SYNONYMS), PRIORITIES),
           (parse_numbers, NUMBERS),
           (lambda v: parse_durations(v, "minutes"), DURATIONS))


def _cellwise(parse, values):
    parts = [parse(values[i:i + 1]) for i in range(len(values))]
    return (np.concatenate([p.values for p in parts]), np.concatenate([p.missing for p in parts]),
            np.concatenate([p.invalid for p in parts]))


def test_a_repeated_column_is_factorised_and_a_varied_one_is_not() -> None:
    col = _repeated(PRIORITIES)
    distinct, codes = factorize(col)
    assert distinct == PRIORITIES and [distinct[c] for c in codes] == col
    assert few_distinct([f"T{i}" for i in range(4000)]) is None
    assert few_distinct(_repeated([1, 1.0, True, "1"])) is None  # 1 == 1.0 == True: never


def test_codes_numbers_and_durations_match_the_per_cell_parse() -> None:
    for parse, pattern in PARSERS:
        col = _repeated(pattern)
        whole = parse(col)
        values, missing, invalid = _cellwise(parse, col)
        assert (whole.missing == missing).all() and (whole.invalid == invalid).all()
        ok = whole.ok
        assert list(whole.values[ok]) == list(values[ok])


def test_unknown_codes_are_counted_per_cell() -> None:
    p = parse_codes(_repeated(PRIORITIES), PRIORITY_SYNONYMS)
    assert p.unknown == {"weird": 500, "Weird": 500}


def test_texts_and_blanks_of_a_repeated_column() -> None:
    col = _repeated(["  a ", "", None, "长文本" * 10, "b"])
    assert text_values(col, 5)[:5] == ["a", None, None, "长文本长文", "b"]
    assert text_values(col)[3] == "长文本" * 10
    assert blank_mask(col)[:5].tolist() == [False, True, True, False, False]
    unique = [f" id{i} " if i % 7 else "  " for i in range(4000)]
    assert text_values(unique)[:2] == [None, "id1"]
    assert blank_mask(unique)[:2].tolist() == [True, False]


def _coded(cells: list) -> CodedColumn:
    index: dict = {}
    codes = np.array([index.setdefault(v, len(index)) for v in cells], dtype=np.int64)
    return CodedColumn(cells, list(index), codes)


def test_a_coded_column_parses_as_the_plain_one() -> None:
    for parse, pattern in PARSERS:
        col = _repeated(pattern)
        coded, plain = parse(_coded(col)), parse(col)
        assert (coded.missing == plain.missing).all() and (coded.invalid == plain.invalid).all()
        assert list(coded.values[coded.ok]) == list(plain.values[plain.ok])
        assert coded.unknown == plain.unknown
    col = _repeated(["  a ", "", None, "长文本" * 10, "b", "a"])
    texts = text_values(_coded(col), 5)
    assert texts == text_values(col, 5)
    distinct, codes = texts.coding  # still coded, "  a " and "a" now one value
    assert distinct == ["a", None, "长文本长文", "b"] and [distinct[c] for c in codes] == texts
    assert (blank_mask(_coded(col)) == blank_mask(col)).all()


def _append(c: list) -> None:
    c.append("x")


def _add(c: list) -> None:
    c += ["x"]


def _set(c: list) -> None:
    c[0] = "x"


def _delete(c: list) -> None:
    del c[:2]


@pytest.mark.parametrize("change", [_append, _add, _set, _delete, lambda c: c.clear(),
                                    lambda c: c.sort(key=str), lambda c: c.reverse(),
                                    lambda c: c.pop(), lambda c: c.remove("a"),
                                    lambda c: c.insert(0, "x"), lambda c: c.extend("xy")])
def test_any_change_to_a_coded_column_drops_its_coding(change) -> None:
    col = _coded(_repeated(["a", "b", None], 300))
    assert col.coding is not None
    change(col)
    assert col.coding is None
    assert few_distinct(col) is None or set(few_distinct(col)) == set(col)


def test_a_coded_column_keeps_its_coding_through_a_pipe_and_not_through_a_slice() -> None:
    col = _coded(_repeated(["a", "b", None], 300))
    back = pickle.loads(pickle.dumps(col))
    assert back == col and back.coding[0] == ["a", "b", None]
    assert (back.coding[1] == col.coding[1]).all()
    assert type(col[:10]) is list
