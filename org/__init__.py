"""The organisation: the instansi (with its time zone and office hours), its OPDs
(perangkat daerah) and their unit kerja as a tree, and the office calendar built from them."""
