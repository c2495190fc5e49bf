"""The use cases the window, the CLI and the tests share."""
