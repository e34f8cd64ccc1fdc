"""The plan as files in the council's template (DESIGN §10): tables, XLSX and CSV, import."""
