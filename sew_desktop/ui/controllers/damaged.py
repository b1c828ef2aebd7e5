"""A damaged file on open: say so, and offer the newest good backup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sew_desktop.services.backups import newest_good_backup, restore_backup
from sew_desktop.store.errors import DamagedDatabaseError, StoreError
from sew_desktop.ui.core.dialogs import UserDialogs
from sew_desktop.ui.core.i18n import format_date


def handle_damaged(dialogs: UserDialogs, error: DamagedDatabaseError) -> bool:
    """Tell the user the file is damaged; True when they chose to restore the newest good backup and it was
    restored (the damaged file itself is kept as a backup first)."""
    title = QCoreApplication.translate("Safety", "Damaged database")
    backup = newest_good_backup(error.path)
    if backup is None:
        dialogs.error(title, QCoreApplication.translate(
            "Safety", "'%1' is damaged and there is no backup beside it. The file was not changed.")
            .replace("%1", str(error.path)))
        return False
    when = f"{format_date(backup.taken.date(), dialogs.language)} {backup.taken:%H:%M}"
    question = QCoreApplication.translate(
        "Safety", "'%1' is damaged. Restore the newest good backup, of %2? The damaged file is kept as a backup.")
    if not dialogs.confirm(title, question.replace("%1", str(error.path)).replace("%2", when)):
        return False
    try:
        restore_backup(error.path, backup.path)
    except (StoreError, OSError) as failure:
        dialogs.error(title, QCoreApplication.translate(
            "Safety", "The backup could not be restored; the file is as it was (%1).").replace("%1", str(failure)))
        return False
    return True
