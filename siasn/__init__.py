"""The national system (SIASN) adapter: its web-service client and the reconciliation of what
it says about our employees against Pelita's master data (never a silent overwrite)."""
