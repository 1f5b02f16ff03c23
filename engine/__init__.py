"""tinnhiem engine."""
