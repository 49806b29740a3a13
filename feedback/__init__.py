"""Complaints and satisfaction: the complaint register of every channel (SP4N-LAPOR!
included), the SKM survey offered after every finished service or helpdesk ticket and at
the front desk, and the IKM report per service, unit and for the whole BKD."""
