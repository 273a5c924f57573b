"""Privacy by construction: find the people and identifying details in a
judgment, redact every published text value, mask page images, and refuse
a public file that still holds any of them.

detect ──▶ Detection ──▶ DocumentRedactor (publish, every text value)
                     └─▶ mask_page (publish --page-images)
public.db ──▶ check_file (byte scan after VACUUM)
"""

from .detect import detect
from .records import Detection, Identifier, Person, Span
from .redact import DocumentRedactor, Redactor
from .scan import PrivacyLeakError, check_file, leaked_terms

__all__ = [
    "Detection", "DocumentRedactor", "Identifier", "Person", "PrivacyLeakError", "Redactor", "Span",
    "check_file", "detect", "leaked_terms",
]
