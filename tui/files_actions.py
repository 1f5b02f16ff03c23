"""Opening data and rule sets (the pickers), comparing, reloading."""

from __future__ import annotations

from pathlib import Path

from tinnhiem import bundled

from . import backend
from .i18n import t
from .screens.picker import Picked, PickerScreen
from .view_actions import ViewActions
from .widgets.editor import RulesView


class FileActions(ViewActions):
    """ctrl+o, ctrl+r, ctrl+t, ctrl+g, F5."""

    # --- files -----------------------------------------------------------------------------

    def action_open_data(self) -> None:
        shipped = {p.resolve() for p in bundled.data_dir().iterdir()}
        # the bundled samples have their own list: not again among the recent files
        recent = [
            Path(p)
            for p in self.config.recent_data
            if Path(p).is_file() and Path(p).resolve() not in shipped
        ]
        samples = sorted(
            p
            for p in bundled.data_dir().iterdir()
            if p.suffix in backend.DATA_SUFFIXES and ".turnout." not in p.name  # a sidecar
        )
        picker = PickerScreen(
            t(self.lang, "picker.data"),
            self.lang,
            [(t(self.lang, "picker.recent"), recent), (t(self.lang, "picker.bundled"), samples)],
            backend.DATA_SUFFIXES,
            Path.cwd(),
            ask_kind=True,
        )

        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.load_data(picked.path, picked.kind)

        self.push_screen(picker, chosen)

    def _rules_picker(self, title: str, initial: Path | None = None) -> PickerScreen:
        shipped = {p.resolve() for p in bundled.bundled_rules()}
        recent = [
            Path(p)
            for p in self.config.recent_rules
            if Path(p).is_file() and Path(p).resolve() not in shipped
        ]
        beside = backend.rules_beside(self.data_path)
        if self.data_path.parent.resolve() == bundled.data_dir().resolve():
            beside = []
        return PickerScreen(
            title,
            self.lang,
            [
                (t(self.lang, "picker.bundled"), bundled.bundled_rules()),
                (t(self.lang, "picker.beside"), beside),
                (t(self.lang, "picker.recent"), recent),
            ],
            backend.RULES_SUFFIXES,
            Path.cwd(),
            strict=True,
            initial=initial,
        )

    def action_choose_rules(self) -> None:
        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.load_rules(picked.path)

        picker = self._rules_picker(t(self.lang, "picker.rules"), self.rules_path)
        self.push_screen(picker, chosen)

    def action_compare(self) -> None:
        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.load_rules(picked.path, "compare")
                self.action_tab("compare")

        self.push_screen(self._rules_picker(t(self.lang, "picker.compare")), chosen)

    def action_clear_compare(self) -> None:
        self.stop_comparing()

    def action_reload(self) -> None:
        view = self.query_one(RulesView)
        if view.edited:
            view.flush()
        else:
            self.load_rules(self.rules_path)
        if self.compare_path is not None:
            self.load_rules(self.compare_path, "compare")
        if self.dataset is not None:
            self.load_data(self.data_path, self.data_kind)
