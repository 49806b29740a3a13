"""The public helpdesk: tickets filed per problem type (no login needed), their public status by
ticket number, the operators' queue with routing, canned answers and an office-hours SLA, the
FAQ, and the CPNS applicant's self-check."""
