"""Numbering per bulletin: propose the next 第N期 / 总第M期, report duplicates and gaps.

第N期 restarts each calendar year; 增刊 (supplements) have their own sequence per year and usually
no 总第M期; 总第M期 runs across years. Samples and trashed issues never count. Pure functions over
(id, year, number, total_number, supplement) tuples, so the rules are tested without a database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from bulletin_desk.archive.records import NumberClash, NumberGap, NumberingReport, NumberProposal

Numbered = tuple[int, int | None, int | None, int | None, bool]  # id, year, number, total_number, supplement


def propose(series: str, year: int, supplement: bool, issues: Sequence[Numbered]) -> NumberProposal:
    """The next numbers after the highest ones in use (gaps are reported, never silently filled)."""
    same_year = [i for i in issues if i[1] == year and i[4] == supplement and i[2] is not None]
    last = max(same_year, key=lambda i: (i[2], i[0]), default=None)
    number = (last[2] or 0) + 1 if last else 1
    total: int | None = None
    if not supplement:
        totals = [i for i in issues if not i[4] and i[3] is not None]
        top = max(totals, key=lambda i: (i[3], i[0]), default=None)
        if top is not None:
            total = (top[3] or 0) + 1
            last = last or top
    return NumberProposal(series=series, year=year, supplement=supplement, number=number, total_number=total,
                          after_id=last[0] if last else None)


def _missing(values: Iterable[int]) -> tuple[int, ...]:
    present = sorted(set(values))
    if len(present) < 2:
        return ()
    have = set(present)
    return tuple(n for n in range(present[0], present[-1] + 1) if n not in have)


def report(series: str, issues: Sequence[Numbered]) -> NumberingReport:
    """Duplicates and gaps of 第N期 (per year), 增刊第N期 (per year) and 总第M期 (whole series)."""
    by_number: dict[tuple[str, int | None, int], list[int]] = defaultdict(list)
    per_year: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    totals: dict[int, list[int]] = defaultdict(list)
    for issue_id, year, number, total, supplement in issues:
        kind = "supplement" if supplement else "number"
        if number is not None:
            by_number[(kind, year, number)].append(issue_id)
            per_year[(kind, year)].append(number)
        if total is not None and not supplement:
            totals[total].append(issue_id)
    duplicates = [NumberClash(kind, year, number, tuple(sorted(ids)))
                  for (kind, year, number), ids in by_number.items() if len(ids) > 1]
    duplicates += [NumberClash("total", None, total, tuple(sorted(ids))) for total, ids in totals.items()
                   if len(ids) > 1]
    gaps = [NumberGap(kind, year, missing) for (kind, year), numbers in per_year.items()
            if (missing := _missing(numbers))]
    total_missing = _missing(totals)
    if total_missing:
        gaps.append(NumberGap("total", None, total_missing))
    order = {"number": 0, "supplement": 1, "total": 2}
    duplicates.sort(key=lambda c: (order[c.kind], c.year or 0, c.number))
    gaps.sort(key=lambda g: (order[g.kind], g.year or 0))
    return NumberingReport(series=series, duplicates=tuple(duplicates), gaps=tuple(gaps))
