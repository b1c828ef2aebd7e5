"""The merge preview: what comes in per table, the conflicts with both values and who changed each when, a
choice per conflict (or for all at once), and the coverage table before → after."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sew_desktop.domain.merging import Choice, Conflict, ConflictKind, Prefer, Side, choose
from sew_desktop.services.merging.plan import MergePlan
from sew_desktop.services.merging.report import all_conflicts, coverage_effect, incoming, kept_with
from sew_desktop.services.merging.resolve import Resolution, resolve
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.core.labels import area_label
from sew_desktop.ui.core.screens import resize_to_fit
from sew_desktop.ui.features.merge.texts import (
    ValueText,
    choice_text,
    field_label,
    kept_with_text,
    kind_text,
    problems_text,
    stamp_text,
    table_label,
)

Effect = Callable[[Resolution], list[tuple[str, str | None, str, str, str, str]]]

translate = QCoreApplication.translate


class MergeDialog(QDialog):
    """Non-modal; ``apply_requested`` carries the resolution when the user applies."""

    apply_requested = Signal(object)
    _COLUMNS = 6

    def __init__(self, repository: Repository, plan: MergePlan, as_of: date, horizon: date, language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(translate("MergeDialog", "Merge another copy: %1").replace("%1", plan.source.name))
        self.plan, self._language = plan, language
        self.value = ValueText(plan.names)
        self.choices: dict[str, Choice] = {}
        self._effect: Effect = lambda resolution: coverage_effect(repository, plan, resolution, as_of, horizon)
        self.resolution: Resolution = resolve(plan)
        self.conflicts: list[Conflict] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._summary(), self))
        self.incoming = self._incoming_tree()
        layout.addWidget(self.incoming, 2)
        choose = translate("MergeDialog", "Conflicts: choose per row (select rows, then a button) or for all at once.")
        layout.addWidget(QLabel(choose, self))
        self.table = self._conflict_table()
        layout.addWidget(self.table, 3)
        layout.addLayout(self._choice_buttons())
        self.coverage = self._coverage_table()
        layout.addWidget(QLabel(translate("MergeDialog", "Effect on the coverage table"), self))
        layout.addWidget(self.coverage, 2)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(translate("MergeDialog", "&Merge"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("mergeApplyButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill_incoming()
        self.refresh()
        resize_to_fit(self, 1100, 720)

    def _incoming_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("mergeIncoming")
        tree.setHeaderLabels(
            [
                translate("MergeDialog", "What comes in"),
                translate("MergeDialog", "Old"),
                translate("MergeDialog", "New"),
            ]
        )
        return tree

    def _conflict_table(self) -> QTableWidget:
        table = QTableWidget(0, self._COLUMNS, self)
        table.setObjectName("mergeConflicts")
        table.setHorizontalHeaderLabels(self._headers())
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):  # both values share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)  # the reason: in full in the tooltip
        header.resizeSection(5, 280)
        table.setWordWrap(False)
        return table

    def _coverage_table(self) -> QTableWidget:
        table = QTableWidget(0, 3, self)
        table.setObjectName("mergeCoverage")
        table.setHorizontalHeaderLabels(
            [
                translate("MergeDialog", "Area"),
                translate("MergeDialog", "Municipalities reached (before → after)"),
                translate("MergeDialog", "Regiegebieden with an agreement (before → after)"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _headers() -> list[str]:
        return [
            translate("MergeDialog", "Row"),
            translate("MergeDialog", "Field"),
            translate("MergeDialog", "Mine (who, when)"),
            translate("MergeDialog", "Theirs (who, when)"),
            translate("MergeDialog", "Choice"),
            translate("MergeDialog", "Why"),
        ]

    def _summary(self) -> str:
        """What the merge will do, in a coordinator's words (not the history's bookkeeping)."""
        if self.plan.two_way:
            return translate("MergeDialog", "These copies were not made from the same file: at every difference "
                                            "you choose which value to keep.")
        return translate("MergeDialog", "Both copies come from the same file. What either of you changed since the "
                                        "copy was made comes in; where you both changed the same thing, you choose.")

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _choice_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(
            self._button(
                translate("MergeDialog", "Keep &mine"), "mergeMineButton", lambda: self.choose_selected(Side.MINE)
            )
        )
        row.addWidget(
            self._button(
                translate("MergeDialog", "Take &theirs"), "mergeTheirsButton", lambda: self.choose_selected(Side.THEIRS)
            )
        )
        row.addWidget(self._button(translate("MergeDialog", "Another &value…"), "mergeValueButton", self.ask_value))
        row.addStretch(1)
        for text, name, prefer in (
            (translate("MergeDialog", "All mine"), "mergeAllMine", Prefer.MINE),
            (translate("MergeDialog", "All theirs"), "mergeAllTheirs", Prefer.THEIRS),
            (translate("MergeDialog", "All the newer change"), "mergeAllNewer", Prefer.NEWER),
        ):
            row.addWidget(self._button(text, name, lambda p=prefer: self.choose_all(p)))  # type: ignore[misc]
        return row

    # -- content -------------------------------------------------------------------------------------

    def _fill_incoming(self) -> None:
        for table, part in incoming(self.plan).items():
            label = (
                translate("MergeDialog", "%1: %2 new, %3 changed, %4 deleted")
                .replace("%1", table_label(table))
                .replace("%2", str(len(part["inserted"])))
                .replace("%3", str(len(part["updated"])))
                .replace("%4", str(len(part["deleted"])))
            )
            top = QTreeWidgetItem(self.incoming, [label])
            for row in part["inserted"]:
                QTreeWidgetItem(top, [translate("MergeDialog", "new: %1").replace("%1", row["label"])])
            for row in part["updated"]:
                for column, change in row["fields"].items():
                    old, new = (self.value(change[k], table, column) for k in ("old", "new"))
                    QTreeWidgetItem(top, [f"{row['label']} · {field_label(column)}", old, new])
            for row in part["deleted"]:
                QTreeWidgetItem(top, [translate("MergeDialog", "deleted: %1").replace("%1", row["label"])])
        if self.incoming.topLevelItemCount() == 0:
            QTreeWidgetItem(self.incoming, [translate("MergeDialog", "Nothing comes in without a choice.")])
        self.incoming.expandAll()
        header = self.incoming.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def refresh(self) -> None:
        """Recompute with the current choices: the conflicts (rules included), the coverage, Merge enabled."""
        self.resolution = resolve(self.plan, self.choices)
        self.conflicts = all_conflicts(self.plan, self.resolution)
        self.table.setRowCount(len(self.conflicts))
        for number, conflict in enumerate(self.conflicts):
            mine, theirs = conflict.mine_stamp, conflict.theirs_stamp
            rule = conflict.kind is ConflictKind.RULE
            value = self.value
            texts = (
                f"{table_label(conflict.table)} · {conflict.label or conflict.row}",
                field_label(conflict.field) if conflict.field and not rule else "—",
                f"{value(conflict.mine, conflict.table, conflict.field or '')} ({stamp_text(mine.who, mine.at)})",
                f"{value(conflict.theirs, conflict.table, conflict.field or '')} ({stamp_text(theirs.who, theirs.at)})",
                choice_text(self.resolution.decided.get(conflict.key), value)
                + kept_with_text(kept_with(self.resolution, conflict)),
                kind_text(conflict) + (f": {problems_text(conflict.field)}" if rule and conflict.field else ""),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
        effect = self._effect(self.resolution)
        self.coverage.setRowCount(len(effect))
        for number, (area, nis, reached_before, reached_after, regions_before, regions_after) in enumerate(effect):
            for column, text in enumerate(
                (area_label(area, nis), f"{reached_before} → {reached_after}", f"{regions_before} → {regions_after}")
            ):
                self.coverage.setItem(number, column, QTableWidgetItem(text))
        self.apply_button.setEnabled(self.resolution.complete)

    # -- choices -------------------------------------------------------------------------------------

    def selected(self) -> list[Conflict]:
        """The conflicts of the selected rows."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.conflicts[r] for r in rows if r < len(self.conflicts)]

    def choose_selected(self, side: Side, value: object = None) -> None:
        """Mine, theirs (or a typed value) for the selected conflicts."""
        for conflict in self.selected():
            self.choices[conflict.key] = Choice(side, value)
        self.refresh()

    def choose_all(self, prefer: Prefer) -> None:
        """The same rule for every conflict (rules raised by those choices included)."""
        for _ in range(3):
            for conflict in all_conflicts(self.plan, resolve(self.plan, self.choices)):
                chosen = choose(conflict, {}, prefer)
                if chosen is not None and conflict.key not in self.choices:
                    self.choices[conflict.key] = chosen
        self.refresh()

    def ask_value(self) -> None:
        """Another value for the selected field conflicts."""
        fields = [c for c in self.selected() if c.field is not None and c.kind is ConflictKind.FIELD]
        if not fields:
            return
        text, accepted = QInputDialog.getText(
            self,
            translate("MergeDialog", "Another value"),
            translate("MergeDialog", "Value for %1:").replace("%1", field_label(fields[0].field or "")),
            text=str(fields[0].mine or ""),
        )
        if accepted:
            self.choose_selected(Side.VALUE, text)

    def _apply(self) -> None:
        if self.resolution.complete:
            self.apply_requested.emit(self.resolution)
            self.accept()
