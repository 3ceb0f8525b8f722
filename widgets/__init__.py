"""Qt widgets and item models. They get data from query functions in ``models`` and
never run SQL themselves; long work goes through the task runner they are given."""
