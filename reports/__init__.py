"""Read-only views across apps: the role-aware dashboard now; charts and exports later."""
