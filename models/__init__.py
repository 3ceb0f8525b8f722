"""Qt-free domain layer: schema, database access, migrations and domain logic.

Nothing in this package imports Qt, so it runs in the command line, in worker
processes and in tests without a display.
"""
