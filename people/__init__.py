"""Employee master data: pegawai, their effective-dated histories (rank, position,
education, training, SKP, discipline, credit points, family, exam certificates), the
reference tables they point at, and the demo province generator."""
