"""Period reports (DESIGN.md walkthrough 1, "prints the monthly report"): Qt-free assembly
from the KPI engine and the xlsx writer; the PDF is rendered in ``app.report_pdf``."""
