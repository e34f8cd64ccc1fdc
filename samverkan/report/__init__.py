"""The follow-up report (DESIGN §11): its period, its figures (plain numbers), charts, the
Word document and the workbook of the same figures."""
