"""Column-wise parsing of spreadsheet values: dates, times, durations, numbers, codes.

Every parser takes a whole column (a list of native cell values as a reader hands
them over, see :mod:`importers.table`) and returns a :class:`Parsed`: a numpy array of
values plus two boolean masks, ``missing`` (empty cell) and ``invalid`` (a value was
there but could not be understood). Parsers never raise on bad cells; the caller
(validation) turns ``invalid`` into row errors naming the original value.

Speed comes from working on whole columns: ISO text goes through numpy's C parser in
one call, other text is parsed once per distinct string (a dict cache), numbers are
converted with array arithmetic. A million cells cost well under a second each.

Units and conventions (reusable by every import kind):

* date-times → ``int64`` microseconds since the Unix epoch, **UTC**
  (:func:`parse_datetimes`); naive values are read in the import's time zone
  (:func:`resolve_timezone`, default: this computer's zone), values with an offset
  (``Z``, ``+08:00``, aware ``datetime``) keep their own.
* dates → ``int64`` days since 1970-01-01 (:func:`parse_dates`);
  time of day → ``int64`` microseconds since midnight (:func:`parse_times_of_day`).
* durations → ``float64`` **seconds** (:func:`parse_durations`), numbers scaled by the
  column's unit (``"seconds"``, ``"minutes"``, ``"hours"``, ``"days"``).
* numbers → ``float64`` (:func:`parse_numbers`), decimal commas accepted (``4,5``).
* booleans → ``bool`` (:func:`parse_booleans`); priorities/statuses → ``object`` arrays
  of codes (:func:`parse_codes` with :data:`PRIORITY_SYNONYMS` / :data:`STATUS_SYNONYMS`),
  unknown values counted once in ``Parsed.unknown``.
* reporting periods (months, quarters) live in :mod:`importers.periods`.

Day/month order of ``01/02/2024``-style text is decided per column: any first part
above 12 means day first, any second part above 12 means month first; otherwise
``/`` is read month first (US exports) and ``-``/``.`` day first (European exports),
and ``Parsed.note`` says so.
"""

from __future__ import annotations

from importers.codes import (
    BOOLEAN_SYNONYMS,
    PRIORITY_SYNONYMS,
    STATUS_SYNONYMS,
    code_key,
    infer_csat_scale,
    parse_booleans,
    parse_codes,
    text_values,
)
from importers.datetimes import (
    decide_dayfirst,
    localize,
    parse_dates,
    parse_datetimes,
    parse_naive_datetimes,
    parse_times_of_day,
    resolve_timezone,
)
from importers.numbers import UNIT_SECONDS, parse_durations, parse_number_text, parse_numbers
from importers.parsed import US_PER_DAY, US_PER_S, Parsed, blank_mask, is_blank, normalise_token

__all__ = [
    "BOOLEAN_SYNONYMS",
    "PRIORITY_SYNONYMS",
    "STATUS_SYNONYMS",
    "UNIT_SECONDS",
    "US_PER_DAY",
    "US_PER_S",
    "Parsed",
    "blank_mask",
    "code_key",
    "decide_dayfirst",
    "infer_csat_scale",
    "is_blank",
    "localize",
    "normalise_token",
    "parse_booleans",
    "parse_codes",
    "parse_dates",
    "parse_datetimes",
    "parse_durations",
    "parse_naive_datetimes",
    "parse_number_text",
    "parse_numbers",
    "parse_times_of_day",
    "resolve_timezone",
    "text_values",
]
