"""Documents: pure functions from plain data to PDF bytes (ReportLab)."""
