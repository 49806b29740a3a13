"""Scores per employee and year: computing, storing, explaining, and the employee's own training record."""
