"""Pure domain: entities, agreement status, coverage arithmetic. No I/O, no Qt, no SQL."""
