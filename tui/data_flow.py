"""Reading a data file in a worker (tallies or ballots, with who is who across rounds), using
it, or going back to the data shown when the new data cannot be evaluated."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.widgets import Static, TabbedContent
from tinnhiem.engine.collector import collector_paused
from tinnhiem.engine.model import DataError, Dataset

from tinnhiem import bundled

from . import backend, heap
from . import config as settings
from .i18n import t
from .messages import DataFailed, DataLoaded, EngineMissing
from .results_flow import ResultsFlow
from .rounds import Rounds
from .widgets.calendar import CalendarView
from .widgets.sweep import SweepView


class DataFlow(ResultsFlow):
    """Data files: read off the UI thread, then evaluated."""

    def load_data(self, path: Path, kind: str = "tallies") -> None:
        ticket = self.ticket("data")
        # only the rule sets' levels: a level the rules lack must be reported, not read quietly
        levels = backend.level_labels(self.ruleset, self.compare_ruleset)

        def work() -> None:
            heap.release()  # what the data before left behind, collected: see `heap`
            try:
                with collector_paused():  # the first pass over the tallies makes them
                    dataset = backend.read_data(path, kind, levels)
                    calendar = backend.time_in_post(dataset)
                    # who is who across rounds, made here: never on the UI thread
                    rounds = None if calendar else Rounds.of(dataset.tallies)
                    heap.keep()  # the tallies, made above: long-lived
            except DataError as exc:
                failed = DataFailed(path, exc.issues)
            except backend.EngineMissing as exc:
                failed = None
                self.post_message(EngineMissing(exc.name))
            except (OSError, ValueError) as exc:
                failed = DataFailed(path, (), str(exc))
            except Exception:  # a reader's own failure: said (never its text), never a stall
                failed = DataFailed(path, (), t(self.lang, "data.unreadable"))
            else:
                self.post_message(DataLoaded(ticket, dataset, frozenset(levels), rounds))
                return
            if failed is not None and self.latest("data", ticket):  # not cancelled meanwhile
                self.post_message(failed)

        self.loading_path = path
        self._set_status(busy=True)
        self.in_thread(work, "data")

    def cancel_load(self) -> bool:
        """Stop waiting for the data being loaded (Esc): its result, when it comes, is dropped."""
        if self.loading_path is None:
            return False
        path, self.loading_path = self.loading_path, None
        self.ticket("data")
        self.notify(t(self.lang, "data.cancelled", name=path.name), markup=False)
        self._set_status()
        return True

    @on(DataLoaded)
    def _data_loaded(self, event: DataLoaded) -> None:
        if not self.latest("data", event.generation):
            return
        self.loading_path = None
        dataset = event.dataset
        if event.rounds is None:  # a file of time in post (`backend.time_in_post`)
            self._use_for_calendar(dataset)
            return
        first = self.dataset is None
        if self.dataset is not None and self.dataset is self.evaluated_on:
            assert self.data_rounds is not None
            self._previous_data = (self.dataset, self._read_levels, self.data_rounds)
        assert event.rounds is not None
        self._use_data(dataset, set(event.levels), event.rounds)
        if not first:
            name = self.data_path.name
            kind = t(self.lang, f"data.{dataset.kind}.short")
            rounds = self.data_rounds
            assert rounds is not None
            key = "data.loaded.kind_votes" if rounds.votes > rounds.people else "data.loaded.kind"
            said = t(self.lang, key, name=name, kind=kind, n=rounds.people, m=rounds.votes)
            self.notify(said, markup=False)
        if dataset.warnings:
            self.notify(
                bundled.shown_text("\n".join(w.render(self.lang) for w in dataset.warnings[:5])),
                title=t(self.lang, "data.warnings", n=len(dataset.warnings)),
                severity="warning",
                markup=False,
            )
        self.evaluate()

    def _use_for_calendar(self, dataset: Dataset) -> None:
        """A file of people and their time in post, without votes: the calendar's, not the
        results' (evaluating it would fail on every row for want of counts)."""
        name = Path(dataset.path).name
        self.config = self.config.with_recent("data", dataset.path)
        settings.save(self.config_dir, self.config)
        calendar = self.query_one(CalendarView)
        calendar.posts = dataset
        calendar.show_rulesets(self.ruleset, self.compare_ruleset)
        said = t(self.lang, "data.time_in_post", name=name, n=len(dataset.tallies))
        self.notify(said, markup=False)
        if self.dataset is None:  # nothing else to show in the results
            note = self.query_one("#results-note", Static)
            note.update(said)
            note.add_class("-shown")
        self.set_focus(None)  # else the tabs follow the focus back to the results
        self.query_one(TabbedContent).active = "calendar"
        self._set_status()

    def _use_data(self, dataset: Dataset, levels: set[str], rounds: Rounds) -> None:
        self.dataset = dataset
        self.data_rounds = rounds
        self._read_levels = levels
        self.data_path = Path(dataset.path)
        self.data_kind = dataset.kind
        self._mtimes[str(self.data_path)] = backend.mtimes([str(self.data_path)])[
            str(self.data_path)
        ]
        self.config = self.config.with_recent("data", self.data_path)
        settings.save(self.config_dir, self.config)
        self.query_one(CalendarView).dataset = dataset
        self.query_one(SweepView).dataset = dataset

    @on(DataFailed)
    def _data_failed(self, event: DataFailed) -> None:
        self.loading_path = None
        lines = [i.render(self.lang) for i in event.issues[:8]] or [f"{event.path}: {event.error}"]
        if len(event.issues) > 8:
            lines.append(f"… (+{len(event.issues) - 8})")
        message = bundled.shown_text("\n".join(lines))
        title = t(self.lang, "data.not_evaluated" if event.evaluating else "data.failed")
        previous = self._previous_data
        if event.evaluating and previous and self.dataset is not self.evaluated_on:
            # new data that read well but cannot be evaluated: back to the data shown
            self._previous_data = None
            self._use_data(*previous)
            title = t(self.lang, "data.failed")
        self.notify(message, title=title, severity="error", markup=False)
        if not event.evaluating:
            # a file that cannot be read is no longer offered among the recent ones
            self.config = self.config.without_recent("data", event.path)
            settings.save(self.config_dir, self.config)
        if self.dataset is None:
            note = self.query_one("#results-note", Static)
            note.update(message)
            note.add_class("-shown")
        elif event.evaluating and self._stale():
            self._clear_results(message)
        if event.evaluating and self.mounted:
            # the calendar needs the rules and the people's dates, not their results
            self.query_one(CalendarView).show_rulesets(self.ruleset, self.compare_ruleset)
        self._set_status()
