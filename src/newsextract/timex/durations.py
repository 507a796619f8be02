"""TIMEX3 duration values: ``P3Y``, ``PT2H``, ``PXM`` (an unknown number of months)."""
from __future__ import annotations

# our unit codes → (number of TIMEX3 units per unit, TIMEX3 unit, is a time unit)
_UNITS = {
    "S": (1, "S", True), "MIN": (1, "M", True), "H": (1, "H", True),
    "D": (1, "D", False), "W": (1, "W", False), "FN": (2, "W", False), "WE": (1, "WE", False),
    "M": (1, "M", False), "Q": (1, "Q", False), "H6": (6, "M", False), "Y": (1, "Y", False),
    "DE": (10, "Y", False), "CE": (100, "Y", False),
}
# half of a unit, in a smaller one
_HALF = {"Y": (6, "M", False), "M": (15, "D", False), "W": (84, "H", True), "D": (12, "H", True),
         "H": (30, "M", True), "MIN": (30, "S", True)}


def duration_value(n: float | None, unit: str) -> str:
    """``P{n}{unit}``; ``n`` None gives ``X`` ("several years" → ``PXY``)."""
    factor, code, is_time = _UNITS[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        if unit in ("DE", "CE"):
            return f"PX{unit}"
        return f"{prefix}X{code}"
    whole = int(n)
    if n != whole:
        if n - whole == 0.5 and unit in _HALF:
            hn, hcode, htime = _HALF[unit]
            head = f"{whole * factor}{code}" if whole else ""
            if htime and not is_time:
                return f"P{head}T{hn}{hcode}"
            return f"{prefix}{head}{hn}{hcode}"
        return f"{prefix}{n * factor:g}{code}"
    return f"{prefix}{whole * factor}{code}"
