"""Everything Qt, in layers that import downwards only (import-linter keeps them):

- ``shell``: the main window, its menus and toolbar, start-up, the connections between the parts;
- ``features/*`` (map, safety, merge, imports, export, lists) and ``controllers`` (files, editing): each feature is
  one object built with what it needs; it contributes actions to the registry and returns its tabs, dock pages,
  docks and status-bar widgets. No feature imports another;
- ``output``: charts, tables, lists and the report as files, on paper and on the clipboard;
- ``tables``, ``coverage``, ``statusmap``: the editable tables, the coverage dock, the status map drawn;
- ``charts``: the pyqtgraph charts;
- ``core``: what every part uses (change bus, live coverage, window session and frame, undo commands, dialogs,
  messages, the table page and its model base, the action registry). It imports no other ``ui`` folder.
"""
