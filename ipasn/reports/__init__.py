"""Figures per OPD and instansi, the training plan, and the official Laporan Data IP-ASN."""
