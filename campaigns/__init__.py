"""Collection campaigns: LIKE ASN performance reports and SI JAFUNG surveys, targeted at a
population of the master data, with live participation per OPD, reviews and reminders."""
