"""Role matrix entries of the SLA report (see tests/test_role_matrix.py): BKD-wide readers
(VIEW_SLA_REPORT: the chain roles and Admin) only; Operator OPD and Pegawai are refused."""

from tests.matrix import only

SLA_READERS = only("admin", "unit_pengolah", "kepala_badan")

MATRIX = {
    "layanan:sla_report": (None, SLA_READERS),
    "layanan:sla_export": (None, SLA_READERS),
    "layanan:sla_chart_data": (None, SLA_READERS),
}
