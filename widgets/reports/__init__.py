"""The period report in the desktop application: the dialog that writes it, and the
Qt parts shared with the command line (translated labels, HTML, charts as images)."""
