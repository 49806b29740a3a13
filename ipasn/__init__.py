"""IP-ASN: every employee's professionalism index computed from the master data and stored
with the rows behind each number, its explanation and what would raise it, the figures per
OPD and instansi, the official "Laporan Data IP-ASN" and the comparison with the national
system's values. The scoring itself is regulations.ipasn."""
