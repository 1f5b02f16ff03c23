"""The report tab: the rule set's `report` tables, like the appendix of a rating report."""

from __future__ import annotations

from collections.abc import Mapping

from textual.reactive import reactive
from tinnhiem.engine.model import Evaluation

from ..i18n import t
from ..tables import report_rows
from .sections import Sections


class ReportView(Sections):
    lang = reactive("vi")

    def show_reports(self, evaluation: Evaluation, palette: Mapping[str, str]) -> None:
        ruleset = evaluation.ruleset
        sections = [
            (report.title, report_rows(report, ruleset, self.lang, palette))
            for report in evaluation.reports
        ]
        self.show(sections, "" if sections else t(self.lang, "report.none"))
