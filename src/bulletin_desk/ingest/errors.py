"""The one error the importer raises: a message code the CLI and the import dialog render."""

from __future__ import annotations

from bulletin_desk.catalogue import BulletinDeskError


class IngestError(BulletinDeskError):
    """Input that cannot be imported (wrong encoding, malformed DOCX, a .doc); the code says why."""
