"""tinnhiem tui."""
