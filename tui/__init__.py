"""The terminal UI, `tinnhiem-tui`: a Textual app over the rules language and the engine."""
