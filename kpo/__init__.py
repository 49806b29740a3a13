"""KPO and PPO: the automatic promotion (KP) list of each period, the pension (PPO) and KGB
lists, the data-reconciliation worklist before each period, and each employee's career
timeline ("Karier Saya"). Everything is computed from the master data in ``people`` with the
rules of ``regulations``; the KP list is precomputed per period and refreshed when its
inputs change (core.audit.recorded)."""
