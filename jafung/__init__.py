"""Functional-position monitoring: years in rank, credit points, placement and extra duties
of every functional official, and the ranking of OPDs that need coaching."""
