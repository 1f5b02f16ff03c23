"""tinnhiem engine/formats."""
