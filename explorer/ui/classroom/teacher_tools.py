"""View > Teacher Tools: the student view leaves the teacher's tools out of the window.

The switch is a checkable action, off for a new install and remembered in QSettings
(whoever turns it on gets the tools). Off, every teacher action is hidden, and a hidden
QAction is also disabled, so its shortcut does nothing; a menu left with nothing to
show (Tools) is hidden too, and pages and the library leave out the teacher's marks.
The actions are the ones the authoring and transfer objects expose (`all_actions()`),
handed over with `adopt`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

SETTING = "view/teacher_tools"


class TeacherTools(QObject):
    #: the teacher tools were shown (True) or hidden (False)
    toggled = Signal(bool)

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.action = QAction("&Teacher Tools", window)
        self.action.setCheckable(True)
        self.action.setStatusTip(
            "Show the tools for writing lessons, adding partnerships, importing and backing up"
        )
        self.action.setToolTip("Show or hide the teacher's tools")
        self.action.setChecked(str(settings.value(SETTING, "false")) == "true")
        self.action.toggled.connect(self._on_action_toggled)
        self._actions: list[QAction] = []

    @property
    def on(self) -> bool:
        return self.action.isChecked()

    def adopt(self, actions: Iterable[QAction]) -> None:
        """These actions are teacher tools: shown only while the switch is on."""
        for action in actions:
            if action not in self._actions:
                self._actions.append(action)
        self.apply()

    def actions(self) -> list[QAction]:
        return list(self._actions)

    def apply(self) -> None:
        on = self.on
        for action in self._actions:
            action.setVisible(on)
        for menu in self.window.findChildren(QMenu):  # the menu bar's menus too
            self._show_menu_if_used(menu)

    def _show_menu_if_used(self, menu: QMenu) -> None:
        """A menu of teacher tools only (Tools) is hidden with them."""
        entries = [a for a in menu.actions() if not a.isSeparator()]
        if entries and all(a in self._actions for a in entries):
            menu.menuAction().setVisible(self.on)

    @Slot(bool)
    def _on_action_toggled(self, on: bool) -> None:
        self.settings.setValue(SETTING, "true" if on else "false")
        self.apply()
        self.toggled.emit(on)
