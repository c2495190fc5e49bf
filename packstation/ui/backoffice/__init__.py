"""The back office inside the station window: what a merchant sets up or looks back at.

- :mod:`.menu` — the menu bar, drag and drop of CSV files, the inbox watcher's wiring.
- :mod:`.settings` — shop identity, carriers, fraud rules (database) and the station's
  own settings (its TOML file), validated before anything is saved.
- :mod:`.importing` — the import preview (a dry run per file) and the column-mapping
  dialog that makes a profile for an unknown CSV.
- :mod:`.inbox` — the timer that imports files dropped in the inbox folder.
- :mod:`.history` — search, timeline, reprint, unpack, release or cancel a held order.
- :mod:`.statistics` — parcels, median packing time, mistakes caught; chart and CSV.
- :mod:`.manifest` — end of day: manifests and the hand-over to each carrier.

Like the rest of the window, these only ask and show: every rule is in the services.
"""
