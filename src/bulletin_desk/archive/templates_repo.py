"""District templates in the archive: list, save, delete, replace the whole set.

API on the repository (``archive.issues``), for the 模板管理 dialog and the ``templates`` command:

* ``templates() -> list[DistrictTemplate]`` — in the editors' order;
* ``template_for(unit) -> DistrictTemplate | None`` — what importing text from a unit uses;
* ``save_template(t) -> DistrictTemplate`` — insert (``t.id is None``, appended last) or update;
* ``delete_template(id)``;
* ``replace_templates(list) -> list[DistrictTemplate]`` — one transaction: the old set goes, the new
  one comes in the given order (an imported file, model/templates.py).

A unit names one template (``templates show 海淀区文明办``), so a second template for the same unit is
refused with a message, not a constraint error. The skeleton is stored as a JSON array of
bulletin-desk/1 paragraphs (model/fragments.py): a template is always read and written whole.
The default set is seeded by migration 0003 from ``resources/templates/``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from bulletin_desk.archive.errors import ArchiveError, NotFoundError
from bulletin_desk.archive.runner import RepositoryBase, now_text
from bulletin_desk.archive.schema import DistrictTemplateRow
from bulletin_desk.model.fragments import paragraphs_from_list, paragraphs_to_list
from bulletin_desk.model.templates import DistrictTemplate

_templates = DistrictTemplateRow.__table__


def _from_row(row: Any) -> DistrictTemplate:
    return DistrictTemplate(id=row.id, unit=row.unit, district=row.district, section=row.section,
                            contact=row.contact, phone=row.phone,
                            skeleton=paragraphs_from_list(json.loads(row.skeleton or "[]"), "skeleton"))


def _values(t: DistrictTemplate) -> dict[str, Any]:
    unit = t.unit.strip()
    if not unit:
        raise ArchiveError("archive.template.empty_unit")
    return {"unit": unit, "district": t.district, "section": t.section, "contact": t.contact, "phone": t.phone,
            "skeleton": json.dumps(paragraphs_to_list(t.skeleton), ensure_ascii=False, separators=(",", ":")),
            "updated_at": now_text()}


class TemplatesMixin(RepositoryBase):
    """The template part of IssueRepository (see the module docstring)."""

    def templates(self) -> list[DistrictTemplate]:
        return self._run_read(lambda conn: [_from_row(r) for r in conn.execute(
            select(_templates).order_by(_templates.c.position, _templates.c.id))])

    def template_for(self, unit: str) -> DistrictTemplate | None:
        def body(conn: Connection) -> DistrictTemplate | None:
            row = conn.execute(select(_templates).where(_templates.c.unit == unit.strip())).first()
            return None if row is None else _from_row(row)

        return self._run_read(body)

    @staticmethod
    def _check_unit_free(conn: Connection, unit: str, own_id: int | None) -> None:
        other = conn.execute(select(_templates.c.id).where(_templates.c.unit == unit)).scalar()
        if other is not None and other != own_id:
            raise ArchiveError("archive.template.duplicate_unit", unit=unit)

    def save_template(self, template: DistrictTemplate) -> DistrictTemplate:
        values = _values(template)

        def body(conn: Connection) -> DistrictTemplate:
            self._check_unit_free(conn, values["unit"], template.id)
            if template.id is None:
                position = conn.execute(select(func.coalesce(func.max(_templates.c.position), -1))).scalar_one() + 1
                new_id = conn.execute(insert(_templates).values(position=position, **values)).lastrowid
            else:
                done = conn.execute(update(_templates).where(_templates.c.id == template.id).values(**values))
                if done.rowcount == 0:
                    raise NotFoundError("archive.template.not_found", id=template.id)
                new_id = template.id
            return _from_row(conn.execute(select(_templates).where(_templates.c.id == new_id)).one())

        return self._run_write(body)

    def delete_template(self, template_id: int) -> None:
        def body(conn: Connection) -> None:
            if conn.execute(delete(_templates).where(_templates.c.id == template_id)).rowcount == 0:
                raise NotFoundError("archive.template.not_found", id=template_id)

        self._run_write(body)

    def replace_templates(self, templates: Sequence[DistrictTemplate]) -> list[DistrictTemplate]:
        rows = [_values(t) for t in templates]
        seen: set[str] = set()
        for row in rows:
            if row["unit"] in seen:
                raise ArchiveError("archive.template.duplicate_unit", unit=row["unit"])
            seen.add(row["unit"])

        def body(conn: Connection) -> list[DistrictTemplate]:
            conn.execute(delete(_templates))
            if rows:
                conn.execute(insert(_templates), [{"position": i, **row} for i, row in enumerate(rows)])
            return [_from_row(r) for r in conn.execute(select(_templates).order_by(_templates.c.position))]

        return self._run_write(body)


__all__ = ["TemplatesMixin"]
