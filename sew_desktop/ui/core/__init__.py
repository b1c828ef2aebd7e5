"""What every part of the window uses: the change bus, live coverage, the window session, undo commands, dialogs,
messages, the table page and its model base, column and list descriptions, the action registry. Imports no other
``ui`` folder."""
