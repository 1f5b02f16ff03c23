"""tinnhiem samples."""
