"""Shared foundations every other app stands on.

Owns the audit log (who changed what, before → after), private document storage
(content-checked scans served only through permission-checked views), the national and
local holiday table, the base layout and static assets, and the health check.
"""
