"""Read-only query functions for the pages; they return plain data, never ORM objects."""
