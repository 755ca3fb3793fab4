"""Calendar feeds: the iCalendar file of a person's dated work, and `tandem calendar`."""
