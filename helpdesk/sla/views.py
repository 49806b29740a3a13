"""The monthly helpdesk report: page (table + chart), XLSX and the chart's JSON, all from the
same ``monthly_report`` for ``?bulan=YYYY-MM`` (default: this month)."""

from __future__ import annotations

from accounts.roles import Capability
from core.monthly import MonthlyReport
from helpdesk.sla.queries import chart_data, monthly_report, report_xlsx

report, report_export, report_chart = MonthlyReport(
    capability=Capability.VIEW_HELPDESK_REPORT,
    build=lambda request, month: monthly_report(month),
    template="helpdesk/report.html",
    xlsx=report_xlsx,
    chart=chart_data,
    filename="laporan-helpdesk",
).views()
