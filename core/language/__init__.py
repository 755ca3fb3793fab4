"""Reading plain-language requests: owners, title, due date, recurrence, priority, project, labels."""
from core.language.reading import Reading
from core.language.request import parse_request, parse_when

__all__ = ["Reading", "parse_request", "parse_when"]
