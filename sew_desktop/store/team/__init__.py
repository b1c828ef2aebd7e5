"""The team server: one shared truth on PostgreSQL; every laptop keeps its SQLite file and works offline.

This package holds the SQL of both sides (``server.py``: PostgreSQL through psycopg 3; ``local.py``: the team's
bookkeeping in the laptop's SQLite file). ``services/team`` orchestrates a sync; ``cli/team.py`` and
``cli/server.py`` are the commands; the window's team feature sits on the services.

The protocol (both sides code against exactly this):

**Identity.** As in a merge: a row is named by its table and its *identity* — the row's uuid, a municipality's NIS
code, a decision member's ``decision-uuid/NIS``. Foreign keys travel as the referenced row's identity
(``store.merge_rows.FOREIGN``; columns as in ``store.merge_rows.COLUMNS``). Integer ids never leave a file.

**Operations (laptop → server).** Every history entry of the laptop's file that did not come from a pull is an
operation, numbered by the entry's id (increasing, durable: the history *is* the outbox; a cursor in the file says
up to which entry the server has answered). ``Operation(op_no, table, identity, action, field, value, base_seq)``:

- ``action`` ``insert`` carries the whole portable row as ``value`` (a JSON object, ``field`` None);
- ``update`` one field and its new value (a JSON scalar; FKs as identities);
- ``delete`` no value (the server keeps a tombstone);
- ``base_seq``: the server sequence the laptop had pulled when it pushed (its cursor).

**Push** (``server.push(conn, laptop, ops) -> list[Outcome]``), one transaction, serialised with
``pg_advisory_xact_lock`` so that commits become visible in sequence order. Per operation, in ``op_no`` order:

- an ``op_no`` at or below the laptop's last answered number is a replay: its stored outcome is returned again
  (a push whose answer was lost is applied once);
- a field whose server value changed at a sequence above ``base_seq`` by another laptop is a **conflict**: the
  server keeps its value; the outcome carries the server's value, who and when; the conflict is logged;
- a delete of a row changed above ``base_seq`` by another laptop, or an update of a deleted row, is a conflict;
- a change the row-level security refuses (an editor outside their provinces, a reference field of a
  municipality, a log) is **refused** with the reason, per operation, in a savepoint: never the whole push;
- otherwise it is **applied**: a new sequence number in ``change_log`` (who = the login, when, which laptop).

``Outcome(op_no, status, seq, server_value, server_who, server_at, reason)`` with status ``applied``,
``conflict`` or ``refused``.

**Pull** (``server.pull(conn, after_seq, limit) -> list[ServerChange]``): the changes with a sequence above the
cursor, in order. ``ServerChange(seq, table, identity, action, field, value, who, at, laptop)``. The laptop applies
them in one local transaction (recorded in its history as coming from the team, so they are not pushed back),
replays its pending operations on top (a pull never overwrites a pending local edit), and moves its cursor.

**Laptops and logins.** ``laptop`` rows bind a laptop uuid to the login that registered it: a push under another
login's laptop id is refused. Row-level security: everyone reads everything; an editor writes regiegebieden,
memberships, agreements, decisions and the user fields of municipalities (VDAB contact, contacts, notes) of their
own provinces; a coordinator writes all; nobody updates or deletes the logs; reference fields of municipalities
change only through ``server init``/``server upgrade``.
"""
