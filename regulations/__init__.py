"""Pelita's rules from regulation, as pure Python.

This package owns every rule that comes from a regulation: identity numbers (NIP/NIK),
the rank ladder, promotion (KP) periods and eligibility, ujian dinas and UPKP, pension
age and date, IP-ASN, SKP predicates, discipline levels, SKM/IKM, credit points, CPNS
screening and office-hours SLA arithmetic.

It never imports Django, never reads the clock and never touches a database: callers
pass ``today`` and plain frozen dataclasses, and get results that carry reasons (a
stable code and an Indonesian message). Tables are constants that cite their legal
source; values the sources leave UNCONFIRMED are parameters with our default, so an
instansi can configure them. ``python -m regulations`` exposes every rule as JSON.
"""
