"""What the core makes from the records: indexes, changes and feed, register, schedule, report, reminders."""
