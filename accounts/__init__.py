"""Who may do what: users, their roles (several per user), the OPD they are scoped to,
login throttling, and the capability checks every view and scoped query relies on."""
