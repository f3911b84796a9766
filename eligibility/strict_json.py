"""Reading a profile's JSON the same way everywhere it arrives (the API, the `assess` command).

Strict: NaN and Infinity are refused, and a number of more digits than any profile field could
hold is read as a number just past every bound, so the profile check names its field ("must be
at most 1,000") where Python's int() would refuse the whole text past 4,300 digits with a
ValueError about `sys.set_int_max_str_digits`, and nothing larger than 64 bits reaches orjson.
"""

import json

# Every whole number a profile holds is bounded far below this (references at most 1,000).
TOO_LARGE = 10**18
MAX_INT_DIGITS = 18


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _read_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        return -TOO_LARGE if text.startswith("-") else TOO_LARGE
    return int(text)


def loads(text: str) -> object:
    """The JSON value of `text`; ValueError (JSONDecodeError is one) or RecursionError if it is
    not strict JSON."""
    return json.loads(text, parse_constant=_reject_constant, parse_int=_read_int)
