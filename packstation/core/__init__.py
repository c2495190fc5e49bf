"""Domain rules with no Qt and no I/O."""
