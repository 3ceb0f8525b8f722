"""Audit entries for scorecards: who, when (UTC, by the row default), old and new value."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from models.orm import AuditEntry


def audit_text(value: Any) -> str | None:
    """A value as audit text: numbers without trailing zeros, others as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{float(value):.4f}".rstrip("0").rstrip(".")
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def audit(s: Session, user: str, action: str, entity_id: int | None, fld: str | None,
          old: Any, new: Any, entity: str = "evaluation") -> None:
    """Add one audit entry when ``old`` and ``new`` differ as text."""
    o, n = audit_text(old), audit_text(new)
    if o != n:
        s.add(AuditEntry(user=user, action=action, entity=entity, entity_id=entity_id,
                         field=fld, old_value=o, new_value=n))
