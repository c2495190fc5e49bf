"""Where documents go: system printers or folders, through a persisted print queue."""
