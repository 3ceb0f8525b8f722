"""Qt-free spreadsheet import: reading, header detection, mapping, validation, loading."""
