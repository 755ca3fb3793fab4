"""Reading plain-language requests: owners, title, due date, recurrence, priority, project, labels."""
from core.language.piece import Workday
from core.language.reading import Reading
from core.language.request import LANGUAGES, parse_request, parse_when

__all__ = ["LANGUAGES", "Reading", "Workday", "parse_request", "parse_when"]
